package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import org.junit.jupiter.api.Test;

class ChoosesCheapestLocationsTest {

    private final Network network = network(warehouse("W1", 1), warehouse("W2", 3), store("S1", 0.5));
    private final RuleSet rules = RuleSet.builder("home")
            .filter(new CapabilityFilter())
            .cost(new ShippingCost(rates()))
            .cost(new SplitPenalty(2))
            .maxShipments(3)
            .build();
    private final SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules))
            .clock(CLOCK).build();

    @Test
    void ships_everything_from_the_one_location_that_holds_it() {
        Order order = order("o1", home(), "A", 2, "B", 1);
        StockSnapshot stock = StockSnapshot.builder(network)
                .add(sku("A"), id("W1"), 1).add(sku("B"), id("W1"), 5)
                .add(sku("A"), id("W2"), 5).add(sku("B"), id("W2"), 5)
                .build();

        SourcingPlan plan = engine.plan(SourcingRequest.of(order), stock);

        assertThat(plan.fulfilments()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo(id("W2")));
        assertThat(plan.isComplete()).isTrue();
        assertThat(plan.isOptimal()).isTrue();
        assertThat(plan.explanation().verdictOn(id("W1"))).get()
                .satisfies(v -> assertThat(v.verdict()).isEqualTo(Verdict.CONSIDERED));
    }

    @Test
    void splits_when_no_location_holds_everything() {
        Order order = order("o2", home(), "A", 2, "B", 1);
        StockSnapshot stock = StockSnapshot.builder(network)
                .add(sku("A"), id("W1"), 2).add(sku("B"), id("W2"), 5)
                .build();

        SourcingPlan plan = engine.plan(SourcingRequest.of(order), stock);

        assertThat(plan.shipments()).isEqualTo(2);
        assertThat(plan.isComplete()).isTrue();
        assertThat(plan.costBreakdown()).extracting(RuleAmount::rule).containsExactly("shipping", "split-penalty");
        assertThat(plan.costBreakdown().get(1).amount()).isEqualTo(2.0);
    }
}
