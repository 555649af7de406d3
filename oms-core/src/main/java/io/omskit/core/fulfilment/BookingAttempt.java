package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Label;
import java.util.function.Function;

/**
 * What asking a carrier for a fulfilment's label came to: booked, declined (a business answer, with the carrier's
 * reason), or pending (the carrier could not be reached or did not answer; the booking stays recorded under its key and
 * {@link io.omskit.core.Fulfilments#reconcileBooking(FulfilmentId)} asks again with it).
 */
public sealed interface BookingAttempt {

    /** The fulfilment after the attempt. */
    Fulfilment fulfilment();

    /** The parcel is booked: {@code label} goes on the box. */
    record Booked(Fulfilment fulfilment, Label label) implements BookingAttempt {
        public Booked {
            Checks.notNull(fulfilment, "fulfilment");
            Checks.notNull(label, "label");
        }
    }

    /** The carrier refused; {@code reason} is its explanation. Another service (or the same, later) may be booked. */
    record Declined(Fulfilment fulfilment, String reason) implements BookingAttempt {
        public Declined {
            Checks.notNull(fulfilment, "fulfilment");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Not known yet: {@code outcome} was {@link CarrierOutcome#UNKNOWN} or {@link CarrierOutcome#NOT_ATTEMPTED}. The
     * booking stays recorded; no other label is booked for the parcel until it is resolved.
     */
    record Pending(Fulfilment fulfilment, CarrierOutcome outcome, String message) implements BookingAttempt {
        public Pending {
            Checks.notNull(fulfilment, "fulfilment");
            Checks.notNull(outcome, "outcome");
            message = message == null ? "" : message;
        }
    }

    /** Whether the parcel is booked. */
    default boolean isBooked() {
        return this instanceof Booked;
    }

    /** Whether the carrier refused. */
    default boolean isDeclined() {
        return this instanceof Declined;
    }

    /** Whether the outcome is not known yet. */
    default boolean isPending() {
        return this instanceof Pending;
    }

    /** The one function that fits what happened, applied. */
    default <R> R fold(Function<Booked, R> booked, Function<Declined, R> declined, Function<Pending, R> pending) {
        if (this instanceof Booked b) {
            return booked.apply(b);
        }
        if (this instanceof Declined d) {
            return declined.apply(d);
        }
        return pending.apply((Pending) this);
    }
}
