package io.omskit.core.payment;

import io.omskit.core.common.Checks;

/**
 * The provider's answer.
 *
 * @param outcome   succeeded, declined, not attempted or unknown
 * @param reference the provider's reference of the operation; empty unless it succeeded
 * @param message   the provider's explanation (decline reason, error); empty when none
 */
public record PaymentResult(PaymentOutcome outcome, String reference, String message) {

    public PaymentResult {
        Checks.notNull(outcome, "outcome");
        reference = reference == null ? "" : reference;
        message = message == null ? "" : message;
    }

    public static PaymentResult succeeded(String reference) {
        return new PaymentResult(PaymentOutcome.SUCCEEDED, reference, "");
    }

    public static PaymentResult declined(String message) {
        return new PaymentResult(PaymentOutcome.DECLINED, "", message);
    }

    public static PaymentResult notAttempted(String message) {
        return new PaymentResult(PaymentOutcome.NOT_ATTEMPTED, "", message);
    }

    public static PaymentResult unknown(String message) {
        return new PaymentResult(PaymentOutcome.UNKNOWN, "", message);
    }

    public boolean succeeded() {
        return outcome == PaymentOutcome.SUCCEEDED;
    }
}
