package io.omskit.returns;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A small shop for the returns tests: a warehouse that ships and accepts returns, a store that accepts returns, a
 * warehouse that does not, SKUs of two categories (one not returnable), and orders delivered from the warehouse.
 */
final class Shop {

    static final Sku SHIRT = Sku.of("SHIRT");
    static final Sku JEANS = Sku.of("JEANS");
    static final Sku SOCKS = Sku.of("SOCKS");
    static final Sku EARRINGS = Sku.of("EARRINGS");
    static final LocationId WH = LocationId.of("WH-1");
    static final LocationId STORE = LocationId.of("ST-1");
    static final LocationId OUTLET_WH = LocationId.of("WH-NORETURNS");
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final FakePaymentGateway payments = new FakePaymentGateway();
    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
    final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(SHIRT, "Shirt", "apparel", 200, Dimensions.ofMillimetres(300, 200, 30), true))
            .put(SkuAttributes.of(JEANS, "Jeans", "apparel", 600, Dimensions.ofMillimetres(400, 300, 50), true))
            .put(SkuAttributes.of(SOCKS, "Socks", "apparel", 50, Dimensions.ofMillimetres(100, 100, 20), true))
            .put(SkuAttributes.of(EARRINGS, "Earrings", "jewellery", 10, Dimensions.ofMillimetres(50, 50, 20), false));
    final Network network = Network.of(List.of(
            Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0))
                    .capabilities(EnumSet.of(Capability.SHIP, Capability.ACCEPT_RETURNS)).build(),
            Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build(),
            Location.builder(OUTLET_WH, LocationType.WAREHOUSE, GeoPoint.of(51.0, 12.0)).build()));
    final Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments)
            .events(events).build();
    private final AtomicInteger refs = new AtomicInteger();

    Shop() {
        for (Sku sku : List.of(SHIRT, JEANS, SOCKS, EARRINGS)) {
            inventory.adjust(StockAdjustment.of("receipt-" + sku, sku, WH, MovementReason.RECEIPT, 1000, "po-1"));
        }
    }

    /** The returns workflow under {@code policy}, publishing to this shop's events. */
    Returns returns(ReturnPolicy policy) {
        return Returns.builder(oms).payments(payments).policy(policy).events(events).build();
    }

    static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    /** A web order to an address, shaped by {@code shape}, placed, shipped whole from the warehouse and delivered. */
    Order delivered(UnaryOperator<PlaceOrderRequest.Builder> shape) {
        Order placed = placed(shape);
        List<LineQuantity> all = new ArrayList<>();
        for (OrderLine l : placed.lines()) {
            all.add(LineQuantity.of(l.id(), l.quantity()));
        }
        return deliver(placed, "f-" + placed.id(), all);
    }

    /** A web order to an address, shaped by {@code shape}, placed (its units reserved, its total authorised). */
    Order placed(UnaryOperator<PlaceOrderRequest.Builder> shape) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-" + refs.incrementAndGet())
                .customer("customer-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .paymentRef("tok-visa");
        return oms.placeOrder(shape.apply(b).build()).order();
    }

    /** {@code units} of {@code order} allocated to the warehouse as fulfilment {@code key}, shipped and delivered. */
    Order deliver(Order order, String key, List<LineQuantity> units) {
        oms.allocate(order.id(), key, WH, units);
        FulfilmentId f = FulfilmentId.of(key);
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().ship(f, ShipmentDetails.of("parcel-" + key, "DHL", ""));
        oms.fulfilments().deliver(f, "signed");
        return oms.order(order.id()).orElseThrow();
    }

    /** An app order collected in the store (no delivery address): {@code units} of SHIRT from the store's shelf. */
    Order collected(int units) {
        inventory.adjust(StockAdjustment.of("shelf-" + refs.incrementAndGet(), SHIRT, STORE, MovementReason.RECEIPT, units, "po-2"));
        Order placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.APP).externalRef("A-" + refs.incrementAndGet())
                .customer("customer-1").currency("EUR")
                .delivery(io.omskit.core.order.DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null))
                .line("1", "SHIRT", units, eur("25.00")).paymentRef("tok-visa").build()).order();
        String key = "cc-" + placed.id();
        oms.allocate(placed.id(), key, STORE, List.of(LineQuantity.of(placed.lines().get(0).id(), units)));
        FulfilmentId f = FulfilmentId.of(key);
        oms.fulfilments().accept(f);
        oms.fulfilments().startPicking(f);
        oms.fulfilments().pack(f);
        oms.fulfilments().collect(f, STORE, oms.fulfilments().get(f).pickupCode());
        return oms.order(placed.id()).orElseThrow();
    }

    /**
     * A 114.95 web order (2 shirts at 25.00 on line 1, jeans at 60.00 on line 2, 4.95 shipping) whose shirts were shipped
     * from the warehouse and delivered; the jeans are still reserved.
     */
    Order shirtsDeliveredJeansWaiting() {
        Order placed = placed(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                .charge("shipping", eur("4.95")));
        return deliver(placed, "f-1", List.of(LineQuantity.of(io.omskit.core.order.LineId.of("1"), 2)));
    }

    /** Both shirts of {@link #shirtsDeliveredJeansWaiting} returned for {@code reason}, dropped off, received and restocked. */
    io.omskit.returns.rma.Return returnBothShirts(Returns returns, Order order, io.omskit.returns.rma.ReturnReason reason) {
        io.omskit.core.order.LineId shirts = io.omskit.core.order.LineId.of("1");
        io.omskit.returns.rma.Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB,
                io.omskit.returns.rma.ReturnMethod.dropOff(WH), List.of(OpenReturnRequest.line(shirts, 2, reason))))).ret();
        returns.receive(ret.id(), List.of(io.omskit.returns.rma.Arrival.of(SHIRT, 2)), "scan-1");
        return returns.inspect(ret.id(), shirts, io.omskit.returns.rma.Grade.AS_NEW, io.omskit.returns.rma.Disposition.RESTOCK, 2,
                "inspect-1");
    }

    /** The idempotency keys of the refunds the provider was asked for on {@code order}, in order. */
    List<String> refundKeys(io.omskit.core.order.OrderId order) {
        return payments.calls().stream().filter(c -> c.kind() == io.omskit.core.spi.PaymentRequest.Kind.REFUND
                && c.orderId().equals(order)).map(io.omskit.core.spi.PaymentRequest::idempotencyKey).toList();
    }

    /** The order as stored now. */
    Order order(Order o) {
        return oms.order(o.id()).orElseThrow();
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
