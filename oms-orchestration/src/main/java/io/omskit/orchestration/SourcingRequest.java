package io.omskit.orchestration;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to source: an order, which of its units, and the constraints that come with this request rather than with
 * the rule set.
 *
 * @param order          the order; never null
 * @param quantities     the units to source per line; empty for every open and reserved unit of every line
 * @param excludedForAll locations that may fulfil nothing of this request (a store that rejected the order)
 * @param excludedByLine locations that may not fulfil a given line (a store that short-picked it)
 * @param groups         sets of lines that must ship together when the rule set keeps groups together
 * @param reservation    the reservation holding stock for the order, drawn on first when allocating; null for none
 * @param priority       the order's priority in a batch: higher goes first
 */
public record SourcingRequest(Order order, List<LineQuantity> quantities, Set<LocationId> excludedForAll,
                              Map<LineId, Set<LocationId>> excludedByLine, List<Set<LineId>> groups,
                              ReservationKey reservation, int priority) {

    public SourcingRequest {
        Checks.notNull(order, "order");
        quantities = Checks.list(quantities, "quantities");
        excludedForAll = Checks.set(excludedForAll, "excludedForAll");
        // most requests exclude nothing and group nothing: nothing to copy then
        if (!Checks.notNull(excludedByLine, "excludedByLine").isEmpty()) {
            Map<LineId, Set<LocationId>> byLine = new HashMap<>();
            excludedByLine.forEach((l, s) -> byLine.put(Checks.notNull(l, "excludedByLine's line"),
                    Checks.set(s, "excludedByLine[" + l + "]")));
            excludedByLine = Map.copyOf(byLine);
        } else {
            excludedByLine = Map.of();
        }
        if (!Checks.notNull(groups, "groups").isEmpty()) {
            List<Set<LineId>> g = new ArrayList<>();
            for (int k = 0; k < groups.size(); k++) {
                g.add(Checks.set(groups.get(k), "groups[" + k + "]"));
            }
            groups = List.copyOf(g);
        } else {
            groups = List.of();
        }
        Set<LineId> seen = quantities.isEmpty() ? Set.of() : new HashSet<>();
        for (LineQuantity q : quantities) {
            if (order.line(q.line()).isEmpty()) {
                throw new IllegalArgumentException("quantities name line " + q.line() + " which is not a line of order " + order.id());
            }
            if (!seen.add(q.line())) {
                throw new IllegalArgumentException("quantities must name each line once, " + q.line() + " appears twice");
            }
        }
    }

    /** Every open and reserved unit of {@code order}. */
    public static SourcingRequest of(Order order) {
        return new SourcingRequest(order, List.of(), Set.of(), Map.of(), List.of(), null, 0);
    }

    /** This request for the given units only. */
    public SourcingRequest withQuantities(List<LineQuantity> newQuantities) {
        return new SourcingRequest(order, newQuantities, excludedForAll, excludedByLine, groups, reservation, priority);
    }

    /** This request with {@code location} excluded for the whole order. */
    public SourcingRequest excluding(LocationId location) {
        Set<LocationId> more = new HashSet<>(excludedForAll);
        more.add(Checks.notNull(location, "location"));
        return new SourcingRequest(order, quantities, more, excludedByLine, groups, reservation, priority);
    }

    /** This request with {@code location} excluded for {@code line}. */
    public SourcingRequest excluding(LineId line, LocationId location) {
        Map<LineId, Set<LocationId>> more = new HashMap<>(excludedByLine);
        Set<LocationId> set = new HashSet<>(more.getOrDefault(line, Set.of()));
        set.add(Checks.notNull(location, "location"));
        more.put(Checks.notNull(line, "line"), set);
        return new SourcingRequest(order, quantities, excludedForAll, more, groups, reservation, priority);
    }

    /** This request with the given lines grouped to ship together. */
    public SourcingRequest withGroup(Set<LineId> lines) {
        List<Set<LineId>> more = new ArrayList<>(groups);
        more.add(lines);
        return new SourcingRequest(order, quantities, excludedForAll, excludedByLine, more, reservation, priority);
    }

    /** This request drawing on {@code key} when allocating. */
    public SourcingRequest withReservation(ReservationKey key) {
        return new SourcingRequest(order, quantities, excludedForAll, excludedByLine, groups, key, priority);
    }

    /** This request with a batch priority. */
    public SourcingRequest withPriority(int newPriority) {
        return new SourcingRequest(order, quantities, excludedForAll, excludedByLine, groups, reservation, newPriority);
    }

    /** The units to source of {@code line}: the requested quantity, or its open and reserved units when none was given. */
    public int quantityOf(OrderLine line) {
        if (quantities.isEmpty()) {
            return line.units().get(UnitState.OPEN) + line.units().get(UnitState.RESERVED);
        }
        for (LineQuantity q : quantities) {
            if (q.line().equals(line.id())) {
                return q.quantity();
            }
        }
        return 0;
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
