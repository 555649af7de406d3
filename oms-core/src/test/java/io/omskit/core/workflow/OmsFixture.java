package io.omskit.core.workflow;

import io.omskit.core.Oms;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.PlaceOrderRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** A small wired OMS for workflow tests: one warehouse, one store, three SKUs and a bundle. */
final class OmsFixture {

    static final Sku MUG = Sku.of("MUG");
    static final Sku PLATE = Sku.of("PLATE");
    static final Sku BOWL = Sku.of("BOWL");
    static final Sku BREAKFAST_SET = Sku.of("BREAKFAST-SET");
    static final LocationId WH = LocationId.of("WH-1");
    static final LocationId STORE = LocationId.of("ST-1");
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final FakePaymentGateway payments = new FakePaymentGateway();
    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    final InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
    final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
            .put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true))
            .put(SkuAttributes.of(BOWL, "Bowl", "kitchen", 400, Dimensions.ofMillimetres(150, 150, 80), true))
            .put(new SkuAttributes(BREAKFAST_SET, "Breakfast set", "kitchen", 1100, Dimensions.ofMillimetres(300, 300, 150),
                    true, List.of(new BundleComponent(MUG, 2), new BundleComponent(PLATE, 1))));
    final Network network = Network.of(List.of(
            Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
            Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).name("Berlin Mitte")
                    .openingHours(io.omskit.core.network.OpeningHours.mondayToSaturday(
                            io.omskit.core.network.TimeRange.of("09:00", "20:00"), null)).build()));
    final InMemoryFulfilmentRepository fulfilments = new InMemoryFulfilmentRepository();
    final FakeCarrierGateway carriers = FakeCarrierGateway.withSampleCarriers(clock);
    final Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).orders(orders).inventory(inventory)
            .fulfilments(fulfilments).carriers(carriers).payments(payments).events(events).pickupCodes(() -> "246810")
            .pickupPeriod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, java.time.Duration.ofDays(2))
            .pickupPeriod(DeliveryMethod.SHIP_TO_STORE, java.time.Duration.ofDays(5)).build();
    private final AtomicInteger refs = new AtomicInteger();

    OmsFixture stock(Sku sku, LocationId location, int quantity) {
        inventory.adjust(StockAdjustment.of("receipt-" + refs.incrementAndGet(), sku, location, MovementReason.RECEIPT, quantity,
                "po-1"));
        return this;
    }

    /** A web order of {@code mugs} mugs to Berlin, allocated at the warehouse, picked and packed: ready to ship. */
    io.omskit.core.fulfilment.FulfilmentId packedParcel(String externalRef, int mugs) {
        io.omskit.core.order.Order order = oms.placeOrder(webOrder(externalRef).line("1", "MUG", mugs, eur(10)).build()).order();
        oms.allocate(order.id(), externalRef + "-WH", WH, List.of(io.omskit.core.order.LineQuantity.of(
                io.omskit.core.order.LineId.of("1"), mugs)));
        io.omskit.core.fulfilment.FulfilmentId id = io.omskit.core.fulfilment.FulfilmentId.of(externalRef + "-WH");
        oms.fulfilments().accept(id);
        oms.fulfilments().startPicking(id);
        oms.fulfilments().pack(id);
        return id;
    }

    static Money eur(double amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }

    /** A web order to an address in Berlin. */
    PlaceOrderRequest.Builder webOrder(String externalRef) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(externalRef).customer("customer-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .paymentRef("tok-visa");
    }

    /** A click and collect order at the store. */
    PlaceOrderRequest.Builder pickupOrder(String externalRef, DeliveryMethod method) {
        return PlaceOrderRequest.builder().channel(Channel.APP).externalRef(externalRef).customer("customer-2").currency("EUR")
                .delivery(DeliveryChoice.pickup(method, STORE, null)).paymentRef("tok-visa");
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
