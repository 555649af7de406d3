package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.KeepTogetherFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One story per built-in filter: the filter excludes what it should, says why, and the plan goes elsewhere. */
class BuiltInFiltersTest {

    private static Exclusion onlyExclusionAt(SourcingPlan plan, String location) {
        LocationVerdict v = plan.explanation().verdictOn(id(location)).orElseThrow();
        assertThat(v.verdict()).isEqualTo(Verdict.EXCLUDED);
        assertThat(v.exclusions()).hasSize(1);
        return v.exclusions().get(0);
    }

    @Nested
    class Capability_ {
        @Test
        void home_delivery_skips_a_location_that_cannot_ship() {
            Location noShip = Location.builder(id("W1"), LocationType.WAREHOUSE, io.omskit.core.network.GeoPoint.of(0, 0.1))
                    .capabilities(EnumSet.of(Capability.RECEIVE_TRANSFER)).build();
            Network network = network(noShip, warehouse("W2", 2));
            SourcingPlan plan = engine(network, rulesWith(new CapabilityFilter()).cost(new ShippingCost(rates())).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "W1", 5, "A", "W2", 5));

            assertThat(sources(plan)).containsExactly(id("W2"));
            assertThat(onlyExclusionAt(plan, "W1").why())
                    .isEqualTo(new CapabilityFilter.MissingCapability(id("W1"), Capability.SHIP,
                            io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY));
        }

