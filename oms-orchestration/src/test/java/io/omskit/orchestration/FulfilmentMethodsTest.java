package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.stock.StockSnapshot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Express click and collect, ship-to-store, ship from store, drop-ship. */
class FulfilmentMethodsTest {

    private final Location storeA = store("STORE-A", 0.2);
    private final Location storeB = store("STORE-B", 0.1);
    private final Location warehouse = warehouse("WH", 2);
    private final Location dropShipper = dropShipper("DS", 5);
    private final Network network = network(storeA, storeB, warehouse, dropShipper);
    private final RuleSet home = RuleSet.builder("home").filter(new CapabilityFilter()).cost(new ShippingCost(rates())).build();
    private final RuleSet collect = RuleSet.builder("collect").filter(new CapabilityFilter()).build();
    private final RuleSet shipToStore = RuleSet.builder("ship-to-store").filter(new CapabilityFilter())
            .filter(LocationTypeFilter.builder().allow(null, DeliveryMethod.SHIP_TO_STORE, LocationType.WAREHOUSE).build())
            .cost(new ShippingCost(rates())).build();
    private final RuleBook book = RuleBook.builder().byDefault(home)
            .forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, collect)
            .forMethod(DeliveryMethod.SHIP_TO_STORE, shipToStore).build();
    private final SourcingEngine engine = SourcingEngine.builder().network(network).rules(book).clock(CLOCK).build();

    @Nested
    class ExpressClickAndCollect {
        @Test
        void sources_only_from_the_pickup_store_even_when_another_store_is_nearer() {
            StockSnapshot stock = stock(network, "A", "STORE-A", 2, "A", "STORE-B", 9, "A", "WH", 9);

            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", collect("STORE-A"), "A", 2)), stock);

            assertThat(plan.fulfilments()).singleElement().satisfies(f -> {
                assertThat(f.location()).isEqualTo(id("STORE-A"));
                assertThat(f.kind()).isEqualTo(LegKind.COLLECT);
                assertThat(f.destination()).isEqualTo(id("STORE-A"));
            });
            assertThat(plan.shipToStoreOffer()).isEmpty();
            assertThat(plan.explanation().verdictOn(id("STORE-B")).orElseThrow().exclusions())
                    .extracting(Exclusion::rule).contains("pickup-store-only");
        }

        @Test
        void offers_ship_to_store_of_the_shelf_and_a_warehouse_transfer_when_the_pickup_store_lacks_stock() {
            StockSnapshot stock = stock(network, "A", "STORE-A", 1, "A", "STORE-B", 9, "A", "WH", 9);

            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", collect("STORE-A"), "A", 3)), stock);

            assertThat(plan.unsourced()).singleElement().satisfies(u -> {
                assertThat(u.quantity()).isEqualTo(2);
                assertThat(u.reason()).isEqualTo(UnsourcedReason.EXCLUDED_BY_RULES);
            });
            SourcingPlan offer = plan.shipToStoreOffer().orElseThrow();
            assertThat(offer.ruleSet()).isEqualTo("ship-to-store");
            // the warehouses-only allowance names transfer sources: the store's own unit is collected from its shelf
            assertThat(offer.fulfilments()).satisfiesExactlyInAnyOrder(f -> {
                assertThat(f.location()).isEqualTo(id("STORE-A"));
                assertThat(f.kind()).isEqualTo(LegKind.COLLECT);
                assertThat(f.units()).isEqualTo(1);
            }, f -> {
                assertThat(f.location()).isEqualTo(id("WH"));
                assertThat(f.kind()).isEqualTo(LegKind.TRANSFER);
                assertThat(f.destination()).isEqualTo(id("STORE-A"));
                assertThat(f.units()).isEqualTo(2);
            });
        }
    }

    @Test
    void ship_to_store_transfers_from_a_warehouse_to_the_pickup_store() {
        StockSnapshot stock = stock(network, "A", "STORE-B", 9, "A", "WH", 9);

        SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", shipToStore("STORE-A"), "A", 2)), stock);

        assertThat(plan.fulfilments()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(LegKind.TRANSFER);
            assertThat(f.location()).isEqualTo(id("WH"));
            assertThat(f.destination()).isEqualTo(id("STORE-A"));
        });
        assertThat(plan.explanation().verdictOn(id("STORE-B")).orElseThrow().verdict()).isEqualTo(Verdict.EXCLUDED);
    }

    @Test
    void ship_from_store_uses_stores_as_ship_nodes_within_their_daily_capacity() {
        Location smallStore = Location.builder(id("STORE-A"), LocationType.STORE, GeoPoint.of(0, 0.2)).dailyCapacity(1).build();
        Network n = network(smallStore, warehouse);
        InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
        store.load(sku("A"), id("STORE-A"), 10);
        store.load(sku("A"), id("WH"), 10);
        SourcingEngine withCapacity = SourcingEngine.builder().network(n).clock(CLOCK).inventory(store)
                .rules(RuleBook.of(RuleSet.builder("home").filter(new CapabilityFilter()).filter(new DailyCapacityFilter())
                        .cost(new ShippingCost(rates())).build()))
                .build();

        SourcingResult first = withCapacity.source(SourcingRequest.of(order("o1", home(), "A", 1)));
        SourcingResult second = withCapacity.source(SourcingRequest.of(order("o2", home(), "A", 1)));

        SourcingPlan firstPlan = ((SourcingResult.Allocated) first).plan();
        assertThat(firstPlan.fulfilments()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(id("STORE-A"));
            assertThat(f.type()).isEqualTo(LocationType.STORE);
            assertThat(f.kind()).isEqualTo(LegKind.DELIVER);
        });
        assertThat(sources(((SourcingResult.Allocated) second).plan())).containsExactly(id("WH"));
        assertThat(((SourcingResult.Allocated) second).plan().explanation().verdictOn(id("STORE-A")).orElseThrow()
                .exclusions()).extracting(Exclusion::rule).containsExactly("daily-capacity");
    }

    @Test
    void drop_shippers_ship_from_their_own_stock_feed() {
        StockSnapshot stock = stock(network, "A", "WH", 3, "BIG-TV", "DS", 40);

        SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", home(), "A", 1, "BIG-TV", 1)), stock);

        assertThat(plan.fulfilments()).hasSize(2);
        assertThat(plan.fulfilmentAt(id("DS")).orElseThrow()).satisfies(f -> {
            assertThat(f.type()).isEqualTo(LocationType.DROP_SHIPPER);
            assertThat(f.kind()).isEqualTo(LegKind.DELIVER);
            assertThat(f.lines()).extracting(PlannedLine::sku).containsExactly(sku("BIG-TV"));
        });
    }
}
