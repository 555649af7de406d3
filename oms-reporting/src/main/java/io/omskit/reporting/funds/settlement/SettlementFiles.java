package io.omskit.reporting.funds.settlement;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.spi.SettlementLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.joda.money.Money;

/**
 * Writes settlement lines in a provider's report format (Stripe's amount is the net plus the fee; Adyen's payouts
 * carry no gross), as {@link AdyenSettlementDetailsReader} and
 * {@link StripeBalanceTransactionsReader} read them: for tests, demos and benchmarks with {@link SettlementSimulator}.
 */
public final class SettlementFiles {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final DateTimeFormatter ADYEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("CET"));

    private SettlementFiles() {
    }

    /**
     * Writes {@code lines} as Adyen's settlement details report, times in CET, all fees in the commission column, and
     * closes {@code out}.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void adyen(Iterable<SettlementLine> lines, Writer out) {
        write(out, List.of("Company Account", "Merchant Account", "Psp Reference", "Merchant Reference", "Payment Method",
                "Creation Date", "TimeZone", "Type", "Modification Reference", "Gross Currency", "Gross Debit (GC)",
                "Gross Credit (GC)", "Exchange Rate", "Net Currency", "Net Debit (NC)", "Net Credit (NC)", "Commission (NC)",
                "Markup (NC)", "Scheme Fees (NC)", "Interchange (NC)", "Payment Method Variant", "Batch Number"), lines, l -> {
            Money g = l.type() == io.omskit.reporting.funds.spi.SettlementLineType.PAYOUT ? l.gross().multipliedBy(0) : l.gross();
            Money n = l.net();
            return new String[] {"AcmeCompany", "AcmeShop", l.pspReference(), l.merchantReference(), "visa",
                    ADYEN_TIME.format(l.createdAt()), "CET", l.providerType(), l.lineId(), g.getCurrencyUnit().getCode(),
                    g.isNegative() ? g.negated().getAmount().toPlainString() : "",
                    g.isPositive() ? g.getAmount().toPlainString() : "", "1", n.getCurrencyUnit().getCode(),
                    n.isNegative() ? n.negated().getAmount().toPlainString() : "",
                    n.isPositive() ? n.getAmount().toPlainString() : "", l.fees().getAmount().toPlainString(), "", "", "",
                    "visacredit", l.batch()};
        });
    }

    /**
     * Writes {@code lines} as Stripe's balance transactions, the order id in {@code description}, and closes {@code out}.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void stripe(Iterable<SettlementLine> lines, Writer out) {
        write(out, List.of("id", "type", "amount", "fee", "net", "currency", "created", "source", "reporting_category",
                "description", "payout"), lines, l -> {
            String category = switch (l.type()) {
                case PAYMENT -> "charge";
                case REFUND -> "refund";
                case CHARGEBACK -> "dispute";
                case CHARGEBACK_REVERSAL -> "dispute_reversal";
                case PAYOUT -> "payout";
                case FEE -> "fee";
                case OTHER -> "other_adjustment";
            };
            String type = switch (l.type()) {
                case PAYMENT -> "charge";
                case REFUND -> "refund";
                case PAYOUT -> "payout";
                case FEE -> "stripe_fee";
                default -> "adjustment";
            };
            return new String[] {l.lineId(), type, Long.toString(l.net().plus(l.fees()).getAmountMinorLong()),
                    Long.toString(l.fees().getAmountMinorLong()), Long.toString(l.net().getAmountMinorLong()),
                    l.net().getCurrencyUnit().getCode().toLowerCase(Locale.ROOT), Long.toString(l.createdAt().getEpochSecond()),
                    l.pspReference(), category, l.merchantReference(), l.batch()};
        });
    }

    private static void write(Writer out, List<String> header, Iterable<SettlementLine> lines,
                              java.util.function.Function<SettlementLine, String[]> row) {
        Checks.notNull(out, "out");
        Checks.notNull(lines, "lines");
        try (SequenceWriter w = MAPPER.writerFor(String[].class).without(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .writeValues(out)) {
            w.write(header.toArray(new String[0]));
            for (SettlementLine l : lines) {
                w.write(row.apply(l));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the settlement file could not be written: " + e.getMessage(), e);
        }
    }
}
