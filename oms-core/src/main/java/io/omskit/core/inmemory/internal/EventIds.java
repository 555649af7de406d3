package io.omskit.core.inmemory.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random (version 4) event ids without the contention of {@link UUID#randomUUID()}'s shared secure generator. */
public final class EventIds {

    private EventIds() {
    }

    /** A new random id. */
    public static UUID next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
