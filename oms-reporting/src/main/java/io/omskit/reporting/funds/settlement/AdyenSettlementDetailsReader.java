package io.omskit.reporting.funds.settlement;

import io.omskit.reporting.funds.internal.CsvRows;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.SettlementReader;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Reads Adyen's settlement details report (CSV with a header row). Each line's direction comes from the column its
 * amount is in (credit: to the merchant, debit: from the merchant), never from its type. The gross amount is in the
 * gross currency; net and fees (Commission, Markup, Scheme Fees and Interchange, any of which may be absent) in the
 * net currency. {@code Merchant Reference} is taken as the order id. Types: {@code Settled} is a payment,
 * {@code Refunded} a refund, {@code Chargeback} and {@code SecondChargeback} chargebacks, {@code ChargebackReversed}
 * its reversal, {@code MerchantPayout} the payout of the batch, {@code Fee}, {@code InvoiceDeduction} and
 * {@code MiscCosts} fees; anything else is {@link SettlementLineType#OTHER}. Stateless and thread-safe.
 */
public final class AdyenSettlementDetailsReader implements SettlementReader {

    static final String PSP_REFERENCE = "Psp Reference";
    static final String MERCHANT_REFERENCE = "Merchant Reference";
    static final String CREATION_DATE = "Creation Date";
    static final String TIME_ZONE = "TimeZone";
    static final String TYPE = "Type";
    static final String MODIFICATION_REFERENCE = "Modification Reference";
    static final String GROSS_CURRENCY = "Gross Currency";
    static final String GROSS_DEBIT = "Gross Debit (GC)";
    static final String GROSS_CREDIT = "Gross Credit (GC)";
    static final String NET_CURRENCY = "Net Currency";
    static final String NET_DEBIT = "Net Debit (NC)";
    static final String NET_CREDIT = "Net Credit (NC)";
    static final String COMMISSION = "Commission (NC)";
    static final String MARKUP = "Markup (NC)";
    static final String SCHEME_FEES = "Scheme Fees (NC)";
    static final String INTERCHANGE = "Interchange (NC)";
    static final String BATCH_NUMBER = "Batch Number";

    /** The columns every report must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of(PSP_REFERENCE, MERCHANT_REFERENCE, CREATION_DATE, TIME_ZONE,
            TYPE, MODIFICATION_REFERENCE, GROSS_CURRENCY, GROSS_DEBIT, GROSS_CREDIT, NET_CURRENCY, NET_DEBIT, NET_CREDIT,
            BATCH_NUMBER);

    private static final List<String> FEE_COLUMNS = List.of(COMMISSION, MARKUP, SCHEME_FEES, INTERCHANGE);
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, SettlementLineType> TYPES = Map.ofEntries(
            Map.entry("Settled", SettlementLineType.PAYMENT),
            Map.entry("SettledBulk", SettlementLineType.PAYMENT),
            Map.entry("Refunded", SettlementLineType.REFUND),
            Map.entry("RefundedBulk", SettlementLineType.REFUND),
            Map.entry("Chargeback", SettlementLineType.CHARGEBACK),
            Map.entry("SecondChargeback", SettlementLineType.CHARGEBACK),
            Map.entry("ChargebackReversed", SettlementLineType.CHARGEBACK_REVERSAL),
            Map.entry("MerchantPayout", SettlementLineType.PAYOUT),
            Map.entry("Fee", SettlementLineType.FEE),
            Map.entry("InvoiceDeduction", SettlementLineType.FEE),
            Map.entry("MiscCosts", SettlementLineType.FEE));
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    @Override
    public void read(Reader report, Consumer<? super SettlementLine> sink) {
        CsvRows.read("Adyen settlement details report", report, REQUIRED_COLUMNS, row -> {
            SettlementLine line = line(row);
            if (line != null) {
                sink.accept(line);
            }
        });
    }

    private static SettlementLine line(CsvRows row) {
        String type = row.required(TYPE);
        Instant created = created(row);
        CurrencyUnit netCurrency = row.currency(NET_CURRENCY);
        CurrencyUnit grossCurrency = row.text(GROSS_CURRENCY).isEmpty() ? netCurrency : row.currency(GROSS_CURRENCY);
        Money gross = signed(row, GROSS_CREDIT, GROSS_DEBIT, grossCurrency, true);
        Money net = signed(row, NET_CREDIT, NET_DEBIT, netCurrency, false);
        Money fees = netCurrency == null ? null : Money.zero(netCurrency);
        for (String column : FEE_COLUMNS) {
            if (row.has(column)) {
                Money fee = row.decimal(column, netCurrency, true, false);
                fees = fee == null || fees == null ? null : fees.plus(fee);
            }
        }
        if (!row.rowIsGood() || type == null || created == null || gross == null || net == null || fees == null) {
            return null;
        }
        return new SettlementLine(row.line(), row.text(MODIFICATION_REFERENCE), row.text(PSP_REFERENCE),
                row.text(MERCHANT_REFERENCE), TYPES.getOrDefault(type, SettlementLineType.OTHER), type, created, gross, net, fees,
                row.text(BATCH_NUMBER));
    }

    /** Credit less debit; exactly one of them is filled in (both may be blank for the gross of a payout or a fee). */
    private static Money signed(CsvRows row, String credit, String debit, CurrencyUnit currency, boolean bothBlankIsZero) {
        boolean hasCredit = !row.text(credit).isEmpty();
        boolean hasDebit = !row.text(debit).isEmpty();
        if (hasCredit && hasDebit) {
            row.problem(debit, row.text(debit), "must be empty when " + credit + " is filled in (" + row.text(credit) + ")");
            return null;
        }
        if (!hasCredit && !hasDebit) {
            if (bothBlankIsZero) {
                return currency == null ? null : Money.zero(currency);
            }
            row.problem(credit, "", "one of " + credit + " and " + debit + " must be filled in");
            return null;
        }
        Money amount = row.decimal(hasCredit ? credit : debit, currency, false, true);
        return amount == null ? null : hasCredit ? amount : amount.negated();
    }

    private static Instant created(CsvRows row) {
        String date = row.required(CREATION_DATE);
        String zone = row.text(TIME_ZONE);
        if (date == null) {
            return null;
        }
        ZoneId z;
        try {
            z = zone.isEmpty() ? ZoneId.of("UTC") : ZONES.computeIfAbsent(zone, t -> ZoneId.of(t, ZoneId.SHORT_IDS));
        } catch (DateTimeException e) {
            row.problem(TIME_ZONE, zone, "must be a time zone such as CET or Europe/Amsterdam");
            return null;
        }
        try {
            return localTime(date).atZone(z).toInstant();
        } catch (DateTimeException e) {
            row.problem(CREATION_DATE, date, "must be a date and time as yyyy-MM-dd HH:mm:ss");
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, read by position when it has that shape (a million rows are read in seconds). */
    private static LocalDateTime localTime(String t) {
        if (t.length() == 19 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == ' ' && t.charAt(13) == ':'
                && t.charAt(16) == ':') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 7);
            int day = digits(t, 8, 10);
            int hour = digits(t, 11, 13);
            int minute = digits(t, 14, 16);
            int second = digits(t, 17, 19);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second);
            }
        }
        return LocalDateTime.parse(t, CREATED);
    }

    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
