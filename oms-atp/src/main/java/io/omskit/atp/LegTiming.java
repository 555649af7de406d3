package io.omskit.atp;

import io.omskit.core.order.DeliveryWindow;
import java.time.Instant;

/**
 * The date arithmetic of one leg of a promise: when the location releases the order, when it is ready, when it
 * leaves (carrier pickup), and the window in which the customer receives or can collect it.
 *
 * @param release  when the location starts on it; null when it never does
 * @param ready    when it is ready to ship or to collect; null when never
 * @param dispatch when the carrier takes it (equal to {@code ready} for collection); null when never
 * @param window   the delivery or pickup window; null when the leg cannot be promised
 * @param problem  why it cannot be promised; null when it can
 */
public record LegTiming(Instant release, Instant ready, Instant dispatch, DeliveryWindow window, String problem) {

    /** Whether the leg has a window. */
    public boolean isPromisable() {
        return window != null;
    }

    static LegTiming failed(Instant release, Instant ready, Instant dispatch, String problem) {
        return new LegTiming(release, ready, dispatch, null, problem);
    }
}
