package io.omskit.reporting.funds.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.Problem;
import io.omskit.reporting.funds.SettlementFormatException;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Reading Adyen's settlement details report and Stripe's balance transactions, good rows and bad. */
class SettlementReadersTest {

    private static final String ADYEN_HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
            + "Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Exchange Rate,"
            + "Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),"
            + "Payment Method Variant,Batch Number\n";

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private static List<SettlementLine> adyen(String rows) {
        List<SettlementLine> lines = new ArrayList<>();
        new AdyenSettlementDetailsReader().read(new StringReader(ADYEN_HEADER + rows), lines::add);
        return lines;
    }

    @Test
    void adyen_lines_take_their_direction_from_the_debit_or_credit_column_and_their_fees_from_the_four_fee_columns() {
        List<SettlementLine> lines = adyen(
                "Acme,AcmeShop,8815,ORDER-1,visa,2026-03-03 10:15:00,CET,Settled,8815C,EUR,,100.00,1,EUR,,97.70,0.10,1.20,0.40,0.60,visacredit,42\n"
                + "Acme,AcmeShop,8816,ORDER-2,visa,2026-03-03 11:00:00,CET,Refunded,8816R,EUR,25.00,,1,EUR,25.00,,,,,,visacredit,42\n"
                + "Acme,AcmeShop,8817,ORDER-3,visa,2026-03-03 12:00:00,UTC,Settled,8817C,EUR,30.00,,1,EUR,30.00,,,,,,visacredit,42\n"
                + "Acme,AcmeShop,,,,2026-03-04 06:00:00,CET,MerchantPayout,,EUR,,,,EUR,42.70,,,,,,,42\n");

        assertThat(lines).hasSize(4);
        SettlementLine settled = lines.get(0);
        assertThat(settled.type()).isEqualTo(SettlementLineType.PAYMENT);
        assertThat(settled.gross()).isEqualTo(eur("100.00"));
        assertThat(settled.net()).isEqualTo(eur("97.70"));
        assertThat(settled.fees()).as("0.10 + 1.20 + 0.40 + 0.60").isEqualTo(eur("2.30"));
        assertThat(settled.merchantReference()).isEqualTo("ORDER-1");
        assertThat(settled.createdAt()).as("10:15 CET").isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
        assertThat(settled.lineNumber()).isEqualTo(2);
        assertThat(lines.get(1).gross()).isEqualTo(eur("-25.00"));
        assertThat(lines.get(2).type()).as("the type says settled").isEqualTo(SettlementLineType.PAYMENT);
        assertThat(lines.get(2).gross()).as("the debit column says money left").isEqualTo(eur("-30.00"));
        assertThat(lines.get(3).type()).isEqualTo(SettlementLineType.PAYOUT);
        assertThat(lines.get(3).net()).isEqualTo(eur("-42.70"));
        assertThat(lines.get(3).gross()).isEqualTo(eur("0.00"));
    }

    @Test
    void bad_adyen_rows_are_named_by_line_column_and_value_all_of_them_after_the_whole_file() {
        assertThatThrownBy(() -> adyen(
                "Acme,AcmeShop,1,ORDER-1,visa,2026-03-03 10:15:00,CET,Settled,1C,EUR,,12.3x,1,EUR,,12.00,,,,,visa,1\n"
                + "Acme,AcmeShop,2,ORDER-2,visa,03/03/2026,CET,Settled,2C,EUR,,10.00,1,EUR,,9.00,,,,,visa,1\n"
                + "Acme,AcmeShop,3,ORDER-3,visa,2026-03-03 10:15:00,CET,Settled,3C,EUR,1.00,1.00,1,EUR,,1.00,,,,,visa,1\n"
                + "Acme,AcmeShop,4,ORDER-4,visa,2026-03-03 10:15:00,CET,Settled,4C,EUR,,1.001,1,XXY,,1.00,,,,,visa,1\n"))
                .isInstanceOf(SettlementFormatException.class)
                .satisfies(e -> assertThat(((SettlementFormatException) e).problems()).containsExactly(
                        new Problem("line 2, column 'Gross Credit (GC)'", "12.3x", "must be a decimal amount such as 12.34"),
                        new Problem("line 3, column 'Creation Date'", "03/03/2026", "must be a date and time as yyyy-MM-dd HH:mm:ss"),
                        new Problem("line 4, column 'Gross Debit (GC)'", "1.00", "must be empty when Gross Credit (GC) is filled in (1.00)"),
                        new Problem("line 5, column 'Net Currency'", "XXY", "must be an ISO 4217 currency code"),
                        new Problem("line 5, column 'Gross Credit (GC)'", "1.001", "must have at most 2 decimals in EUR")));
    }

    @Test
    void a_row_that_is_not_csv_at_all_is_named_by_its_line() {
        assertThatThrownBy(() -> adyen(
                "Acme,AcmeShop,1,ORDER-1,visa,2026-03-03 10:15:00,CET,Settled,1C,EUR,,12.00,1,EUR,,12.00,,,,,visa,1\n"
                + "Acme,\"AcmeShop,2,ORDER-2,visa,2026-03-03 10:15:00,CET,Settled,2C,EUR,,10.00,1,EUR,,9.00,,,,,visa,1\n"))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("line 3 = : must be a CSV row (");
    }

    @Test
    void a_report_without_a_column_the_reader_needs_names_the_column() {
        assertThatThrownBy(() -> new AdyenSettlementDetailsReader().read(new StringReader("Psp Reference,Type\n1,Settled\n"), l -> { }))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("line 1, column 'Merchant Reference'")
                .hasMessageContaining("line 1, column 'Batch Number'");
    }

