package io.omskit.orchestration;

import static io.omskit.core.order.DeliveryMethod.EXPRESS_CLICK_AND_COLLECT;
import static io.omskit.core.order.DeliveryMethod.EXPRESS_DELIVERY;
import static io.omskit.core.order.DeliveryMethod.SHIP_TO_STORE;
import static io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY;
import static io.omskit.orchestration.Fixtures.network;
import static io.omskit.orchestration.Fixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedByRequestFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.KeepTogetherFilter;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.PickupStoreOnlyFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.SourcingRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which delivery methods each built-in rule, and the engine for a channel, treats alike. */
class AlikeDeliveryMethodsTest {

    private static final ShippingRate FLAT = ShippingRate.of(5, 0.10, 0.001);
    private static final ShippingRate FAST = ShippingRate.of(12, 0.10, 0.001);

    @Nested
    class Rules_that_never_read_the_method {
        @Test
        void treat_every_method_alike() {
            List<SourcingRule> rules = List.of(new CutOffFilter(), new DailyCapacityFilter(), new DistanceCost(0.01),
                    EnoughStockFilter.wholeLine(), new ExcludedByRequestFilter(),
                    new ExcludedLocationsFilter(Set.of(Fixtures.id("W1"))), new KeepTogetherFilter(),
                    new LatenessCost(1), new LoadBalancing(1), new LocationPriority(List.of(Fixtures.id("W1")), 1),
                    new MaxDistanceFilter(100), new OpenNowFilter(), new OpportunityCost((sku, location) -> 1),
                    new ProtectStoreStock(1, 1), new SplitPenalty(3));

            assertThat(rules).allSatisfy(rule -> {
                assertThat(rule.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).as(rule.name()).isTrue();
                assertThat(rule.alike(STANDARD_DELIVERY, SHIP_TO_STORE)).as(rule.name()).isTrue();
            });
        }

        @Test
        void a_rule_that_does_not_say_treats_a_method_alike_only_itself() {
            FilterRule custom = () -> "custom";
            assertThat(custom.alike(EXPRESS_DELIVERY, EXPRESS_DELIVERY)).isTrue();
            assertThat(custom.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
        }
    }

    @Nested
    class Capability {
        @Test
        void standard_and_express_delivery_both_need_a_location_that_ships() {
            assertThat(new CapabilityFilter().alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
            assertThat(new CapabilityFilter().alike(EXPRESS_DELIVERY, STANDARD_DELIVERY)).isTrue();
        }

        @Test
        void pickup_methods_differ_from_home_delivery_and_from_each_other() {
            CapabilityFilter filter = new CapabilityFilter();
            assertThat(filter.alike(STANDARD_DELIVERY, SHIP_TO_STORE)).isFalse();
            assertThat(filter.alike(EXPRESS_DELIVERY, EXPRESS_CLICK_AND_COLLECT)).isFalse();
            assertThat(filter.alike(EXPRESS_CLICK_AND_COLLECT, SHIP_TO_STORE)).isFalse();
            assertThat(filter.alike(SHIP_TO_STORE, SHIP_TO_STORE)).isTrue();
        }
    }

    @Nested
    class Pickup_store_only {
        @Test
        void restricts_only_express_click_and_collect() {
            PickupStoreOnlyFilter filter = new PickupStoreOnlyFilter();
            assertThat(filter.alike(STANDARD_DELIVERY, SHIP_TO_STORE)).isTrue();
            assertThat(filter.alike(EXPRESS_CLICK_AND_COLLECT, EXPRESS_CLICK_AND_COLLECT)).isTrue();
            assertThat(filter.alike(EXPRESS_CLICK_AND_COLLECT, SHIP_TO_STORE)).isFalse();
        }
    }

