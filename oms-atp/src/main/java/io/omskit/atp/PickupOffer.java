package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import java.time.Instant;
import java.util.List;

/**
 * What one store can do for a cart in one way of collecting: express click and collect from its shelf, or
 * ship-to-store (its shelf first, the rest transferred).
 *
 * @param method       {@link DeliveryMethod#EXPRESS_CLICK_AND_COLLECT} or {@link DeliveryMethod#SHIP_TO_STORE}
 * @param missingLines ids of the cart's lines the store cannot give this way, in cart order; empty when it gives all
 * @param window       when the lines it can give are ready to collect, from the earliest moment to the end of the
 *                     collection period; null when it can give none, or cannot prepare them (see {@code problem})
 * @param transferFrom the locations transfers come from, for ship-to-store; empty when the shelf holds everything or
 *                     for express click and collect
 * @param problem      why the store cannot offer this way at all (it cannot receive transfers, it never opens); null
 *                     when it can
 */
public record PickupOffer(DeliveryMethod method, List<String> missingLines, DeliveryWindow window,
                          List<LocationId> transferFrom, String problem) {

    public PickupOffer {
        Checks.notNull(method, "method");
        missingLines = List.copyOf(missingLines);
        transferFrom = List.copyOf(transferFrom);
    }

    static PickupOffer refused(DeliveryMethod method, List<String> allLines, String problem) {
        return new PickupOffer(method, allLines, null, List.of(), problem);
    }

    /** Whether the store gives every line of the cart this way, with a window. */
    public boolean isComplete() {
        return missingLines.isEmpty() && window != null;
    }

    /** When the lines the store can give are ready to collect; null when never. */
    public Instant readyAt() {
        return window == null ? null : window.earliest();
    }
}