    @Test
    void stripe_amounts_are_minor_units_signed_from_the_merchants_side_and_disputes_are_chargebacks() {
        String csv = "id,type,amount,fee,net,currency,created,source,reporting_category,description,payout\n"
                + "txn_1,charge,10000,320,9680,eur,1772532900,ch_1,charge,ORDER-1,po_1\n"
                + "txn_2,refund,-2500,0,-2500,eur,2026-03-03 11:00:00,re_1,refund,ORDER-2,po_1\n"
                + "txn_3,adjustment,-10000,1500,-11500,eur,2026-03-03T12:00:00Z,dp_1,dispute,ORDER-1,po_1\n"
                + "txn_4,payout,-4320,0,-4320,eur,1772600000,po_1,payout,,po_1\n";
        List<SettlementLine> lines = new ArrayList<>();
        StripeBalanceTransactionsReader.create().read(new StringReader(csv), lines::add);

        assertThat(lines).extracting(SettlementLine::type).containsExactly(SettlementLineType.PAYMENT, SettlementLineType.REFUND,
                SettlementLineType.CHARGEBACK, SettlementLineType.PAYOUT);
        assertThat(lines.get(0).gross()).isEqualTo(eur("100.00"));
        assertThat(lines.get(0).fees()).isEqualTo(eur("3.20"));
        assertThat(lines.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(1772532900));
        assertThat(lines.get(1).gross()).isEqualTo(eur("-25.00"));
        assertThat(lines.get(2).net()).isEqualTo(eur("-115.00"));
        assertThat(lines.get(3).batch()).isEqualTo("po_1");
    }

    @Test
    void a_stripe_row_whose_net_is_not_amount_less_fee_is_refused() {
        String csv = "id,type,amount,fee,net,currency,created,source,reporting_category,description,payout\n"
                + "txn_1,charge,10000,320,9600,eur,1772532900,ch_1,charge,ORDER-1,po_1\n"
                + "txn_2,charge,ten,0,0,eur,1772532900,ch_2,charge,ORDER-2,po_1\n";

        assertThatThrownBy(() -> StripeBalanceTransactionsReader.create().read(new StringReader(csv), l -> { }))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("line 2, column 'net' = 9600: must be amount - fee = 9680")
                .hasMessageContaining("line 3, column 'amount' = ten: must be a whole number of minor units (cents)");
    }

    @Test
    void stripe_can_take_the_order_id_from_a_metadata_column() {
        String csv = "id,type,amount,fee,net,currency,created,source,reporting_category,payment_metadata[order_id],payout\n"
                + "txn_1,charge,500,0,500,gbp,1772532900,ch_1,charge,ORDER-9,po_1\n";
        List<SettlementLine> lines = new ArrayList<>();
        StripeBalanceTransactionsReader.withMerchantReferenceColumn("payment_metadata[order_id]").read(new StringReader(csv), lines::add);

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.merchantReference()).isEqualTo("ORDER-9");
            assertThat(l.gross()).isEqualTo(Money.of(CurrencyUnit.GBP, new BigDecimal("5.00")));
        });
    }

    @Test
    void what_the_files_writer_writes_the_readers_read_back_line_for_line() {
        List<SettlementLine> lines = List.of(
                new SettlementLine(0, "M1", "P1", "ORDER-1", SettlementLineType.PAYMENT, "Settled", Instant.parse("2026-03-03T09:15:00Z"),
                        eur("100.00"), eur("98.80"), eur("1.20"), "B1"),
                new SettlementLine(0, "M2", "P2", "ORDER-2", SettlementLineType.REFUND, "Refunded", Instant.parse("2026-03-03T10:15:00Z"),
                        eur("-20.00"), eur("-20.00"), eur("0.00"), "B1"),
                new SettlementLine(0, "PAYOUT-B1", "", "", SettlementLineType.PAYOUT, "MerchantPayout", Instant.parse("2026-03-03T10:15:00Z"),
                        eur("0.00"), eur("-78.80"), eur("0.00"), "B1"));
        StringWriter adyen = new StringWriter();
        SettlementFiles.adyen(lines, adyen);
        StringWriter stripe = new StringWriter();
        SettlementFiles.stripe(lines, stripe);

        List<SettlementLine> fromAdyen = new ArrayList<>();
        new AdyenSettlementDetailsReader().read(new StringReader(adyen.toString()), fromAdyen::add);
        List<SettlementLine> fromStripe = new ArrayList<>();
        StripeBalanceTransactionsReader.create().read(new StringReader(stripe.toString()), fromStripe::add);

        for (List<SettlementLine> read : List.of(fromAdyen, fromStripe)) {
            assertThat(read).extracting(SettlementLine::type, SettlementLine::merchantReference, SettlementReadersTest::grossUnlessPayout,
                    SettlementLine::net, SettlementLine::fees, SettlementLine::batch, SettlementLine::createdAt)
                    .containsExactlyElementsOf(lines.stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.type(),
                            l.merchantReference(), grossUnlessPayout(l), l.net(), l.fees(), l.batch(), l.createdAt())).toList());
        }
    }

    /** Payouts have no gross of their own (Adyen leaves it blank, Stripe's amount is the net). */
    private static Money grossUnlessPayout(SettlementLine l) {
        return l.type() == SettlementLineType.PAYOUT ? null : l.gross();
    }
}
