package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wave of orders sourced together: fewer splits than first come, first served, and fair by priority and age. */
class BatchSourcingTest {

    // W1 is nearest and the only location holding both A and B
    private final Network network = network(warehouse("W1", 1), warehouse("W2", 2));
    private final RuleSet rules = RuleSet.builder("home").cost(new ShippingCost(rates())).cost(new SplitPenalty(3)).build();
    private final SourcingEngine engine = engine(network, rules);

    @Test
    void sources_a_constrained_order_complete_where_one_by_one_would_split_it() {
        StockSnapshot stock = stock(network, "A", "W1", 1, "A", "W2", 1, "B", "W1", 1);
        List<SourcingRequest> wave = List.of(
                SourcingRequest.of(order("early-single", home(), "A", 1)),
                SourcingRequest.of(order("late-pair", home(), "A", 1, "B", 1)));

        BatchPlan oneByOne = engine.planOneByOne(wave, stock);
        BatchPlan together = engine.planBatch(wave, stock);

        assertThat(oneByOne.extraShipments()).isEqualTo(1);
        assertThat(together.extraShipments()).isZero();
        assertThat(together.plannedUnits()).isEqualTo(oneByOne.plannedUnits()).isEqualTo(3);
        assertThat(sources(together.plans().get(0))).containsExactly(id("W2"));
        assertThat(sources(together.plans().get(1))).containsExactly(id("W1"));
        assertThat(together.totalCost()).isLessThan(oneByOne.totalCost());
    }

    @Test
    void scarce_units_go_to_the_higher_priority_then_the_older_order() {
        StockSnapshot stock = stock(network, "A", "W2", 1, "B", "W2", 1);
        SourcingRequest newerUrgent = SourcingRequest.of(orderPlacedAt(NOW, "newer-urgent", Channel.WEB, home(), "A", 1))
                .withPriority(5);
        SourcingRequest olderNormal = SourcingRequest.of(orderPlacedAt(NOW.minus(Duration.ofHours(3)), "older", Channel.WEB,
                home(), "A", 1, "B", 1));
        SourcingRequest newerNormal = SourcingRequest.of(orderPlacedAt(NOW.minus(Duration.ofHours(1)), "newer", Channel.WEB,
                home(), "B", 1));

        BatchPlan plan = engine.planBatch(List.of(olderNormal, newerNormal, newerUrgent), stock);

        assertThat(plan.plans().get(2).plannedUnits()).isEqualTo(1);
        assertThat(plan.plans().get(0).plannedUnits()).isEqualTo(1);
        assertThat(plan.plans().get(0).unsourced()).singleElement().satisfies(u -> {
            assertThat(u.sku()).isEqualTo(sku("A"));
            assertThat(u.detail()).contains("kept for orders ranked before");
        });
        assertThat(plan.plans().get(1).isEmpty()).isTrue();
    }

    @Test
    void moves_flexible_orders_off_the_only_location_that_ships_a_late_order_complete() {
        Network three = network(warehouse("W1", 1), warehouse("W2", 2), warehouse("W3", 2));
        SourcingEngine threeEngine = engine(three, rules);
        StockSnapshot stock = stock(three, "A", "W1", 1, "B", "W1", 1, "A", "W2", 1, "B", "W3", 1);
        List<SourcingRequest> wave = List.of(
                SourcingRequest.of(order("early-a", home(), "A", 1)),
                SourcingRequest.of(order("early-b", home(), "B", 1)),
                SourcingRequest.of(order("late-pair", home(), "A", 1, "B", 1)));

        BatchPlan oneByOne = threeEngine.planOneByOne(wave, stock);
        BatchPlan together = threeEngine.planBatch(wave, stock);

        assertThat(oneByOne.extraShipments()).isEqualTo(1);
        assertThat(sources(oneByOne.plans().get(2))).containsExactlyInAnyOrder(id("W2"), id("W3"));
        assertThat(together.extraShipments()).isZero();
        assertThat(together.plannedUnits()).isEqualTo(oneByOne.plannedUnits()).isEqualTo(4);
        assertThat(sources(together.plans().get(0))).containsExactly(id("W2"));
        assertThat(sources(together.plans().get(1))).containsExactly(id("W3"));
        assertThat(sources(together.plans().get(2))).containsExactly(id("W1"));
    }

    @Test
    void the_older_order_keeps_a_scarce_unit_even_when_a_newer_order_would_ship_complete_with_it() {
        StockSnapshot stock = stock(network, "A", "W1", 1, "B", "W1", 1);
        SourcingRequest older = SourcingRequest.of(orderPlacedAt(NOW.minus(Duration.ofHours(2)), "older", Channel.WEB,
                home(), "A", 1));
        SourcingRequest newer = SourcingRequest.of(orderPlacedAt(NOW.minus(Duration.ofHours(1)), "newer", Channel.WEB,
                home(), "A", 1, "B", 1));

        BatchPlan plan = engine.planBatch(List.of(newer, older), stock);

        assertThat(plan.plans().get(1).plannedUnits()).isEqualTo(1);
        assertThat(plan.plans().get(0).plannedUnits()).isEqualTo(1);
        assertThat(plan.plans().get(0).unsourced()).singleElement()
                .satisfies(u -> assertThat(u.sku()).isEqualTo(sku("A")));
        assertThat(plan.plannedUnits()).isGreaterThanOrEqualTo(engine.planOneByOne(List.of(newer, older), stock).plannedUnits());
    }

    @Test
    void allocates_a_wave_order_by_order() {
        InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
        store.load(sku("A"), id("W1"), 1);
        store.load(sku("A"), id("W2"), 1);
        store.load(sku("B"), id("W1"), 1);
        SourcingEngine live = SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK)
                .inventory(store).build();

        List<SourcingResult> results = live.sourceBatch(List.of(
                SourcingRequest.of(order("early-single", home(), "A", 1)),
                SourcingRequest.of(order("late-pair", home(), "A", 1, "B", 1))));

        assertThat(results).allMatch(SourcingResult::isAllocated);
        assertThat(store.position(sku("A"), id("W1")).allocated()).isEqualTo(1);
        assertThat(store.position(sku("A"), id("W2")).allocated()).isEqualTo(1);
        assertThat(store.position(sku("B"), id("W1")).allocated()).isEqualTo(1);
    }
}
