package io.omskit.orchestration.demand;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to source: a demand, and the constraints that come with this request rather than with the rule set.
 *
 * @param demand         what to source: the lines, the channel and the delivery; never null
 * @param excludedForAll locations that may fulfil nothing of this request (a store that rejected the order)
 * @param excludedByLine locations that may not fulfil a given line (a store that short-picked it)
 * @param reservation    the reservation holding stock for the order, drawn on first when allocating; null for none
 * @param priority       the order's priority in a batch: higher goes first
 * @param stepsReached   when the demand first reached each waiting step of the engine (a staged engine's stage), by
 *                       the step's name, as earlier decisions said ({@link
 *                       io.omskit.orchestration.engine.EngineDecision#waitingSince()}); for a step not named here the
 *                       engine says when it was reached. {@link io.omskit.orchestration.OrderSourcing} keeps them with
 *                       the order
 */
public record SourcingRequest(Demand demand, Set<LocationId> excludedForAll, Map<LineId, Set<LocationId>> excludedByLine,
                              ReservationKey reservation, int priority, Map<String, Instant> stepsReached) {

    public SourcingRequest {
        Checks.notNull(demand, "demand");
        excludedForAll = Checks.set(excludedForAll, "excludedForAll");
        // most requests exclude nothing: nothing to copy then
        if (!Checks.notNull(excludedByLine, "excludedByLine").isEmpty()) {
            Map<LineId, Set<LocationId>> byLine = new HashMap<>();
            excludedByLine.forEach((l, s) -> byLine.put(Checks.notNull(l, "excludedByLine's line"),
                    Checks.set(s, "excludedByLine[" + l + "]")));
            excludedByLine = Map.copyOf(byLine);
        } else {
            excludedByLine = Map.of();
        }
        Checks.notNull(stepsReached, "stepsReached").forEach((step, at) -> {
            Checks.notBlank(step, "stepsReached's step");
            Checks.notNull(at, "stepsReached[" + step + "]");
        });
        stepsReached = Map.copyOf(stepsReached);
    }

    /** A request whose engine has no step reached yet. */
    public SourcingRequest(Demand demand, Set<LocationId> excludedForAll, Map<LineId, Set<LocationId>> excludedByLine,
                           ReservationKey reservation, int priority) {
        this(demand, excludedForAll, excludedByLine, reservation, priority, Map.of());
    }

    /** {@code demand}, with no exclusions, reservation or priority. */
    public static SourcingRequest of(Demand demand) {
        return new SourcingRequest(demand, Set.of(), Map.of(), null, 0);
    }

    /** Every open and reserved unit of {@code order} ({@link OrderDemands#of(Order)}). */
    public static SourcingRequest of(Order order) {
        return of(OrderDemands.of(order));
    }

    /**
     * The given units of {@code order}'s lines ({@link OrderDemands#of(Order, List)}).
     *
     * @throws IllegalArgumentException when {@code quantities} is empty, or names a line the order lacks or a line twice
     */
    public static SourcingRequest of(Order order, List<LineQuantity> quantities) {
        return of(OrderDemands.of(order, quantities));
    }

    /** This request for {@code newDemand}, with the same exclusions, reservation and priority. */
    public SourcingRequest withDemand(Demand newDemand) {
        return new SourcingRequest(newDemand, excludedForAll, excludedByLine, reservation, priority, stepsReached);
    }

    /** This request with {@code location} excluded for the whole order. */
    public SourcingRequest excluding(LocationId location) {
        Set<LocationId> more = new HashSet<>(excludedForAll);
        more.add(Checks.notNull(location, "location"));
        return new SourcingRequest(demand, more, excludedByLine, reservation, priority, stepsReached);
    }

    /** This request with {@code location} excluded for {@code line}. */
    public SourcingRequest excluding(LineId line, LocationId location) {
        Map<LineId, Set<LocationId>> more = new HashMap<>(excludedByLine);
        Set<LocationId> set = new HashSet<>(more.getOrDefault(line, Set.of()));
        set.add(Checks.notNull(location, "location"));
        more.put(Checks.notNull(line, "line"), set);
        return new SourcingRequest(demand, excludedForAll, more, reservation, priority, stepsReached);
    }

    /** This request with the given lines grouped to ship together ({@link Demand#withGroup}). */
    public SourcingRequest withGroup(Set<LineId> lines) {
        return withDemand(demand.withGroup(lines));
    }

    /** This request drawing on {@code key} when allocating. */
    public SourcingRequest withReservation(ReservationKey key) {
        return new SourcingRequest(demand, excludedForAll, excludedByLine, key, priority, stepsReached);
    }

    /** This request with a batch priority. */
    public SourcingRequest withPriority(int newPriority) {
        return new SourcingRequest(demand, excludedForAll, excludedByLine, reservation, newPriority, stepsReached);
    }

    /**
     * This request with the engine's step {@code step} first reached at {@code at} (kept when an earlier moment is
     * known already): a waiting stage counts its wait from then.
     */
    public SourcingRequest withStepReached(String step, Instant at) {
        Checks.notBlank(step, "step");
        Checks.notNull(at, "at");
        Instant known = stepsReached.get(step);
        if (known != null && !known.isAfter(at)) {
            return this;
        }
        Map<String, Instant> more = new HashMap<>(stepsReached);
        more.put(step, at);
        return new SourcingRequest(demand, excludedForAll, excludedByLine, reservation, priority, more);
    }

    /** Whether {@code location} is excluded for {@code line} by this request. */
    public boolean isExcluded(LineId line, LocationId location) {
        if (excludedForAll.contains(location)) {
            return true;
        }
        Set<LocationId> s = excludedByLine.get(line);
        return s != null && s.contains(location);
    }
}
