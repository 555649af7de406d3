package io.omskit.core.order;

import io.omskit.core.common.Checks;
import java.time.Instant;

/**
 * The time span promised to the customer at checkout for delivery or pickup.
 */
public record DeliveryWindow(Instant earliest, Instant latest) {

    public DeliveryWindow {
        Checks.notNull(earliest, "earliest");
        Checks.notNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest must not be before earliest, was " + earliest + " .. " + latest);
        }
    }

    /** Whether {@code time} falls inside the window, both ends included. */
    public boolean contains(Instant time) {
        return !time.isBefore(earliest) && !time.isAfter(latest);
    }
}
