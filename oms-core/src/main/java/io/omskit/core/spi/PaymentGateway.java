package io.omskit.core.spi;

import io.omskit.core.payment.PaymentResult;

/**
 * The host's payment provider. Thread-safe. Every call carries an idempotency key; calling again with
 * the same key must return the first call's result without moving money again, which is how an
 * {@link io.omskit.core.payment.PaymentOutcome#UNKNOWN} outcome is reconciled.
 *
 * <p>Implementations report provider refusals and transport failures as outcomes, never as exceptions:
 * declined, not attempted (nothing reached the provider) or unknown (timeout after sending).
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code PaymentGatewayContract} checks each):
 * <ol>
 *   <li>An authorisation of a usable payment method succeeds with a reference of its own; captures, voids and refunds
 *   name that reference as their {@link PaymentRequest#paymentRef()}.</li>
 *   <li>A call again with a key already answered returns that answer and moves no money, whatever happened in between;
 *   a call that was {@code NOT_ATTEMPTED} was not answered and is executed when asked again.</li>
 *   <li>A capture never takes more than the authorisation still has open (authorised, less captured and voided): above
 *   it, the capture is {@code DECLINED}.</li>
 *   <li>A refund never returns more than was captured on the authorisation and not yet refunded: above it, the refund
 *   is {@code DECLINED}.</li>
 *   <li>A void of zero releases all that is still open; nothing can be captured after it, what was captured before
 *   can still be refunded.</li>
 *   <li>A key used again for another kind or amount is a caller error: {@link IllegalArgumentException} naming the
 *   key, and nothing moves.</li>
 *   <li>A refusal is {@code DECLINED} with the provider's reason, and stays the answer to its key.</li>
 *   <li>{@code NOT_ATTEMPTED} means nothing reached the provider: nothing moved.</li>
 *   <li>{@code UNKNOWN} means the call may have happened; asking again with the same key gives the final answer:
 *   {@code SUCCEEDED} with the money moved once if it happened, else the call's own outcome.</li>
 *   <li>Concurrent calls with the same key get the one answer and move money once; concurrent captures of one
 *   authorisation never together exceed it.</li>
 * </ol>
 */
public interface PaymentGateway {

    /**
     * Executes {@code request} (authorise, capture, void or refund); never null, never throws for provider trouble.
     *
     * @throws IllegalArgumentException when {@code request}'s idempotency key was used before for another kind or amount
     */
    PaymentResult execute(PaymentRequest request);
}
