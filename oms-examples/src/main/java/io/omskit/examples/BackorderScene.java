package io.omskit.examples;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.notification.MessageData;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationSubject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 20 of the demo: an arc lamp sold before it arrives, through {@code oms} itself. Two are in stock at the Berlin
 * DC and six announced for a date; carla orders four (two reserved, two pre-ordered), dev three, emil three (beyond the
 * announced supply: backordered, no date yet), frank's one more is refused for stock with nothing held. Four arrive:
 * carla's two and dev's first two are filled oldest first, and carla's order goes the normal way to delivery and
 * capture. Emil cancels; the supplier moves the rest a week later and dev is told the new date. On the demo's
 * PostgreSQL the orders, stock and the backorder queue are all in the database.
 */
final class BackorderScene {

    /** What the scene did, for the demo's test. */
    record Outcome(PlacementResult carla, PlacementResult frank, Order carlaDelivered, Order dev, Order emil,
                   int waitingAfterAll, List<Notification> told) {
    }

    private static final Sku LAMP = Sku.of("LAMP-ARC");
    private static final LocationId DC = LocationId.of("WH-BERLIN");
    private static final LineId L1 = LineId.of("1");
    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-18T08:00:00Z");
    private static final Instant SLIPPED = Instant.parse("2026-12-28T08:00:00Z");

    private final PrintStream out;
    private final Oms oms;
    private final RecordingNotificationSender sender = new RecordingNotificationSender();
    private int movements;

    /** On the demo's stock, and on its PostgreSQL when {@code postgres} is not null. */
    BackorderScene(PrintStream out, Network network, InMemoryCatalog catalog, InventoryStore inventory,
                   io.omskit.postgres.PostgresOms postgres) {
        this.out = out;
        catalog.put(SkuAttributes.of(LAMP, "Arc lamp", "home", 4200, Dimensions.ofMillimetres(400, 400, 900), true));
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        Forward notify = new Forward();
        this.oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .orders(postgres == null ? new InMemoryOrderRepository() : postgres.orderRepository())
                .fulfilments(postgres == null ? new InMemoryFulfilmentRepository() : postgres.fulfilmentRepository())
                .backorderBook(postgres == null ? new InMemoryBackorderBook() : postgres.backorderBook())
                .backorderPolicy(BackorderPolicy.builder().sku(LAMP, SupplyTerms.preordersAndBackorders(2)).build())
                .payments(new FakePaymentGateway()).events(notify).build();
        notify.to = Notifier.builder(oms, sender, new InMemoryNotificationLog()).build();
    }

    Outcome run() {
        book(MovementReason.RECEIPT, 2, null);
        book(MovementReason.INBOUND_EXPECTED, 6, DUE);
        out.println("  " + LAMP + ": 2 in stock at " + DC + ", 6 announced for " + DUE + " (po-4711); terms: pre-orders"
                + " against inbound + 2 backordered beyond it");
        PlacementResult carla = place("2001", "carla", 4);
        PlacementResult dev = place("2002", "dev", 3);
        PlacementResult emil = place("2003", "emil", 3);
        PlacementResult frank = place("2004", "frank", 1);

        book(MovementReason.INBOUND_RECEIVED, 4, null);
        movements--;
        book(MovementReason.INBOUND_RECEIVED, 4, null);
        Order carlaNow = current(carla);
        out.println("  4 lamps arrive (the receipt booked twice fills once) -> carla " + describe(carlaNow) + "; dev "
                + describe(current(dev)));

        oms.allocate(carlaNow.id(), "WEB-2001-DC", DC, List.of(LineQuantity.of(L1, 4)));
        FulfilmentId parcel = FulfilmentId.of("WEB-2001-DC");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("parcel-2001", "DHL", ""));
        oms.fulfilments().deliver(parcel, "signed");
        Order delivered = current(carla);
        out.println("  carla's 4 lamps go the normal way from " + DC + ": " + delivered.status() + ", captured "
                + delivered.payment().captured());

        Order emilNow = oms.cancel(emil.order().id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST,
                "WEB-2003-cancel");
        out.println("  emil cancels his 3 -> " + emilNow.status() + ", waiting for supply now: "
                + oms.backorders().waiting(LAMP));

        book(MovementReason.INBOUND_EXPECTED, 2, SLIPPED);
        book(MovementReason.INBOUND_CANCELLED, 2, null);
        Order devNow = current(dev);
        List<Notification> told = sender.delivered(devNow.id()).stream()
                .filter(n -> n.subject().kind() == NotificationSubject.Kind.SUPPLY_DATE).toList();
        out.println("  the supplier moves the rest of po-4711 to " + SLIPPED + " -> dev " + describe(devNow));
        told.forEach(n -> out.println("  message to " + n.recipient() + " (" + n.channel() + "): " + n.subject().name()
                + ", " + n.data().get(MessageData.PREVIOUSLY_EXPECTED_AT) + " -> " + n.data().get(MessageData.EXPECTED_AT)));
        return new Outcome(carla, frank, delivered, devNow, emilNow, oms.backorders().waiting(LAMP), told);
    }

    private PlacementResult place(String number, String customer, int lamps) {
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB)
                .externalRef("WEB-" + number).customer(customer).currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("C. Ustomer", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", LAMP.value(), lamps, Money.of(CurrencyUnit.EUR, 120)).build());
        out.println("  " + customer + " orders " + lamps + " -> " + placed.outcome()
                + (placed.isConfirmed() ? ", " + describe(placed.order()) : ", nothing held"));
        return placed;
    }

    private Order current(PlacementResult placed) {
        return oms.order(placed.order().id()).orElseThrow();
    }

    private static String describe(Order order) {
        OrderLine line = order.line(L1).orElseThrow();
        String waiting = line.awaitingStock() == 0 ? "none waiting"
                : line.awaitingStock() + " " + (line.backorder().preorder() ? "pre-ordered" : "backordered") + " "
                + line.expectedAt().map(at -> "expected " + at + ", promised by " + line.backorder().promisedBy())
                .orElse("without a date yet");
        return order.status() + " (" + line.units().reserved() + " reserved, " + waiting + ")";
    }

    private void book(MovementReason reason, int quantity, Instant eta) {
        oms.adjustStock(new StockAdjustment(MovementKey.of("lamp-arc-" + ++movements), LAMP, DC, reason, quantity, eta,
                "po-4711"));
    }

    /** Hands the scene's events to the notifier, which needs the {@link Oms} they come from. */
    private static final class Forward implements EventPublisher {
        private volatile EventPublisher to = EventPublisher.none();

        @Override
        public void publish(List<? extends DomainEvent> events) {
            to.publish(events);
        }
    }
}