    @Nested
    class Location_type {
        @Test
        void allowances_naming_no_method_treat_methods_alike() {
            LocationTypeFilter filter = LocationTypeFilter.builder()
                    .allow(null, null, LocationType.WAREHOUSE)
                    .allow(Channel.MARKETPLACE, null, LocationType.WAREHOUSE, LocationType.STORE).build();
            assertThat(filter.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }

        @Test
        void an_allowance_for_express_only_sets_it_apart() {
            LocationTypeFilter filter = LocationTypeFilter.builder()
                    .allow(null, null, LocationType.WAREHOUSE)
                    .allow(null, EXPRESS_DELIVERY, LocationType.WAREHOUSE, LocationType.STORE).build();
            assertThat(filter.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
        }

        @Test
        void an_allowance_for_express_in_one_channel_sets_it_apart() {
            LocationTypeFilter filter = LocationTypeFilter.builder()
                    .allow(Channel.MARKETPLACE, EXPRESS_DELIVERY, LocationType.WAREHOUSE).build();
            assertThat(filter.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
        }

        @Test
        void an_allowance_for_express_with_the_types_standard_gets_is_alike() {
            LocationTypeFilter filter = LocationTypeFilter.builder()
                    .allow(null, null, LocationType.WAREHOUSE, LocationType.STORE)
                    .allow(null, EXPRESS_DELIVERY, LocationType.STORE, LocationType.WAREHOUSE).build();
            assertThat(filter.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }
    }

    @Nested
    class Shipping_rates {
        @Test
        void a_table_without_an_express_rate_prices_both_methods_alike() {
            RateTable table = RateTable.builder(FLAT).rate(LocationType.STORE, FAST).build();
            assertThat(table.sameRates(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
            assertThat(new ShippingCost(table).alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }

        @Test
        void an_express_rate_from_one_location_type_sets_express_apart() {
            RateTable table = RateTable.builder(FLAT).rate(LocationType.STORE, EXPRESS_DELIVERY, FAST).build();
            assertThat(table.sameRates(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
            assertThat(table.sameRates(STANDARD_DELIVERY, SHIP_TO_STORE)).isTrue();
            assertThat(new ShippingCost(table).alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
        }

        @Test
        void an_express_rate_equal_to_what_standard_pays_is_alike() {
            RateTable table = RateTable.builder(FLAT).rate(EXPRESS_DELIVERY, ShippingRate.of(5, 0.10, 0.001)).build();
            assertThat(table.sameRates(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }

        @Test
        void other_rates_are_alike_only_for_the_same_method() {
            ShippingCost cost = new ShippingCost((from, method) -> FLAT);
            assertThat(cost.alike(STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
            assertThat(cost.alike(EXPRESS_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }
    }

    @Nested
    class Engine {
        private final Network network = network(warehouse("W1", 1), warehouse("W2", 2));
        private final RuleSet home = Fixtures.rulesWith(new CapabilityFilter()).cost(new ShippingCost(Fixtures.rates()))
                .cost(new SplitPenalty(2)).build();

        private SourcingEngine engine(RuleBook book) {
            return SourcingEngine.builder().network(network).rules(book).clock(Fixtures.CLOCK).build();
        }

        @Test
        void sources_standard_and_express_alike_under_one_rule_set_whose_rules_agree() {
            SourcingEngine engine = engine(RuleBook.of(home));
            assertThat(engine.sourcesAlike(Channel.WEB, STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
            assertThat(engine.sourcesAlike(Channel.WEB, STANDARD_DELIVERY, EXPRESS_DELIVERY)).as("asked again").isTrue();
        }

        @Test
        void sources_methods_apart_when_they_have_different_rule_sets() {
            RuleSet express = Fixtures.rulesWith(new CapabilityFilter()).cost(new ShippingCost(Fixtures.rates())).build();
            SourcingEngine engine = engine(RuleBook.builder().byDefault(home).forMethod(EXPRESS_DELIVERY, express).build());
            assertThat(engine.sourcesAlike(Channel.WEB, STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
        }

        @Test
        void sources_methods_apart_in_the_channel_that_binds_express_to_another_rule_set() {
            RuleSet express = Fixtures.rulesWith(new CapabilityFilter()).build();
            SourcingEngine engine = engine(RuleBook.builder().byDefault(home)
                    .forChannelAndMethod(Channel.MARKETPLACE, EXPRESS_DELIVERY, express).build());
            assertThat(engine.sourcesAlike(Channel.MARKETPLACE, STANDARD_DELIVERY, EXPRESS_DELIVERY)).isFalse();
            assertThat(engine.sourcesAlike(Channel.WEB, STANDARD_DELIVERY, EXPRESS_DELIVERY)).isTrue();
        }

        @Test
        void sources_methods_apart_when_one_rule_of_the_set_treats_them_apart() {
            RuleSet priced = Fixtures.rulesWith(new CapabilityFilter())
                    .cost(new ShippingCost(RateTable.builder(FLAT).rate(EXPRESS_DELIVERY, FAST).build())).build();
            assertThat(engine(RuleBook.of(priced)).sourcesAlike(Channel.WEB, STANDARD_DELIVERY, EXPRESS_DELIVERY))
                    .isFalse();
        }

        @Test
        void sources_different_pickup_methods_apart_even_under_rules_that_agree() {
            SourcingEngine engine = engine(RuleBook.of(Fixtures.rulesWith(new DailyCapacityFilter()).build()));
            assertThat(engine.sourcesAlike(Channel.WEB, SHIP_TO_STORE, EXPRESS_CLICK_AND_COLLECT)).isFalse();
            assertThat(engine.sourcesAlike(Channel.WEB, STANDARD_DELIVERY, SHIP_TO_STORE)).isFalse();
            assertThat(engine.sourcesAlike(Channel.WEB, SHIP_TO_STORE, SHIP_TO_STORE)).isTrue();
        }
    }
}
