package io.omskit.core.spi;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores fulfilments with optimistic versioning. Thread-safe.
 *
 * <p>Contract: a fulfilment of version 1 is inserted, and only if its id does not exist; a fulfilment of version
 * n &gt; 1 replaces the stored one only if that one has version n - 1. Otherwise nothing is written and the outcome is
 * {@link SaveOutcome#VERSION_CONFLICT}. What a fulfilment keeps (its lines, rejections and history) is what a restart or
 * another node needs to continue its work and its order's re-sourcing.
 */
public interface FulfilmentRepository {

    /**
     * Saves {@code fulfilment} against the version it was derived from.
     *
     * @return {@link SaveOutcome#SAVED}, or {@link SaveOutcome#VERSION_CONFLICT} when nothing was written
     * @throws SpiException on infrastructure failure; nothing was written
     */
    SaveOutcome save(Fulfilment fulfilment);

    /**
     * Saves as {@link #save(Fulfilment)} and hands over the events of the change that produced it, for an adapter with
     * a transactional outbox (see {@link OrderRepository#save(io.omskit.core.order.Order, List)}).
     *
     * @throws SpiException on infrastructure failure; nothing was written
     */
    default SaveOutcome save(Fulfilment fulfilment, List<? extends DomainEvent> events) {
        return save(fulfilment);
    }

    /** Whether {@link #save(Fulfilment, List)} stores the events for publication; see {@link OrderRepository#storesEvents()}. */
    default boolean storesEvents() {
        return false;
    }

    /** The latest stored version; empty when unknown. */
    Optional<Fulfilment> find(FulfilmentId id);

    /** Every fulfilment of the order, oldest first (by creation, then id); empty when none. */
    List<Fulfilment> forOrder(OrderId orderId);

    /**
     * A location's work queue: its fulfilments in {@code status}, oldest first, at most {@code limit}.
     */
    List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit);

    /**
     * A page of a location's work queue: its fulfilments in any of {@code statuses}, ordered by
     * {@link WorkQueuePosition} (earliest promise first, no promise last, then oldest offer, then id), starting after
     * {@code after} (null: from the start), at most {@code limit}.
     */
    List<Fulfilment> workQueue(LocationId location, java.util.Set<FulfilmentStatus> statuses, @Nullable WorkQueuePosition after,
                               int limit);

    /**
     * Fulfilments ready for collection whose pickup period ended at or before {@code now}, earliest deadline first, at
     * most {@code limit}: what {@link io.omskit.core.Fulfilments#expireUncollected(int)} expires.
     */
    List<Fulfilment> dueForExpiry(Instant now, int limit);

    /**
     * The fulfilments whose booking carries a label of {@code carrier} with {@code trackingNumber}, most recently booked
     * first (then by id); empty when none. Carriers recycle tracking numbers, so several fulfilments may match.
     */
    List<Fulfilment> withTrackingNumber(String carrier, String trackingNumber);
}
