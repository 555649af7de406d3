package io.omskit.reporting.funds;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.CostPrices;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.returns.Returns;
import io.omskit.returns.policy.RefundTiming;
import io.omskit.returns.policy.ReturnPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A shop for the funds tests, wired on the in-memory adapters with a funds book listening to its events: a warehouse,
 * a store that ships and hands over collections, and a drop-shipper whose lamps cost 52.00 EUR.
 */
final class FundsShop {

    static final Sku MUG = Sku.of("MUG");
    static final Sku LAMP = Sku.of("LAMP");
    static final LocationId WH = LocationId.of("WH-1");
    static final LocationId STORE = LocationId.of("ST-1");
    static final LocationId DROP = LocationId.of("DS-1");
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Stakeholder RETAILER = Stakeholder.retailer("acme");
    static final Money LAMP_COST = eur("52.00");

    final MutableClock clock = new MutableClock(T0);
    final FakePaymentGateway payments = new FakePaymentGateway();
    final RecordingEventPublisher events = new RecordingEventPublisher(100_000);
    final InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
    final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
            .put(SkuAttributes.of(LAMP, "Lamp", "living", 2000, Dimensions.ofMillimetres(300, 300, 500), true));
    final Network network = Network.of(List.of(
            Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).capabilities(EnumSet.allOf(Capability.class)).build(),
            Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).capabilities(EnumSet.allOf(Capability.class)).build(),
            Location.builder(DROP, LocationType.DROP_SHIPPER, GeoPoint.of(50.0, 8.0)).capabilities(EnumSet.allOf(Capability.class)).build()));
    final Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments)
            .events(events).build();
    final CostPrices costs = (dropShipper, sku, currency) -> dropShipper.equals(DROP) && sku.equals(LAMP)
            ? Optional.of(LAMP_COST) : Optional.empty();
    final FundsBook funds = FundsBook.of(network, CommissionPolicy.defaults(costs), RETAILER);
    private final AtomicInteger refs = new AtomicInteger();

    FundsShop() {
        for (LocationId at : List.of(WH, STORE, DROP)) {
            for (Sku sku : List.of(MUG, LAMP)) {
                inventory.adjust(StockAdjustment.of("receipt-" + sku + "-" + at, sku, at, MovementReason.RECEIPT, 10_000, "po-1"));
            }
        }
        events.subscribe(funds::accept);
    }

    static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    Returns returns() {
        return Returns.builder(oms).payments(payments).policy(ReturnPolicy.builder().timing(RefundTiming.ON_RECEIPT).build()).events(events).build();
    }

    /** An order to an address on {@code channel}, shaped by {@code shape}, placed. */
    Order placed(Channel channel, UnaryOperator<PlaceOrderRequest.Builder> shape) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(channel).externalRef("X-" + refs.incrementAndGet())
                .customer("customer-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .paymentRef("tok-visa");
        return oms.placeOrder(shape.apply(b).build()).order();
    }

    /** An order for collection at the store, shaped by {@code shape}, placed. */
    Order placedForCollection(UnaryOperator<PlaceOrderRequest.Builder> shape) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.APP).externalRef("C-" + refs.incrementAndGet())
                .customer("customer-1").currency("EUR")
                .delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null))
                .paymentRef("tok-visa");
        return oms.placeOrder(shape.apply(b).build()).order();
    }

    /** Every unit of {@code order} fulfilled by {@code at} as fulfilment {@code key}, shipped and delivered. */
    Order shipAll(Order order, String key, LocationId at) {
        return ship(order, key, at, all(order));
    }

    /** {@code units} of {@code order} fulfilled by {@code at} as fulfilment {@code key}, shipped and delivered. */
    Order ship(Order order, String key, LocationId at, List<LineQuantity> units) {
        oms.allocate(order.id(), key, at, units);
        FulfilmentId f = FulfilmentId.of(key);
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().ship(f, ShipmentDetails.of("parcel-" + key, "DHL", ""));
        oms.fulfilments().deliver(f, "signed");
        return oms.order(order.id()).orElseThrow();
    }

    /** Every unit of {@code order} picked at the store as fulfilment {@code key} and collected there. */
    Order collectAll(Order order, String key) {
        oms.allocate(order.id(), key, STORE, all(order));
        FulfilmentId f = FulfilmentId.of(key);
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().collect(f, STORE, oms.fulfilments().get(f).pickupCode());
        return oms.order(order.id()).orElseThrow();
    }

    static List<LineQuantity> all(Order order) {
        List<LineQuantity> all = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            all.add(LineQuantity.of(l.id(), l.quantity()));
        }
        return all;
    }

    static Map<Stakeholder, Money> owed(OrderFunds f) {
        return f.owed();
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
