package io.omskit.examples;

import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.shadow.ShadowReport;
import io.omskit.orchestration.engine.shadow.ShadowRun;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.Backorders;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CartEdit;
import io.omskit.core.CartHolds;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.metrics.MicrometerOmsMetrics;
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
import io.omskit.core.order.Goodwill;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineEdit;
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
import java.util.Map;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
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
import io.omskit.reporting.Reporting;
import io.omskit.reporting.measure.Cancellations;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.Granularity;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.OrderVolume;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.StockTurnoverValue;
import io.omskit.reporting.measure.UnitCosts;
import io.omskit.reporting.micrometer.ReportingMetrics;
import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.order.Actor;
import io.omskit.orchestration.DeliveryReplanner;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.timeline.NotificationTimeline;
import io.omskit.core.timeline.Timeline;
import io.omskit.returns.ReturnTimeline;
import org.junit.jupiter.api.Test;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.SellerRef;
import java.time.Instant;
import java.util.Optional;
import io.omskit.reporting.funds.FundsBook;
import io.omskit.reporting.funds.OrderFunds;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.settlement.AdyenSettlementDetailsReader;
import io.omskit.reporting.funds.settlement.Reconciler;
import io.omskit.reporting.funds.settlement.Reconciliation;
import io.omskit.reporting.funds.settlement.SettlementFiles;
import io.omskit.reporting.funds.settlement.SettlementSimulator;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.CostPrices;
import io.omskit.reporting.funds.spi.Stakeholder;

/** The README's snippets, compiled and run; keep both in step. */
class ReadmeExamplesTest {

