package io.omskit.testkit.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.orchestration.result.SourcingPlan;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OptimalityProperties {

    @Property(tries = 300)
    void plan_cost_equals_the_brute_force_optimum(@ForAll("instances") SourcingInstance instance) {
        SourcingPlan plan = instance.plan();
        BruteForceSourcing.Optimum optimum = BruteForceSourcing.optimum(instance);

        assertThat(plan.unsourcedUnits()).as("unsourced units of %s in %s", plan, instance).isEqualTo(optimum.unsourced());
        assertThat(plan.totalCost()).as("cost of %s in %s", plan, instance).isCloseTo(optimum.cost(), within(1e-6));
        assertThat(plan.isOptimal()).isTrue();
    }

    @Property(tries = 200)
    void plan_cost_equals_the_brute_force_optimum_when_shipment_limits_bind(@ForAll("limited") SourcingInstance instance) {
        plan_cost_equals_the_brute_force_optimum(instance);
    }

    @Provide
    Arbitrary<SourcingInstance> limited() {
        return SourcingArbitraries.limitedInstances();
    }

    @Provide
    Arbitrary<SourcingInstance> instances() {
        return SourcingArbitraries.smallInstances();
    }
}
