package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.internal.CsvRows;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.SettlementReader;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Reads Stripe's balance transactions of payouts (CSV with a header row: {@code id, type, amount, fee, net, currency,
 * source, reporting_category, payout, created}, and the column that carries the order id). Amounts are whole minor
 * units, signed from the merchant's side (a charge positive, a refund or payout negative); the fee is what Stripe
 * kept. {@code created} is Unix seconds, an ISO instant, or {@code yyyy-MM-dd HH:mm:ss} in UTC. The type comes from
 * {@code reporting_category} ({@code charge}, {@code refund}, {@code dispute}, {@code dispute_reversal},
 * {@code payout}, {@code fee}), else from {@code type}. Stateless and thread-safe.
 */
public final class StripeBalanceTransactionsReader implements SettlementReader {

    /** The column that carries the order id unless told otherwise. */
    public static final String DEFAULT_MERCHANT_REFERENCE_COLUMN = "description";

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String merchantReferenceColumn;

    private StripeBalanceTransactionsReader(String merchantReferenceColumn) {
        this.merchantReferenceColumn = merchantReferenceColumn;
    }

    /** A reader that takes the order id from the {@code description} column. */
    public static StripeBalanceTransactionsReader create() {
        return new StripeBalanceTransactionsReader(DEFAULT_MERCHANT_REFERENCE_COLUMN);
    }

    /**
     * A reader that takes the order id from {@code column}, such as {@code payment_metadata[order_id]}.
     *
     * @throws IllegalArgumentException when {@code column} is blank
     */
    public static StripeBalanceTransactionsReader withMerchantReferenceColumn(String column) {
        return new StripeBalanceTransactionsReader(Checks.notBlank(column, "column"));
    }

    /** The columns a report must have for this reader. */
    public List<String> requiredColumns() {
        return List.of("id", "type", "amount", "fee", "net", "currency", "source", "reporting_category", "payout", "created",
                merchantReferenceColumn);
    }

    @Override
    public void read(Reader report, Consumer<? super SettlementLine> sink) {
        CsvRows.read("Stripe balance transactions", report, requiredColumns(), row -> {
            SettlementLine line = line(row);
            if (line != null) {
                sink.accept(line);
            }
        });
    }

    private SettlementLine line(CsvRows row) {
        String type = row.required("type");
        CurrencyUnit currency = row.currency("currency");
        Money amount = row.minor("amount", currency);
        Money fee = row.minor("fee", currency);
        Money net = row.minor("net", currency);
        Instant created = created(row);
        if (amount != null && fee != null && net != null && !amount.minus(fee).equals(net)) {
            row.problem("net", row.text("net"), "must be amount - fee = " + amount.minus(fee).getAmountMinorLong());
        }
        if (!row.rowIsGood() || type == null || amount == null || fee == null || net == null || created == null) {
            return null;
        }
        String category = row.text("reporting_category");
        return new SettlementLine(row.line(), row.text("id"), row.text("source"), row.text(merchantReferenceColumn),
                type(category, type), category.isEmpty() ? type : category, created, amount, net, fee, row.text("payout"));
    }

    private static SettlementLineType type(String category, String type) {
        switch (category.isEmpty() ? type : category) {
            case "charge", "payment":
                return SettlementLineType.PAYMENT;
            case "refund", "payment_refund", "partial_capture_reversal":
                return SettlementLineType.REFUND;
            case "dispute":
                return SettlementLineType.CHARGEBACK;
            case "dispute_reversal":
                return SettlementLineType.CHARGEBACK_REVERSAL;
            case "payout":
                return SettlementLineType.PAYOUT;
            case "fee", "stripe_fee", "tax":
                return SettlementLineType.FEE;
            default:
                return category.isEmpty() ? SettlementLineType.OTHER : type("", type);
        }
    }

    private static Instant created(CsvRows row) {
        String v = row.required("created");
        if (v == null) {
            return null;
        }
        try {
            if (allDigits(v)) {
                return Instant.ofEpochSecond(Long.parseLong(v));
            }
            if (v.indexOf('T') > 0) {
                return Instant.parse(v);
            }
            return LocalDateTime.parse(v, CREATED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            row.problem("created", v, "must be Unix seconds, an ISO instant or yyyy-MM-dd HH:mm:ss (UTC)");
            return null;
        }
    }

    private static boolean allDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return !v.isEmpty();
    }
}
