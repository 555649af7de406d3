package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * One payout batch of the settlement in one currency: what its lines add up to and what was paid out.
 *
 * @param batch    the batch number or payout id
 * @param linesNet the net of every line of the batch but the payout, from the merchant's side
 * @param paidOut  what the payout lines of the batch paid to the bank, positive; zero while the batch is not paid out
 * @param payouts  how many payout lines the batch has
 */
public record PayoutBatch(String batch, Money linesNet, Money paidOut, int payouts) {

    public PayoutBatch {
        Checks.notNull(batch, "batch");
        Checks.notNull(linesNet, "linesNet");
        Checks.notNull(paidOut, "paidOut");
        Checks.notNegative(payouts, "payouts");
    }

    /** Whether the batch was paid out. */
    public boolean isPaidOut() {
        return payouts > 0;
    }

    /** Whether it was paid out and the payout equals its lines to the cent. */
    public boolean agrees() {
        return isPaidOut() && linesNet.equals(paidOut);
    }

    /** Paid out less the lines' net; zero when it agrees. */
    public Money difference() {
        return paidOut.minus(linesNet);
    }
}
