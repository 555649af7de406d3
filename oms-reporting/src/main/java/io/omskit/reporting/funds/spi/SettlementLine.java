package io.omskit.reporting.funds.spi;

import io.omskit.core.common.Checks;
import java.time.Instant;
import org.joda.money.Money;

/**
 * One line of a payment provider's settlement report. Amounts are signed from the merchant's side: positive when
 * money came to the merchant (the report's credit column), negative when it left (the debit column), whatever the
 * type says.
 *
 * @param lineNumber        the line of the file it was read from, from 1 for the header
 * @param lineId            the provider's id of the line (Adyen's modification reference, Stripe's balance transaction
 *                          id); may be empty
 * @param pspReference      the provider's reference of the payment (Adyen's Psp Reference, Stripe's source); may be
 *                          empty
 * @param merchantReference the merchant's reference the payment was made under (the order id); may be empty
 * @param type              what the line is
 * @param providerType      the provider's own word for it, such as {@code Settled} or {@code charge}
 * @param createdAt         when the provider booked it
 * @param gross             the amount in the payment's currency
 * @param net               what reached (or left) the merchant's balance, in the settlement currency
 * @param fees              the provider's fees on the line in the settlement currency (commission, markup, scheme fees,
 *                          interchange); positive when charged
 * @param batch             the payout batch the line belongs to (Adyen's Batch Number, Stripe's payout id); may be
 *                          empty while not paid out
 */
public record SettlementLine(long lineNumber, String lineId, String pspReference, String merchantReference,
                             SettlementLineType type, String providerType, Instant createdAt, Money gross, Money net,
                             Money fees, String batch) {

    public SettlementLine {
        lineId = lineId == null ? "" : lineId;
        pspReference = pspReference == null ? "" : pspReference;
        merchantReference = merchantReference == null ? "" : merchantReference;
        Checks.notNull(type, "type");
        providerType = providerType == null ? "" : providerType;
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(gross, "gross");
        Checks.notNull(net, "net");
        Checks.notNull(fees, "fees");
        if (!fees.getCurrencyUnit().equals(net.getCurrencyUnit())) {
            throw new IllegalArgumentException("fees must be in the net currency " + net.getCurrencyUnit() + ", was " + fees);
        }
        batch = batch == null ? "" : batch;
    }
}
