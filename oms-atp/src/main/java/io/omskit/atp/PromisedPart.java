package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import java.util.List;

/**
 * One part of a promise: what one location sends (or hands over) and when the customer gets it.
 *
 * @param from     the fulfilling location
 * @param type     its type (a store delivering home is ship from store, a drop-shipper drop-ships)
 * @param kind     deliver home, collect at this store, or transfer to the pickup store
 * @param lines    the units, at least one
 * @param dispatch when it leaves the location (when it is ready, for collection)
 * @param window   when it is delivered, or can be collected
 */
public record PromisedPart(LocationId from, LocationType type, LegKind kind, List<PartLine> lines, java.time.Instant dispatch,
                           DeliveryWindow window) {

    public PromisedPart {
        Checks.notNull(from, "from");
        Checks.notNull(type, "type");
        Checks.notNull(kind, "kind");
        lines = List.copyOf(Checks.notNull(lines, "lines"));
        Checks.notNull(dispatch, "dispatch");
        Checks.notNull(window, "window");
    }
}
