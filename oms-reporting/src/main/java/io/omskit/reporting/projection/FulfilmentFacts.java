package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reports know of one fulfilment: where it was offered, with which units, and when it passed each step. Each
 * time is the earliest the events reported, so a duplicate or late event changes nothing.
 */
public final class FulfilmentFacts {

    /** Units of an order line a fulfilment was offered. */
    public record OfferedLine(LineId line, Sku sku, int quantity) {
    }

    /**
     * Units refused by the location or cancelled, by one event.
     *
     * @param at     when
     * @param units  per line
     * @param reason the location's words for a rejection, the cancellation reason's name for a cancellation
     * @param whole  whether nothing was left to fulfil after it
     */
    public record Removal(Instant at, List<LineQuantity> units, String reason, boolean whole) {
        /** Units removed over every line. */
        public int total() {
            int n = 0;
            for (LineQuantity q : units) {
                n += q.quantity();
            }
            return n;
        }
    }

    private final FulfilmentId id;
    private OrderId orderId;
    private FulfilmentKind kind;
    private LocationId location;
    private List<OfferedLine> lines = List.of();
    private Instant offeredAt;
    private Instant readyForCollectionAt;
    private Instant shippedAt;
    private Instant deliveredAt;
    private Instant collectedAt;
    private Instant expiredAt;
    private final Map<Long, Removal> rejections = new TreeMap<>();
    private final Map<Long, Removal> cancellations = new TreeMap<>();

    FulfilmentFacts(FulfilmentId id) {
        this.id = id;
    }

    /** The fulfilment. */
    public FulfilmentId id() {
        return id;
    }

    /** Whether its offer is known; until then order, kind, location and lines are null or empty. */
    public boolean isOffered() {
        return offeredAt != null;
    }

    /** The order it belongs to; null until offered. */
    public OrderId orderId() {
        return orderId;
    }

    /** What kind of fulfilment it is; null until offered. */
    public FulfilmentKind kind() {
        return kind;
    }

    /** The location it was offered to; null until offered. */
    public LocationId location() {
        return location;
    }

    /** The units it was offered; empty until offered. */
    public List<OfferedLine> lines() {
        return lines;
    }

    /** When it was offered to its location ({@code FulfilmentOffered}). */
    public Instant offeredAt() {
        return offeredAt;
    }

    /**
     * When its units were ready for the customer to collect: packed as ready for collection in the store itself
     * ({@code FulfilmentPacked}), or arrived at the pickup store after a transfer ({@code FulfilmentArrivedAtStore});
     * null before.
     */
    public Instant readyForCollectionAt() {
        return readyForCollectionAt;
    }

    /** When it was handed to the carrier ({@code FulfilmentShipped}); null before. */
    public Instant shippedAt() {
        return shippedAt;
    }

    /** When the carrier delivered it ({@code FulfilmentDelivered}); null before. */
    public Instant deliveredAt() {
        return deliveredAt;
    }

    /** When the customer collected it ({@code FulfilmentCollected}); null before. */
    public Instant collectedAt() {
        return collectedAt;
    }

    /** When it expired uncollected ({@code FulfilmentExpired}); null when it did not. */
    public Instant expiredAt() {
        return expiredAt;
    }

    /** The location's refusals of its units, oldest version first. */
    public Collection<Removal> rejections() {
        return Collections.unmodifiableCollection(rejections.values());
    }

    /** Its cancellations, oldest version first. */
    public Collection<Removal> cancellations() {
        return Collections.unmodifiableCollection(cancellations.values());
    }

    /** Whether it goes to the customer's address (shipped to the customer or drop-shipped), not collected in store. */
    public boolean isHomeDelivery() {
        return kind != null && !kind.isCollected();
    }

    /** Units offered over every line. */
    public int unitsOffered() {
        int n = 0;
        for (OfferedLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** Units of {@code line} offered less those rejected or cancelled: what went, or goes, to the customer. */
    public int unitsKept(LineId line) {
        int n = 0;
        for (OfferedLine l : lines) {
            if (l.line().equals(line)) {
                n += l.quantity();
            }
        }
        return n - removed(rejections.values(), line) - removed(cancellations.values(), line);
    }

    /** Units offered less those rejected or cancelled, over every line. */
    public int unitsKept() {
        int n = unitsOffered();
        for (Removal r : rejections.values()) {
            n -= r.total();
        }
        for (Removal r : cancellations.values()) {
            n -= r.total();
        }
        return Math.max(0, n);
    }

    /**
     * When its units reached the point the measures count as fulfilled: handed to the carrier for a home delivery,
     * ready for collection for a collection; null before (or when nothing was left to hand over).
     */
    public Instant fulfilledAt() {
        if (kind == null) {
            return null;
        }
        return kind.isCollected() ? readyForCollectionAt : shippedAt;
    }

    /** When its units reached the customer: delivered or collected; null before. */
    public Instant handedOverAt() {
        if (kind == null) {
            return null;
        }
        return kind.isCollected() ? collectedAt : deliveredAt;
    }

    /** Whether it is finished: fulfilled, or every unit rejected or cancelled. */
    public boolean isClosed() {
        return fulfilledAt() != null || expiredAt != null || (isOffered() && unitsKept() == 0)
                || rejections.values().stream().anyMatch(Removal::whole)
                || cancellations.values().stream().anyMatch(Removal::whole);
    }

    private static int removed(Collection<Removal> removals, LineId line) {
        int n = 0;
        for (Removal r : removals) {
            for (LineQuantity q : r.units()) {
                if (q.line().equals(line)) {
                    n += q.quantity();
                }
            }
        }
        return n;
    }

    boolean offer(OrderId orderId, FulfilmentKind kind, LocationId location, List<OfferedLine> lines, Instant at) {
        if (offeredAt != null) {
            return false;
        }
        this.orderId = orderId;
        this.kind = kind;
        this.location = location;
        this.lines = List.copyOf(lines);
        this.offeredAt = at;
        return true;
    }

    boolean readyForCollection(Instant at) {
        boolean first = readyForCollectionAt == null;
        readyForCollectionAt = earliest(readyForCollectionAt, at);
        return first;
    }

    boolean shipped(Instant at) {
        boolean first = shippedAt == null;
        shippedAt = earliest(shippedAt, at);
        return first;
    }

    boolean delivered(Instant at) {
        boolean first = deliveredAt == null;
        deliveredAt = earliest(deliveredAt, at);
        return first;
    }

    boolean collected(Instant at) {
        boolean first = collectedAt == null;
        collectedAt = earliest(collectedAt, at);
        return first;
    }

    boolean expired(Instant at) {
        boolean first = expiredAt == null;
        expiredAt = earliest(expiredAt, at);
        return first;
    }

    boolean rejected(long version, Removal removal) {
        return rejections.putIfAbsent(version, removal) == null;
    }

    boolean cancelled(long version, Removal removal) {
        return cancellations.putIfAbsent(version, removal) == null;
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
