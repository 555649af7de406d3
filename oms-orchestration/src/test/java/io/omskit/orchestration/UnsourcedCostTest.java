package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.engine;
import static io.omskit.orchestration.Fixtures.home;
import static io.omskit.orchestration.Fixtures.id;
import static io.omskit.orchestration.Fixtures.network;
import static io.omskit.orchestration.Fixtures.order;
import static io.omskit.orchestration.Fixtures.sku;
import static io.omskit.orchestration.Fixtures.sources;
import static io.omskit.orchestration.Fixtures.stock;
import static io.omskit.orchestration.Fixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleBookJson;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.UnsourcedPolicy;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A rule set that prices what it leaves unsourced ships a unit only when shipping it costs less than leaving it;
 * without a price, every unit that can be sourced is (the default).
 */
class UnsourcedCostTest {

    // W1 holds the shoes, far W2 the socks: a second shipment costs 9 + 0.5 a unit
    private final Network network = network(warehouse("W1", 1), warehouse("W2", 20));
    private final StockSnapshot stock = stock(network, "SHOES", "W1", 5, "SOCKS", "W2", 5);
    private final RateTable rates = RateTable.flat(ShippingRate.of(9, 0.5, 0));
    private final Order order = order("o1", home(), "SHOES", 1, "SOCKS", 1);

    private SourcingPlan plan(UnsourcedCost cost) {
        RuleSet rules = RuleSet.builder("home").cost(new ShippingCost(rates)).maxShipments(3).unsourcedCost(cost).build();
        return engine(network, rules).plan(SourcingRequest.of(order), stock);
    }

    @Test
    void by_default_fills_every_unit_whatever_the_second_shipment_costs() {
        SourcingPlan plan = plan(null);

        assertThat(sources(plan)).containsExactlyInAnyOrder(id("W1"), id("W2"));
        assertThat(plan.totalCost()).isCloseTo(19.0, offset(1e-9));
        assertThat(plan.unsourced()).isEmpty();
    }

    @Test
    void leaves_the_socks_when_their_shipment_costs_more_than_the_lost_sale() {
        // losing the shoes costs 50, losing the socks 6
        UnsourcedCost lostSale = UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).perUnit(6.0).sku(sku("SHOES"), 50).build();

        SourcingPlan plan = plan(lostSale);

        // shipping the socks alone costs 9.5, losing them 6: the plan ships the shoes and leaves the socks
        assertThat(sources(plan)).containsExactly(id("W1"));
        assertThat(plan.totalCost()).isCloseTo(9.5, offset(1e-9));
        assertThat(plan.unsourced()).singleElement().satisfies(u -> {
            assertThat(u.sku()).isEqualTo(sku("SOCKS"));
            assertThat(u.quantity()).isEqualTo(1);
            assertThat(u.reason()).isEqualTo(UnsourcedReason.NOT_WORTH_SHIPPING);
            assertThat(u.detail()).contains("6.00 per unit as LOST_SALE");
        });
        assertThat(plan.totalCost() + lostSale.costOf(plan, OrderDemands.of(order))).isCloseTo(15.5, offset(1e-9));
    }

    @Test
    void ships_the_socks_when_losing_them_costs_more() {
        SourcingPlan plan = plan(UnsourcedCost.builder(UnsourcedPolicy.BACKORDER).perUnit(10.0).sku(sku("SHOES"), 50).build());

        assertThat(sources(plan)).containsExactlyInAnyOrder(id("W1"), id("W2"));
        assertThat(plan.unsourced()).isEmpty();
    }

    @Test
    void prices_a_unit_by_its_sku_before_its_share_of_the_line_value() {
        UnsourcedCost cost = UnsourcedCost.builder(UnsourcedPolicy.CANCELLATION).perUnit(1).shareOfLineValue(0.5)
                .sku(sku("SOCKS"), 20).build();

        assertThat(cost.unitCost(sku("SHOES"), Money.parse("EUR 10.00"), 1)).isEqualTo(6.0);
        assertThat(cost.unitCost(sku("SHOES"), null, 1)).isEqualTo(1.0);
        assertThat(cost.unitCost(sku("SOCKS"), Money.parse("EUR 10.00"), 1)).isEqualTo(20.0);
        // the orders of the fixtures are worth EUR 10 a unit: 1 + 0.5 x 10 = 6 < 9.5, the socks are left
        assertThat(plan(UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).perUnit(1).shareOfLineValue(0.5)
                .sku(sku("SHOES"), 50).build())
                .unsourced()).extracting(Unsourced::sku).containsExactly(sku("SOCKS"));
    }

    @Test
    void refuses_a_negative_or_infinite_cost_naming_field_and_value() {
        assertThatThrownBy(() -> UnsourcedCost.perUnit(UnsourcedPolicy.LOST_SALE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("perUnit must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).sku(sku("A"), Double.POSITIVE_INFINITY))
                .hasMessage("cost of A must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).shareOfLineValue(11))
                .hasMessage("shareOfLineValue must be from 0 to 10, was 11.0");
    }

    @Test
    void reads_the_unsourced_cost_from_the_rule_book() {
        RuleBook book = RuleBookJson.reader().read("""
                { "ruleSets": [ { "name": "home",
                    "costs": [ {"rule": "shipping", "default": {"perShipment": 9, "perUnit": 0.5}} ],
                    "unsourcedCost": {"policy": "LOST_SALE", "perUnit": 6, "skus": [ {"sku": "SHOES", "perUnit": 50} ]} } ],
                  "bindings": [ { "ruleSet": "home" } ] }
                """);

        RuleSet home = book.ruleSets().get("home");
        assertThat(home.unsourcedCost()).contains(UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).perUnit(6)
                .sku(sku("SHOES"), 50).build());
        SourcingPlan plan = engine(network, home).plan(SourcingRequest.of(order), stock);
        assertThat(plan.unsourced()).extracting(Unsourced::sku).containsExactly(sku("SOCKS"));
    }

    @Test
    void refuses_an_unsourced_cost_without_policy_or_with_a_bad_value_naming_every_problem() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleBookJson.reader().read("""
                { "ruleSets": [ { "name": "home",
                    "unsourcedCost": {"perUnit": -2, "shareOfLineValue": 12, "colour": "red",
                                      "skus": [ {"sku": "A", "perUnit": 1}, {"sku": "A", "perUnit": 2} ]} } ],
                  "bindings": [ { "ruleSet": "home" } ] }
                """));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "ruleSets[0].unsourcedCost.colour", "ruleSets[0].unsourcedCost.policy",
                "ruleSets[0].unsourcedCost.perUnit", "ruleSets[0].unsourcedCost.shareOfLineValue",
                "ruleSets[0].unsourcedCost.skus[1].sku");
        assertThat(e.problems()).filteredOn(p -> p.field().endsWith("perUnit")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("-2"));
    }
}