        @Test
        void ship_to_store_sources_nothing_when_the_pickup_store_cannot_receive_transfers() {
            Location store = Location.builder(id("S1"), LocationType.STORE, io.omskit.core.network.GeoPoint.of(0, 0))
                    .capabilities(EnumSet.of(Capability.PICKUP)).build();
            Network network = network(store, warehouse("W1", 1));
            SourcingPlan plan = engine(network, rulesWith(new CapabilityFilter()).build())
                    .plan(SourcingRequest.of(order("o", shipToStore("S1"), "A", 1)), stock(network, "A", "W1", 5));

            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.unsourced()).singleElement()
                    .satisfies(u -> assertThat(u.reason()).isEqualTo(UnsourcedReason.EXCLUDED_BY_RULES));
            assertThat(onlyExclusionAt(plan, "W1").why()).isInstanceOf(CapabilityFilter.PickupStoreCannotReceive.class);
        }
    }

    @Nested
    class LocationType_ {
        private final Network network = network(store("S1", 0.1), warehouse("W1", 3));
        private final RuleSet rules = rulesWith(LocationTypeFilter.builder()
                .allow(Channel.MARKETPLACE, null, LocationType.WAREHOUSE)
                .allow(null, null, LocationType.WAREHOUSE, LocationType.STORE).build())
                .cost(new ShippingCost(rates())).build();
        private final StockSnapshot stock = stock(network, "A", "S1", 5, "A", "W1", 5);

        @Test
        void marketplace_orders_come_only_from_warehouses() {
            SourcingPlan plan = engine(network, rules).plan(
                    SourcingRequest.of(order("o", Channel.MARKETPLACE, home(), "A", 1)), stock);

            assertThat(sources(plan)).containsExactly(id("W1"));
            assertThat(onlyExclusionAt(plan, "S1").rule()).isEqualTo(LocationTypeFilter.NAME);
        }

        @Test
        void web_orders_may_ship_from_the_nearer_store() {
            SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 1)), stock);

            assertThat(sources(plan)).containsExactly(id("S1"));
        }
    }

    @Nested
    class EnoughStock {
        private final Network network = network(warehouse("W1", 0.1), warehouse("W2", 0.2), warehouse("W3", 5));

        @Test
        void whole_line_never_splits_a_line_even_when_splitting_is_cheaper() {
            StockSnapshot stock = stock(network, "A", "W1", 2, "A", "W2", 2, "A", "W3", 4);
            SourcingPlan plan = engine(network, rulesWith(EnoughStockFilter.wholeLine()).cost(new ShippingCost(rates())).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 4)), stock);

            assertThat(sources(plan)).containsExactly(id("W3"));
            assertThat(onlyExclusionAt(plan, "W1").why())
                    .isEqualTo(new EnoughStockFilter.NotEnoughStock(id("W1"), LineId.of("L1"), sku("A"), 2, 4));
        }

        @Test
        void minimum_units_skips_locations_holding_too_few() {
            StockSnapshot stock = stock(network, "A", "W1", 1, "A", "W3", 3);
            SourcingPlan plan = engine(network, rulesWith(EnoughStockFilter.atLeast(2)).cost(new ShippingCost(rates())).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 3)), stock);

            assertThat(sources(plan)).containsExactly(id("W3"));
        }
    }

    @Test
    void max_distance_excludes_a_cheap_but_far_location() {
        Network network = network(warehouse("NEAR", 2), warehouse("FAR", 10));
        RuleSet rules = rulesWith(new MaxDistanceFilter(500)).cost(new ShippingCost(rates())).build();
        SourcingPlan plan = engine(network, rules)
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "FAR", 5, "A", "NEAR", 1));

        assertThat(sources(plan)).containsExactly(id("NEAR"));
        MaxDistanceFilter.TooFar tooFar = (MaxDistanceFilter.TooFar) onlyExclusionAt(plan, "FAR").why();
        assertThat(tooFar.distanceKm()).isBetween(1100.0, 1125.0);
        assertThat(tooFar.maxKm()).isEqualTo(500.0);
    }

    @Nested
    class Time {
        // NOW is Tuesday 2026-03-10 09:00 UTC; Asia/Tokyo is 18:00 then, America/New_York 05:00
        private final Location tokyo = Location.builder(id("TOKYO"), LocationType.STORE, io.omskit.core.network.GeoPoint.of(0, 1))
                .zone(ZoneId.of("Asia/Tokyo")).openingHours(OpeningHours.every(DayOfWeek.values(), TimeRange.of("10:00", "20:00")))
                .orderCutOff(LocalTime.of(17, 0)).build();
        private final Location newYork = Location.builder(id("NY"), LocationType.STORE, io.omskit.core.network.GeoPoint.of(0, 2))
                .zone(ZoneId.of("America/New_York")).openingHours(OpeningHours.every(DayOfWeek.values(), TimeRange.of("08:00", "20:00")))
                .orderCutOff(LocalTime.of(15, 0)).build();
        private final Network network = network(tokyo, newYork);
        private final StockSnapshot stock = stock(network, "A", "TOKYO", 3, "A", "NY", 3);

        @Test
        void open_now_uses_each_locations_own_time_zone() {
            SourcingPlan plan = engine(network, rulesWith(new OpenNowFilter()).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock);

            assertThat(sources(plan)).containsExactly(id("TOKYO"));
            assertThat(onlyExclusionAt(plan, "NY").why())
                    .isEqualTo(new OpenNowFilter.Closed(id("NY"), java.time.LocalDateTime.parse("2026-03-10T05:00"), "outside opening hours"));
        }

        @Test
        void open_now_respects_closure_days() {
            Location closed = Location.builder(id("TOKYO"), LocationType.STORE, io.omskit.core.network.GeoPoint.of(0, 1))
                    .zone(ZoneId.of("Asia/Tokyo")).holidays(io.omskit.core.network.HolidayCalendar.none()
                            .withClosure(LocalDate.of(2026, 3, 10))).build();
            Network n = network(closed);
            SourcingPlan plan = engine(n, rulesWith(new OpenNowFilter()).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(n, "A", "TOKYO", 1));

            assertThat(plan.isEmpty()).isTrue();
            assertThat(((OpenNowFilter.Closed) onlyExclusionAt(plan, "TOKYO").why()).reason()).isEqualTo("closure day");
        }

        @Test
        void cut_off_excludes_a_location_past_its_local_cut_off() {
            SourcingPlan plan = engine(network, rulesWith(new CutOffFilter()).build())
                    .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock);

            assertThat(sources(plan)).containsExactly(id("NY"));
            assertThat(onlyExclusionAt(plan, "TOKYO").why())
                    .isEqualTo(new CutOffFilter.PastCutOff(id("TOKYO"), LocalTime.of(18, 0), LocalTime.of(17, 0)));
        }

        @Test
        void daily_capacity_excludes_a_location_that_took_its_share_today() {
            InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
            Location small = Location.builder(id("SMALL"), LocationType.WAREHOUSE, io.omskit.core.network.GeoPoint.of(0, 0.1))
                    .dailyCapacity(1).build();
            Network n = network(small, warehouse("BIG", 4));
            capacity.tryConsume(id("SMALL"), LocalDate.of(2026, 3, 10), 1);
            SourcingEngine engine = SourcingEngine.builder().network(n).clock(CLOCK).capacity(capacity)
                    .rules(RuleBook.of(rulesWith(new DailyCapacityFilter()).cost(new ShippingCost(rates())).build())).build();

            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(n, "A", "SMALL", 5, "A", "BIG", 5));

            assertThat(sources(plan)).containsExactly(id("BIG"));
            assertThat(onlyExclusionAt(plan, "SMALL").why()).isEqualTo(new DailyCapacityFilter.CapacityReached(id("SMALL"), 1));
        }
    }

    @Test
    void excluded_locations_are_never_used() {
        Network network = network(warehouse("W1", 0.1), warehouse("W2", 3));
        RuleSet rules = rulesWith(new ExcludedLocationsFilter(Set.of(id("W1")))).cost(new ShippingCost(rates())).build();
        SourcingPlan plan = engine(network, rules)
                .plan(SourcingRequest.of(order("o", home(), "A", 1)), stock(network, "A", "W1", 5, "A", "W2", 5));

        assertThat(sources(plan)).containsExactly(id("W2"));
        assertThat(onlyExclusionAt(plan, "W1").why()).isEqualTo(new ExcludedLocationsFilter.ExcludedByConfiguration(id("W1")));
    }

    @Nested
    class KeepTogether {
        private final Network network = network(warehouse("W1", 0.1), warehouse("W2", 0.2), warehouse("W3", 40));
        // W1 has the frame, W2 the wheels, only W3 has both
        private final StockSnapshot stock = stock(network, "FRAME", "W1", 5, "WHEEL", "W2", 10,
                "FRAME", "W3", 5, "WHEEL", "W3", 10);

        @Test
        void ships_a_bundles_components_from_one_location() {
            SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK)
                    .rules(RuleBook.of(rulesWith(new KeepTogetherFilter()).cost(new ShippingCost(rates())).build()))
                    .catalog(sku -> Optional.of(sku.value().equals("BIKE")
                            ? new SkuAttributes(sku, "Bike", "bikes", 9000, Dimensions.ofMillimetres(1, 1, 1), true,
                                    List.of(new BundleComponent(sku("FRAME"), 1), new BundleComponent(sku("WHEEL"), 2)))
                            : SkuAttributes.of(sku, sku.value(), "parts", 100, Dimensions.ofMillimetres(1, 1, 1), true)))
                    .build();

            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", home(), "BIKE", 2)), stock);

            assertThat(sources(plan)).containsExactly(id("W3"));
            assertThat(plan.fulfilments().get(0).lines()).containsExactly(
                    new PlannedLine(LineId.of("L1"), sku("FRAME"), 2), new PlannedLine(LineId.of("L1"), sku("WHEEL"), 4));
            assertThat(onlyExclusionAt(plan, "W1").why()).isInstanceOf(KeepTogetherFilter.GroupIncomplete.class);
        }

        @Test
        void ships_lines_grouped_by_the_request_together() {
            Order order = order("o", home(), "FRAME", 1, "WHEEL", 2);
            RuleSet rules = rulesWith(new KeepTogetherFilter()).cost(new ShippingCost(rates())).build();

            SourcingPlan together = engine(network, rules)
                    .plan(SourcingRequest.of(order).withGroup(Set.of(LineId.of("L1"), LineId.of("L2"))), stock);
            SourcingPlan apart = engine(network, rules).plan(SourcingRequest.of(order), stock);

            assertThat(sources(together)).containsExactly(id("W3"));
            assertThat(sources(apart)).containsExactly(id("W1"), id("W2"));
        }
    }
}
