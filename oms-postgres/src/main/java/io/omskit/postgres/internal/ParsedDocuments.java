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

    /** The document remembered for {@code id}, or null. */
    public T known(String id) {
        return documents.getIfPresent(id);
    }

    /** The version of {@code known} (a document from {@link #known}), or {@link #NONE} when it is null. */
    public long versionOf(T known) {
        return known == null ? NONE : version.applyAsLong(known);
    }

    /**
     * The document {@code id} stored at {@code storedVersion}: {@code known} (what {@link #known} answered before the
     * read) when it has that version, otherwise {@code json} parsed by {@code parse} (and remembered). Taking the
     * document known before the read, not after, keeps a concurrent save from replacing it in between.
     *
     * @param json the stored JSON; may be null only when {@code known} has {@code storedVersion}
     * @throws IllegalStateException when {@code json} is null and {@code known} is not of that version
     */
    public T resolve(String id, T known, long storedVersion, String json, Function<String, T> parse) {
        if (known != null && version.applyAsLong(known) == storedVersion) {
            return known;
        }
        if (json == null) {
            throw new IllegalStateException("document " + id + " version " + storedVersion + " was not read and is not known");
        }
        T parsed = parse.apply(json);
        remember(id, parsed);
        return parsed;
    }

    /** {@link #resolve(String, Object, long, String, Function)} for a read that always brought the JSON. */
    public T resolve(String id, long storedVersion, String json, Function<String, T> parse) {
        return resolve(id, known(id), storedVersion, Checks.notNull(json, "json"), parse);
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
