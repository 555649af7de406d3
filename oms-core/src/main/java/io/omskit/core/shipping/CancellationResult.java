package io.omskit.core.shipping;

import io.omskit.core.common.Checks;

/**
 * A carrier's answer to the cancellation of a booking.
 *
 * @param outcome succeeded (the label is void and will not be charged), declined (too late: the parcel was collected),
 *                not attempted or unknown
 * @param message the carrier's explanation when it did not succeed; empty when none
 */
public record CancellationResult(CarrierOutcome outcome, String message) {

    public CancellationResult {
        Checks.notNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** The booking is cancelled. */
    public static CancellationResult cancelled() {
        return new CancellationResult(CarrierOutcome.SUCCEEDED, "");
    }

    /** Not cancelled (or not known to be), for {@code outcome} with the carrier's {@code message}. */
    public static CancellationResult failed(CarrierOutcome outcome, String message) {
        return new CancellationResult(outcome, message);
    }

    /** Whether the booking is cancelled. */
    public boolean succeeded() {
        return outcome == CarrierOutcome.SUCCEEDED;
    }
}
