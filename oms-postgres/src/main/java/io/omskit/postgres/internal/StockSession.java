package io.omskit.postgres.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.network.LocationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The stock rows one transaction works on. {@link #lockSkus} locks the {@code inv_sku} rows of the SKUs the
 * transaction touches, in ascending SKU order; positions of those SKUs are then read and changed in memory and
 * written back by {@link #flush}, which keeps the SKU totals in step, raises alert-level events once per crossing
 * and collects every event for the outbox.
 *
 * <p>Every writer of a position holds its SKU's lock, so under READ COMMITTED the rows read after locking are the
 * latest committed ones and stay so until this transaction ends.
 */
public final class StockSession {

    private final Connection c;
    private final ThresholdPolicy thresholds;
    private final OutboxWriter outbox;
    private final Instant now;
    private final Map<String, SkuRow> skus = new LinkedHashMap<>();
    private final Map<String, PositionRow> positions = new LinkedHashMap<>();
    private final List<InventoryEvent> events = new ArrayList<>();

    public StockSession(Connection c, ThresholdPolicy thresholds, OutboxWriter outbox, Instant now) {
        this.c = c;
        this.outbox = outbox;
        this.thresholds = thresholds;
        this.now = now;
    }

    /** The transaction's connection. */
    public Connection connection() {
        return c;
    }

    /** The time of this change. */
    public Instant now() {
        return now;
    }

    /**
     * Locks the rows of {@code skuValues} in ascending order. With {@code create}, SKUs never seen get a row first;
     * without, they stay absent and count as holding nothing.
     */
    public void lockSkus(Collection<String> skuValues, boolean create) throws SQLException {
        String[] ordered = unlocked(skuValues);
        if (ordered.length == 0) {
            return;
        }
        if (create) {
            try (PreparedStatement ps = c.prepareStatement("insert into inv_sku (sku, level) select s, ? from unnest(?::text[]) as s"
                    + " order by s on conflict (sku) do nothing")) {
                ps.setString(1, StockLevel.OUT_OF_STOCK.name());
                Sql.setTextArray(ps, 2, ordered);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select " + LOCK_SKUS + " for update of k")) {
            Sql.setTextArray(ps, 1, ordered);
            try (ResultSet rs = ps.executeQuery()) {
                readLocked(rs, ordered, true);
            }
        }
    }

    /**
     * In one round trip, runs {@code prelude} (a data-modifying statement returning one row when it did its work,
     * such as an {@code INSERT ... ON CONFLICT DO NOTHING RETURNING 1} of an idempotency key) and, only if it did,
     * locks the rows of {@code skuValues} in ascending order.
     *
     * @param bind binds the prelude's parameters, which come first
     * @return whether the prelude did its work (if not, nothing was locked)
     */
    public boolean lockSkusAfter(String prelude, Binder bind, Collection<String> skuValues) throws SQLException {
        String[] ordered = unlocked(skuValues);
        try (PreparedStatement ps = c.prepareStatement("with pre as (" + prelude + ") select l.sku, l.network_reserved,"
                + " l.positions_ats, l.on_hand, l.level from pre left join lateral (select " + LOCK_SKUS
                + " for update of k) l on true")) {
            int next = bind.bind(ps);
            Sql.setTextArray(ps, next, ordered);
            try (ResultSet rs = ps.executeQuery()) {
                return readLocked(rs, ordered, false);
            }
        }
    }

    /**
     * The columns of the SKU rows of one text array parameter, in ascending order (the order rows are locked in): joined
     * to the array rather than "sku = any(?)", which PostgreSQL planned afresh on every call.
     */
    private static final String LOCK_SKUS = "k.sku, k.network_reserved, k.positions_ats, k.on_hand, k.level from inv_sku k"
            + " join unnest(?::text[]) as s(sku) on k.sku = s.sku order by k.sku";

    private String[] unlocked(Collection<String> skuValues) {
        TreeSet<String> sorted = new TreeSet<>(skuValues);
        sorted.removeAll(skus.keySet());
        return sorted.toArray(new String[0]);
    }

    /**
     * Reads locked SKU rows; SKUs without a row count as empty when the result had any row or {@code always}.
     * Returns whether the result had any row.
     */
    private boolean readLocked(ResultSet rs, String[] ordered, boolean always) throws SQLException {
        boolean any = false;
        while (rs.next()) {
            any = true;
            String sku = rs.getString(1);
            if (sku != null) {
                skus.put(sku, new SkuRow(sku, true, rs.getInt(2), rs.getInt(3), rs.getInt(4), StockLevel.valueOf(rs.getString(5))));
            }
        }
        if (!any && !always) {
            return false;
        }
        for (String s : ordered) {
            skus.computeIfAbsent(s, k -> new SkuRow(k, false, 0, 0, 0, StockLevel.OUT_OF_STOCK));
        }
        return any;
    }

    /** Binds the parameters of a statement from the first on; returns the index of the next parameter. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** The locked row of {@code sku}. @throws IllegalStateException when it was not locked first */
    public SkuRow sku(String sku) {
        SkuRow row = skus.get(sku);
        if (row == null) {
            throw new IllegalStateException("sku " + sku + " was not locked");
        }
        return row;
    }

    /**
     * Reads the positions of the given (sku, location) pairs (parallel arrays) whose SKUs are locked; absent
     * positions are empty.
     */
    public void loadPositions(String[] skuValues, String[] locations) throws SQLException {
        List<String> s = new ArrayList<>();
        List<String> l = new ArrayList<>();
        for (int i = 0; i < skuValues.length; i++) {
            if (!positions.containsKey(key(skuValues[i], locations[i]))) {
                sku(skuValues[i]);
                s.add(skuValues[i]);
                l.add(locations[i]);
            }
        }
        if (s.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select p.sku, p.location, p.on_hand, p.reserved, p.allocated, p.safety,"
                + " p.inbound, p.returns_in_transit, p.quarantine, p.level from inv_position p"
                + " join unnest(?::text[], ?::text[]) as k(sku, location) on p.sku = k.sku and p.location = k.location")) {
            Sql.setTextArray(ps, 1, s.toArray(new String[0]));
            Sql.setTextArray(ps, 2, l.toArray(new String[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PositionRow p = PositionRow.read(rs);
                    positions.put(key(p.sku, p.location), p);
                }
            }
        }
        for (int i = 0; i < s.size(); i++) {
            String k = key(s.get(i), l.get(i));
            if (!positions.containsKey(k)) {
                positions.put(k, PositionRow.empty(s.get(i), l.get(i)));
            }
        }
    }

    /** The position of a locked SKU at {@code location}, read first if needed. */
    public PositionRow position(String sku, String location) throws SQLException {
        PositionRow p = positions.get(key(sku, location));
        if (p == null) {
            loadPositions(new String[] {sku}, new String[] {location});
            p = positions.get(key(sku, location));
        }
        return p;
    }

    /**
     * Units of {@code sku} available to sell across the network right now, counting the in-memory changes to its
     * positions not yet flushed: sum of the positions' available to sell minus network-wide reservations. Negative
     * when network-wide reservations are no longer covered.
     */
    public int networkAvailableNow(String sku) {
        SkuRow row = sku(sku);
        int ats = row.positionsAts;
        for (PositionRow p : positions.values()) {
            if (p.sku.equals(sku)) {
                ats += p.availableToSell() - p.originalAts;
            }
        }
        return ats - row.networkReserved;
    }

    /** Queues an event for the outbox, after the ones queued before. */
    public void raise(InventoryEvent event) {
        events.add(event);
    }

    /**
     * Writes every changed position and SKU row and every event of the transaction to the outbox, in one statement,
     * raising first a {@link InventoryEvent.StockLevelChanged} for each position and each SKU whose alert level
     * changed. Events keep the order they were raised in.
     */
    public void flush() throws SQLException {
        flush(true);
    }

    /**
     * Like {@link #flush()}; without {@code raiseLevelEvents} alert levels are updated silently (bulk loads).
     */
    public void flush(boolean raiseLevelEvents) throws SQLException {
        List<PositionRow> changed = new ArrayList<>();
        for (PositionRow p : positions.values()) {
            SkuRow s = sku(p.sku);
            s.positionsAts += p.availableToSell() - p.originalAts;
            s.onHand += p.onHand - p.originalOnHand;
            p.originalAts = p.availableToSell();
            p.originalOnHand = p.onHand;
            StockLevel to = StockLevel.of(p.availableToSell(), p.onHand,
                    thresholds.thresholds(Sku.of(p.sku), LocationId.of(p.location)));
            if (to != p.level) {
                if (raiseLevelEvents) {
                    events.add(new InventoryEvent.StockLevelChanged(UUID.randomUUID(), now, Sku.of(p.sku),
                            LocationId.of(p.location), p.level, to, p.availableToSell()));
                }
                p.level = to;
            }
            if (p.isChanged()) {
                changed.add(p);
            }
        }
        List<SkuRow> changedSkus = new ArrayList<>();
        for (SkuRow s : skus.values()) {
            StockLevel to = StockLevel.of(s.networkAvailable(), s.onHand, thresholds.thresholds(Sku.of(s.sku), null));
            if (to != s.level) {
                if (raiseLevelEvents) {
                    events.add(new InventoryEvent.StockLevelChanged(UUID.randomUUID(), now, Sku.of(s.sku), null, s.level,
                            to, s.networkAvailable()));
                }
                s.level = to;
            }
            if (s.isChanged()) {
                if (!s.exists) {
                    throw new IllegalStateException("sku " + s.sku + " changed without a row");
                }
                changedSkus.add(s);
            }
        }
        if (changed.isEmpty() && changedSkus.isEmpty() && events.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("with ");
        if (!changed.isEmpty()) {
            sql.append("pos as (insert into inv_position (sku, location, on_hand, reserved, allocated, safety, inbound,"
                    + " returns_in_transit, quarantine, level) select * from unnest(?::text[], ?::text[], ?::int[], ?::int[],"
                    + " ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[]) on conflict (sku, location) do update"
                    + " set on_hand = excluded.on_hand, reserved = excluded.reserved, allocated = excluded.allocated,"
                    + " safety = excluded.safety, inbound = excluded.inbound, returns_in_transit = excluded.returns_in_transit,"
                    + " quarantine = excluded.quarantine, level = excluded.level returning 1), ");
        }
        if (!changedSkus.isEmpty()) {
            sql.append("sk as (update inv_sku k set network_reserved = u.nr, positions_ats = u.pa, on_hand = u.oh,"
                    + " level = u.lv from unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[]) as u(sku, nr, pa, oh, lv)"
                    + " where k.sku = u.sku returning 1), ");
        }
        if (!events.isEmpty()) {
            sql.append("ob as (").append(OutboxWriter.INSERT).append(" returning id), ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" select ").append(changed.isEmpty() ? "0" : "(select count(*) from pos)")
                .append(", ").append(changedSkus.isEmpty() ? "0" : "(select count(*) from sk)")
                .append(", ").append(events.isEmpty() ? "-1" : "(select id from ob)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (!changed.isEmpty()) {
                int n = changed.size();
                String[] skuCol = new String[n];
                String[] loc = new String[n];
                String[] level = new String[n];
                int[][] figures = new int[7][n];
                for (int k = 0; k < n; k++) {
                    PositionRow p = changed.get(k);
                    skuCol[k] = p.sku;
                    loc[k] = p.location;
                    level[k] = p.level.name();
                    figures[0][k] = p.onHand;
                    figures[1][k] = p.reserved;
                    figures[2][k] = p.allocated;
                    figures[3][k] = p.safety;
                    figures[4][k] = p.inbound;
                    figures[5][k] = p.returnsInTransit;
                    figures[6][k] = p.quarantine;
                }
                Sql.setTextArray(ps, i++, skuCol);
                Sql.setTextArray(ps, i++, loc);
                for (int[] f : figures) {
                    Sql.setIntArray(ps, i++, f);
                }
                Sql.setTextArray(ps, i++, level);
            }
            if (!changedSkus.isEmpty()) {
                int n = changedSkus.size();
                String[] skuCol = new String[n];
                String[] level = new String[n];
                int[] nr = new int[n];
                int[] pa = new int[n];
                int[] oh = new int[n];
                for (int k = 0; k < n; k++) {
                    SkuRow r = changedSkus.get(k);
                    skuCol[k] = r.sku;
                    level[k] = r.level.name();
                    nr[k] = r.networkReserved;
                    pa[k] = r.positionsAts;
                    oh[k] = r.onHand;
                }
                Sql.setTextArray(ps, i++, skuCol);
                Sql.setIntArray(ps, i++, nr);
                Sql.setIntArray(ps, i++, pa);
                Sql.setIntArray(ps, i++, oh);
                Sql.setTextArray(ps, i++, level);
            }
            if (!events.isEmpty()) {
                i = outbox.bind(ps, i, events);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!events.isEmpty()) {
                    outbox.written(rs.getLong(3), events);
                }
            }
        }
        for (PositionRow p : changed) {
            p.markWritten();
        }
        for (SkuRow r : changedSkus) {
            r.markWritten();
        }
        events.clear();
    }

    private static String key(String sku, String location) {
        return sku + '\u0000' + location;
    }

    /** The network-wide figures of one SKU, as locked. */
    public static final class SkuRow {
        final String sku;
        final boolean exists;
        /** Units held by active network-wide reservations. */
        public int networkReserved;
        int positionsAts;
        int onHand;
        StockLevel level;
        private int writtenNetworkReserved;
        private int writtenPositionsAts;
        private int writtenOnHand;
        private StockLevel writtenLevel;

        SkuRow(String sku, boolean exists, int networkReserved, int positionsAts, int onHand, StockLevel level) {
            this.sku = sku;
            this.exists = exists;
            this.networkReserved = networkReserved;
            this.positionsAts = positionsAts;
            this.onHand = onHand;
            this.level = level;
            markWritten();
        }

        /** Sum of the positions' available to sell minus network-wide reservations, as of the last flush. */
        public int networkAvailable() {
            return Math.max(0, positionsAts - networkReserved);
        }

        /** Whether the row exists in the database. */
        public boolean exists() {
            return exists;
        }

        boolean isChanged() {
            return networkReserved != writtenNetworkReserved || positionsAts != writtenPositionsAts || onHand != writtenOnHand
                    || level != writtenLevel;
        }

        void markWritten() {
            writtenNetworkReserved = networkReserved;
            writtenPositionsAts = positionsAts;
            writtenOnHand = onHand;
            writtenLevel = level;
        }
    }

    /** One position, changed in place by the operations and written back by {@link #flush}. */
    public static final class PositionRow {
        final String sku;
        final String location;
        public int onHand;
        public int reserved;
        public int allocated;
        public int safety;
        public int inbound;
        public int returnsInTransit;
        public int quarantine;
        StockLevel level;
        int originalAts;
        int originalOnHand;
        private int[] written;
        private StockLevel writtenLevel;
        private boolean stored = true;
        private boolean touched;

        private PositionRow(String sku, String location, StockLevel level) {
            this.sku = sku;
            this.location = location;
            this.level = level;
        }

        static PositionRow empty(String sku, String location) {
            PositionRow p = new PositionRow(sku, location, StockLevel.OUT_OF_STOCK);
            p.markWritten();
            p.stored = false;
            return p;
        }

        static PositionRow read(ResultSet rs) throws SQLException {
            PositionRow p = new PositionRow(rs.getString(1), rs.getString(2), StockLevel.valueOf(rs.getString(10)));
            p.onHand = rs.getInt(3);
            p.reserved = rs.getInt(4);
            p.allocated = rs.getInt(5);
            p.safety = rs.getInt(6);
            p.inbound = rs.getInt(7);
            p.returnsInTransit = rs.getInt(8);
            p.quarantine = rs.getInt(9);
            p.markWritten();
            return p;
        }

        /** Units that can still be promised here, never below zero. */
        public int availableToSell() {
            return Math.max(0, onHand - reserved - allocated - safety);
        }

        /** The position as the SPI shows it. */
        public StockPosition toPosition() {
            return new StockPosition(Sku.of(sku), LocationId.of(location), onHand, reserved, allocated, safety, inbound,
                    returnsInTransit, quarantine);
        }

        /** The location id. */
        public String location() {
            return location;
        }

        /** Makes {@link #flush} write the position even if no figure changed, so that it exists from now on. */
        public void touch() {
            touched = true;
        }

        boolean isChanged() {
            return (touched && !stored) || level != writtenLevel || written[0] != onHand || written[1] != reserved || written[2] != allocated
                    || written[3] != safety || written[4] != inbound || written[5] != returnsInTransit
                    || written[6] != quarantine;
        }

        void markWritten() {
            written = new int[] {onHand, reserved, allocated, safety, inbound, returnsInTransit, quarantine};
            writtenLevel = level;
            stored = true;
            touched = false;
            originalAts = availableToSell();
            originalOnHand = onHand;
        }

        void bind(PreparedStatement ps) throws SQLException {
            ps.setString(1, sku);
            ps.setString(2, location);
            ps.setInt(3, onHand);
            ps.setInt(4, reserved);
            ps.setInt(5, allocated);
            ps.setInt(6, safety);
            ps.setInt(7, inbound);
            ps.setInt(8, returnsInTransit);
            ps.setInt(9, quarantine);
            ps.setString(10, level.name());
        }
    }
}
