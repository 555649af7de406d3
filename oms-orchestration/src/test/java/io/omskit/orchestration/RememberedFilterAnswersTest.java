package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.internal.Context;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedByRequestFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine remembers the answers of static filters per rule set, channel, delivery method and pickup store, and
 * asks the other filters only whether they exclude: orders that differ in any of those still get their own
 * answers, and every built-in filter's quick answer agrees with its justified one.
 */
class RememberedFilterAnswersTest {

    private final Network network = network(warehouse("W1", 3), store("S1", 1), store("S2", 2));
    private final StockSnapshot stock = stock(network, "A", "W1", 5, "A", "S1", 5, "A", "S2", 5);
    private final SourcingEngine engine = engine(network, rulesWith(
            new CapabilityFilter(),
            LocationTypeFilter.builder()
                    .allow(Channel.WEB, null, LocationType.WAREHOUSE, LocationType.STORE)
                    .allow(Channel.MARKETPLACE, null, LocationType.WAREHOUSE).build())
            .cost(new ShippingCost(rates())).build());

    @Test
    void each_channel_keeps_its_own_remembered_answers() {
        SourcingPlan web = engine.plan(SourcingRequest.of(order("o1", Channel.WEB, home(), "A", 1)), stock);
        SourcingPlan marketplace = engine.plan(SourcingRequest.of(order("o2", Channel.MARKETPLACE, home(), "A", 1)), stock);
        SourcingPlan webAgain = engine.plan(SourcingRequest.of(order("o3", Channel.WEB, home(), "A", 1)), stock);

        assertThat(sources(web)).containsExactly(id("S1"));
        assertThat(sources(marketplace)).containsExactly(id("W1"));
        assertThat(sources(webAgain)).containsExactly(id("S1"));
        assertThat(marketplace.explanation().verdictOn(id("S1")).orElseThrow().verdict()).isEqualTo(Verdict.EXCLUDED);
    }

    @Test
    void each_pickup_store_keeps_its_own_remembered_answers() {
        Location receives = Location.builder(id("S3"), LocationType.STORE, GeoPoint.of(0, 4))
                .capabilities(EnumSet.of(Capability.PICKUP, Capability.RECEIVE_TRANSFER, Capability.SHIP)).build();
        Location cannotReceive = Location.builder(id("S4"), LocationType.STORE, GeoPoint.of(0, 5))
                .capabilities(EnumSet.of(Capability.PICKUP)).build();
        Network shops = network(warehouse("W1", 3), receives, cannotReceive);
        SourcingEngine shipToStore = engine(shops, rulesWith(new CapabilityFilter()).cost(new ShippingCost(rates())).build());
        StockSnapshot atWarehouse = stock(shops, "A", "W1", 5);

        SourcingPlan toS3 = shipToStore.plan(SourcingRequest.of(order("o1", shipToStore("S3"), "A", 1)), atWarehouse);
        SourcingPlan toS4 = shipToStore.plan(SourcingRequest.of(order("o2", shipToStore("S4"), "A", 1)), atWarehouse);

        assertThat(sources(toS3)).containsExactly(id("W1"));
        assertThat(toS4.isEmpty()).isTrue();
    }

    @Test
    void quick_answers_of_built_in_filters_agree_with_their_justifications() {
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        Location full = Location.builder(id("S9"), LocationType.STORE, GeoPoint.of(0, 9)).dailyCapacity(1)
                .orderCutOff(LocalTime.of(8, 0)).build();
        Network mixed = network(warehouse("W1", 1), store("S1", 2), full);
        capacity.tryConsume(id("S9"), LocalDate.ofInstant(NOW, full.zone()), 1);
        Order order = order("o1", home(), "A", 2, "B", 1);
        List<SourcingItem> items = List.of(new SourcingItem(order.lines().get(0).id(), sku("A"), 2, null),
                new SourcingItem(order.lines().get(1).id(), sku("B"), 1, null));
        StockSnapshot units = stock(mixed, "A", "W1", 1, "A", "S1", 3, "A", "S9", 2, "B", "S9", 1);
        SkuStock[] byItem = {units.stock(sku("A")), units.stock(sku("B"))};
        int[][] excluded = {{1}, {}};
        DeliveryChoice delivery = order.delivery();
        Context context = new Context(OrderDemands.of(order), delivery, mixed, NOW, items, byItem, excluded, capacity,
                Context.unitVectors(mixed));
        List<FilterRule> filters = List.of(new MaxDistanceFilter(150), new DailyCapacityFilter(), new CutOffFilter(),
                EnoughStockFilter.wholeLine(), new ExcludedByRequestFilter(), new CapabilityFilter());

        int exclusions = 0;
        for (FilterRule f : filters) {
            for (int location = 0; location < mixed.size(); location++) {
                assertThat(f.excludesOrder(context, location)).as("%s at %d", f.name(), location)
                        .isEqualTo(f.excludeOrder(context, location) != null);
                exclusions += f.excludesOrder(context, location) ? 1 : 0;
                for (int item = 0; item < items.size(); item++) {
                    assertThat(f.excludesItem(context, item, location)).as("%s at %d for %d", f.name(), location, item)
                            .isEqualTo(f.excludeItem(context, item, location) != null);
                    exclusions += f.excludesItem(context, item, location) ? 1 : 0;
                }
            }
        }
        assertThat(exclusions).as("exclusions met").isGreaterThanOrEqualTo(5);
    }
}
