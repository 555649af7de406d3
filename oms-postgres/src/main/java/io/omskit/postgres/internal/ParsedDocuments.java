package io.omskit.postgres.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omskit.core.common.Checks;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Documents this process has written or read, by id, each at the version it was stored with, so that a read whose row
 * still has that version answers the object instead of parsing the JSON again (parsing is most of an adapter's CPU).
 *
 * <p>It never decides what is current: every read still asks the database for the row's version, and an object is
 * answered only when the database holds exactly that version. A version is written once (the first save of version 1
 * wins, version n replaces only version n - 1), so an id and a version name one document on every node. Only saves
 * the database confirmed are remembered; a save that failed or ended in doubt forgets the id. The least recently used
 * documents make room when it is full. Thread-safe.
 *
 * @param <T> the document type
 */
public final class ParsedDocuments<T> {

    /** The version a read passes when nothing is remembered: no row has it. */
    public static final long NONE = -1;

    private final Cache<String, T> documents;
    private final ToLongFunction<T> version;

    /**
     * Remembers up to {@code capacity} documents (0 remembers none), reading a document's version with {@code version}.
     *
     * @throws IllegalArgumentException when {@code capacity} is negative
     */
    public ParsedDocuments(int capacity, ToLongFunction<T> version) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.documents = CacheBuilder.newBuilder().maximumSize(capacity).build();
        this.version = Checks.notNull(version, "version");
    }

    /** The version of the document remembered for {@code id}, or {@link #NONE}. */
    public long versionOf(String id) {
        T known = documents.getIfPresent(id);
        return known == null ? NONE : version.applyAsLong(known);
    }

    /**
     * The document {@code id} stored at {@code storedVersion}: the one remembered when it has that version, otherwise
     * {@code json} parsed by {@code parse} (and remembered).
     *
     * @param json the stored JSON; may be null only when the remembered document has {@code storedVersion}
     * @throws IllegalStateException when {@code json} is null and nothing of that version is remembered
     */
    public T resolve(String id, long storedVersion, String json, Function<String, T> parse) {
        T known = documents.getIfPresent(id);
        if (known != null && version.applyAsLong(known) == storedVersion) {
            return known;
        }
        if (json == null) {
            throw new IllegalStateException("document " + id + " version " + storedVersion + " was not read and is not remembered");
        }
        T parsed = parse.apply(json);
        remember(id, parsed);
        return parsed;
    }

    /** Remembers {@code document}, which the database confirmed it holds under {@code id}. */
    public void remember(String id, T document) {
        documents.asMap().merge(id, document,
                (known, newer) -> version.applyAsLong(known) >= version.applyAsLong(newer) ? known : newer);
    }

    /** Forgets {@code id}: a save of it failed or ended in doubt. */
    public void forget(String id) {
        documents.invalidate(id);
    }
}
