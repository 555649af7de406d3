package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A plan's cost breakdown and explanation are computed on first request from the state of the computation that made
 * the plan: asked from many threads at once, on the plan and on plans derived from it, they are the same as asked
 * one after the other.
 */
class LazyPlanPartsTest {

    private final Network network = network(warehouse("W1", 1), warehouse("W2", 3), store("S1", 0.5), store("S2", 2));
    private final SourcingEngine engine = SourcingEngine.builder().network(network)
            .rules(RuleBook.of(RuleSet.builder("home").filter(new CapabilityFilter()).cost(new ShippingCost(rates()))
                    .cost(new SplitPenalty(2)).cost(new ProtectStoreStock(1, 1.5)).maxShipments(3).build()))
            .clock(CLOCK).build();
    private final StockSnapshot stock = StockSnapshot.builder(network)
            .add(sku("A"), id("W1"), 2).add(sku("B"), id("W2"), 5).add(sku("C"), id("S1"), 2).add(sku("A"), id("S2"), 3)
            .build();

    private SourcingPlan plan() {
        Order order = order("o1", home(), "A", 3, "B", 1, "C", 2);
        return engine.plan(SourcingRequest.of(order), stock);
    }

    @Test
    void breakdown_and_explanation_asked_concurrently_are_those_asked_in_turn() throws Exception {
        SourcingPlan sequential = plan();
        List<RuleAmount> breakdown = sequential.costBreakdown();
        Explanation explanation = sequential.explanation();
        assertThat(breakdown).hasSize(3);
        assertThat(explanation.locations()).isNotEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                SourcingPlan plan = plan();
                SourcingPlan derived = plan.withUnsourced(List.of());
                SourcingPlan offered = plan.withShipToStoreOffer(sequential);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> answers = new ArrayList<>();
                for (SourcingPlan p : List.of(plan, derived, offered, plan)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return List.of(p.explanation().locations(), p.costBreakdown(), p.explanation().costBreakdown());
                    }));
                }
                start.countDown();
                for (Future<Object> answer : answers) {
                    assertThat(answer.get()).isEqualTo(List.of(explanation.locations(), breakdown, breakdown));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
