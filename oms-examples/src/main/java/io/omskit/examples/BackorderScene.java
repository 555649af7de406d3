package io.omskit.examples;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderEvent;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.Backorders;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.notification.MessageData;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationSubject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 16 of the demo: a lamp sold before it arrives. Ten lamps are announced at the Berlin DC for a date; three
 * customers pre-order two each, a fourth asks for more than may wait and is refused; four lamps arrive and fill the two
 * oldest pre-orders (reserved for their orders), the third waits; the rest of the purchase order slips a week and its
 * customer is told the new date. It runs on a store of its own, so the other scenes' stock is untouched.
 */
final class BackorderScene {

    /** What the scene did, for the demo's test. */
    record Outcome(BackorderResult refused, List<BackorderFill> fills, int reservedAfterReceipt, Backorder third,
                   List<Notification> told) {
    }

    private static final Sku LAMP = DemoNetwork.sku(4);
    private static final Sku MUG = DemoNetwork.sku(3);
    private static final LocationId DC = LocationId.of("WH-BERLIN");
    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-18T08:00:00Z");
    private static final Instant SLIPPED = Instant.parse("2026-12-28T08:00:00Z");

    private final PrintStream out;
    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
    private final Oms oms;
    private final RecordingNotificationSender sender = new RecordingNotificationSender();
    private final Backorders backorders;
    private int movements;

    BackorderScene(PrintStream out, Network network, InMemoryCatalog catalog) {
        this.out = out;
        this.oms = Oms.builder().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .orders(new InMemoryOrderRepository()).payments(new FakePaymentGateway()).build();
        Notifier notifier = Notifier.builder(oms, sender, new InMemoryNotificationLog()).build();
        this.backorders = Backorders.builder().inventory(inventory).book(new InMemoryBackorderBook()).clock(clock)
                .policy(BackorderPolicy.builder().sku(LAMP, SupplyTerms.preordersAndBackorders(2)).build())
                .publisher(notifier).build();
        inventory.load(MUG, DC, 10);
    }

    Outcome run() {
        move(MovementReason.INBOUND_EXPECTED, 10, DUE);
        out.println("  " + LAMP + ": none in stock; 10 announced at " + DC + " for " + DUE + " (po-4711); terms: pre-orders"
                + " against inbound + 2 backordered beyond it");
        List<OrderId> orders = new ArrayList<>();
        for (String customer : List.of("carla", "dev", "emil")) {
            PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB)
                    .externalRef("WEB-16-" + customer).customer(customer).currency("EUR").paymentRef("tok_visa")
                    .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("C. Ustomer", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                    .line("1", MUG.value(), 1, Money.of(CurrencyUnit.EUR, 9)).build());
            OrderId order = placed.order().id();
            orders.add(order);
            Backorder b = ((BackorderResult.Accepted) backorders.place(BackorderRequest.of("bo-" + customer, order,
                    LineId.of("2"), LAMP, DC, 2))).backorder();
            out.println("  " + customer + " orders a mug (in stock) and pre-orders 2 lamps: " + b.kind() + ", expected "
                    + b.expectedAt());
        }
        BackorderResult refused = backorders.place(BackorderRequest.of("bo-frank", OrderId.of("order-frank"),
                LineId.of("1"), LAMP, DC, 7));
        out.println("  frank asks for 7 -> " + refused.fold(a -> "accepted", r -> "refused: " + r.reason()));

        StockMovement receipt = move(MovementReason.INBOUND_RECEIVED, 4, null);
        List<BackorderFill> fills = backorders.receiptBooked(receipt);
        backorders.receiptBooked(receipt);
        int reserved = inventory.position(LAMP, DC).reserved();
        out.println("  4 lamps arrive -> filled " + fills.stream().map(f -> f.backorder() + " " + f.units()).toList()
                + ", reserved for their orders: " + reserved + " (the receipt booked twice fills once)");
        Backorder third = backorders.forOrder(orders.get(2)).get(0);
        out.println("  emil's " + third.waiting() + " still wait, expected " + third.expectedAt());

        move(MovementReason.INBOUND_CANCELLED, 6, null);
        move(MovementReason.INBOUND_EXPECTED, 6, SLIPPED);
        List<BackorderEvent.SupplyDateMoved> slips = backorders.supplyChanged(LAMP, DC);
        third = backorders.forOrder(orders.get(2)).get(0);
        List<Notification> told = sender.delivered(orders.get(2)).stream()
                .filter(n -> n.subject().kind() == NotificationSubject.Kind.SUPPLY_DATE).toList();
        out.println("  the supplier moves the rest of po-4711 to " + SLIPPED + " -> " + slips.size() + " slip, emil's"
                + " lamps now expected " + third.expectedAt());
        told.forEach(n -> out.println("  message to " + n.recipient() + " (" + n.channel() + "): " + n.subject().name()
                + ", " + n.data().get(MessageData.PREVIOUSLY_EXPECTED_AT) + " -> " + n.data().get(MessageData.EXPECTED_AT)));
        return new Outcome(refused, fills, reserved, third, told);
    }

    private StockMovement move(MovementReason reason, int quantity, Instant eta) {
        AdjustmentResult r = inventory.adjust(new StockAdjustment(MovementKey.of("lamp-" + ++movements), LAMP, DC, reason,
                quantity, eta, "po-4711"));
        return ((AdjustmentResult.Applied) r).movement();
    }
}
