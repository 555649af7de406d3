package io.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
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
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.fulfilment.WorkQueue;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.notification.Contact;
import io.omskit.core.notification.Notifier;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferRequest;
import io.omskit.core.transfer.TransferStatus;
import io.omskit.returns.OpenResult;
import io.omskit.returns.OpenReturnRequest;
import io.omskit.returns.Returns;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import io.omskit.orchestration.carrier.CarrierChooser;
import io.omskit.orchestration.carrier.CarrierDecision;
import io.omskit.orchestration.carrier.OnTimeRecord;
import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.Order;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.timeline.NotificationTimeline;
import io.omskit.core.timeline.Timeline;
import io.omskit.returns.ReturnTimeline;
import org.junit.jupiter.api.Test;

/** The README's snippets, compiled and run; keep both in step. */
class ReadmeExamplesTest {

    @Test
    void wiring_it_in() {
        // --- README: Wiring it in ---
        Clock clock = Clock.systemUTC();
        RecordingEventPublisher events = new RecordingEventPublisher();          // or your broker / outbox
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        PaymentGateway payments = new FakePaymentGateway();                     // your PaymentGateway

        Oms oms = Oms.builder()
                .clock(clock)
                .network(Network.of(List.of(
                        Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                        Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.5, 13.4)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .orders(new InMemoryOrderRepository())       // your OrderRepository
                .inventory(inventory)                        // your InventoryStore
                .payments(payments)
                .events(events)
                .build();

        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));

        PlacementResult result = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8))
                .paymentRef("tok_visa")
                .build());
        // --- end ---

        assertThat(result.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(result.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(inventory.networkAvailable(Sku.of("MUG"))).isEqualTo(8);

        // --- README: Fulfilment ---
        OrderId id = result.order().id();
        oms.allocate(id, "W-1001-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("W-1001-WH1");

        oms.fulfilments().accept(parcel);                                  // the warehouse takes it on
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);                                    // READY_TO_SHIP
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-1", "DHL", "00340434161094042557"));
        oms.fulfilments().deliver(parcel, "signed by A. Person");

        oms.order(id).orElseThrow().status();                              // DELIVERED
        oms.fulfilments().atLocation(LocationId.of("WH-1"), FulfilmentStatus.OFFERED, 50);   // a location's work queue
        // --- end ---

        assertThat(oms.order(id).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(oms.order(id).orElseThrow().payment().captured()).isEqualTo(Money.of(CurrencyUnit.EUR, 16));
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("WH-1")).onHand()).isEqualTo(8);
        assertThat(oms.fulfilments().get(parcel).status()).isEqualTo(FulfilmentStatus.DELIVERED);

        // --- README: Returns and refunds ---
        Returns returns = Returns.builder(oms).payments(payments).events(events)
                .policy(ReturnPolicy.builder().defaultWindow(Duration.ofDays(30)).restockingFeeRate("0.00").build())
                .build();

        OpenResult opened = returns.open(OpenReturnRequest.of(id, "counter-7-0042", Channel.STORE,
                ReturnMethod.dropOff(LocationId.of("ST-1")), List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.DOES_NOT_FIT))));
        Return ret = ((OpenResult.Opened) opened).ret();      // or Refused, each line with its reason

        returns.receive(ret.id(), List.of(Arrival.of(Sku.of("MUG"), 1)), "scan-1");                 // no refund yet
        returns.inspect(ret.id(), LineId.of("1"), Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-1"); // sellable at ST-1, refunded
        // --- end ---

        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("ST-1")).availableToSell()).isEqualTo(1);
        assertThat(oms.order(id).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(oms.order(id).orElseThrow().payment().refunded()).isEqualTo(Money.of(CurrencyUnit.EUR, 8));
        assertThat(returns.find(ret.id()).orElseThrow().status()).isEqualTo(ReturnStatus.REFUNDED);
    }

    @Test
    void carriers_labels_and_tracking() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
        RecordingEventPublisher events = new RecordingEventPublisher();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        io.omskit.core.inmemory.FakeCarrierGateway carriers = io.omskit.core.inmemory.FakeCarrierGateway.withSampleCarriers(clock);
        Oms oms = Oms.builder().clock(clock)
                .network(Network.of(List.of(Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE,
                        GeoPoint.of(52.0, 13.0)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .inventory(inventory).payments(new FakePaymentGateway()).carriers(carriers).events(events).build();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        OrderId id = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-2001").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null),
                        new io.omskit.core.order.DeliveryWindow(java.time.Instant.parse("2026-03-03T08:00:00Z"),
                                java.time.Instant.parse("2026-03-03T20:00:00Z"))))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).paymentRef("tok_visa").build()).order().id();
        oms.allocate(id, "W-2001-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("W-2001-WH1");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        java.time.Instant pickedUpAt = java.time.Instant.parse("2026-03-02T16:30:00Z");
        java.time.Instant deliveredAt = java.time.Instant.parse("2026-03-03T11:10:00Z");

        // --- README: Carriers, labels and tracking ---
        Parcel box = Parcel.of(1_400, 300, 200, 150);                       // grams; box in millimetres
        QuoteResult quotes = oms.fulfilments().quote(parcel, box);          // cheapest first, from the packed fulfilment's location

        OnTimeRecord record = OnTimeRecord.create();                        // learnt from tracking: ParcelDeliveryRecorded events
        record.observeAll(events.events());
        CarrierDecision choice = CarrierChooser.of(record, Money.of(CurrencyUnit.EUR, 8))   // what a missed promise costs you
                .choose(quotes.quotes(), oms.fulfilments().get(parcel), oms.order(id).orElseThrow());
        choice.explanation();      // "chose DHL PAKET: 4.50, on time 90% on DE-10; UPS STANDARD: 4.95, on time 90%; GLS BUSINESS:
                                   //  3.90 but arrives 2026-03-04, after the promised 2026-03-03; ..."

        BookingAttempt booking = oms.fulfilments().book(parcel, box, choice.chosen().orElseThrow());
        booking.isBooked();        // or declined (the carrier's reason), or pending: reconcileBooking(parcel) asks again
        String carrier = booking.fulfilment().booking().service().carrier();
        String number = booking.fulfilment().booking().trackingNumber();

        // the carrier's webhooks as they arrive: duplicated, out of order, whole histories re-sent
        oms.fulfilments().track(TrackingEvent.of(carrier, number, TrackingStatus.IN_TRANSIT, "picked up", pickedUpAt));
        oms.fulfilments().track(TrackingEvent.of(carrier, number, TrackingStatus.DELIVERED, "signed: A. Person", deliveredAt));
        oms.order(id).orElseThrow().status();                               // DELIVERED
        // --- end ---

        assertThat(choice.explanation()).startsWith("chose DHL PAKET: 4.50, on time 90% on DE-10; UPS STANDARD: 4.95, on time"
                + " 90%; GLS BUSINESS: 3.90 but arrives 2026-03-04, after the promised 2026-03-03");
        assertThat(booking.isBooked()).isTrue();
        assertThat(oms.order(id).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(oms.fulfilments().get(parcel).shipment().trackingNumber()).isEqualTo(number);
        record.observeAll(events.events());
        assertThat(record.tally(choice.chosen().orElseThrow().service(), booking.fulfilment().booking().lane()).onTime())
                .isEqualTo(1);
    }

    @Test
    void notifications_store_time_limits_and_transfers() {
        Clock clock = Clock.systemUTC();
        RecordingEventPublisher events = new RecordingEventPublisher();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        Oms oms = Oms.builder().clock(clock)
                .network(Network.of(List.of(
                        Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                        Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.5, 13.4)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .inventory(inventory).payments(new FakePaymentGateway()).events(events)
                .acceptanceLimit(LocationType.STORE, Duration.ofHours(2)).build();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        PlaceOrderRequest request = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).paymentRef("tok_visa").build();

        // --- README: Notifications, store time limits and transfers ---
        RecordingNotificationSender sender = new RecordingNotificationSender();          // your NotificationSender
        Notifier notifier = Notifier.builder(oms, sender, new InMemoryNotificationLog())  // pg.notificationLog() on PostgreSQL
                .contacts(order -> List.of(Contact.of(NotificationChannel.EMAIL, Locale.GERMANY)))
                .trackingLinks((carrier, number) -> "https://track.example.com/" + carrier + "/" + number)
                .build();
        events.subscribe(notifier::accept);                // only what was published; the relay's publisher on PostgreSQL

        OrderId order = oms.placeOrder(request).order().id();       // one message: CONFIRMED
        notifier.retryUnsent(100);                                  // from your scheduler: messages whose sending failed

        oms.fulfilments().workQueue(LocationId.of("WH-1"), WorkQueue.TO_ACCEPT, null, 50);   // earliest promise first

        TransferId restock = TransferId.of("RESTOCK-ST-1-0042");
        oms.transfers().request(new TransferRequest(restock, LocationId.of("WH-1"), LocationId.of("ST-1"),
                TransferReason.RESTOCK, List.of(TransferLine.of(Sku.of("MUG"), 4)), clock.instant().plus(Duration.ofDays(2))));
        oms.inventory().inbound(Sku.of("MUG"));                     // 4 expected at ST-1, reference "transfer:RESTOCK-ST-1-0042"
        oms.transfers().ship(restock, ShipmentDetails.of("TRUCK-7", "own fleet", ""));
        oms.transfers().receive(restock);                           // on hand at ST-1
        // --- end ---

        assertThat(sender.delivered(order)).extracting(n -> n.subject().name()).containsExactly("CONFIRMED");
        assertThat(sender.delivered(order).get(0).locale()).isEqualTo(Locale.GERMANY);
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("ST-1")).onHand()).isEqualTo(4);
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("WH-1")).onHand()).isEqualTo(6);
        assertThat(inventory.inbound(Sku.of("MUG"))).isEmpty();
        assertThat(oms.transfers().get(restock).status()).isEqualTo(TransferStatus.RECEIVED);
    }

    @Test
    void customer_service() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        InMemoryNotificationLog notificationLog = new InMemoryNotificationLog();
        io.omskit.returns.inmemory.InMemoryReturnRepository returnRepository = new io.omskit.returns.inmemory.InMemoryReturnRepository();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.5, 13.4)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));

        // --- README: Customer service ---
        Oms oms = Oms.builder().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .payments(new FakePaymentGateway())
                .actionPolicy(DefaultActionPolicy.withAgentRefundLimit(Money.of(CurrencyUnit.EUR, 30)))   // or your ActionPolicy
                .timelineSource(new NotificationTimeline(notificationLog))                               // messages sent
                .timelineSource(new ReturnTimeline(returnRepository))                                    // returns
                .build();
        CustomerService cs = oms.customerService();
        OrderId id = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-2001")
                .customer("customer-42").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).build()).order().id();

        OrderQuery mine = OrderQuery.all().customer(CustomerRef.of("customer-42")).limit(20);   // newest first
        OrderPage page = cs.find(mine);                      // next page: cs.find(mine.after(page.next()))

        Actor agent = Actor.agent("agent-17");
        cs.addNote(id, agent, "Customer called: asks whether it ships today.");
        Timeline story = cs.timeline(id);                    // story.text() for the agent; JSON for a UI

        oms.allocate(id, "W-2001-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("W-2001-WH1");
        Acted<Fulfilment> notTheirs = cs.accept(parcel, Actor.storeAssociate("assoc-3", LocationId.of("ST-1")));  // refused: own-store-only
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        Acted<Order> tooLate = cs.cancelOrder(id, Actor.customer(CustomerRef.of("customer-42")),
                CancellationReason.CUSTOMER_REQUEST);        // refused: customer-cancels-before-preparation
        Verdict goodwill = cs.mayRefund(id, agent, Money.of(CurrencyUnit.EUR, 45));   // refused: agent-refund-limit
        Acted<Order> byAgent = cs.cancelOrder(id, agent, CancellationReason.CUSTOMER_REQUEST);   // done; the events name agent-17
        // --- end ---

        assertThat(page.orders()).extracting(o -> o.id()).containsExactly(id);
        assertThat(story.text()).contains("agent agent-17").contains("Customer called").doesNotContain("Main Street");
        assertThat(notTheirs.verdict().rule()).isEqualTo(DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(tooLate.verdict().rule()).isEqualTo(DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);
        assertThat(goodwill.rule()).isEqualTo(DefaultActionPolicy.AGENT_REFUND_LIMIT);
        assertThat(byAgent.get().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cs.timeline(id).ofKind("order.units-cancelled")).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo(agent));
    }
}
