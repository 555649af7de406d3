package io.omskit.core.event;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for domain events: unique without the lock every {@link UUID#randomUUID()} takes on the JVM's shared secure
 * generator. An id is this process's random 62-bit prefix and a counter, laid out as a version 4 UUID; two processes
 * share a prefix with a chance of one in 2^62.
 */
public final class EventIds {

    private static final long PREFIX = (new SecureRandom().nextLong() & ~0xF000L) | 0x4000L;
    private static final AtomicLong NEXT = new AtomicLong(new SecureRandom().nextLong() >>> 2);

    private EventIds() {
    }

    /** A new event id, never handed out before by this process. */
    public static UUID next() {
        return new UUID(PREFIX, (NEXT.getAndIncrement() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
