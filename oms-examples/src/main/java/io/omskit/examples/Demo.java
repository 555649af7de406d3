package io.omskit.examples;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The demo storefront: seeds a network, places orders from every channel, shows a declined payment, a payment
 * timeout that is reconciled, an order that cannot be served, a launch-day rush on a hot SKU and the stock alerts
 * it raised, promises, sourcing, calls that fail after the storage wrote and are finished by calling again, and the
 * journey after allocation (a store picks and packs, a parcel is delivered, a transfer to a store and an express pickup
 * are collected with their codes, an uncollected pickup expires back on sale), and
 * prints what happened.
 *
 * <p>Run it with {@code mvn -B -q -DskipTests -pl oms-examples -am package exec:java}; add
 * {@code -Dexec.args=--postgres} to run on an embedded PostgreSQL, or
 * {@code -Dexec.args="--jdbc-url=jdbc:postgresql://host/db --user=u --password=p"} for a server of your own.
 */
public final class Demo implements AutoCloseable {

    private final PrintStream out;
    private final DemoClock clock;
    private final Network network = DemoNetwork.network();
    private final InMemoryCatalog catalog = DemoNetwork.catalog();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final FakePaymentGateway payments = new FakePaymentGateway();
    private io.omskit.core.inmemory.FakeCarrierGateway carriers;
    private final InventoryStore inventory;
    private final io.omskit.core.spi.NotificationLog notificationLog;
    private Hiccups hiccups;
    private final Oms oms;

    private final io.omskit.postgres.PostgresOms postgres;
    private final io.omskit.examples.postgres.EmbeddedServer embedded;

    /** A demo on the in-memory adapters, printing to {@code out}. */
    public Demo(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = new DemoClock(clock);
        this.postgres = null;
        this.embedded = null;
        InMemoryInventoryStore store = InMemoryInventoryStore.builder().clock(clock).publisher(events).build();
        DemoNetwork.seedStock(network, store::load);
        this.inventory = store;
        this.notificationLog = new io.omskit.core.inmemory.InMemoryNotificationLog();
        this.oms = wire(new InMemoryOrderRepository(), new io.omskit.core.inmemory.InMemoryFulfilmentRepository(),
                new io.omskit.core.inmemory.InMemoryTransferRepository(), new io.omskit.core.inmemory.InMemoryBackorderBook());
    }

    /**
     * A demo on PostgreSQL: an embedded server when {@code jdbcUrl} is null, else the given database (whose OMS
     * tables must be empty). Close it to stop the server.
     */
    public Demo(PrintStream out, Clock clock, String jdbcUrl, String user, String password) {
        this.out = out;
        this.clock = new DemoClock(clock);
        io.omskit.postgres.PostgresOms.Builder builder = io.omskit.postgres.PostgresOms.builder()
                .clock(clock).publisher(events);
        this.embedded = jdbcUrl == null ? io.omskit.examples.postgres.EmbeddedServer.start() : null;
        try {
            this.postgres = (embedded == null ? builder.jdbcUrl(jdbcUrl, user, password) : embedded.connect(builder)).start();
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        io.omskit.postgres.PostgresInventoryStore store = postgres.inventoryStore();
        Map<io.omskit.core.catalog.Sku, Map<LocationId, Integer>> opening = new java.util.LinkedHashMap<>();
        DemoNetwork.seedStock(network, (sku, location, units) ->
                opening.computeIfAbsent(sku, k -> new java.util.LinkedHashMap<>()).merge(location, units, Integer::sum));
        opening.forEach((sku, byLocation) -> store.load(sku, List.copyOf(byLocation.keySet()),
                byLocation.values().stream().mapToInt(Integer::intValue).toArray()));
        this.inventory = store;
        this.notificationLog = postgres.notificationLog();
        this.oms = wire(postgres.orderRepository(), postgres.fulfilmentRepository(), postgres.transferRepository(),
                postgres.backorderBook());
    }

    private Oms wire(OrderRepository orders, io.omskit.core.spi.FulfilmentRepository fulfilments,
                     io.omskit.core.spi.TransferRepository transfers, io.omskit.core.spi.BackorderBook backorders) {
        this.hiccups = new Hiccups(orders);
        this.carriers = io.omskit.core.inmemory.FakeCarrierGateway.withSampleCarriers(clock);
        return Oms.builder().clock(clock).network(network).catalog(catalog).orders(hiccups).fulfilments(fulfilments)
                .transfers(transfers).backorderBook(backorders).inventory(inventory).payments(payments).carriers(carriers).events(events)
                .acceptanceLimit(io.omskit.core.network.LocationType.STORE, Duration.ofHours(2))
                .deliveryResourcing(CustomerChangeScene.replanner(network, inventory, catalog, clock))
                .timelineSource(new io.omskit.core.timeline.NotificationTimeline(notificationLog))
                .timelineSource(id -> new io.omskit.returns.ReturnTimeline(returnRepository()).entries(id)).build();
    }

    private io.omskit.returns.spi.ReturnRepository returnRepository;

    /** Where returns are kept: PostgreSQL's, or one in memory. */
    private synchronized io.omskit.returns.spi.ReturnRepository returnRepository() {
        if (returnRepository == null) {
            returnRepository = postgres == null ? new io.omskit.returns.inmemory.InMemoryReturnRepository()
                    : postgres.returnRepository();
        }
        return returnRepository;
    }

    /** The host's clock, which the demo moves forward to show what happens days later (scene 11). */
    private static final class DemoClock extends Clock {
        private final Clock base;
        private volatile Duration ahead = Duration.ZERO;

        DemoClock(Clock base) {
            this.base = base;
        }

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(ahead);
        }
    }

    /** The order storage with a hiccup on demand: the next save writes, then reports a failure (scene 10). */
    private static final class Hiccups implements OrderRepository {
        private final OrderRepository delegate;
        private volatile boolean failNextSave;

        Hiccups(OrderRepository delegate) {
            this.delegate = delegate;
        }

        void failNextSaveAfterWriting() {
            failNextSave = true;
        }

        @Override
        public io.omskit.core.spi.SaveOutcome save(Order order) {
            return save(order, List.of());
        }

        @Override
        public io.omskit.core.spi.SaveOutcome save(Order order, List<? extends DomainEvent> events) {
            io.omskit.core.spi.SaveOutcome outcome = delegate.save(order, events);
            if (failNextSave) {
                failNextSave = false;
                throw new io.omskit.core.spi.SpiException("connection reset after the write", null);
            }
            return outcome;
        }

        @Override
        public boolean storesEvents() {
            return delegate.storesEvents();
        }

        @Override
        public java.util.Optional<Order> find(io.omskit.core.order.OrderId id) {
            return delegate.find(id);
        }

        @Override
        public io.omskit.core.spi.OrderPage search(io.omskit.core.spi.OrderQuery query) {
            return delegate.search(query);
        }

        @Override
        public List<io.omskit.core.order.OrderEvent> history(io.omskit.core.order.OrderId id) {
            return delegate.history(id);
        }

        @Override
        public java.util.Optional<Order> findByExternalRef(Channel channel, io.omskit.core.order.ExternalOrderRef ref) {
            return delegate.findByExternalRef(channel, ref);
        }

        @Override
        public List<io.omskit.core.order.OrderId> findAwaitingConfirmation(int limit) {
            return delegate.findAwaitingConfirmation(limit);
        }
    }

    /** Runs the demo; {@code --postgres} for an embedded PostgreSQL, {@code --jdbc-url= --user= --password=} for a server. */
    public static void main(String[] args) {
        String url = null;
        String user = null;
        String password = null;
        boolean postgres = false;
        for (String arg : args) {
            if (arg.equals("--postgres")) {
                postgres = true;
            } else if (arg.startsWith("--jdbc-url=")) {
                postgres = true;
                url = arg.substring("--jdbc-url=".length());
            } else if (arg.startsWith("--user=")) {
                user = arg.substring("--user=".length());
            } else if (arg.startsWith("--password=")) {
                password = arg.substring("--password=".length());
            } else {
                System.err.println("unknown option " + arg + "; use --postgres or --jdbc-url=... --user=... --password=...");
                System.exit(2);
            }
        }
        try (Demo demo = postgres ? new Demo(System.out, Clock.systemUTC(), url, user, password)
                : new Demo(System.out, Clock.systemUTC())) {
            demo.run();
        }
    }

