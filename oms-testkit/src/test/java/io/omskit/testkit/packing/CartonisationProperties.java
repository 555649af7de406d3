package io.omskit.testkit.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.orchestration.packing.Cartoniser;
import io.omskit.orchestration.packing.CartonisationResult;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.Money;

class CartonisationProperties {

    @Property(tries = 200)
    void every_unit_is_packed_exactly_once_and_no_carton_is_over_its_limits(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int skus, @ForAll @IntRange(min = 1, max = 8) int maxQuantity) {
        RandomPacking instance = RandomPacking.of(seed, skus, maxQuantity);
        CartonisationResult result = Cartoniser.of(instance.catalogue(), instance.pricing()).pack(instance.lines());

        assertThat(result.isPacked()).isTrue();
        CartonisationResult.Packed packed = (CartonisationResult.Packed) result;
        assertThat(PackingVerifier.problems(instance.lines(), instance.catalogue(), packed)).isEmpty();
        assertThat(packed.cartons()).isGreaterThanOrEqualTo(packed.bound().cartons());
        assertThat(packed.totalCost().isLessThan(packed.bound().cost())).isFalse();
    }

    @Property(tries = 150)
    void small_fulfilments_cost_what_trying_every_packing_costs(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int skus, @ForAll @IntRange(min = 1, max = 3) int maxQuantity) {
        RandomPacking instance = RandomPacking.of(seed, skus, maxQuantity);
        Assume.that(instance.units() <= 6);
        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(instance.catalogue(), instance.pricing()).pack(instance.lines());
        Money cheapest = PackingVerifier.cheapestByTryingEverything(instance.lines(), instance.catalogue(),
                instance.pricing(), RandomPacking.CELL_MM);

        assertThat(packed.provedOptimal()).isTrue();
        assertThat(packed.totalCost()).isEqualTo(cheapest);
    }

    @Property(tries = 100)
    void a_fulfilment_proved_optimal_on_a_small_search_budget_costs_what_trying_every_packing_costs(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int skus,
            @ForAll @IntRange(min = 1, max = 3) int maxQuantity, @ForAll @IntRange(min = 0, max = 200) int budget) {
        RandomPacking instance = RandomPacking.of(seed, skus, maxQuantity);
        Assume.that(instance.units() <= 6);
        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(instance.catalogue(), instance.pricing()).withFitSearchBudget(budget).pack(instance.lines());
        Money cheapest = PackingVerifier.cheapestByTryingEverything(instance.lines(), instance.catalogue(),
                instance.pricing(), RandomPacking.CELL_MM);

        assertThat(PackingVerifier.problems(instance.lines(), instance.catalogue(), packed)).isEmpty();
        assertThat(packed.totalCost().isLessThan(cheapest)).isFalse();
        if (packed.provedOptimal()) {
            assertThat(packed.totalCost()).isEqualTo(cheapest);
        }
    }

    @Property(tries = 40)
    void a_fulfilment_of_up_to_seven_units_proved_optimal_costs_what_trying_every_packing_costs(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int skus) {
        RandomPacking instance = RandomPacking.of(seed, skus, 3);
        Assume.that(instance.units() >= 5 && instance.units() <= PackingVerifier.MAX_BRUTE_FORCE_UNITS);
        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(instance.catalogue(), instance.pricing()).pack(instance.lines());
        Money cheapest = PackingVerifier.cheapestByTryingEverything(instance.lines(), instance.catalogue(),
                instance.pricing(), RandomPacking.CELL_MM);

        assertThat(PackingVerifier.problems(instance.lines(), instance.catalogue(), packed)).isEmpty();
        assertThat(packed.totalCost().isLessThan(cheapest)).isFalse();
        if (packed.provedOptimal()) {
            assertThat(packed.totalCost()).isEqualTo(cheapest);
        }
    }
}
