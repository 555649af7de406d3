package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.DecisionStep;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.StepOutcome;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Staged routing: each outcome of a stage, and what the decision says about the stages. */
class StagedRoutingTest {

    // along the equator from the customer at 0: 1 degree is about 111 km
    private final Network network = network(store("S-NEAR", 0.1), store("S-FAR", 0.5), warehouse("W-NEAR", 1),
            warehouse("W-FAR", 2));
    private final RuleSet home = RuleSet.builder("home").filter(new CapabilityFilter()).cost(new ShippingCost(rates()))
            .cost(new SplitPenalty(2)).maxShipments(3).build();
    private final SourcingEngine optimiser = engine(network, home);

    private final Stage storesNearby = Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(30)
            .sort(StageSort.distance()).split(StageSplit.none()).build();
    private final Stage warehousesByPriority = Stage.named("warehouses-by-priority")
            .locationTypes(LocationType.WAREHOUSE).sort(StageSort.priority(List.of(id("W-FAR"), id("W-NEAR"))))
            .split(StageSplit.none()).build();

    private StagedEngine staged(Stage... stages) {
        StagedEngine.Builder b = StagedEngine.builder("merchant-rules", optimiser);
        for (Stage s : stages) {
            b.stage(s);
        }
        return b.build();
    }

    @Test
    void the_first_stage_that_finds_a_plan_decides() {
        Order order = order("o1", home(), "A", 2, "B", 1);
        StockSnapshot stock = stock(network, "A", "S-NEAR", 5, "B", "S-NEAR", 5, "A", "W-NEAR", 9, "B", "W-NEAR", 9);

        EngineDecision d = staged(storesNearby, warehousesByPriority).decide(SourcingRequest.of(order), stock, NOW);

        assertThat(sources(d.plan())).containsExactly(id("S-NEAR"));
        assertThat(d.decidedBy()).isEqualTo("stage 1 'stores-nearby'");
        assertThat(d.steps()).extracting(DecisionStep::outcome).containsExactly(StepOutcome.DECIDED, StepOutcome.NOT_REACHED);
        // priced under the rule book: the same cost the optimiser gives a plan from S-NEAR alone
        double fromStore = optimiser.plan(SourcingRequest.of(order),
                stock(network, "A", "S-NEAR", 5, "B", "S-NEAR", 5)).totalCost();
        assertThat(d.plan().totalCost()).isCloseTo(fromStore, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.plan().costBreakdown()).extracting(a -> a.rule()).containsExactly("shipping", "split-penalty");
    }

    @Test
    void falls_through_to_the_next_stage_and_says_why_the_first_found_nothing() {
        Order order = order("o2", home(), "A", 2, "B", 1);
        // the near store lacks B; the far store is beyond 30 km
        StockSnapshot stock = stock(network, "A", "S-NEAR", 5, "A", "S-FAR", 5, "B", "S-FAR", 5,
                "A", "W-NEAR", 9, "B", "W-NEAR", 9, "A", "W-FAR", 9, "B", "W-FAR", 9);

        EngineDecision d = staged(storesNearby, warehousesByPriority).decide(SourcingRequest.of(order), stock, NOW);

        assertThat(d.decidedBy()).isEqualTo("stage 2 'warehouses-by-priority'");
        assertThat(sources(d.plan())).containsExactly(id("W-FAR"));
        assertThat(d.steps().get(0).outcome()).isEqualTo(StepOutcome.FOUND_NOTHING);
        assertThat(d.steps().get(0).why()).contains("plans 0 of 3 unit(s)");
        assertThat(d.decidingStep()).get().extracting(DecisionStep::index).isEqualTo(1);
        // the merchant's priority costs more than the optimiser, which takes the near warehouse
        SourcingPlan best = optimiser.plan(SourcingRequest.of(order), stock);
        assertThat(sources(best)).containsExactly(id("S-FAR"));
        assertThat(d.plan().totalCost()).isGreaterThan(best.totalCost());
    }

