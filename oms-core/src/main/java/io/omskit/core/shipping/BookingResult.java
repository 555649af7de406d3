package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * A carrier's answer to a booking.
 *
 * @param outcome succeeded, declined, not attempted or unknown
 * @param label   the label issued; present exactly when it succeeded
 * @param price   what the carrier charges for it; present exactly when it succeeded
 * @param message the carrier's explanation when it did not succeed; empty when none
 */
public record BookingResult(CarrierOutcome outcome, Label label, Money price, String message) {

    public BookingResult {
        Checks.notNull(outcome, "outcome");
        message = message == null ? "" : message;
        boolean succeeded = outcome == CarrierOutcome.SUCCEEDED;
        if (succeeded != (label != null) || succeeded != (price != null)) {
            throw new IllegalArgumentException("label and price must be given exactly when the booking succeeded, outcome was "
                    + outcome + ", label " + label + ", price " + price);
        }
    }

    /** The parcel is booked with {@code label} at {@code price}. */
    public static BookingResult booked(Label label, Money price) {
        return new BookingResult(CarrierOutcome.SUCCEEDED, label, price, "");
    }

    /** Not booked (or not known to be), for {@code outcome} with the carrier's {@code message}. */
    public static BookingResult failed(CarrierOutcome outcome, String message) {
        if (outcome == CarrierOutcome.SUCCEEDED) {
            throw new IllegalArgumentException("outcome of a failed booking must not be SUCCEEDED");
        }
        return new BookingResult(outcome, null, null, message);
    }

    /** Whether the parcel is booked. */
    public boolean succeeded() {
        return outcome == CarrierOutcome.SUCCEEDED;
    }
}
