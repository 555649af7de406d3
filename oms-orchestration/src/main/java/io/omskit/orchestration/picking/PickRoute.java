package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A walking order: the stops a picker makes, from the depot and back to it.
 *
 * @param stops                 the stops in walking order; units of one bin for several lines are separate stops
 *                              one after the other
 * @param distanceMetres        length of the shortest walk from the depot through the stops in this order and back
 * @param method                how the order was found
 * @param provedOptimal         whether no walk through the same lines (with any choice of bins) is shorter: true on
 *                              one or two blocks when every combination of bins was tried
 * @param binsTriedExhaustively whether every combination of bins was routed (false: bins were chosen by local
 *                              improvement, one SKU at a time, because there were too many combinations)
 * @param distanceByMethod      for every method tried, with the bins chosen, the length of the walk it describes; the
 *                              heuristics are walks as the method defines them, so they may be longer than their order
 *                              walked by shortest paths
 */
public record PickRoute(List<PickStop> stops, double distanceMetres, RoutingMethod method, boolean provedOptimal,
                        boolean binsTriedExhaustively, Map<RoutingMethod, Double> distanceByMethod) {

    public PickRoute {
        stops = Checks.list(stops, "stops");
        Checks.notNull(method, "method");
        Checks.notNull(distanceByMethod, "distanceByMethod");
        distanceByMethod = Collections.unmodifiableMap(new EnumMap<>(distanceByMethod));
    }

    /**
     * How much longer, in percent, the walk of {@code heuristic} is than this route; empty when it was not tried.
     */
    public OptionalDouble gapPercent(RoutingMethod heuristic) {
        Double d = distanceByMethod.get(heuristic);
        if (d == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(distanceMetres == 0 ? 0 : 100 * (d - distanceMetres) / distanceMetres);
    }
}