    @Test
    void a_waiting_stage_answers_wait_until_then_falls_through_once_the_wait_is_over() {
        Order order = order("o3", home(), "A", 1);
        StockSnapshot stock = stock(network, "A", "W-NEAR", 4);
        Stage offerStores = Stage.named("offer-stores").locationTypes(LocationType.STORE).split(StageSplit.none())
                .whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build();
        StagedEngine rules = staged(offerStores, warehousesByPriority);

        EngineDecision early = rules.decide(SourcingRequest.of(order), stock, NOW.plus(Duration.ofMinutes(30)));
        EngineDecision late = rules.decide(SourcingRequest.of(order), stock, NOW.plus(Duration.ofHours(3)));

        assertThat(early.isWaiting()).isTrue();
        assertThat(early.retryAt()).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(early.plan().isEmpty()).isTrue();
        assertThat(early.plan().unsourcedUnits()).isEqualTo(1);
        assertThat(early.plan().unsourced().get(0).detail()).contains("waiting until 2026-03-10T11:00:00Z");
        assertThat(early.steps()).extracting(DecisionStep::outcome)
                .containsExactly(StepOutcome.WAITING, StepOutcome.NOT_REACHED);
        assertThat(late.isWaiting()).isFalse();
        assertThat(sources(late.plan())).containsExactly(id("W-NEAR"));
        assertThat(late.steps().get(0).why()).contains("waited until 2026-03-10T11:00:00Z");
    }

    @Test
    void a_second_waiting_stage_waits_its_full_duration_from_when_the_demand_reached_it() {
        Order order = order("o3b", home(), "A", 1);
        StockSnapshot stock = stock(network, "A", "W-FAR", 4);
        Stage offerStores = Stage.named("offer-stores").locationTypes(LocationType.STORE).split(StageSplit.none())
                .whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build();
        Stage offerNearWarehouse = Stage.named("offer-near-warehouse").locationTypes(LocationType.WAREHOUSE).maxKm(150)
                .split(StageSplit.none()).whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build();
        StagedEngine rules = staged(offerStores, offerNearWarehouse, warehousesByPriority);
        java.time.Instant reached = NOW.plus(Duration.ofHours(3));

        EngineDecision atSecond = rules.decide(SourcingRequest.of(order), stock, reached);
        SourcingRequest kept = SourcingRequest.of(order).withStepReached("offer-near-warehouse", atSecond.waitingSince());
        EngineDecision stillWaiting = rules.decide(kept, stock, reached.plus(Duration.ofMinutes(119)));
        EngineDecision over = rules.decide(kept, stock, reached.plus(Duration.ofHours(2)));

        // counted from placement, the second wait (two hours) would have been over an hour ago
        assertThat(atSecond.decidedBy()).isEqualTo("stage 2 'offer-near-warehouse'");
        assertThat(atSecond.waitingSince()).isEqualTo(reached);
        assertThat(atSecond.retryAt()).contains(reached.plus(Duration.ofHours(2)));
        assertThat(stillWaiting.retryAt()).contains(reached.plus(Duration.ofHours(2)));
        assertThat(over.isWaiting()).isFalse();
        assertThat(sources(over.plan())).containsExactly(id("W-FAR"));
    }

