package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import java.util.List;

/**
 * A carrier's answer to a request for quotes.
 *
 * @param outcome succeeded (possibly with no quote: nothing serves the lane), declined, not attempted or unknown
 * @param quotes  one per service that would take the parcel, cheapest first; empty unless it succeeded
 * @param message the carrier's explanation when it did not succeed; empty when none
 */
public record QuoteResult(CarrierOutcome outcome, List<Quote> quotes, String message) {

    public QuoteResult {
        Checks.notNull(outcome, "outcome");
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        message = message == null ? "" : message;
        if (outcome != CarrierOutcome.SUCCEEDED && !quotes.isEmpty()) {
            throw new IllegalArgumentException("quotes must be empty when the outcome is " + outcome + ", were " + quotes.size());
        }
    }

    /** The carrier quoted (maybe nothing). */
    public static QuoteResult succeeded(List<Quote> quotes) {
        return new QuoteResult(CarrierOutcome.SUCCEEDED, quotes, "");
    }

    /** No quote, for {@code outcome} with the carrier's {@code message}. */
    public static QuoteResult failed(CarrierOutcome outcome, String message) {
        return new QuoteResult(outcome, List.of(), message);
    }

    /** Whether the carrier answered. */
    public boolean succeeded() {
        return outcome == CarrierOutcome.SUCCEEDED;
    }
}
