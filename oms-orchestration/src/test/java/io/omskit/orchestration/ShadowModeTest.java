package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.shadow.OrderDifference;
import io.omskit.orchestration.engine.shadow.ReplayedDemand;
import io.omskit.orchestration.engine.shadow.ShadowReport;
import io.omskit.orchestration.engine.shadow.ShadowRun;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockExposure;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shadow mode: the live engine allocates, the shadow only plans; totals add up; a replay gives the live report. */
class ShadowModeTest {

    private final Network network = network(store("S1", 0.1), store("S2", 0.3), warehouse("W-NEAR", 1),
            warehouse("W-FAR", 2));
    private final RuleSet home = RuleSet.builder("home").cost(new ShippingCost(rates())).cost(new SplitPenalty(2))
            .maxShipments(2).build();
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
    private final SourcingEngine optimiser = SourcingEngine.builder().network(network).rules(RuleBook.of(home))
            .clock(CLOCK).inventory(store).build();
    private final StagedEngine rules = StagedEngine.builder("merchant-rules", optimiser)
            .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(20).sort(StageSort.distance())
                    .split(StageSplit.none()).build())
            .stage(Stage.named("warehouses-by-priority").locationTypes(LocationType.WAREHOUSE)
                    .sort(StageSort.priority(List.of(id("W-FAR"), id("W-NEAR")))).split(StageSplit.upTo(2)).build())
            .build();

    private List<Order> orders() {
        List<Order> orders = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            orders.add(k % 2 == 0 ? order("o" + k, home(), "A", 1 + k % 3) : order("o" + k, home(), "A", 1 + k % 3, "B", 1));
        }
        return orders;
    }

    private void stockUp() {
        store.load(sku("A"), id("S1"), 6);
        store.load(sku("B"), id("S1"), 1);
        store.load(sku("A"), id("S2"), 4);
        store.load(sku("A"), id("W-NEAR"), 30);
        store.load(sku("B"), id("W-NEAR"), 30);
        store.load(sku("A"), id("W-FAR"), 30);
        store.load(sku("B"), id("W-FAR"), 30);
    }

    @Test
    void live_the_shadow_plans_but_never_allocates_and_a_replay_gives_the_same_report() {
        stockUp();
        ShadowRun shadow = ShadowRun.of(rules, optimiser);
        SourcingEngine live = optimiser.routedBy(shadow);
        List<ReplayedDemand> history = new ArrayList<>();
        long allocatedByLive = 0;
        for (Order order : orders()) {
            SourcingRequest request = SourcingRequest.of(order);
            history.add(new ReplayedDemand(request, StockSnapshot.copyOf(store, network, order.channel(),
                    StockExposure.availableToSell(), Set.of(sku("A"), sku("B"))), NOW));
            SourcingResult result = live.source(request);
            if (result instanceof SourcingResult.Allocated a) {
                allocatedByLive += a.plan().plannedUnits();
                // what is allocated is the stages' plan
                assertThat(a.plan()).isEqualTo(rules.decide(request, history.get(history.size() - 1).snapshot(), NOW).plan());
            }
        }

        ShadowReport report = shadow.report();
        ShadowReport replayed = ShadowRun.replay(rules, optimiser, history);

        assertThat(report.orders()).hasSize(12);
        assertThat(replayed).isEqualTo(report);
        assertThat(allocated(sku("A")) + allocated(sku("B"))).isEqualTo(allocatedByLive);
        assertThat(report.costDifference()).isPositive();
        assertThat(report.summary()).startsWith("merchant-rules cost ").contains("more than optimiser on 12 order(s)")
                .contains("mostly in stage 2 'warehouses-by-priority'");
    }

    @Test
    void totals_are_the_sums_of_the_per_order_differences() {
        List<ReplayedDemand> history = new ArrayList<>();
        StockSnapshot stock = stock(network, "A", "S1", 2, "B", "S1", 1, "A", "W-NEAR", 9, "B", "W-NEAR", 9, "A",
                "W-FAR", 9, "B", "W-FAR", 9);
        for (Order order : orders()) {
            history.add(new ReplayedDemand(SourcingRequest.of(order), stock, NOW));
        }

        ShadowReport report = ShadowRun.replay(rules, optimiser, history);

        double cost = 0;
        double km = 0;
        int parcels = 0;
        for (OrderDifference d : report.orders()) {
            cost += d.liveCost() - d.shadowCost();
            km += d.liveKm() - d.shadowKm();
            parcels += d.liveParcels() - d.shadowParcels();
        }
        assertThat(report.costDifference()).isCloseTo(cost, within(1e-9));
        assertThat(report.liveCost() - report.shadowCost()).isCloseTo(cost, within(1e-9));
        assertThat(report.kmDifference()).isCloseTo(km, within(1e-9));
        assertThat(report.parcelDifference()).isEqualTo(parcels);
        assertThat(report.costDifferenceByDecider().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(cost, within(1e-9));
        assertThat(report.costDifferencePercent()).isCloseTo(100 * cost / report.shadowCost(), within(1e-9));
        // the orders the near store holds cost the same; the rest go to the far warehouse
        assertThat(report.costDifferenceByDecider()).containsKeys("stage 1 'stores-nearby'",
                "stage 2 'warehouses-by-priority'");
        assertThat(report.costDifferenceByDecider().get("stage 1 'stores-nearby'")).isCloseTo(0, within(1e-9));
        assertThat(report.costDifferenceByDecider().get("stage 2 'warehouses-by-priority'")).isPositive();
        assertThat(report.livePromisesKept()).isEqualTo(12);
        // the orders the near store serves are the same plan either way, whatever the last bits of their costs
        assertThat(report.orders()).filteredOn(d -> d.decidedBy().startsWith("stage 1")).isNotEmpty()
                .noneMatch(OrderDifference::differs);
    }

    @Test
    void comparing_an_engine_with_itself_shows_no_difference() {
        StockSnapshot stock = stock(network, "A", "S2", 3, "A", "W-NEAR", 9, "B", "W-NEAR", 9);
        List<ReplayedDemand> history = new ArrayList<>();
        for (Order order : orders()) {
            history.add(new ReplayedDemand(SourcingRequest.of(order), stock, NOW));
        }

        ShadowReport report = ShadowRun.replay(optimiser, optimiser, history);

        assertThat(report.ordersThatDiffer()).isZero();
        assertThat(report.summary()).startsWith("optimiser cost 0.0% more than optimiser on 12 order(s); 0 more parcel(s)");
    }

    private long allocated(Sku sku) {
        long n = 0;
        for (var l : network.locations()) {
            n += store.position(sku, l.id()).allocated();
        }
        return n;
    }

    @Test
    void threads_recording_at_once_count_every_order_once_and_keep_only_the_largest() throws Exception {
        StockSnapshot stock = stock(network, "A", "S1", 2, "B", "S1", 1, "A", "W-NEAR", 99, "B", "W-NEAR", 99, "A",
                "W-FAR", 99, "B", "W-FAR", 99);
        List<ReplayedDemand> history = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            Order order = k % 2 == 0 ? order("t" + k, home(), "A", 1 + k % 5) : order("t" + k, home(), "A", 1 + k % 4, "B", 1);
            history.add(new ReplayedDemand(SourcingRequest.of(order), stock, NOW));
        }
        java.util.concurrent.atomic.AtomicInteger streamed = new java.util.concurrent.atomic.AtomicInteger();
        ShadowRun live = ShadowRun.of(rules, optimiser, 5, d -> streamed.incrementAndGet());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t;
            done.add(pool.submit(() -> {
                start.await();
                // every thread decides every order: three of the four are retries that replace the first record
                for (int k = 0; k < history.size(); k++) {
                    ReplayedDemand d = history.get((k + from * 16) % history.size());
                    live.decide(d.request(), d.snapshot(), d.at());
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        ShadowReport report = live.report();
        ShadowReport replayed = ShadowRun.replay(rules, optimiser, history);
        assertThat(report.totals()).isEqualTo(replayed.totals());
        assertThat(report.ordersCompared()).isEqualTo(64);
        assertThat(report.orders()).hasSize(5);
        assertThat(streamed.get()).isEqualTo(4 * 64);
        double fifthLargest = replayed.orders().stream().mapToDouble(d -> Math.abs(d.costDifference()))
                .boxed().sorted(java.util.Comparator.reverseOrder()).skip(4).findFirst().orElseThrow();
        assertThat(report.orders()).allSatisfy(d -> assertThat(Math.abs(d.costDifference())).isGreaterThanOrEqualTo(fifthLargest));
    }

    @Test
    void a_sink_that_fails_never_fails_the_live_decision() {
        StockSnapshot stock = stock(network, "A", "W-NEAR", 9);
        ShadowRun live = ShadowRun.of(rules, optimiser, 10, d -> {
            throw new IllegalStateException("disk full");
        });
        SourcingRequest request = SourcingRequest.of(order("s1", home(), "A", 1));

        assertThat(live.decide(request, stock, NOW).plan().isComplete()).isTrue();
        assertThat(live.report().ordersCompared()).isEqualTo(1);
    }
}
