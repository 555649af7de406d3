package io.omskit.orchestration.resourcing;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What earlier rejections of an order taught: which locations refused which lines, and how many re-sourcing
 * attempts were made. Kept by the caller between rejections (it is a value, store it with the order).
 *
 * @param order    the order
 * @param refused  the locations that refused each line; they are never asked again for it
 * @param attempts re-sourcing attempts made so far
 */
public record ResourcingHistory(OrderId order, Map<LineId, Set<LocationId>> refused, int attempts) {

    public ResourcingHistory {
        Checks.notNull(order, "order");
        Map<LineId, Set<LocationId>> copy = new HashMap<>();
        Checks.notNull(refused, "refused").forEach((l, s) -> copy.put(l, Set.copyOf(s)));
        refused = Map.copyOf(copy);
        Checks.notNegative(attempts, "attempts");
    }

    /** No rejection yet. */
    public static ResourcingHistory none(OrderId order) {
        return new ResourcingHistory(order, Map.of(), 0);
    }

    /** This history with {@code location} refusing {@code lines}, and one more attempt. */
    public ResourcingHistory after(LocationId location, Iterable<LineId> lines) {
        Map<LineId, Set<LocationId>> more = new HashMap<>(refused);
        for (LineId line : lines) {
            Set<LocationId> s = new HashSet<>(more.getOrDefault(line, Set.of()));
            s.add(location);
            more.put(line, s);
        }
        return new ResourcingHistory(order, more, attempts + 1);
    }
}
