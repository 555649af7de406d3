package io.omskit.reporting.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.reporting.Reporting;
import io.omskit.reporting.measure.Backlog;
import io.omskit.reporting.projection.EventProjection;
import io.omskit.reporting.projection.FulfilmentFacts;
import io.omskit.reporting.projection.OrderFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes live figures of the order flow to a Micrometer registry, from the events the reports receive (each event
 * counted once, however often it arrives):
 * <ul>
 * <li>{@code oms.placements} (counter, tag {@code outcome}): {@code placed} per {@code OrderPlaced}, {@code confirmed}
 *     per {@code OrderConfirmed}, {@code on_hold} per {@code OrderPutOnHold} (tag {@code reason} too);</li>
 * <li>{@code oms.sourcing.time} (timer): from an order's placement to its first allocation to a fulfilment;</li>
 * <li>{@code oms.fulfilment.time} (timer, tag {@code leg}): from placement to shipped, or to ready for pickup;</li>
 * <li>{@code oms.reservations} (counter, tag {@code event} {@code reserved} or {@code released}) and
 *     {@code oms.reservations.held} (gauge): stock held per reservation key and SKU;</li>
 * <li>{@code oms.payments.pending} (gauge): orders awaiting confirmation of their payment;</li>
 * <li>{@code oms.fulfilments.waiting} (gauge, tag {@code location}): fulfilments offered and not yet shipped, ready,
 *     refused or cancelled, per location, and orders waiting to be sourced under {@code "(not sourced)"}; read at most
 *     once a second;</li>
 * <li>{@code oms.orders.awaiting-stock} (gauge, tag {@code location}): orders with units sold beyond stock and not yet
 *     filled nor cancelled, at the location their supply arrives at; read at most once a second.</li>
 * </ul>
 * Create it before events arrive and bind it to one registry; events applied before it was bound are not counted.
 */
public final class ReportingMetrics implements MeterBinder {

    private final Reporting reporting;
    private volatile MeterRegistry registry;
    private final Set<String> locations = ConcurrentHashMap.newKeySet();
    private final Set<String> stockLocations = ConcurrentHashMap.newKeySet();
    private volatile Waiting waiting = new Waiting(Instant.MIN, Map.of(), Map.of());

    /** The backlog's figures as last read: waiting per location, and orders awaiting stock per location. */
    private record Waiting(Instant at, Map<String, Long> atLocations, Map<String, Long> forStock) {
    }

    /** Metrics of {@code reporting}'s events from now on. */
    public ReportingMetrics(Reporting reporting) {
        this.reporting = Checks.notNull(reporting, "reporting");
        reporting.projection().subscribe(this::observe);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Checks.notNull(registry, "registry");
        this.registry = registry;
        EventProjection projection = reporting.projection();
        Gauge.builder("oms.reservations.held", projection, EventProjection::reservationsHeld)
                .description("Stock reservations held now").register(registry);
        Gauge.builder("oms.payments.pending", projection, ReportingMetrics::pendingPayments)
                .description("Orders awaiting confirmation of their payment").register(registry);
        waitingGauge(Backlog.NOT_SOURCED);
        for (String location : projection.read(ReportingMetrics::locationsOf)) {
            waitingGauge(location);
        }
        for (Backlog b : reporting.measures().backlog(reporting.measures().clock().instant())) {
            if (b.queue() == Backlog.Queue.AWAITING_STOCK) {
                awaitingGauge(b.location());
            }
        }
    }

    private static Set<String> locationsOf(EventProjection p) {
        Set<String> out = new java.util.TreeSet<>();
        for (FulfilmentFacts f : p.fulfilments()) {
            if (f.isOffered()) {
                out.add(f.location().value());
            }
        }
        return out;
    }

    private static double pendingPayments(EventProjection projection) {
        return projection.read(p -> {
            long n = 0;
            for (OrderFacts o : p.orders()) {
                if (o.status() == OrderStatus.AWAITING_CONFIRMATION) {
                    n++;
                }
            }
            return (double) n;
        });
    }

    private void waitingGauge(String location) {
        MeterRegistry r = registry;
        if (r != null && locations.add(location)) {
            Gauge.builder("oms.fulfilments.waiting", this, m -> m.waiting(location)).tag("location", location)
                    .description("Fulfilments waiting at a location").register(r);
        }
    }

