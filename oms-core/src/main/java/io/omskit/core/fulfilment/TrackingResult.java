package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.TrackingEvent;
import java.util.function.Function;

/**
 * What a carrier's report did: recorded on the fulfilment booked with its tracking number, known already (a duplicate
 * or part of a re-sent history), or matched no fulfilment (not a label of this OMS, or a report older than every
 * booking with that recycled number).
 */
public sealed interface TrackingResult {

    /** A new report, recorded on {@code fulfilment} (shown after the steps it drove: shipped, delivered). */
    record Recorded(Fulfilment fulfilment) implements TrackingResult {
        public Recorded {
            Checks.notNull(fulfilment, "fulfilment");
        }
    }

    /** A report {@code fulfilment} knows already; nothing changed. */
    record Duplicate(Fulfilment fulfilment) implements TrackingResult {
        public Duplicate {
            Checks.notNull(fulfilment, "fulfilment");
        }
    }

    /** No fulfilment was booked with the report's carrier and tracking number by the time of the report. */
    record Unmatched(TrackingEvent report) implements TrackingResult {
        public Unmatched {
            Checks.notNull(report, "report");
        }
    }

    /** Whether the report was new and recorded. */
    default boolean isRecorded() {
        return this instanceof Recorded;
    }

    /** Whether the report was known already. */
    default boolean isDuplicate() {
        return this instanceof Duplicate;
    }

    /** Whether no fulfilment matched. */
    default boolean isUnmatched() {
        return this instanceof Unmatched;
    }

    /** The one function that fits what happened, applied. */
    default <R> R fold(Function<Recorded, R> recorded, Function<Duplicate, R> duplicate, Function<Unmatched, R> unmatched) {
        if (this instanceof Recorded r) {
            return recorded.apply(r);
        }
        if (this instanceof Duplicate d) {
            return duplicate.apply(d);
        }
        return unmatched.apply((Unmatched) this);
    }
}
