package io.omskit.core.spi;

import io.omskit.core.payment.PaymentResult;

/**
 * The host's payment provider. Thread-safe. Every call carries an idempotency key; calling again with
 * the same key must return the first call's result without moving money again, which is how an
 * {@link io.omskit.core.payment.PaymentOutcome#UNKNOWN} outcome is reconciled.
 *
 * <p>Implementations report provider refusals and transport failures as outcomes, never as exceptions:
 * declined, not attempted (nothing reached the provider) or unknown (timeout after sending).
 */
public interface PaymentGateway {

    /** Executes {@code request} (authorise, capture, void or refund); never null, never throws for provider trouble. */
    PaymentResult execute(PaymentRequest request);
}
