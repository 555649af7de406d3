package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.core.payment.TenderAmount;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;

/**
 * A refund of a return: decided and recorded on the return before the provider is asked (so that whoever finishes it
 * asks again with the same key and amount, and money never moves twice), then answered.
 *
 * @param key          the idempotency key sent to the payment provider; unique per refund
 * @param tender       where the money goes
 * @param units        the units it pays back, each counted at its place in the order line's units
 * @param goods        what those units cost net of every discount
 * @param shipping     the share of the order's charges refunded by policy
 * @param fees         restocking and return-shipping fees kept back by policy
 * @param exchangeCredit the part of the units' value that paid for an exchange's replacement instead of coming back
 * @param amount       {@code goods + shipping - fees - exchangeCredit}, never below zero, and never more than the order
 *                     has captured and not refunded when it was decided
 * @param status       requested, succeeded or declined
 * @param providerRef  the provider's reference once it succeeded; empty otherwise
 * @param message      the provider's reason when declined, or the last unknown outcome; empty when none
 * @param requestedAt  when it was decided
 * @param parts        on an order paid with several tenders, how {@code amount} goes to them (in their refund order,
 *                     none beyond what it captured and has not refunded), each asked of the provider under
 *                     {@code key + "-" + tender}; empty (or null, in documents written before tenders existed) when the
 *                     order has one payment or the refund goes to store credit
 */
public record Refund(String key, RefundTender tender, List<RefundedUnits> units, Money goods, Money shipping, Money fees,
                     Money exchangeCredit, Money amount, RefundStatus status, String providerRef, String message, Instant requestedAt,
                     List<TenderAmount> parts) {

    /** A refund of an order with one payment, or to store credit. */
    public Refund(String key, RefundTender tender, List<RefundedUnits> units, Money goods, Money shipping, Money fees,
                  Money exchangeCredit, Money amount, RefundStatus status, String providerRef, String message, Instant requestedAt) {
        this(key, tender, units, goods, shipping, fees, exchangeCredit, amount, status, providerRef, message, requestedAt, List.of());
    }

    /** The idempotency key of the part of this refund that goes to {@code tender}. */
    public String partKey(String tender) {
        return key + "-" + tender;
    }

    /**
     * Units of an order line a refund pays back.
     *
     * @param line   the order line
     * @param before how many of the line's units refunds of the order had paid back before these (their place in the
     *               line's per-unit allocation)
     * @param units  how many, at least 1
     */
    public record RefundedUnits(LineId line, int before, int units) {
        public RefundedUnits {
            Checks.notNull(line, "line");
            Checks.notNegative(before, "before");
            Checks.positive(units, "units");
        }
    }

    public Refund {
        Checks.notBlank(key, "key");
        Checks.notNull(tender, "tender");
        units = Checks.list(units, "units");
        Checks.notNull(goods, "goods");
        Checks.notNull(shipping, "shipping");
        Checks.notNull(fees, "fees");
        Checks.notNull(exchangeCredit, "exchangeCredit");
        Checks.notNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount of refund " + key + " must be >= 0, was " + amount);
        }
        Checks.notNull(status, "status");
        providerRef = providerRef == null ? "" : providerRef;
        message = message == null ? "" : message;
        Checks.notNull(requestedAt, "requestedAt");
        parts = parts == null ? List.of() : Checks.list(parts, "parts");
        if (!parts.isEmpty()) {
            Money sum = amount.minus(amount);
            for (TenderAmount p : parts) {
                sum = sum.plus(p.amount());
            }
            if (!sum.equals(amount)) {
                throw new IllegalArgumentException("parts of refund " + key + " must add up to its amount " + amount + ", add up to " + sum);
            }
        }
    }

    /** Whether it still counts (requested or succeeded): its units are not to be refunded again. */
    public boolean isLive() {
        return status != RefundStatus.DECLINED;
    }

    /** Units of {@code line} it pays back. */
    public int units(LineId line) {
        int n = 0;
        for (RefundedUnits u : units) {
            if (u.line().equals(line)) {
                n += u.units();
            }
        }
        return n;
    }

    Refund answered(RefundStatus newStatus, String newProviderRef, String newMessage) {
        return new Refund(key, tender, units, goods, shipping, fees, exchangeCredit, amount, newStatus, newProviderRef, newMessage,
                requestedAt, parts);
    }
}
