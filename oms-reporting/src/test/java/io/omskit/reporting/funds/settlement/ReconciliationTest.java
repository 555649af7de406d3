package io.omskit.reporting.funds.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.order.OrderId;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.SettlementFormatException;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Three-way matching with the numbers: orders, settlement lines and payout batches, and what is posted. */
class ReconciliationTest {

    private static final Stakeholder RETAILER = Stakeholder.retailer("acme");
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private final Reconciler reconciler = Reconciler.of(RETAILER);

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private static ProviderMovement capture(String order, String amount) {
        return new ProviderMovement(OrderId.of(order), ProviderMovement.Kind.CAPTURE, eur(amount), T, "");
    }

    private static ProviderMovement refund(String order, String amount) {
        return new ProviderMovement(OrderId.of(order), ProviderMovement.Kind.REFUND, eur(amount), T, "");
    }

    private static Account retailer(AccountKind kind) {
        return Account.of(RETAILER, kind);
    }

    @Test
    void a_clean_settlement_matches_every_line_its_payout_agrees_and_fees_go_to_the_fees_account() {
        List<ProviderMovement> expected = List.of(capture("O-1", "100.00"), capture("O-2", "50.00"), refund("O-1", "20.00"));
        List<SettlementLine> lines = SettlementSimulator.standard().settle(expected);

        Reconciliation r = reconciler.reconcile(expected, lines);

        assertThat(r.isClean()).as("differences: %s", r.differences()).isTrue();
        assertThat(r.count(Classification.MATCHED)).isEqualTo(4);
        assertThat(r.batches()).singleElement().satisfies(b -> {
            assertThat(b.linesNet()).as("98.80 + 49.40 - 20.00").isEqualTo(eur("128.20"));
            assertThat(b.agrees()).isTrue();
        });
        Ledger ledger = r.ledger();
        assertThat(ledger.balance(retailer(AccountKind.PROVIDER_FEES), CurrencyUnit.EUR)).as("1.2%% of 150.00").isEqualTo(eur("1.80"));
        assertThat(ledger.balance(retailer(AccountKind.BANK), CurrencyUnit.EUR)).isEqualTo(eur("128.20"));
        assertThat(ledger.balance(retailer(AccountKind.PROVIDER_BALANCE), CurrencyUnit.EUR)).isEqualTo(eur("0.00"));
        assertThat(ledger.balance(retailer(AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR)).as("settled 130.00 net of refunds")
                .isEqualTo(eur("-130.00"));
        assertThat(r.findings().get(0).expected()).isEqualTo(expected.get(0));
        assertThat(r.findings().get(0).batch()).isEqualTo("B1");
    }

    @Test
    void each_kind_of_difference_is_named_with_its_order_and_amounts() {
        List<ProviderMovement> expected = List.of(capture("O-1", "100.00"), capture("O-2", "50.00"), capture("O-3", "30.00"),
                capture("O-4", "40.00"), refund("O-4", "10.00"));
        List<SettlementLine> lines = new ArrayList<>(SettlementSimulator.standard().settle(expected));
        lines.removeIf(l -> l.type() == SettlementLineType.PAYOUT);
        lines.remove(1);                                                                    // O-2 never settled
        SettlementLine o3 = lines.get(1);
        lines.set(1, new SettlementLine(0, o3.lineId(), o3.pspReference(), "O-3", o3.type(), o3.providerType(), o3.createdAt(),
                eur("30.01"), o3.net().plus(eur("0.01")), o3.fees(), o3.batch()));             // a cent too much
        lines.add(lines.get(3));                                                            // O-4's refund twice
        lines.add(new SettlementLine(0, "CB1", "PSP1", "O-1", SettlementLineType.CHARGEBACK, "Chargeback", T, eur("-100.00"),
                eur("-115.00"), eur("15.00"), "B1"));
        lines.add(new SettlementLine(0, "X1", "PSP9", "O-99", SettlementLineType.PAYMENT, "Settled", T, eur("9.99"),
                eur("9.99"), eur("0.00"), "B1"));

        Reconciliation r = reconciler.reconcile(expected, SettlementSimulator.withPayouts(lines));

        assertThat(r.differences()).extracting(Finding::classification, Finding::orderReference).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Classification.MISSING_FROM_SETTLEMENT, "O-2"),
                org.assertj.core.groups.Tuple.tuple(Classification.AMOUNT_MISMATCH, "O-3"),
                org.assertj.core.groups.Tuple.tuple(Classification.DUPLICATE_CREDIT_NOTE, "O-4"),
                org.assertj.core.groups.Tuple.tuple(Classification.CHARGEBACK, "O-1"),
                org.assertj.core.groups.Tuple.tuple(Classification.UNEXPECTED, "O-99"));
        Finding mismatch = r.differences().stream().filter(f -> f.classification() == Classification.AMOUNT_MISMATCH).findFirst().orElseThrow();
        assertThat(mismatch.difference()).isEqualTo(eur("0.01"));
        assertThat(mismatch.reason()).isEqualTo("capture of order O-3 was EUR 30.00, line 3 settled EUR 30.01 (EUR 0.01)");
        assertThat(r.ledger().balance(retailer(AccountKind.CHARGEBACKS), CurrencyUnit.EUR)).isEqualTo(eur("100.00"));
        assertThat(r.ledger().balance(retailer(AccountKind.SUSPENSE), CurrencyUnit.EUR)).as("the stray payment less the second refund")
                .isEqualTo(eur("0.01"));
        assertThat(r.batch("B1").orElseThrow().agrees()).isTrue();
    }

    @Test
    void a_payout_a_cent_short_of_its_batch_is_a_payout_mismatch() {
        List<ProviderMovement> expected = List.of(capture("O-1", "100.00"));
        List<SettlementLine> lines = new ArrayList<>(SettlementSimulator.standard().settle(expected));
        SettlementLine payout = lines.get(1);
        lines.set(1, new SettlementLine(0, payout.lineId(), "", "", SettlementLineType.PAYOUT, "MerchantPayout", payout.createdAt(),
                payout.gross(), payout.net().plus(eur("0.01")), payout.fees(), "B1"));

        Reconciliation r = reconciler.reconcile(expected, lines);

        assertThat(r.differences()).singleElement().satisfies(f -> {
            assertThat(f.classification()).isEqualTo(Classification.PAYOUT_MISMATCH);
            assertThat(f.difference()).isEqualTo(eur("-0.01"));
            assertThat(f.reason()).isEqualTo("payout of EUR 98.79 for batch B1 differs from its lines' net EUR 98.80 by EUR -0.01");
        });
    }

    @Test
    void a_settlement_in_another_currency_posts_both_sides_through_the_exchange_account_and_each_currency_balances() {
        List<ProviderMovement> expected = List.of(capture("O-1", "100.00"));
        SettlementLine converted = new SettlementLine(2, "M1", "P1", "O-1", SettlementLineType.PAYMENT, "Settled", T, eur("100.00"),
                Money.of(CurrencyUnit.GBP, new BigDecimal("84.00")), Money.of(CurrencyUnit.GBP, new BigDecimal("1.00")), "B1");

        Reconciliation r = reconciler.reconcile(expected, List.of(converted));

        assertThat(r.isClean()).isTrue();
        for (CurrencyUnit c : List.of(CurrencyUnit.EUR, CurrencyUnit.GBP)) {
            assertThat(r.ledger().totalDebits(c)).isEqualTo(r.ledger().totalCredits(c));
        }
        assertThat(r.ledger().balance(retailer(AccountKind.PROVIDER_FEES), CurrencyUnit.GBP)).isEqualTo(Money.of(CurrencyUnit.GBP, 1));
        assertThat(r.ledger().balance(retailer(AccountKind.CURRENCY_EXCHANGE), CurrencyUnit.EUR)).isEqualTo(eur("100.00"));
    }

    @Test
    void a_malformed_report_reconciles_nothing_and_names_the_bad_row() {
        String csv = "id,type,amount,fee,net,currency,created,source,reporting_category,description,payout\n"
                + "txn_1,charge,10000,0,10000,eur,1772532900,ch_1,charge,O-1,po_1\n"
                + "txn_2,charge,500,0,500,euro,1772532900,ch_2,charge,O-2,po_1\n";

        assertThatThrownBy(() -> reconciler.reconcile(List.of(capture("O-1", "100.00")), StripeBalanceTransactionsReader.create(),
                new StringReader(csv)))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("line 3, column 'currency' = euro: must be an ISO 4217 currency code");
    }

    @Test
    void the_same_settlement_read_from_adyen_and_stripe_files_reconciles_the_same() {
        List<ProviderMovement> expected = List.of(capture("O-1", "19.99"), capture("O-2", "5.05"), refund("O-2", "5.05"));
        List<SettlementLine> lines = SettlementSimulator.standard().settle(expected);
        StringWriter adyen = new StringWriter();
        SettlementFiles.adyen(lines, adyen);
        StringWriter stripe = new StringWriter();
        SettlementFiles.stripe(lines, stripe);

        Reconciliation a = reconciler.reconcile(expected, new AdyenSettlementDetailsReader(), new StringReader(adyen.toString()));
        Reconciliation s = reconciler.reconcile(expected, StripeBalanceTransactionsReader.create(), new StringReader(stripe.toString()));

        assertThat(a.isClean()).isTrue();
        assertThat(s.isClean()).isTrue();
        assertThat(a.batches()).isEqualTo(s.batches());
        assertThat(a.ledger().balance(retailer(AccountKind.PROVIDER_FEES), CurrencyUnit.EUR))
                .isEqualTo(s.ledger().balance(retailer(AccountKind.PROVIDER_FEES), CurrencyUnit.EUR))
                .as("1.2%% of 19.99 and of 5.05, each rounded half up").isEqualTo(eur("0.30"));
    }
}
