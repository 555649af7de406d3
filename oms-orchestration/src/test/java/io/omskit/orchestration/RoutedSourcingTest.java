package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sourcing engine routed by staged rules: allocation, batches, re-sourcing and what-ifs all follow the stages. */
class RoutedSourcingTest {

    private final Network network = network(store("S1", 0.1), warehouse("W-NEAR", 1), warehouse("W-FAR", 2));
    private final RuleSet home = RuleSet.builder("home").cost(new ShippingCost(rates())).maxShipments(2).build();
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
    private final SourcingEngine optimiser = SourcingEngine.builder().network(network).rules(RuleBook.of(home))
            .clock(CLOCK).inventory(store).build();
    private final StagedEngine rules = StagedEngine.builder("merchant-rules", optimiser)
            .stage(Stage.named("far-warehouse-first").locationTypes(LocationType.WAREHOUSE)
                    .sort(StageSort.priority(List.of(id("W-FAR")))).split(StageSplit.none()).build())
            .build();
    private final SourcingEngine routed = optimiser.routedBy(rules);

    @Test
    void source_allocates_the_stage_plan_not_the_cheapest() {
        store.load(sku("A"), id("W-NEAR"), 5);
        store.load(sku("A"), id("W-FAR"), 5);
        Order order = order("o1", home(), "A", 2);

        SourcingResult result = routed.source(SourcingRequest.of(order));

        assertThat(result).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(store.position(sku("A"), id("W-FAR")).allocated()).isEqualTo(2);
        assertThat(store.position(sku("A"), id("W-NEAR")).allocated()).isZero();
        assertThat(optimiser.plan(SourcingRequest.of(order)).fulfilments().get(0).location()).isEqualTo(id("W-NEAR"));
        assertThat(routed.name()).isEqualTo("merchant-rules");
    }

    @Test
    void re_sourcing_after_a_rejection_asks_the_stages_without_the_refusing_location() {
        store.load(sku("A"), id("W-NEAR"), 5);
        store.load(sku("A"), id("W-FAR"), 5);
        Order order = order("o2", home(), "A", 1);

        SourcingResult again = routed.source(SourcingRequest.of(order).excluding(id("W-FAR")),
                io.omskit.core.inventory.AllocationKey.of("o2-again"));

        assertThat(store.position(sku("A"), id("W-NEAR")).allocated()).isEqualTo(1);
        assertThat(again).isInstanceOf(SourcingResult.Allocated.class);
    }

    @Test
    void a_waiting_stage_allocates_nothing_and_says_until_when() {
        StagedEngine waiting = StagedEngine.builder("wait-for-store", optimiser)
                .stage(Stage.named("store").locationTypes(LocationType.STORE)
                        .whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build())
                .stage(Stage.named("anywhere").build()).build();
        store.load(sku("A"), id("W-NEAR"), 5);
        Order order = order("o3", home(), "A", 1);

        SourcingResult result = optimiser.routedBy(waiting).source(SourcingRequest.of(order));

        assertThat(result).isInstanceOf(SourcingResult.NothingAllocated.class);
        assertThat(store.position(sku("A"), id("W-NEAR")).allocated()).isZero();
        assertThat(((SourcingResult.NothingAllocated) result).plan().unsourced().get(0).detail())
                .contains("waiting until " + NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void a_batch_is_sourced_one_by_one_each_order_against_what_the_earlier_left() {
        StockSnapshot stock = stock(network, "A", "W-FAR", 3, "A", "W-NEAR", 3);
        Order first = order("o4", home(), "A", 2);
        Order second = order("o5", home(), "A", 2);

        BatchPlan batch = routed.planBatch(List.of(SourcingRequest.of(first), SourcingRequest.of(second)), stock);

        assertThat(sources(batch.plans().get(0))).containsExactly(id("W-FAR"));
        // W-FAR has 1 left: the only stage ships complete from a warehouse, so W-NEAR
        assertThat(sources(batch.plans().get(1))).containsExactly(id("W-NEAR"));
    }

    @Test
    void what_ifs_follow_the_stages_and_the_fast_paths_step_aside() {
        StockSnapshot stock = stock(network, "A", "W-FAR", 3, "A", "W-NEAR", 3);
        Order order = order("o6", home(), "A", 1);

        assertThat(routed.planItem(new ItemQuestion(order.channel(), home(), sku("A"), 1), stock, NOW)).isNull();
        assertThat(routed.itemPlanning(order.channel(), home()).plan(sku("A"), 1, stock.stock(sku("A")), NOW)).isNull();
        assertThat(sources(routed.planIfComplete(SourcingRequest.of(order), stock, NOW).plan())).containsExactly(id("W-FAR"));
        assertThat(routed.sourcesAlike(order.channel(), DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY))
                .isFalse();
        assertThat(optimiser.sourcesAlike(order.channel(), DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY))
                .isTrue();
    }

    @Test
    void refuses_an_engine_over_another_network() {
        SourcingEngine elsewhere = engine(network(warehouse("W9", 1)), home);

        assertThatThrownBy(() -> optimiser.routedBy(elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine must plan over this engine's network");
    }
}
