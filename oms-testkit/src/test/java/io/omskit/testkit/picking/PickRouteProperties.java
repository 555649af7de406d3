package io.omskit.testkit.picking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.orchestration.picking.BinAddress;
import io.omskit.orchestration.picking.PickRoute;
import io.omskit.orchestration.picking.PickRouter;
import io.omskit.orchestration.picking.PickStop;
import io.omskit.orchestration.picking.RoutingMethod;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PickRouteProperties {

    @Property(tries = 300)
    void single_block_route_is_as_short_as_trying_every_order(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 6, 1, 6, lines);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        assertThat(RouteVerifier.problems(instance.slotting(), List.of(instance.pickList()), route)).isEmpty();
        double shortest = RouteVerifier.shortestByTryingEveryOrder(instance.slotting(), List.of(instance.pickList()));
        assertThat(route.distanceMetres()).isCloseTo(shortest, within(1e-6));
        assertThat(route.distanceByMethod().get(RoutingMethod.OPTIMAL)).isCloseTo(shortest, within(1e-6));
        assertThat(route.provedOptimal()).isTrue();
    }

    @Property(tries = 300)
    void heuristics_never_beat_the_optimum(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 6, 1, 6, lines);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        assertThat(route.distanceByMethod()).containsKeys(RoutingMethod.S_SHAPE, RoutingMethod.LARGEST_GAP,
                RoutingMethod.COMBINED, RoutingMethod.NEAREST_NEIGHBOUR, RoutingMethod.LOCAL_SEARCH);
        route.distanceByMethod().values()
                .forEach(d -> assertThat(d).isGreaterThanOrEqualTo(route.distanceMetres() - 1e-6));
        assertThat(route.distanceByMethod().get(RoutingMethod.COMBINED))
                .isLessThanOrEqualTo(route.distanceByMethod().get(RoutingMethod.S_SHAPE) + 1e-6);
    }

    @Property(tries = 200)
    void route_with_a_middle_cross_aisle_is_as_short_as_trying_every_order(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 5, 2, 4, lines);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        assertThat(RouteVerifier.problems(instance.slotting(), List.of(instance.pickList()), route)).isEmpty();
        double shortest = RouteVerifier.shortestByTryingEveryOrder(instance.slotting(), List.of(instance.pickList()));
        assertThat(route.distanceMetres()).isCloseTo(shortest, within(1e-6));
        assertThat(route.provedOptimal()).isTrue();
        assertThat(route.distanceByMethod()).containsKeys(RoutingMethod.COMBINED, RoutingMethod.COMBINED_PLUS);
        route.distanceByMethod().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(shortest - 1e-6));
    }

    @Property(tries = 200)
    void route_with_more_blocks_is_sound_and_no_shorter_than_trying_every_order(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 4) int blocks, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 5, blocks, 4, lines);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        assertThat(RouteVerifier.problems(instance.slotting(), List.of(instance.pickList()), route)).isEmpty();
        double shortest = RouteVerifier.shortestByTryingEveryOrder(instance.slotting(), List.of(instance.pickList()));
        assertThat(route.distanceMetres()).isGreaterThanOrEqualTo(shortest - 1e-6);
        assertThat(route.distanceByMethod()).containsKeys(RoutingMethod.COMBINED, RoutingMethod.COMBINED_PLUS);
        route.distanceByMethod().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(shortest - 1e-6));
        assertThat(route.distanceMetres()).isLessThanOrEqualTo(route.distanceByMethod().get(RoutingMethod.COMBINED_PLUS) + 1e-6);
        assertThat(route.provedOptimal()).isFalse();
        assertThat(route.method()).isEqualTo(RoutingMethod.LOCAL_SEARCH);
    }

    @Property(tries = 200)
    void route_with_one_way_aisles_walks_them_one_way_and_is_no_shorter_than_trying_every_order(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 2) int blocks, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 5, blocks, 4, lines).withOneWayAisles(seed);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        assertThat(RouteVerifier.problems(instance.slotting(), List.of(instance.pickList()), route)).isEmpty();
        double shortest = RouteVerifier.shortestByTryingEveryOrder(instance.slotting(), List.of(instance.pickList()));
        assertThat(route.distanceMetres()).isGreaterThanOrEqualTo(shortest - 1e-6);
        route.distanceByMethod().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(shortest - 1e-6));
    }
    @Property(tries = 100)
    void route_with_one_way_aisles_on_three_or_four_blocks_walks_them_one_way(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 4) int blocks, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking instance = RandomPicking.of(seed, 5, blocks, 3, lines).withOneWayAisles(seed);
        PickRoute route = PickRouter.of(instance.slotting()).route(instance.pickList());

        // the verifier walks the stops in order on a graph whose one-way aisles have arcs one way only
        assertThat(RouteVerifier.problems(instance.slotting(), List.of(instance.pickList()), route)).isEmpty();
        double shortest = RouteVerifier.shortestByTryingEveryOrder(instance.slotting(), List.of(instance.pickList()));
        assertThat(route.distanceMetres()).isGreaterThanOrEqualTo(shortest - 1e-6);
        route.distanceByMethod().values().forEach(d -> assertThat(d).isGreaterThanOrEqualTo(shortest - 1e-6));
    }

    @Property(tries = 100)
    void one_way_aisles_never_shorten_a_walk_nor_the_route(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int blocks, @ForAll @IntRange(min = 1, max = 6) int lines) {
        RandomPicking twoWay = RandomPicking.of(seed, 5, blocks, 4, lines);
        RandomPicking oneWay = twoWay.withOneWayAisles(seed);
        PickRoute route = PickRouter.of(oneWay.slotting()).route(oneWay.pickList());
        List<BinAddress> bins = route.stops().stream()
                .map(PickStop::bin).toList();

        assertThat(RouteVerifier.walkLength(oneWay.slotting().layout(), bins))
                .isGreaterThanOrEqualTo(RouteVerifier.walkLength(twoWay.slotting().layout(), bins) - 1e-6);
        assertThat(route.distanceMetres()).isGreaterThanOrEqualTo(
                RouteVerifier.shortestByTryingEveryOrder(twoWay.slotting(), List.of(twoWay.pickList())) - 1e-6);
    }
}
