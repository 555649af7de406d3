package io.omskit.orchestration.picking;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.orchestration.packing.CartonCatalogue;
import io.omskit.orchestration.packing.CartonType;
import io.omskit.orchestration.packing.CartonisationResult;
import io.omskit.orchestration.packing.Cartoniser;
import io.omskit.orchestration.packing.PackLine;
import io.omskit.orchestration.packing.ParcelPricing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The README's "Pick routes and packing" snippet, compiled and run; keep both in step. */
class PickAndPackReadmeExampleTest {

    @Test
    void pick_routes_and_packing() {
        SkuAttributes mugAttributes = SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 420,
                Dimensions.ofMillimetres(120, 120, 110), true);
        // --- README: Pick routes and packing ---
        WarehouseLayout layout = new WarehouseLayout(20, 1, 50, 4, 2.5, 1.0, 2.0, 1);  // 20 aisles x 50 bays, depot at aisle 1
        Slotting slotting = Slotting.of(layout, Map.of(
                Sku.of("MUG"), List.of(BinAddress.of(3, 1, 12), BinAddress.of(17, 1, 40)),  // two bins: the router chooses
                Sku.of("TEA"), List.of(new BinAddress(4, 1, 7, RackSide.RIGHT, 2))));
        PickRouter router = PickRouter.of(slotting);
        PickList pickList = new PickList(FulfilmentId.of("F-1001"),
                List.of(PickLine.of(Sku.of("MUG"), 2), PickLine.of(Sku.of("TEA"), 1)));

        PickRoute route = router.route(pickList);
        route.stops();             // the walking order: bin, SKU, quantity, fulfilment
        route.distanceMetres();    // provably shortest on one or two blocks: route.provedOptimal()
        route.distanceByMethod();  // OPTIMAL, S_SHAPE, LARGEST_GAP, COMBINED, COMBINED_PLUS, NEAREST_NEIGHBOUR, LOCAL_SEARCH
        PickWavePlan wave = PickWavePlanner.of(router, 40).plan(List.of(pickList));  // trolleys of 40 units

        Cartoniser cartoniser = Cartoniser.of(
                new CartonCatalogue(List.of(
                        CartonType.of("S", Dimensions.ofMillimetres(300, 200, 100), 10_000, Money.parse("EUR 0.50")),
                        CartonType.of("L", Dimensions.ofMillimetres(400, 300, 200), 20_000, Money.parse("EUR 0.80"))),
                        Set.of(Sku.of("TV"))),                                     // ships in its own box
                ParcelPricing.chargeableWeight(Money.parse("EUR 4.00"), Money.parse("EUR 1.00"), 5_000));
        CartonisationResult result = cartoniser.pack(List.of(PackLine.of(mugAttributes, 2)));
        String label = result.fold(
                packed -> packed.cartons() + " carton(s), " + packed.totalCost() + ", at least " + packed.bound().cost(),
                unpackable -> "no carton holds " + unpackable.units());
        // --- end ---

        assertThat(route.stops()).extracting(PickStop::bin)
                .containsExactlyInAnyOrder(BinAddress.of(3, 1, 12), new BinAddress(4, 1, 7, RackSide.RIGHT, 2));
        assertThat(route.provedOptimal()).isTrue();
        assertThat(wave.batches()).hasSize(1);
        assertThat(label).isEqualTo("1 carton(s), EUR 9.80, at least EUR 9.80");
    }
}
