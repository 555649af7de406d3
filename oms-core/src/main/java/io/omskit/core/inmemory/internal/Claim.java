package io.omskit.core.inmemory.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The state kept under an idempotency key. Its monitor guards it. The first caller of a key puts a fresh claim in
 * the table and works holding its monitor, so a concurrent caller with the same key waits, then replays the
 * outcome; when the first use ends without using the key (not enough stock, refused, failed) the claim is
 * abandoned and removed, and a waiting caller starts over.
 */
abstract class Claim {

    /** Set when the first use of the key did not use it. */
    boolean abandoned;

    /**
     * Runs {@code first} on a fresh claim of {@code key} if the key is new, else {@code replay} on its claim.
     *
     * @param keeps whether the result of {@code first} uses the key (otherwise the claim is abandoned)
     */
    static <K, S extends Claim, R> R use(ConcurrentHashMap<K, S> table, K key, Supplier<S> fresh, Function<S, R> first,
                                         Predicate<R> keeps, Function<S, R> replay) {
        while (true) {
            S claim = fresh.get();
            S existing;
            R result = null;
            synchronized (claim) {
                existing = table.putIfAbsent(key, claim);
                if (existing == null) {
                    try {
                        result = first.apply(claim);
                    } catch (RuntimeException e) {
                        abandon(table, key, claim);
                        throw e;
                    }
                    if (!keeps.test(result)) {
                        abandon(table, key, claim);
                    }
                }
            }
            if (existing == null) {
                return result;
            }
            synchronized (existing) {
                if (!existing.abandoned) {
                    return replay.apply(existing);
                }
            }
        }
    }

    private static <K, S extends Claim> void abandon(ConcurrentHashMap<K, S> table, K key, S claim) {
        claim.abandoned = true;
        table.remove(key, claim);
    }
}
