package io.omskit.core.event;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for domain events: unique without the lock every {@link UUID#randomUUID()} takes on the JVM's shared secure
 * generator, and without threads contending on a shared counter. An id is its thread's random 60-bit prefix and the
 * thread's counter, laid out as a version 4 UUID; two threads (of this process or another) share a prefix with a
 * chance of one in 2^60.
 */
public final class EventIds {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> {
        synchronized (SEEDS) {
            return new long[] {(SEEDS.nextLong() & ~0xF000L) | 0x4000L, SEEDS.nextLong() >>> 2};
        }
    });

    private EventIds() {
    }

    /** A new event id, never handed out before by this thread. */
    public static UUID next() {
        long[] state = THREAD.get();
        return new UUID(state[0], (state[1]++ & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
