package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineQuantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a {@link DeliveryResourcing}: either every unit asked about placed at a location, with the promise the
 * new delivery gets, or a refusal saying why not (no stock for the new destination, a rule forbids it).
 *
 * @param placement the units per location; empty when refused
 * @param promised  the window to promise for the new delivery; null to keep the one the order has
 * @param refusal   why the units cannot all be placed, for people; null when placed
 */
public record DeliveryReplan(Map<LocationId, List<LineQuantity>> placement, @Nullable DeliveryWindow promised,
                             @Nullable String refusal) {

    public DeliveryReplan {
        Checks.notNull(placement, "placement");
        Map<LocationId, List<LineQuantity>> copy = new LinkedHashMap<>();
        placement.forEach((l, q) -> copy.put(Checks.notNull(l, "placement location"), List.copyOf(q)));
        placement = java.util.Collections.unmodifiableMap(copy);
        if (refusal != null && (refusal.isBlank() || !placement.isEmpty())) {
            throw new IllegalArgumentException("a refused replan has a reason and no placement, was " + refusal + " "
                    + placement);
        }
    }

    /** Every unit placed as given, promised {@code promised} (null: keep the order's promise). */
    public static DeliveryReplan placed(Map<LocationId, List<LineQuantity>> placement, @Nullable DeliveryWindow promised) {
        return new DeliveryReplan(placement, promised, null);
    }

    /** The units cannot all be placed, for {@code reason}. */
    public static DeliveryReplan refused(String reason) {
        return new DeliveryReplan(Map.of(), null, Checks.notBlank(reason, "reason"));
    }

    /** Whether the units cannot all be placed. */
    public boolean isRefused() {
        return refusal != null;
    }
}
