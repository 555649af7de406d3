package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import java.time.Instant;
import java.util.Comparator;

/**
 * A place in a location's work queue, which is ordered by promise (the earliest first; fulfilments of orders with no
 * promise last), then by offer time, then by id: a page of the queue starts after a position.
 *
 * @param dueBy     the promise of the fulfilment's order; {@link Checks#LATEST_MOMENT} for none
 * @param createdAt when the fulfilment was offered
 * @param id        the fulfilment
 */
public record WorkQueuePosition(Instant dueBy, Instant createdAt, FulfilmentId id) implements Comparable<WorkQueuePosition> {

    private static final Comparator<WorkQueuePosition> ORDER = Comparator.comparing(WorkQueuePosition::dueBy)
            .thenComparing(WorkQueuePosition::createdAt).thenComparing(WorkQueuePosition::id);

    public WorkQueuePosition {
        Checks.notNull(dueBy, "dueBy");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(id, "id");
    }

    /** The place of {@code fulfilment} in its queue: a page that starts after it begins with the one behind it. */
    public static WorkQueuePosition of(Fulfilment fulfilment) {
        Checks.notNull(fulfilment, "fulfilment");
        return new WorkQueuePosition(fulfilment.promisedBy() == null ? Checks.LATEST_MOMENT : fulfilment.promisedBy(),
                fulfilment.createdAt(), fulfilment.id());
    }

    @Override
    public int compareTo(WorkQueuePosition other) {
        return ORDER.compare(this, other);
    }
}
