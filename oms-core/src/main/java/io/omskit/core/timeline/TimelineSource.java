package io.omskit.core.timeline;

import io.omskit.core.order.OrderId;
import java.util.List;

/**
 * Contributes entries to orders' timelines from what another part of the system stores about them: returns (the
 * returns module provides one), messages sent ({@link NotificationTimeline}), or the host's own records. Registered with
 * {@code Oms.Builder.timelineSource}. Implementations must be thread-safe and read only stored state, so that a timeline
 * reads the same after a restart.
 */
public interface TimelineSource {

    /**
     * The entries about {@code orderId}, oldest first; empty when there are none.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    List<TimelineEntry> entries(OrderId orderId);
}
