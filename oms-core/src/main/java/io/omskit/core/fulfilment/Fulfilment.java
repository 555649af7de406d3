package io.omskit.core.fulfilment;

import io.omskit.core.event.EventIds;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.TrackingEvent;
import java.time.LocalDate;
import org.joda.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A fulfilment: one location's share of an order, shipped or collected as one. Immutable; every command returns a
 * {@link Change} with the fulfilment one version on and the one event it raised, and checks
 * {@link FulfilmentTransitions} first. Units given to it are accounted for line by line in {@link FulfilmentLine}.
 *
 * @param id           identity
 * @param version      1 when offered, one more after every command
 * @param orderId      the order it fulfils
 * @param kind         how its goods reach the customer
 * @param location     where it is picked and packed (and, for a collection in store, collected)
 * @param pickupStore  where the customer collects it; null for a delivery
 * @param inventoryKey the inventory allocation holding its stock at {@code location}
 * @param lines        its units per order line
 * @param status       where it is in its lifecycle
 * @param pickupCode   what the customer shows to collect it; null unless it is collected
 * @param collectBy    when a collection expires; null until it is ready for collection
 * @param shipment     the parcel it left in; null until shipped
 * @param createdAt    when it was offered
 * @param commandKeys  the keys of the keyed commands applied to it, so that a retry is recognised
 * @param history      every event it raised, oldest first: its story, and what the order is brought in line with
 * @param booking      its parcel's booking with a carrier and what the carrier reported since; null when none was
 *                     asked for (a fulfilment written before bookings existed reads back with none)
 * @param promisedBy   the latest moment promised to the customer for its order (what its location's work queue is
 *                     ordered by); null when nothing was promised
 * @param reshipment   what it re-ships at no charge, when it replaces a lost or damaged parcel; null for a fulfilment
 *                     of the order's own units (a fulfilment written before re-shipments existed reads back with none)
 */
