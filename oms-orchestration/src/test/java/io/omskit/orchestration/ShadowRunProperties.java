package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A live shadow run keeps a bounded list of differences, and its totals stay those of every order. */
class ShadowRunProperties {

    private final Network network = network(store("S1", 0.1), store("S2", 0.3), warehouse("W-NEAR", 1),
            warehouse("W-FAR", 2));
    private final RuleSet home = RuleSet.builder("home").cost(new ShippingCost(rates())).cost(new SplitPenalty(2))
            .maxShipments(2).build();
    private final SourcingEngine optimiser = SourcingEngine.builder().network(network).rules(RuleBook.of(home))
            .clock(CLOCK).inventory(InMemoryInventoryStore.create(CLOCK)).build();
    private final StagedEngine rules = StagedEngine.builder("merchant-rules", optimiser)
            .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(20).sort(StageSort.distance())
                    .split(StageSplit.none()).build())
            .stage(Stage.named("warehouses-by-priority").locationTypes(LocationType.WAREHOUSE)
                    .sort(StageSort.priority(List.of(id("W-FAR"), id("W-NEAR")))).split(StageSplit.upTo(2)).build())
            .build();

    @Property(tries = 60)
    void totals_count_every_order_once_however_few_differences_are_kept(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StockSnapshot stock = stock(network, "A", "S1", random.nextInt(6), "B", "S1", random.nextInt(3), "A", "S2",
                random.nextInt(6), "A", "W-NEAR", random.nextInt(20), "B", "W-NEAR", random.nextInt(20), "A", "W-FAR",
                random.nextInt(20), "B", "W-FAR", random.nextInt(20));
        int orders = 1 + random.nextInt(30);
        int keep = random.nextInt(orders + 3);
        List<OrderDifference> streamed = new ArrayList<>();
        ShadowRun live = ShadowRun.of(rules, optimiser, keep, streamed::add);
        List<ReplayedDemand> history = new ArrayList<>();
        int decisions = 0;
        for (int k = 0; k < orders; k++) {
            Order order = random.nextBoolean() ? order("o" + k, home(), "A", 1 + random.nextInt(4))
                    : order("o" + k, home(), "A", 1 + random.nextInt(4), "B", 1 + random.nextInt(2));
            SourcingRequest request = SourcingRequest.of(order);
            history.add(new ReplayedDemand(request, stock, NOW));
            // a retry of the same order and version replaces its record, never counts twice
            int times = random.nextInt(5) == 0 ? 2 : 1;
            for (int t = 0; t < times; t++) {
                live.decide(request, stock, NOW);
                decisions++;
            }
        }

        ShadowReport report = live.report();
        ShadowReport replayed = ShadowRun.replay(rules, optimiser, history);

        assertThat(report.totals()).isEqualTo(replayed.totals());
        assertThat(report.ordersCompared()).isEqualTo(orders);
        assertThat(report.orders()).hasSize(Math.min(keep, orders));
        assertThat(streamed).hasSize(decisions);
        // the kept ones are the largest cost differences, in the order decided
        List<OrderDifference> largest = new ArrayList<>(replayed.orders());
        largest.sort(Comparator.comparingDouble((OrderDifference d) -> -Math.abs(d.costDifference())));
        double smallestKept = report.orders().stream().mapToDouble(d -> Math.abs(d.costDifference())).min().orElse(0);
        if (keep > 0 && keep < orders) {
            assertThat(smallestKept).isEqualTo(Math.abs(largest.get(keep - 1).costDifference()));
        }
        if (!report.orders().isEmpty()) {
            assertThat(replayed.orders()).containsSubsequence(report.orders());
        }
    }
}