    @Test
    void a_stage_that_ships_what_it_finds_ships_the_near_store_units_and_the_next_stage_ships_the_rest() {
        Order order = order("o3c", home(), "A", 3, "B", 1);
        StockSnapshot stock = stock(network, "A", "S-NEAR", 2, "A", "W-NEAR", 9, "B", "W-NEAR", 9, "A", "W-FAR", 9,
                "B", "W-FAR", 9);
        Stage anyOfIt = Stage.named("stores-any-of-it").locationTypes(LocationType.STORE).maxKm(30)
                .sort(StageSort.distance()).split(StageSplit.none()).shipWhatItFinds().build();

        EngineDecision d = staged(anyOfIt, warehousesByPriority).decide(SourcingRequest.of(order), stock, NOW);

        assertThat(d.plan().isComplete()).isTrue();
        assertThat(d.plan().fulfilments()).extracting(f -> f.location(), f -> f.units())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id("S-NEAR"), 2),
                        org.assertj.core.groups.Tuple.tuple(id("W-FAR"), 2));
        assertThat(d.decidedBy()).isEqualTo("stage 1 'stores-any-of-it', then stage 2 'warehouses-by-priority'");
        assertThat(d.steps()).extracting(DecisionStep::outcome)
                .containsExactly(StepOutcome.SHIPPED_PART, StepOutcome.DECIDED);
        assertThat(d.steps().get(0).why()).startsWith("ships 2 of 4 unit(s) from [S-NEAR]")
                .contains(order.lines().get(0).id() + " x2").endsWith("the rest to the next stage");
        assertThat(d.steps().get(1).why()).startsWith("the rest: 1 parcel(s) from [W-FAR]");
        // each part priced under the rule book, as the optimiser prices a plan from those locations
        double parts = optimiser.plan(SourcingRequest.of(order(("o3c-store"), home(), "A", 2)),
                stock(network, "A", "S-NEAR", 2)).totalCost()
                + optimiser.plan(SourcingRequest.of(order("o3c-rest", home(), "A", 1, "B", 1)),
                stock(network, "A", "W-FAR", 9, "B", "W-FAR", 9)).totalCost();
        assertThat(d.plan().totalCost()).isCloseTo(parts, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void a_stage_that_ships_what_it_finds_backorders_the_rest_when_told_to() {
        Order order = order("o3d", home(), "A", 3, "B", 1);
        StockSnapshot stock = stock(network, "A", "S-NEAR", 2, "A", "W-NEAR", 9, "B", "W-NEAR", 9);
        Stage anyOfIt = Stage.named("stores-any-of-it").locationTypes(LocationType.STORE).maxKm(30)
                .split(StageSplit.none()).shipWhatItFinds().whenNothing(WhenNothing.backorder()).build();

        EngineDecision d = staged(anyOfIt).decide(SourcingRequest.of(order), stock, NOW);

        assertThat(d.plan().fulfilments()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(id("S-NEAR"));
            assertThat(f.units()).isEqualTo(2);
        });
        assertThat(d.plan().unsourcedUnits()).isEqualTo(2);
        assertThat(d.plan().unsourced()).allSatisfy(u -> assertThat(u.detail()).startsWith("stage 1 'stores-any-of-it': backordered"));
        assertThat(d.whenUnsourced()).isEqualTo(ResourcingPolicy.Action.BACKORDER);
        assertThat(d.steps()).extracting(DecisionStep::outcome).containsExactly(StepOutcome.SHIPPED_PART);
        assertThat(d.steps().get(0).why()).endsWith("the rest backordered");
    }

    @Test
    void a_stage_that_ships_what_it_finds_but_finds_nothing_hands_everything_on() {
        Order order = order("o3e", home(), "A", 1);
        Stage anyOfIt = Stage.named("stores-any-of-it").locationTypes(LocationType.STORE).maxKm(30)
                .split(StageSplit.none()).shipWhatItFinds().build();

        EngineDecision d = staged(anyOfIt, warehousesByPriority).decide(SourcingRequest.of(order),
                stock(network, "A", "W-NEAR", 4), NOW);

        assertThat(d.decidedBy()).isEqualTo("stage 2 'warehouses-by-priority'");
        assertThat(d.steps()).extracting(DecisionStep::outcome)
                .containsExactly(StepOutcome.FOUND_NOTHING, StepOutcome.DECIDED);
        assertThat(sources(d.plan())).containsExactly(id("W-NEAR"));
    }

    @Test
    void a_stage_that_backorders_gives_every_unit_up_and_no_later_stage_is_tried() {
        Order order = order("o4", home(), "A", 3, "B", 1);
        StockSnapshot stock = stock(network, "A", "W-NEAR", 2, "B", "S-NEAR", 1);
        Stage lastResort = Stage.named("warehouses-then-backorder").locationTypes(LocationType.WAREHOUSE)
                .split(StageSplit.upTo(2)).whenNothing(WhenNothing.backorder()).build();

        EngineDecision d = staged(storesNearby, lastResort).decide(SourcingRequest.of(order), stock, NOW);

        assertThat(d.plan().isEmpty()).isTrue();
        assertThat(d.plan().unsourcedUnits()).isEqualTo(4);
        assertThat(d.whenUnsourced()).isEqualTo(ResourcingPolicy.Action.BACKORDER);
        assertThat(d.decidedBy()).isEqualTo("stage 2 'warehouses-then-backorder'");
        assertThat(d.steps()).extracting(DecisionStep::outcome)
                .containsExactly(StepOutcome.FOUND_NOTHING, StepOutcome.BACKORDERED);
        assertThat(d.plan().unsourced()).allSatisfy(u -> assertThat(u.detail()).startsWith("stage 2"));
    }

    @Test
    void a_stage_that_cancels_says_so() {
        Order order = order("o5", home(), "A", 1);
        Stage cancel = Stage.named("stores-or-cancel").locationTypes(LocationType.STORE)
                .whenNothing(WhenNothing.cancel()).build();

        EngineDecision d = staged(cancel).decide(SourcingRequest.of(order), stock(network, "A", "W-NEAR", 1), NOW);

        assertThat(d.whenUnsourced()).isEqualTo(ResourcingPolicy.Action.CANCEL);
        assertThat(d.steps()).extracting(DecisionStep::outcome).containsExactly(StepOutcome.CANCELLED);
        assertThat(d.plan().unsourced()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(UnsourcedReason.EXCLUDED_BY_RULES));
    }

    @Test
    void after_the_last_stage_units_are_backordered() {
        Order order = order("o6", home(), "A", 1);

        EngineDecision d = staged(storesNearby).decide(SourcingRequest.of(order), stock(network), NOW);

        assertThat(d.decidedBy()).isEqualTo("after the last stage of merchant-rules");
        assertThat(d.plan().unsourced()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(UnsourcedReason.NO_STOCK));
    }

    @Test
    void a_split_stage_takes_at_most_its_parcels_and_by_line_keeps_each_line_whole() {
        Order order = order("o7", home(), "A", 4, "B", 1);
        StockSnapshot stock = stock(network, "A", "S-NEAR", 2, "A", "S-FAR", 2, "B", "W-NEAR", 1, "A", "W-FAR", 4);
        Stage upToTwo = Stage.named("two-parcels").sort(StageSort.distance()).split(StageSplit.upTo(2)).build();
        Stage byLine = Stage.named("by-line").sort(StageSort.distance()).split(StageSplit.byLine()).build();

        EngineDecision two = staged(upToTwo).decide(SourcingRequest.of(order), stock, NOW);
        EngineDecision lines = staged(byLine).decide(SourcingRequest.of(order), stock, NOW);

        // two parcels cannot hold 4 A and 1 B from the near stores: A from W-FAR, B from W-NEAR
        assertThat(sources(two.plan())).containsExactlyInAnyOrder(id("W-NEAR"), id("W-FAR"));
        assertThat(lines.plan().isComplete()).isTrue();
        lines.plan().fulfilments().forEach(f -> f.lines().forEach(l -> assertThat(l.quantity())
                .isEqualTo(l.line().value().equals("L1") ? 4 : 1)));
    }

    @Test
    void the_request_exclusions_hold_in_every_stage() {
        Order order = order("o8", home(), "A", 1);
        StockSnapshot stock = stock(network, "A", "S-NEAR", 1, "A", "W-NEAR", 1);

        EngineDecision d = staged(storesNearby, warehousesByPriority)
                .decide(SourcingRequest.of(order).excluding(id("S-NEAR")), stock, NOW);

        assertThat(sources(d.plan())).containsExactly(id("W-NEAR"));
    }

    @Test
    void refuses_stages_that_cannot_be_reached_naming_each_stage() {
        Stage backorder = Stage.named("first").whenNothing(WhenNothing.backorder()).build();
        Stage waitLong = Stage.named("wait-long").whenNothing(WhenNothing.waitFor(Duration.ofHours(4))).build();
        Stage waitShort = Stage.named("wait-short").whenNothing(WhenNothing.waitFor(Duration.ofHours(1))).build();
        Stage unknown = Stage.named("ranked").sort(StageSort.priority(List.of(id("NOWHERE")))).build();

        assertThatThrownBy(() -> staged(backorder, storesNearby))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("stages[1] 'stores-nearby'")
                .hasMessageContaining("can never be reached: stages[0] 'first' ends routing with BACKORDER");
        // each wait counts from when its stage is reached, so a shorter second wait still waits
        assertThat(staged(waitLong, waitShort).stages()).hasSize(2);
        assertThatThrownBy(() -> staged(unknown))
                .hasMessageContaining("stages[0] 'ranked'.sort").hasMessageContaining("ranks NOWHERE, which is not in the network");
        assertThatThrownBy(() -> staged(storesNearby, storesNearby))
                .hasMessageContaining("stages[1] 'stores-nearby'.name").hasMessageContaining("must be unique, stages[0] has it");
        assertThatThrownBy(() -> staged())
                .hasMessageContaining("stages = []: must hold at least one stage");
        assertThatThrownBy(() -> StagedEngine.builder("x", optimiser.routedBy(staged(storesNearby))).stage(storesNearby).build())
                .hasMessageContaining("must be the optimiser itself");
    }
}