public record Fulfilment(FulfilmentId id, long version, OrderId orderId, FulfilmentKind kind, LocationId location,
                         LocationId pickupStore, AllocationKey inventoryKey, List<FulfilmentLine> lines,
                         FulfilmentStatus status, String pickupCode, Instant collectBy, ShipmentDetails shipment,
                         Instant createdAt, List<String> commandKeys, List<FulfilmentEvent> history,
                         ParcelBooking booking, Instant promisedBy, Reshipment reshipment) {

    /** The longest rejection reason. */
    public static final int MAX_REASON_LENGTH = 200;

    private static final int FEW_LINES = 16;

    private static int firstIndexOf(List<FulfilmentLine> lines, LineId line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).line().equals(line)) {
                return i;
            }
        }
        return -1;
    }

    public Fulfilment {
        Checks.notNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Checks.notNull(orderId, "orderId");
        Checks.notNull(kind, "kind");
        Checks.notNull(location, "location");
        Checks.notNull(inventoryKey, "inventoryKey");
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines of fulfilment " + id + " must not be empty");
        }
        // every command rebuilds the fulfilment: a few lines are compared with each other faster than they are hashed
        Set<LineId> seen = lines.size() <= FEW_LINES ? null : new HashSet<>();
        for (int x = 0; x < lines.size(); x++) {
            LineId line = lines.get(x).line();
            if (seen != null ? !seen.add(line) : firstIndexOf(lines, line) < x) {
                throw new IllegalArgumentException("lines of fulfilment " + id + " must be unique, " + line + " appears twice");
            }
        }
        Checks.notNull(status, "status");
        if (kind.isCollected() && pickupStore == null) {
            throw new IllegalArgumentException("pickupStore of " + kind + " fulfilment " + id + " must not be null");
        }
        if (kind.isCollected() && (pickupCode == null || pickupCode.isBlank())) {
            throw new IllegalArgumentException("pickupCode of " + kind + " fulfilment " + id + " must not be blank");
        }
        Checks.notNull(createdAt, "createdAt");
        commandKeys = commandKeys == null ? List.of() : List.copyOf(commandKeys);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A new fulfilment, offered to {@code location}.
     *
     * @param pickupCode the code the customer will show; required for a collected kind, ignored otherwise
     */
    public static Change<Fulfilment, FulfilmentEvent> offer(FulfilmentId id, OrderId orderId, FulfilmentKind kind,
                                                            LocationId location, LocationId pickupStore,
                                                            AllocationKey inventoryKey, List<FulfilmentLine> lines,
                                                            String pickupCode, Instant now) {
        return offer(id, orderId, kind, location, pickupStore, inventoryKey, lines, pickupCode, null, now);
    }

    /**
     * A new fulfilment, offered to {@code location}, for an order promised to the customer by {@code promisedBy}.
     *
     * @param pickupCode the code the customer will show; required for a collected kind, ignored otherwise
     * @param promisedBy the latest moment promised for the order; null when nothing was promised
     */
    public static Change<Fulfilment, FulfilmentEvent> offer(FulfilmentId id, OrderId orderId, FulfilmentKind kind,
                                                            LocationId location, LocationId pickupStore,
                                                            AllocationKey inventoryKey, List<FulfilmentLine> lines,
                                                            String pickupCode, Instant promisedBy, Instant now) {
        Checks.notNull(kind, "kind");
        Fulfilment f = new Fulfilment(id, 1, orderId, kind, location, kind.isCollected() ? pickupStore : null, inventoryKey,
                lines, FulfilmentStatus.OFFERED, kind.isCollected() ? pickupCode : null, null, null, now, List.of(), List.of(), null,
                promisedBy, null);
        FulfilmentEvent e = new FulfilmentEvent.FulfilmentOffered(EventIds.next(), id, orderId, 1, now, kind, location,
                f.pickupStore, f.lines);
        return new Change<>(f.withHistory(e), List.of(e));
    }

    /**
     * A re-shipment of units of a lost or damaged parcel, offered to {@code location} for delivery to the order's
     * address: it moves no money and changes none of its order's quantities (see {@link Reshipment}).
     *
     * @throws IllegalArgumentException when {@code kind} is collected: only a parcel delivered by carrier is re-shipped
     */
    public static Change<Fulfilment, FulfilmentEvent> offerReshipment(FulfilmentId id, OrderId orderId, FulfilmentKind kind,
                                                                      LocationId location, AllocationKey inventoryKey,
                                                                      List<FulfilmentLine> lines, Reshipment reshipment,
                                                                      Instant now) {
        Checks.notNull(kind, "kind");
        Checks.notNull(reshipment, "reshipment");
        if (kind.isCollected()) {
            throw new IllegalArgumentException("kind of re-shipment " + id + " must be delivered by carrier, was " + kind);
        }
        Fulfilment f = new Fulfilment(id, 1, orderId, kind, location, null, inventoryKey, lines, FulfilmentStatus.OFFERED,
                null, null, null, now, List.of(), List.of(), null, null, reshipment);
        FulfilmentEvent e = new FulfilmentEvent.FulfilmentOffered(EventIds.next(), id, orderId, 1, now, kind, location,
                null, f.lines);
        return new Change<>(f.withHistory(e), List.of(e));
    }

    // ---- derived ----

    /** Whether it re-ships units of a lost or damaged parcel (at no charge) rather than fulfilling the order's own units. */
    public boolean reshipsParcel() {
        return reshipment != null;
    }

    /** The units still being fulfilled, per line (lines with none left are left out). */
    public List<LineQuantity> units() {
        List<LineQuantity> units = new ArrayList<>(lines.size());
        for (FulfilmentLine l : lines) {
            if (l.quantity() > 0) {
                units.add(LineQuantity.of(l.line(), l.quantity()));
            }
        }
        return units;
    }

    /** Units still being fulfilled, all lines together. */
    public int quantity() {
        int n = 0;
        for (FulfilmentLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** The events of the command that produced this version: what is still to be published after a failed call. */
    public List<FulfilmentEvent> pendingEvents() {
        List<FulfilmentEvent> pending = new ArrayList<>(1);
        for (FulfilmentEvent e : history) {
            if (e.version() == version) {
                pending.add(e);
            }
        }
        return pending;
    }

    /** Whether the command keyed {@code key} was applied. */
    public boolean applied(String key) {
        return commandKeys.contains(key);
    }

    /** Whether it accepts {@code command} now. */
    public boolean accepts(FulfilmentCommand command) {
        return FulfilmentTransitions.isAllowed(status, kind, command);
    }

    /** This fulfilment with {@code key} recorded as applied; the version stays the same. */
    public Fulfilment withCommandKey(String key) {
        Checks.identifier(key, "key");
        if (commandKeys.contains(key)) {
            return this;
        }
        return new Fulfilment(id, version, orderId, kind, location, pickupStore, inventoryKey, lines, status, pickupCode,
                collectBy, shipment, createdAt, appended(commandKeys, key), history, booking, promisedBy, reshipment);
    }

    /** {@code list} with {@code element} at its end, immutable, built with one copy (every command rebuilds it). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> appended(List<T> list, T element) {
        Object[] all = list.toArray(new Object[list.size() + 1]);
        all[list.size()] = element;
        return (List<T>) List.of(all);
    }

    // ---- commands ----

    /** The location takes it on. */
    public Change<Fulfilment, FulfilmentEvent> accept(Instant now) {
        return accept(Actor.SYSTEM, now);
    }

    /** The location takes it on, {@code actor} accepting it. */
    public Change<Fulfilment, FulfilmentEvent> accept(Actor actor, Instant now) {
        require(FulfilmentCommand.ACCEPT, null);
        Checks.notNull(actor, "actor");
        return next(FulfilmentStatus.ACCEPTED, lines, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentAccepted(EventIds.next(), id, orderId, v, now, actor));
    }

    /**
     * The location refuses {@code units} (all of them: the fulfilment is rejected; some: a part rejection such as a
     * short pick, and the rest goes on).
     *
     * @throws IllegalArgumentException naming the line and quantity when a line is not in it or has fewer units
     */
    public Change<Fulfilment, FulfilmentEvent> reject(List<LineQuantity> units, String reason, Instant now) {
        require(FulfilmentCommand.REJECT, null);
        Checks.text(Checks.notBlank(reason, "reason"), "reason", MAX_REASON_LENGTH);
        List<FulfilmentLine> after = take(units, "units", (l, n) -> new FulfilmentLine(l.line(), l.sku(), l.quantity() - n,
                l.rejected() + n, l.cancelled()));
        boolean whole = remaining(after) == 0;
        return next(whole ? FulfilmentStatus.REJECTED : status, after, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentRejected(EventIds.next(), id, orderId, v, now, units, reason, whole));
    }

    /** Picking starts. */
    public Change<Fulfilment, FulfilmentEvent> startPicking(Instant now) {
        return startPicking(Actor.SYSTEM, now);
    }

    /** Picking starts, by {@code actor}. */
    public Change<Fulfilment, FulfilmentEvent> startPicking(Actor actor, Instant now) {
        require(FulfilmentCommand.START_PICKING, null);
        Checks.notNull(actor, "actor");
        return next(FulfilmentStatus.PICKING, lines, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentPickingStarted(EventIds.next(), id, orderId, v, now, actor));
    }

    /**
     * Everything left is picked and packed (reject the units not found first): ready for collection when it is
     * collected where it was packed, which it then must be within {@code pickupPeriod}; ready to ship otherwise.
     */
    public Change<Fulfilment, FulfilmentEvent> pack(Duration pickupPeriod, Instant now) {
        return pack(pickupPeriod, Actor.SYSTEM, now);
    }

    /** {@link #pack(Duration, Instant)} by {@code actor}. */
    public Change<Fulfilment, FulfilmentEvent> pack(Duration pickupPeriod, Actor actor, Instant now) {
        require(FulfilmentCommand.PACK, null);
        Checks.notNull(actor, "actor");
        boolean collectHere = kind == FulfilmentKind.COLLECT_IN_STORE;
        Instant by = collectHere ? now.plus(Checks.notNull(pickupPeriod, "pickupPeriod")) : null;
        FulfilmentStatus to = collectHere ? FulfilmentStatus.READY_FOR_COLLECTION : FulfilmentStatus.READY_TO_SHIP;
        return next(to, lines, by, shipment,
                v -> new FulfilmentEvent.FulfilmentPacked(EventIds.next(), id, orderId, v, now, to, by, actor));
    }

    /**
     * Handed to the carrier.
     *
     * @param units when not empty, what the caller believes is in the parcel: it must be exactly what was packed
     * @throws IllegalArgumentException when {@code units} differ from what was packed
     */
    public Change<Fulfilment, FulfilmentEvent> ship(ShipmentDetails details, List<LineQuantity> units, Instant now) {
        require(FulfilmentCommand.SHIP, null);
        Checks.notNull(details, "shipment");
        if (units != null && !units.isEmpty() && !sameUnits(units)) {
            throw new IllegalArgumentException("units of shipment " + details.shipmentRef() + " must be what fulfilment " + id
                    + " packed, " + units() + ", was " + units + " (a fulfilment ships as one parcel)");
        }
        return next(FulfilmentStatus.SHIPPED, lines, collectBy, details,
                v -> new FulfilmentEvent.FulfilmentShipped(EventIds.next(), id, orderId, v, now, details));
    }

    /** A transfer arrived at the pickup store; it must be collected within {@code pickupPeriod}. */
    public Change<Fulfilment, FulfilmentEvent> arrive(Duration pickupPeriod, Instant now) {
        require(FulfilmentCommand.ARRIVE, null);
        Instant by = now.plus(Checks.notNull(pickupPeriod, "pickupPeriod"));
        return next(FulfilmentStatus.READY_FOR_COLLECTION, lines, by, shipment,
                v -> new FulfilmentEvent.FulfilmentArrivedAtStore(EventIds.next(), id, orderId, v, now, pickupStore, by));
    }

    /**
     * The customer collects it at {@code store} showing {@code code}.
     *
     * @throws IllegalArgumentException when {@code store} is not its pickup store or {@code code} is not its pickup code
     */
    public Change<Fulfilment, FulfilmentEvent> collect(LocationId store, String code, Instant now) {
        return collect(store, code, Actor.SYSTEM, now);
    }

    /** {@link #collect(LocationId, String, Instant)}, handed over by {@code actor}. */
    public Change<Fulfilment, FulfilmentEvent> collect(LocationId store, String code, Actor actor, Instant now) {
        require(FulfilmentCommand.COLLECT, null);
        Checks.notNull(actor, "actor");
        Checks.notNull(store, "store");
        if (!store.equals(pickupStore)) {
            throw new IllegalArgumentException("store must be the pickup store " + pickupStore + " of fulfilment " + id
                    + ", was " + store);
        }
        if (code == null || !code.equals(pickupCode)) {
            throw new IllegalArgumentException("pickupCode must be the code given for fulfilment " + id + ", was "
                    + Checks.quote(code));
        }
        return next(FulfilmentStatus.COLLECTED, lines, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentCollected(EventIds.next(), id, orderId, v, now, store, actor));
    }

    /** The parcel reached the customer. */
    public Change<Fulfilment, FulfilmentEvent> deliver(String proof, Instant now) {
        require(FulfilmentCommand.DELIVER, null);
        String p = proof == null ? "" : Checks.text(proof, "proof", 200);
        return next(FulfilmentStatus.DELIVERED, lines, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentDelivered(EventIds.next(), id, orderId, v, now, p));
    }

    /**
     * Cancels {@code units} (null or empty: everything left) before they reach the customer.
     *
     * @throws IllegalArgumentException naming the line and quantity when a line is not in it or has fewer units
     */
    public Change<Fulfilment, FulfilmentEvent> cancel(List<LineQuantity> units, CancellationReason reason, Instant now) {
        return cancel(units, reason, io.omskit.core.order.Actor.SYSTEM, now);
    }

    /** {@link #cancel(List, CancellationReason, Instant)} as {@code actor} asked: the event names them. */
    public Change<Fulfilment, FulfilmentEvent> cancel(List<LineQuantity> units, CancellationReason reason,
                                                      io.omskit.core.order.Actor actor, Instant now) {
        require(FulfilmentCommand.CANCEL, null);
        Checks.notNull(reason, "reason");
        Checks.notNull(actor, "actor");
        List<LineQuantity> what = units == null || units.isEmpty() ? units() : units;
        List<FulfilmentLine> after = take(what, "units", (l, n) -> new FulfilmentLine(l.line(), l.sku(), l.quantity() - n,
                l.rejected(), l.cancelled() + n));
        boolean whole = remaining(after) == 0;
        return next(whole ? FulfilmentStatus.CANCELLED : status, after, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentCancelled(EventIds.next(), id, orderId, v, now, what, reason, whole, actor));
    }

    /**
     * Nobody collected it in time: everything left goes back to the store's stock.
     *
     * @throws IllegalFulfilmentTransitionException when its pickup period has not ended at {@code now}
     */
    public Change<Fulfilment, FulfilmentEvent> expire(Instant now) {
        require(FulfilmentCommand.EXPIRE, null);
        if (now.isBefore(collectBy)) {
            throw new IllegalFulfilmentTransitionException(this, FulfilmentCommand.EXPIRE,
                    "it may be collected until " + collectBy);
        }
        List<LineQuantity> what = units();
        List<FulfilmentLine> after = new ArrayList<>(lines.size());
        for (FulfilmentLine l : lines) {
            after.add(new FulfilmentLine(l.line(), l.sku(), 0, l.rejected(), l.cancelled() + l.quantity()));
        }
        return next(FulfilmentStatus.EXPIRED, after, collectBy, shipment,
                v -> new FulfilmentEvent.FulfilmentExpired(EventIds.next(), id, orderId, v, now, what));
    }

    // ---- its parcel's booking and tracking (the status stays as it is) ----

    /**
     * Whether its live booking no longer describes the parcel: units were cancelled after the booking was asked for, so
     * the label declares more than the parcel holds. Such a label is voided, and the parcel booked again as it is now.
     */
    public boolean bookingOutdated() {
        if (booking == null || !booking.state().isLive() || booking.state() == BookingState.CANCEL_REQUESTED) {
            return false;
        }
        long requestedIn = Long.MAX_VALUE;
        for (FulfilmentEvent e : history) {
            if (e instanceof FulfilmentEvent.ParcelBookingRequested r && r.key().equals(booking.key())) {
                requestedIn = r.version();
            } else if (e instanceof FulfilmentEvent.FulfilmentCancelled c && c.version() > requestedIn) {
                return true;
            }
        }
        return false;
    }

    /** Whether a carrier label can be booked for it: it ships by carrier, is packed, and holds no live booking. */
    public boolean canBook() {
        return kind != FulfilmentKind.COLLECT_IN_STORE && status == FulfilmentStatus.READY_TO_SHIP
                && (booking == null || !booking.state().isLive());
    }

    /**
     * Records the intent to book its parcel with {@code service} under {@code key}, before the carrier is asked.
     *
     * @param destination    where the parcel goes
     * @param promisedBy     the day delivery was promised to the customer
     * @param quotedDelivery the day the carrier's quote expects delivery on
     * @throws IllegalStateException naming its status or its live booking when it cannot be booked now (see
     *                               {@link #canBook()})
     */
    public Change<Fulfilment, FulfilmentEvent> requestBooking(BookingKey key, CarrierService service, Parcel parcel,
                                                              Address destination, LocalDate promisedBy,
                                                              LocalDate quotedDelivery, Instant now) {
        Checks.notNull(key, "key");
        Checks.notNull(destination, "destination");
        if (!canBook()) {
            throw new IllegalStateException("fulfilment " + id + " cannot book a parcel now: it is " + status + " ("
                    + kind + ")" + (booking == null ? "" : " with booking " + booking.key() + " " + booking.state())
                    + "; a label is booked once per packed parcel that ships by carrier (READY_TO_SHIP, no live booking)");
        }
        int attempt = booking == null ? 1 : booking.attempt() + 1;
        ParcelBooking requested = ParcelBooking.requested(key, attempt, service, parcel, destination, promisedBy,
                quotedDelivery, Lane.to(location, destination), now);
        return withBooking(requested, v -> List.of(new FulfilmentEvent.ParcelBookingRequested(EventIds.next(), id, orderId,
                v, now, key, attempt, service)));
    }

    /**
     * Records the label the carrier issued for the requested booking. Recording the same label again changes nothing.
     *
     * @throws IllegalStateException when no booking is requested, or another label is recorded already
     */
    public Change<Fulfilment, FulfilmentEvent> recordBooked(Label label, Money price, Instant now) {
        Checks.notNull(label, "label");
        Checks.notNull(price, "price");
        if (booking != null && booking.state() == BookingState.BOOKED && label.equals(booking.label())) {
            return Change.unchanged(this);
        }
        requireBooking(BookingState.REQUESTED, "record a label");
        ParcelBooking booked = booking.booked(label, price, now);
        return withBooking(booked, v -> List.of(new FulfilmentEvent.ParcelBooked(EventIds.next(), id, orderId, v, now,
                booked.key(), booked.service(), label.trackingNumber(), price, booked.quotedDelivery())));
    }

    /**
     * Records that the carrier refused the requested booking; a new one may be requested under a new key.
     *
     * @throws IllegalStateException when no booking is requested
     */
    public Change<Fulfilment, FulfilmentEvent> recordBookingDeclined(String reason, Instant now) {
        requireBooking(BookingState.REQUESTED, "record a declined booking");
        String why = reason == null || reason.isBlank() ? "declined by the carrier" : Checks.text(reason.strip()
                .replaceAll("\\p{Cntrl}", " "), "reason", MAX_REASON_LENGTH);
        ParcelBooking declined = booking.declined(why);
        return withBooking(declined, v -> List.of(new FulfilmentEvent.ParcelBookingDeclined(EventIds.next(), id, orderId,
                v, now, declined.key(), declined.service(), why)));
    }

    /**
     * Records the intent to cancel its booked label, before the carrier is asked. Asked again, it changes nothing.
     *
     * @throws IllegalStateException when its booking is not booked
     */
    public Change<Fulfilment, FulfilmentEvent> requestBookingCancellation(Instant now) {
        if (booking != null && booking.state() == BookingState.CANCEL_REQUESTED) {
            return Change.unchanged(this);
        }
        requireBooking(BookingState.BOOKED, "cancel its booking");
        ParcelBooking cancelling = booking.inState(BookingState.CANCEL_REQUESTED, "");
        return withBooking(cancelling, v -> List.of(new FulfilmentEvent.ParcelBookingCancellationRequested(EventIds.next(),
                id, orderId, v, now, cancelling.key(), cancelling.service(), cancelling.trackingNumber())));
    }

    /**
     * Records that the carrier voided its label. Recorded again, it changes nothing.
     *
     * @throws IllegalStateException when no cancellation of its booking is requested
     */
    public Change<Fulfilment, FulfilmentEvent> recordBookingCancelled(Instant now) {
        if (booking != null && booking.state() == BookingState.CANCELLED) {
            return Change.unchanged(this);
        }
        requireBooking(BookingState.CANCEL_REQUESTED, "record a cancelled booking");
        ParcelBooking cancelled = booking.cancelled();
        return withBooking(cancelled, v -> List.of(new FulfilmentEvent.ParcelBookingCancelled(EventIds.next(), id, orderId,
                v, now, cancelled.key(), cancelled.service(), cancelled.trackingNumber())));
    }

    /**
     * Records that the carrier refused to void its label (it collected the parcel): the booking stands.
     *
     * @throws IllegalStateException when no cancellation of its booking is requested
     */
    public Change<Fulfilment, FulfilmentEvent> recordBookingCancellationDeclined(String reason, Instant now) {
        requireBooking(BookingState.CANCEL_REQUESTED, "record a declined cancellation");
        String why = reason == null || reason.isBlank() ? "declined by the carrier" : Checks.text(reason.strip()
                .replaceAll("\\p{Cntrl}", " "), "reason", MAX_REASON_LENGTH);
        ParcelBooking standing = booking.inState(BookingState.BOOKED, why);
        return withBooking(standing, v -> List.of(new FulfilmentEvent.ParcelBookingCancellationDeclined(EventIds.next(), id,
                orderId, v, now, standing.key(), standing.service(), standing.trackingNumber(), why)));
    }

    /**
     * Records a carrier's report on its parcel. A report it knows already (same carrier, number, time and status)
     * changes nothing. A new one raises {@link FulfilmentEvent.ParcelTracked}; and also {@link
     * FulfilmentEvent.DeliveryFailed} for a failed attempt, an exception or a return to the sender reported before any
     * delivery, {@link FulfilmentEvent.ParcelDelayed} when it turns late ({@link ParcelBooking#late()}) for an expected
     * day not reported before (or, once, without a new estimate), and {@link FulfilmentEvent.ParcelDeliveryRecorded} for the first delivery. Its status stays: the
     * workflow ships or delivers it.
     *
     * @throws IllegalArgumentException when the report names another carrier or tracking number than its label
     * @throws IllegalStateException    when it has no label
     */
    public Change<Fulfilment, FulfilmentEvent> track(TrackingEvent report, Instant now) {
        Checks.notNull(report, "report");
        if (booking == null || booking.label() == null) {
            throw new IllegalStateException("fulfilment " + id + " has no label to track, its booking is "
                    + (booking == null ? "none" : booking.key() + " " + booking.state()));
        }
        if (!report.carrier().equals(booking.service().carrier()) || !report.trackingNumber().equals(booking.trackingNumber())) {
            throw new IllegalArgumentException("report must be about " + booking.service().carrier() + " "
                    + booking.trackingNumber() + ", the label of fulfilment " + id + ", was " + report.carrier() + " "
                    + report.trackingNumber());
        }
        if (booking.tracking().knows(report)) {
            return Change.unchanged(this);
        }
        ParcelBooking before = booking;
        ParcelBooking after = booking.tracked(report);
        return withBooking(after, v -> {
            List<FulfilmentEvent> raised = new ArrayList<>(3);
            ParcelTracking t = after.tracking();
            raised.add(new FulfilmentEvent.ParcelTracked(EventIds.next(), id, orderId, v, now, after.service(),
                    after.trackingNumber(), report.status(), report.detail(), report.occurredAt(), t.status(),
                    t.expectedDelivery()));
            Instant deliveredAt = t.deliveredAt();
            if (report.status().isTrouble() && (deliveredAt == null || report.occurredAt().isAfter(deliveredAt))) {
                raised.add(new FulfilmentEvent.DeliveryFailed(EventIds.next(), id, orderId, v, now, after.service(),
                        after.trackingNumber(), report.status(), report.detail(), report.occurredAt()));
            }
            LocalDate revised = t.expectedDelivery() != null && t.expectedDelivery().isAfter(after.promisedBy())
                    ? t.expectedDelivery() : null;
            if (after.late() && !delayReported(revised)) {
                raised.add(new FulfilmentEvent.ParcelDelayed(EventIds.next(), id, orderId, v, now, after.service(),
                        after.trackingNumber(), after.promisedBy(), revised));
            }
            if (before.tracking().deliveredAt() == null && deliveredAt != null) {
                raised.add(new FulfilmentEvent.ParcelDeliveryRecorded(EventIds.next(), id, orderId, v, now, after.service(),
                        after.lane(), after.promisedBy(), t.deliveredOn(), after.deliveredOnTime()));
            }
            return raised;
        });
    }

    /**
     * Whether its parcel is overdue and nobody was told yet: shipped with a label, not delivered, the day promised to
     * the customer over (UTC, at {@code now}), and no {@link FulfilmentEvent.ParcelDelayed} raised for it so far.
     */
    public boolean overdueUnreported(Instant now) {
        Checks.notNull(now, "now");
        if (status != FulfilmentStatus.SHIPPED || booking == null || booking.label() == null
                || booking.state() != BookingState.BOOKED || booking.tracking().deliveredAt() != null
                || !now.atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(booking.promisedBy())) {
            return false;
        }
        for (FulfilmentEvent e : history) {
            if (e instanceof FulfilmentEvent.ParcelDelayed d && booking.trackingNumber().equals(d.trackingNumber())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Raises {@link FulfilmentEvent.ParcelDelayed} (with no new estimate) for a parcel the carrier has gone quiet about
     * past the promised day ({@link #overdueUnreported}); changes nothing otherwise, so it raises it once.
     */
    public Change<Fulfilment, FulfilmentEvent> flagOverdue(Instant now) {
        if (!overdueUnreported(now)) {
            return Change.unchanged(this);
        }
        return withBooking(booking, v -> List.of(new FulfilmentEvent.ParcelDelayed(EventIds.next(), id, orderId, v, now,
                booking.service(), booking.trackingNumber(), booking.promisedBy(), null)));
    }

    private boolean delayReported(LocalDate expected) {
        for (FulfilmentEvent e : history) {
            if (e instanceof FulfilmentEvent.ParcelDelayed d && java.util.Objects.equals(d.expectedDelivery(), expected)
                    && d.trackingNumber() != null && d.trackingNumber().equals(booking.trackingNumber())) {
                return true;
            }
        }
        return false;
    }

    private void requireBooking(BookingState state, String what) {
        if (booking == null || booking.state() != state) {
            throw new IllegalStateException("fulfilment " + id + " cannot " + what + ": its booking must be " + state
                    + ", was " + (booking == null ? "none" : booking.key() + " " + booking.state()));
        }
    }

    private Change<Fulfilment, FulfilmentEvent> withBooking(ParcelBooking newBooking,
                                                            Function<Long, List<FulfilmentEvent>> events) {
        long v = version + 1;
        List<FulfilmentEvent> raised = events.apply(v);
        List<FulfilmentEvent> more = new ArrayList<>(history.size() + raised.size());
        more.addAll(history);
        more.addAll(raised);
        Fulfilment f = new Fulfilment(id, v, orderId, kind, location, pickupStore, inventoryKey, lines, status, pickupCode,
                collectBy, shipment, createdAt, commandKeys, more, newBooking, promisedBy, reshipment);
        return new Change<>(f, raised);
    }

    // ---- internals ----

    private void require(FulfilmentCommand command, String detail) {
        if (!FulfilmentTransitions.isAllowed(status, kind, command)) {
            throw new IllegalFulfilmentTransitionException(this, command, detail);
        }
    }

    private Fulfilment withHistory(FulfilmentEvent event) {
        return new Fulfilment(id, version, orderId, kind, location, pickupStore, inventoryKey, lines, status, pickupCode,
                collectBy, shipment, createdAt, commandKeys, appended(history, event), booking, promisedBy, reshipment);
    }

    private Change<Fulfilment, FulfilmentEvent> next(FulfilmentStatus to, List<FulfilmentLine> newLines, Instant by,
                                                     ShipmentDetails newShipment, Function<Long, FulfilmentEvent> event) {
        long v = version + 1;
        FulfilmentEvent e = event.apply(v);
        Fulfilment f = new Fulfilment(id, v, orderId, kind, location, pickupStore, inventoryKey, newLines, to, pickupCode,
                by, newShipment, createdAt, commandKeys, history, booking, promisedBy, reshipment).withHistory(e);
        return new Change<>(f, List.of(e));
    }

    private interface Take {
        FulfilmentLine apply(FulfilmentLine line, int n);
    }

    private List<FulfilmentLine> take(List<LineQuantity> units, String field, Take take) {
        Checks.notNull(units, field);
        if (units.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        List<FulfilmentLine> after = new ArrayList<>(lines);
        for (LineQuantity q : units) {
            int index = -1;
            for (int i = 0; i < after.size(); i++) {
                if (after.get(i).line().equals(q.line())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException(field + " must name lines of fulfilment " + id + ", line " + q.line()
                        + " is not one of them");
            }
            FulfilmentLine l = after.get(index);
            if (q.quantity() > l.quantity()) {
                throw new IllegalArgumentException(field + " of line " + q.line() + " must be <= the " + l.quantity()
                        + " unit(s) fulfilment " + id + " still holds, was " + q.quantity());
            }
            after.set(index, take.apply(l, q.quantity()));
        }
        return after;
    }

    private static int remaining(List<FulfilmentLine> lines) {
        int n = 0;
        for (FulfilmentLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    private boolean sameUnits(List<LineQuantity> units) {
        java.util.Map<LineId, Integer> asked = new java.util.HashMap<>();
        for (LineQuantity q : units) {
            asked.merge(q.line(), q.quantity(), Integer::sum);
        }
        java.util.Map<LineId, Integer> held = new java.util.HashMap<>();
        for (LineQuantity q : units()) {
            held.put(q.line(), q.quantity());
        }
        return asked.equals(held);
    }
}