    private void awaitingGauge(String location) {
        MeterRegistry r = registry;
        if (r != null && stockLocations.add(location)) {
            Gauge.builder("oms.orders.awaiting-stock", this, m -> m.awaitingStock(location)).tag("location", location)
                    .description("Orders waiting for inbound stock at a location").register(r);
        }
    }

    private double waiting(String location) {
        return current().atLocations().getOrDefault(location, 0L);
    }

    private double awaitingStock(String location) {
        return current().forStock().getOrDefault(location, 0L);
    }

    private Waiting current() {
        Instant now = reporting.measures().clock().instant();
        Waiting last = waiting;
        if (Duration.between(last.at(), now).compareTo(Duration.ofSeconds(1)) >= 0 || now.isBefore(last.at())) {
            Map<String, Long> atLocations = new HashMap<>();
            Map<String, Long> forStock = new HashMap<>();
            for (Backlog b : reporting.measures().backlog(now)) {
                (b.queue() == Backlog.Queue.AWAITING_STOCK ? forStock : atLocations).put(b.location(), b.waiting());
            }
            last = new Waiting(now, atLocations, forStock);
            waiting = last;
        }
        return last;
    }

    /** Forgets the cached waiting figures, so that the next read computes them. */
    void refresh() {
        waiting = new Waiting(Instant.MIN, Map.of(), Map.of());
    }

    private void observe(DomainEvent event) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        if (event instanceof OrderEvent.OrderPlaced) {
            Counter.builder("oms.placements").tag("outcome", "placed").register(r).increment();
            OrderFacts o = reporting.projection().order(((OrderEvent.OrderPlaced) event).orderId());
            if (o != null && o.firstAllocatedAt() != null) {
                sourcing(r, o);
            }
        } else if (event instanceof OrderEvent.OrderConfirmed) {
            Counter.builder("oms.placements").tag("outcome", "confirmed").register(r).increment();
        } else if (event instanceof OrderEvent.OrderPutOnHold) {
            Counter.builder("oms.placements").tag("outcome", "on_hold")
                    .tag("reason", ((OrderEvent.OrderPutOnHold) event).hold().reason().name()).register(r).increment();
        } else if (event instanceof OrderEvent.OrderUnitsAllocated) {
            OrderFacts o = reporting.projection().order(((OrderEvent) event).orderId());
            if (o != null && o.isPlaced()) {
                sourcing(r, o);
            }
        } else if (event instanceof OrderEvent.OrderUnitsBackordered) {
            awaitingGauge(((OrderEvent.OrderUnitsBackordered) event).reference());
        } else if (event instanceof FulfilmentEvent.FulfilmentOffered) {
            waitingGauge(((FulfilmentEvent.FulfilmentOffered) event).location().value());
        } else if (event instanceof FulfilmentEvent.FulfilmentShipped || event instanceof FulfilmentEvent.FulfilmentPacked
                || event instanceof FulfilmentEvent.FulfilmentArrivedAtStore) {
            fulfilled(r, (FulfilmentEvent) event);
        } else if (event instanceof InventoryEvent.StockReserved) {
            Counter.builder("oms.reservations").tag("event", "reserved").register(r).increment();
        } else if (event instanceof InventoryEvent.ReservationReleased) {
            Counter.builder("oms.reservations").tag("event", "released").register(r).increment();
        }
    }

    private static void sourcing(MeterRegistry r, OrderFacts o) {
        Timer.builder("oms.sourcing.time").description("From placement to the first allocation").register(r)
                .record(Duration.between(o.placedAt(), o.firstAllocatedAt()).abs());
    }

    private void fulfilled(MeterRegistry r, FulfilmentEvent event) {
        EventProjection p = reporting.projection();
        FulfilmentFacts f = p.fulfilment(event.fulfilmentId());
        if (f == null || f.fulfilledAt() == null || !f.fulfilledAt().equals(event.occurredAt())) {
            return;
        }
        OrderFacts o = p.order(f.orderId());
        if (o == null || !o.isPlaced()) {
            return;
        }
        Timer.builder("oms.fulfilment.time").tag("leg", f.isHomeDelivery() ? "placed_to_shipped" : "placed_to_ready_for_pickup")
                .register(r).record(Duration.between(o.placedAt(), f.fulfilledAt()).abs());
    }
}
