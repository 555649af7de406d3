package io.omskit.postgres;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.SpiException;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.postgres.internal.AllocationRows;
import io.omskit.postgres.internal.Holders;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.LedgerRows;
import io.omskit.postgres.internal.Lines;
import io.omskit.postgres.internal.OutboxWriter;
import io.omskit.postgres.internal.ReservationRows;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.StockAudit;
import io.omskit.postgres.internal.StockSession;
import io.omskit.postgres.internal.StockSession.PositionRow;
import io.omskit.postgres.internal.StockSession.SkuRow;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.UUID;

/**
 * An {@link InventoryStore} on PostgreSQL, safe for many application nodes sharing one database.
 *
 * <p><b>Concurrency.</b> Every change to the stock of a SKU runs in one READ COMMITTED transaction that first locks
 * the SKU's row in {@code inv_sku} ({@code SELECT ... FOR UPDATE}); a change touching several SKUs locks them in
 * ascending SKU order, so two multi-line carts wait for each other instead of deadlocking, and changes to different
 * SKUs never wait at all (there is no global lock). Checks and updates of positions and of the network-wide figures
 * happen under those locks, so no update is lost and nothing is oversold; the table constraints
 * ({@code on_hand >= reserved + allocated}, no negative bucket) back this up. A transaction PostgreSQL still aborts
 * (serialization failure 40001, deadlock 40P01) is retried a bounded number of times.
 *
 * <p><b>Idempotency.</b> Reservation, allocation and movement keys are primary or unique keys; a request inserts its
 * row first ({@code ON CONFLICT DO NOTHING}), so of two concurrent requests with one key, one does the work and the
 * other returns its result. A refused request (not enough stock, refused adjustment) rolls back and leaves no row.
 *
 * <p><b>Events</b> are written to the {@code oms_outbox} table in the transaction of the change and published by an
 * {@link OutboxRelay}; {@link Builder#afterCommit} lets the store nudge the relay after each change.
 *
 * <p><b>Expiry.</b> A hold lapses at its expiry: every operation, reads included, first looks (one indexed query) for
 * active reservations whose expiry has come and expires them, waiting for any another transaction is expiring, so a
 * lapsed hold never counts. {@link #expireReservations(Instant)} tidies up the holds nothing touched since they
 * lapsed (every few seconds or minutes, from one or more nodes); concurrent sweeps skip the reservations another one
 * is expiring ({@code FOR UPDATE SKIP LOCKED}), so each reservation is expired once.
 *
 * <p><b>Changes in place</b> ({@link #change}) lock the reservation's row, then its SKUs, and remember the last
 * {@value io.omskit.core.inventory.ReservationChange#REMEMBERED_CHANGES} change keys in the row.
 *
 * <p>Instants are kept at the precision of {@code timestamptz} (microseconds). Database failures surface as
 * {@link SpiException} with nothing changed. Thread-safe.
 */
