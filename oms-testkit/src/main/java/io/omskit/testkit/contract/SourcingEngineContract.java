package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.stock.StockSnapshot;
import io.omskit.testkit.sourcing.SourcingArbitraries;
import io.omskit.testkit.sourcing.SourcingInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link OrchestrationEngine}. Extend it with one factory method to check an engine:
 * <pre>{@code
 * class MyEngineContractTest extends SourcingEngineContract {
 *     protected OrchestrationEngine newEngine(SourcingEngine optimiser) { return new MyEngine(optimiser.network()); }
 * }
 * }</pre>
 * Each check runs on a few hundred small random sourcing problems ({@link SourcingArbitraries#instance(long)}: a
 * network of up to four locations, up to three lines, sparse stock, some locations excluded by the rule book); the
 * factory gets the optimiser for each problem (its network and rule book), which an engine built on it may use and
 * any other engine must plan over the same network. Each test's display name starts with the clause it checks.
 */
public abstract class SourcingEngineContract {

    private static final int PROBLEMS = 200;

    /** The engine under test, over {@code optimiser}'s network (and, if it likes, its rule book). */
    protected abstract OrchestrationEngine newEngine(SourcingEngine optimiser);

    private interface Check {
        void on(SourcingInstance instance, OrchestrationEngine engine, SourcingRequest request);
    }

    private void forEachProblem(Check check) {
        for (long seed = 1; seed <= PROBLEMS; seed++) {
            SourcingInstance instance = SourcingArbitraries.instance(seed * 7919);
            OrchestrationEngine engine = newEngine(instance.engine());
            assertThat(engine.network()).as("the engine's network").isSameAs(instance.network());
            check.on(instance, engine, instance.request());
        }
    }

    private static EngineDecision decide(OrchestrationEngine engine, SourcingInstance instance, SourcingRequest request) {
        return engine.decide(request, instance.snapshot(), SourcingInstance.NOW);
    }

    /** Units planned per SKU and location over {@code plans}. */
    private static Map<Sku, Map<LocationId, Integer>> planned(List<SourcingPlan> plans) {
        Map<Sku, Map<LocationId, Integer>> out = new HashMap<>();
        for (SourcingPlan p : plans) {
            for (PlannedFulfilment f : p.fulfilments()) {
                for (PlannedLine l : f.lines()) {
                    out.computeIfAbsent(l.sku(), s -> new HashMap<>()).merge(f.location(), l.quantity(), Integer::sum);
                }
            }
        }
        return out;
    }

    private static void assertWithinStock(SourcingInstance instance, List<SourcingPlan> plans) {
        planned(plans).forEach((sku, byLocation) -> byLocation.forEach((location, units) ->
                assertThat(units).as("units of %s planned at %s in %s", sku, location, instance)
                        .isLessThanOrEqualTo(instance.unitsOf(sku, location))));
    }

    @Test
    @DisplayName("OrchestrationEngine §1: never plans more of a SKU at a location than the snapshot shows there")
    void never_plans_more_than_there_is() {
        forEachProblem((instance, engine, request) ->
                assertWithinStock(instance, List.of(decide(engine, instance, request).plan())));
    }

    @Test
    @DisplayName("OrchestrationEngine §2: plans nothing at a location the request excludes, for the order or a line")
    void respects_exclusions() {
        forEachProblem((instance, engine, request) -> {
            SourcingPlan first = decide(engine, instance, request).plan();
            if (first.isEmpty()) {
                return;
            }
            PlannedFulfilment used = first.fulfilments().get(0);
            LineId line = used.lines().get(0).line();
            SourcingPlan withoutLocation = decide(engine, instance, request.excluding(used.location())).plan();
            SourcingPlan withoutLine = decide(engine, instance, request.excluding(line, used.location())).plan();

            assertThat(withoutLocation.fulfilmentAt(used.location())).as("excluded for all in %s", instance).isEmpty();
            withoutLine.fulfilmentAt(used.location()).ifPresent(f -> assertThat(f.lines())
                    .as("line %s excluded at %s in %s", line, used.location(), instance)
                    .noneMatch(l -> l.line().equals(line)));
        });
    }

    @Test
    @DisplayName("OrchestrationEngine §3: is deterministic: the same question gives the same plan, on any thread")
    void is_deterministic() {
        forEachProblem((instance, engine, request) -> {
            EngineDecision a = decide(engine, instance, request);
            EngineDecision b = decide(engine, instance, request);
            EngineDecision c = CompletableFuture.supplyAsync(() -> decide(engine, instance, request)).join();

            for (EngineDecision other : List.of(b, c)) {
                assertThat(other.plan()).as("plan in %s", instance).isEqualTo(a.plan());
                assertThat(other.decidedBy()).isEqualTo(a.decidedBy());
                assertThat(other.waitUntil()).isEqualTo(a.waitUntil());
            }
        });
    }

    @Test
    @DisplayName("OrchestrationEngine §4: accounts for every unit: planned, or unsourced with a reason")
    void every_unit_is_planned_or_explained() {
        forEachProblem((instance, engine, request) -> {
            EngineDecision d = decide(engine, instance, request);
            SourcingPlan plan = d.plan();
            for (DemandLine line : request.demand().lines()) {
                int unsourced = 0;
                for (Unsourced u : plan.unsourced()) {
                    if (u.line().equals(line.line())) {
                        unsourced += u.quantity();
                    }
                }
                assertThat(plan.plannedUnits(line.line()) + unsourced).as("units of %s in %s: %s", line.line(), instance, plan)
                        .isEqualTo(line.quantity());
            }
            assertThat(plan.order()).isEqualTo(request.demand().order());
            if (d.isWaiting()) {
                assertThat(plan.isEmpty()).as("a waiting decision plans nothing").isTrue();
            }
            for (PlannedFulfilment f : plan.fulfilments()) {
                assertThat(engine.network().indexOf(f.location())).as("%s in the network", f.location()).isNotNegative();
            }
        });
    }

    @Test
    @DisplayName("OrchestrationEngine §5: a wave plans one decision per request and never more than there is in all")
    void a_wave_never_plans_more_than_there_is() {
        for (long seed = 1; seed <= PROBLEMS / 4; seed++) {
            SourcingInstance instance = SourcingArbitraries.instance(seed * 104_729);
            OrchestrationEngine engine = newEngine(instance.engine());
            SourcingRequest request = instance.request();
            List<SourcingRequest> wave = List.of(request, request, request);
            StockSnapshot snapshot = instance.snapshot();

            List<EngineDecision> decisions = engine.decideWave(wave, snapshot, SourcingInstance.NOW);

            assertThat(decisions).hasSize(wave.size());
            List<SourcingPlan> plans = new ArrayList<>();
            decisions.forEach(d -> plans.add(d.plan()));
            assertWithinStock(instance, plans);
            assertThat(engine.decideWave(wave, snapshot, SourcingInstance.NOW)).extracting(EngineDecision::plan)
                    .as("the same wave again").isEqualTo(plans);
        }
    }

    @Test
    @DisplayName("OrchestrationEngine §6: names itself")
    void names_itself() {
        OrchestrationEngine engine = newEngine(SourcingArbitraries.instance(1).engine());
        assertThat(engine.name()).isNotBlank();
    }
}
