package io.omskit.orchestration.picking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PickRouteScenariosTest {

    // 3 aisles 3 m apart, 10 bays of 1 m, 2 m cross aisles: an aisle is 12 m between cross-aisle centre lines
    private final WarehouseLayout threeAisles = WarehouseLayout.singleBlock(3, 10, 3, 1, 2);
    private final Sku soap = Sku.of("SOAP");
    private final Sku towel = Sku.of("TOWEL");
    private final Sku brush = Sku.of("BRUSH");

    private static PickList list(String fulfilment, PickLine... lines) {
        return new PickList(FulfilmentId.of(fulfilment), List.of(lines));
    }

    @Test
    void enters_and_leaves_two_distant_aisles_from_the_front_when_that_is_shortest() {
        Slotting slotting = Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(1, 1, 2)),
                towel, List.of(BinAddress.of(3, 1, 2))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 2)));

        // 2.5 m up aisle 1 and back, 6 m across, 2.5 m up aisle 3 and back, 6 m home
        assertThat(route.distanceMetres()).isCloseTo(22, within(1e-9));
        assertThat(route.provedOptimal()).isTrue();
        assertThat(route.method()).isEqualTo(RoutingMethod.OPTIMAL);
        assertThat(route.distanceByMethod().get(RoutingMethod.S_SHAPE)).isCloseTo(36, within(1e-9));
        assertThat(route.distanceByMethod().get(RoutingMethod.LARGEST_GAP)).isCloseTo(36, within(1e-9));
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED)).isCloseTo(22, within(1e-9));
        assertThat(route.gapPercent(RoutingMethod.S_SHAPE)).hasValueCloseTo(100 * 14.0 / 22, within(1e-9));
        // the walk is as short either way round
        assertThat(route.stops()).extracting(PickStop::sku).containsExactlyInAnyOrder(soap, towel);
        assertThat(route.stops()).filteredOn(s -> s.sku().equals(towel)).extracting(PickStop::quantity).containsExactly(2);
    }

    @Test
    void takes_a_sku_from_the_bin_on_the_way_when_it_sits_in_two_bins() {
        Slotting slotting = Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(1, 1, 2)),
                towel, List.of(BinAddress.of(3, 1, 2), BinAddress.of(1, 1, 8))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 1)));

        assertThat(route.stops()).extracting(PickStop::bin)
                .containsExactlyInAnyOrder(BinAddress.of(1, 1, 2), BinAddress.of(1, 1, 8));
        assertThat(route.distanceMetres()).isCloseTo(17, within(1e-9));
        assertThat(route.binsTriedExhaustively()).isTrue();
    }

    @Test
    void finds_the_shortest_route_through_a_middle_cross_aisle() {
        // 2 aisles 3 m apart, two blocks of 5 bays of 1 m, 2 m cross aisles at y = 0, 7 and 14
        WarehouseLayout twoBlocks = new WarehouseLayout(2, 2, 5, 3, 3, 1, 2, 1);
        Slotting slotting = Slotting.of(twoBlocks, Map.of(soap, List.of(BinAddress.of(1, 2, 1)),
                towel, List.of(BinAddress.of(2, 1, 5))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 1)));

        // up aisle 1 to the soap (y 8.5) and back to the middle aisle (7), across (3), down aisle 2 past the towel
        // (y 5.5) to the front (7), back to the depot (3): 8.5 + 1.5 + 3 + 7 + 3 = 23
        assertThat(route.distanceMetres()).isCloseTo(23, within(1e-9));
        assertThat(route.method()).isEqualTo(RoutingMethod.OPTIMAL);
        assertThat(route.provedOptimal()).isTrue();
        assertThat(route.distanceByMethod()).containsOnlyKeys(RoutingMethod.OPTIMAL, RoutingMethod.S_SHAPE,
                RoutingMethod.LARGEST_GAP, RoutingMethod.COMBINED, RoutingMethod.COMBINED_PLUS,
                RoutingMethod.NEAREST_NEIGHBOUR, RoutingMethod.LOCAL_SEARCH);
    }

    @Test
    void combined_on_two_blocks_enters_and_leaves_an_aisle_from_the_back_when_that_is_shorter() {
        // 3 aisles 3 m apart, two blocks of 5 bays of 1 m, 2 m cross aisles at y = 0, 7 and 14; picks at y 12.5
        WarehouseLayout twoBlocks = new WarehouseLayout(3, 2, 5, 1, 3, 1, 2, 1);
        Slotting slotting = Slotting.of(twoBlocks, Map.of(soap, List.of(BinAddress.of(1, 2, 5)),
                towel, List.of(BinAddress.of(2, 2, 5)), brush, List.of(BinAddress.of(3, 2, 5))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 1),
                PickLine.of(brush, 1)));

        // up aisle 1 to the back (14), across (3), into aisle 2 to the towel and back out (3), across (3), through
        // aisle 3 to the middle cross aisle (7), down the empty front block (7), home (6): 43
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED)).isCloseTo(43, within(1e-9));
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED_PLUS)).isLessThanOrEqualTo(43 + 1e-9);
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED))
                .isGreaterThanOrEqualTo(route.distanceMetres() - 1e-9);
    }

    @Test
    void combined_plus_visits_a_block_from_its_far_end_when_that_leaves_the_picker_nearer_home() {
        // the same two blocks; picks in the back block at y 8.5 (aisle 1), 9.5 (aisle 2) and 12.5 (aisle 3)
        WarehouseLayout twoBlocks = new WarehouseLayout(3, 2, 5, 1, 3, 1, 2, 1);
        Slotting slotting = Slotting.of(twoBlocks, Map.of(soap, List.of(BinAddress.of(1, 2, 1)),
                towel, List.of(BinAddress.of(2, 2, 2)), brush, List.of(BinAddress.of(3, 2, 5))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 1),
                PickLine.of(brush, 1)));

        // combined: up aisle 1 (14), across (3), into aisle 2 and out (9), across (3), through aisle 3 (7), down the
        // empty front block (7), home from aisle 3 (6): 49
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED)).isCloseTo(49, within(1e-9));
        // combined+: up aisle 1 (14), across to aisle 3 (6), into it and out (3), back to aisle 2 (3), through it (7),
        // down the front block (7), home from aisle 2 (3): 43, here the shortest route
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED_PLUS)).isCloseTo(43, within(1e-9));
        assertThat(route.distanceMetres()).isCloseTo(43, within(1e-9));
    }

    @Test
    void routes_three_blocks_by_local_search_and_reports_every_heuristic() {
        WarehouseLayout threeBlocks = new WarehouseLayout(4, 3, 5, 3, 3, 1, 2, 1);
        Slotting slotting = Slotting.of(threeBlocks, Map.of(soap, List.of(BinAddress.of(4, 3, 5)),
                towel, List.of(BinAddress.of(2, 1, 1)), brush, List.of(new BinAddress(3, 2, 1, RackSide.RIGHT, 3))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1), PickLine.of(towel, 1),
                PickLine.of(brush, 1)));

        assertThat(route.method()).isEqualTo(RoutingMethod.LOCAL_SEARCH);
        assertThat(route.provedOptimal()).isFalse();
        assertThat(route.distanceByMethod()).containsOnlyKeys(RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP,
                RoutingMethod.COMBINED, RoutingMethod.COMBINED_PLUS, RoutingMethod.NEAREST_NEIGHBOUR,
                RoutingMethod.LOCAL_SEARCH);
        route.distanceByMethod().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(route.distanceMetres() - 1e-9));
        assertThat(route.stops()).extracting(PickStop::sku).containsExactlyInAnyOrder(soap, towel, brush);
    }

    @Test
    void walks_a_one_way_aisle_only_in_its_direction() {
        // aisle 1 may only be walked towards the front: the picker goes round by aisle 2 and the back cross aisle
        WarehouseLayout oneWay = threeAisles.withOneWayAisle(1, AisleDirection.TOWARDS_FRONT);
        Slotting slotting = Slotting.of(oneWay, Map.of(soap, List.of(BinAddress.of(1, 1, 2))));

        PickRoute route = PickRouter.of(slotting).route(list("F1", PickLine.of(soap, 1)));

        // across 3, up aisle 2 (12), back across 3, down aisle 1 past the soap (12) to the depot: 30 m, not 5
        assertThat(route.distanceMetres()).isCloseTo(30, within(1e-9));
        assertThat(route.method()).isEqualTo(RoutingMethod.LOCAL_SEARCH);
        assertThat(route.provedOptimal()).isFalse();
    }

    @Test
    void refuses_a_one_way_aisle_outside_the_layout() {
        assertThatThrownBy(() -> threeAisles.withOneWayAisle(4, AisleDirection.TOWARDS_BACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oneWayAisles must name aisles between 1 and aisles (3), named 4");
    }

    @Test
    void fills_trolleys_up_to_their_capacity_and_walks_less_than_one_trip_per_fulfilment() {
        Slotting slotting = Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(1, 1, 9)),
                towel, List.of(BinAddress.of(2, 1, 9)), brush, List.of(BinAddress.of(3, 1, 9))));
        List<PickList> wave = List.of(list("F1", PickLine.of(soap, 3)), list("F2", PickLine.of(soap, 2)),
                list("F3", PickLine.of(towel, 2), PickLine.of(brush, 1)), list("F4", PickLine.of(brush, 4)));

        PickWavePlan plan = PickWavePlanner.of(PickRouter.of(slotting), 6).plan(wave);

        assertThat(plan.batches()).allSatisfy(b -> assertThat(b.units()).isLessThanOrEqualTo(6));
        assertThat(plan.batches()).flatExtracting(PickBatch::fulfilments).extracting(FulfilmentId::value)
                .containsExactlyInAnyOrder("F1", "F2", "F3", "F4");
        assertThat(plan.batches()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(plan.distanceMetres()).isLessThan(plan.separateDistanceMetres());
        assertThat(plan.batches()).allSatisfy(b -> assertThat(b.route().stops()).allSatisfy(
                s -> assertThat(b.fulfilments()).contains(s.fulfilment())));
    }

    @Test
    void refuses_a_fulfilment_larger_than_the_trolley_before_planning() {
        Slotting slotting = Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(1, 1, 9))));

        assertThatThrownBy(() -> PickWavePlanner.of(PickRouter.of(slotting), 2).plan(List.of(list("F9", PickLine.of(soap, 3)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wave[0] (F9) has 3 units, must be at most the trolley capacity 2");
    }

    @Test
    void names_every_sku_that_sits_in_no_bin() {
        Slotting slotting = Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(1, 1, 2))));

        assertThatThrownBy(() -> PickRouter.of(slotting).route(list("F1", PickLine.of(towel, 1), PickLine.of(soap, 1),
                PickLine.of(brush, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pickLists[0].lines[0].sku TOWEL must sit in a bin of the slotting, sits in none")
                .hasMessageContaining("pickLists[0].lines[2].sku BRUSH");
    }

    @Test
    void refuses_a_bin_outside_the_layout_naming_the_part_out_of_range() {
        assertThatThrownBy(() -> Slotting.of(threeAisles, Map.of(soap, List.of(BinAddress.of(4, 1, 11)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aisle must be between 1 and 3 in this layout, was 4")
                .hasMessageContaining("bay must be between 1 and 10 in this layout, was 11");
    }

    @Test
    void refuses_a_layout_naming_every_broken_field() {
        assertThatThrownBy(() -> new WarehouseLayout(0, 1, 10, 1, -1, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aisles must be >= 1, was 0")
                .hasMessageContaining("aisleSpacingMetres must be finite and > 0, was -1.0");
    }
}