public final class PostgresInventoryStore implements InventoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresInventoryStore.class);

    private static final int EXPIRY_BATCH = 100;
    private static final java.util.Comparator<ReservationLine> LINE_ORDER = java.util.Comparator
            .comparing((ReservationLine l) -> l.sku().value())
            .thenComparing(l -> l.location() == null ? "" : "@" + l.location().value());
    private static final java.util.Comparator<AllocationLine> ALLOCATION_LINE_ORDER = java.util.Comparator
            .comparing((AllocationLine l) -> l.sku().value()).thenComparing(l -> l.location().value());

    private final Transactions tx;
    private final Clock clock;
    private final ThresholdPolicy thresholds;
    private final OutboxWriter outbox;
    private final Runnable afterCommit;

    private PostgresInventoryStore(Builder b) {
        this.tx = new Transactions(b.dataSource, b.maxAttempts);
        this.clock = b.clock;
        this.thresholds = b.thresholds;
        this.outbox = new OutboxWriter(new JsonCodec(b.module), b.handoff);
        this.afterCommit = b.afterCommit;
    }

    /** Starts building a store on {@code dataSource}, whose schema {@link PostgresSchema#migrate} has created. */
    public static Builder builder(javax.sql.DataSource dataSource) {
        return new Builder(dataSource);
    }

    // ---- reservations ----

    @Override
    public ReservationResult reserve(ReservationRequest request) {
        Checks.notNull(request, "request");
        Instant now = Sql.micros(clock.instant());
        Reservation reservation = new Reservation(request.key(), request.reference(), request.lines(),
                Lines.mergeReservationLines(request.lines()), ReservationStatus.ACTIVE, now, Sql.micros(request.expiresAt()));
        // the fast path looks for lapsed holds itself and declines when any is due
        ReservationResult fast = request.drawsOn() != null ? null
                : tx.autoCommit("reserve " + request.key(), c -> tryReserve(c, request, reservation, now));
        ReservationResult result = fast;
        if (fast == null) {
            lapse(now, "reserve " + request.key());
            result = tx.inTransaction("reserve " + request.key(), c -> reserveLocked(c, request, reservation, now));
        }
        if (result.isReserved() && !((ReservationResult.Reserved) result).replayed()) {
            afterCommit.run();
        } else if (result instanceof ReservationResult.Insufficient insufficient) {
            LOG.debug("reservation {} refused: {}", request.key(), insufficient.shortages());
        }
        return result;
    }

    /**
     * The fast path: one statement in auto-commit mode, the {@code inv_try_reserve} database function (see
     * V3__reserve_function.sql and V17__reserve_function_checks_lapsed_holds.sql), which commits a reservation that
     * fits and moves no alert level while no hold is due.
     *
     * @return the result, or null when the transactional path must decide (a hold is due, a line does not fit, an alert
     *         level changes, or PostgreSQL aborted the statement for a concurrent one); nothing was written then
     */
    private ReservationResult tryReserve(Connection c, ReservationRequest request, Reservation reservation, Instant now)
            throws SQLException {
        List<ReservationLine> held = reservation.held();
        HeldFigures f = new HeldFigures(held, thresholds);
        List<InventoryEvent> events = new ArrayList<>();
        for (String sku : Lines.skusOfReservation(held)) {
            events.add(new InventoryEvent.StockReserved(UUID.randomUUID(), now, Sku.of(sku), request.key(), linesOf(held, sku)));
        }
        try (PreparedStatement ps = c.prepareStatement("select inv_try_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::json)")) {
            ps.setString(1, reservation.key().value());
            ps.setString(2, reservation.reference());
            Sql.setInstant(ps, 3, reservation.createdAt());
            Sql.setInstant(ps, 4, reservation.expiresAt());
            Lines.bindReservationLines(c, ps, 5, reservation.requested());
            Lines.bindReservationLines(c, ps, 8, held);
            Sql.setTextArray(ps, 11, f.skus);
            Sql.setIntArray(ps, 12, f.network);
            Sql.setIntArray(ps, 13, f.pinned);
            Sql.setIntArray(ps, 14, f.total);
            f.bindThresholds(c, ps, 15);
            outbox.bind(ps, 19, events);
            String answer = callFastPath(ps, "inv_try_reserve");
            if (answer == null) {
                return null;
            }
            if ("replay".equals(answer)) {
                return replay(c, request, held);
            }
            // 'reserved:<outbox row id>' (V17)
            int colon = answer.indexOf(':');
            if (colon > 0) {
                outbox.written(Long.parseLong(answer.substring(colon + 1)), events);
            }
            return new ReservationResult.Reserved(reservation, false);
        }
    }

    /**
     * Runs a one-statement fast path prepared in {@code ps}.
     *
     * @return the function's answer, or null when it declined (raised an error naming {@code function}) or
     *         PostgreSQL aborted it for a concurrent transaction; nothing was written then
     */
    private static String callFastPath(PreparedStatement ps, String function) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            boolean declined = "P0001".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(function + ":");
            if (declined || Transactions.isTransientConflict(e)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The fast path of a full release: reads the reservation, then one statement in auto-commit mode, the
     * {@code inv_try_release} database function (see V4__release_function.sql), which gives back what it holds if it
     * is still active and unchanged, and no alert level moves.
     *
     * @return the reservation as it is now (empty when unknown, unchanged when no longer active) and whether this
     *         call released it, or null when the transactional path must decide; nothing was written then
     */
    private Changed<Optional<Reservation>> tryRelease(Connection c, ReservationKey key) throws SQLException {
        Optional<Reservation> found = ReservationRows.find(c, key, false);
        if (found.isEmpty() || !found.get().isActive()) {
            return new Changed<>(found, false);
        }
        Reservation r = found.get();
        List<ReservationLine> held = r.held();
        Instant now = Sql.micros(clock.instant());
        HeldFigures f = new HeldFigures(held, thresholds);
        List<InventoryEvent> events = new ArrayList<>(f.skus.length);
        for (String sku : f.skus) {
            events.add(new InventoryEvent.ReservationReleased(UUID.randomUUID(), now, Sku.of(sku), key, linesOf(held, sku),
                    ReservationStatus.RELEASED));
        }
        try (PreparedStatement ps = c.prepareStatement("select inv_try_release(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?::timestamptz, ?::json)")) {
            ps.setString(1, key.value());
            Lines.bindReservationLines(c, ps, 2, held);
            Sql.setTextArray(ps, 5, f.skus);
            f.bindThresholds(c, ps, 6);
            outbox.bind(ps, 10, events);
            if (!"released".equals(callFastPath(ps, "inv_try_release"))) {
                return null;
            }
            return new Changed<>(Optional.of(new Reservation(r.key(), r.reference(), r.requested(), List.of(),
                    ReservationStatus.RELEASED, r.createdAt(), r.expiresAt())), true);
        }
    }

    /**
     * What the one-statement paths need of a reservation's held lines: its SKUs in ascending order with their
     * network-wide, pinned and total quantities, and the alert thresholds of each SKU and each held line.
     */
    private static final class HeldFigures {
        final String[] skus;
        final int[] network;
        final int[] pinned;
        final int[] total;
        final int[] skuLow;
        final int[] skuOverstock;
        final int[] heldLow;
        final int[] heldOverstock;

        HeldFigures(List<ReservationLine> held, ThresholdPolicy thresholds) {
            java.util.TreeMap<String, int[]> perSku = new java.util.TreeMap<>();
            for (ReservationLine l : held) {
                int[] q = perSku.computeIfAbsent(l.sku().value(), k -> new int[3]);
                q[l.isNetworkWide() ? 0 : 1] += l.quantity();
                q[2] += l.quantity();
            }
            skus = perSku.keySet().toArray(new String[0]);
            network = new int[skus.length];
            pinned = new int[skus.length];
            total = new int[skus.length];
            skuLow = new int[skus.length];
            skuOverstock = new int[skus.length];
            for (int i = 0; i < skus.length; i++) {
                int[] q = perSku.get(skus[i]);
                StockThresholds t = thresholds.thresholds(Sku.of(skus[i]), null);
                network[i] = q[0];
                pinned[i] = q[1];
                total[i] = q[2];
                skuLow[i] = t.low();
                skuOverstock[i] = t.overstock();
            }
            heldLow = new int[held.size()];
            heldOverstock = new int[held.size()];
            for (int i = 0; i < held.size(); i++) {
                ReservationLine l = held.get(i);
                if (!l.isNetworkWide()) {
                    StockThresholds t = thresholds.thresholds(l.sku(), l.location());
                    heldLow[i] = t.low();
                    heldOverstock[i] = t.overstock();
                }
            }
        }

        /** Binds the SKU low and overstock thresholds, then the held lines' ones, from {@code index} on (4 parameters). */
        void bindThresholds(Connection c, PreparedStatement ps, int index) throws SQLException {
            Sql.setIntArray(ps, index, skuLow);
            Sql.setIntArray(ps, index + 1, skuOverstock);
            Sql.setIntArray(ps, index + 2, heldLow);
            Sql.setIntArray(ps, index + 3, heldOverstock);
        }
    }

    private static ReservationResult replay(Connection c, ReservationRequest request, List<ReservationLine> held)
            throws SQLException {
        Reservation existing = ReservationRows.find(c, request.key(), false)
                .orElseThrow(() -> new IllegalStateException("reservation " + request.key() + " vanished"));
        if (!Lines.mergeReservationLines(existing.requested()).stream().sorted(LINE_ORDER).toList()
                .equals(held.stream().sorted(LINE_ORDER).toList())) {
            throw new IllegalArgumentException("reservationKey " + request.key() + " was already used for other lines "
                    + existing.requested() + ", not " + request.lines());
        }
        return new ReservationResult.Reserved(existing, true);
    }

    /** The slow path: locks, reads and checks in Java; works out the shortages when a line does not fit. */
    private ReservationResult reserveLocked(Connection c, ReservationRequest request, Reservation reservation, Instant now)
            throws SQLException {
        List<ReservationLine> held = reservation.held();
        // the hold drawn on is locked first, as every writer locks a reservation row before SKU rows
        Reservation source = request.drawsOn() == null ? null
                : ReservationRows.find(c, request.drawsOn(), true).filter(Reservation::isActive).orElse(null);
        StockSession s = new StockSession(c, thresholds, outbox, now);
        List<String> skus = Lines.skusOfReservation(held);
        if (!s.lockSkusAfter(ReservationRows.INSERT, ps -> ReservationRows.bindInsert(c, ps, reservation), skus)) {
            return replay(c, request, held);
        }
        loadPinned(s, held);
        if (source != null) {
            List<ReservationLine> taken = takenFrom(source, held);
            if (!taken.isEmpty()) {
                letGo(s, source, taken, ReservationStatus.CONSUMED);
            }
        }
        List<Shortage> shortages = shortagesOf(s, held, skus);
        if (!shortages.isEmpty()) {
            c.rollback();
            return new ReservationResult.Insufficient(shortages);
        }
        for (ReservationLine l : held) {
            if (l.isNetworkWide()) {
                s.sku(l.sku().value()).networkReserved += l.quantity();
            } else {
                s.position(l.sku().value(), l.location().value()).reserved += l.quantity();
            }
        }
        for (String sku : skus) {
            s.raise(new InventoryEvent.StockReserved(UUID.randomUUID(), now, Sku.of(sku), request.key(), linesOf(held, sku)));
        }
        s.flush();
        return new ReservationResult.Reserved(reservation, false);
    }

    /** What a reservation asking for {@code wanted} takes over from {@code source}: per SKU, network-wide units first. */
    private static List<ReservationLine> takenFrom(Reservation source, List<ReservationLine> wanted) {
        Map<Sku, Integer> need = new LinkedHashMap<>();
        for (ReservationLine l : wanted) {
            need.merge(l.sku(), l.quantity(), Integer::sum);
        }
        List<ReservationLine> taken = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (ReservationLine h : source.held()) {
                int left = need.getOrDefault(h.sku(), 0);
                if (left > 0 && h.isNetworkWide() == (pass == 0)) {
                    int q = Math.min(left, h.quantity());
                    taken.add(new ReservationLine(h.sku(), h.location(), q));
                    need.put(h.sku(), left - q);
                }
            }
        }
        return taken;
    }

    /** The shortages of {@code held} (lines of the locked {@code skus}, pinned positions loaded); empty when it fits. */
    private static List<Shortage> shortagesOf(StockSession s, List<ReservationLine> held, List<String> skus)
            throws SQLException {
        List<Shortage> shortages = new ArrayList<>();
        for (ReservationLine l : held) {
            if (!l.isNetworkWide()) {
                int ats = s.position(l.sku().value(), l.location().value()).availableToSell();
                if (ats < l.quantity()) {
                    shortages.add(new Shortage(l.sku(), l.location(), l.quantity(), ats));
                }
            }
        }
        for (String sku : skus) {
            if (hasShortageOf(shortages, sku)) {
                continue;
            }
            int wanted = 0;
            for (ReservationLine l : held) {
                if (l.sku().value().equals(sku)) {
                    wanted += l.quantity();
                }
            }
            int available = Math.max(0, s.networkAvailableNow(sku));
            if (available < wanted) {
                shortages.add(new Shortage(Sku.of(sku), null, wanted, available));
            }
        }
        return shortages;
    }

    @Override
    public ReservationResult change(ReservationChange change) {
        Checks.notNull(change, "change");
        lapse("change " + change.key());
        ReservationResult result = tx.inTransaction("change " + change.key(), c -> changeIn(c, change));
        if (result.isReserved() && !((ReservationResult.Reserved) result).replayed()) {
            afterCommit.run();
        } else if (result instanceof ReservationResult.Insufficient insufficient) {
            LOG.debug("change of reservation {} refused: {}", change.key(), insufficient.shortages());
        }
        return result;
    }

    /**
     * A change in place: locks the reservation's row (inserting an empty one for a new key, which a refusal rolls
     * back), gives back what it holds, checks the new lines against what is then available, and holds them, or rolls
     * everything back.
     */
    private ReservationResult changeIn(Connection c, ReservationChange change) throws SQLException {
        Instant now = Sql.micros(clock.instant());
        Instant expires = Sql.micros(change.expiresAt());
        Optional<Reservation> found = ReservationRows.find(c, change.key(), true);
        for (int attempt = 0; found.isEmpty() && attempt < 3; attempt++) {
            Reservation empty = new Reservation(change.key(), change.reference(), change.lines(), List.of(),
                    ReservationStatus.RELEASED, now, expires);
            if (ReservationRows.insert(c, empty)) {
                found = Optional.of(empty);
            } else {
                found = ReservationRows.find(c, change.key(), true);
            }
        }
        Reservation before = found.orElseThrow(() -> new IllegalStateException("reservation " + change.key()
                + " appeared and vanished three times while being changed"));
        List<String> applied = ReservationRows.changeKeys(c, change.key());
        if (applied.contains(change.changeKey())) {
            return new ReservationResult.Reserved(before, true);
        }
        List<ReservationLine> own = before.isActive() ? before.held() : List.of();
        List<ReservationLine> held = Lines.mergeReservationLines(change.lines());
        List<String> skus = Lines.skusOfReservation(held);
        StockSession s = new StockSession(c, thresholds, outbox, now);
        List<String> allSkus = new ArrayList<>(skus);
        allSkus.addAll(Lines.skusOfReservation(own));
        s.lockSkus(allSkus, false);
        loadPinned(s, own);
        loadPinned(s, held);
        for (ReservationLine l : own) {
            if (l.isNetworkWide()) {
                s.sku(l.sku().value()).networkReserved -= l.quantity();
            } else {
                s.position(l.sku().value(), l.location().value()).reserved -= l.quantity();
            }
        }
        List<Shortage> shortages = shortagesOf(s, held, skus);
        if (!shortages.isEmpty()) {
            c.rollback();
            return new ReservationResult.Insufficient(shortages);
        }
        for (ReservationLine l : held) {
            if (l.isNetworkWide()) {
                s.sku(l.sku().value()).networkReserved += l.quantity();
            } else {
                s.position(l.sku().value(), l.location().value()).reserved += l.quantity();
            }
        }
        for (String sku : Lines.skusOfReservation(own)) {
            s.raise(new InventoryEvent.ReservationReleased(UUID.randomUUID(), now, Sku.of(sku), change.key(),
                    linesOf(own, sku), ReservationStatus.RELEASED));
        }
        for (String sku : skus) {
            s.raise(new InventoryEvent.StockReserved(UUID.randomUUID(), now, Sku.of(sku), change.key(), linesOf(held, sku)));
        }
        s.flush();
        Reservation after = new Reservation(change.key(), change.reference(), change.lines(), held, ReservationStatus.ACTIVE,
                before.isActive() ? before.createdAt() : now, expires);
        List<String> keys = new ArrayList<>(applied);
        keys.add(change.changeKey());
        if (keys.size() > ReservationChange.REMEMBERED_CHANGES) {
            keys = keys.subList(keys.size() - ReservationChange.REMEMBERED_CHANGES, keys.size());
        }
        ReservationRows.updateChanged(c, after, keys);
        return new ReservationResult.Reserved(after, false);
    }

    /**
     * Expires every hold due at {@code now} before an operation looks at stock, so that a lapsed hold never counts
     * whether or not a sweep ran: one indexed look when none is due; otherwise the expiry, waiting for holds another
     * transaction is expiring or changing.
     */
    private void lapse(Instant now, String operation) {
        if (tx.autoCommit(operation + " (looking for lapsed holds first)", c -> ReservationRows.anyDue(c, now))) {
            expire(now, false);
        }
    }

    private void lapse(String operation) {
        lapse(Sql.micros(clock.instant()), operation);
    }

    @Override
    public Optional<Reservation> findReservation(ReservationKey key) {
        Checks.notNull(key, "key");
        Instant now = Sql.micros(clock.instant());
        ReservationRows.DueAndFound read = tx.autoCommit("find reservation " + key, c -> ReservationRows.findUnlessAnyDue(c, key, now, false));
        if (!read.anyDue()) {
            return Optional.ofNullable(read.reservation());
        }
        expire(now, false);
        return tx.autoCommit("find reservation " + key, c -> ReservationRows.find(c, key, false));
    }

    @Override
    public Optional<Reservation> release(ReservationKey key) {
        Checks.notNull(key, "key");
        lapse("release " + key);
        Changed<Optional<Reservation>> fast = tx.autoCommit("release " + key, c -> tryRelease(c, key));
        if (fast != null) {
            return fast.publish(afterCommit);
        }
        Changed<Optional<Reservation>> r = tx.inTransaction("release " + key, c -> {
            Optional<Reservation> found = ReservationRows.find(c, key, true);
            if (found.isEmpty() || !found.get().isActive()) {
                return new Changed<>(found, false);
            }
            Instant now = Sql.micros(clock.instant());
            StockSession s = new StockSession(c, thresholds, outbox, now);
            Reservation released = letGo(s, found.get(), found.get().held(), ReservationStatus.RELEASED);
            s.flush();
            return new Changed<>(Optional.of(released), true);
        });
        return r.publish(afterCommit);
    }

    @Override
    public Optional<Reservation> release(ReservationKey key, Sku sku, int quantity) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        lapse("release " + quantity);
        Changed<Optional<Reservation>> r = tx.inTransaction("release " + quantity + " of " + sku + " from " + key, c -> {
            Optional<Reservation> found = ReservationRows.find(c, key, true);
            if (found.isEmpty()) {
                return new Changed<>(found, false);
            }
            Reservation reservation = found.get();
            int held = reservation.heldQuantity(sku);
            if (held < quantity) {
                throw new IllegalArgumentException("quantity must be <= the " + held + " units of " + sku
                        + " held by reservation " + key + ", was " + quantity);
            }
            List<ReservationLine> give = new ArrayList<>();
            int left = quantity;
            for (int pass = 0; pass < 2 && left > 0; pass++) {
                for (ReservationLine l : reservation.held()) {
                    if (left > 0 && l.sku().equals(sku) && l.isNetworkWide() == (pass == 0)) {
                        int take = Math.min(left, l.quantity());
                        give.add(new ReservationLine(sku, l.location(), take));
                        left -= take;
                    }
                }
            }
            StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
            Reservation after = letGo(s, reservation, give, ReservationStatus.RELEASED);
            s.flush();
            return new Changed<>(Optional.of(after), true);
        });
        return r.publish(afterCommit);
    }

    @Override
    public List<Reservation> expireReservations(Instant now) {
        Checks.notNull(now, "now");
        return expire(now, true);
    }

    /** Expires the holds due at {@code now}, in batches; skips those another transaction holds when {@code skipLocked}. */
    private List<Reservation> expire(Instant now, boolean skipLocked) {
        List<Reservation> expired = new ArrayList<>();
        while (true) {
            List<Reservation> batch = tx.inTransaction("expire reservations", c -> {
                List<Reservation> due = ReservationRows.lockExpired(c, now, EXPIRY_BATCH, skipLocked);
                if (due.isEmpty()) {
                    return due;
                }
                StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
                List<String> skus = new ArrayList<>();
                for (Reservation r : due) {
                    skus.addAll(Lines.skusOfReservation(r.held()));
                }
                s.lockSkus(skus, false);
                List<Reservation> done = new ArrayList<>(due.size());
                for (Reservation r : due) {
                    done.add(letGo(s, r, r.held(), ReservationStatus.EXPIRED));
                }
                s.flush();
                return done;
            });
            if (batch.isEmpty()) {
                break;
            }
            expired.addAll(batch);
            afterCommit.run();
            if (LOG.isDebugEnabled()) {
                for (Reservation r : batch) {
                    LOG.debug("hold {} expired at {}", r.key(), now);
                }
            }
            if (batch.size() < EXPIRY_BATCH) {
                break;
            }
        }
        return expired;
    }

    /**
     * Gives back {@code lines} of {@code r} (a subset of what it holds) and stores what it still holds; with
     * nothing left it takes {@code emptyStatus}. Raises one {@link InventoryEvent.ReservationReleased} per SKU.
     */
    private Reservation letGo(StockSession s, Reservation r, List<ReservationLine> lines, ReservationStatus emptyStatus)
            throws SQLException {
        List<String> skus = Lines.skusOfReservation(lines);
        s.lockSkus(skus, false);
        loadPinned(s, lines);
        for (ReservationLine l : lines) {
            if (l.isNetworkWide()) {
                s.sku(l.sku().value()).networkReserved -= l.quantity();
            } else {
                s.position(l.sku().value(), l.location().value()).reserved -= l.quantity();
            }
        }
        List<ReservationLine> remaining = subtract(r.held(), lines);
        ReservationStatus status = remaining.isEmpty() ? emptyStatus : ReservationStatus.ACTIVE;
        Reservation after = new Reservation(r.key(), r.reference(), r.requested(), remaining, status, r.createdAt(),
                r.expiresAt());
        ReservationRows.updateHeld(s.connection(), after);
        for (String sku : skus) {
            s.raise(new InventoryEvent.ReservationReleased(UUID.randomUUID(), s.now(), Sku.of(sku), r.key(),
                    linesOf(lines, sku), emptyStatus));
        }
        return after;
    }

    // ---- allocations ----

    @Override
    public AllocationResult allocate(AllocationRequest request) {
        Checks.notNull(request, "request");
        // drawing on a reservation, the look for lapsed holds comes with the reservation's read in the transaction
        AllocationResult result = request.reservation() == null ? null
                : tx.inTransaction("allocate " + request.key(), c -> allocateIn(c, request, true));
        if (result == null) {
            lapse("allocate " + request.key());
            result = tx.inTransaction("allocate " + request.key(), c -> allocateIn(c, request, false));
        }
        if (result.isAllocated() && !((AllocationResult.Allocated) result).replayed()) {
            afterCommit.run();
        } else if (result instanceof AllocationResult.Insufficient insufficient) {
            LOG.debug("allocation {} refused: {}", request.key(), insufficient.shortages());
        }
        return result;
    }

    /**
     * Allocates in the transaction open on {@code c}; with {@code unlessDue}, answers null having written nothing when
     * a hold is due (the caller lets it lapse and calls again without).
     */
    private AllocationResult allocateIn(Connection c, AllocationRequest request, boolean unlessDue) throws SQLException {
        Instant now = Sql.micros(clock.instant());
        List<AllocationLine> wanted = Lines.mergeAllocationLines(request.lines());
        Allocation allocation = new Allocation(request.key(), request.reference(), request.lines(), wanted,
                request.reservation(), now);
        if (!AllocationRows.insert(c, allocation)) {
            Allocation existing = AllocationRows.find(c, request.key(), false)
                    .orElseThrow(() -> new IllegalStateException("allocation " + request.key() + " vanished"));
            if (!Lines.mergeAllocationLines(existing.requested()).stream().sorted(ALLOCATION_LINE_ORDER).toList()
                    .equals(wanted.stream().sorted(ALLOCATION_LINE_ORDER).toList())
                    || !java.util.Objects.equals(existing.reservation(), request.reservation())) {
                throw new IllegalArgumentException("allocationKey " + request.key() + " was already used for other lines "
                        + existing.requested() + " (reservation " + existing.reservation() + "), not " + request.lines());
            }
            return new AllocationResult.Allocated(existing, true);
        }
        Reservation reservation = null;
        if (unlessDue) {
            ReservationRows.DueAndFound read = ReservationRows.findUnlessAnyDue(c, request.reservation(), now, true);
            if (read.anyDue()) {
                c.rollback();
                return null;
            }
            reservation = read.reservation() != null && read.reservation().isActive() ? read.reservation() : null;
        } else if (request.reservation() != null) {
            reservation = ReservationRows.find(c, request.reservation(), true).filter(Reservation::isActive).orElse(null);
        }
        StockSession s = new StockSession(c, thresholds, outbox, now);
        List<String> skus = Lines.skusOfAllocation(wanted);
        s.lockSkus(skus, false);

        // Units the reservation holds at a line's own location are converted first (all lines), then units it
        // holds network-wide, then units pinned elsewhere are let go and must be found at the line's location;
        // what remains is fresh stock, which also needs the network's available to sell.
        List<ReservationLine> pool = new ArrayList<>();
        if (reservation != null) {
            for (ReservationLine h : reservation.held()) {
                if (skus.contains(h.sku().value())) {
                    pool.add(h);
                }
            }
        }
        int[] remain = new int[pool.size()];
        for (int j = 0; j < remain.length; j++) {
            remain[j] = pool.get(j).quantity();
        }
        int n = wanted.size();
        int[] direct = new int[n];
        int[] need = new int[n];
        int[] fresh = new int[n];
        for (AllocationLine a : wanted) {
            s.position(a.sku().value(), a.location().value());
        }
        loadPinned(s, pool);
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < n; i++) {
                AllocationLine a = wanted.get(i);
                for (int j = 0; j < remain.length && direct[i] + need[i] < a.quantity(); j++) {
                    ReservationLine h = pool.get(j);
                    boolean kind = switch (pass) {
                        case 0 -> a.location().equals(h.location());
                        case 1 -> h.isNetworkWide();
                        default -> !h.isNetworkWide() && !a.location().equals(h.location());
                    };
                    if (remain[j] == 0 || !kind || !h.sku().equals(a.sku())) {
                        continue;
                    }
                    int d = Math.min(a.quantity() - direct[i] - need[i], remain[j]);
                    remain[j] -= d;
                    if (pass == 0) {
                        direct[i] += d;
                        PositionRow p = s.position(a.sku().value(), a.location().value());
                        p.reserved -= d;
                        p.allocated += d;
                    } else {
                        need[i] += d;
                        if (h.isNetworkWide()) {
                            s.sku(h.sku().value()).networkReserved -= d;
                        } else {
                            s.position(h.sku().value(), h.location().value()).reserved -= d;
                        }
                    }
                }
            }
        }
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AllocationLine a = wanted.get(i);
            fresh[i] = a.quantity() - direct[i] - need[i];
            need[i] += fresh[i];
            if (need[i] == 0) {
                continue;
            }
            PositionRow p = s.position(a.sku().value(), a.location().value());
            int ats = p.availableToSell();
            if (ats < need[i]) {
                shortages.add(new Shortage(a.sku(), a.location(), a.quantity(), direct[i] + ats));
            } else {
                p.allocated += need[i];
            }
        }
        for (String sku : skus) {
            int networkAts = s.networkAvailableNow(sku);
            if (networkAts < 0) {
                int freshTotal = 0;
                for (int i = 0; i < n; i++) {
                    if (wanted.get(i).sku().value().equals(sku)) {
                        freshTotal += fresh[i];
                    }
                }
                shortages.add(new Shortage(Sku.of(sku), null, freshTotal, Math.max(0, freshTotal + networkAts)));
            }
        }
        if (!shortages.isEmpty()) {
            c.rollback();
            return new AllocationResult.Insufficient(shortages);
        }
        List<ReservationLine> drawn = new ArrayList<>();
        for (int j = 0; j < remain.length; j++) {
            ReservationLine h = pool.get(j);
            if (remain[j] < h.quantity()) {
                drawn.add(new ReservationLine(h.sku(), h.location(), h.quantity() - remain[j]));
            }
        }
        if (reservation != null && !drawn.isEmpty()) {
            List<ReservationLine> remaining = subtract(reservation.held(), drawn);
            Reservation after = new Reservation(reservation.key(), reservation.reference(), reservation.requested(), remaining,
                    remaining.isEmpty() ? ReservationStatus.CONSUMED : ReservationStatus.ACTIVE, reservation.createdAt(),
                    reservation.expiresAt());
            ReservationRows.updateHeld(c, after);
            for (String sku : Lines.skusOfReservation(drawn)) {
                s.raise(new InventoryEvent.ReservationReleased(UUID.randomUUID(), now, Sku.of(sku), reservation.key(),
                        linesOf(drawn, sku), ReservationStatus.CONSUMED));
            }
        }
        for (String sku : skus) {
            List<AllocationLine> ofSku = new ArrayList<>();
            for (AllocationLine a : request.lines()) {
                if (a.sku().value().equals(sku)) {
                    ofSku.add(a);
                }
            }
            s.raise(new InventoryEvent.StockAllocated(UUID.randomUUID(), now, Sku.of(sku), request.key(), ofSku));
        }
        s.flush();
        return new AllocationResult.Allocated(allocation, false);
    }

    @Override
    public Optional<Allocation> findAllocation(AllocationKey key) {
        Checks.notNull(key, "key");
        return tx.autoCommit("find allocation " + key, c -> AllocationRows.find(c, key, false));
    }

    /** The first of {@code keys} used, read in one statement. */
    @Override
    public Optional<Allocation> findFirstAllocation(List<AllocationKey> keys) {
        Checks.notNull(keys, "keys");
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return tx.autoCommit("find allocation " + keys.get(0) + " or a later attempt", c -> AllocationRows.findFirst(c, keys));
    }

    @Override
    public Allocation deallocate(AllocationKey key, Sku sku, LocationId location, int quantity) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        Allocation result = tx.inTransaction("deallocate " + key, c -> {
            Allocation a = lockOpen(c, key, sku, location, quantity);
            StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
            s.lockSkus(List.of(sku.value()), false);
            s.position(sku.value(), location.value()).allocated -= quantity;
            Allocation after = reduceOpen(c, a, sku, location, quantity);
            s.raise(new InventoryEvent.StockDeallocated(UUID.randomUUID(), s.now(), sku, key,
                    AllocationLine.of(sku, location, quantity)));
            s.flush();
            return after;
        });
        afterCommit.run();
        return result;
    }

    @Override
    public StockMovement ship(AllocationKey key, Sku sku, LocationId location, int quantity, MovementKey movementKey) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        Checks.notNull(movementKey, "movementKey");
        Changed<StockMovement> r = tx.inTransaction("ship " + movementKey, c -> {
            // a movement made before (this key's replay) is found when the allocation no longer holds the units, or
            // when its key is taken below: no read of its own in the usual case
            Allocation a;
            try {
                a = lockOpen(c, key, sku, location, quantity);
            } catch (IllegalArgumentException shipped) {
                Optional<StockMovement> recorded = LedgerRows.find(c, movementKey);
                if (recorded.isPresent()) {
                    return new Changed<>(recorded.get(), false);
                }
                throw shipped;
            }
            StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
            StockMovement m = StockMovement.of(movementKey, sku, location, MovementReason.SHIPMENT, quantity, s.now(),
                    a.reference());
            if (!s.lockSkusAfter(LedgerRows.INSERT, ps -> LedgerRows.bindInsert(ps, m), List.of(sku.value()))) {
                c.rollback();
                return new Changed<>(LedgerRows.find(c, movementKey).orElseThrow(), false);
            }
            PositionRow p = s.position(sku.value(), location.value());
            p.allocated -= quantity;
            p.onHand -= quantity;
            reduceOpen(c, a, sku, location, quantity);
            s.raise(new InventoryEvent.StockMoved(UUID.randomUUID(), s.now(), sku, m));
            s.flush();
            return new Changed<>(m, true);
        });
        return r.publish(afterCommit);
    }

    private static Allocation lockOpen(Connection c, AllocationKey key, Sku sku, LocationId location, int quantity)
            throws SQLException {
        Allocation a = AllocationRows.find(c, key, true)
                .orElseThrow(() -> new IllegalArgumentException("allocation " + key + " is unknown"));
        int open = 0;
        for (AllocationLine l : a.open()) {
            if (l.sku().equals(sku) && l.location().equals(location)) {
                open += l.quantity();
            }
        }
        if (open < quantity) {
            throw new IllegalArgumentException("quantity must be <= the " + open + " units of " + sku + " at " + location
                    + " open in allocation " + key + ", was " + quantity);
        }
        return a;
    }

    private static Allocation reduceOpen(Connection c, Allocation a, Sku sku, LocationId location, int quantity)
            throws SQLException {
        List<AllocationLine> open = new ArrayList<>(a.open().size());
        for (AllocationLine l : a.open()) {
            if (l.sku().equals(sku) && l.location().equals(location)) {
                if (l.quantity() > quantity) {
                    open.add(AllocationLine.of(sku, location, l.quantity() - quantity));
                }
            } else {
                open.add(l);
            }
        }
        Allocation after = new Allocation(a.key(), a.reference(), a.requested(), open, a.reservation(), a.createdAt());
        AllocationRows.updateOpen(c, after);
        return after;
    }

    // ---- movements and settings ----

    @Override
    public AdjustmentResult adjust(StockAdjustment adjustment) {
        Checks.notNull(adjustment, "adjustment");
        if (adjustment.reason() == MovementReason.SHIPMENT) {
            throw new IllegalArgumentException("reason must not be SHIPMENT for adjustment " + adjustment.key()
                    + ": shipments are recorded by ship(), against an allocation");
        }
        lapse("adjust " + adjustment.key());
        Changed<AdjustmentResult> r = tx.inTransaction("adjust " + adjustment.key(), c -> adjustIn(c, adjustment));
        return r.publish(afterCommit);
    }

    private Changed<AdjustmentResult> adjustIn(Connection c, StockAdjustment adj) throws SQLException {
        String sku = adj.sku().value();
        String location = adj.location().value();
        Optional<AdjustmentResult> replay = replayAdjustment(c, adj);
        if (replay.isPresent()) {
            return new Changed<>(replay.get(), false);
        }
        StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
        s.lockSkus(List.of(sku), true);
        PositionRow p = s.position(sku, location);
        StockMovement m = StockMovement.of(adj.key(), adj.sku(), adj.location(), adj.reason(), adj.quantity(), s.now(),
                adj.reference());
        p.onHand += m.onHandDelta();
        p.quarantine += m.quarantineDelta();
        p.inbound += m.inboundDelta();
        p.returnsInTransit += m.returnsDelta();
        String refusal = refusal(p, s.networkAvailableNow(sku), s.sku(sku));
        if (refusal != null) {
            c.rollback();
            return new Changed<>(new AdjustmentResult.Refused(adj, refusal), false);
        }
        if (!LedgerRows.insert(c, m, adj.eta())) {
            c.rollback();
            return new Changed<>(replayAdjustment(c, adj).orElseThrow(), false);
        }
        if (adj.reason() == MovementReason.INBOUND_EXPECTED) {
            LedgerRows.insertInbound(c, m, adj.eta());
        } else if (m.inboundDelta() < 0) {
            LedgerRows.consumeInbound(c, sku, location, adj.reference(), adj.quantity());
        }
        s.raise(new InventoryEvent.StockMoved(UUID.randomUUID(), s.now(), adj.sku(), m));
        s.flush();
        return new Changed<>(new AdjustmentResult.Applied(m, p.toPosition(), false), true);
    }

    /** The first result of an adjustment whose key was used; refuses a reuse of the key for another adjustment. */
    private static Optional<AdjustmentResult> replayAdjustment(Connection c, StockAdjustment adj) throws SQLException {
        Optional<StockAdjustment> first = LedgerRows.findAdjustment(c, adj.key());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        StockAdjustment asStored = new StockAdjustment(adj.key(), adj.sku(), adj.location(), adj.reason(), adj.quantity(),
                Sql.micros(adj.eta()), adj.reference());
        StockMovement movement = LedgerRows.find(c, adj.key()).orElseThrow();
        if (!first.get().equals(asStored)) {
            throw new IllegalArgumentException("movementKey " + adj.key() + " was already used for " + movement);
        }
        return Optional.of(new AdjustmentResult.Applied(movement, readPosition(c, adj.sku(), adj.location()), true));
    }

    private static String refusal(PositionRow p, int networkAvailable, SkuRow sku) {
        if (p.onHand < 0 || p.quarantine < 0 || p.inbound < 0 || p.returnsInTransit < 0) {
            return "a bucket would fall below zero (on hand " + p.onHand + ", quarantine " + p.quarantine + ", inbound "
                    + p.inbound + ", returns in transit " + p.returnsInTransit + ")";
        }
        if (p.onHand < p.reserved + p.allocated) {
            return "on hand " + p.onHand + " would not cover " + p.reserved + " reserved and " + p.allocated
                    + " allocated units; release or re-source them first";
        }
        if (networkAvailable < 0) {
            return "network-wide reservations of " + sku.networkReserved + " units would no longer be covered";
        }
        return null;
    }

    @Override
    public void setSafetyStock(Sku sku, LocationId location, int quantity) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNegative(quantity, "quantity");
        lapse("set safety stock of " + sku);
        tx.inTransaction("set safety stock of " + sku + " at " + location, c -> {
            StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
            s.lockSkus(List.of(sku.value()), true);
            PositionRow p = s.position(sku.value(), location.value());
            p.safety = quantity;
            p.touch();
            if (s.networkAvailableNow(sku.value()) < 0) {
                throw new IllegalStateException("safety stock " + quantity + " of " + sku + " at " + location
                        + " would leave network-wide reservations of " + s.sku(sku.value()).networkReserved
                        + " units uncovered; release them first");
            }
            s.flush();
            return null;
        });
        afterCommit.run();
    }

    /**
     * Seeds opening balances of {@code sku}: {@code onHand[i]} sellable units at {@code locations.get(i)}, in one
     * transaction, as {@link MovementReason#OPENING_BALANCE} ledger entries and without events. The fast path for
     * loading a network (demo, migration from another system); adds to what an earlier load put there.
     *
     * @throws IllegalArgumentException when the sizes differ or a quantity is negative
     * @throws IllegalStateException    when one of the positions already has other movements
     * @throws SpiException             when the database fails; nothing was loaded
     */
    public void load(Sku sku, List<LocationId> locations, int[] onHand) {
        Checks.notNull(sku, "sku");
        Checks.notNull(locations, "locations");
        Checks.notNull(onHand, "onHand");
        if (locations.size() != onHand.length) {
            throw new IllegalArgumentException("onHand must have one quantity per location (" + locations.size() + "), had "
                    + onHand.length);
        }
        String[] locs = new String[onHand.length];
        for (int i = 0; i < onHand.length; i++) {
            Checks.notNegative(onHand[i], "onHand[" + i + "]");
            locs[i] = Checks.notNull(locations.get(i), "locations[" + i + "]").value();
        }
        tx.inTransaction("load opening balances of " + sku, c -> {
            StockSession s = new StockSession(c, thresholds, outbox, Sql.micros(clock.instant()));
            s.lockSkus(List.of(sku.value()), true);
            if (LedgerRows.hasMovements(c, sku.value(), locs)) {
                throw new IllegalStateException("opening balances of " + sku + " must be loaded before its first movement");
            }
            s.loadPositions(repeat(sku.value(), locs.length), locs);
            List<StockMovement> movements = new ArrayList<>();
            for (int i = 0; i < locs.length; i++) {
                PositionRow p = s.position(sku.value(), locs[i]);
                p.touch();
                if (onHand[i] > 0) {
                    p.onHand += onHand[i];
                    movements.add(StockMovement.of(MovementKey.of("opening-" + UUID.randomUUID()), sku, locations.get(i),
                            MovementReason.OPENING_BALANCE, onHand[i], s.now(), "opening balance"));
                }
            }
            LedgerRows.insertAll(c, movements);
            s.flush(false);
            return null;
        });
    }

    /** Seeds the opening balance of one position; see {@link #load(Sku, List, int[])}. */
    public void load(Sku sku, LocationId location, int onHand) {
        load(sku, List.of(Checks.notNull(location, "location")), new int[] {onHand});
    }

    private static String[] repeat(String value, int n) {
        String[] values = new String[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /**
     * Checks the stored stock against the invariants this store keeps: no position oversold, network-wide
     * reservations covered, every position's ledger summing to its on hand, SKU totals in step with their positions,
     * reserved and allocated figures equal to the reservation and allocation lines behind them. Reads every table: an
     * operator's and a test's tool, not for the request path.
     *
     * @return a description of each broken invariant with its number of offending rows; empty when all hold
     * @throws SpiException when the database fails
     */
    public List<String> audit() {
        return tx.autoCommit("audit stock", StockAudit::broken);
    }

    // ---- reads ----

    @Override
    public StockPosition position(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        lapse("read position");
        return tx.autoCommit("read position", c -> readPosition(c, sku, location));
    }

    private static StockPosition readPosition(Connection c, Sku sku, LocationId location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select on_hand, reserved, allocated, safety, inbound, returns_in_transit,"
                + " quarantine from inv_position where sku = ? and location = ?")) {
            ps.setString(1, sku.value());
            ps.setString(2, location.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return StockPosition.empty(sku, location);
                }
                return new StockPosition(sku, location, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7));
            }
        }
    }

    /** The positions of {@code sku}, read in one statement with the look for lapsed holds; expires them first if any. */
    @Override
    public List<StockPosition> positions(Sku sku) {
        Checks.notNull(sku, "sku");
        Instant now = Sql.micros(clock.instant());
        List<StockPosition> read = tx.autoCommit("read positions", c -> {
            try (PreparedStatement ps = c.prepareStatement("select d.due, p.location, p.on_hand, p.reserved, p.allocated,"
                    + " p.safety, p.inbound, p.returns_in_transit, p.quarantine from " + ReservationRows.DUE
                    + " left join inv_position p on p.sku = ? order by p.location")) {
                Sql.setInstant(ps, 1, now);
                ps.setString(2, sku.value());
                List<StockPosition> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(1)) {
                            return null;
                        }
                        if (rs.getString(2) != null) {
                            found.add(new StockPosition(sku, LocationId.of(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                                    rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
                        }
                    }
                }
                return found;
            }
        });
        if (read != null) {
            return read;
        }
        expire(now, false);
        return tx.autoCommit("read positions", c -> {
            try (PreparedStatement ps = c.prepareStatement("select location, on_hand, reserved, allocated, safety, inbound,"
                    + " returns_in_transit, quarantine from inv_position where sku = ? order by location")) {
                ps.setString(1, sku.value());
                List<StockPosition> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new StockPosition(sku, LocationId.of(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public int networkReserved(Sku sku) {
        Checks.notNull(sku, "sku");
        return readSkuFigure(sku, "network_reserved");
    }

    @Override
    public int networkAvailable(Sku sku) {
        Checks.notNull(sku, "sku");
        return readSkuFigure(sku, "greatest(0, positions_ats - network_reserved)");
    }

    /** A figure of {@code sku}'s row, read in one statement with the look for lapsed holds; expires them first if any. */
    private int readSkuFigure(Sku sku, String expression) {
        Instant now = Sql.micros(clock.instant());
        Integer read = tx.autoCommit("read network figures", c -> {
            try (PreparedStatement ps = c.prepareStatement("select d.due, (select " + expression + " from inv_sku where sku = ?)"
                    + " from " + ReservationRows.DUE)) {
                ps.setString(1, sku.value());
                Sql.setInstant(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1) ? null : rs.getInt(2);
                }
            }
        });
        if (read != null) {
            return read;
        }
        expire(now, false);
        return tx.autoCommit("read network figures", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + expression + " from inv_sku where sku = ?")) {
                ps.setString(1, sku.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public List<InboundSupply> inbound(Sku sku) {
        Checks.notNull(sku, "sku");
        return tx.autoCommit("read inbound supply", c -> LedgerRows.openInbound(c, sku.value()));
    }

    @Override
    public List<StockMovement> movements(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        return tx.autoCommit("read movements", c -> LedgerRows.ofPosition(c, sku.value(), location.value()));
    }

    @Override
    public HeldStock heldFor(String reference) {
        Checks.notNull(reference, "reference");
        lapse("read stock held for " + reference);
        // one snapshot: units an allocation takes from a reservation meanwhile are neither missed nor listed twice
        return tx.readOnly("read stock held for " + reference, c -> new HeldStock(reference,
                ReservationRows.activeFor(c, reference), AllocationRows.openFor(c, reference)));
    }

    @Override
    public List<String> holders(Instant madeAtOrBefore, String after, int limit) {
        Checks.notNull(madeAtOrBefore, "madeAtOrBefore");
        Checks.positive(limit, "limit");
        lapse("read holders");
        return tx.autoCommit("read holders", c -> Holders.page(c, madeAtOrBefore, after, limit));
    }

    // ---- helpers ----

    private static void loadPinned(StockSession s, List<ReservationLine> lines) throws SQLException {
        List<String> skus = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (ReservationLine l : lines) {
            if (!l.isNetworkWide()) {
                skus.add(l.sku().value());
                locations.add(l.location().value());
            }
        }
        s.loadPositions(skus.toArray(new String[0]), locations.toArray(new String[0]));
    }

    private static boolean hasShortageOf(List<Shortage> shortages, String sku) {
        for (Shortage sh : shortages) {
            if (sh.sku().value().equals(sku)) {
                return true;
            }
        }
        return false;
    }

    private static List<ReservationLine> linesOf(List<ReservationLine> lines, String sku) {
        List<ReservationLine> of = new ArrayList<>();
        for (ReservationLine l : lines) {
            if (l.sku().value().equals(sku)) {
                of.add(l);
            }
        }
        return of;
    }

    /** {@code held} minus {@code taken} per (SKU, location), dropping lines that reach zero. */
    private static List<ReservationLine> subtract(List<ReservationLine> held, List<ReservationLine> taken) {
        Map<List<Object>, Integer> left = new LinkedHashMap<>();
        for (ReservationLine h : held) {
            left.merge(java.util.Arrays.asList(h.sku(), h.location()), h.quantity(), Integer::sum);
        }
        for (ReservationLine t : taken) {
            left.merge(java.util.Arrays.asList(t.sku(), t.location()), -t.quantity(), Integer::sum);
        }
        List<ReservationLine> remaining = new ArrayList<>();
        for (Map.Entry<List<Object>, Integer> e : left.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalStateException("released more than held of " + e.getKey());
            }
            if (e.getValue() > 0) {
                remaining.add(new ReservationLine((Sku) e.getKey().get(0), (LocationId) e.getKey().get(1), e.getValue()));
            }
        }
        return remaining;
    }


    /** A result and whether the transaction changed stock (then the relay is nudged after commit). */
    private record Changed<T>(T value, boolean changed) {
        T publish(Runnable afterCommit) {
            if (changed) {
                afterCommit.run();
            }
            return value;
        }
    }

    /** Builds a {@link PostgresInventoryStore}. */
    public static final class Builder {
        private final javax.sql.DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private ThresholdPolicy thresholds = ThresholdPolicy.uniform(io.omskit.core.inventory.StockThresholds.defaults());
        private Runnable afterCommit = () -> { };
        private int maxAttempts = 10;
        private OmsJacksonModule module = new OmsJacksonModule();
        private io.omskit.postgres.internal.OutboxHandoff handoff;

        private Builder(javax.sql.DataSource dataSource) {
            this.dataSource = Checks.notNull(dataSource, "dataSource");
        }

        /** The clock stamping reservations, movements and events; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The alert thresholds of positions, and of the network when asked with a null location; default uniform defaults. */
        public Builder thresholds(ThresholdPolicy thresholds) {
            this.thresholds = Checks.notNull(thresholds, "thresholds");
            return this;
        }

        /**
         * Called in the calling thread after every committed change that wrote events, typically
         * {@link OutboxRelay#publishPending()} or {@link OutboxRelay#wakeUp()}; must not throw. Default: nothing.
         */
        public Builder afterCommit(Runnable afterCommit) {
            this.afterCommit = Checks.notNull(afterCommit, "afterCommit");
            return this;
        }

        /** How often a transaction aborted by a serialization failure or deadlock is tried in all; default 10. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.positive(maxAttempts, "maxAttempts");
            return this;
        }

        /** The Jackson module writing events to the outbox; default the core module. */
        public Builder jsonModule(OmsJacksonModule module) {
            this.module = Checks.notNull(module, "module");
            return this;
        }

        /** Hands the events of the outbox rows the store writes to the relay of {@link PostgresOms}. */
        Builder handoff(io.omskit.postgres.internal.OutboxHandoff handoff) {
            this.handoff = handoff;
            return this;
        }

        /** The store. */
        public PostgresInventoryStore build() {
            return new PostgresInventoryStore(this);
        }
    }
}
