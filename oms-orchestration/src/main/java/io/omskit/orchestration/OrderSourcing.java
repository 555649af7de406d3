package io.omskit.orchestration;

import io.omskit.core.Oms;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.UnitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.resourcing.ResourcingHistory;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.result.UnsourcedDisposition;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sources the orders of an {@link Oms} with a {@link SourcingEngine}: allocates the plan's stock (drawing on the
 * order's reservation) and records one fulfilment per location on the order; when a location rejects or
 * short-picks, re-sources the refused units elsewhere and updates the order, backordering or cancelling them
 * when the engine gives up. Thread-safe.
 */
public final class OrderSourcing {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSourcing.class);

    private final Oms oms;
    private final SourcingEngine engine;
    /** Plans allocated and not yet recorded on their order, so that a retry records the allocation as planned. */
    private final Cache<io.omskit.core.inventory.AllocationKey, SourcingPlan> unrecorded =
            CacheBuilder.newBuilder().maximumSize(10_000).build();

    /** Sources the orders of {@code oms} with {@code engine}; both must share the inventory store. */
    public OrderSourcing(Oms oms, SourcingEngine engine) {
        this.oms = Checks.notNull(oms, "oms");
        this.engine = Checks.notNull(engine, "engine");
    }

    /**
     * Sources every open and reserved unit of the order and records the allocation on it. The allocation is keyed by the
     * order's version: a retry after a failure before the order was saved replays the same allocation and records it;
     * after the save, a retry finds nothing left to source and answers with the allocation recorded last (replayed).
     *
     * <p>What the engine decides for units it leaves unsourced is in the result's {@link SourcingResult#unsourced()}
     * and acted on here: backordered units stay open; when a stage waits, the units stay open, the moment the order
     * first reached the stage is kept with the order (a system note) so that the next call counts the wait from then,
     * and {@link SourcingResult#retryAt()} says when to call again; when the routing rules cancel, the order's open and
     * reserved units are cancelled as {@link Oms#cancel(OrderId, List, CancellationReason, String)} does (stock
     * released, payment voided, reason {@link CancellationReason#OUT_OF_STOCK}), with a note naming the stage.
     *
     * @return the engine's result; when nothing could be allocated the order is unchanged but for a note when the
     *         routing rules wait or cancel, and the cancellation
     * @throws IllegalArgumentException when the order is unknown
     * @throws io.omskit.core.order.IllegalTransitionException when the order has nothing left to source and takes no
     *         allocation (cancelled, shipped); stock an earlier, interrupted call allocated for it is given back first,
     *         and a cancellation the routing rules asked for that stopped before the payment was voided is finished
     * @throws IllegalStateException when the order has no open or reserved unit left to source and no allocation
     */
    public SourcingResult source(OrderId id) {
        // publishes what an earlier, interrupted call left unpublished before going on
        Order order = oms.publishPendingEvents(id);
        if (order.units(UnitState.OPEN) + order.units(UnitState.RESERVED) == 0) {
            // a cancellation the routing rules asked for may have stopped before the payment was voided: finish it
            for (io.omskit.core.order.CommandKey k : order.commandKeys()) {
                if (k.command() == io.omskit.core.order.OrderCommand.CANCEL && k.key().startsWith(ROUTING_CANCEL)) {
                    oms.cancel(id, List.of(), CancellationReason.OUT_OF_STOCK, k.key());
                }
            }
            // an earlier call may have allocated stock the order never recorded (it failed, the order moved on)
            oms.reconcileStock(id);
            if (!io.omskit.core.order.OrderTransitions.isAllowed(order.status(), io.omskit.core.order.OrderCommand.ALLOCATE)) {
                throw new io.omskit.core.order.IllegalTransitionException(id, order.status(),
                        io.omskit.core.order.OrderCommand.ALLOCATE, "nothing left to source");
            }
            // sourced already (a retry after the first call's save): finish what it left, answer with the allocation
            oms.fulfilments().sync(id);
            for (int i = order.commandKeys().size() - 1; i >= 0; i--) {
                io.omskit.core.order.CommandKey k = order.commandKeys().get(i);
                if (k.command() == io.omskit.core.order.OrderCommand.ALLOCATE) {
                    Optional<io.omskit.core.inventory.Allocation> last = oms.inventory().findAllocation(
                            io.omskit.core.inventory.AllocationKey.of(k.key()));
                    if (last.isPresent()) {
                        return new SourcingResult.Allocated(null, last.get(), 1, true);
                    }
                }
            }
            throw new IllegalStateException("order " + id + " has no open or reserved unit to source, status " + order.status());
        }
        SourcingRequest request = withStepsReached(order, SourcingRequest.of(order)
                .withReservation(oms.reservationKeyOf(order)));
        SourcingResult result = engine.source(request);
        // a replayed allocation is recorded too: the call that made it may have failed before recording it
        if (result instanceof SourcingResult.Allocated allocated) {
            record(id, allocated, false, order);
        }
        act(id, order.version(), result.unsourced(), request);
        return result;
    }

    /**
     * Acts on what the engine decided for the units it left unsourced: a wait's start is kept with the order (so a
     * later call, on any node, counts the wait from then), and units the routing rules cancel are cancelled (stock
     * released, payment voided) under a key fixed by the order's version, with a note naming the stage.
     */
    private void act(OrderId id, long version, UnsourcedDisposition unsourced, SourcingRequest request) {
        if (unsourced.isWaiting()) {
            Instant known = request.stepsReached().get(unsourced.step());
            if (known == null || known.isAfter(unsourced.waitingSince())) {
                note(id, WAIT_NOTE + unsourced.waitingSince() + WAIT_UNTIL + unsourced.retryAt() + WAIT_STEP
                        + unsourced.step());
            }
        } else if (unsourced.cancels()) {
            Order order = load(id);
            List<LineQuantity> open = new ArrayList<>();
            for (io.omskit.core.order.OrderLine l : order.lines()) {
                int n = l.units().open() + l.units().reserved();
                if (n > 0) {
                    open.add(LineQuantity.of(l.id(), n));
                }
            }
            if (!open.isEmpty()) {
                note(id, "Cancelled by the routing rules: " + unsourced.decidedBy() + " found nothing to ship");
                oms.cancel(id, open, CancellationReason.OUT_OF_STOCK, ROUTING_CANCEL + id.value() + "/v" + version);
            }
        }
    }

    /**
     * Cancels the refused units a re-sourcing plan left unsourced when the routing rules cancel them (a stage that
     * ships what it finds, then cancels the rest): per line, the refused units less those planned, at most the line's
     * open units; bundle lines are left open, their units counted per component. Keyed by the rejection.
     */
    private void cancelUnsourced(OrderId id, List<LineQuantity> refused, SourcingResult.Allocated allocated,
                                 String digest) {
        Order order = load(id);
        List<LineQuantity> rest = new ArrayList<>();
        for (LineQuantity q : refused) {
            io.omskit.core.order.OrderLine line = order.line(q.line()).orElseThrow();
            if (isBundle(line.sku())) {
                continue;
            }
            int n = Math.min(q.quantity() - allocated.plan().plannedUnits(q.line()), line.units().open());
            if (n > 0) {
                rest.add(LineQuantity.of(q.line(), n));
            }
        }
        if (!rest.isEmpty()) {
            note(id, "Cancelled by the routing rules: " + allocated.unsourced().decidedBy() + " found nothing to ship");
            oms.cancel(id, rest, CancellationReason.OUT_OF_STOCK, ROUTING_CANCEL + id.value() + "/" + digest);
        }
    }

    /** Leaves a system note on the order, once: a retry finding the same text leaves no second one. */
    private void note(OrderId id, String text) {
        String safe = text.length() > io.omskit.core.order.OrderNote.MAX_LENGTH
                ? text.substring(0, io.omskit.core.order.OrderNote.MAX_LENGTH) : text;
        for (io.omskit.core.order.OrderNote n : load(id).notes()) {
            if (n.author().equals(io.omskit.core.order.Actor.SYSTEM) && n.text().equals(safe)) {
                return;
            }
        }
        try {
            oms.customerService().addNote(id, io.omskit.core.order.Actor.SYSTEM, safe);
        } catch (IllegalArgumentException unprintable) {
            // a step name no note can hold: the wait restarts on the next call rather than failing this one
            LOG.warn("order {}: could not note '{}': {}", id, safe, unprintable.getMessage());
        }
    }

    /** The start of the keys of cancellations the routing rules ask for. */
    private static final String ROUTING_CANCEL = "routing-cancel/";

    /** How notes keep when the order first reached a waiting step: {@code <prefix><since><until-part><until><step-part><step>}. */
    static final String WAIT_NOTE = "Sourcing waits from ";
    private static final String WAIT_UNTIL = " until ";
    private static final String WAIT_STEP = " at stage: ";

    /**
     * {@code request} with the steps the order reached before, read from the system notes sourcing left on it: the
     * earliest note per step counts.
     */
    static SourcingRequest withStepsReached(Order order, SourcingRequest request) {
        SourcingRequest out = request;
        for (io.omskit.core.order.OrderNote n : order.notes()) {
            String t = n.text();
            if (!n.author().equals(io.omskit.core.order.Actor.SYSTEM) || !t.startsWith(WAIT_NOTE)) {
                continue;
            }
            int until = t.indexOf(WAIT_UNTIL, WAIT_NOTE.length());
            int step = until < 0 ? -1 : t.indexOf(WAIT_STEP, until);
            if (step < 0) {
                continue;
            }
            try {
                out = out.withStepReached(t.substring(step + WAIT_STEP.length()),
                        Instant.parse(t.substring(WAIT_NOTE.length(), until)));
            } catch (RuntimeException notOurs) {
                // a note that only looks like ours
            }
        }
        return out;
    }

    /**
     * A location refused units of a fulfilment (rejection or short pick): they are released there, that location is
     * excluded for them, and they are sourced again; after the policy's attempts they are backordered (left open) or
     * cancelled. Each call is a new rejection: to make one safe to retry, give it a key with
     * {@link #reject(FulfilmentId, List, String, String)}.
     *
     * @param fulfilment the fulfilment the location refuses units of
     * @param units      the refused units per line
     * @param reason     the location's reason, for people
     * @return the outcome: re-sourced, or given up with the policy's action
     */
    public ResourcingOutcome reject(FulfilmentId fulfilment, List<LineQuantity> units, String reason) {
        return reject(fulfilment, units, reason, java.util.UUID.randomUUID().toString());
    }

    /**
     * A location refused units of a fulfilment, under {@code rejectionKey}. The fulfilment records the refusal first
     * (the order takes the units back, their stock at the location is released), then they are sourced again under a
     * key fixed by the rejection, so a second call with the same key (a retry after a failure at any point) neither
     * takes more units back nor allocates twice: it finishes what the first call started and gives the same outcome.
     * The re-sourcing history (which locations refused which lines, how many attempts) is read from the order's
     * fulfilments in the repository, so a restart or another node continues where the first left off.
     *
     * @param rejectionKey the caller's key for this rejection (the store's task id, say)
     * @throws IllegalArgumentException when the fulfilment is unknown or does not hold the refused units; nothing changed
     * @throws io.omskit.core.fulfilment.IllegalFulfilmentTransitionException when it is past picking; nothing changed
     */
    public ResourcingOutcome reject(FulfilmentId fulfilment, List<LineQuantity> units, String reason, String rejectionKey) {
        Checks.notNull(units, "units");
        Checks.identifier(rejectionKey, "rejectionKey");
        Fulfilment before = oms.fulfilments().get(fulfilment);
        boolean first = !before.applied("reject/" + rejectionKey);
        oms.fulfilments().reject(fulfilment, units, reason, rejectionKey);
        return resource(before, first, units, rejectionKey);
    }

    /**
     * Takes back every fulfilment its location did not accept within its time limit (configured on the {@link Oms}
     * builder), at most {@code limit}, and sources its units again elsewhere, as a rejection by that location under the
     * key {@link io.omskit.core.Fulfilments#NOT_ACCEPTED_KEY}. Call it from a scheduler. When a sweep fails after
     * taking a fulfilment back, its units are open on the order: {@code reject(id, units, NOT_ACCEPTED_REASON,
     * NOT_ACCEPTED_KEY)} finishes the re-sourcing (as does sourcing the order again, without excluding that location).
     *
     * One that cannot be taken back now (its order on hold, an adapter failed) is logged and skipped.
     *
     * @return the outcome per fulfilment taken back, in the order they were taken back
     */
    public Map<FulfilmentId, ResourcingOutcome> resourceUnaccepted(int limit) {
        Map<FulfilmentId, ResourcingOutcome> outcomes = new LinkedHashMap<>();
        for (Fulfilment due : oms.fulfilments().unacceptedInTime(limit)) {
            try {
                oms.fulfilments().rejectUnaccepted(due.id());
                outcomes.put(due.id(), resource(due, true, due.units(), io.omskit.core.Fulfilments.NOT_ACCEPTED_KEY));
            } catch (io.omskit.core.fulfilment.IllegalFulfilmentTransitionException acceptedMeanwhile) {
                // accepted or cancelled since it was listed
            } catch (RuntimeException e) {
                // never let one fulfilment keep the others from being taken back; the next sweep or a reject finishes it
                LOG.warn("fulfilment {} not accepted in time could not be taken back and re-sourced now: {}", due.id(),
                        e.toString());
            }
        }
        return outcomes;
    }

    /** Sources again the {@code units} a location refused of {@code before} (read before the rejection was applied). */
    private ResourcingOutcome resource(Fulfilment before, boolean first, List<LineQuantity> units, String rejectionKey) {
        OrderId id = before.orderId();
        if (first) {
            releaseCapacityIfDone(before);
        }
        Order order = load(id);
        ResourcingHistory history = historyOf(id);
        if (!io.omskit.core.order.OrderTransitions.isAllowed(order.status(), io.omskit.core.order.OrderCommand.ALLOCATE)) {
            return new ResourcingOutcome.GaveUp(units, ResourcingPolicy.Action.BACKORDER, "the order is " + order.status()
                    + " and takes no allocation now; the units stay open until it is sourced again", history);
        }
        ResourcingOutcome outcome;
        if (history.attempts() > engine.resourcingPolicy().maxAttempts()) {
            outcome = new ResourcingOutcome.GaveUp(units, engine.resourcingPolicy().whenGivingUp(),
                    "refused " + history.attempts() + " times, the policy allows " + engine.resourcingPolicy().maxAttempts()
                            + " re-sourcing attempt(s)", history);
        } else {
            SourcingRequest again = withStepsReached(order, SourcingRequest.of(order, units));
            for (Map.Entry<io.omskit.core.order.LineId, java.util.Set<LocationId>> e : history.refused().entrySet()) {
                for (LocationId l : e.getValue()) {
                    again = again.excluding(e.getKey(), l);
                }
            }
            // a digest of the caller's key keeps the allocation key (and the fulfilment ids made from it) short
            String digest = com.google.common.hash.Hashing.sha256().hashString(rejectionKey, java.nio.charset.StandardCharsets.UTF_8)
                    .toString().substring(0, 16);
            SourcingResult result = engine.source(again, io.omskit.core.inventory.AllocationKey.of(
                    "resourcing/" + id.value() + "/" + digest));
            if (result instanceof SourcingResult.Allocated allocated) {
                record(id, allocated, true, null);
                outcome = new ResourcingOutcome.Resourced(result, history);
                if (allocated.unsourced().isWaiting()) {
                    act(id, order.version(), allocated.unsourced(), again);
                } else if (allocated.unsourced().cancels() && allocated.plan() != null) {
                    cancelUnsourced(id, units, allocated, digest);
                }
            } else if (result instanceof SourcingResult.NothingAllocated nothing) {
                outcome = ResourcingOutcome.GaveUp.nothingAllocated(units, nothing, engine.resourcingPolicy(), history);
                if (nothing.unsourced().isWaiting()) {
                    act(id, order.version(), nothing.unsourced(), again);
                }
            } else {
                outcome = new ResourcingOutcome.Resourced(result, history);
            }
        }
        if (outcome instanceof ResourcingOutcome.GaveUp gaveUp) {
            LOG.debug("order {}: gave up re-sourcing {} ({}), {}", id, gaveUp.units(), gaveUp.reason(), gaveUp.action());
            if (gaveUp.action() == ResourcingPolicy.Action.CANCEL) {
                oms.cancel(id, gaveUp.units(), CancellationReason.FULFILMENT_FAILED, "gave-up-" + rejectionKey);
            }
        }
        return outcome;
    }

    /**
     * The order's re-sourcing history, read from its fulfilments: every rejection is one attempt, and its location is
     * excluded for the lines it refused.
     */
    public ResourcingHistory historyOf(OrderId id) {
        ResourcingHistory history = ResourcingHistory.none(id);
        for (Fulfilment f : oms.fulfilments().forOrder(id)) {
            for (FulfilmentEvent e : f.history()) {
                // a fulfilment withdrawn because the customer changed the delivery was refused by nobody
                if (e instanceof FulfilmentEvent.FulfilmentRejected rejected
                        && !io.omskit.core.CustomerService.DELIVERY_CHANGED_REASON.equals(rejected.reason())) {
                    java.util.Set<io.omskit.core.order.LineId> lines = new java.util.LinkedHashSet<>();
                    rejected.units().forEach(q -> lines.add(q.line()));
                    history = history.after(f.location(), lines);
                }
            }
        }
        return history;
    }

    /** Gives back the daily capacity the fulfilment took when its location has nothing of the allocation left to ship. */
    private void releaseCapacityIfDone(Fulfilment rejected) {
        oms.inventory().findAllocation(rejected.inventoryKey()).ifPresent(a -> {
            for (io.omskit.core.inventory.AllocationLine l : a.open()) {
                if (l.location().equals(rejected.location())) {
                    return;
                }
            }
            engine.releaseCapacity(rejected.location(), a.createdAt());
        });
    }

    /**
     * Records the allocation on the order; {@code openUnitsFirst} for re-sourced units, which are open (their
     * allocation drew on no reservation, so the order's reserved units must stay reserved). The plan is kept until the
     * allocation is recorded, so that a retry, whose replayed allocation comes without it, records it as planned.
     * {@code sourced} is the order the allocation was planned for (null: read it now): when it has not recorded the
     * allocation, the recording checks again under the order's lock, so an older read serves as well.
     */
    private void record(OrderId id, SourcingResult.Allocated allocated, boolean openUnitsFirst, Order sourced) {
        io.omskit.core.inventory.AllocationKey key = allocated.allocation().key();
        SourcingPlan plan = allocated.plan();
        if (plan != null) {
            unrecorded.put(key, plan);
        } else {
            plan = unrecorded.getIfPresent(key);
        }
        io.omskit.core.order.CommandKey allocate = io.omskit.core.order.CommandKey.of(
                io.omskit.core.order.OrderCommand.ALLOCATE, key.value());
        Order order = sourced != null && !sourced.applied(allocate) ? sourced : load(id);
        if (!order.applied(allocate)) {
            oms.recordAllocation(id, key, plan == null ? fromAllocation(order, allocated.allocation()) : fromPlan(order, plan),
                    openUnitsFirst);
        } else {
            // recorded by a call that may have stopped before creating the fulfilments
            oms.fulfilments().sync(id);
        }
        unrecorded.invalidate(key);
    }

    /** The order lines and quantities the plan allocates at each location, complete bundles only. */
    private Map<LocationId, List<LineQuantity>> fromPlan(Order order, SourcingPlan plan) {
        Map<LocationId, List<LineQuantity>> byLocation = new LinkedHashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            Map<io.omskit.core.order.LineId, Map<io.omskit.core.catalog.Sku, Integer>> planned = new LinkedHashMap<>();
            for (PlannedLine l : f.lines()) {
                planned.computeIfAbsent(l.line(), k -> new LinkedHashMap<>()).merge(l.sku(), l.quantity(), Integer::sum);
            }
            List<LineQuantity> quantities = new ArrayList<>();
            planned.forEach((line, units) -> {
                // a bundle line counts only the bundles whose every component is planned here; stock of the rest
                // is let go when the allocation is recorded
                int complete = complete(componentsOf(order.line(line).orElseThrow().sku()), units, Integer.MAX_VALUE);
                if (complete > 0) {
                    quantities.add(LineQuantity.of(line, complete));
                }
            });
            if (!quantities.isEmpty()) {
                byLocation.computeIfAbsent(f.location(), k -> new ArrayList<>()).addAll(quantities);
            }
        }
        return byLocation;
    }

    /** How many units of a line taking {@code perUnit} stock units the {@code available} units make, at most {@code cap}. */
    private static int complete(Map<io.omskit.core.catalog.Sku, Integer> perUnit, Map<io.omskit.core.catalog.Sku, Integer> available,
                                int cap) {
        int n = cap;
        for (Map.Entry<io.omskit.core.catalog.Sku, Integer> c : perUnit.entrySet()) {
            n = Math.min(n, available.getOrDefault(c.getKey(), 0) / c.getValue());
        }
        return n;
    }

    /**
     * The order lines and quantities a replayed allocation holds at each location, when its plan is no longer known
     * (the process that made it stopped before recording it): per location, bundle lines first take as many bundles as
     * their components held there allow and the line still needs, then plain lines take their SKU's units.
     *
     * @throws IllegalStateException when the units held cannot be shared out over the lines exactly; the allocation is
     *                               then left to {@link Oms#reconcileStock(java.time.Duration, int)}
     */
    private Map<LocationId, List<LineQuantity>> fromAllocation(Order order, io.omskit.core.inventory.Allocation allocation) {
        Map<LocationId, Map<io.omskit.core.catalog.Sku, Integer>> held = new LinkedHashMap<>();
        for (io.omskit.core.inventory.AllocationLine a : allocation.requested()) {
            held.computeIfAbsent(a.location(), k -> new LinkedHashMap<>()).merge(a.sku(), a.quantity(), Integer::sum);
        }
        Map<io.omskit.core.order.LineId, Integer> wants = new LinkedHashMap<>();
        for (io.omskit.core.order.OrderLine l : order.lines()) {
            wants.put(l.id(), l.units().open() + l.units().reserved());
        }
        List<io.omskit.core.order.OrderLine> bundlesFirst = new ArrayList<>(order.lines());
        bundlesFirst.sort(java.util.Comparator.comparing(l -> !isBundle(l.sku())));
        Map<LocationId, List<LineQuantity>> byLocation = new LinkedHashMap<>();
        held.forEach((location, units) -> {
            List<LineQuantity> quantities = new ArrayList<>();
            for (io.omskit.core.order.OrderLine l : bundlesFirst) {
                Map<io.omskit.core.catalog.Sku, Integer> perUnit = componentsOf(l.sku());
                int n = complete(perUnit, units, wants.get(l.id()));
                if (n > 0) {
                    int take = n;
                    perUnit.forEach((sku, q) -> units.merge(sku, -q * take, Integer::sum));
                    wants.merge(l.id(), -take, Integer::sum);
                    quantities.add(LineQuantity.of(l.id(), take));
                }
            }
            if (units.values().stream().anyMatch(q -> q != 0)) {
                throw new IllegalStateException("allocation " + allocation.key() + " holds " + units + " at " + location
                        + " that no line of order " + order.id() + " needs; it is left to reconcileStock");
            }
            byLocation.put(location, quantities);
        });
        return byLocation;
    }

    private boolean isBundle(io.omskit.core.catalog.Sku sku) {
        return oms.catalog().find(sku).map(io.omskit.core.catalog.SkuAttributes::isBundle).orElse(false);
    }

    private Map<io.omskit.core.catalog.Sku, Integer> componentsOf(io.omskit.core.catalog.Sku sku) {
        return oms.catalog().stockUnits(sku, 1);
    }

    private Order load(OrderId id) {
        return oms.order(id).orElseThrow(() -> new IllegalArgumentException("orderId " + id + " is not a known order"));
    }
}
