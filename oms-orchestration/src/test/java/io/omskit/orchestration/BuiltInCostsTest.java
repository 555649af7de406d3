package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One story per built-in cost rule: the rule moves the plan where it should, and the explanation shows the charge. */
class BuiltInCostsTest {

    private static double costAt(SourcingPlan plan, String location, String rule) {
        return plan.explanation().verdictOn(id(location)).orElseThrow().costs().stream()
                .filter(c -> c.rule().equals(rule)).findFirst().orElseThrow().amount();
    }

    @Test
    void shipping_prices_per_shipment_per_unit_and_per_unit_km() {
        Network network = network(warehouse("NEAR", 1), warehouse("FAR", 3));
        RuleSet rules = RuleSet.builder("r").cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.5, 0.01)))).build();

        SourcingPlan plan = engine(network, rules)
                .plan(SourcingRequest.of(order("o", home(), "A", 2)), stock(network, "A", "NEAR", 2, "A", "FAR", 2));

        double km = GeoPoint.of(0, 1).distanceKm(CUSTOMER);
        assertThat(sources(plan)).containsExactly(id("NEAR"));
        assertThat(plan.totalCost()).isCloseTo(5 + 2 * (0.5 + 0.01 * km), within(1e-9));
        assertThat(plan.costBreakdown()).containsExactly(new RuleAmount("shipping", plan.totalCost()));
        assertThat(plan.explanation().verdictOn(id("FAR")).orElseThrow().costs().get(0).why())
                .isInstanceOf(ShippingCost.ShippingQuote.class);
    }

    @Test
    void shipping_rates_differ_by_location_type_and_method() {
        RateTable table = RateTable.builder(ShippingRate.of(5, 0, 0))
                .rate(LocationType.STORE, DeliveryMethod.STANDARD_DELIVERY, ShippingRate.of(9, 0, 0))
                .rate(DeliveryMethod.EXPRESS_DELIVERY, ShippingRate.of(12, 0, 0))
                .build();
        Location store = store("S", 0);
        Location warehouse = warehouse("W", 0);

        assertThat(table.rate(store, DeliveryMethod.STANDARD_DELIVERY).perShipment()).isEqualTo(9);
        assertThat(table.rate(warehouse, DeliveryMethod.STANDARD_DELIVERY).perShipment()).isEqualTo(5);
        assertThat(table.rate(store, DeliveryMethod.EXPRESS_DELIVERY).perShipment()).isEqualTo(12);
    }

    @Test
    void rates_by_location_price_as_the_table_of_the_same_rates_by_type() {
        Network network = network(warehouse("W", 1), store("S", 2));
        RateTable table = RateTable.builder(ShippingRate.of(5, 0.5, 0.01))
                .rate(LocationType.STORE, ShippingRate.of(2, 0.1, 0.02)).build();
        ShippingRates byLocation = (from, method) -> table.rate(from.type(), method);
        StockSnapshot stock = stock(network, "A", "W", 1, "A", "S", 1, "B", "S", 1);
        SourcingRequest request = SourcingRequest.of(order("o", home(), "A", 2, "B", 1));

        SourcingPlan byType = engine(network, RuleSet.builder("r").cost(new ShippingCost(table)).build()).plan(request, stock);
        SourcingPlan byFrom = engine(network, RuleSet.builder("r").cost(new ShippingCost(byLocation)).build())
                .plan(request, stock);

        double fromWarehouse = 5 + (0.5 + 0.01 * GeoPoint.of(0, 1).distanceKm(CUSTOMER));
        double fromStore = 2 + 2 * (0.1 + 0.02 * GeoPoint.of(0, 2).distanceKm(CUSTOMER));
        assertThat(byType.totalCost()).isCloseTo(fromWarehouse + fromStore, within(1e-9));
        assertThat(byFrom.totalCost()).isEqualTo(byType.totalCost());
        assertThat(byFrom.fulfilments()).isEqualTo(byType.fulfilments());
    }

    @Test
    void distance_prefers_the_nearer_location() {
        Network network = network(warehouse("FAR", 4), warehouse("NEAR", 1));
        SourcingPlan plan = engine(network, RuleSet.builder("r").cost(new DistanceCost(0.01)).build())
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "FAR", 1, "A", "NEAR", 1));

        assertThat(sources(plan)).containsExactly(id("NEAR"));
        assertThat(costAt(plan, "FAR", "distance")).isCloseTo(0.01 * GeoPoint.of(0, 4).distanceKm(CUSTOMER), within(1e-9));
    }

    @Test
    void split_penalty_keeps_an_order_in_one_parcel_unless_splitting_saves_more() {
        // W1 and W2 are near and hold one line each; W3 is far and holds both
        Network network = network(warehouse("W1", 0.5), warehouse("W2", 0.5), warehouse("W3", 9));
        StockSnapshot stock = stock(network, "A", "W1", 1, "B", "W2", 1, "A", "W3", 1, "B", "W3", 1);
        ShippingCost shipping = new ShippingCost(RateTable.flat(ShippingRate.of(3, 0, 0.01)));
        // one parcel from W3: 3 + 2 * 10.0 = 23.0; two parcels: 2 * (3 + 0.56) = 7.1 plus the penalty
        SourcingPlan cheapPenalty = engine(network, RuleSet.builder("r").cost(shipping).cost(new SplitPenalty(5)).build())
                .plan(SourcingRequest.of(order("o", home(), "A", 1, "B", 1)), stock);
        SourcingPlan dearPenalty = engine(network, RuleSet.builder("r").cost(shipping).cost(new SplitPenalty(20)).build())
                .plan(SourcingRequest.of(order("o", home(), "A", 1, "B", 1)), stock);

        assertThat(sources(cheapPenalty)).containsExactly(id("W1"), id("W2"));
        assertThat(cheapPenalty.costBreakdown().get(1)).isEqualTo(new RuleAmount("split-penalty", 5));
        assertThat(sources(dearPenalty)).containsExactly(id("W3"));
    }

    @Test
    void protect_store_stock_leaves_the_last_units_on_the_shelf() {
        Network network = network(store("LAST", 1), store("PLENTY", 1.2));
        RuleSet rules = RuleSet.builder("r").cost(new ShippingCost(rates())).cost(new ProtectStoreStock(2, 10)).build();

        SourcingPlan plan = engine(network, rules)
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "LAST", 2, "A", "PLENTY", 6));

        assertThat(sources(plan)).containsExactly(id("PLENTY"));
        assertThat(costAt(plan, "LAST", "protect-store-stock")).isEqualTo(10);
        assertThat(costAt(plan, "PLENTY", "protect-store-stock")).isZero();
    }

    @Test
    void load_balancing_prefers_the_less_busy_location() {
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        Location busy = Location.builder(id("BUSY"), LocationType.WAREHOUSE, GeoPoint.of(0, 1)).dailyCapacity(10).build();
        Location quiet = Location.builder(id("QUIET"), LocationType.WAREHOUSE, GeoPoint.of(0, 1)).dailyCapacity(10).build();
        for (int k = 0; k < 8; k++) {
            capacity.tryConsume(id("BUSY"), LocalDate.of(2026, 3, 10), 10);
        }
        Network network = network(busy, quiet);
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).capacity(capacity)
                .rules(RuleBook.of(RuleSet.builder("r").cost(new ShippingCost(rates())).cost(new LoadBalancing(5)).build()))
                .build();

        SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "BUSY", 3, "A", "QUIET", 3));

        assertThat(sources(plan)).containsExactly(id("QUIET"));
        assertThat(costAt(plan, "BUSY", "load-balancing")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void location_priority_follows_the_retailers_list() {
        Network network = network(warehouse("W1", 1), warehouse("W2", 1), warehouse("W3", 1));
        RuleSet rules = RuleSet.builder("r").cost(new LocationPriority(List.of(id("W3"), id("W1")), 1)).build();

        SourcingPlan plan = engine(network, rules)
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "W1", 1, "A", "W2", 1, "A", "W3", 1));

        assertThat(sources(plan)).containsExactly(id("W3"));
        assertThat(costAt(plan, "W1", "location-priority")).isEqualTo(1);
        assertThat(costAt(plan, "W2", "location-priority")).isEqualTo(2);
    }

    @Test
    void lateness_avoids_a_near_location_that_cannot_make_the_promised_window() {
        Location slow = Location.builder(id("SLOW"), LocationType.WAREHOUSE, GeoPoint.of(0, 0.5))
                .processingLeadTime(Duration.ofHours(48)).build();
        Location quick = Location.builder(id("QUICK"), LocationType.WAREHOUSE, GeoPoint.of(0, 1))
                .processingLeadTime(Duration.ofHours(4)).build();
        Network network = network(slow, quick);
        DeliveryWindow promised = new DeliveryWindow(NOW, NOW.plus(Duration.ofHours(10)));
        StockSnapshot stock = stock(network, "A", "SLOW", 1, "A", "QUICK", 1);
        RuleSet withoutLateness = RuleSet.builder("r").cost(new ShippingCost(rates())).build();
        RuleSet withLateness = RuleSet.builder("r").cost(new ShippingCost(rates())).cost(new LatenessCost(1, 2, 100)).build();

        SourcingPlan cheapest = engine(network, withoutLateness)
                .plan(SourcingRequest.of(order("o", home(DeliveryMethod.EXPRESS_DELIVERY, promised), "A", 1)), stock);
        SourcingPlan onTime = engine(network, withLateness)
                .plan(SourcingRequest.of(order("o", home(DeliveryMethod.EXPRESS_DELIVERY, promised), "A", 1)), stock);

        assertThat(sources(cheapest)).containsExactly(id("SLOW"));
        assertThat(sources(onTime)).containsExactly(id("QUICK"));
        LatenessCost.Lateness late = (LatenessCost.Lateness) onTime.explanation().verdictOn(id("SLOW")).orElseThrow()
                .costs().get(1).why();
        assertThat(late.hoursLate()).isGreaterThan(40);
        assertThat(costAt(onTime, "QUICK", "lateness")).isZero();
    }

    @Test
    void opportunity_cost_keeps_scarce_stock_where_the_host_expects_demand() {
        Network network = network(warehouse("HOTSPOT", 1), warehouse("QUIET", 1.5));
        OpportunityCost keepAtHotspot = new OpportunityCost((sku, location) -> location.id().equals(id("HOTSPOT")) ? 20 : 0);
        StockSnapshot stock = stock(network, "A", "HOTSPOT", 2, "A", "QUIET", 2);

        SourcingPlan plain = engine(network, RuleSet.builder("r").cost(new ShippingCost(rates())).build())
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock);
        SourcingPlan kept = engine(network, RuleSet.builder("r").cost(new ShippingCost(rates())).cost(keepAtHotspot).build())
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock);

        assertThat(sources(plain)).containsExactly(id("HOTSPOT"));
        assertThat(sources(kept)).containsExactly(id("QUIET"));
        assertThat(costAt(kept, "HOTSPOT", "opportunity-cost")).isEqualTo(20);
    }
}
