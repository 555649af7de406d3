package io.omskit.reporting.funds;

import static io.omskit.reporting.funds.FundsShop.DROP;
import static io.omskit.reporting.funds.FundsShop.RETAILER;
import static io.omskit.reporting.funds.FundsShop.STORE;
import static io.omskit.reporting.funds.FundsShop.WH;
import static io.omskit.reporting.funds.FundsShop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.SellerRef;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.returns.OpenResult;
import io.omskit.returns.OpenReturnRequest;
import io.omskit.returns.Returns;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Who is owed what of an order's money: sellers, drop-shippers, stores and the retailer, with the numbers. */
class StakeholderFundsTest {

    private static final Stakeholder SELLER = Stakeholder.seller(SellerRef.of("seller-7"));

    private final FundsShop shop = new FundsShop();

    @Test
    void a_marketplace_seller_is_owed_the_price_less_15_percent_commission() {
        Order order = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 2, eur("50.00")).soldBy("seller-7")));
        shop.shipAll(order, "mp-1", WH);

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.captured()).isEqualTo(eur("100.00"));
        assertThat(funds.owedTo(SELLER)).isEqualTo(eur("85.00"));
        assertThat(funds.owedTo(RETAILER)).as("the 15%% commission").isEqualTo(eur("15.00"));
        assertThat(funds.shares()).singleElement().satisfies(s -> assertThat(s.share().basis()).isEqualTo("price less 15% commission"));
    }

    @Test
    void a_drop_shipper_is_owed_its_cost_price_and_the_retailer_the_margin() {
        Order order = shop.placed(Channel.WEB, b -> b.line("1", "LAMP", 1, eur("80.00")));
        shop.shipAll(order, "ds-1", DROP);

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.owedTo(Stakeholder.dropShipper(DROP))).isEqualTo(eur("52.00"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("28.00"));
    }

    @Test
    void a_store_is_owed_its_click_and_collect_commission_for_a_collected_order() {
        Order order = shop.placedForCollection(b -> b.line("1", "MUG", 3, eur("20.00")));
        shop.collectAll(order, "cc-1");

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.captured()).isEqualTo(eur("60.00"));
        assertThat(funds.owedTo(Stakeholder.store(STORE))).as("5%% of 60.00").isEqualTo(eur("3.00"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("57.00"));
    }

    @Test
    void a_store_is_owed_its_ship_from_store_commission_and_a_warehouse_parcel_earns_nobody_else_anything() {
        Order order = shop.placed(Channel.WEB, b -> b.line("1", "MUG", 1, eur("40.00")).line("2", "MUG", 1, eur("10.00")));
        shop.ship(order, "st-1", STORE, List.of(io.omskit.core.order.LineQuantity.of(LineId.of("1"), 1)));
        shop.ship(order, "wh-1", WH, List.of(io.omskit.core.order.LineQuantity.of(LineId.of("2"), 1)));

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.owed()).containsOnly(Map.entry(Stakeholder.store(STORE), eur("2.00")), Map.entry(RETAILER, eur("48.00")));
    }

    @Test
    void a_sellers_share_of_a_returned_and_refunded_unit_goes_back_and_the_retailer_keeps_its_commission_on_the_rest() {
        Order order = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 2, eur("50.00")).soldBy("seller-7")));
        shop.shipAll(order, "mp-1", WH);
        Returns returns = shop.returns();
        OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))));
        Return ret = ((OpenResult.Opened) opened).ret();
        returns.receive(ret.id(), List.of(Arrival.of(FundsShop.MUG, 1)), "scan-1");

        OrderFunds funds = shop.funds.funds(order.id()).orElseThrow();

        assertThat(funds.refunded()).isEqualTo(eur("50.00"));
        assertThat(funds.owedTo(SELLER)).as("85.00 less 42.50 of the refunded unit").isEqualTo(eur("42.50"));
        assertThat(funds.owedTo(RETAILER)).isEqualTo(eur("7.50"));
        assertThat(funds.shares()).filteredOn(ShareLine::reversed).singleElement()
                .satisfies(s -> assertThat(s.share().amount()).isEqualTo(eur("42.50")));
    }

    @Test
    void the_ledger_balances_and_the_parties_due_accounts_hold_exactly_what_was_captured_less_refunded() {
        Order mp = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 2, eur("50.00")).soldBy("seller-7")));
        shop.shipAll(mp, "mp-1", WH);
        Order ds = shop.placed(Channel.WEB, b -> b.line("1", "LAMP", 1, eur("80.00")));
        shop.shipAll(ds, "ds-1", DROP);

        Ledger ledger = shop.funds.ledger();

        CurrencyUnit eur = CurrencyUnit.EUR;
        assertThat(ledger.totalDebits(eur)).isEqualTo(ledger.totalCredits(eur));
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), eur)).isEqualTo(eur("180.00"));
        assertThat(ledger.owedTo(SELLER, eur).plus(ledger.owedTo(Stakeholder.dropShipper(DROP), eur)).plus(ledger.owedTo(RETAILER, eur)))
                .isEqualTo(eur("180.00"));
        assertThat(ledger.accountsOf(SELLER)).containsExactly(Account.of(SELLER, AccountKind.DUE));
    }

    @Test
    void net_payable_per_party_counts_only_what_happened_in_the_period() {
        Order first = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 1, eur("20.00")).soldBy("seller-7")));
        shop.shipAll(first, "mp-1", WH);
        shop.clock.advance(Duration.ofDays(31));
        Order second = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 1, eur("40.00")).soldBy("seller-7")));
        shop.shipAll(second, "mp-2", WH);

        var march = shop.funds.netPayable(CurrencyUnit.EUR, FundsShop.T0, FundsShop.T0.plus(Duration.ofDays(30)));
        var april = shop.funds.netPayable(CurrencyUnit.EUR, FundsShop.T0.plus(Duration.ofDays(30)), FundsShop.T0.plus(Duration.ofDays(60)));

        assertThat(march).containsOnly(Map.entry(SELLER, eur("17.00")), Map.entry(RETAILER, eur("3.00")));
        assertThat(april).containsOnly(Map.entry(SELLER, eur("34.00")), Map.entry(RETAILER, eur("6.00")));
    }

    @Test
    void events_seen_twice_or_out_of_order_give_the_same_funds_as_the_live_book() {
        Order mp = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 3, eur("33.33")).soldBy("seller-7")));
        shop.shipAll(mp, "mp-1", WH);
        Order cc = shop.placedForCollection(b -> b.line("1", "MUG", 1, eur("19.99")));
        shop.collectAll(cc, "cc-1");
        List<DomainEvent> history = new ArrayList<>(shop.events.events());
        List<DomainEvent> shuffled = new ArrayList<>(history);
        shuffled.addAll(history);
        Collections.shuffle(shuffled, new java.util.Random(7));

        FundsBook rebuilt = FundsBook.of(shop.network, CommissionPolicy.defaults(shop.costs), RETAILER);
        rebuilt.acceptAll(shuffled);

        assertThat(rebuilt.accept(history.get(0))).as("seen before").isFalse();
        for (var id : List.of(mp.id(), cc.id())) {
            assertThat(rebuilt.funds(id)).isEqualTo(shop.funds.funds(id));
        }
        assertThat(rebuilt.expectedMovements()).containsExactlyInAnyOrderElementsOf(shop.funds.expectedMovements());
    }

    @Test
    void an_order_is_unknown_until_its_placement_arrives() {
        assertThat(shop.funds.funds(io.omskit.core.order.OrderId.of("nope"))).isEqualTo(Optional.empty());
    }

    @Test
    void a_drop_shipped_sku_without_a_cost_price_is_named_with_its_drop_shipper() {
        Order order = shop.placed(Channel.WEB, b -> b.line("1", "MUG", 1, eur("10.00")));
        shop.shipAll(order, "ds-2", DROP);

        assertThatThrownBy(() -> shop.funds.funds(order.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost price of SKU MUG at drop-shipper DS-1");
    }

    @Test
    void a_commission_policy_with_rates_outside_0_to_1_names_each_bad_rate() {
        assertThatThrownBy(() -> new CommissionPolicy(new BigDecimal("1.5"), Map.of(), new BigDecimal("-0.1"),
                BigDecimal.ZERO, shop.costs))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("marketplaceCommission = 1.5: must be a rate between 0 and 1")
                .hasMessageContaining("shipFromStoreCommission = -0.1: must be a rate between 0 and 1");
    }

    @Test
    void a_seller_on_its_own_rate_is_owed_the_price_less_that_rate() {
        CommissionPolicy policy = CommissionPolicy.defaults(shop.costs).withSellerCommission(SellerRef.of("seller-7"), new BigDecimal("0.10"));
        FundsBook book = FundsBook.of(shop.network, policy, RETAILER);
        shop.events.subscribe(book::accept);
        Order order = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 1, eur("19.99")).soldBy("seller-7")));
        shop.shipAll(order, "mp-1", WH);

        assertThat(book.funds(order.id()).orElseThrow().owedTo(SELLER)).as("19.99 less 2.00 (10%% rounded half up)").isEqualTo(eur("17.99"));
    }
}
