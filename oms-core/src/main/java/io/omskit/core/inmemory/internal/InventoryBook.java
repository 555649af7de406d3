package io.omskit.core.inmemory.internal;

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
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@code InMemoryInventoryStore}: one {@link SkuStripe} per SKU, locked per SKU (several in
 * ascending stripe order), idempotency tables per key kind, and a per-stripe outbox that publishes events in
 * order per SKU after the locks are released.
 *
 * <p>Lock order, always: movement-key monitor, allocation monitor, reservation monitor, stripes by ascending
 * {@link SkuStripe#order}. No path takes them in another order, so no two operations can deadlock.
 */
public final class InventoryBook {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryBook.class);

    private static final MovementKey OPENING_KEY = MovementKey.of("opening-balance");

    private final Clock clock;
    private final EventPublisher publisher;
    private final ThresholdPolicy thresholds;
    private final Duration keepFinished;

    private final LocationRegistry locations = new LocationRegistry();
    private final StripeIndex stripes = new StripeIndex();
    private final AtomicInteger stripeOrder = new AtomicInteger();
    /** Presized so that threads adding and removing keys at once rarely write to the same cache line of the table. */
    private final ConcurrentHashMap<ReservationKey, ReservationState> reservations = new ConcurrentHashMap<>(1 << 15);
    private final FinishedQueue<ReservationState> finished = new FinishedQueue<>();
    /**
     * Reservations with an expiry, soonest first, so that the lapse at the start of each operation and the expiry
     * sweep look only at those due. An entry whose reservation was changed since is stale and skipped.
     */
    private final ConcurrentSkipListMap<ReservationState.HoldSlot, ReservationState> holds = new ConcurrentSkipListMap<>();
    private final AtomicLong holdSeq = new AtomicLong();
    private final ReentrantLock purging = new ReentrantLock();
    private final ConcurrentHashMap<AllocationKey, AllocationState> allocations = new ConcurrentHashMap<>();
    private final FinishedQueue<AllocationState> finishedAllocations = new FinishedQueue<>();
    private final ConcurrentHashMap<MovementKey, MovementSlot> movements = new ConcurrentHashMap<>();
    private volatile Instant openingAt;
    /** Whether anything reads the time a reservation finished (events, retention); else releases skip the clock. */
    private final boolean stampsFinish;

    /**
     * @param clock        time of every record and event
     * @param publisher    receives the events; null publishes nothing (and skips building events)
     * @param thresholds   alert thresholds per position (asked with a null location for the network level)
     * @param keepFinished how long released, expired and consumed reservations, and allocations with nothing open,
     *                     stay findable; null for ever
     */
    public InventoryBook(Clock clock, EventPublisher publisher, ThresholdPolicy thresholds, Duration keepFinished) {
        this.clock = Checks.notNull(clock, "clock");
        this.publisher = publisher;
        this.thresholds = Checks.notNull(thresholds, "thresholds");
        this.keepFinished = keepFinished;
        this.stampsFinish = publisher != null || keepFinished == null || !keepFinished.isZero();
    }

    // ---------------------------------------------------------------- loading

    /** Adds {@code onHand[i]} units of opening balance at {@code locations.get(i)}, without events. */
    public void load(Sku sku, List<LocationId> at, int[] onHand) {
        Checks.notNull(sku, "sku");
        Checks.notNull(at, "locations");
        Checks.notNull(onHand, "onHand");
        if (at.size() != onHand.length) {
            throw new IllegalArgumentException("onHand must have one quantity per location (" + at.size() + "), had "
                    + onHand.length);
        }
        int[] locs = new int[onHand.length];
        for (int i = 0; i < locs.length; i++) {
            Checks.notNegative(onHand[i], "onHand[" + i + "]");
            locs[i] = locations.register(Checks.notNull(at.get(i), "locations[" + i + "]"));
        }
        if (openingAt == null) {
            openingAt = clock.instant();
        }
        SkuStripe s = stripeFor(sku, locs.length);
        s.lock();
        try {
            s.ensureCapacity(locs.length);
            for (int i = 0; i < locs.length; i++) {
                if (s.hasMovementsAt(at.get(i))) {
                    throw new IllegalStateException("opening balance of " + sku + " at " + at.get(i)
                            + " must be loaded before its first movement");
                }
                s.addOpening(s.slotFor(locs[i]), onHand[i]);
            }
        } finally {
            s.unlock();
        }
    }

    private SkuStripe stripeFor(Sku sku, int expectedPositions) {
        return stripes.getOrCreate(sku, hash -> new SkuStripe(sku, hash, stripeOrder.getAndIncrement(), expectedPositions, stripes));
    }

    // ---------------------------------------------------------------- reservations

    /** See {@code InventoryStore#reserve}. */
    public ReservationResult reserve(ReservationRequest request) {
        Checks.notNull(request, "request");
        Instant now = clock.instant();
        lapse(now);
        OpEvents ev = events(now);
        ReservationResult result = Claim.use(reservations, request.key(), () -> new ReservationState(request, now),
                fresh -> {
                    ReservationState source = request.drawsOn() == null ? null : reservations.get(request.drawsOn());
                    ReservationResult r;
                    if (source == null) {
                        r = reserveFresh(fresh, request, null, ev, now);
                    } else {
                        synchronized (source) {
                            r = reserveFresh(fresh, request, source.abandoned || source.status != ReservationStatus.ACTIVE
                                    ? null : source, ev, now);
                        }
                    }
                    if (r.isReserved()) {
                        schedule(fresh);
                    }
                    return r;
                }, ReservationResult::isReserved, existing -> {
                    if (!sameLines(existing.requested, request.lines(), InventoryBook::unit, ReservationLine::quantity)) {
                        throw new IllegalArgumentException("reservationKey " + request.key()
                                + " was already used for other lines " + existing.requested + ", not " + request.lines());
                    }
                    return new ReservationResult.Reserved(existing.snapshot(), true);
                });
        publish(ev);
        return result;
    }

    /**
     * Holds the request's lines for {@code state}, or nothing. With a {@code source} (whose monitor the caller holds),
     * that reservation's units of the requested SKUs, network-wide first, count as available and move over.
     */
    private ReservationResult reserveFresh(ReservationState state, ReservationRequest request, ReservationState source,
                                           OpEvents ev, Instant now) {
        Entries e = Entries.ofReservation(request.lines(), stripes, locations);
        e.computeLockOrder();
        e.lockAll();
        try {
            int[] given = source == null ? null : giveBack(source.held, e, ev);
            List<Shortage> shortages = shortages(e);
            if (shortages != null) {
                if (given != null) {
                    takeBack(source.held, given, ev);
                }
                LOG.debug("reservation {} refused: {}", request.key(), shortages);
                return new ReservationResult.Insufficient(shortages);
            }
            holdAll(e, ev);
            state.held = e;
            state.heldAsRequested = !e.merged;
            if (given != null) {
                consumeFrom(source, given, now, ev);
            }
            if (ev != null) {
                for (int k = 0; k < e.lockCount; k++) {
                    SkuStripe s = e.lockOrder(k);
                    ev.add(s, new InventoryEvent.StockReserved(EventIds.next(), ev.at, s.sku, state.key,
                            state.heldLinesOf(s)));
                }
                ev.finish();
            }
            return new ReservationResult.Reserved(state.snapshot(), false);
        } finally {
            e.unlockAll();
        }
    }

    /**
     * Gives back, from what {@code held} holds, up to what {@code wanted} asks of each of its SKUs (network-wide units
     * first); the stripes of {@code wanted} must be locked. Returns the units given back per entry of {@code held}.
     */
    private int[] giveBack(Entries held, Entries wanted, OpEvents ev) {
        int[] given = new int[held.n];
        for (int i = 0; i < wanted.n; i++) {
            if (!wanted.firstOfSku(i) || wanted.stripe(i) == null) {
                continue;
            }
            int left = wanted.totalOfSku(i);
            for (int pass = 0; pass < 2 && left > 0; pass++) {
                for (int j = 0; j < held.n && left > 0; j++) {
                    boolean network = held.slot(j) < 0;
                    if (held.stripe(j) != wanted.stripe(i) || network != (pass == 0) || held.qty(j) == 0) {
                        continue;
                    }
                    int q = Math.min(left, held.qty(j));
                    given[j] = q;
                    left -= q;
                    adjustHeld(held, j, -q, ev);
                }
            }
        }
        return given;
    }

    /** Undoes {@link #giveBack}. */
    private void takeBack(Entries held, int[] given, OpEvents ev) {
        for (int j = 0; j < held.n; j++) {
            if (given[j] > 0) {
                adjustHeld(held, j, given[j], ev);
            }
        }
    }

    /** Changes the units reserved for entry {@code j} of {@code held} by {@code delta}, at its position or network-wide. */
    private void adjustHeld(Entries held, int j, int delta, OpEvents ev) {
        if (held.slot(j) < 0) {
            addNetwork(ev, held.stripe(j), delta);
        } else {
            add(ev, held.stripe(j), held.slot(j), SkuStripe.RESERVED, delta);
        }
    }

    /** Takes the units {@link #giveBack} gave back out of {@code source} for good; it is consumed when empty. */
    private void consumeFrom(ReservationState source, int[] given, Instant now, OpEvents ev) {
        Entries h = source.held;
        List<ReservationLine> moved = new ArrayList<>();
        for (int j = 0; j < h.n; j++) {
            if (given[j] > 0) {
                h.setQty(j, h.qty(j) - given[j]);
                moved.add(new ReservationLine(h.sku(j), h.locationId(j), given[j]));
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        source.changed();
        if (ev != null) {
            eventsPerSku(moved, ReservationLine::sku, (sku, ls) -> ev.add(stripes.get(sku),
                    new InventoryEvent.ReservationReleased(EventIds.next(), now, sku, source.key, ls,
                            ReservationStatus.CONSUMED)));
        }
        if (!source.holdsAnything()) {
            source.finish(ReservationStatus.CONSUMED, now);
            retire(source);
        }
    }

    /** Sets the slots of {@code e} (its stripes locked) and lists what it lacks; null when everything fits. */
    private List<Shortage> shortages(Entries e) {
        List<Shortage> shortages = null;
        for (int i = 0; i < e.n; i++) {
                SkuStripe s = e.stripe(i);
                if (e.loc(i) != Entries.NETWORK) {
                    int slot = s == null || e.loc(i) < 0 ? -1 : s.slotOf(e.loc(i));
                    e.setSlot(i, slot);
                    int ats = slot < 0 ? 0 : s.ats(slot);
                    if (ats < e.qty(i)) {
                        shortages = add(shortages, new Shortage(e.sku(i), e.locationId(i), e.qty(i), ats));
                    }
                }
            }
            for (int i = 0; i < e.n; i++) {
                if (e.firstOfSku(i) && !hasShortageOf(shortages, e.sku(i))) {
                    SkuStripe s = e.stripe(i);
                    int total = e.totalOfSku(i);
                    long net = s == null ? 0 : s.networkAts();
                    if (net < total) {
                        shortages = add(shortages, new Shortage(e.sku(i), null, total, clamp(net)));
                    }
                }
            }
        return shortages;
    }

    /** Reserves every entry of {@code e}, whose slots {@link #shortages} set and found to fit. */
    private void holdAll(Entries e, OpEvents ev) {
        for (int i = 0; i < e.n; i++) {
            adjustHeld(e, i, e.qty(i), ev);
        }
    }

    /** See {@code InventoryStore#change}. */
    public ReservationResult change(ReservationChange change) {
        Checks.notNull(change, "change");
        Instant now = clock.instant();
        lapse(now);
        OpEvents ev = events(now);
        ReservationRequest asNew = new ReservationRequest(change.key(), change.reference(), change.lines(),
                change.expiresAt());
        ReservationResult result = Claim.use(reservations, change.key(), () -> new ReservationState(asNew, now),
                fresh -> {
                    ReservationResult r = reserveFresh(fresh, asNew, null, ev, now);
                    if (r.isReserved()) {
                        fresh.remember(change.changeKey(), ReservationChange.REMEMBERED_CHANGES);
                        schedule(fresh);
                    }
                    return r;
                }, ReservationResult::isReserved, existing -> changeExisting(existing, change, asNew, now, ev));
        publish(ev);
        purgeFinished(now);
        return result;
    }

    /** Changes a reservation found under the key; the caller holds its monitor. */
    private ReservationResult changeExisting(ReservationState s, ReservationChange change, ReservationRequest asNew,
                                             Instant now, OpEvents ev) {
        if (s.applied(change.changeKey())) {
            return new ReservationResult.Reserved(s.snapshot(), true);
        }
        ReservationResult r;
        if (s.status == ReservationStatus.ACTIVE) {
            r = replaceHeld(s, asNew, ev);
        } else {
            // holds anew under the same key: the finished state takes the new request, and keeps the old one if refused
            List<ReservationLine> oldRequested = s.requested;
            String oldReference = s.reference;
            Instant oldCreated = s.createdAt;
            Instant oldExpiry = s.expiresAt;
            ReservationStatus oldStatus = s.status;
            Instant oldFinished = s.finishedAt;
            Entries oldHeld = s.held;
            s.requested = asNew.lines();
            s.reference = asNew.reference();
            s.createdAt = now;
            s.expiresAt = asNew.expiresAt();
            s.status = ReservationStatus.ACTIVE;
            s.finishedAt = null;
            s.changed();
            r = reserveFresh(s, asNew, null, ev, now);
            if (!r.isReserved()) {
                s.requested = oldRequested;
                s.reference = oldReference;
                s.createdAt = oldCreated;
                s.expiresAt = oldExpiry;
                s.status = oldStatus;
                s.finishedAt = oldFinished;
                s.held = oldHeld;
                s.changed();
            }
        }
        if (r.isReserved()) {
            s.remember(change.changeKey(), ReservationChange.REMEMBERED_CHANGES);
            schedule(s);
        }
        return r;
    }

    /**
     * Replaces what the active reservation {@code s} holds with the request's lines, counting its units as its own,
     * or changes nothing; the caller holds its monitor.
     */
    private ReservationResult replaceHeld(ReservationState s, ReservationRequest request, OpEvents ev) {
        Entries want = Entries.ofReservation(request.lines(), stripes, locations);
        Entries had = s.held;
        Entries locks = new Entries(want.n + had.n);
        for (int i = 0; i < want.n; i++) {
            locks.add(want.sku(i), want.locationId(i), want.stripe(i), want.loc(i), 1);
        }
        for (int j = 0; j < had.n; j++) {
            if (had.qty(j) > 0) {
                locks.add(had.sku(j), had.locationId(j), had.stripe(j), had.loc(j), 1);
            }
        }
        locks.computeLockOrder();
        locks.lockAll();
        try {
            List<ReservationLine> released = new ArrayList<>(had.n);
            for (int j = 0; j < had.n; j++) {
                if (had.qty(j) > 0) {
                    released.add(new ReservationLine(had.sku(j), had.locationId(j), had.qty(j)));
                    adjustHeld(had, j, -had.qty(j), ev);
                }
            }
            List<Shortage> shortages = shortages(want);
            if (shortages != null) {
                for (int j = 0; j < had.n; j++) {
                    if (had.qty(j) > 0) {
                        adjustHeld(had, j, had.qty(j), ev);
                    }
                }
                LOG.debug("change of reservation {} refused: {}", s.key, shortages);
                return new ReservationResult.Insufficient(shortages);
            }
            holdAll(want, ev);
            s.held = want;
            s.requested = request.lines();
            s.reference = request.reference();
            s.expiresAt = request.expiresAt();
            s.changed();
            s.heldAsRequested = !want.merged;
            if (ev != null) {
                eventsPerSku(released, ReservationLine::sku, (sku, ls) -> ev.add(stripes.get(sku),
                        new InventoryEvent.ReservationReleased(EventIds.next(), ev.at, sku, s.key, ls,
                                ReservationStatus.RELEASED)));
                for (int k = 0; k < want.lockCount; k++) {
                    SkuStripe st = want.lockOrder(k);
                    ev.add(st, new InventoryEvent.StockReserved(EventIds.next(), ev.at, st.sku, s.key,
                            s.heldLinesOf(st)));
                }
                ev.finish();
            }
            return new ReservationResult.Reserved(s.snapshot(), false);
        } finally {
            locks.unlockAll();
        }
    }

    /**
     * Enters {@code s} (whose monitor the caller holds) in the table of holds, so that its entry is at or before its
     * expiry. A later expiry (an extension, the common edit) keeps the entry where it is, which costs nothing: when
     * the entry comes due, {@link #expireDue} moves it on to the expiry.
     */
    private void schedule(ReservationState s) {
        if (s.expiresAt == null || (s.holdSlot != null && !s.holdSlot.at().isAfter(s.expiresAt))) {
            return;
        }
        if (s.holdSlot != null) {
            holds.remove(s.holdSlot, s);
        }
        s.holdSlot = new ReservationState.HoldSlot(s.expiresAt, holdSeq.incrementAndGet());
        holds.put(s.holdSlot, s);
    }

    /**
     * Expires every hold due at {@code now} before an operation looks at stock, so that a lapsed hold never counts,
     * whether or not a sweep ran. Costs a look at the soonest expiry when nothing is due.
     */
    private void lapse(Instant now) {
        ReservationState.HoldSlot soonest = soonestHold();
        if (soonest != null && !soonest.at().isAfter(now)) {
            expireDue(now, null);
        }
    }

    /** {@link #lapse(Instant)} at the clock's now, reading the clock only when some hold has an expiry. */
    private void lapse() {
        ReservationState.HoldSlot soonest = soonestHold();
        if (soonest != null && !soonest.at().isAfter(clock.instant())) {
            expireDue(clock.instant(), null);
        }
    }

    private ReservationState.HoldSlot soonestHold() {
        if (holds.isEmpty()) {
            return null;
        }
        try {
            return holds.firstKey();
        } catch (java.util.NoSuchElementException emptiedMeanwhile) {
            return null;
        }
    }

    /**
     * Expires the holds due at {@code now}, waiting for any another thread is expiring, and adds those this call
     * expired to {@code expired} (when not null).
     */
    private void expireDue(Instant now, List<Reservation> expired) {
        Map.Entry<ReservationState.HoldSlot, ReservationState> due;
        while ((due = holds.firstEntry()) != null && !due.getKey().at().isAfter(now)) {
            ReservationState s = due.getValue();
            OpEvents ev = events(now);
            synchronized (s) {
                boolean current = due.getKey().equals(s.holdSlot);
                if (!s.abandoned && current && s.expiredAt(now)) {
                    releaseAll(s, ReservationStatus.EXPIRED, now, ev);
                    LOG.debug("hold {} expired at {}", s.key, now);
                    if (expired != null) {
                        expired.add(s.snapshot());
                    }
                }
                holds.remove(due.getKey(), s);
                if (current) {
                    s.holdSlot = null;
                    if (!s.abandoned && s.status == ReservationStatus.ACTIVE) {
                        // extended since the entry was made: it moves on to the expiry
                        schedule(s);
                    }
                }
            }
            publish(ev);
        }
    }

    /** See {@code InventoryStore#findReservation}. */
    public Optional<Reservation> findReservation(ReservationKey key) {
        Checks.notNull(key, "key");
        lapse();
        return find(reservations, key, ReservationState::snapshot);
    }

    private static <K, S extends Claim, V> Optional<V> find(ConcurrentHashMap<K, S> table, K key, Function<S, V> snapshot) {
        S s = table.get(key);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return s.abandoned ? Optional.empty() : Optional.of(snapshot.apply(s));
        }
    }

    /** See {@code InventoryStore#heldFor}: a scan of every key, for recovery paths and sweeps. */
    public HeldStock heldFor(String reference) {
        Checks.notNull(reference, "reference");
        lapse();
        List<Reservation> held = new ArrayList<>();
        for (ReservationState s : reservations.values()) {
            if (s.reference.equals(reference)) {
                synchronized (s) {
                    if (!s.abandoned && s.status == ReservationStatus.ACTIVE) {
                        held.add(s.snapshot());
                    }
                }
            }
        }
        List<Allocation> open = new ArrayList<>();
        for (AllocationState a : allocations.values()) {
            if (a.reference.equals(reference)) {
                synchronized (a) {
                    Allocation snapshot = a.abandoned ? null : a.snapshot();
                    if (snapshot != null && !snapshot.open().isEmpty()) {
                        open.add(snapshot);
                    }
                }
            }
        }
        held.sort(java.util.Comparator.comparing(Reservation::createdAt).thenComparing(r -> r.key().value()));
        open.sort(java.util.Comparator.comparing(Allocation::createdAt).thenComparing(a -> a.key().value()));
        return new HeldStock(reference, held, open);
    }

    /** See {@code InventoryStore#holders}: a scan of every key, for sweeps. */
    public List<String> holders(Instant madeAtOrBefore, String after, int limit) {
        Checks.notNull(madeAtOrBefore, "madeAtOrBefore");
        Checks.positive(limit, "limit");
        lapse();
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (ReservationState s : reservations.values()) {
            if (!s.createdAt.isAfter(madeAtOrBefore) && (after == null || s.reference.compareTo(after) > 0)) {
                synchronized (s) {
                    if (!s.abandoned && s.status == ReservationStatus.ACTIVE) {
                        keepFirst(found, s.reference, limit);
                    }
                }
            }
        }
        for (AllocationState a : allocations.values()) {
            if (!a.createdAt.isAfter(madeAtOrBefore) && (after == null || a.reference.compareTo(after) > 0)) {
                synchronized (a) {
                    if (!a.abandoned && !a.snapshot().open().isEmpty()) {
                        keepFirst(found, a.reference, limit);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static void keepFirst(java.util.TreeSet<String> found, String reference, int limit) {
        found.add(reference);
        if (found.size() > limit) {
            found.pollLast();
        }
    }

    /** See {@code InventoryStore#release(ReservationKey)}. */
    public Optional<Reservation> release(ReservationKey key) {
        Checks.notNull(key, "key");
        lapse();
        ReservationState s = reservations.get(key);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = stampsFinish ? clock.instant() : null;
        OpEvents ev = events(now);
        Reservation result;
        synchronized (s) {
            if (s.abandoned) {
                return Optional.empty();
            }
            if (s.status == ReservationStatus.ACTIVE) {
                releaseAll(s, ReservationStatus.RELEASED, now, ev);
            }
            result = s.snapshot();
        }
        publish(ev);
        purgeFinished(now);
        return Optional.of(result);
    }

    private void releaseAll(ReservationState s, ReservationStatus cause, Instant now, OpEvents ev) {
        Entries h = s.held;
        h.lockAll();
        try {
            if (ev != null) {
                for (int k = 0; k < h.lockCount; k++) {
                    SkuStripe st = h.lockOrder(k);
                    List<ReservationLine> lines = s.heldLinesOf(st);
                    if (!lines.isEmpty()) {
                        ev.add(st, new InventoryEvent.ReservationReleased(EventIds.next(), ev.at, st.sku, s.key, lines,
                                cause));
                    }
                }
            }
            for (int i = 0; i < h.n; i++) {
                int q = h.qty(i);
                if (q > 0) {
                    if (h.slot(i) < 0) {
                        addNetwork(ev, h.stripe(i), -q);
                    } else {
                        add(ev, h.stripe(i), h.slot(i), SkuStripe.RESERVED, -q);
                    }
                }
            }
            s.finish(cause, now);
            if (ev != null) {
                ev.finish();
            }
        } finally {
            h.unlockAll();
        }
        retire(s);
    }

    /** See {@code InventoryStore#release(ReservationKey, Sku, int)}. */
    public Optional<Reservation> release(ReservationKey key, Sku sku, int quantity) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Instant now = clock.instant();
        lapse(now);
        ReservationState s = reservations.get(key);
        if (s == null) {
            return Optional.empty();
        }
        OpEvents ev = events(now);
        Reservation result;
        synchronized (s) {
            if (s.abandoned) {
                return Optional.empty();
            }
            int held = s.heldQuantity(sku);
            if (held < quantity) {
                throw new IllegalArgumentException("quantity must be at most the " + held + " units of " + sku
                        + " held by reservation " + key + ", was " + quantity);
            }
            Entries h = s.held;
            SkuStripe st = stripes.get(sku);
            st.lock();
            try {
                List<ReservationLine> released = new ArrayList<>(2);
                int left = quantity;
                for (int pass = 0; pass < 2 && left > 0; pass++) {
                    for (int i = 0; i < h.n && left > 0; i++) {
                        boolean network = h.slot(i) < 0;
                        if (h.stripe(i) != st || h.qty(i) == 0 || network != (pass == 0)) {
                            continue;
                        }
                        int q = Math.min(left, h.qty(i));
                        h.setQty(i, h.qty(i) - q);
                        left -= q;
                        if (network) {
                            addNetwork(ev, st, -q);
                        } else {
                            add(ev, st, h.slot(i), SkuStripe.RESERVED, -q);
                        }
                        released.add(new ReservationLine(sku, h.locationId(i), q));
                    }
                }
                s.changed();
                if (!s.holdsAnything()) {
                    s.finish(ReservationStatus.RELEASED, now);
                    retire(s);
                }
                if (ev != null) {
                    ev.add(st, new InventoryEvent.ReservationReleased(EventIds.next(), now, sku, key, released,
                            ReservationStatus.RELEASED));
                    ev.finish();
                }
            } finally {
                st.unlock();
            }
            result = s.snapshot();
        }
        publish(ev);
        purgeFinished(now);
        return Optional.of(result);
    }

    /** See {@code InventoryStore#expireReservations}. */
    public List<Reservation> expireReservations(Instant now) {
        Checks.notNull(now, "now");
        List<Reservation> expired = new ArrayList<>();
        expireDue(now, expired);
        purgeFinished(clock.instant());
        return expired;
    }

    private void retire(ReservationState s) {
        if (keepFinished == null) {
            return;
        }
        if (keepFinished.isZero()) {
            // a later use of the key starts a new reservation instead of reviving this one
            s.abandoned = true;
            reservations.remove(s.key, s);
        } else {
            finished.offer(s);
        }
    }

    private void purgeFinished(Instant now) {
        if (keepFinished == null || (finished.isEmpty() && finishedAllocations.isEmpty()) || !purging.tryLock()) {
            return;
        }
        try {
            Instant horizon = now.minus(keepFinished);
            ReservationState h;
            while ((h = finished.peek()) != null) {
                synchronized (h) {
                    boolean stillFinished = h.status != ReservationStatus.ACTIVE && h.finishedAt != null;
                    if (stillFinished && h.finishedAt.isAfter(horizon)) {
                        break;
                    }
                    finished.poll();
                    if (stillFinished) {
                        h.abandoned = true;
                        reservations.remove(h.key, h);
                    }
                }
            }
            AllocationState a;
            while ((a = finishedAllocations.peek()) != null && !a.finishedAt.isAfter(horizon)) {
                finishedAllocations.poll();
                allocations.remove(a.key, a);
            }
        } finally {
            purging.unlock();
        }
    }

    /** Forgets {@code a} after the retention once nothing of it is open any more; call holding its monitor. */
    private void retireIfDone(AllocationState a, Instant now) {
        for (int i = 0; i < a.open.n; i++) {
            if (a.open.qty(i) > 0) {
                return;
            }
        }
        a.open = Entries.NONE;
        if (keepFinished == null || a.finishedAt != null) {
            return;
        }
        a.finishedAt = now;
        if (keepFinished.isZero()) {
            allocations.remove(a.key, a);
        } else {
            finishedAllocations.offer(a);
        }
    }

    // ---------------------------------------------------------------- allocations

    /** See {@code InventoryStore#allocate}. */
    public AllocationResult allocate(AllocationRequest request) {
        Checks.notNull(request, "request");
        Instant now = clock.instant();
        lapse(now);
        OpEvents ev = events(now);
        AllocationResult result = Claim.use(allocations, request.key(), () -> new AllocationState(request, now), fresh -> {
            ReservationState rs = request.reservation() == null ? null : reservations.get(request.reservation());
            if (rs == null) {
                return allocateFresh(fresh, request, null, ev, now);
            }
            synchronized (rs) {
                return allocateFresh(fresh, request, rs.abandoned ? null : rs, ev, now);
            }
        }, AllocationResult::isAllocated, existing -> {
            if (!sameLines(existing.requested, request.lines(), InventoryBook::unit, AllocationLine::quantity)
                    || !Objects.equals(existing.reservation, request.reservation())) {
                throw new IllegalArgumentException("allocationKey " + request.key()
                        + " was already used for other lines " + existing.requested + ", not " + request.lines());
            }
            return new AllocationResult.Allocated(existing.snapshot(), true);
        });
        publish(ev);
        purgeFinished(now);
        return result;
    }

    private AllocationResult allocateFresh(AllocationState state, AllocationRequest request, ReservationState rs,
                                           OpEvents ev, Instant now) {
        List<AllocationLine> lines = request.lines();
        Entries e = new Entries(lines.size());
        for (int i = 0, n = lines.size(); i < n; i++) {
            AllocationLine l = lines.get(i);
            int li = locations.indexOf(l.location());
            e.add(l.sku(), l.location(), stripes.get(l.sku()), li < 0 ? Entries.UNKNOWN : li, l.quantity());
        }
        e.computeLockOrder();
        Entries h = rs != null && rs.status == ReservationStatus.ACTIVE ? rs.held : null;
        int[] remain = h == null ? null : h.quantities();
        int[] drawn = h == null ? null : new int[h.n];
        int[] direct = new int[e.n];
        int[] need = new int[e.n];
        int[] fresh = new int[e.n];
        UndoLog undo = new UndoLog();
        List<Shortage> shortages = null;
        e.lockAll();
        try {
            for (int i = 0; i < e.n; i++) {
                SkuStripe s = e.stripe(i);
                e.setSlot(i, s == null || e.loc(i) < 0 ? -1 : s.slotOf(e.loc(i)));
            }
            if (h != null) {
                for (int i = 0; i < e.n; i++) {
                    for (int j = 0; j < h.n; j++) {
                        if (h.stripe(j) == e.stripe(i) && h.slot(j) >= 0 && h.loc(j) == e.loc(i) && remain[j] > 0) {
                            int d = Math.min(e.qty(i) - direct[i], remain[j]);
                            remain[j] -= d;
                            drawn[j] += d;
                            direct[i] += d;
                            undo.add(this, ev, e.stripe(i), e.slot(i), SkuStripe.RESERVED, -d);
                            undo.add(this, ev, e.stripe(i), e.slot(i), SkuStripe.ALLOCATED, d);
                        }
                    }
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < e.n; i++) {
                        for (int j = 0; j < h.n && direct[i] + need[i] < e.qty(i); j++) {
                            boolean network = h.slot(j) < 0;
                            if (h.stripe(j) != e.stripe(i) || remain[j] == 0 || network != (pass == 0)) {
                                continue;
                            }
                            int d = Math.min(e.qty(i) - direct[i] - need[i], remain[j]);
                            remain[j] -= d;
                            drawn[j] += d;
                            need[i] += d;
                            if (network) {
                                undo.addNetwork(this, ev, h.stripe(j), -d);
                            } else {
                                undo.add(this, ev, h.stripe(j), h.slot(j), SkuStripe.RESERVED, -d);
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < e.n; i++) {
                fresh[i] = e.qty(i) - direct[i] - need[i];
                need[i] += fresh[i];
                if (need[i] == 0) {
                    continue;
                }
                int ats = e.slot(i) < 0 ? 0 : e.stripe(i).ats(e.slot(i));
                if (ats < need[i]) {
                    shortages = add(shortages, new Shortage(e.sku(i), e.locationId(i), e.qty(i), direct[i] + ats));
                } else {
                    undo.add(this, ev, e.stripe(i), e.slot(i), SkuStripe.ALLOCATED, need[i]);
                }
            }
            for (int i = 0; i < e.n; i++) {
                SkuStripe s = e.stripe(i);
                if (s != null && e.firstOfSku(i) && s.networkAts() < 0) {
                    int freshTotal = 0;
                    for (int k = i; k < e.n; k++) {
                        if (e.stripe(k) == s) {
                            freshTotal += fresh[k];
                        }
                    }
                    shortages = add(shortages, new Shortage(e.sku(i), null, freshTotal,
                            (int) Math.max(0, freshTotal + s.networkAts())));
                }
            }
            if (shortages != null) {
                undo.rollback(this, ev);
                LOG.debug("allocation {} refused: {}", request.key(), shortages);
                return new AllocationResult.Insufficient(shortages);
            }
            state.open = e;
            if (h != null) {
                List<ReservationLine> consumed = new ArrayList<>();
                for (int j = 0; j < h.n; j++) {
                    if (drawn[j] > 0) {
                        h.setQty(j, remain[j]);
                        consumed.add(new ReservationLine(h.sku(j), h.locationId(j), drawn[j]));
                    }
                }
                if (!consumed.isEmpty()) {
                    rs.changed();
                    if (ev != null) {
                        eventsPerSku(consumed, ReservationLine::sku, (sku, ls) -> ev.add(stripes.get(sku),
                                new InventoryEvent.ReservationReleased(EventIds.next(), now, sku, rs.key, ls,
                                        ReservationStatus.CONSUMED)));
                    }
                    if (!rs.holdsAnything()) {
                        rs.finish(ReservationStatus.CONSUMED, now);
                        retire(rs);
                    }
                }
            }
            if (ev != null) {
                eventsPerSku(lines, AllocationLine::sku, (sku, ls) -> ev.add(stripes.get(sku),
                        new InventoryEvent.StockAllocated(EventIds.next(), now, sku, state.key, ls)));
                ev.finish();
            }
            return new AllocationResult.Allocated(state.snapshot(), false);
        } finally {
            e.unlockAll();
        }
    }

    private static <L> void eventsPerSku(List<L> lines, java.util.function.Function<L, Sku> skuOf,
                                         java.util.function.BiConsumer<Sku, List<L>> emit) {
        Map<Sku, List<L>> bySku = new java.util.LinkedHashMap<>();
        for (L l : lines) {
            bySku.computeIfAbsent(skuOf.apply(l), k -> new ArrayList<>(2)).add(l);
        }
        bySku.forEach(emit);
    }

    /** See {@code InventoryStore#findAllocation}. */
    public Optional<Allocation> findAllocation(AllocationKey key) {
        return find(allocations, Checks.notNull(key, "key"), AllocationState::snapshot);
    }

    /** See {@code InventoryStore#deallocate}. */
    public Allocation deallocate(AllocationKey key, Sku sku, LocationId location, int quantity) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        AllocationState a = openAllocation(key);
        Instant now = clock.instant();
        OpEvents ev = events(now);
        Allocation result;
        synchronized (a) {
            int i = openEntry(a, sku, location, quantity);
            SkuStripe s = a.open.stripe(i);
            s.lock();
            try {
                add(ev, s, a.open.slot(i), SkuStripe.ALLOCATED, -quantity);
                a.open.setQty(i, a.open.qty(i) - quantity);
                a.changed();
                if (ev != null) {
                    ev.add(s, new InventoryEvent.StockDeallocated(EventIds.next(), now, sku, key,
                            new AllocationLine(sku, location, quantity)));
                    ev.finish();
                }
            } finally {
                s.unlock();
            }
            result = a.snapshot();
            retireIfDone(a, now);
        }
        publish(ev);
        purgeFinished(now);
        return result;
    }

    private AllocationState openAllocation(AllocationKey key) {
        AllocationState a = allocations.get(key);
        if (a == null) {
            throw new IllegalArgumentException("allocationKey " + key + " is unknown");
        }
        return a;
    }

    private static int openEntry(AllocationState a, Sku sku, LocationId location, int quantity) {
        if (a.abandoned) {
            throw new IllegalArgumentException("allocationKey " + a.key + " is unknown");
        }
        int i = a.open.find(sku, location);
        int open = i < 0 ? 0 : a.open.qty(i);
        if (open < quantity) {
            throw new IllegalArgumentException("quantity must be at most the " + open + " units of " + sku + " at "
                    + location + " open in allocation " + a.key + ", was " + quantity);
        }
        return i;
    }

    /** See {@code InventoryStore#ship}. */
    public StockMovement ship(AllocationKey key, Sku sku, LocationId location, int quantity, MovementKey movementKey) {
        Checks.notNull(key, "key");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(quantity, "quantity");
        Checks.notNull(movementKey, "movementKey");
        Instant now = clock.instant();
        OpEvents ev = events(now);
        StockMovement result = Claim.use(movements, movementKey, MovementSlot::new,
                fresh -> shipFresh(fresh, key, sku, location, quantity, movementKey, now, ev), m -> true, existing -> {
                    StockMovement m = existing.movement;
                    if (!key.equals(existing.shippedFrom) || !m.sku().equals(sku) || !m.location().equals(location)
                            || m.quantity() != quantity) {
                        throw new IllegalArgumentException("movementKey " + movementKey + " was already used for " + m);
                    }
                    return m;
                });
        publish(ev);
        return result;
    }

    private StockMovement shipFresh(MovementSlot slot, AllocationKey key, Sku sku, LocationId location, int quantity,
                           MovementKey movementKey, Instant now, OpEvents ev) {
        AllocationState a = openAllocation(key);
        synchronized (a) {
            int i = openEntry(a, sku, location, quantity);
            SkuStripe s = a.open.stripe(i);
            s.lock();
            try {
                int p = a.open.slot(i);
                add(ev, s, p, SkuStripe.ALLOCATED, -quantity);
                add(ev, s, p, SkuStripe.ON_HAND, -quantity);
                a.open.setQty(i, a.open.qty(i) - quantity);
                a.changed();
                StockMovement m = StockMovement.of(movementKey, sku, location, MovementReason.SHIPMENT, quantity, now,
                        a.reference.isEmpty() ? key.value() : a.reference);
                s.record(m);
                slot.movement = m;
                slot.shippedFrom = key;
                if (ev != null) {
                    ev.add(s, new InventoryEvent.StockMoved(EventIds.next(), now, sku, m));
                    ev.finish();
                }
                return m;
            } finally {
                s.unlock();
                retireIfDone(a, now);
            }
        }
    }

    // ---------------------------------------------------------------- adjustments and settings

    /** See {@code InventoryStore#adjust}. */
    public AdjustmentResult adjust(StockAdjustment adjustment) {
        Checks.notNull(adjustment, "adjustment");
        if (adjustment.reason() == MovementReason.SHIPMENT) {
            throw new IllegalArgumentException("reason must not be SHIPMENT for adjustment " + adjustment.key()
                    + ": shipments are recorded by ship(), against an allocation");
        }
        Instant now = clock.instant();
        lapse(now);
        OpEvents ev = events(now);
        AdjustmentResult result = Claim.use(movements, adjustment.key(), MovementSlot::new,
                fresh -> adjustFresh(fresh, adjustment, now, ev), AdjustmentResult::isApplied, existing -> {
                    if (!adjustment.equals(existing.adjustment)) {
                        throw new IllegalArgumentException("movementKey " + adjustment.key() + " was already used for "
                                + existing.movement);
                    }
                    return new AdjustmentResult.Applied(existing.movement,
                            position(adjustment.sku(), adjustment.location()), true);
                });
        publish(ev);
        return result;
    }

    private AdjustmentResult adjustFresh(MovementSlot slot, StockAdjustment a, Instant now, OpEvents ev) {
        MovementReason r = a.reason();
        int q = a.quantity();
        SkuStripe s = stripeFor(a.sku(), 1);
        int loc = locations.register(a.location());
        s.lock();
        try {
            int p = s.slotOf(loc);
            long onHand = (p < 0 ? 0 : s.get(p, SkuStripe.ON_HAND)) + (long) r.onHandSign() * q;
            long quarantine = (p < 0 ? 0 : s.get(p, SkuStripe.QUARANTINE)) + (long) r.quarantineSign() * q;
            long inbound = (p < 0 ? 0 : s.get(p, SkuStripe.INBOUND)) + (long) r.inboundSign() * q;
            long returns = (p < 0 ? 0 : s.get(p, SkuStripe.RETURNS)) + (long) r.returnsSign() * q;
            int reserved = p < 0 ? 0 : s.get(p, SkuStripe.RESERVED);
            int allocated = p < 0 ? 0 : s.get(p, SkuStripe.ALLOCATED);
            int safety = p < 0 ? 0 : s.get(p, SkuStripe.SAFETY);
            String refusal = null;
            if (onHand < 0 || quarantine < 0 || inbound < 0 || returns < 0) {
                refusal = r + " of " + q + " would take " + (onHand < 0 ? "on hand" : quarantine < 0 ? "quarantine"
                        : inbound < 0 ? "inbound" : "returns in transit") + " below zero";
            } else if (Math.max(Math.max(onHand, quarantine), Math.max(inbound, returns)) > Integer.MAX_VALUE) {
                refusal = r + " of " + q + " would take a bucket above " + Integer.MAX_VALUE;
            } else if (onHand < (long) reserved + allocated) {
                refusal = r + " of " + q + " would leave on hand " + onHand + " below reserved " + reserved
                        + " + allocated " + allocated + "; release or re-source them first";
            } else {
                long atsBefore = p < 0 ? 0 : s.ats(p);
                long atsAfter = Math.max(0, onHand - reserved - allocated - safety);
                long networkAfter = s.sumAts() - atsBefore + atsAfter - s.networkReserved();
                if (networkAfter < 0) {
                    refusal = r + " of " + q + " would leave network-wide reservations of " + s.networkReserved()
                            + " units uncovered (available to sell would be " + (networkAfter + s.networkReserved())
                            + "); release them first";
                }
            }
            if (refusal != null) {
                return new AdjustmentResult.Refused(a, refusal + " (" + a.sku() + " at " + a.location() + ")");
            }
            if (p < 0) {
                p = s.slotFor(loc);
            }
            if (r.onHandSign() != 0) {
                add(ev, s, p, SkuStripe.ON_HAND, r.onHandSign() * q);
            }
            if (r.quarantineSign() != 0) {
                add(ev, s, p, SkuStripe.QUARANTINE, r.quarantineSign() * q);
            }
            if (r.inboundSign() != 0) {
                updateInbound(s, a);
                add(ev, s, p, SkuStripe.INBOUND, r.inboundSign() * q);
            }
            if (r.returnsSign() != 0) {
                add(ev, s, p, SkuStripe.RETURNS, r.returnsSign() * q);
            }
            StockMovement m = StockMovement.of(a.key(), a.sku(), a.location(), r, q, now, a.reference());
            s.record(m);
            slot.movement = m;
            slot.adjustment = a;
            if (ev != null) {
                ev.add(s, new InventoryEvent.StockMoved(EventIds.next(), now, a.sku(), m));
                ev.finish();
            }
            return new AdjustmentResult.Applied(m, toPosition(s, p, a.location()), false);
        } finally {
            s.unlock();
        }
    }

    private static void updateInbound(SkuStripe s, StockAdjustment a) {
        if (a.reason() == MovementReason.INBOUND_EXPECTED) {
            s.inbound(true).add(new InboundSupply(a.sku(), a.location(), a.quantity(), a.eta(), a.reference()));
            return;
        }
        ArrayList<InboundSupply> supply = s.inbound(false);
        int left = a.quantity();
        if (!a.reference().isEmpty()) {
            int i = 0;
            while (left > 0 && i < supply.size()) {
                InboundSupply x = supply.get(i);
                if (x.location().equals(a.location()) && x.reference().equals(a.reference())) {
                    int before = supply.size();
                    left = take(supply, i, left);
                    if (supply.size() < before) {
                        continue;
                    }
                }
                i++;
            }
        }
        while (left > 0) {
            int earliest = -1;
            for (int i = 0; i < supply.size(); i++) {
                InboundSupply x = supply.get(i);
                if (x.location().equals(a.location())
                        && (earliest < 0 || x.eta().isBefore(supply.get(earliest).eta()))) {
                    earliest = i;
                }
            }
            left = take(supply, earliest, left);
        }
    }

    /** Takes up to {@code left} units from supply entry {@code i}; removes it when emptied. Returns what is left. */
    private static int take(ArrayList<InboundSupply> supply, int i, int left) {
        InboundSupply x = supply.get(i);
        if (x.quantity() <= left) {
            supply.remove(i);
            return left - x.quantity();
        }
        supply.set(i, new InboundSupply(x.sku(), x.location(), x.quantity() - left, x.eta(), x.reference()));
        return 0;
    }

    /** See {@code InventoryStore#setSafetyStock}. */
    public void setSafetyStock(Sku sku, LocationId location, int quantity) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.notNegative(quantity, "quantity");
        SkuStripe s = stripeFor(sku, 1);
        int loc = locations.register(location);
        Instant now = clock.instant();
        lapse(now);
        OpEvents ev = events(now);
        s.lock();
        try {
            int p = s.slotFor(loc);
            int delta = quantity - s.get(p, SkuStripe.SAFETY);
            add(ev, s, p, SkuStripe.SAFETY, delta);
            if (s.networkAts() < 0) {
                long uncovered = -s.networkAts();
                add(ev, s, p, SkuStripe.SAFETY, -delta);
                throw new IllegalStateException("safety stock " + quantity + " of " + sku + " at " + location
                        + " would leave " + uncovered + " units of network-wide reservations uncovered; release them first");
            }
            if (ev != null) {
                ev.finish();
            }
        } finally {
            s.unlock();
        }
        publish(ev);
    }

    // ---------------------------------------------------------------- reads

    /** See {@code InventoryStore#position}. */
    public StockPosition position(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        lapse();
        SkuStripe s = stripes.get(sku);
        int loc = locations.indexOf(location);
        if (s == null || loc < 0) {
            return StockPosition.empty(sku, location);
        }
        s.lock();
        try {
            int p = s.slotOf(loc);
            return p < 0 ? StockPosition.empty(sku, location) : toPosition(s, p, location);
        } finally {
            s.unlock();
        }
    }

    private static StockPosition toPosition(SkuStripe s, int p, LocationId location) {
        return new StockPosition(s.sku, location, s.get(p, SkuStripe.ON_HAND), s.get(p, SkuStripe.RESERVED),
                s.get(p, SkuStripe.ALLOCATED), s.get(p, SkuStripe.SAFETY), s.get(p, SkuStripe.INBOUND),
                s.get(p, SkuStripe.RETURNS), s.get(p, SkuStripe.QUARANTINE));
    }

    /** See {@code InventoryStore#positions}. */
    public List<StockPosition> positions(Sku sku) {
        Checks.notNull(sku, "sku");
        lapse();
        SkuStripe s = stripes.get(sku);
        if (s == null) {
            return List.of();
        }
        List<StockPosition> result;
        s.lock();
        try {
            result = new ArrayList<>(s.size());
            for (int p = 0; p < s.size(); p++) {
                result.add(toPosition(s, p, locations.idAt(s.locationAt(p))));
            }
        } finally {
            s.unlock();
        }
        result.sort(Comparator.comparing(StockPosition::location));
        return result;
    }

    /** See {@code InventoryStore#networkReserved}. */
    public int networkReserved(Sku sku) {
        return readClamped(sku, SkuStripe::networkReserved);
    }

    /** See {@code InventoryStore#networkAvailable}. */
    public int networkAvailable(Sku sku) {
        return readClamped(sku, SkuStripe::networkAts);
    }

    private int readClamped(Sku sku, ToLongFunction<SkuStripe> figure) {
        Checks.notNull(sku, "sku");
        lapse();
        SkuStripe s = stripes.get(sku);
        if (s == null) {
            return 0;
        }
        s.lock();
        try {
            return clamp(figure.applyAsLong(s));
        } finally {
            s.unlock();
        }
    }

    /** See {@code InventoryStore#inbound}. */
    public List<InboundSupply> inbound(Sku sku) {
        Checks.notNull(sku, "sku");
        SkuStripe s = stripes.get(sku);
        if (s == null) {
            return List.of();
        }
        List<InboundSupply> result;
        s.lock();
        try {
            ArrayList<InboundSupply> supply = s.inbound(false);
            result = supply == null ? new ArrayList<>() : new ArrayList<>(supply);
        } finally {
            s.unlock();
        }
        result.sort(Comparator.comparing(InboundSupply::eta).thenComparing(InboundSupply::location));
        return List.copyOf(result);
    }

    /** See {@code InventoryStore#movements}. */
    public List<StockMovement> movements(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        SkuStripe s = stripes.get(sku);
        int loc = locations.indexOf(location);
        if (s == null || loc < 0) {
            return List.of();
        }
        List<StockMovement> result = new ArrayList<>();
        s.lock();
        try {
            int p = s.slotOf(loc);
            if (p >= 0 && s.get(p, SkuStripe.OPENING) > 0) {
                int q = s.get(p, SkuStripe.OPENING);
                result.add(new StockMovement(OPENING_KEY, sku, location, MovementReason.OPENING_BALANCE, q, q, 0, 0, 0,
                        openingAt, "opening balance"));
            }
            if (s.ledger() != null) {
                for (StockMovement m : s.ledger()) {
                    if (m.location().equals(location)) {
                        result.add(m);
                    }
                }
            }
        } finally {
            s.unlock();
        }
        return List.copyOf(result);
    }

    // ---------------------------------------------------------------- helpers

    private void add(OpEvents ev, SkuStripe s, int slot, int field, int delta) {
        if (ev != null) {
            ev.watch(s, slot);
        }
        s.add(slot, field, delta);
    }

    private void addNetwork(OpEvents ev, SkuStripe s, int delta) {
        if (ev != null) {
            ev.watch(s, -1);
        }
        s.addNetworkReserved(delta);
    }

    private static boolean hasShortageOf(List<Shortage> shortages, Sku sku) {
        if (shortages != null) {
            for (Shortage s : shortages) {
                if (s.sku().equals(sku)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>(2) : list;
        l.add(item);
        return l;
    }

    private static int clamp(long v) {
        return v <= 0 ? 0 : v >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** Whether two requests ask for the same units per (SKU, location), whatever the order or split of lines. */
    private static <L> boolean sameLines(List<L> a, List<L> b, Function<L, Object> unit, ToIntFunction<L> quantity) {
        if (a.equals(b)) {
            return true;
        }
        Map<Object, Integer> sa = new HashMap<>();
        Map<Object, Integer> sb = new HashMap<>();
        for (L l : a) {
            sa.merge(unit.apply(l), quantity.applyAsInt(l), Integer::sum);
        }
        for (L l : b) {
            sb.merge(unit.apply(l), quantity.applyAsInt(l), Integer::sum);
        }
        return sa.equals(sb);
    }

    private static Object unit(ReservationLine l) {
        return new ReservationLine(l.sku(), l.location(), 1);
    }

    private static Object unit(AllocationLine l) {
        return new AllocationLine(l.sku(), l.location(), 1);
    }

    // ---------------------------------------------------------------- events

    private OpEvents events(Instant now) {
        return publisher == null ? null : new OpEvents(now);
    }

    private void publish(OpEvents ev) {
        if (ev == null) {
            return;
        }
        for (int i = 0; i < ev.touched.size(); i++) {
            drain(ev.touched.get(i));
        }
    }

    private void drain(SkuStripe s) {
        while (s.hasQueuedEvents() && s.startDraining()) {
            try {
                ArrayList<InventoryEvent> batch;
                s.lock();
                try {
                    batch = s.takeQueued();
                } finally {
                    s.unlock();
                }
                if (batch != null) {
                    publisher.publish(batch);
                }
            } finally {
                s.stopDraining();
            }
        }
    }

    StockLevel positionLevel(SkuStripe s, int slot) {
        return StockLevel.of(s.ats(slot), s.get(slot, SkuStripe.ON_HAND),
                thresholds.thresholds(s.sku, locations.idAt(s.locationAt(slot))));
    }

    StockLevel networkLevel(SkuStripe s) {
        return StockLevel.of(clamp(s.networkAts()), clamp(s.sumOnHand()), thresholds.thresholds(s.sku, null));
    }

    /**
     * The events of one operation: its own events in order, plus one level change per position and per SKU whose
     * alert level differs after the operation from before it. Filled with the stripe locks held.
     */
    private final class OpEvents {
        final Instant at;
        final ArrayList<SkuStripe> touched = new ArrayList<>(4);
        private final ArrayList<SkuStripe> watchedStripes = new ArrayList<>(4);
        private final ArrayList<Integer> watchedSlots = new ArrayList<>(4);
        private final ArrayList<StockLevel> before = new ArrayList<>(4);
        private final ArrayList<SkuStripe> eventStripes = new ArrayList<>(4);
        private final ArrayList<InventoryEvent> events = new ArrayList<>(4);

        OpEvents(Instant at) {
            this.at = at;
        }

        void watch(SkuStripe s, int slot) {
            if (!touched.contains(s)) {
                touched.add(s);
                watchedStripes.add(s);
                watchedSlots.add(-1);
                before.add(networkLevel(s));
            }
            if (slot >= 0) {
                for (int i = 0; i < watchedStripes.size(); i++) {
                    if (watchedStripes.get(i) == s && watchedSlots.get(i) == slot) {
                        return;
                    }
                }
                watchedStripes.add(s);
                watchedSlots.add(slot);
                before.add(positionLevel(s, slot));
            }
        }

        void add(SkuStripe s, InventoryEvent e) {
            if (!touched.contains(s)) {
                touched.add(s);
            }
            eventStripes.add(s);
            events.add(e);
        }

        /** Queues the events on their stripes, level changes after the operation's own events. */
        void finish() {
            for (int i = 0; i < events.size(); i++) {
                eventStripes.get(i).enqueue(events.get(i));
            }
            for (int i = 0; i < watchedStripes.size(); i++) {
                SkuStripe s = watchedStripes.get(i);
                int slot = watchedSlots.get(i);
                StockLevel now = slot < 0 ? networkLevel(s) : positionLevel(s, slot);
                StockLevel was = before.get(i);
                if (now != was) {
                    LocationId location = slot < 0 ? null : locations.idAt(s.locationAt(slot));
                    int ats = slot < 0 ? clamp(s.networkAts()) : s.ats(slot);
                    s.enqueue(new InventoryEvent.StockLevelChanged(EventIds.next(), at, s.sku, location, was, now, ats));
                }
            }
            events.clear();
            eventStripes.clear();
        }
    }

    /** Changes made by an allocation, undone in reverse when it turns out short. */
    private static final class UndoLog {
        private final ArrayList<SkuStripe> stripes = new ArrayList<>();
        private int[] slots = new int[8];
        private int[] fields = new int[8];
        private int[] deltas = new int[8];
        private int n;

        void add(InventoryBook book, OpEvents ev, SkuStripe s, int slot, int field, int delta) {
            if (delta == 0) {
                return;
            }
            book.add(ev, s, slot, field, delta);
            push(s, slot, field, delta);
        }

        void addNetwork(InventoryBook book, OpEvents ev, SkuStripe s, int delta) {
            if (delta == 0) {
                return;
            }
            book.addNetwork(ev, s, delta);
            push(s, -1, -1, delta);
        }

        private void push(SkuStripe s, int slot, int field, int delta) {
            if (n == slots.length) {
                slots = java.util.Arrays.copyOf(slots, n * 2);
                fields = java.util.Arrays.copyOf(fields, n * 2);
                deltas = java.util.Arrays.copyOf(deltas, n * 2);
            }
            stripes.add(s);
            slots[n] = slot;
            fields[n] = field;
            deltas[n] = delta;
            n++;
        }

        void rollback(InventoryBook book, OpEvents ev) {
            for (int i = n - 1; i >= 0; i--) {
                if (slots[i] < 0) {
                    book.addNetwork(ev, stripes.get(i), -deltas[i]);
                } else {
                    book.add(ev, stripes.get(i), slots[i], fields[i], -deltas[i]);
                }
            }
            n = 0;
            stripes.clear();
        }
    }
}