    /** Stops the PostgreSQL pool and embedded server, if any. */
    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Runs every scene; returns the results for checking. */
    public Results run() {
        Results results = new Results();
        heading("OMS Kit demo" + (postgres == null ? " (in memory)" : " (PostgreSQL " + postgres.jdbcUrl() + ")") + ": "
                + network.size() + " locations ("
                + network.ofType(io.omskit.core.network.LocationType.WAREHOUSE).size() + " warehouses, "
                + network.ofType(io.omskit.core.network.LocationType.STORE).size() + " stores, "
                + network.ofType(io.omskit.core.network.LocationType.DROP_SHIPPER).size() + " drop-shipper), "
                + catalog.size() + " SKUs");

        heading("1. Orders from every channel");
        results.web = show(oms.placeOrder(home(Channel.WEB, "WEB-1001", "tok_visa")
                .line("1", DemoNetwork.sku(0).value(), 2, eur(12.90))
                .line(LineRequest.of("2", DemoNetwork.sku(1).value(), 1, eur(49)).withDiscount("SPRING10", eur(4.90)))
                .charge("shipping", eur(4.95)).build()));
        show(oms.placeOrder(home(Channel.APP, "APP-77", "tok_applepay")
                .line("1", DemoNetwork.BREAKFAST_SET.value(), 1, eur(39)).build()));
        show(oms.placeOrder(home(Channel.MARKETPLACE, "MKT-5531", null)
                .line(LineRequest.of("1", DemoNetwork.sku(2).value(), 3, eur(7.50)).soldBy("seller-acme"))
                .build()));
        show(oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.STORE).externalRef("POS-9").customer("walk-in-12")
                .currency("EUR").delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT,
                        LocationId.of("ST-MITTE"), null))
                .line("1", DemoNetwork.sku(3).value(), 1, eur(19.99)).paymentRef("tok_card_present").build()));
        show(oms.placeOrder(home(Channel.CONTACT_CENTRE, "CC-314", "tok_phone")
                .line("1", DemoNetwork.sku(9).value(), 1, eur(399)).build()));
        out.println("  replaying WEB-1001 (a client retry) returns the same order: "
                + oms.placeOrder(home(Channel.WEB, "WEB-1001", "tok_visa")
                .line("1", DemoNetwork.sku(0).value(), 2, eur(12.90))
                .line(LineRequest.of("2", DemoNetwork.sku(1).value(), 1, eur(49)).withDiscount("SPRING10", eur(4.90)))
                .charge("shipping", eur(4.95)).build()).replayed());

        heading("2. A declined payment, then the customer tries again");
        payments.declineNext("insufficient funds");
        PlacementResult declined = show(oms.placeOrder(home(Channel.WEB, "WEB-1002", "tok_mastercard")
                .line("1", DemoNetwork.sku(10).value(), 4, eur(15)).build()));
        out.println("  hold: " + declined.order().hold().reason() + " (" + declined.order().hold().detail() + "), units reserved: "
                + inventory.networkReserved(DemoNetwork.sku(10)));
        results.declined = declined;
        results.retried = show(oms.releaseHold(declined.order().id()));

        heading("3. The payment provider times out; reconciliation settles it");
        payments.timeOutNext(true);
        PlacementResult pending = show(oms.placeOrder(home(Channel.APP, "APP-78", "tok_googlepay")
                .line("1", DemoNetwork.sku(11).value(), 1, eur(25)).build()));
        out.println("  stock stays reserved while pending: " + inventory.networkReserved(DemoNetwork.sku(11)) + " unit(s)");
        results.reconciled = show(oms.reconcilePayment(pending.order().id()));

        heading("4. More than the network holds");
        results.outOfStock = show(oms.placeOrder(home(Channel.WEB, "WEB-1003", "tok_visa")
                .line("1", DemoNetwork.sku(12).value(), 5_000, eur(3)).build()));

        heading("5. Launch day: 80 shoppers, " + DemoNetwork.HOT_STOCK + " limited sneakers, 8 threads");
        rush(results);

        heading("6. Cancel part of an order, allocate and ship the rest");
        Order web = results.web.order();
        Order cancelled = oms.cancel(web.id(), List.of(LineQuantity.of(web.lines().get(0).id(), 1)),
                CancellationReason.CUSTOMER_REQUEST);
        out.println("  cancelled 1 x " + web.lines().get(0).sku() + ": status " + cancelled.status() + ", still authorised "
                + cancelled.payment().authorised());
        var allocation = oms.allocate(web.id(), "WEB-1001-BER", LocationId.of("WH-BERLIN"),
                List.of(LineQuantity.of(web.lines().get(0).id(), 1), LineQuantity.of(web.lines().get(1).id(), 1)));
        FulfilmentId parcel = FulfilmentId.of("WEB-1001-BER");
        out.println("  allocated at WH-BERLIN: " + allocation.isAllocated() + ", fulfilment " + parcel + " offered");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        out.println("  WH-BERLIN accepts, picks and packs: " + oms.fulfilments().get(parcel).status());
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-0001", "DHL", "00340434161094042557"));
        Order shipped = oms.order(web.id()).orElseThrow();
        out.println("  shipped DHL-0001: status " + shipped.status() + ", captured " + shipped.payment().captured()
                + " of " + shipped.total() + " ordered");
        results.shipped = shipped;

        heading("7. What the events say");
        Map<String, Integer> counts = new TreeMap<>();
        for (DomainEvent e : events.events()) {
            counts.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        counts.forEach((type, n) -> out.printf("  %-22s %4d%n", type, n));
        for (InventoryEvent.StockLevelChanged alert : events.events(InventoryEvent.StockLevelChanged.class)) {
            if (alert.sku().equals(DemoNetwork.HOT) && alert.location() == null) {
                out.println("  alert: " + alert.sku() + " network-wide " + alert.from() + " -> " + alert.to());
            }
        }
        results.events = events.events();

        heading("8. Product page and cart promises");
        promises(results);

        heading("9. Sourcing: the plan and why, a store rejects, re-sourcing");
        sourcing(results);

        heading("10. The storage fails after writing: calling again finishes the work");
        hiccups(results);

        heading("11. After allocation: stores pick, pack and hand over; parcels are delivered; pickups are collected or expire");
        journeys(results);

        heading("12. Carriers, labels and tracking: a quote, the carrier chosen on price and punctuality, a label, webhooks");
        carriers(results);
        heading("13. Customer messages, a store that does not answer in time, a transfer restocks a store");
        messagesAndTransfers(results);
        heading("14. Returns: a web order brought back to a store, restocked there, a damaged unit written off, a refund");
        returns(results);
        heading("15. Cart holds: the hold follows the cart, a growth refused for stock, a lapsed hold frees its units at once");
        results.cartHolds = new CartHoldScene(out, network, catalog).run();
        heading("16. Allocation priorities and pickup points: fill W2 before W1, which Berlin stores can give a cart and when");
        prioritiesAndPickupPoints(results);
        heading("17. Several tenders: a gift card and a card, a part cancellation, a return refunded to both");
        tenders(results);
        heading("18. Funds: who is owed what of the orders' money, and the provider's settlement reconciled");
        funds(results);
        heading("19. Customer service: an agent finds a customer's orders, reads an order's story, notes a call; who may do what");
        customerService(results);
        heading("20. Backorders and pre-orders: sold before it arrives, filled oldest first, a slip told to the customer");
        results.backorders = new BackorderScene(out, network, catalog, inventory, postgres).run();
        heading("21. Changes before the goods move: a new address sourced again, click & collect instead, shipping made good");
        results.customerChanges = new CustomerChangeScene(out, oms, inventory, network, catalog, clock).run();
        heading("22. Changing an order: a unit off, an item added, the difference authorised; a decline and picking refuse");
        results.orderEdit = new OrderEditScene(out, oms, payments).run();
        heading("23. Routing rules as stages: the merchant's stages source live, the optimiser in the shadow, what they cost");
        results.stagedRouting = new StagedRoutingScene(out, network, catalog).run();
        heading("The report: every scene's events, measured and written to one HTML page");
        report(results);
        return results;
    }

    // ---- scene 15: reporting over the events of every scene ----

    /** Where scene 15 writes the HTML report. */
    public static final java.nio.file.Path REPORT_FILE = java.nio.file.Path.of("target", "oms-report.html");

    private void report(Results results) {
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        io.omskit.reporting.Reporting reporting = io.omskit.reporting.Reporting.builder().clock(clock).zone(zone)
                .catalog(catalog).unitCosts(DemoNetwork.unitCosts()).build();
        List<DomainEvent> history = events.events();
        java.time.Instant first = history.stream().map(DomainEvent::occurredAt).min(java.util.Comparator.naturalOrder())
                .orElse(clock.instant());
        // stock loaded in bulk at the start raised no events: the report is told the opening balances
        java.time.Instant opening = first.minusSeconds(60);
        DemoNetwork.seedStock(network, (sku, location, units) -> reporting.openingStock(sku, location, units, opening));
        int told = reporting.rebuild(history);
        reporting.rebuild(history);
        io.omskit.reporting.measure.ReportPeriod period = io.omskit.reporting.measure.ReportPeriod.of(
                java.time.LocalDate.ofInstant(first, zone), java.time.LocalDate.ofInstant(clock.instant(), zone), zone);
        io.omskit.reporting.measure.Report report = reporting.report(period);
        out.println("  " + history.size() + " events of the scenes, " + told + " of them news to the reports (fed twice: the second"
                + " pass changes nothing), " + period.from() + " to " + period.to());
        for (io.omskit.reporting.measure.OrderVolume v : report.volumeTotal()) {
            out.println("  orders placed: " + v.orders() + " (" + v.units() + " units) worth " + v.value());
        }
        for (io.omskit.reporting.measure.FulfilmentSpeed s : report.speedTotal()) {
            out.println("  " + s.leg().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": p50 "
                    + io.omskit.reporting.html.HtmlReport.duration(s.p50()) + ", p90 "
                    + io.omskit.reporting.html.HtmlReport.duration(s.p90()) + " over " + s.samples() + " fulfilment(s)");
        }
        for (io.omskit.reporting.measure.PromiseKept p : report.promiseTotal()) {
            out.println("  promise kept (on time in full): " + p.kept() + " of " + p.orders() + " promised orders, "
                    + io.omskit.reporting.html.HtmlReport.percent(p.rate()));
        }
        for (io.omskit.reporting.measure.FillRate f : report.fillRateTotal()) {
            out.println("  fill rate: " + f.filled() + " of " + f.requested() + " units asked of locations, "
                    + io.omskit.reporting.html.HtmlReport.percent(f.rate()));
        }
        for (io.omskit.reporting.measure.SplitRate s : report.splitRateTotal()) {
            out.printf(java.util.Locale.ROOT, "  split rate: %d shipment(s) for %d order(s), %.2f per order%n", s.shipments(),
                    s.orders(), s.shipmentsPerOrder());
        }
        for (io.omskit.reporting.measure.ReturnRate r : report.returnRateTotal()) {
            out.println("  return rate: " + r.returned() + " of " + r.fulfilled() + " units fulfilled");
        }
        for (io.omskit.reporting.measure.ReturnsValue v : report.returnsValue()) {
            out.printf(java.util.Locale.ROOT, "  returns value: %s of %s fulfilled revenue, %.1f%%%n", v.returnedValue(),
                    v.fulfilledRevenue(), v.percent());
        }
        for (io.omskit.reporting.measure.StockTurnoverValue v : reporting.measures().stockTurnoverValue(period,
                io.omskit.reporting.measure.Dimension.TOTAL)) {
            out.printf(java.util.Locale.ROOT, "  stock at cost: %s sold against %s on hand on average, turnover %.3f%n",
                    v.costOfGoodsSold(), v.averageInventoryValue(), v.turnover());
        }
        java.util.function.Predicate<io.omskit.reporting.measure.Backlog> forStock =
                b -> b.queue() == io.omskit.reporting.measure.Backlog.Queue.AWAITING_STOCK;
        long waiting = report.backlog().stream().filter(forStock.negate())
                .mapToLong(io.omskit.reporting.measure.Backlog::waiting).sum();
        out.println("  waiting now: " + waiting + " (" + report.backlog().stream().filter(forStock.negate()).count()
                + " location(s) with a backlog); orders awaiting stock: "
                + report.backlog().stream().filter(forStock).mapToLong(io.omskit.reporting.measure.Backlog::waiting).sum());
        java.nio.file.Path file = reporting.writeHtml(report, REPORT_FILE).toAbsolutePath();
        out.println("  report written to " + file + " (open it in a browser: no script, nothing fetched)");
        results.report = report;
        results.reportFile = file;
        results.reportedEvents = history;
    }

    // ---- scene 15: several tenders ----

    private void tenders(Results results) {
        io.omskit.core.catalog.Sku lamp = DemoNetwork.sku(13);
        PlacementResult placed = oms.placeOrder(home(Channel.WEB, "WEB-1501", null)
                .line("1", lamp.value(), 4, eur(12.50))
                .tender("gift", io.omskit.core.payment.TenderType.GIFT_CARD, "tok_gift_card_7731", eur(20))
                .tenderForTheRest("card", io.omskit.core.payment.TenderType.CARD, "tok_visa").build());
        Order order = placed.order();
        io.omskit.core.order.LineId line = order.lines().get(0).id();
        out.println("  WEB-1501: 4 x " + lamp + " at 12.50 = " + order.total() + ", " + placed.outcome() + "; authorised "
                + perTender(order, io.omskit.core.payment.Tender::authorised) + " (gift card charged first, card for the rest)");
        Order cancelled = oms.cancel(order.id(), List.of(LineQuantity.of(line, 2)), CancellationReason.CUSTOMER_REQUEST);
        out.println("  2 cancelled: the card is released first -> still authorised "
                + perTender(cancelled, io.omskit.core.payment.Tender::authorised) + "; balance due " + cancelled.balanceDue());
        oms.allocate(order.id(), "WEB-1501-BER", LocationId.of("WH-BERLIN"), List.of(LineQuantity.of(line, 2)));
        FulfilmentId parcel = FulfilmentId.of("WEB-1501-BER");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-1501", "DHL", ""));
        oms.fulfilments().deliver(parcel, "signed");
        Order delivered = oms.order(order.id()).orElseThrow();
        out.println("  the other 2 shipped: the gift card is captured first -> captured "
                + perTender(delivered, io.omskit.core.payment.Tender::captured) + "; balance due " + delivered.balanceDue());
        io.omskit.returns.Returns returns = io.omskit.returns.Returns.builder(oms).payments(payments).events(events)
                .repository(postgres == null ? new io.omskit.returns.inmemory.InMemoryReturnRepository() : postgres.returnRepository())
                .policy(io.omskit.returns.policy.ReturnPolicy.builder().restockingFeeRate("0.00").build()).build();
        LocationId mitte = LocationId.of("ST-MITTE");
        io.omskit.returns.rma.Return ret = ((io.omskit.returns.OpenResult.Opened) returns.open(io.omskit.returns.OpenReturnRequest.of(
                order.id(), "counter-mitte-1501", Channel.STORE, io.omskit.returns.rma.ReturnMethod.dropOff(mitte),
                List.of(io.omskit.returns.OpenReturnRequest.line(line, 1, io.omskit.returns.rma.ReturnReason.CHANGED_MIND))))).ret();
        returns.receive(ret.id(), List.of(io.omskit.returns.rma.Arrival.of(lamp, 1)), "mitte-scan-1501");
        io.omskit.returns.rma.Return done = returns.inspect(ret.id(), line, io.omskit.returns.rma.Grade.AS_NEW,
                io.omskit.returns.rma.Disposition.RESTOCK, 1, "mitte-inspect-1501");
        io.omskit.returns.rma.Refund refund = done.refunds().get(0);
        Order after = oms.order(order.id()).orElseThrow();
        out.println("  1 brought back and refunded " + refund.amount() + ": the card first, never beyond the "
                + after.payment().tender("card").orElseThrow().captured() + " it paid -> "
                + refund.parts().stream().map(p -> p.tender() + " " + p.amount().getAmount()).collect(java.util.stream.Collectors.joining(" + ")));
        out.println("  in the end: captured " + perTender(after, io.omskit.core.payment.Tender::captured) + ", refunded "
                + perTender(after, io.omskit.core.payment.Tender::refunded) + "; balance due " + after.balanceDue()
                + ", credit owed " + after.creditOwed());
        results.tendered = after;
    }

    private static String perTender(Order order, java.util.function.Function<io.omskit.core.payment.Tender, Money> amount) {
        return order.tenders().stream().map(t -> t.id() + " " + amount.apply(t).getAmount())
                .collect(java.util.stream.Collectors.joining(" + "));
    }

    // ---- scene 12: quote, choose, book a label, follow the parcel by webhooks ----

    private void carriers(Results results) {
        LocationId berlin = LocationId.of("WH-BERLIN");
        io.omskit.core.catalog.Sku lamp = DemoNetwork.sku(6);
        inventory.adjust(io.omskit.core.inventory.StockAdjustment.of("demo-receipt-lamps", lamp, berlin,
                io.omskit.core.inventory.MovementReason.RECEIPT, 2, "delivery note 12"));
        io.omskit.core.shipping.Parcel box = io.omskit.core.shipping.Parcel.of(2_300, 400, 300, 250);
        Address customer = new Address("Demo Customer", "Demo Street 1", null, "Berlin", "10115", "DE", null);
        // checkout promises what the standard service's quote delivers: the end of that day
        io.omskit.core.shipping.Quote standard = carriers.quote(new io.omskit.core.spi.QuoteRequest(box, berlin, customer))
                .quotes().stream().filter(q -> q.service().level() == io.omskit.core.shipping.ServiceLevel.STANDARD)
                .min(java.util.Comparator.comparingInt(io.omskit.core.shipping.Quote::transitDays)).orElseThrow();
        Instant promisedBy = standard.collectionCutOff().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .plusDays(standard.transitDays()).atTime(20, 0).toInstant(java.time.ZoneOffset.UTC);
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-1201")
                .customer("customer-1201").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, customer,
                        new io.omskit.core.order.DeliveryWindow(promisedBy.minus(Duration.ofHours(12)), promisedBy)))
                .line("1", lamp.value(), 1, eur(35)).build()).order();
        Fulfilment packed = readyAt(order, "WEB-1201-BER", berlin);
        io.omskit.core.shipping.QuoteResult quotes = oms.fulfilments().quote(packed.id(), box);
        out.println("  WEB-1201, promised by " + minutes(promisedBy) + ", packed at " + berlin
                + " in a 400 x 300 x 250 mm box of 2.3 kg; the carriers quote:");
        for (io.omskit.core.shipping.Quote q : quotes.quotes()) {
            out.println("    " + q.service() + " " + q.price() + ", " + q.transitDays() + " day(s), hand over by "
                    + minutes(q.collectionCutOff()));
        }

        // what tracking taught about this lane so far (in a shop: replayed from ParcelDeliveryRecorded events)
        io.omskit.orchestration.carrier.OnTimeRecord record = io.omskit.orchestration.carrier.OnTimeRecord.create();
        io.omskit.core.shipping.Lane lane = io.omskit.core.shipping.Lane.to(berlin, order.delivery().address());
        for (int i = 0; i < 48; i++) {
            record.record(quotes.quotes().get(0).service(), lane, i % 5 != 0);
            record.record(quotes.quotes().get(1).service(), lane, i != 7);
        }
        io.omskit.orchestration.carrier.CarrierDecision decision = io.omskit.orchestration.carrier.CarrierChooser
                .of(record, eur(8)).choose(quotes.quotes(), packed, order);
        out.println("  " + decision.explanation());

        io.omskit.core.fulfilment.BookingAttempt booking = oms.fulfilments().book(packed.id(), box,
                decision.chosen().orElseThrow());
        io.omskit.core.fulfilment.ParcelBooking booked = booking.fulfilment().booking();
        out.println("  booked under key " + booked.key() + ": label " + booked.trackingNumber() + " ("
                + booked.label().mediaType() + ", " + booked.label().document().length + " bytes), "
                + booked.price() + "; asking again returns the same label: "
                + oms.fulfilments().book(packed.id(), box, decision.chosen().orElseThrow()).fold(
                        b -> b.label().equals(booked.label()), d -> false, p -> false));

        Instant t = clock.instant();
        String carrier = booked.service().carrier();
        String number = booked.trackingNumber();
        List<io.omskit.core.shipping.TrackingEvent> webhooks = List.of(
                io.omskit.core.shipping.TrackingEvent.of(carrier, number, io.omskit.core.shipping.TrackingStatus.IN_TRANSIT,
                        "picked up at Berlin DC", t.plus(Duration.ofHours(2))),
                io.omskit.core.shipping.TrackingEvent.of(carrier, number, io.omskit.core.shipping.TrackingStatus.PRE_TRANSIT,
                        "label created", t.plusSeconds(60)),
                io.omskit.core.shipping.TrackingEvent.of(carrier, number, io.omskit.core.shipping.TrackingStatus.IN_TRANSIT,
                        "picked up at Berlin DC", t.plus(Duration.ofHours(2))),
                io.omskit.core.shipping.TrackingEvent.of(carrier, number, io.omskit.core.shipping.TrackingStatus.OUT_FOR_DELIVERY,
                        "with the courier", t.plus(Duration.ofHours(14))).withEstimatedDelivery(booked.quotedDelivery()),
                io.omskit.core.shipping.TrackingEvent.of(carrier, number, io.omskit.core.shipping.TrackingStatus.DELIVERED,
                        "handed to the recipient", t.plus(Duration.ofHours(17))));
        for (io.omskit.core.shipping.TrackingEvent e : webhooks) {
            io.omskit.core.fulfilment.TrackingResult r = oms.fulfilments().track(e);
            out.println("    webhook " + e.status() + " (" + e.detail() + ") -> " + r.fold(
                    rec -> "recorded; fulfilment " + rec.fulfilment().status() + ", parcel "
                            + rec.fulfilment().booking().tracking().status(),
                    dup -> "duplicate, nothing changes",
                    none -> "matches no parcel"));
        }
        Order delivered = oms.order(order.id()).orElseThrow();
        for (DomainEvent e : events.events()) {
            record.observe(e);
        }
        out.println("  order " + delivered.status() + ", captured " + delivered.payment().captured() + "; " + carrier
                + " on this lane now " + record.tally(booked.service(), lane).onTime() + " on time of "
                + record.tally(booked.service(), lane).parcels());
        results.tracked = delivered;
    }

    // ---- scene 13: notifications, store acceptance time limits, work queues, transfers ----

    private void messagesAndTransfers(Results results) {
        io.omskit.core.inmemory.RecordingNotificationSender sender = new io.omskit.core.inmemory.RecordingNotificationSender();
        io.omskit.core.notification.Notifier notifier = io.omskit.core.notification.Notifier.builder(oms, sender, notificationLog)
                .contacts(o -> List.of(io.omskit.core.notification.Contact.of(io.omskit.core.spi.NotificationChannel.EMAIL,
                        java.util.Locale.GERMANY)))
                .trackingLinks((carrier, number) -> "https://track.example.com/" + carrier + "/" + number).build();
        events.subscribe(notifier::accept);

        LocationId mitte = LocationId.of("ST-MITTE");
        LocationId berlin = LocationId.of("WH-BERLIN");
        io.omskit.core.catalog.Sku mug = DemoNetwork.sku(3);
        inventory.adjust(io.omskit.core.inventory.StockAdjustment.of("demo-receipt-mitte-12", mug, mitte,
                io.omskit.core.inventory.MovementReason.RECEIPT, 2, "delivery note 12"));
        Order order = oms.placeOrder(home(Channel.WEB, "WEB-1301", "tok_visa").line("1", mug.value(), 1, eur(12)).build())
                .order();
        List<io.omskit.core.order.OrderEvent.OrderStatusChanged> changes =
                events.events(io.omskit.core.order.OrderEvent.OrderStatusChanged.class);
        notifier.publish(changes);
        notifier.publish(changes);
        out.println("  WEB-1301 confirmed; the demo's " + changes.size() + " status changes so far delivered to the notifier"
                + " twice more: " + sender.delivered().size() + " message(s) to customers, " + sender.calls().size()
                + " call(s) to the provider");
        LineQuantity all = LineQuantity.of(order.lines().get(0).id(), 1);
        oms.allocate(order.id(), "WEB-1301-MITTE", mitte, List.of(all));
        out.println("  offered to " + mitte + ", which must accept by "
                + minutes(oms.fulfilments().acceptBy(oms.fulfilments().get(FulfilmentId.of("WEB-1301-MITTE"))).orElseThrow())
                + "; its queue to accept: " + oms.fulfilments().workQueue(mitte,
                io.omskit.core.fulfilment.WorkQueue.TO_ACCEPT, null, 50).size() + " fulfilment(s)");
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        List<FulfilmentId> takenBack = oms.fulfilments().expireUnaccepted(100);
        out.println("  two hours later the sweep takes back " + takenBack.size() + " unanswered fulfilment(s) at stores; "
                + "WEB-1301-MITTE is " + oms.fulfilments().get(FulfilmentId.of("WEB-1301-MITTE")).status());
        Fulfilment parcel = readyAt(oms.order(order.id()).orElseThrow(), "WEB-1301-BER", berlin);
        oms.fulfilments().ship(parcel.id(), ShipmentDetails.of("DHL-1201", "DHL", "00340434161094099999"));
        oms.fulfilments().deliver(parcel.id(), "signed");
        for (io.omskit.core.spi.Notification n : sender.delivered(order.id())) {
            out.println("    message " + n.subject().name() + " (" + n.channel() + ", " + n.locale() + ")"
                    + (n.data().containsKey(io.omskit.core.notification.MessageData.TRACKING_LINK)
                    ? " " + n.data().get(io.omskit.core.notification.MessageData.TRACKING_LINK) : ""));
        }
        results.messages = sender.delivered(order.id());

        io.omskit.core.transfer.TransferId restock = io.omskit.core.transfer.TransferId.of("RESTOCK-MITTE-1");
        int mitteBefore = inventory.position(mug, mitte).onHand();
        oms.transfers().request(new io.omskit.core.transfer.TransferRequest(restock, berlin, mitte,
                io.omskit.core.transfer.TransferReason.RESTOCK, List.of(io.omskit.core.transfer.TransferLine.of(mug, 6)),
                clock.instant().plus(Duration.ofDays(1))));
        out.println("  restock " + restock + ": 6 x " + mug + " held at " + berlin + ", expected at " + mitte + ": "
                + inventory.inbound(mug).stream().filter(s -> s.location().equals(mitte)).mapToInt(
                io.omskit.core.inventory.InboundSupply::quantity).sum() + " inbound");
        oms.transfers().ship(restock, ShipmentDetails.of("TRUCK-0043", "own fleet", ""));
        clock.advance(Duration.ofDays(1));
        oms.transfers().receive(restock);
        out.println("  shipped and received: " + mitte + " on hand " + mitteBefore + " -> "
                + inventory.position(mug, mitte).onHand() + ", transfer " + oms.transfers().get(restock).status());
        results.restocked = oms.transfers().get(restock);
    }

    // ---- scene 14: returns ----

    private void returns(Results results) {
        io.omskit.returns.Returns returns = io.omskit.returns.Returns.builder(oms).payments(payments).events(events)
                .repository(returnRepository())
                .policy(io.omskit.returns.policy.ReturnPolicy.standard()).build();
        // a cancellation after the last refund settles the shipping refund that falls due then
        events.subscribe(returns::accept);
        Order order = results.delivered;
        LocationId mitte = LocationId.of("ST-MITTE");
        OrderLine mugs = order.lines().get(0);
        OrderLine kettle = order.lines().get(1);
        io.omskit.returns.OpenResult opened = returns.open(io.omskit.returns.OpenReturnRequest.of(order.id(), "counter-mitte-1",
                Channel.STORE, io.omskit.returns.rma.ReturnMethod.dropOff(mitte), List.of(
                        io.omskit.returns.OpenReturnRequest.line(mugs.id(), 1, io.omskit.returns.rma.ReturnReason.DOES_NOT_FIT),
                        io.omskit.returns.OpenReturnRequest.line(kettle.id(), 1, io.omskit.returns.rma.ReturnReason.DAMAGED_IN_TRANSIT))));
        io.omskit.returns.rma.Return ret = ((io.omskit.returns.OpenResult.Opened) opened).ret();
        out.println("  " + order.externalRef() + " (a web order, delivered home) is brought to the " + mitte + " counter: return "
                + ret.status() + ", " + mitte + " expects " + inventory.position(mugs.sku(), mitte).returnsInTransit() + " x "
                + mugs.sku() + " and " + inventory.position(kettle.sku(), mitte).returnsInTransit() + " x " + kettle.sku());
        int sellsBefore = inventory.position(mugs.sku(), mitte).availableToSell();
        returns.receive(ret.id(), List.of(io.omskit.returns.rma.Arrival.of(mugs.sku(), 1),
                io.omskit.returns.rma.Arrival.of(kettle.sku(), 1)), "mitte-scan-1");
        out.println("  received at the counter -> order " + oms.order(order.id()).orElseThrow().status()
                + "; nothing refunded before inspection");
        returns.inspect(ret.id(), mugs.id(), io.omskit.returns.rma.Grade.AS_NEW, io.omskit.returns.rma.Disposition.RESTOCK, 1,
                "mitte-inspect-1");
        out.println("  " + mugs.sku() + " as new, restocked: " + mitte + " sells " + sellsBefore + " -> "
                + inventory.position(mugs.sku(), mitte).availableToSell() + " at once");
        io.omskit.returns.rma.Return done = returns.inspect(ret.id(), kettle.id(), io.omskit.returns.rma.Grade.DAMAGED,
                io.omskit.returns.rma.Disposition.WRITE_OFF, 1, "mitte-inspect-2");
        out.println("  " + kettle.sku() + " damaged in transit, written off (ledger: "
                + inventory.movements(kettle.sku(), mitte).stream().map(m -> m.reason().name()).toList() + ")");
        Order after = oms.order(order.id()).orElseThrow();
        for (io.omskit.returns.rma.Refund r : done.refunds()) {
            out.println("  refund " + r.status() + " to the card: goods " + r.goods() + " + shipping " + r.shipping() + " - fees "
                    + r.fees() + " = " + r.amount());
        }
        out.println("  order " + after.status() + ", captured " + after.payment().captured() + ", refunded "
                + after.payment().refunded() + "; return " + done.status());
        results.returned = done;
        results.afterReturn = after;
    }

    // ---- scene 15: funds reconciliation (oms-reporting) ----

    private void funds(Results results) {
        io.omskit.reporting.funds.spi.Stakeholder retailer = io.omskit.reporting.funds.spi.Stakeholder.retailer("omskit-shop");
        io.omskit.reporting.funds.spi.CostPrices costs = (dropShipper, sku, currency) -> java.util.Optional.of(Money.of(currency, 10));
        for (DomainEvent e : events.events(io.omskit.core.order.OrderEvent.OrderPlaced.class)) {
            Order marketplace = ((io.omskit.core.order.OrderEvent.OrderPlaced) e).order();
            if (marketplace.externalRef().value().equals("MKT-5531")) {
                String key = "MKT-5531-BER";
                if (oms.allocate(marketplace.id(), key, LocationId.of("WH-BERLIN"), List.of(LineQuantity.of(
                        marketplace.lines().get(0).id(), marketplace.lines().get(0).quantity()))).isAllocated()) {
                    FulfilmentId f = FulfilmentId.of(key);
                    oms.fulfilments().accept(f);
                    oms.fulfilments().startPicking(f);
                    oms.fulfilments().pack(f);
                    oms.fulfilments().ship(f, ShipmentDetails.of("DHL-5531", "DHL", "00340434161094055310"));
                    out.println("  the marketplace order MKT-5531 (3 x 7.50 EUR sold by seller-acme) ships from WH-BERLIN");
                }
            }
        }
        io.omskit.reporting.funds.FundsBook book = io.omskit.reporting.funds.FundsBook.of(network,
                io.omskit.reporting.funds.spi.CommissionPolicy.defaults(costs), retailer);
        book.acceptAll(events.events());
        io.omskit.reporting.funds.ledger.Ledger ledger = book.ledger();
        out.println("  from " + book.orders().size() + " orders' events: captured less refunded, owed to each party"
                + " (marketplace 15% commission, stores 5%, drop-shippers 10.00 a unit at cost):");
        for (io.omskit.reporting.funds.ledger.Account a : ledger.accounts()) {
            if (a.kind() == io.omskit.reporting.funds.ledger.AccountKind.DUE) {
                out.printf("    %-32s %s%n", a.owner(), ledger.owedTo(a.owner(), CurrencyUnit.EUR));
            }
        }
        List<io.omskit.reporting.funds.ProviderMovement> expected = book.expectedMovements();
        List<io.omskit.reporting.funds.spi.SettlementLine> lines = new ArrayList<>(
                io.omskit.reporting.funds.settlement.SettlementSimulator.standard().batchSize(8).settle(expected));
        lines.removeIf(l -> l.type() == io.omskit.reporting.funds.spi.SettlementLineType.PAYOUT);
        io.omskit.reporting.funds.spi.SettlementLine first = lines.get(0);
        Money cent = Money.ofMinor(CurrencyUnit.EUR, 1);
        lines.set(0, new io.omskit.reporting.funds.spi.SettlementLine(0, first.lineId(), first.pspReference(),
                first.merchantReference(), first.type(), first.providerType(), first.createdAt(), first.gross().plus(cent),
                first.net().plus(cent), first.fees(), first.batch()));
        java.io.StringWriter file = new java.io.StringWriter();
        io.omskit.reporting.funds.settlement.SettlementFiles.adyen(
                io.omskit.reporting.funds.settlement.SettlementSimulator.withPayouts(lines), file);
        io.omskit.reporting.funds.settlement.Reconciliation r = io.omskit.reporting.funds.settlement.Reconciler.of(retailer)
                .reconcile(expected, new io.omskit.reporting.funds.settlement.AdyenSettlementDetailsReader(),
                        new java.io.StringReader(file.toString()));
        out.println("  the provider's settlement details report (Adyen format, one line settled a cent too much): "
                + r.findings().size() + " lines, " + r.count(io.omskit.reporting.funds.settlement.Classification.MATCHED)
                + " matched, " + r.batches().size() + " payout batches, every payout equal to its lines: "
                + r.batches().stream().allMatch(io.omskit.reporting.funds.settlement.PayoutBatch::agrees));
        for (io.omskit.reporting.funds.settlement.Finding f : r.differences()) {
            out.println("  difference: " + f.classification() + " - " + f.reason());
        }
        ledger.postAll(r.ledger());
        out.println("  provider fees " + ledger.balance(io.omskit.reporting.funds.ledger.Account.of(retailer,
                io.omskit.reporting.funds.ledger.AccountKind.PROVIDER_FEES), CurrencyUnit.EUR) + ", paid out to the bank "
                + ledger.balance(io.omskit.reporting.funds.ledger.Account.of(retailer,
                        io.omskit.reporting.funds.ledger.AccountKind.BANK), CurrencyUnit.EUR) + ", left unsettled at the provider "
                + ledger.balance(io.omskit.reporting.funds.ledger.Account.of(retailer,
                        io.omskit.reporting.funds.ledger.AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR)
                + "; the ledger balances: " + ledger.totalDebits(CurrencyUnit.EUR).equals(ledger.totalCredits(CurrencyUnit.EUR)));
        results.funds = book;
        results.reconciliation = r;
    }

    // ---- scene 19: customer service ----

    private void customerService(Results results) {
        io.omskit.core.CustomerService service = oms.customerService();
        io.omskit.core.order.Actor agent = io.omskit.core.order.Actor.agent("agent-17");
        for (String ref : List.of("WEB-1901", "APP-1902", "WEB-1903")) {
            oms.placeOrder(home(ref.startsWith("APP") ? Channel.APP : Channel.WEB, ref, "tok_visa").customer("customer-ana")
                    .line("1", DemoNetwork.sku(4).value(), 1, eur(24.90)).build());
            clock.advance(Duration.ofMinutes(7));
        }
        io.omskit.core.spi.OrderQuery ana = io.omskit.core.spi.OrderQuery.all()
                .customer(io.omskit.core.order.CustomerRef.of("customer-ana")).limit(2);
        io.omskit.core.spi.OrderPage first = service.find(ana);
        io.omskit.core.spi.OrderPage second = service.find(ana.after(first.next()));
        out.println("  customer-ana's orders, newest first, 2 a page: " + first.orders().stream().map(o -> o.externalRef()
                + " " + o.status()).toList() + " then " + second.orders().stream().map(o -> o.externalRef().value()).toList()
                + " (cursor " + first.next().token().length() + " characters, stable while orders arrive)");
        results.customerOrders = new ArrayList<>(first.orders());
        results.customerOrders.addAll(second.orders());

        Order returned = results.afterReturn;
        service.addNote(returned.id(), agent, "Customer called: asked when the refund reaches the card. Told 3-5 days.").get();
        io.omskit.core.timeline.Timeline story = service.timeline(returned.id());
        out.println("  the story of " + returned.externalRef() + " (" + story.entries().size() + " entries; showing who and what):");
        for (io.omskit.core.timeline.TimelineEntry e : story.entries()) {
            if (!e.kind().equals("order.status-changed") && !e.kind().startsWith("order.units-")) {
                out.println("    " + e.actor() + " | " + e.subject() + " | " + e.text() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
            }
        }
        results.story = story;

        Order picking = oms.placeOrder(home(Channel.WEB, "WEB-1904", "tok_visa").customer("customer-ana")
                .line("1", DemoNetwork.sku(0).value(), 1, eur(12.90)).build()).order();
        var allocated = oms.allocate(picking.id(), "WEB-1904-BER", LocationId.of("WH-BERLIN"),
                List.of(LineQuantity.of(picking.lines().get(0).id(), 1)));
        if (!allocated.isAllocated()) {
            throw new IllegalStateException("the demo network has no " + DemoNetwork.sku(0) + " left at WH-BERLIN: " + allocated);
        }
        FulfilmentId parcel = FulfilmentId.of("WEB-1904-BER");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        io.omskit.core.order.Actor customer = io.omskit.core.order.Actor.customer(picking.customer());
        var refused = service.cancelOrder(picking.id(), customer, CancellationReason.CUSTOMER_REQUEST);
        out.println("  customer-ana cancels WEB-1904 while WH-BERLIN picks it: " + refused.verdict());
        var otherStore = service.pack(parcel, io.omskit.core.order.Actor.storeAssociate("assoc-3", LocationId.of("ST-MITTE")));
        out.println("  an associate of ST-MITTE packs it: " + otherStore.verdict());
        var byAgent = service.cancelOrder(picking.id(), agent, CancellationReason.CUSTOMER_REQUEST);
        out.println("  agent-17 cancels it for her: order " + byAgent.get().status() + ", fulfilment "
                + oms.fulfilments().get(parcel).status());
        out.println("  a goodwill refund of EUR 80.00 by agent-17: " + service.mayRefund(returned.id(), agent, eur(80))
                + "; of EUR 4.95: " + service.mayRefund(returned.id(), agent, eur(4.95)));
        results.refusedCancel = refused.verdict();
        results.agentCancelled = byAgent.get();
    }

    // ---- scene 11: every step after allocation, run by the library ----

    private void journeys(Results results) {
        FulfilmentId parcel = FulfilmentId.of("WEB-1001-BER");
        oms.fulfilments().deliver(parcel, "signed by A. Person");
        Order delivered = oms.order(oms.fulfilments().get(parcel).orderId()).orElseThrow();
        out.println("  home delivery " + delivered.externalRef() + ": parcel DHL-0001 delivered -> order " + delivered.status()
                + ", captured " + delivered.payment().captured());
        results.delivered = delivered;

        LocationId mitte = LocationId.of("ST-MITTE");
        io.omskit.core.catalog.Sku mug = DemoNetwork.sku(3);
        inventory.adjust(io.omskit.core.inventory.StockAdjustment.of("demo-receipt-mitte", mug, mitte,
                io.omskit.core.inventory.MovementReason.RECEIPT, 4, "delivery note 11"));
        out.println("  express click & collect APP-1101 at " + mitte + " (which holds "
                + inventory.position(mug, mitte).availableToSell() + " x " + mug + " for sale):");
        Order express = oms.placeOrder(pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, "APP-1101", mitte)
                .line("1", mug.value(), 2, eur(12)).build()).order();
        Fulfilment ready = readyAt(express, "APP-1101-F", mitte);
        out.println("    " + mitte + " accepts, picks and packs -> " + ready.status() + ", pickup code " + ready.pickupCode()
                + ", collect by " + minutes(ready.collectBy()) + "; order " + oms.order(express.id()).orElseThrow().status());
        oms.fulfilments().collect(ready.id(), mitte, ready.pickupCode());
        Order collected = oms.order(express.id()).orElseThrow();
        out.println("    collected with the code -> order " + collected.status() + ", captured " + collected.payment().captured()
                + ", " + mitte + " now sells " + inventory.position(mug, mitte).availableToSell() + " (on hand "
                + inventory.position(mug, mitte).onHand() + ")");
        results.collected = collected;

        LocationId kreuzberg = LocationId.of("ST-KREUZBERG");
        LocationId berlin = LocationId.of("WH-BERLIN");
        io.omskit.core.catalog.Sku lamp = DemoNetwork.sku(6);
        out.println("  ship to store WEB-1102, collected at " + kreuzberg + ":");
        Order toStore = oms.placeOrder(pickup(DeliveryMethod.SHIP_TO_STORE, "WEB-1102", kreuzberg)
                .line("1", lamp.value(), 2, eur(35)).build()).order();
        int berlinBefore = inventory.position(lamp, berlin).onHand();
        Fulfilment transfer = readyAt(toStore, "WEB-1102-T", berlin);
        oms.fulfilments().ship(transfer.id(), ShipmentDetails.of("TRUCK-0042", "own fleet", ""));
        out.println("    " + berlin + " packs and ships the transfer TRUCK-0042: its on hand " + berlinBefore + " -> "
                + inventory.position(lamp, berlin).onHand() + "; order " + oms.order(toStore.id()).orElseThrow().status()
                + " while on the road");
        int kreuzbergSells = inventory.position(lamp, kreuzberg).availableToSell();
        Fulfilment arrived = oms.fulfilments().arrive(transfer.id());
        out.println("    arrives at " + kreuzberg + " -> order " + oms.order(toStore.id()).orElseThrow().status()
                + ", code " + arrived.pickupCode() + "; the store still sells " + inventory.position(lamp, kreuzberg).availableToSell()
                + " (was " + kreuzbergSells + "): the parcel is held for the customer, not put on sale");
        oms.fulfilments().collect(transfer.id(), kreuzberg, arrived.pickupCode());
        Order transferCollected = oms.order(toStore.id()).orElseThrow();
        out.println("    collected -> order " + transferCollected.status() + ", captured " + transferCollected.payment().captured());
        results.transferCollected = transferCollected;

        out.println("  an express pickup nobody collects, APP-1103 at " + mitte + ":");
        Order forgotten = oms.placeOrder(pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, "APP-1103", mitte)
                .line("1", mug.value(), 1, eur(12)).build()).order();
        Fulfilment waiting = readyAt(forgotten, "APP-1103-F", mitte);
        int sellsWhileWaiting = inventory.position(mug, mitte).availableToSell();
        out.println("    ready for collection until " + minutes(waiting.collectBy()) + "; " + mitte + " sells " + sellsWhileWaiting);
        clock.advance(Duration.ofDays(3).plusHours(1));
        List<FulfilmentId> expired = oms.fulfilments().expireUncollected(100);
        Order lapsed = oms.order(forgotten.id()).orElseThrow();
        out.println("    three days later the expiry sweep expires " + expired + " -> order " + lapsed.status() + ", "
                + mitte + " sells " + inventory.position(mug, mitte).availableToSell() + " again, authorisation left "
                + lapsed.payment().authorised() + ", captured " + lapsed.payment().captured());
        results.expired = lapsed;
    }

    /** Allocates all of {@code order} at {@code location} as fulfilment {@code key}; the location accepts, picks and packs it. */
    private Fulfilment readyAt(Order order, String key, LocationId location) {
        List<LineQuantity> all = new ArrayList<>();
        order.lines().forEach(l -> all.add(LineQuantity.of(l.id(), l.quantity())));
        oms.allocate(order.id(), key, location, all);
        FulfilmentId id = FulfilmentId.of(key);
        oms.fulfilments().accept(id);
        oms.fulfilments().startPicking(id);
        return oms.fulfilments().pack(id);
    }

    private static String minutes(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    private static PlaceOrderRequest.Builder pickup(DeliveryMethod method, String ref, LocationId store) {
        return PlaceOrderRequest.builder().channel(Channel.APP).externalRef(ref).customer("c-" + ref).currency("EUR")
                .delivery(DeliveryChoice.pickup(method, store, null)).paymentRef("tok_applepay");
    }

    // ---- scene 10: failures after the save, and retries with the same arguments ----

    private void hiccups(Results results) {
        Order order = oms.placeOrder(home(Channel.WEB, "WEB-1010", "tok_visa")
                .line("1", DemoNetwork.sku(4).value(), 2, eur(10)).charge("shipping", eur(4.95)).build()).order();
        List<LineQuantity> both = List.of(LineQuantity.of(order.lines().get(0).id(), 2));
        LocationId from = inventory.positions(DemoNetwork.sku(4)).stream()
                .max(java.util.Comparator.comparingInt(StockPosition::availableToSell)).orElseThrow().location();
        oms.allocate(order.id(), "WEB-1010-A", from, both);
        FulfilmentId parcel = FulfilmentId.of("WEB-1010-A");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        ShipmentDetails dhl = ShipmentDetails.of("DHL-0002", "DHL", "00340434161094042558");
        hiccups.failNextSaveAfterWriting();
        try {
            oms.fulfilments().ship(parcel, dhl);
        } catch (io.omskit.core.spi.SpiException e) {
            out.println("  ship DHL-0002 failed: " + e.getMessage());
        }
        oms.fulfilments().ship(parcel, dhl);
        Order shipped = oms.order(order.id()).orElseThrow();
        long movements = inventory.movements(DemoNetwork.sku(4), from).stream()
                .filter(m -> m.reason() == io.omskit.core.inventory.MovementReason.SHIPMENT
                        && m.reference().equals(order.id().value())).count();
        out.println("  called again: " + shipped.status() + ", captured " + shipped.payment().captured() + " of "
                + shipped.total() + ", stock movements for the parcel: " + movements);
        results.shippedAfterRetry = shipped;

        Order other = oms.placeOrder(home(Channel.APP, "APP-9002", "tok_applepay")
                .line("1", DemoNetwork.sku(5).value(), 1, eur(30)).build()).order();
        hiccups.failNextSaveAfterWriting();
        try {
            oms.cancelOrder(other.id(), CancellationReason.CUSTOMER_REQUEST);
        } catch (io.omskit.core.spi.SpiException e) {
            out.println("  cancel APP-9002 failed: " + e.getMessage());
        }
        Order cancelled = oms.cancelOrder(other.id(), CancellationReason.CUSTOMER_REQUEST);
        out.println("  called again: " + cancelled.status() + ", stock held for it: "
                + (inventory.heldFor(other.id().value()).isEmpty() ? "none" : "some (a leak)") + ", authorisation left "
                + cancelled.payment().authorised() + " (provider: " + payments.openAuthorisation(other.id()) + ")");
        results.cancelledAfterRetry = cancelled;

        results.sweep = oms.reconcileStock(java.time.Duration.ZERO, 100);
        out.println("  the stock sweep, the safety net for calls nobody retried, corrected " + results.sweep.size() + " order(s)");
    }

    // ---- scene 9: sourcing with explanations, rejection and re-sourcing (oms-orchestration) ----

    private void sourcing(Results results) {
        io.omskit.orchestration.rulebook.RuleSet rules = io.omskit.orchestration.rulebook.RuleSet.builder("home-delivery")
                .filter(new io.omskit.orchestration.rules.CapabilityFilter())
                .filter(new io.omskit.orchestration.rules.MaxDistanceFilter(600))
                .cost(new io.omskit.orchestration.rules.ShippingCost(io.omskit.orchestration.rules.RateTable.flat(
                        io.omskit.orchestration.spi.ShippingRate.of(4.0, 0.25, 0.002))))
                .cost(new io.omskit.orchestration.rules.SplitPenalty(6))
                .cost(new io.omskit.orchestration.rules.ProtectStoreStock(2, 3.0))
                .build();
        io.omskit.orchestration.SourcingEngine engine = io.omskit.orchestration.SourcingEngine.builder()
                .network(network).inventory(inventory).catalog(catalog).clock(clock)
                .rules(io.omskit.orchestration.rulebook.RuleBook.of(rules)).build();
        io.omskit.orchestration.OrderSourcing sourcing = new io.omskit.orchestration.OrderSourcing(oms, engine);

        PlacementResult placed = show(oms.placeOrder(home(Channel.WEB, "WEB-9001", "tok_visa")
                .line("1", DemoNetwork.sku(20).value(), 2, eur(14))
                .line("2", DemoNetwork.sku(21).value(), 1, eur(22))
                .line("3", DemoNetwork.sku(24).value(), 1, eur(249)).build()));
        io.omskit.orchestration.result.SourcingResult result = sourcing.source(placed.order().id());
        if (!(result instanceof io.omskit.orchestration.result.SourcingResult.Allocated allocated)) {
            out.println("  not sourced: " + result);
            return;
        }
        io.omskit.orchestration.explain.Explanation why = allocated.plan().explanation();
        out.printf("  plan (rule set %s, %s): %d shipment(s), cost %.2f%n", why.ruleSet(),
                why.optimal() ? "optimal" : "heuristic", allocated.plan().shipments(), why.totalCost());
        for (io.omskit.orchestration.plan.PlannedFulfilment f : allocated.plan().fulfilments()) {
            StringBuilder lines = new StringBuilder();
            for (io.omskit.orchestration.plan.PlannedLine l : f.lines()) {
                lines.append(lines.length() == 0 ? "" : ", ").append(l.quantity()).append(" x ").append(l.sku());
            }
            out.printf("    %-13s %-12s %s (cost %.2f)%n", f.location(), f.type(), lines, f.cost());
        }
        for (io.omskit.orchestration.explain.RuleAmount r : why.costBreakdown()) {
            out.printf("    cost of %-20s %8.2f%n", r.rule(), r.amount());
        }
        int shown = 0;
        for (io.omskit.orchestration.explain.LocationVerdict v : why.locations()) {
            if (v.verdict() == io.omskit.orchestration.explain.Verdict.CHOSEN || shown >= 4) {
                continue;
            }
            shown++;
            String reason = v.exclusions().isEmpty()
                    ? String.format("would cost %.2f", v.cost())
                    : v.exclusions().get(0).rule() + ": " + v.exclusions().get(0).why().summary();
            out.printf("    %-13s %-10s %s%n", v.location(), v.verdict(), reason);
        }
        out.println("    (" + why.locationsWithoutStock() + " location(s) hold none of it)");

        Order sourced = oms.order(placed.order().id()).orElseThrow();
        io.omskit.core.order.LineAllocation first = sourced.allocations().get(0);
        out.println("  " + first.location() + " rejects " + first.allocated() + " unit(s) of line " + first.line()
                + ": \"shelf empty, miscount\"");
        io.omskit.orchestration.resourcing.ResourcingOutcome outcome = sourcing.reject(FulfilmentId.of(first.allocationKey()),
                List.of(LineQuantity.of(first.line(), first.allocated())), "shelf empty, miscount", "task-" + sourced.externalRef());
        Order after = oms.order(sourced.id()).orElseThrow();
        StringBuilder where = new StringBuilder();
        for (io.omskit.core.order.LineAllocation a : after.allocations()) {
            where.append(where.length() == 0 ? "" : ", ").append("line ").append(a.line()).append(" @ ").append(a.location());
        }
        out.println("  re-sourced: " + (outcome instanceof io.omskit.orchestration.resourcing.ResourcingOutcome.Resourced)
                + ", order " + after.status() + ", now " + where);
        results.sourced = sourced;
        results.resourced = after;
        results.rejectedAt = first.location();
    }

    // ---- allocation priorities (oms-orchestration) and pickup points (oms-atp) ----

    private void prioritiesAndPickupPoints(Results results) {
        // a what-if on two warehouses: W1 is nearer the customer, the retailer wants W2 emptied first
        io.omskit.core.network.Network two = io.omskit.core.network.Network.of(List.of(
                io.omskit.core.network.Location.builder(LocationId.of("W1"), io.omskit.core.network.LocationType.WAREHOUSE,
                        io.omskit.core.network.GeoPoint.of(52.40, 13.52)).build(),
                io.omskit.core.network.Location.builder(LocationId.of("W2"), io.omskit.core.network.LocationType.WAREHOUSE,
                        io.omskit.core.network.GeoPoint.of(51.34, 12.37)).build()));
        io.omskit.orchestration.stock.StockSnapshot stock = io.omskit.orchestration.stock.StockSnapshot.builder(two)
                .add(DemoNetwork.sku(0), LocationId.of("W1"), 10).add(DemoNetwork.sku(0), LocationId.of("W2"), 3).build();
        List<LocationId> priority = List.of(LocationId.of("W2"), LocationId.of("W1"));
        io.omskit.orchestration.rules.ShippingCost shipping = new io.omskit.orchestration.rules.ShippingCost(
                io.omskit.orchestration.rules.RateTable.flat(io.omskit.orchestration.spi.ShippingRate.of(4.0, 0.25, 0.002)));
        io.omskit.orchestration.demand.Demand five = io.omskit.orchestration.demand.Demand.whatIf(Channel.WEB,
                DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, new io.omskit.core.order.Address("A. Shopper",
                        "1 Alexanderplatz", null, "Berlin", "10178", "DE", io.omskit.core.network.GeoPoint.of(52.52, 13.41)), null),
                List.of(io.omskit.orchestration.demand.DemandLine.of(io.omskit.core.order.LineId.of("1"), DemoNetwork.sku(0), 5)),
                clock.instant());
        results.shipmentPrioritySplit = split(planOn(two, io.omskit.orchestration.rulebook.RuleSet.builder("by-shipment")
                .cost(shipping).cost(new io.omskit.orchestration.rules.LocationPriority(priority, 1)).build(), five, stock));
        io.omskit.orchestration.result.SourcingPlan filled = planOn(two,
                io.omskit.orchestration.rulebook.RuleSet.builder("fill-in-priority").cost(shipping)
                        .cost(new io.omskit.orchestration.rules.FillInPriority(priority, 1000)).build(), five, stock);
        results.prioritySplit = split(filled);
        out.println("  5 x " + DemoNetwork.sku(0) + ", W2 holds 3, W1 (nearer) 10, priority [W2, W1]");
        out.println("    location-priority (per shipment): " + results.shipmentPrioritySplit);
        out.println("    fill-in-priority (per unit):      " + results.prioritySplit);
        filled.explanation().locations().forEach(v -> v.costs().stream()
                .filter(c -> c.rule().equals(io.omskit.orchestration.rules.FillInPriority.NAME))
                .forEach(c -> out.println("      " + c.why().summary())));

        // which stores near Alexanderplatz can give a 2-line cart, from the demo's live stock
        io.omskit.orchestration.rulebook.RuleSet any = io.omskit.orchestration.rulebook.RuleSet.builder("any")
                .filter(new io.omskit.orchestration.rules.CapabilityFilter()).build();
        io.omskit.atp.Atp atp = io.omskit.atp.Atp.builder().inventory(inventory).catalog(catalog).clock(clock)
                .engine(io.omskit.orchestration.SourcingEngine.builder().network(network).inventory(inventory)
                        .catalog(catalog).clock(clock).rules(io.omskit.orchestration.rulebook.RuleBook.of(any)).build())
                .calendar(io.omskit.atp.PromiseCalendar.builder(network)
                        .holidays(new io.omskit.atp.calendar.JollydayHolidays())
                        .pickup(io.omskit.core.network.LocationType.WAREHOUSE,
                                io.omskit.atp.calendar.PickupSchedule.weekdaysAt(java.time.LocalTime.of(17, 0)))
                        .build())
                .build();
        List<io.omskit.atp.CartLine> lines = List.of(io.omskit.atp.CartLine.of("1", DemoNetwork.sku(0), 1),
                io.omskit.atp.CartLine.of("2", DemoNetwork.sku(1), 1));
        io.omskit.atp.PickupPoints points = atp.pickupPoints(io.omskit.atp.PickupPointsRequest
                .of(Channel.WEB, lines, io.omskit.core.network.GeoPoint.of(52.52, 13.41)));
        out.println("  pickup points within 50 km of Alexanderplatz for 1 x " + DemoNetwork.sku(0) + " + 1 x "
                + DemoNetwork.sku(1) + ":");
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        for (io.omskit.atp.PickupPoint p : points.points()) {
            String how = p.best().map(o -> (o.method() == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT ? "from the shelf"
                            : "ship-to-store" + (o.transferFrom().isEmpty() ? "" : " from " + o.transferFrom()))
                            + ", ready " + WHEN.format(o.readyAt().atZone(berlin)))
                    .orElse("cannot give lines " + p.shipToStore().missingLines());
            out.printf("    %-13s %5.1f km  %s%s%n", p.store(), p.distanceKm(), how,
                    p.express().isComplete() || p.express().missingLines().isEmpty() ? ""
                            : " (express lacks lines " + p.express().missingLines() + ")");
        }
        results.pickupPoints = points;
    }

    private io.omskit.orchestration.result.SourcingPlan planOn(io.omskit.core.network.Network on,
                                                               io.omskit.orchestration.rulebook.RuleSet rules,
                                                               io.omskit.orchestration.demand.Demand demand,
                                                               io.omskit.orchestration.stock.StockSnapshot stock) {
        return io.omskit.orchestration.SourcingEngine.builder().network(on).clock(clock)
                .rules(io.omskit.orchestration.rulebook.RuleBook.of(rules)).build()
                .plan(io.omskit.orchestration.demand.SourcingRequest.of(demand), stock);
    }

    private static Map<LocationId, Integer> split(io.omskit.orchestration.result.SourcingPlan plan) {
        Map<LocationId, Integer> units = new TreeMap<>(java.util.Comparator.comparing(LocationId::value).reversed());
        plan.fulfilments().forEach(f -> units.put(f.location(), f.units()));
        return units;
    }

    // ---- scene 8: product page and cart promises (oms-atp) ----

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    private void promises(Results results) {
        io.omskit.orchestration.rulebook.RuleSet home = io.omskit.orchestration.rulebook.RuleSet.builder("home")
                .filter(new io.omskit.orchestration.rules.CapabilityFilter())
                .filter(io.omskit.orchestration.rules.LocationTypeFilter.builder()
                        .allow(null, null, io.omskit.core.network.LocationType.WAREHOUSE,
                                io.omskit.core.network.LocationType.DROP_SHIPPER).build())
                .cost(new io.omskit.orchestration.rules.DistanceCost(0.01))
                .cost(new io.omskit.orchestration.rules.SplitPenalty(5)).build();
        io.omskit.orchestration.rulebook.RuleSet collect = io.omskit.orchestration.rulebook.RuleSet.builder("collect")
                .filter(new io.omskit.orchestration.rules.CapabilityFilter()).build();
        io.omskit.orchestration.SourcingEngine engine = io.omskit.orchestration.SourcingEngine.builder()
                .network(network).inventory(inventory).catalog(catalog).clock(clock)
                .rules(io.omskit.orchestration.rulebook.RuleBook.builder().byDefault(home)
                        .forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, collect).build())
                .build();
        io.omskit.atp.Atp atp = io.omskit.atp.Atp.builder().engine(engine).inventory(inventory).catalog(catalog).clock(clock)
                .calendar(io.omskit.atp.PromiseCalendar.builder(network)
                        .holidays(new io.omskit.atp.calendar.JollydayHolidays())
                        .pickup(io.omskit.core.network.LocationType.WAREHOUSE,
                                io.omskit.atp.calendar.PickupSchedule.weekdaysAt(java.time.LocalTime.of(17, 0)))
                        .build())
                .charges(io.omskit.atp.DeliveryCharges.builder(CurrencyUnit.EUR)
                        .fee(DeliveryMethod.STANDARD_DELIVERY, eur(4.95)).freeFrom(DeliveryMethod.STANDARD_DELIVERY, eur(50))
                        .fee(DeliveryMethod.EXPRESS_DELIVERY, eur(9.95)).fee(DeliveryMethod.SHIP_TO_STORE, eur(1.95))
                        .build())
                .build();
        events.subscribe(e -> atp.index().publish(List.of(e)));
        io.omskit.atp.Destination berlin = io.omskit.atp.Destination.of("DE", "10115",
                io.omskit.core.network.GeoPoint.of(52.53, 13.38), java.time.ZoneId.of("Europe/Berlin"));

        io.omskit.atp.ProductPromise page = atp.productPage(io.omskit.atp.ProductPageRequest
                .of(DemoNetwork.sku(3), 1, Channel.WEB).to(berlin).collectingAt(LocationId.of("ST-MITTE")));
        out.println("  product page, 1 x " + page.sku() + " to Berlin 10115 or ST-MITTE: " + page.signal().describe());
        page.methods().forEach(this::showPromise);
        results.productPage = page;

        inventory.adjust(new io.omskit.core.inventory.StockAdjustment(
                io.omskit.core.inventory.MovementKey.of("demo-po-sneaker"), DemoNetwork.HOT, LocationId.of("WH-BERLIN"),
                io.omskit.core.inventory.MovementReason.INBOUND_EXPECTED, 40, clock.instant().plus(java.time.Duration.ofDays(5)),
                "PO-7781"));
        io.omskit.atp.ProductPromise sneaker = atp.productPage(io.omskit.atp.ProductPageRequest
                .of(DemoNetwork.HOT, 1, Channel.WEB).to(berlin));
        out.println("  product page, 1 x " + sneaker.sku() + " after the rush, 40 announced at WH-BERLIN: "
                + sneaker.signal().describe());
        showPromise(sneaker.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow());
        results.soldOutPage = sneaker;

        io.omskit.atp.CartPromise cart = atp.cart(io.omskit.atp.CartRequest.of(Channel.WEB, List.of(
                        new io.omskit.atp.CartLine("1", DemoNetwork.sku(0), 2, eur(12.90)),
                        new io.omskit.atp.CartLine("2", DemoNetwork.sku(4), 1, eur(249)),
                        new io.omskit.atp.CartLine("3", DemoNetwork.sku(3), 1, eur(19.99))))
                .to(berlin).collectingAt(LocationId.of("ST-MITTE")));
        out.println("  cart: 2 x " + DemoNetwork.sku(0) + ", 1 x " + DemoNetwork.sku(4) + " (furniture), 1 x " + DemoNetwork.sku(3));
        cart.methods().forEach(this::showPromise);
        results.cart = cart;
    }

    private void showPromise(io.omskit.atp.MethodPromise p) {
        if (p.status() == io.omskit.atp.PromiseStatus.UNAVAILABLE) {
            out.printf("    %-26s unavailable: %s (%s)%n", p.method(), p.reason(), p.detail());
            return;
        }
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        out.printf("    %-26s %-9s %s - %s, %s, %s%n", p.method(), p.status(), WHEN.format(p.window().earliest().atZone(berlin)),
                WHEN.format(p.window().latest().atZone(berlin)), p.isTogether() ? "together" : p.parts().size() + " parts",
                p.charge());
        if (!p.isTogether()) {
            for (io.omskit.atp.PromisedPart part : p.parts()) {
                out.printf("      part from %-13s %s - %s%n", part.from(), WHEN.format(part.window().earliest().atZone(berlin)),
                        WHEN.format(part.window().latest().atZone(berlin)));
            }
        }
    }

    private void rush(Results results) {
        int shoppers = 80;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        Map<PlacementResult.Outcome, Integer> outcomes = new ConcurrentHashMap<>();
        for (int i = 0; i < shoppers; i++) {
            int n = i;
            pool.submit(() -> {
                start.await();
                Channel channel = n % 3 == 0 ? Channel.APP : Channel.WEB;
                PlacementResult r = oms.placeOrder(home(channel, "RUSH-" + n, "tok_" + n)
                        .line("1", DemoNetwork.HOT.value(), 1, eur(180)).build());
                outcomes.merge(r.outcome(), 1, Integer::sum);
                (r.isConfirmed() ? confirmed : soldOut).incrementAndGet();
                return r;
            });
        }
        start.countDown();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the rush did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int onHand = 0;
        int reservedOrAllocated = inventory.networkReserved(DemoNetwork.HOT);
        for (StockPosition p : inventory.positions(DemoNetwork.HOT)) {
            onHand += p.onHand();
            reservedOrAllocated += p.reserved() + p.allocated();
        }
        out.println("  confirmed " + confirmed.get() + ", turned away " + soldOut.get() + " " + outcomes);
        out.println("  on hand " + onHand + ", held for orders " + reservedOrAllocated + ", still available "
                + inventory.networkAvailable(DemoNetwork.HOT) + " -> oversold: " + (reservedOrAllocated > onHand ? "YES" : "no"));
        results.rushConfirmed = confirmed.get();
        results.rushHeld = reservedOrAllocated;
    }

    private PlacementResult show(PlacementResult r) {
        Order o = r.order();
        StringBuilder lines = new StringBuilder();
        for (OrderLine l : o.lines()) {
            lines.append(lines.length() == 0 ? "" : ", ").append(l.quantity()).append(" x ").append(l.sku());
        }
        out.printf("  %-14s %-10s %-17s -> %-16s status %-22s total %s%n", o.channel(), o.externalRef(), lines,
                r.outcome(), o.status(), o.total());
        return r;
    }

    private void heading(String text) {
        out.println();
        out.println(text);
    }

    private static PlaceOrderRequest.Builder home(Channel channel, String ref, String paymentRef) {
        return PlaceOrderRequest.builder().channel(channel).externalRef(ref).customer("customer-" + ref.hashCode())
                .currency("EUR").paymentRef(paymentRef)
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("Demo Customer", "Demo Street 1", null, "Berlin", "10115", "DE",
                                io.omskit.core.network.GeoPoint.of(52.53, 13.38)), null));
    }

    private static Money eur(double amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }

    /** What the demo did, for its test. */
    public static final class Results {
        public PlacementResult web;
        public PlacementResult declined;
        public PlacementResult retried;
        public PlacementResult reconciled;
        public PlacementResult outOfStock;
        public Order shipped;
        public int rushConfirmed;
        public int rushHeld;
        public List<DomainEvent> events = new ArrayList<>();
        public Order sourced;
        public Order resourced;
        public LocationId rejectedAt;
        public io.omskit.atp.ProductPromise productPage;
        public io.omskit.atp.ProductPromise soldOutPage;
        public io.omskit.atp.CartPromise cart;
        public Order shippedAfterRetry;
        public Order cancelledAfterRetry;
        public List<io.omskit.core.order.OrderId> sweep;
        public Order delivered;
        public Order collected;
        public Order transferCollected;
        public Order expired;
        public Order tracked;
        public List<io.omskit.core.spi.Notification> messages = new ArrayList<>();
        public io.omskit.core.transfer.Transfer restocked;
        public io.omskit.returns.rma.Return returned;
        public Order afterReturn;
        public CartHoldScene.Outcome cartHolds;
        /** Units per location of the fill-in-priority plan. */
        public Map<LocationId, Integer> prioritySplit;
        /** Units per location of the same order priced per shipment. */
        public Map<LocationId, Integer> shipmentPrioritySplit;
        public io.omskit.atp.PickupPoints pickupPoints;
        public io.omskit.reporting.measure.Report report;
        public java.nio.file.Path reportFile;
        public List<DomainEvent> reportedEvents = new ArrayList<>();
        public Order tendered;
        public io.omskit.reporting.funds.FundsBook funds;
        public io.omskit.reporting.funds.settlement.Reconciliation reconciliation;
        public List<Order> customerOrders = new ArrayList<>();
        public io.omskit.core.timeline.Timeline story;
        public io.omskit.core.permission.Verdict refusedCancel;
        public Order agentCancelled;
        public BackorderScene.Outcome backorders;
        /** Scene 22: an order's lines changed before the goods move. */
        public OrderEditScene.Outcome orderEdit;
        public StagedRoutingScene.Outcome stagedRouting;
        public CustomerChangeScene.Outcome customerChanges;
    }
}
