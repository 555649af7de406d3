package io.omskit.postgres.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omskit.core.event.DomainEvent;
import java.time.Duration;
import java.util.List;

/**
 * The events this process wrote to the outbox and saw committed, by outbox row, so that the relay of this process
 * publishes them as they were raised instead of parsing the row's JSON again (parsing is a large share of a change's
 * CPU). The row stays the truth: the relay publishes what is pending in the table, in row order, and parses a row
 * it finds nothing for here (written by another node, by SQL, or before a restart). Entries a relay elsewhere
 * published are dropped after a minute or when room is needed. Thread-safe.
 */
public final class OutboxHandoff {

    private static final int CAPACITY = 20_000;

    private final Cache<Long, List<DomainEvent>> committed = CacheBuilder.newBuilder().maximumSize(CAPACITY)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    /**
     * Records that outbox row {@code id} holds {@code events}: once it is committed, or before (a row whose transaction
     * rolls back is never found by the relay, so its entry only ages out).
     */
    public void committed(long id, List<? extends DomainEvent> events) {
        committed.put(id, List.copyOf(events));
    }

    /** The events of committed row {@code id} as they were raised, or null when this process does not know them. */
    public List<DomainEvent> peek(long id) {
        return committed.getIfPresent(id);
    }

    /** Forgets row {@code id} once it is published. */
    public void published(long id) {
        committed.invalidate(id);
    }
}
