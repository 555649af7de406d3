package io.omskit.orchestration.engine.staged;

/**
 * How many parcels a stage's plan may have.
 *
 * @param kind       none, up to N parcels, one location per line, or whatever the rule book allows
 * @param maxParcels for {@link Kind#UP_TO}, the most parcels (1 to 100); 0 otherwise
 */
public record StageSplit(Kind kind, int maxParcels) {

    /** The kinds of split. */
    public enum Kind {
        /** One location ships everything. */
        NONE,
        /** At most {@code maxParcels} locations. */
        UP_TO,
        /** Every line comes whole from one location (lines may come from different ones). */
        BY_LINE,
        /** As many parcels as the rule book's rule set allows. */
        ANY
    }

    /** The most parcels {@link #upTo} accepts. */
    public static final int MAX_PARCELS = 100;

    public StageSplit {
        if (kind == null) {
            throw new NullPointerException("kind must not be null");
        }
        if (kind == Kind.UP_TO ? maxParcels < 1 || maxParcels > MAX_PARCELS : maxParcels != 0) {
            throw new IllegalArgumentException(kind == Kind.UP_TO
                    ? "maxParcels must be from 1 to " + MAX_PARCELS + " for UP_TO, was " + maxParcels
                    : "maxParcels must be 0 for " + kind + ", was " + maxParcels);
        }
    }

    /** One location ships everything. */
    public static StageSplit none() {
        return new StageSplit(Kind.NONE, 0);
    }

    /** At most {@code parcels} locations. */
    public static StageSplit upTo(int parcels) {
        return new StageSplit(Kind.UP_TO, parcels);
    }

    /** Each line whole from one location. */
    public static StageSplit byLine() {
        return new StageSplit(Kind.BY_LINE, 0);
    }

    /** As the rule book allows. */
    public static StageSplit any() {
        return new StageSplit(Kind.ANY, 0);
    }

    @Override
    public String toString() {
        return kind == Kind.UP_TO ? "up to " + maxParcels + " parcel(s)" : kind.name();
    }
}
