package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.explain.RuleCost;
import io.omskit.orchestration.explain.SourcingJson;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.FillInPriority;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MostStockFirst;
import io.omskit.orchestration.rules.PickupStoreFirst;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Allocation priorities: fill locations in the retailer's order, the most stock first, the pickup store's shelf first. */
class AllocationPrioritiesTest {

    /** Units per location of a plan, in plan order. */
    private static Map<LocationId, Integer> split(SourcingPlan plan) {
        Map<LocationId, Integer> units = new LinkedHashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            units.put(f.location(), f.units());
        }
        return units;
    }

    private static RuleCost costOf(SourcingPlan plan, String location, String rule) {
        return plan.explanation().verdictOn(id(location)).orElseThrow().costs().stream()
                .filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Nested
    class FillInPriorityOrder {
        // W1 is nearer the customer and cheaper to ship from; the retailer still wants W2 emptied first
        private final Network network = network(warehouse("W1", 1), warehouse("W2", 3));
        private final StockSnapshot stock = stock(network, "A", "W1", 10, "A", "W2", 3);

        @Test
        void fills_the_first_location_before_the_next_w2_3_then_w1_2() {
            RuleSet rules = RuleSet.builder("fill").filter(new CapabilityFilter())
                    .cost(new ShippingCost(rates())).cost(new SplitPenalty(4))
                    .cost(new FillInPriority(List.of(id("W2"), id("W1")), 100)).build();

            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 5)), stock);

            assertThat(split(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(id("W2"), 3, id("W1"), 2));
            assertThat(plan.unsourcedUnits()).isZero();
            assertThat(costOf(plan, "W1", "fill-in-priority").amount()).isEqualTo(200);
            assertThat(costOf(plan, "W2", "fill-in-priority").amount()).isZero();
            assertThat(costOf(plan, "W1", "fill-in-priority").why())
                    .isEqualTo(new FillInPriority.FillRank(id("W1"), 1, true, 100));
        }

        @Test
        void a_shipment_priority_alone_lets_shipping_costs_choose_the_split() {
            RuleSet rules = RuleSet.builder("ship-priority").filter(new CapabilityFilter())
                    .cost(new ShippingCost(rates())).cost(new SplitPenalty(4))
                    .cost(new LocationPriority(List.of(id("W2"), id("W1")), 1)).build();

            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 5)), stock);

            // one shipment from W1 is cheapest once priority only prices shipments: the behaviour fill-in-priority changes
            assertThat(split(plan)).containsExactly(Map.entry(id("W1"), 5));
        }

        @Test
        void an_order_the_first_location_can_serve_alone_stays_there() {
            RuleSet rules = RuleSet.builder("fill").cost(new ShippingCost(rates()))
                    .cost(new FillInPriority(List.of(id("W2"), id("W1")), 100)).build();

            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 3)), stock);

            assertThat(split(plan)).containsExactly(Map.entry(id("W2"), 3));
        }

        @Test
        void a_filter_that_excludes_the_first_location_sends_every_unit_to_the_next() {
            RuleSet rules = RuleSet.builder("fill").filter(new ExcludedLocationsFilter(Set.of(id("W2"))))
                    .cost(new FillInPriority(List.of(id("W2"), id("W1")), 100)).build();

            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 5)), stock);

            assertThat(split(plan)).containsExactly(Map.entry(id("W1"), 5));
        }

        @Test
        void unlisted_locations_come_after_every_listed_one() {
            Network three = network(warehouse("W1", 1), warehouse("W2", 3), warehouse("W9", 0.5));
            RuleSet rules = RuleSet.builder("fill").cost(new ShippingCost(rates()))
                    .cost(new FillInPriority(List.of(id("W2"), id("W1")), 100)).build();

            SourcingPlan plan = engine(three, rules).plan(SourcingRequest.of(order("o", home(), "A", 6)),
                    stock(three, "A", "W1", 2, "A", "W2", 3, "A", "W9", 50));

            assertThat(split(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(id("W2"), 3, id("W1"), 2, id("W9"), 1));
            assertThat(costOf(plan, "W9", "fill-in-priority").why())
                    .isEqualTo(new FillInPriority.FillRank(id("W9"), 2, false, 200));
        }

        @Test
        void refuses_a_location_listed_twice_or_a_negative_step() {
            assertThatThrownBy(() -> new FillInPriority(List.of(id("W1"), id("W1")), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W1 appears twice");
            assertThatThrownBy(() -> new FillInPriority(List.of(id("W1")), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perUnit").hasMessageContaining("-1");
        }
    }

    @Nested
    class MostStock {
        private final Network network = network(warehouse("W1", 1), warehouse("W2", 3), warehouse("W3", 2));
        private final StockSnapshot stock = stock(network, "A", "W1", 10, "A", "W2", 40, "A", "W3", 25);
        private final RuleSet rules = RuleSet.builder("most-stock").cost(new ShippingCost(rates()))
                .cost(new MostStockFirst(1000)).build();

        @Test
        void takes_a_small_order_from_the_location_holding_the_most() {
            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 5)), stock);

            assertThat(split(plan)).containsExactly(Map.entry(id("W2"), 5));
        }

        @Test
        void drains_the_fullest_location_then_the_next_fullest() {
            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 50)), stock);

            assertThat(split(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(id("W2"), 40, id("W3"), 10));
        }

        @Test
        void counts_stock_after_safety_stock() {
            InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
            store.load(sku("A"), id("W1"), 10);
            store.load(sku("A"), id("W2"), 40);
            store.load(sku("A"), id("W3"), 25);
            store.setSafetyStock(sku("A"), id("W2"), 35);
            SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK)
                    .inventory(store).build();

            SourcingResult result = engine.source(SourcingRequest.of(order("o", home(), "A", 5)));

            // W2 has 5 sellable after its safety stock of 35, W3 25: W3 holds the most
            assertThat(split(((SourcingResult.Allocated) result).plan())).containsExactly(Map.entry(id("W3"), 5));
        }

        @Test
        void explains_what_each_location_holds_in_json() {
            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 5)), stock);

            MostStockFirst.StockHeld w1 = (MostStockFirst.StockHeld) costOf(plan, "W1", "most-stock-first").why();
            assertThat(w1.held()).singleElement().satisfies(h -> {
                assertThat(h.available()).isEqualTo(10);
                assertThat(h.perUnit()).isEqualTo(1000.0 / 11);
            });
            assertThat(w1.summary()).contains("W1 holds 10 of A");
            String json = SourcingJson.write(plan.explanation());
            Explanation back = SourcingJson.readExplanation(json);
            assertThat(back).isEqualTo(plan.explanation());
            assertThat(json).contains("\"type\":\"sourcing.most-stock-first.stock-held\"").contains("\"available\":40");
        }
    }

    @Nested
    class ShipToStoreFromTheShelfFirst {
        private final Location storeA = store("STORE-A", 0.2);
        private final Location warehouse = warehouse("WH", 2);
        private final Network network = network(storeA, warehouse);
        private final RuleSet shipToStore = RuleSet.builder("ship-to-store").filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(null, DeliveryMethod.SHIP_TO_STORE, LocationType.WAREHOUSE).build())
                .cost(new ShippingCost(rates())).cost(new SplitPenalty(4)).cost(new PickupStoreFirst()).build();
        private final RuleBook book = RuleBook.builder()
                .byDefault(RuleSet.builder("home").filter(new CapabilityFilter()).cost(new ShippingCost(rates())).build())
                .forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, RuleSet.builder("collect").filter(new CapabilityFilter()).build())
                .forMethod(DeliveryMethod.SHIP_TO_STORE, shipToStore).build();
        private final SourcingEngine engine = SourcingEngine.builder().network(network).rules(book).clock(CLOCK).build();

        @Test
        void serves_the_order_from_the_pickup_stores_shelf_without_a_transfer() {
            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", shipToStore("STORE-A"), "A", 3)),
                    stock(network, "A", "STORE-A", 3, "A", "WH", 50));

            assertThat(plan.fulfilments()).singleElement().satisfies(f -> {
                assertThat(f.location()).isEqualTo(id("STORE-A"));
                assertThat(f.kind()).isEqualTo(LegKind.COLLECT);
                assertThat(f.units()).isEqualTo(3);
            });
            assertThat(costOf(plan, "WH", "pickup-store-first").why().summary())
                    .contains("WH is not the pickup store STORE-A");
        }

        @Test
        void transfers_only_what_the_shelf_lacks() {
            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", shipToStore("STORE-A"), "A", 5)),
                    stock(network, "A", "STORE-A", 2, "A", "WH", 50));

            assertThat(split(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(id("STORE-A"), 2, id("WH"), 3));
            assertThat(plan.fulfilmentAt(id("STORE-A")).orElseThrow().kind()).isEqualTo(LegKind.COLLECT);
            assertThat(plan.fulfilmentAt(id("WH")).orElseThrow().kind()).isEqualTo(LegKind.TRANSFER);
        }

        @Test
        void without_the_rule_one_transfer_is_cheaper_than_shelf_plus_transfer() {
            RuleSet plain = RuleSet.builder("plain").filter(new CapabilityFilter())
                    .cost(new ShippingCost(rates())).cost(new SplitPenalty(4)).build();
            SourcingPlan plan = engine(network, plain).plan(SourcingRequest.of(order("o", shipToStore("STORE-A"), "A", 5)),
                    stock(network, "A", "STORE-A", 2, "A", "WH", 50));

            assertThat(split(plan)).containsExactly(Map.entry(id("WH"), 5));
        }

        @Test
        void counts_the_shelf_after_safety_stock() {
            InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
            store.load(sku("A"), id("STORE-A"), 4);
            store.load(sku("A"), id("WH"), 50);
            store.setSafetyStock(sku("A"), id("STORE-A"), 3);
            SourcingEngine live = SourcingEngine.builder().network(network).rules(book).clock(CLOCK).inventory(store).build();

            SourcingResult result = live.source(SourcingRequest.of(order("o", shipToStore("STORE-A"), "A", 3)));

            SourcingPlan plan = ((SourcingResult.Allocated) result).plan();
            assertThat(split(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(id("STORE-A"), 1, id("WH"), 2));
        }

        @Test
        void the_ship_to_store_offer_of_an_express_collection_uses_the_shelf_first() {
            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", collect("STORE-A"), "A", 3)),
                    stock(network, "A", "STORE-A", 1, "A", "WH", 50));

            SourcingPlan offer = plan.shipToStoreOffer().orElseThrow();
            assertThat(split(offer)).containsExactlyInAnyOrderEntriesOf(Map.of(id("STORE-A"), 1, id("WH"), 2));
        }

        @Test
        void a_home_delivery_is_not_priced_by_the_rule() {
            RuleSet home = RuleSet.builder("home").filter(new CapabilityFilter()).cost(new ShippingCost(rates()))
                    .cost(new PickupStoreFirst()).build();
            SourcingPlan plan = engine(network, home).plan(SourcingRequest.of(order("o", home(), "A", 1)),
                    stock(network, "A", "STORE-A", 1, "A", "WH", 1));

            assertThat(costOf(plan, "WH", "pickup-store-first").amount()).isZero();
            assertThat(costOf(plan, "STORE-A", "pickup-store-first").amount()).isZero();
        }
    }
}
