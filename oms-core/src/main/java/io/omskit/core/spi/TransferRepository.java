package io.omskit.core.spi;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferStatus;
import java.util.List;
import java.util.Optional;

/**
 * Stores transfers with optimistic versioning. Thread-safe.
 *
 * <p>Contract: a transfer of version 1 is inserted, and only if its id does not exist; a transfer of version n &gt; 1
 * replaces the stored one only if that one has version n - 1. Otherwise nothing is written and the outcome is
 * {@link SaveOutcome#VERSION_CONFLICT}.
 */
public interface TransferRepository {

    /**
     * Saves {@code transfer} against the version it was derived from.
     *
     * @return {@link SaveOutcome#SAVED}, or {@link SaveOutcome#VERSION_CONFLICT} when nothing was written
     * @throws SpiException on infrastructure failure; nothing was written
     */
    SaveOutcome save(Transfer transfer);

    /**
     * Saves as {@link #save(Transfer)} and hands over the events of the change that produced it, for an adapter with a
     * transactional outbox (see {@link OrderRepository#save(io.omskit.core.order.Order, List)}).
     *
     * @throws SpiException on infrastructure failure; nothing was written
     */
    default SaveOutcome save(Transfer transfer, List<? extends DomainEvent> events) {
        return save(transfer);
    }

    /** Whether {@link #save(Transfer, List)} stores the events for publication. */
    default boolean storesEvents() {
        return false;
    }

    /** The latest stored version; empty when unknown. */
    Optional<Transfer> find(TransferId id);

    /** Transfers arriving at {@code destination} in {@code status}, earliest expected arrival first, then by id, at most {@code limit}. */
    List<Transfer> inbound(LocationId destination, TransferStatus status, int limit);

    /** Transfers leaving {@code source} in {@code status}, oldest request first, then by id, at most {@code limit}. */
    List<Transfer> outbound(LocationId source, TransferStatus status, int limit);
}
