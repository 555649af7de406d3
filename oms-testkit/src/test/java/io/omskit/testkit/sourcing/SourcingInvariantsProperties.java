package io.omskit.testkit.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.SplitPolicy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What every plan guarantees, on instances of up to 12 locations and 8 lines (some sharing a SKU). */
class SourcingInvariantsProperties {

    @Provide
    Arbitrary<SourcingInstance> instances() {
        return SourcingArbitraries.instances(12, 8);
    }

    @Property(tries = 250)
    void never_plans_more_than_is_available_at_a_location(@ForAll("instances") SourcingInstance instance) {
        SourcingPlan plan = instance.plan();

        Map<Sku, Map<LocationId, Integer>> taken = new HashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            for (PlannedLine l : f.lines()) {
                taken.computeIfAbsent(l.sku(), s -> new HashMap<>()).merge(f.location(), l.quantity(), Integer::sum);
            }
        }
        taken.forEach((sku, byLocation) -> byLocation.forEach((location, units) ->
                assertThat(units).as("%s at %s in %s", sku, location, plan).isLessThanOrEqualTo(instance.unitsOf(sku, location))));
    }

    @Property(tries = 250)
    void every_unit_is_planned_or_reported_unsourced(@ForAll("instances") SourcingInstance instance) {
        SourcingPlan plan = instance.plan();

        for (DemandLine line : instance.demand().lines()) {
            int unsourced = plan.unsourced().stream().filter(u -> u.line().equals(line.line())).mapToInt(Unsourced::quantity).sum();
            assertThat(plan.plannedUnits(line.line()) + unsourced).as("line %s in %s", line.line(), plan).isEqualTo(line.quantity());
        }
    }

    @Property(tries = 250)
    void filters_and_shipment_limits_are_always_respected(@ForAll("instances") SourcingInstance instance) {
        SourcingPlan plan = instance.plan();

        assertThat(plan.shipments()).isLessThanOrEqualTo(instance.maxShipments());
        for (PlannedFulfilment f : plan.fulfilments()) {
            assertThat(instance.excluded()).as("excluded locations used by %s", plan).doesNotContain(f.location());
        }
        Map<LineId, Set<LocationId>> sourcesOfLine = new HashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            for (PlannedLine l : f.lines()) {
                sourcesOfLine.computeIfAbsent(l.line(), x -> new HashSet<>()).add(f.location());
            }
        }
        if (instance.wholeLine()) {
            sourcesOfLine.forEach((line, sources) -> assertThat(sources).as("sources of whole line %s", line).hasSize(1));
            for (DemandLine line : instance.demand().lines()) {
                assertThat(plan.plannedUnits(line.line())).isIn(0, line.quantity());
            }
        }
        for (Set<LineId> group : instance.groups()) {
            Set<LocationId> sources = new HashSet<>();
            group.forEach(line -> sources.addAll(sourcesOfLine.getOrDefault(line, Set.of())));
            assertThat(sources).as("sources of group %s in %s", group, plan).hasSizeLessThanOrEqualTo(1);
        }
        if (instance.split() == SplitPolicy.SHIP_COMPLETE) {
            assertThat(plan.isEmpty() || plan.isComplete()).as("ship complete: %s", plan).isTrue();
        }
    }

    @Property(tries = 150)
    void the_same_input_gives_the_same_plan(@ForAll("instances") SourcingInstance instance) {
        SourcingPlan first = instance.plan();
        SourcingPlan second = instance.plan();

        assertThat(second).isEqualTo(first);
        assertThat(second.explanation()).isEqualTo(first.explanation());
    }
}
