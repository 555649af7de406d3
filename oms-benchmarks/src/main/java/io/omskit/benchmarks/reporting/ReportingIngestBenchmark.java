package io.omskit.benchmarks.reporting;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
import io.omskit.reporting.projection.EventProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest into the reporting projections on one thread: events per second applied to an {@link EventProjection}. The
 * history is made in setup: {@value #ORDERS} orders of 1 to 3 lines from every channel, each placed, confirmed,
 * reserved, allocated to one or two fulfilments, shipped and mostly delivered, with status changes, stock reservations
 * and ledger entries, in the order a shop raises them (about 16 events an order, {@value #EVENTS} in all). Each invocation feeds the whole
 * history to a new projection; a second benchmark feeds it twice (every event a duplicate the second time), as an
 * at-least-once relay would. Run:
 * {@code java -jar oms-benchmarks/target/benchmarks.jar ReportingIngestBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReportingIngestBenchmark {

    static final int ORDERS = 20_000;
    /** Events in the history made by {@link #history}; checked in setup. */
    static final int EVENTS = 331_052;

    private List<DomainEvent> history;
    private EventProjection projection;

    @Setup(Level.Trial)
    public void makeHistory() {
        history = history(new Random(42), ORDERS);
        if (history.size() != EVENTS) {
            throw new IllegalStateException("history has " + history.size() + " events, the benchmark counts " + EVENTS);
        }
    }

    @Setup(Level.Invocation)
    public void newProjection() {
        projection = new EventProjection();
    }

    /** Applies every event of the history once. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int ingest() {
        return projection.ingestAll(history);
    }

    /** Applies the history twice: the second pass is all duplicates. */
    @Benchmark
    @OperationsPerInvocation(2 * EVENTS)
    public int ingestWithEveryEventTwice() {
        return projection.ingestAll(history) + projection.ingestAll(history);
    }

    /** A shop's history of {@code orders} orders, about 16 events each. */
    public static List<DomainEvent> history(Random random, int orders) {
        String[] skus = new String[400];
        for (int i = 0; i < skus.length; i++) {
            skus[i] = "SKU-" + i;
        }
        LocationId[] locations = {LocationId.of("WH-1"), LocationId.of("WH-2"), LocationId.of("ST-1"), LocationId.of("ST-2"),
                LocationId.of("ST-3")};
        Channel[] channels = Channel.values();
        CurrencyUnit eur = CurrencyUnit.EUR;
        Address address = new Address("A Customer", "Street 1", "", "Berlin", "10115", "DE", null);
        Instant start = Instant.parse("2026-01-01T06:00:00Z");
        List<DomainEvent> events = new ArrayList<>(orders * 16);
        long ids = 0;
        for (int o = 0; o < orders; o++) {
            Instant placed = start.plusSeconds(o * 120L + random.nextInt(60));
            PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(channels[random.nextInt(channels.length)])
                    .externalRef("EXT-" + o).customer("c-" + random.nextInt(5_000)).currency(eur)
                    .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address,
                            new DeliveryWindow(placed, placed.plus(Duration.ofDays(2 + random.nextInt(3))))))
                    .paymentRef("tok");
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                b.line(String.valueOf(l + 1), skus[random.nextInt(skus.length)], 1 + random.nextInt(3),
                        Money.ofMinor(eur, 500 + random.nextInt(10_000)));
            }
            OrderId id = OrderId.of("O-" + o);
            Order order = Order.place(id, b.build(), placed).state();
            long v = 1;
            events.add(new OrderEvent.OrderPlaced(new UUID(1, ++ids), id, v, placed, order));
            for (OrderLine l : order.lines()) {
                events.add(new InventoryEvent.StockReserved(new UUID(1, ++ids), placed, l.sku(), ReservationKey.of("r-" + o),
                        List.of(ReservationLine.anywhere(l.sku(), l.quantity()))));
            }
            v++;
            Instant confirmed = placed.plusSeconds(2);
            events.add(new OrderEvent.OrderConfirmed(new UUID(1, ++ids), id, v, confirmed));
            events.add(new OrderEvent.OrderStatusChanged(new UUID(1, ++ids), id, v, confirmed, OrderStatus.AWAITING_CONFIRMATION,
                    OrderStatus.CONFIRMED));
            int parts = lines > 1 && random.nextBoolean() ? 2 : 1;
            for (int p = 0; p < parts; p++) {
                FulfilmentId f = FulfilmentId.of("F-" + o + "-" + p);
                LocationId at = locations[random.nextInt(locations.length)];
                List<FulfilmentLine> fl = new ArrayList<>();
                List<UnitMove> moves = new ArrayList<>();
                for (int l = p; l < lines; l += parts) {
                    OrderLine line = order.lines().get(l);
                    fl.add(FulfilmentLine.of(line.id(), line.sku(), line.quantity()));
                    moves.add(new UnitMove(line.id(), UnitState.RESERVED, UnitState.ALLOCATED, line.quantity()));
                }
                Instant offered = confirmed.plusSeconds(30 + random.nextInt(600));
                v++;
                events.add(new OrderEvent.OrderUnitsAllocated(new UUID(1, ++ids), id, v, offered, moves, f.value()));
                events.add(new FulfilmentEvent.FulfilmentOffered(new UUID(1, ++ids), f, id, 1, offered, FulfilmentKind.SHIP_TO_CUSTOMER,
                        at, null, fl));
                events.add(new FulfilmentEvent.FulfilmentAccepted(new UUID(1, ++ids), f, id, 2, offered.plusSeconds(600)));
                Instant shipped = offered.plusSeconds(3_600 + random.nextInt(48 * 3_600));
                events.add(new FulfilmentEvent.FulfilmentShipped(new UUID(1, ++ids), f, id, 3, shipped,
                        ShipmentDetails.of("S-" + f.value(), "DHL", "T-" + f.value())));
                for (FulfilmentLine line : fl) {
                    events.add(new InventoryEvent.StockMoved(new UUID(1, ++ids), shipped, line.sku(), StockMovement.of(
                            MovementKey.of("m-" + f.value() + "-" + line.line().value()), line.sku(), at, MovementReason.SHIPMENT,
                            line.quantity(), shipped, f.value())));
                }
                if (random.nextInt(10) > 0) {
                    events.add(new FulfilmentEvent.FulfilmentDelivered(new UUID(1, ++ids), f, id, 4,
                            shipped.plusSeconds(20 * 3_600 + random.nextInt(48 * 3_600)), "signed"));
                }
            }
            for (OrderLine l : order.lines()) {
                events.add(new InventoryEvent.ReservationReleased(new UUID(1, ++ids), confirmed, l.sku(), ReservationKey.of("r-" + o),
                        List.of(ReservationLine.anywhere(l.sku(), l.quantity())), ReservationStatus.CONSUMED));
            }
            v++;
            events.add(new OrderEvent.OrderStatusChanged(new UUID(1, ++ids), id, v, placed.plusSeconds(3_600),
                    OrderStatus.CONFIRMED, OrderStatus.SHIPPED));
        }
        return List.copyOf(events);
    }

    /**
     * Prints the size of the history (for checking {@link #EVENTS}) and the thread CPU time of a few passes, a figure
     * that holds on a machine shared with other work.
     */
    public static void main(String[] args) {
        List<DomainEvent> h = history(new Random(42), ORDERS);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= 8; pass++) {
            EventProjection p = new EventProjection();
            long t0 = cpu.getCurrentThreadCpuTime();
            p.ingestAll(h);
            long t1 = cpu.getCurrentThreadCpuTime();
            System.out.printf("%d events, pass %d: %d ms of CPU, %.0f events/s of CPU%n", h.size(), pass, (t1 - t0) / 1_000_000,
                    h.size() * 1e9 / (t1 - t0));
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        EventProjection kept = new EventProjection();
        kept.ingestAll(h);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("retained by the projection: about %d bytes per order (with its fulfilments and ledger entries)%n",
                (after - before) / ORDERS);
        if (kept.orders().isEmpty()) {
            throw new IllegalStateException("nothing projected");
        }
    }
}
