package io.omskit.reporting.funds;

import static io.omskit.reporting.funds.FundsShop.RETAILER;
import static io.omskit.reporting.funds.FundsShop.WH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.MarketplaceCollection;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.core.order.SellerRef;
import io.omskit.returns.OpenResult;
import io.omskit.returns.OpenReturnRequest;
import io.omskit.returns.Returns;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Money taken back gives each party back the share the units gave it (store credit, chargebacks), and an outside
 * marketplace that collects the payment holds it and owes the retailer what it collected less its commission.
 */
class FundsTakeBackTest {

    private static final Stakeholder SELLER = Stakeholder.seller(SellerRef.of("seller-7"));
    private static final Stakeholder ZALANDO = Stakeholder.marketplace("zalando");

    private final FundsShop shop = new FundsShop();

    private static Money eur(String amount) {
        return Money.parse("EUR " + amount);
    }

    /** Two mugs at 50.00 sold by seller-7 on the retailer's marketplace, shipped: the seller is owed 85.00, the retailer 15.00. */
    private Order sellersMugsShipped() {
        Order order = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 2, eur("50.00")).soldBy("seller-7")));
        shop.shipAll(order, "mp-1", WH);
        return order;
    }

    @Test
    void store_credit_for_a_returned_unit_takes_back_the_sellers_share_of_it_and_leaves_the_retailers_due() {
        Order order = sellersMugsShipped();
        Returns returns = shop.returns();
        OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))).refundTo(RefundTender.STORE_CREDIT));
        Return ret = ((OpenResult.Opened) opened).ret();
        returns.receive(ret.id(), List.of(Arrival.of(FundsShop.MUG, 1)), "scan-1");

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.refunded()).as("nothing through the provider").isEqualTo(eur("0.00"));
        assertThat(funds.storeCredit()).isEqualTo(eur("50.00"));
        assertThat(funds.owedTo(SELLER)).as("85.00 less 42.50 of the unit credited").isEqualTo(eur("42.50"));
        assertThat(funds.owedTo(RETAILER)).as("its 7.50 commission on the unit kept").isEqualTo(eur("7.50"));
        assertThat(funds.net()).isEqualTo(eur("50.00"));
        Ledger ledger = shop.funds.ledger();
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.STORE_CREDIT), CurrencyUnit.EUR)).as("owed to the customer in goods")
                .isEqualTo(eur("-50.00"));
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR)).isEqualTo(eur("100.00"));
    }

    @Test
    void a_chargeback_is_taken_from_each_party_in_proportion_to_what_the_order_owes_it_and_a_reversal_gives_it_back() {
        Order order = sellersMugsShipped();

        assertThat(shop.funds.acceptChargeback(order.id(), "cb-1", eur("40.00"), Instant.parse("2026-03-20T10:00:00Z"))).isTrue();
        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();
        // 40.00 over 85.00 and 15.00: 34.00 and 6.00
        assertThat(funds.owedTo(SELLER)).isEqualTo(eur("51.00"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("9.00"));
        assertThat(funds.chargedBack()).isEqualTo(eur("40.00"));
        assertThat(shop.funds.ledger().balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR))
                .isEqualTo(eur("60.00"));

        assertThat(shop.funds.acceptChargeback(order.id(), "cb-1", eur("40.00"), Instant.parse("2026-03-20T10:00:00Z")))
                .as("the same chargeback again").isFalse();
        shop.funds.acceptChargeback(order.id(), "cb-1-reversed", eur("-40.00"), Instant.parse("2026-04-02T10:00:00Z"));
        OrderFunds reversed = shop.funds.funds(order.id()).orElseThrow();
        assertThat(reversed.owedTo(SELLER)).isEqualTo(eur("85.00"));
        assertThat(reversed.owedTo(RETAILER)).isEqualTo(eur("15.00"));
    }

    @Test
    void the_chargeback_lines_of_a_settlement_report_take_the_shares_back() {
        Order order = sellersMugsShipped();
        Instant at = Instant.parse("2026-03-25T08:00:00Z");
        List<io.omskit.reporting.funds.spi.SettlementLine> lines = List.of(
                new io.omskit.reporting.funds.spi.SettlementLine(2, "L-1", "psp-1", order.id().value(),
                        io.omskit.reporting.funds.spi.SettlementLineType.CHARGEBACK, "Chargeback", at, eur("-100.00"), eur("-100.00"),
                        eur("0.00"), "B-9"));
        io.omskit.reporting.funds.settlement.Reconciliation settled = io.omskit.reporting.funds.settlement.Reconciler.of(RETAILER)
                .reconcile(List.of(), lines);

        assertThat(settled.postChargebacksTo(shop.funds)).isEqualTo(1);
        assertThat(settled.postChargebacksTo(shop.funds)).as("handed over again").isZero();
        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();
        assertThat(funds.chargedBack()).isEqualTo(eur("100.00"));
        assertThat(funds.owedTo(SELLER)).isEqualTo(eur("0.00"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("0.00"));
    }

    @Test
    void a_cent_charged_back_goes_to_the_party_with_the_larger_remainder_and_more_than_owed_to_the_retailer() {
        Order order = sellersMugsShipped();
        shop.funds.acceptChargeback(order.id(), "cb-cent", eur("0.01"), Instant.parse("2026-03-20T10:00:00Z"));
        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();
        assertThat(funds.owedTo(SELLER)).as("0.85 of a cent beats 0.15").isEqualTo(eur("84.99"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("15.00"));

        shop.funds.acceptChargeback(order.id(), "cb-big", eur("120.00"), Instant.parse("2026-03-21T10:00:00Z"));
        OrderFunds after = shop.funds.funds(order.id()).orElseThrow();
        assertThat(after.owed().values().stream().reduce(eur("0.00"), Money::plus)).isEqualTo(after.net()).isEqualTo(eur("-20.01"));
        assertThat(after.owedTo(SELLER)).as("the seller gives back at most what it is owed").isEqualTo(eur("0.00"));
    }

    @Test
    void a_chargeback_without_amount_or_reference_is_refused() {
        Order order = sellersMugsShipped();
        assertThatThrownBy(() -> shop.funds.acceptChargeback(order.id(), "cb-0", eur("0.00"), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cb-0").hasMessageContaining("zero");
        assertThatThrownBy(() -> shop.funds.acceptChargeback(order.id(), " ", eur("1.00"), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThat(shop.funds.funds(order.id()).orElseThrow().chargedBack()).isEqualTo(eur("0.00"));
    }

    @Test
    void an_outside_marketplace_that_collects_holds_the_money_and_owes_the_retailer_all_but_its_commission() {
        FundsBook book = FundsBook.of(shop.network, CommissionPolicy.defaults((d, sku, c) -> Optional.empty()), RETAILER,
                List.of(new MarketplaceCollection(Channel.APP, ZALANDO, new BigDecimal("0.12"))));
        shop.events.subscribe(book::accept);
        Order order = shop.placed(Channel.APP, b -> b.line("1", "MUG", 2, eur("50.00")));
        shop.shipAll(order, "app-1", WH);

        OrderFunds funds = book.funds(order.id()).orElseThrow();
        assertThat(funds.captured()).isEqualTo(eur("100.00"));
        assertThat(funds.owedTo(ZALANDO)).as("its 12%% commission").isEqualTo(eur("12.00"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("88.00"));
        Ledger ledger = book.ledger();
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), CurrencyUnit.EUR))
                .as("nothing at the retailer's provider").isEqualTo(eur("0.00"));
        assertThat(ledger.balance(Account.of(ZALANDO, AccountKind.MARKETPLACE_RECEIVABLE), CurrencyUnit.EUR)).isEqualTo(eur("100.00"));
        assertThat(book.marketplaceOwes(ZALANDO, CurrencyUnit.EUR)).isEqualTo(eur("88.00"));
        assertThat(book.expectedMovements()).as("the provider's settlement will not show it").isEmpty();

        Returns returns = shop.returns();
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.APP, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))))).ret();
        returns.receive(ret.id(), List.of(Arrival.of(FundsShop.MUG, 1)), "scan-1");

        OrderFunds refunded = book.funds(order.id()).orElseThrow();
        assertThat(refunded.refunded()).isEqualTo(eur("50.00"));
        assertThat(refunded.owedTo(ZALANDO)).as("6.00 of its commission given back with the refund").isEqualTo(eur("6.00"));
        assertThat(refunded.owedTo(RETAILER)).isEqualTo(eur("44.00"));
        assertThat(book.marketplaceOwes(ZALANDO, CurrencyUnit.EUR)).isEqualTo(eur("44.00"));
    }

    @Test
    void a_marketplace_collection_must_name_a_marketplace_and_a_rate() {
        assertThatThrownBy(() -> new MarketplaceCollection(Channel.APP, RETAILER, new BigDecimal("0.12")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MARKETPLACE");
        assertThatThrownBy(() -> new MarketplaceCollection(Channel.APP, ZALANDO, new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> FundsBook.of(shop.network, CommissionPolicy.defaults(shop.costs), RETAILER, List.of(
                new MarketplaceCollection(Channel.APP, ZALANDO, BigDecimal.ZERO), new MarketplaceCollection(Channel.APP, ZALANDO, BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APP");
    }
}
