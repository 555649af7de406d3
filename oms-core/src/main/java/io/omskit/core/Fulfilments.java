package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.IllegalTransitionException;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderTransitions;
import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.BookingState;
import io.omskit.core.fulfilment.ParcelBooking;
import io.omskit.core.fulfilment.TrackingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fulfilment workflow: every step of an order's journey after allocation, run by the library. Reach it through
 * {@link Oms#fulfilments()}. A fulfilment is created (offered to its location) when an allocation is recorded on its
 * order; from then on each step here
 * <ol>
 *   <li>loads the fulfilment, applies the command (refused with a clear exception, nothing changed, when its status,
 *       kind or input does not allow it) and saves it against its version, retrying on a conflict;</li>
 *   <li>publishes the step's event (or leaves it to the repository's outbox);</li>
 *   <li>brings the order, the stock and the payment in line with every step of the fulfilment not yet reflected
 *       there, each under a key fixed by the fulfilment's version: units move on the order, stock leaves the location
 *       (or comes back to the store's shelf), and what was handed over is captured, what will not be is voided.</li>
 * </ol>
 * The fulfilment's saved step is the commitment: a second call of the same step (a retry after a failure at any point)
 * finds it applied and finishes the rest, and {@link #sync(OrderId)} does the same for a call nobody retried. Two
 * steps racing on one fulfilment (a collection and a cancellation) conflict on its version: exactly one wins. Steps
 * that happen once per fulfilment are keyed by themselves; a rejection and a part cancellation take the caller's key.
 * A packed parcel is quoted, booked with a carrier and tracked here too ({@link #quote}, {@link #book}, {@link #track}):
 * its booking is kept on the fulfilment, recorded under its key before the carrier is asked.
 * Thread-safe.
 */
public final class Fulfilments {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Fulfilments.class);

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final OrderBook book;
    private final StockKeeper stock;
    private final Settlement settlement;
    private final Network network;
    private final FulfilmentRepository repository;
    private final EventPublisher events;
    private final Clock clock;
    private final Map<DeliveryMethod, Duration> pickupPeriods;
    private final Map<LocationId, Duration> storePickupPeriods;
    private final Supplier<String> pickupCodes;
    private final Map<LocationType, Duration> typeAcceptanceLimits;
    private final Map<LocationId, Duration> acceptanceLimits;
    private final RecentVersions<FulfilmentId> published = new RecentVersions<>(100_000);
    private final FulfilmentEffects effects;
    private final Parcels parcels;

    Fulfilments(OrderBook book, StockKeeper stock, Settlement settlement, Network network, FulfilmentRepository repository,
                EventPublisher events, Clock clock, Map<DeliveryMethod, Duration> pickupPeriods,
                Map<LocationId, Duration> storePickupPeriods, Supplier<String> pickupCodes, CarrierGateway carriers,
                Map<LocationType, Duration> typeAcceptanceLimits, Map<LocationId, Duration> acceptanceLimits) {
        this.book = book;
        this.stock = stock;
        this.settlement = settlement;
        this.network = network;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.pickupPeriods = Map.copyOf(pickupPeriods);
        this.storePickupPeriods = Map.copyOf(storePickupPeriods);
        this.pickupCodes = pickupCodes;
        this.typeAcceptanceLimits = Map.copyOf(typeAcceptanceLimits);
        this.acceptanceLimits = Map.copyOf(acceptanceLimits);
        this.effects = new FulfilmentEffects(book, stock, settlement, clock);
        this.parcels = new Parcels(carriers, repository, book, this::record, clock);
    }

    // ---- reading ----

    /** The fulfilment; empty when unknown. */
    public Optional<Fulfilment> find(FulfilmentId id) {
        return repository.find(Checks.notNull(id, "fulfilmentId"));
    }

    /**
     * The fulfilment.
     *
     * @throws IllegalArgumentException when it is unknown
     */
    public Fulfilment get(FulfilmentId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("fulfilmentId " + id + " is not a known fulfilment"));
    }

    /** Every fulfilment of the order, oldest first; empty when none (or the order is unknown). */
    public List<Fulfilment> forOrder(OrderId orderId) {
        return repository.forOrder(Checks.notNull(orderId, "orderId"));
    }

    /** A location's work queue: its fulfilments in {@code status}, oldest first, at most {@code limit}. */
    public List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit) {
        Checks.notNull(location, "location");
        Checks.notNull(status, "status");
        Checks.positive(limit, "limit");
        return repository.atLocation(location, status, limit);
    }

    /**
     * A page of a location's work queue: the fulfilments waiting for {@code queue}'s step there, earliest promise first
     * (orders with no promise last, then the oldest offer), after {@code after} (null: from the start; pass
     * {@link io.omskit.core.spi.WorkQueuePosition#of} the last fulfilment of a page for the next), at most {@code limit}.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public List<Fulfilment> workQueue(LocationId location, io.omskit.core.fulfilment.WorkQueue queue,
                                      io.omskit.core.spi.WorkQueuePosition after, int limit) {
        Checks.notNull(location, "location");
        Checks.notNull(queue, "queue");
        Checks.positive(limit, "limit");
        return repository.workQueue(location, queue.statuses(), after, limit);
    }

    // ---- steps ----

    /** The location takes the fulfilment on. A repeated call changes nothing more. */
    public Fulfilment accept(FulfilmentId id) {
        return accept(id, io.omskit.core.order.Actor.SYSTEM);
    }

    /** {@link #accept(FulfilmentId)} by {@code actor}: its event names them. */
    Fulfilment accept(FulfilmentId id, io.omskit.core.order.Actor actor) {
        return step(id, "accept", f -> f.accept(actor, clock.instant()));
    }

    /**
     * The location refuses units of the fulfilment: all of them, or a part (a short pick). The units go back to the
     * order, open, and their stock at the location is released; re-sourcing them elsewhere is the sourcing's work
     * ({@code OrderSourcing.reject} does both). A second call with the same {@code rejectionKey} changes nothing more.
     *
     * @param units        the refused units per line; at most what the fulfilment holds
     * @param reason       the location's reason, for people: 1 to {@value Fulfilment#MAX_REASON_LENGTH} characters
     * @param rejectionKey the caller's key for this rejection (the store's task id)
     * @throws IllegalArgumentException naming the field when the units or reason are not acceptable; nothing changed
     */
    public Fulfilment reject(FulfilmentId id, List<LineQuantity> units, String reason, String rejectionKey) {
        Checks.identifier(rejectionKey, "rejectionKey");
        return step(id, "reject/" + rejectionKey, f -> f.reject(units, reason, clock.instant()));
    }

    /** Picking starts. */
    public Fulfilment startPicking(FulfilmentId id) {
        return startPicking(id, io.omskit.core.order.Actor.SYSTEM);
    }

    /** {@link #startPicking(FulfilmentId)} by {@code actor}: its event names them. */
    Fulfilment startPicking(FulfilmentId id, io.omskit.core.order.Actor actor) {
        return step(id, "pick", f -> f.startPicking(actor, clock.instant()));
    }

    /**
     * Everything left is picked and packed (reject what was not found first). A collection in store is then ready
     * for collection, within its pickup period; anything else is ready to ship.
     */
    public Fulfilment pack(FulfilmentId id) {
        return pack(id, io.omskit.core.order.Actor.SYSTEM);
    }

    /** {@link #pack(FulfilmentId)} by {@code actor}: its event names them. */
    Fulfilment pack(FulfilmentId id, io.omskit.core.order.Actor actor) {
        return step(id, "pack", f -> f.pack(pickupPeriod(f), actor, clock.instant()));
    }

    /**
     * The packed parcel is handed to the carrier: stock leaves the location. A delivery to the customer captures what
     * the parcel is worth (everything owed once nothing else waits); a transfer to the pickup store captures nothing
     * yet.
     *
     * @throws IllegalArgumentException when a second, different shipment is given for a fulfilment already shipped
     */
    public Fulfilment ship(FulfilmentId id, ShipmentDetails shipment) {
        return ship(id, shipment, List.of());
    }

    /**
     * As {@link #ship(FulfilmentId, ShipmentDetails)}, checking that {@code units} are exactly what was packed.
     *
     * @throws IllegalArgumentException when {@code units} differ from what was packed; nothing changed
     */
    public Fulfilment ship(FulfilmentId id, ShipmentDetails shipment, List<LineQuantity> units) {
        Checks.notNull(shipment, "shipment");
        Fulfilment f = get(id);
        if (f.shipment() != null && !f.shipment().equals(shipment)) {
            throw new IllegalArgumentException("shipment of fulfilment " + id + " must be " + f.shipment().shipmentRef()
                    + ", the shipment it left in, was " + shipment.shipmentRef());
        }
        // the step starts from this read: a stale one conflicts on saving and is read again
        return step(id, f, "ship", g -> g.ship(shipment, units, clock.instant()));
    }

    /**
     * A ship-to-store transfer arrived at the pickup store, which holds it for the customer (not as sellable stock)
     * within the pickup period: the order is ready for pickup.
     */
    public Fulfilment arrive(FulfilmentId id) {
        return step(id, "arrive", f -> f.arrive(pickupPeriod(f), clock.instant()));
    }

    /**
     * The customer collects the fulfilment at {@code store} with the pickup code they were given: a collection from
     * the store's own shelf takes the stock off it; the payment for the units is captured (everything owed once
     * nothing else waits).
     *
     * @throws IllegalArgumentException when {@code store} is not the pickup store or the code is wrong; nothing changed
     */
    public Fulfilment collect(FulfilmentId id, LocationId store, String pickupCode) {
        return collect(id, store, pickupCode, io.omskit.core.order.Actor.SYSTEM);
    }

    /** {@link #collect(FulfilmentId, LocationId, String)} handed over by {@code actor}: its event names them. */
    Fulfilment collect(FulfilmentId id, LocationId store, String pickupCode, io.omskit.core.order.Actor actor) {
        return step(id, "collect", f -> f.collect(store, pickupCode, actor, clock.instant()));
    }

    /** The parcel reached the customer; {@code proof} is the carrier's proof of delivery (may be null). */
    public Fulfilment deliver(FulfilmentId id, String proof) {
        return step(id, "deliver", f -> f.deliver(proof, clock.instant()));
    }

    /**
     * Nobody collected the fulfilment within its pickup period: its units go back to the store's sellable stock, are
     * cancelled on the order, and what was authorised for them is voided (the customer owes nothing for them).
     *
     * @throws IllegalFulfilmentTransitionException when it is not ready for collection or its period has not ended
     */
    public Fulfilment expire(FulfilmentId id) {
        return step(id, "expire", f -> f.expire(clock.instant()));
    }

    /**
     * Expires every fulfilment whose pickup period has ended, at most {@code limit}: call it from a scheduler.
     *
     * @return the fulfilments it expired
     */
    public List<FulfilmentId> expireUncollected(int limit) {
        Checks.positive(limit, "limit");
        List<FulfilmentId> expired = new ArrayList<>();
        for (Fulfilment f : repository.dueForExpiry(clock.instant(), limit)) {
            try {
                expire(f.id());
                expired.add(f.id());
            } catch (IllegalFulfilmentTransitionException collectedMeanwhile) {
                // collected or cancelled since it was listed
            }
        }
        return expired;
    }

    // ---- acceptance time limits ----

    /** The reason a fulfilment not accepted in time is rejected with, for people. */
    public static final String NOT_ACCEPTED_REASON = "not accepted in time";
    /** The rejection key of a fulfilment not accepted in time: a re-sourcing that uses it finishes the rejection. */
    public static final String NOT_ACCEPTED_KEY = "not-accepted-in-time";

    /**
     * How long {@code location} has to accept a fulfilment offered to it: its own limit ({@link Oms.Builder#acceptanceLimit(
     * LocationId, Duration)}), else its type's; empty when neither is configured (it may take as long as it likes).
     */
    public Optional<Duration> acceptanceLimit(LocationId location) {
        Checks.notNull(location, "location");
        Duration own = acceptanceLimits.get(location);
        if (own != null) {
            return Optional.of(own);
        }
        return network.find(location).map(l -> typeAcceptanceLimits.get(l.type()));
    }

    /**
     * When the fulfilment must be accepted by; empty when its location has no limit or it is no longer offered.
     */
    public Optional<java.time.Instant> acceptBy(Fulfilment f) {
        Checks.notNull(f, "fulfilment");
        if (f.status() != FulfilmentStatus.OFFERED) {
            return Optional.empty();
        }
        return acceptanceLimit(f.location()).map(limit -> f.createdAt().plus(limit));
    }

    /**
     * Offered fulfilments whose location did not accept them within its time limit, oldest offer first per location,
     * at most {@code limit} in all: what {@link #expireUnaccepted(int)} takes back. Looks at the locations of the
     * network with a limit (and those given a limit of their own).
     */
    public List<Fulfilment> unacceptedInTime(int limit) {
        Checks.positive(limit, "limit");
        java.time.Instant now = clock.instant();
        java.util.Set<LocationId> limited = new java.util.LinkedHashSet<>();
        for (Location l : network.locations()) {
            if (typeAcceptanceLimits.containsKey(l.type())) {
                limited.add(l.id());
            }
        }
        limited.addAll(acceptanceLimits.keySet());
        List<Fulfilment> due = new ArrayList<>();
        for (LocationId location : limited) {
            Duration allowed = acceptanceLimit(location).orElseThrow();
            for (Fulfilment f : repository.atLocation(location, FulfilmentStatus.OFFERED, limit - due.size())) {
                if (f.createdAt().plus(allowed).isAfter(now)) {
                    break;
                }
                due.add(f);
            }
            if (due.size() == limit) {
                break;
            }
        }
        return due;
    }

    /**
     * Takes back a fulfilment its location did not accept in time: all its units are rejected, for
     * {@value #NOT_ACCEPTED_REASON}, under the rejection key {@value #NOT_ACCEPTED_KEY}; they go back to the order, open,
     * and their stock at the location is released. Re-sourcing them is the sourcing's work ({@code
     * OrderSourcing.resourceUnaccepted} does both). A repeated call changes nothing more.
     *
     * @throws IllegalFulfilmentTransitionException when it is no longer offered (accepted meanwhile) or its time has not
     *                                              run out; nothing changed
     */
    public Fulfilment rejectUnaccepted(FulfilmentId id) {
        return step(id, "reject/" + NOT_ACCEPTED_KEY, f -> {
            java.time.Instant now = clock.instant();
            if (f.status() != FulfilmentStatus.OFFERED) {
                throw new IllegalFulfilmentTransitionException(f, FulfilmentCommand.REJECT,
                        "only an offered fulfilment is taken back for not being accepted in time");
            }
            Optional<java.time.Instant> by = acceptBy(f);
            if (by.isEmpty() || by.get().isAfter(now)) {
                throw new IllegalFulfilmentTransitionException(f, FulfilmentCommand.REJECT, by.map(
                        t -> "its location may accept it until " + t).orElse("its location has no acceptance time limit"));
            }
            return f.reject(f.units(), NOT_ACCEPTED_REASON, now);
        });
    }

    /**
     * Takes back every fulfilment not accepted in time, at most {@code limit} ({@link #rejectUnaccepted}): call it from
     * a scheduler when nothing re-sources (with sourcing, call {@code OrderSourcing.resourceUnaccepted} instead). One
     * that cannot be taken back now (accepted meanwhile, its order on hold, an adapter failed) is skipped, and logged
     * unless it was accepted meanwhile, so that it never keeps the others from being taken back.
     *
     * @return the fulfilments taken back
     */
    public List<FulfilmentId> expireUnaccepted(int limit) {
        List<FulfilmentId> taken = new ArrayList<>();
        for (Fulfilment f : unacceptedInTime(limit)) {
            try {
                rejectUnaccepted(f.id());
                taken.add(f.id());
            } catch (IllegalFulfilmentTransitionException acceptedMeanwhile) {
                // accepted or cancelled since it was listed
            } catch (RuntimeException e) {
                LOG.warn("fulfilment {} not accepted in time could not be taken back now: {}", f.id(), e.toString());
            }
        }
        return taken;
    }

    /**
     * Raises {@link io.omskit.core.fulfilment.FulfilmentEvent.ParcelDelayed}, once per parcel, for shipped parcels the
     * carrier has gone quiet about after the day promised to the customer (a parcel with news is flagged when the news
     * arrives, see {@link #track}). For the host's scheduler, like {@link #expireUncollected}: it looks at up to
     * {@code limitPerLocation} shipped fulfilments of each location, oldest first (delivered ones leave that list, so
     * what stays there is what customer service must act on).
     *
     * @return the fulfilments flagged by this call
     */
    public List<FulfilmentId> flagOverdueParcels(int limitPerLocation) {
        Checks.positive(limitPerLocation, "limitPerLocation");
        List<FulfilmentId> flagged = new ArrayList<>();
        for (io.omskit.core.network.Location location : network.locations()) {
            for (Fulfilment f : repository.atLocation(location.id(), FulfilmentStatus.SHIPPED, limitPerLocation)) {
                Instant now = clock.instant();
                if (f.overdueUnreported(now)) {
                    Fulfilment after = step(f.id(), "overdue/" + f.booking().trackingNumber(), x -> x.flagOverdue(now));
                    if (after.version() > f.version()) {
                        flagged.add(f.id());
                    }
                }
            }
        }
        return flagged;
    }

    /**
     * Cancels units of the fulfilment before they reach the customer (null or empty: everything left): they are
     * cancelled on the order, their stock is released (or, for a transfer already at the pickup store, goes back to
     * the store's sellable stock), and what was authorised for them is voided. A carrier label booked for the parcel
     * is voided too (the whole fulfilment cancelled, or a part: the label declares what is no longer in the parcel);
     * after a part cancellation book the parcel again as it is now ({@link #book}: the next attempt's key). A second
     * call with the same {@code cancellationKey} changes nothing more (and voids the label if the first call could not).
     *
     * @throws IllegalFulfilmentTransitionException when it has shipped (or is on its way to the pickup store)
     */
    public Fulfilment cancel(FulfilmentId id, List<LineQuantity> units, CancellationReason reason, String cancellationKey) {
        return cancel(id, units, reason, cancellationKey, io.omskit.core.order.Actor.SYSTEM);
    }

    /** {@link #cancel(FulfilmentId, List, CancellationReason, String)} as {@code actor} asked: the events name them. */
    Fulfilment cancel(FulfilmentId id, List<LineQuantity> units, CancellationReason reason, String cancellationKey,
                      io.omskit.core.order.Actor actor) {
        Checks.notNull(reason, "reason");
        Checks.identifier(cancellationKey, "cancellationKey");
        Fulfilment cancelled = step(id, "cancel/" + cancellationKey, f -> f.cancel(units, reason, actor, clock.instant()));
        return cancelBookingOfCancelled(cancelled);
    }

    /**
     * A fulfilment cancelled as a whole, or whose label outlived a part cancellation, voids its label; when the carrier
     * cannot do it now, a retry or sync will.
     */
    private Fulfilment cancelBookingOfCancelled(Fulfilment f) {
        boolean voidIt = f.status() == FulfilmentStatus.CANCELLED && f.booking() != null && f.booking().state().isLive()
                || f.bookingOutdated() || f.booking() != null && f.booking().state() == BookingState.CANCEL_REQUESTED;
        if (voidIt && parcels.configured()) {
            parcels.cancel(f);
            return get(f.id());
        }
        return f;
    }

    /**
     * Brings the order, its stock and its payment in line with every step of its fulfilments (and creates the
     * fulfilments of allocations recorded on the order by a call that stopped before creating them). For a sweep
     * after a crash; in the normal path it finds nothing to do.
     *
     * @return the order
     * @throws IllegalArgumentException when the order is unknown
     */
    public Order sync(OrderId orderId) {
        Order order = book.locked(orderId, () -> {
            catchUp(orderId);
            return settlement.settle(orderId);
        });
        for (Fulfilment f : repository.forOrder(orderId)) {
            cancelBookingOfCancelled(f);
        }
        return order;
    }

    /** {@link #sync(OrderId)} without the payment: for a workflow that settles the payment itself. */
    void catchUp(OrderId orderId) {
        open(book.current(orderId));
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (Fulfilment f : repository.forOrder(orderId)) {
            effects.propagate(flushed(f), true, false);
            if (!f.reshipsParcel()) {
                // a re-shipment's allocation is no order line's: the order's sync would give it back
                keys.add(f.inventoryKey().value());
            }
        }
        if (!keys.isEmpty()) {
            stock.syncStock(book.current(orderId), null, keys, false);
        }
    }

    /** Whether the order holds units for a fulfilment that does not exist yet or could still be cancelled. */
    boolean holdsCancellable(Order order) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LineAllocation a : order.allocations()) {
            if (seen.add(a.allocationKey())) {
                Optional<Fulfilment> f = repository.find(FulfilmentId.of(a.allocationKey()));
                if (f.isEmpty() || f.get().accepts(FulfilmentCommand.CANCEL)) {
                    return true;
                }
            }
        }
        return order.units(io.omskit.core.order.UnitState.OPEN) + order.units(io.omskit.core.order.UnitState.RESERVED) > 0;
    }

    // ---- creation (called once the order recorded an allocation) ----

    /** Creates the fulfilments of the order's allocations that have none yet, offered to their locations. */
    void open(Order order) {
        open(order, null);
    }

    /**
     * {@link #open(Order)}, where the fulfilments of inventory allocation {@code recorded} (null: none) are known to be
     * new: the order recorded it just now, and a fulfilment is only ever created after that. They are inserted without
     * looking for them first (an insert that finds one anyway saves nothing).
     */
    void open(Order order, String recorded) {
        Map<String, List<LineAllocation>> byKey = new LinkedHashMap<>();
        for (LineAllocation a : order.allocations()) {
            byKey.computeIfAbsent(a.allocationKey(), k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<LineAllocation>> e : byKey.entrySet()) {
            FulfilmentId id = FulfilmentId.of(e.getKey());
            LineAllocation first = e.getValue().get(0);
            if (!first.inventoryKey().equals(recorded) && repository.find(id).isPresent()) {
                current(id);
                continue;
            }
            List<FulfilmentLine> lines = new ArrayList<>();
            for (LineAllocation a : e.getValue()) {
                OrderLine line = order.line(a.line()).orElseThrow();
                lines.add(FulfilmentLine.of(a.line(), line.sku(), a.units()));
            }
            LocationType type = network.find(first.location()).map(Location::type).orElse(LocationType.WAREHOUSE);
            FulfilmentKind kind = FulfilmentKind.of(order.delivery(), first.location(), type);
            Change<Fulfilment, FulfilmentEvent> offered = Fulfilment.offer(id, order.id(), kind, first.location(),
                    order.delivery().pickupStore(), AllocationKey.of(first.inventoryKey()), lines,
                    kind.isCollected() ? pickupCodes.get() : null,
                    order.delivery().promised() == null ? null : order.delivery().promised().latest(), clock.instant());
            if (save(offered) == SaveOutcome.SAVED) {
                publish(offered.state(), offered.events());
            } else {
                current(id);
            }
        }
    }

    /**
     * Saves a re-shipment offered by customer service (see {@link Fulfilment#offerReshipment}) and publishes its offer;
     * when one with its id is stored already (an earlier call saved it), answers that one and saves nothing.
     */
    Fulfilment offerReshipment(Change<Fulfilment, FulfilmentEvent> offered) {
        Fulfilment f = offered.state();
        Optional<Fulfilment> stored = repository.find(f.id());
        if (stored.isPresent()) {
            return current(f.id());
        }
        if (save(offered) == SaveOutcome.SAVED) {
            publish(f, offered.events());
            return f;
        }
        return current(f.id());
    }

    // ---- the parcel with the carriers ----

    /**
     * What the host's carriers would charge to take {@code parcel} from the fulfilment's location to its order's
     * delivery address, cheapest first. Never throws for carrier trouble (the result says it).
     *
     * @throws IllegalArgumentException when the fulfilment is unknown or {@code parcel} is null
     * @throws IllegalStateException    when no {@link CarrierGateway} is configured or the order has no delivery address
     */
    public QuoteResult quote(FulfilmentId id, Parcel parcel) {
        return parcels.quote(get(id), parcel);
    }

    /**
     * Books a label for the packed fulfilment with the service of {@code quote} (one of {@link #quote}'s). The booking
     * is recorded on the fulfilment under a key before the carrier is asked; an unknown answer is asked again with that
     * key ({@link #reconcileBooking}), so a parcel never gets two labels. Asked again for a booked fulfilment, it
     * returns the label it has. The delivery day promised to the customer (the end of the order's promised window, or
     * else the quoted day) is kept with the booking; tracking reports are measured against it.
     *
     * @return booked with the label, declined with the carrier's reason (another service may be tried), or pending
     * @throws IllegalArgumentException when the fulfilment is unknown, or holds a live booking with another service
     * @throws IllegalStateException    when it is not packed and ready to ship by carrier, the order has no delivery
     *                                  address, or no {@link CarrierGateway} is configured; nothing changed
     */
    public BookingAttempt book(FulfilmentId id, Parcel parcel, Quote quote) {
        return parcels.book(get(id), parcel, quote);
    }

    /**
     * Asks the carrier again, with the same key, about a booking whose outcome was unknown, and records the answer; for
     * a booked or declined fulfilment it returns what is recorded (a label whose cancellation is not confirmed yet is
     * still booked).
     *
     * @throws IllegalStateException when the fulfilment has no booking, or its booking was cancelled
     */
    public BookingAttempt reconcileBooking(FulfilmentId id) {
        return parcels.ask(get(id));
    }

    /**
     * Cancels the fulfilment's booking with the carrier (its label becomes void) and records it; succeeds at once when
     * it has no live booking. The intent is recorded first, so an unknown answer is asked again with the same key by the
     * next call (or {@link #sync}); meanwhile no other label is booked. A declined cancellation (the carrier collected
     * the parcel) leaves the booking standing.
     * Cancelling the whole fulfilment ({@link #cancel}) does this by itself.
     */
    public CancellationResult cancelBooking(FulfilmentId id) {
        Fulfilment f = get(id);
        if (f.booking() == null || !f.booking().state().isLive()) {
            return CancellationResult.cancelled();
        }
        return parcels.cancel(f);
    }

    /**
     * Hands the packed fulfilment to the carrier of its booked label: {@link #ship(FulfilmentId, ShipmentDetails)} with
     * the label's booking reference, carrier and tracking number.
     *
     * @throws IllegalStateException when it has no booked label
     */
    public Fulfilment ship(FulfilmentId id) {
        ParcelBooking b = get(id).booking();
        if (b == null || b.state() != BookingState.BOOKED) {
            throw new IllegalStateException("fulfilment " + id + " has no booked label to ship with, its booking is "
                    + (b == null ? "none" : b.key() + " " + b.state()) + "; book one or ship with ShipmentDetails");
        }
        return ship(id, labelShipment(b));
    }

    /**
     * Takes in a carrier's tracking report, as its webhook delivered it: duplicated, late, out of order or inside a
     * re-sent history, all the same. The report goes to the fulfilment booked most recently with its carrier and
     * tracking number by the time of the report (carriers recycle numbers). A new report revises the expected delivery
     * day and may raise {@link FulfilmentEvent.ParcelDelayed} or {@link FulfilmentEvent.DeliveryFailed} for customer
     * service; the first report of a parcel in the carrier's hands ships a fulfilment still waiting to ship, and a
     * delivery delivers it (with its effects on the order and the payment). A known report changes nothing but finishes
     * what an interrupted call left (shipping, delivering).
     *
     * @return recorded (with the fulfilment after it), duplicate, or unmatched
     * @throws IllegalArgumentException when {@code report} is null
     */
    public TrackingResult track(TrackingEvent report) {
        TrackingResult result = parcels.track(report);
        if (result.isUnmatched()) {
            return result;
        }
        Fulfilment f = result.fold(TrackingResult.Recorded::fulfilment, TrackingResult.Duplicate::fulfilment, u -> null);
        Fulfilment after = followParcel(f);
        return result.isRecorded() ? new TrackingResult.Recorded(after) : new TrackingResult.Duplicate(after);
    }

    /** Ships a fulfilment the carrier has, and delivers one it delivered. */
    private Fulfilment followParcel(Fulfilment f) {
        ParcelBooking b = f.booking();
        if (b == null || b.state() != BookingState.BOOKED) {
            return f;
        }
        Fulfilment current = f;
        if (current.status() == FulfilmentStatus.READY_TO_SHIP && b.tracking().handedOver()) {
            current = ship(current.id(), labelShipment(b));
        }
        if (current.status() == FulfilmentStatus.SHIPPED && b.tracking().deliveredAt() != null
                && current.accepts(FulfilmentCommand.DELIVER)) {
            String detail = "";
            for (TrackingEvent r : b.tracking().reports()) {
                if (r.status() == io.omskit.core.shipping.TrackingStatus.DELIVERED) {
                    detail = r.detail();
                    break;
                }
            }
            current = deliver(current.id(), detail.isEmpty() ? "reported delivered by " + b.service().carrier() : detail);
        }
        return current;
    }

    private static ShipmentDetails labelShipment(ParcelBooking b) {
        return ShipmentDetails.of(b.label().bookingRef(), b.service().carrier(), b.trackingNumber());
    }

    /**
     * Applies {@code command} to the current fulfilment and saves it (retrying on a version conflict), for the steps of
     * its parcel that leave its status and its order as they are; a command that raises nothing saves nothing.
     */
    Fulfilment record(FulfilmentId id, Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Change<Fulfilment, FulfilmentEvent> change = command.apply(current(id));
            if (!change.changed()) {
                return change.state();
            }
            if (save(change) == SaveOutcome.SAVED) {
                publish(change.state(), change.events());
                return change.state();
            }
        }
        throw new SpiException("fulfilment " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES
                + " attempts", null, true);
    }

    // ---- internals ----

    private Duration pickupPeriod(Fulfilment f) {
        Duration atStore = f.pickupStore() == null ? null : storePickupPeriods.get(f.pickupStore());
        if (atStore != null) {
            return atStore;
        }
        return pickupPeriods.getOrDefault(f.kind() == FulfilmentKind.COLLECT_IN_STORE
                ? DeliveryMethod.EXPRESS_CLICK_AND_COLLECT : DeliveryMethod.SHIP_TO_STORE, Duration.ofDays(7));
    }

    private Fulfilment step(FulfilmentId id, String key, Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command) {
        return step(id, null, key, command);
    }

    /** {@link #step(FulfilmentId, String, Function)} starting from {@code read} (null: read it now), read by the caller. */
    private Fulfilment step(FulfilmentId id, Fulfilment read, String key,
                            Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command) {
        LogContext logged = LogContext.fulfilment(id);
        try {
            Fulfilment found = read != null ? read : get(id);
            return book.locked(found.orderId(), () -> {
                boolean again = found.applied(key);
                Fulfilment f = transition(found, key, command);
                if (effects.propagate(f, again, again)) {
                    settlement.settle(f.orderId());
                }
                return f;
            });
        } finally {
            logged.restore();
        }
    }

    /**
     * Applies the command to {@code read} (read before the order's lock was taken; a stale read conflicts on saving)
     * and saves it, unless {@code key} was applied already; retries on a version conflict.
     */
    private Fulfilment transition(Fulfilment read, String key, Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command) {
        FulfilmentId id = read.id();
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Fulfilment current = attempt == 0 ? flushed(read) : current(id);
            if (current.applied(key)) {
                return current;
            }
            Change<Fulfilment, FulfilmentEvent> change = command.apply(current);
            requireOrderTakes(current, change);
            Change<Fulfilment, FulfilmentEvent> keyed = new Change<>(change.state().withCommandKey(key), change.events());
            if (save(keyed) == SaveOutcome.SAVED) {
                publish(keyed.state(), keyed.events());
                return keyed.state();
            }
        }
        throw new SpiException("fulfilment " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES
                + " attempts", null, true);
    }

    /** Refuses a step whose effect the order would refuse now (it is on hold, say), before anything changes. */
    private void requireOrderTakes(Fulfilment f, Change<Fulfilment, FulfilmentEvent> change) {
        OrderCommand needed = FulfilmentEffects.orderCommand(f, change.events().get(0));
        if (needed == null) {
            return;
        }
        Order order = book.current(f.orderId());
        if (needed == OrderCommand.DELIVER && FulfilmentEffects.stillShipped(order, f.units()).isEmpty()) {
            // a re-shipment delivered the parcel's units before the parcel turned up: the order has nothing to follow
            return;
        }
        if (!OrderTransitions.isAllowed(order.status(), needed)) {
            throw new IllegalTransitionException(order.id(), order.status(), needed, "fulfilment " + f.id() + " waits");
        }
    }

    private SaveOutcome save(Change<Fulfilment, FulfilmentEvent> change) {
        return repository.storesEvents() ? repository.save(change.state(), change.events()) : repository.save(change.state());
    }

    private void publish(Fulfilment f, List<FulfilmentEvent> raised) {
        if (!repository.storesEvents()) {
            events.publish(raised);
            published.record(f.id(), f.version());
        }
    }

    /** The fulfilment, after publishing the events of its last step when this process has not seen them published. */
    private Fulfilment current(FulfilmentId id) {
        return flushed(get(id));
    }

    private Fulfilment flushed(Fulfilment f) {
        FulfilmentId id = f.id();
        if (!repository.storesEvents()) {
            if (!published.reached(id, f.version())) {
                events.publish(f.pendingEvents());
                published.record(id, f.version());
            }
        }
        return f;
    }
}
