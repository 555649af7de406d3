package io.omskit.core.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an aggregate. Every event family of OMS Kit is a sealed hierarchy of
 * records implementing this interface, serialised by the Jackson module under stable type names.
 */
public interface DomainEvent {

    /** Unique id of this event; consumers use it to drop duplicates. */
    UUID eventId();

    /** When it happened, from the injected clock. */
    Instant occurredAt();

    /** The id of the aggregate it happened to, as text. */
    String aggregateId();

    /** The aggregate's version after the change; 0 for events of aggregates without versions. */
    long version();
}