    @Test
    void wiring_it_in() {
        // --- README: Wiring it in ---
        Clock clock = Clock.systemUTC();
        RecordingEventPublisher events = new RecordingEventPublisher();          // or your broker / outbox
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        PaymentGateway payments = new FakePaymentGateway();                     // your PaymentGateway

        Oms oms = Oms.builder().inMemory()                   // whatever is not set below is kept on the heap
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
        Oms oms = Oms.builder().inMemory().clock(clock)
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
        Oms oms = Oms.builder().inMemory().clock(clock)
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
        oms.transfers().receive(restock, "DN-881", List.of(TransferLine.of(Sku.of("MUG"), 3)));  // 3 on hand, 1 still inbound
        oms.transfers().closeShort(restock, "one mug broken on the road");                    // the 4th written off
        // --- end ---

        assertThat(sender.delivered(order)).extracting(n -> n.subject().name()).containsExactly("CONFIRMED");
        assertThat(sender.delivered(order).get(0).locale()).isEqualTo(Locale.GERMANY);
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("ST-1")).onHand()).isEqualTo(3);
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("WH-1")).onHand()).isEqualTo(6);
        assertThat(inventory.inbound(Sku.of("MUG"))).isEmpty();
        assertThat(oms.transfers().get(restock).status()).isEqualTo(TransferStatus.CLOSED_SHORT);
        assertThat(oms.transfers().get(restock).lost()).containsExactly(TransferLine.of(Sku.of("MUG"), 1));
    }

    @Test
    void cart_holds() {
        Clock clock = Clock.systemUTC();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
        Oms oms = Oms.builder().inMemory().clock(clock)
                .network(Network.of(List.of(
                        Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                        Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.5, 13.4)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .inventory(inventory).payments(new FakePaymentGateway()).build();
        inventory.load(Sku.of("MUG"), LocationId.of("WH-1"), 10);
        inventory.load(Sku.of("MUG"), LocationId.of("ST-1"), 1);
        PlaceOrderRequest request = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-2001").customer("customer-7").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 3, Money.of(CurrencyUnit.EUR, 8))
                .paymentRef("tok_visa")
                .build();

        // --- README: Cart holds ---
        CartHolds carts = oms.carts();
        Duration ttl = Duration.ofMinutes(15);

        carts.hold("cart-7", Map.of(Sku.of("MUG"), 2), ttl);                      // the cart as it is now
        ReservationResult grown = carts.hold("cart-7", Map.of(Sku.of("MUG"), 12), ttl);
        String answer = grown.fold(held -> "held",                               // "only 11 for this cart"
                shortage -> "only " + shortage.shortages().get(0).available() + " for this cart");
        carts.hold(CartEdit.of("cart-7", Map.of(Sku.of("MUG"), 3), ttl).withKey("cart-7-rev-3"));   // a retry applies once
        carts.hold(CartEdit.of("cart-8", Map.of(Sku.of("MUG"), 1), ttl).collectAt(LocationId.of("ST-1")));  // the store's shelf
        carts.extend("cart-7", ttl);                                              // the shopper is still there
        carts.availableTo("cart-7", Sku.of("MUG"));                               // for sale + what cart-7 holds itself
        PlacementResult placed = carts.placeOrder("cart-7", request);              // the order takes over cart-7's hold
        carts.release("cart-8");                                                  // for sale at once; can be held again
        // --- end ---

        assertThat(answer).isEqualTo("only 11 for this cart");
        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(carts.find("cart-7").orElseThrow().status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(inventory.networkAvailable(Sku.of("MUG"))).isEqualTo(8);
    }

    @Test
    void reporting() throws Exception {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
        RecordingEventPublisher events = new RecordingEventPublisher();
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        java.nio.file.Path target = java.nio.file.Files.createTempDirectory("readme-report");
        io.micrometer.core.instrument.MeterRegistry meterRegistry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        java.util.Map<Sku, Money> costPrices = java.util.Map.of(Sku.of("MUG"), Money.of(CurrencyUnit.EUR, 3));

        // --- README: Reporting ---
        Reporting reporting = Reporting.builder().clock(clock).zone(java.time.ZoneId.of("Europe/Berlin")).catalog(catalog)
                .unitCosts(UnitCosts.of(costPrices))                    // optional: stock turnover at cost too
                .build();
        new ReportingMetrics(reporting).bindTo(meterRegistry);          // optional: micrometer-core on your class path
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock)
                .publisher(reporting.alongside(events)).build();
        Oms oms = Oms.builder().inMemory().clock(clock)
                .network(Network.of(List.of(
                        Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build())))
                .catalog(catalog).orders(new InMemoryOrderRepository()).inventory(inventory).payments(new FakePaymentGateway())
                .events(reporting.alongside(events))                    // live, next to your own publisher
                .build();
        reporting.rebuild(events.events());                             // and from history: copies and order do not matter

        // ... orders are placed, sourced, shipped ...

        ReportPeriod march = ReportPeriod.of(java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31), reporting.zone());
        Measures measures = reporting.measures();
        List<FulfilmentSpeed> speed = measures.fulfilmentSpeed(march, Granularity.DAY, Dimension.LOCATION);  // p50/p90/p99
        List<OrderVolume> volume = measures.orderVolume(march, Granularity.PERIOD, Dimension.CHANNEL);      // per currency
        List<Cancellations> cancelled = measures.cancellations(march, Granularity.DAY, Dimension.CATEGORY); // per reason
        List<StockTurnoverValue> atCost = measures.stockTurnoverValue(march, Dimension.CATEGORY);           // per currency

        Report report = reporting.report(march);                        // every measure of the period
        reporting.writeHtml(report, target.resolve("oms-report.html")); // one page, inline SVG charts, no script
        reporting.writeCsv(report, target.resolve("csv"));              // one CSV per table
        reporting.writeJson(report, target.resolve("report.json"));
        // --- end ---

        assertThat(speed).isEmpty();
        assertThat(volume).isEmpty();
        assertThat(cancelled).isEmpty();
        assertThat(atCost).isEmpty();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        OrderId id = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).paymentRef("tok_visa").build()).order().id();
        oms.allocate(id, "W-1001-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("W-1001-WH1");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-1", "DHL", "00340434161094042557"));
        reporting.rebuild(events.events());

        assertThat(measures.orderVolume(march, Granularity.PERIOD, Dimension.CHANNEL)).singleElement()
                .satisfies(v -> {
                    assertThat(v.group()).isEqualTo("WEB");
                    assertThat(v.value()).isEqualTo(Money.of(CurrencyUnit.EUR, 16));
                });
        assertThat(measures.fulfilmentSpeed(march, Granularity.DAY, Dimension.LOCATION)).singleElement()
                .satisfies(s -> assertThat(s.group()).isEqualTo("WH-1"));
        assertThat(measures.stockTurnover(march, Dimension.SKU)).singleElement()
                .satisfies(t -> assertThat(t.unitsSold()).isEqualTo(2));
        assertThat(measures.stockTurnoverValue(march, Dimension.CATEGORY)).singleElement()
                .satisfies(t -> assertThat(t.costOfGoodsSold()).isEqualTo(Money.of(CurrencyUnit.EUR, 6)));
        assertThat(meterRegistry.get("oms.placements").tag("outcome", "placed").counter().count()).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(target.resolve("oms-report.html"))).contains("<svg");
        assertThat(java.nio.file.Files.exists(target.resolve("csv/volume_by_day.csv"))).isTrue();
    }

    @Test
    void several_tenders() {
        Clock clock = Clock.systemUTC();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Oms oms = Oms.builder().inMemory().clock(clock)
                .network(Network.of(List.of(Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE,
                        GeoPoint.of(52.0, 13.0)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .inventory(inventory).payments(new FakePaymentGateway()).build();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));

        // --- README: Several tenders, authorisation tolerance, balance ---
        PlacementResult paid = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1002").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 4, Money.of(CurrencyUnit.EUR, 12.50))
                .tender("gift", io.omskit.core.payment.TenderType.GIFT_CARD, "tok_gift_card", Money.of(CurrencyUnit.EUR, 20))
                .tenderForTheRest("card", io.omskit.core.payment.TenderType.CARD, "tok_visa")
                .authorisationTolerance(io.omskit.core.payment.AuthorisationTolerance.ofPercent("5"))    // optional: goods priced by weight, tips
                .build());

        io.omskit.core.order.Order order = paid.order();
        order.tenders();        // [gift 20.00, card 30.00 + 2.50 tolerance], in charge order, each authorised under its own key
        order.balanceDue();     // EUR 50.00: nothing captured yet (order.balance().authorised() says how much is secured)
        paid.declinedTender();  // on PAYMENT_DECLINED: the tender the provider declined (those authorised before it are voided)

        order = oms.cancel(order.id(), List.of(LineQuantity.of(LineId.of("1"), 2)), io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST);
        order.payment().tender("card").orElseThrow().authorised();   // EUR 7.50: the card released first (30 + 2.50 - 25)
        order.balanceDue();                                          // EUR 25.00
        // --- end ---

        assertThat(paid.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(paid.order().tenders()).extracting(io.omskit.core.payment.Tender::id).containsExactly("gift", "card");
        assertThat(paid.order().payment().tender("card").orElseThrow().authorised()).isEqualTo(Money.of(CurrencyUnit.EUR, 32.50));
        assertThat(paid.order().balanceDue()).isEqualTo(Money.of(CurrencyUnit.EUR, 50));
        assertThat(paid.declinedTender()).isEmpty();
        assertThat(order.payment().tender("card").orElseThrow().authorised()).isEqualTo(Money.of(CurrencyUnit.EUR, 7.50));
        assertThat(order.payment().tender("gift").orElseThrow().authorised()).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
        assertThat(order.balanceDue()).isEqualTo(Money.of(CurrencyUnit.EUR, 25));
    }

    @Test
    void funds_reconciliation() throws Exception {
        Clock clock = Clock.systemUTC();
        RecordingEventPublisher events = new RecordingEventPublisher();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
        Oms oms = Oms.builder().inMemory().clock(clock).network(network)
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .inventory(inventory).payments(new FakePaymentGateway()).events(events).build();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        java.nio.file.Path report = java.nio.file.Files.createTempFile("settlement", ".csv");

        // --- README: Funds reconciliation ---
        CostPrices costs = (dropShipper, sku, currency) -> Optional.empty();      // your drop-shippers' prices
        FundsBook funds = FundsBook.of(network, CommissionPolicy.defaults(costs), Stakeholder.retailer("acme"));
        events.subscribe(funds::accept);                   // or funds.acceptAll(history) to rebuild it

        OrderId id = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.MARKETPLACE).externalRef("M-1").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line(LineRequest.of("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 50)).soldBy("seller-7"))
                .paymentRef("tok_visa").build()).order().id();
        oms.allocate(id, "M-1-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("M-1-WH1");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-1", "DHL", ""));           // 100.00 captured

        OrderFunds order = funds.funds(id).orElseThrow();
        order.owedTo(Stakeholder.seller(SellerRef.of("seller-7")));        // EUR 85.00: the price less 15% commission
        order.owedTo(Stakeholder.retailer("acme"));                        // EUR 15.00
        funds.netPayable(CurrencyUnit.EUR, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

        SettlementFiles.adyen(SettlementSimulator.standard().settle(funds.expectedMovements()),    // stands in for
                java.nio.file.Files.newBufferedWriter(report));                                   // your provider's file
        Reconciliation settled = Reconciler.of(Stakeholder.retailer("acme")).reconcile(funds.expectedMovements(),
                new AdyenSettlementDetailsReader(), java.nio.file.Files.newBufferedReader(report));
        settled.differences();      // each line or order not matched, with its reason; empty here
        settled.batches();          // each payout batch, agrees() to the cent
        Ledger ledger = funds.ledger();
        ledger.postAll(settled.ledger());                  // fees on PROVIDER_FEES, payouts on BANK
        // --- end ---

        assertThat(order.owedTo(Stakeholder.seller(SellerRef.of("seller-7")))).isEqualTo(Money.of(CurrencyUnit.EUR, 85));
        assertThat(order.owedTo(Stakeholder.retailer("acme"))).isEqualTo(Money.of(CurrencyUnit.EUR, 15));
        assertThat(settled.isClean()).isTrue();
        assertThat(settled.batches()).singleElement().satisfies(b -> assertThat(b.agrees()).isTrue());
        assertThat(ledger.balance(Account.of(Stakeholder.retailer("acme"), AccountKind.PROVIDER_FEES), CurrencyUnit.EUR))
                .isEqualTo(Money.of(CurrencyUnit.EUR, 1.20));
        assertThat(ledger.balance(Account.of(Stakeholder.retailer("acme"), AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR))
                .isEqualTo(Money.zero(CurrencyUnit.EUR));
        java.nio.file.Files.delete(report);
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
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
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

    @Test
    void routing_rules_as_stages_and_what_they_cost() {
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.52, 13.40)).build(),
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build(),
                Location.builder(LocationId.of("WH-2"), LocationType.WAREHOUSE, GeoPoint.of(53.55, 10.00)).build()));
        Instant now = Instant.parse("2030-03-02T12:00:00Z");
        io.omskit.orchestration.SourcingEngine optimiser = io.omskit.orchestration.SourcingEngine.builder()
                .network(network).clock(Clock.fixed(now, java.time.ZoneOffset.UTC))
                .rules(io.omskit.orchestration.rulebook.RuleBook.of(io.omskit.orchestration.rulebook.RuleSet.builder("home")
                        .cost(new io.omskit.orchestration.rules.ShippingCost(io.omskit.orchestration.rules.RateTable.flat(
                                io.omskit.orchestration.spi.ShippingRate.of(4, 0.25, 0.002)))).build()))
                .build();
        io.omskit.orchestration.stock.StockSnapshot stock = io.omskit.orchestration.stock.StockSnapshot.builder(network)
                .add(Sku.of("MUG"), LocationId.of("WH-1"), 5).add(Sku.of("MUG"), LocationId.of("WH-2"), 5).build();
        io.omskit.orchestration.demand.SourcingRequest request = io.omskit.orchestration.demand.SourcingRequest.of(
                io.omskit.orchestration.demand.Demand.whatIf(io.omskit.core.channel.Channel.WEB,
                        io.omskit.core.order.DeliveryChoice.home(io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY,
                                new io.omskit.core.order.Address("A", "Street 1", null, "Berlin", "10115", "DE",
                                        GeoPoint.of(52.53, 13.38)), null),
                        List.of(new io.omskit.orchestration.demand.DemandLine(io.omskit.core.order.LineId.of("1"),
                                Sku.of("MUG"), 2, null, null)), now.minus(Duration.ofHours(3))));
        List<io.omskit.orchestration.engine.shadow.ReplayedDemand> history = List.of(
                new io.omskit.orchestration.engine.shadow.ReplayedDemand(request, stock, now));

        // --- README: Routing rules as stages, and what they cost ---
        StagedEngine rules = StagedEngine.builder("merchant-rules", optimiser)
                .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(30)
                        .sort(StageSort.distance()).split(StageSplit.none())
                        .whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build())
                .stage(Stage.named("warehouses").locationTypes(LocationType.WAREHOUSE)
                        .sort(StageSort.priority(List.of(LocationId.of("WH-2"), LocationId.of("WH-1"))))
                        .split(StageSplit.upTo(2)).whenNothing(WhenNothing.backorder()).build())
                .build();
        EngineDecision decision = rules.decide(request, stock, now);   // WH-2, "stage 2 'warehouses'"
        io.omskit.orchestration.SourcingEngine sourcing = optimiser.routedBy(rules);  // source, resource, batches, ATP follow the stages

        ShadowReport report = ShadowRun.replay(rules, optimiser, history);
        report.summary();  // "merchant-rules cost 20.6% more than optimiser on 1 order(s), mostly in stage 2 'warehouses' (+0.94 of +0.94); ..."
        // --- end ---

        assertThat(decision.decidedBy()).isEqualTo("stage 2 'warehouses'");
        assertThat(decision.plan().fulfilments()).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(LocationId.of("WH-2")));
        assertThat(sourcing.plan(request, stock).fulfilments().get(0).location()).isEqualTo(LocationId.of("WH-2"));
        assertThat(optimiser.plan(request, stock).fulfilments().get(0).location()).isEqualTo(LocationId.of("WH-1"));
        assertThat(report.summary()).startsWith("merchant-rules cost 20.6% more than optimiser on 1 order(s), mostly in"
                + " stage 2 'warehouses' (+0.94 of +0.94); ");
        assertThat(report.costDifference()).isPositive();
    }

    @Test
    void backorders_and_preorders() {
        Clock clock = Clock.systemUTC();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);

        // the service on its own (README: "The service on its own")
        Backorders backorders = Backorders.builder().inventory(inventory).book(new InMemoryBackorderBook()).clock(clock)
                .policy(BackorderPolicy.builder().sku(Sku.of("LAMP"), SupplyTerms.preordersAndBackorders(5)).build())
                .build();
        inventory.adjust(new StockAdjustment(MovementKey.of("asn-77"), Sku.of("LAMP"), LocationId.of("WH-1"),
                MovementReason.INBOUND_EXPECTED, 10, Instant.parse("2030-03-20T08:00:00Z"), "po-77"));

        BackorderResult preorder = backorders.place(BackorderRequest.of("bo-1", OrderId.of("order-1"), LineId.of("1"),
                Sku.of("LAMP"), LocationId.of("WH-1"), 3));                  // PREORDER, expected 2030-03-20
        BackorderResult tooMany = backorders.place(BackorderRequest.of("bo-2", OrderId.of("order-2"), LineId.of("1"),
                Sku.of("LAMP"), LocationId.of("WH-1"), 13));                 // refused: only 12 more may wait (10 + 5 - 3)
        AdjustmentResult arrived = inventory.adjust(StockAdjustment.of("grn-77-1", Sku.of("LAMP"), LocationId.of("WH-1"),
                MovementReason.INBOUND_RECEIVED, 2, "po-77"));
        List<BackorderFill> fills = backorders.receiptBooked(((AdjustmentResult.Applied) arrived).movement());
        List<Backorder> waiting = backorders.forOrder(OrderId.of("order-1"));  // 2 filled and reserved, 1 waits
        // (end)

        Backorder placed = ((BackorderResult.Accepted) preorder).backorder();
        assertThat(placed.kind()).isEqualTo(SupplyKind.PREORDER);
        assertThat(placed.expectedAt()).isEqualTo(Instant.parse("2030-03-20T08:00:00Z"));
        assertThat(((BackorderResult.Refused) tooMany).room()).isEqualTo(12);
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.units()).isEqualTo(2));
        assertThat(waiting).singleElement().satisfies(b -> {
            assertThat(b.filled()).isEqualTo(2);
            assertThat(b.waiting()).isEqualTo(1);
        });
        assertThat(inventory.position(Sku.of("LAMP"), LocationId.of("WH-1")).reserved()).isEqualTo(2);
    }

    @Test
    void backorders_joined_to_placement() {
        Clock clock = Clock.systemUTC();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("LAMP"), "Lamp", "home", 900,
                Dimensions.ofMillimetres(300, 300, 500), true));

        // --- README: Backorders and pre-orders ---
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .payments(new FakePaymentGateway())
                .backorderPolicy(BackorderPolicy.builder().sku(Sku.of("LAMP"), SupplyTerms.backorders(10)).build()).build();
        inventory.load(Sku.of("LAMP"), LocationId.of("WH-1"), 2);

        PlacementResult placed = oms.placeOrder(order("WEB-1", "LAMP", 5));   // CONFIRMED: 2 reserved, 3 await stock
        OrderLine line = placed.order().line(LineId.of("1")).orElseThrow();    // awaitingStock() == 3, status AWAITING_STOCK
        oms.adjustStock(new StockAdjustment(MovementKey.of("asn-77"), Sku.of("LAMP"), LocationId.of("WH-1"),
                MovementReason.INBOUND_EXPECTED, 3, Instant.parse("2030-03-20T08:00:00Z"), "po-77"));  // expectedAt 2030-03-20
        oms.adjustStock(StockAdjustment.of("grn-77-1", Sku.of("LAMP"), LocationId.of("WH-1"),
                MovementReason.INBOUND_RECEIVED, 3, "po-77"));               // the 3 are reserved for WEB-1 now
        Order ready = oms.order(placed.order().id()).orElseThrow();          // CONFIRMED, 5 reserved: allocate as usual
        // --- end ---

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(placed.order().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(line.awaitingStock()).isEqualTo(3);
        assertThat(line.units().reserved()).isEqualTo(2);
        assertThat(ready.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(ready.line(LineId.of("1")).orElseThrow().units().reserved()).isEqualTo(5);
        assertThat(ready.line(LineId.of("1")).orElseThrow().backorder().expectedAt())
                .isEqualTo(Instant.parse("2030-03-20T08:00:00Z"));
        assertThat(oms.allocate(ready.id(), LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 5))).isAllocated())
                .isTrue();
    }

    private static PlaceOrderRequest order(String ref, String sku, int quantity) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", sku, quantity, Money.of(CurrencyUnit.EUR, 40)).paymentRef("tok_visa").build();
    }

    @Test
    void customer_service_changes_and_making_good() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        FakePaymentGateway payments = new FakePaymentGateway();
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments).build();
        CustomerService cs = oms.customerService();
        OrderId id = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-2002")
                .customer("customer-42").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).build()).order().id();
        Actor agent = Actor.agent("agent-17");
        Address newHome = new Address("A. Person", "Harbour Road 5", null, "Hamburg", "20095", "DE", null);

        // --- README: Customer service (changes and making good) ---
        Acted<Order> moved = cs.changeAddress(id, agent, newHome, "call-1-address");   // refused once a fulfilment is picking
        // ... the order ships (allocate, accept, pick, pack, ship) and arrives late ...
        // --- end ---
        oms.allocate(id, "W-2002-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("W-2002-WH1");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("P-1", "DHL", ""));
        // --- README: Customer service (changes and making good, continued) ---
        Acted<Order> tooLate = cs.changeAddress(id, agent, newHome, "call-2-address");   // refused: change-before-picking
        Acted<Order> refunded = cs.makeGood(id, agent,
                Goodwill.refund(Money.parse("EUR 4.95"), "parcel arrived 3 days late"), "call-2-goodwill");
        Acted<Order> credit = cs.makeGood(id, agent,
                Goodwill.storeCredit(Money.of(CurrencyUnit.EUR, 5), "sorry for the wait"), "call-2-credit");
        // --- end ---

        assertThat(moved.get().delivery().address()).isEqualTo(newHome);
        assertThat(tooLate.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
        assertThat(refunded.get().payment().refunded()).isEqualTo(Money.parse("EUR 4.95"));
        assertThat(payments.refunded(id)).isEqualTo(Money.parse("EUR 4.95"));
        assertThat(credit.refused()).isFalse();
        assertThat(cs.timeline(id).ofKind("order.goodwill-granted")).hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo(agent));
        assertThat(cs.timeline(id).text()).contains("Delivery address changed").doesNotContain("Harbour");
    }

    @Test
    void changing_an_order() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
                .put(SkuAttributes.of(Sku.of("PLATE"), "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true));
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        inventory.adjust(StockAdjustment.of("receipt-2", Sku.of("PLATE"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-2"));
        FakePaymentGateway payments = new FakePaymentGateway();
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments).build();
        CustomerService cs = oms.customerService();
        OrderId id = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-2003")
                .customer("customer-42").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).build()).order().id();
        Actor agent = Actor.agent("agent-17");

        // --- README: Changing an order ---
        Acted<Order> edited = cs.editLines(id, agent, List.of(
                LineEdit.changeQuantity(LineId.of("1"), 1),                                    // one mug off: cancelled, voided
                LineEdit.add(LineId.of("2"), Sku.of("PLATE"), 2, Money.of(CurrencyUnit.EUR, 5))),   // reserved, 10.00 - 8.00 more authorised
                "call-3-edit");
        // --- end ---
        oms.allocate(id, "W-2003-WH1", LocationId.of("WH-1"), List.of(LineQuantity.of(LineId.of("1"), 1)));
        oms.fulfilments().accept(FulfilmentId.of("W-2003-WH1"));
        oms.fulfilments().startPicking(FulfilmentId.of("W-2003-WH1"));
        // --- README: Changing an order (continued) ---
        Acted<Order> whilePicking = cs.editLines(id, agent, List.of(LineEdit.remove(LineId.of("1"))), "call-4-edit");
                // refused once the mug's fulfilment is picking: change-before-picking
        // --- end ---

        assertThat(edited.get().valueNotCancelled()).isEqualTo(Money.of(CurrencyUnit.EUR, 18));
        assertThat(edited.get().payment().authorised()).isEqualTo(Money.of(CurrencyUnit.EUR, 18));
        assertThat(payments.openAuthorisation(id)).isEqualTo(Money.of(CurrencyUnit.EUR, 18));
        assertThat(inventory.networkReserved(Sku.of("PLATE"))).isEqualTo(2);
        assertThat(whilePicking.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
        assertThat(cs.timeline(id).ofKind("order.lines-edited")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(agent));
    }

    @Test
    void delivery_changes_sourced_again_and_steps_naming_their_actor() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-WEST"), LocationType.WAREHOUSE, GeoPoint.of(50.0, 8.0)).build(),
                Location.builder(LocationId.of("WH-EAST"), LocationType.WAREHOUSE, GeoPoint.of(50.0, 12.0)).build(),
                Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(50.0, 10.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        for (String l : List.of("WH-WEST", "WH-EAST", "ST-1")) {
            inventory.adjust(StockAdjustment.of("receipt-" + l, Sku.of("MUG"), LocationId.of(l), MovementReason.RECEIPT, 10, "PO-1"));
        }
        FakePaymentGateway payments = new FakePaymentGateway();
        RuleSet rules = RuleSet.builder("home").cost(new io.omskit.orchestration.rules.ShippingCost(
                io.omskit.orchestration.rules.RateTable.flat(io.omskit.orchestration.spi.ShippingRate.of(5, 0.1, 0.01)))).build();
        Actor agent = Actor.agent("agent-17");
        Address newHome = new Address("A. Person", "Harbour Road 5", null, "Town", "20095", "DE", GeoPoint.of(50.0, 7.9));

        // --- README: Changing the delivery ---
        SourcingEngine engine = SourcingEngine.builder().network(network).inventory(inventory).catalog(catalog)
                .clock(clock).rules(RuleBook.of(rules)).build();
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments)
                .deliveryResourcing(DeliveryReplanner.of(engine).withCatalog(catalog))   // .withPromise(...) to recompute it
                .build();
        CustomerService cs = oms.customerService();
        // --- end ---
        io.omskit.orchestration.OrderSourcing sourcing = new io.omskit.orchestration.OrderSourcing(oms, engine);
        java.util.function.Function<String, OrderId> placed = ref -> {
            OrderId o = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("customer-42")
                    .currency("EUR").paymentRef("tok_visa").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("A. Person", "Main Street 1", null, "Town", "10115", "DE", GeoPoint.of(50.0, 12.1)), null))
                    .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).build()).order().id();
            sourcing.source(o);
            return o;
        };
        OrderId id = placed.apply("W-3001");
        OrderId other = placed.apply("W-3002");
        PlaceOrderRequest contactCentreRequest = PlaceOrderRequest.builder().channel(Channel.CONTACT_CENTRE)
                .externalRef("CC-3003").customer("customer-42").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("ST-1"), null))
                .line("1", "MUG", 1, Money.of(CurrencyUnit.EUR, 8)).build();
        OrderId third = placed.apply("W-3004");
        FulfilmentId parcel = oms.fulfilments().forOrder(third).get(0).id();
        assertThat(oms.fulfilments().get(parcel).location()).isEqualTo(LocationId.of("WH-EAST"));

        // --- README: Changing the delivery (continued) ---
        Acted<Order> moved = cs.changeAddress(id, agent, newHome, "call-7-move");      // the far warehouse lets go, the near one takes it
        Acted<Order> collect = cs.changeDelivery(other, agent,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("ST-1"), null), "call-8-collect");
        Acted<Fulfilment> accepted = cs.accept(parcel, Actor.storeAssociate("picker-5", LocationId.of("WH-EAST")));   // named in the story
        PlacementResult byPhone = cs.placeOrder(contactCentreRequest, agent);          // the story says agent-17 placed it
        // --- end ---

        assertThat(moved.get().delivery().address()).isEqualTo(newHome);
        assertThat(oms.fulfilments().forOrder(id)).filteredOn(f -> f.quantity() > 0)
                .extracting(f -> f.location().value()).containsExactly("WH-WEST");
        assertThat(inventory.position(Sku.of("MUG"), LocationId.of("WH-EAST")).allocated()).as("W-3004's only").isEqualTo(2);
        assertThat(collect.get().delivery().pickupStore()).isEqualTo(LocationId.of("ST-1"));
        assertThat(oms.fulfilments().forOrder(other)).filteredOn(f -> f.quantity() > 0).singleElement()
                .satisfies(f -> assertThat(f.pickupCode()).isNotBlank());
        assertThat(accepted.refused()).isFalse();
        assertThat(cs.timeline(third).ofKind("fulfilment.accepted")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.storeAssociate("picker-5", LocationId.of("WH-EAST"))));
        assertThat(cs.timeline(byPhone.order().id()).ofKind("order.placed")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(agent));
        assertThat(cs.timeline(id).ofKind("order.delivery-changed")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("WH-WEST").doesNotContain("Harbour"));
    }

    @Test
    void logs_and_metrics() {
        Clock clock = Clock.systemUTC();
        Network network = Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog().put(SkuAttributes.of(Sku.of("MUG"), "Mug", "kitchen", 300,
                Dimensions.ofMillimetres(100, 100, 120), true));
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        inventory.adjust(StockAdjustment.of("receipt-1", Sku.of("MUG"), LocationId.of("WH-1"), MovementReason.RECEIPT, 10, "PO-1"));
        FakePaymentGateway payments = new FakePaymentGateway();
        RuleSet rules = RuleSet.builder("home").cost(new io.omskit.orchestration.rules.ShippingCost(
                io.omskit.orchestration.rules.RateTable.flat(io.omskit.orchestration.spi.ShippingRate.of(5, 0.1, 0.01)))).build();
        io.micrometer.core.instrument.MeterRegistry meterRegistry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

        // --- README: Logs and metrics ---
        MicrometerOmsMetrics metrics = MicrometerOmsMetrics.of(meterRegistry);   // needs micrometer-core on your class path
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory).payments(payments)
                .metrics(metrics)
                .build();
        SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).inventory(inventory)
                .clock(clock).metrics(metrics)
                .build();
        // --- end ---

        io.omskit.core.order.Order order = oms.placeOrder(PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("customer-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40)), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 8)).paymentRef("tok_visa").build()).order();
        engine.source(io.omskit.orchestration.demand.SourcingRequest.of(order));

        assertThat(meterRegistry.get("oms.placement.results").tag("outcome", "confirmed").counter().count()).isEqualTo(1);
        assertThat(meterRegistry.get("oms.payment.answers").tags("kind", "authorise", "outcome", "succeeded").counter()
                .count()).isEqualTo(1);
        assertThat(meterRegistry.get("oms.reservation.time").tag("result", "reserved").timer().count()).isEqualTo(1);
        assertThat(meterRegistry.get("oms.sourcing.call.time").tag("result", "allocated").timer().count()).isEqualTo(1);
    }
}
