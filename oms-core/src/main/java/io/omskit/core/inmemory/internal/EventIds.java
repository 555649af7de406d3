package io.omskit.core.inmemory.internal;

import java.util.UUID;

/** Event ids of the in-memory inventory: {@link io.omskit.core.event.EventIds}. */
public final class EventIds {

    private EventIds() {
    }

    /** A new event id. */
    public static UUID next() {
        return io.omskit.core.event.EventIds.next();
    }
}
