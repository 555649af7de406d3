package io.omskit.orchestration;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.Money;

/** Small networks, orders and stock for scenario tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    // a line of locations along the equator: 1 degree of longitude is about 111 km
    static final GeoPoint CUSTOMER = GeoPoint.of(0, 0);

    private Fixtures() {
    }

    static LocationId id(String id) {
        return LocationId.of(id);
    }

    static Sku sku(String sku) {
        return Sku.of(sku);
    }

    static Location warehouse(String id, double longitude) {
        return Location.builder(id(id), LocationType.WAREHOUSE, GeoPoint.of(0, longitude)).build();
    }

    static Location store(String id, double longitude) {
        return Location.builder(id(id), LocationType.STORE, GeoPoint.of(0, longitude)).build();
    }

    static Location dropShipper(String id, double longitude) {
        return Location.builder(id(id), LocationType.DROP_SHIPPER, GeoPoint.of(0, longitude)).build();
    }

    static Network network(Location... locations) {
        return Network.of(List.of(locations));
    }

    static Address address(GeoPoint position) {
        return new Address("A. Customer", "1 Main Street", null, "Town", "12345", "DE", position);
    }

    static DeliveryChoice home() {
        return DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(CUSTOMER), null);
    }

    static DeliveryChoice home(DeliveryMethod method, DeliveryWindow promised) {
        return DeliveryChoice.home(method, address(CUSTOMER), promised);
    }

    static DeliveryChoice collect(String store) {
        return DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, id(store), null);
    }

    static DeliveryChoice shipToStore(String store) {
        return DeliveryChoice.pickup(DeliveryMethod.SHIP_TO_STORE, id(store), null);
    }

    /** An order; lines given as sku, quantity pairs: {@code order("o1", home(), "A", 2, "B", 1)}; line ids are L1, L2... */
    static Order order(String id, DeliveryChoice delivery, Object... skuQuantityPairs) {
        return order(id, Channel.WEB, delivery, skuQuantityPairs);
    }

    static Order order(String id, Channel channel, DeliveryChoice delivery, Object... skuQuantityPairs) {
        return orderPlacedAt(NOW, id, channel, delivery, skuQuantityPairs);
    }

    static Order orderPlacedAt(Instant placedAt, String id, Channel channel, DeliveryChoice delivery, Object... skuQuantityPairs) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(channel).externalRef("ext-" + id)
                .customer("c-" + id).currency("EUR").delivery(delivery);
        for (int k = 0; k < skuQuantityPairs.length; k += 2) {
            b.line("L" + (k / 2 + 1), (String) skuQuantityPairs[k], (Integer) skuQuantityPairs[k + 1],
                    Money.parse("EUR 10.00"));
        }
        return Order.place(OrderId.of(id), b.build(), placedAt).state();
    }

    /** An engine over {@code network} sourcing every order with {@code rules} at {@link #NOW}. */
    static SourcingEngine engine(Network network, RuleSet rules) {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK).build();
    }

    /** A rule set with the given filters, shipping costs by {@link #rates()} and up to 3 shipments. */
    static RuleSet.Builder rulesWith(io.omskit.orchestration.spi.FilterRule... filters) {
        RuleSet.Builder b = RuleSet.builder("test");
        for (io.omskit.orchestration.spi.FilterRule f : filters) {
            b.filter(f);
        }
        return b.maxShipments(3);
    }

    /** Stock given as sku, location, units triples. */
    static StockSnapshot stock(Network network, Object... skuLocationUnits) {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        for (int k = 0; k < skuLocationUnits.length; k += 3) {
            b.add(sku((String) skuLocationUnits[k]), id((String) skuLocationUnits[k + 1]), (Integer) skuLocationUnits[k + 2]);
        }
        return b.build();
    }

    /** The locations a plan ships from, in plan order. */
    static java.util.List<LocationId> sources(SourcingPlan plan) {
        return plan.fulfilments().stream().map(PlannedFulfilment::location).toList();
    }

    /** Shipping: 5 per shipment, 0.10 per unit, 0.001 per unit-km. */
    static RateTable rates() {
        return RateTable.flat(ShippingRate.of(5, 0.10, 0.001));
    }
}
