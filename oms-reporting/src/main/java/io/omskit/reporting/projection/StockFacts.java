package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the reports know of the stock of one SKU at one location: its ledger entries (each once, by its key) and its
 * alert levels over time.
 */
public final class StockFacts {

    /**
     * One ledger entry.
     *
     * @param at          when it was recorded
     * @param reason      why stock moved
     * @param quantity    units moved
     * @param onHandDelta change of on hand
     */
    public record Entry(Instant at, MovementReason reason, int quantity, int onHandDelta) {
    }

    /** An alert level from an instant on; {@code eventId} orders two changes at the same instant. */
    record LevelKey(Instant at, UUID eventId) implements Comparable<LevelKey> {
        @Override
        public int compareTo(LevelKey o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : eventId.compareTo(o.eventId);
        }
    }

    private final Sku sku;
    private final LocationId location;
    private final Map<String, Entry> entries = new HashMap<>();
    private final NavigableMap<LevelKey, StockLevel> levels = new TreeMap<>();

    StockFacts(Sku sku, LocationId location) {
        this.sku = sku;
        this.location = location;
    }

    /** The SKU. */
    public Sku sku() {
        return sku;
    }

    /** The location; null for the network as a whole (alert levels only). */
    public LocationId location() {
        return location;
    }

    /** Every ledger entry, in no particular order. */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** On hand after every entry recorded at or before {@code at}. */
    public int onHandAt(Instant at) {
        int n = 0;
        for (Entry e : entries.values()) {
            if (!e.at().isAfter(at)) {
                n += e.onHandDelta();
            }
        }
        return n;
    }

    /**
     * How long the position (or network) was out of stock between {@code from} and {@code to}, following its alert
     * levels: in stock before the first alert, then as each alert says.
     */
    public java.time.Duration outOfStockBetween(Instant from, Instant to) {
        long millis = 0;
        Instant since = null;
        for (Map.Entry<LevelKey, StockLevel> change : levels.entrySet()) {
            Instant at = change.getKey().at();
            boolean out = change.getValue() == StockLevel.OUT_OF_STOCK;
            if (out && since == null) {
                since = at;
            } else if (!out && since != null) {
                millis += overlap(since, at, from, to);
                since = null;
            }
        }
        if (since != null) {
            millis += overlap(since, to, from, to);
        }
        return java.time.Duration.ofMillis(millis);
    }

    /** Whether it was out of stock at {@code at}, following its alert levels. */
    public boolean isOutOfStockAt(Instant at) {
        Map.Entry<LevelKey, StockLevel> last = levels.floorEntry(new LevelKey(at, new UUID(Long.MAX_VALUE, Long.MAX_VALUE)));
        return last != null && last.getValue() == StockLevel.OUT_OF_STOCK;
    }

    /** Whether any alert level was recorded. */
    public boolean hasLevels() {
        return !levels.isEmpty();
    }

    private static long overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(to) ? b : to;
        return end.isAfter(start) ? end.toEpochMilli() - start.toEpochMilli() : 0;
    }

    boolean entry(String key, Entry entry) {
        return entries.putIfAbsent(key, entry) == null;
    }

    boolean level(Instant at, UUID eventId, StockLevel to) {
        return levels.putIfAbsent(new LevelKey(at, eventId), to) == null;
    }
}
