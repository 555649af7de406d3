package io.omskit.reporting.funds;

import static io.omskit.reporting.funds.FundsShop.DROP;
import static io.omskit.reporting.funds.FundsShop.RETAILER;
import static io.omskit.reporting.funds.FundsShop.STORE;
import static io.omskit.reporting.funds.FundsShop.WH;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import io.omskit.reporting.funds.spi.CostPrices;
import io.omskit.reporting.funds.spi.MarketplaceCollection;
import io.omskit.reporting.funds.spi.Stakeholder;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import java.math.BigDecimal;
import io.omskit.returns.OpenResult;
import io.omskit.returns.OpenReturnRequest;
import io.omskit.returns.Returns;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Whatever orders are placed (sold by the retailer, by a seller on its marketplace, or on an outside marketplace that
 * collects the payment), however they are fulfilled (warehouse, ship from store, drop-ship, split, click and collect),
 * with whatever discounts, charges, returns refunded to the card or as store credit, and chargebacks: every captured,
 * refunded, store-credited or charged-back cent is in exactly one account (the parties' due accounts plus store credit
 * add up to captured less refunded less charged back, per order and in all), the provider and marketplace receivables
 * hold the same, and the ledger balances.
 */
class FundsConservationProperties {

    /** How an order reaches its customer. */
    enum Route { WAREHOUSE, STORE, DROP_SHIP, SPLIT, COLLECT }

    record GenLine(String sku, int quantity, long priceCents, long discountCents) {
    }

    /**
     * Who sells: the retailer, a seller on the retailer's marketplace, or the retailer on an outside marketplace that
     * collects (the app channel's orders, collected in store ones included).
     */
    enum Seller { RETAILER, MARKETPLACE_SELLER, OUTSIDE_MARKETPLACE }

    record GenOrder(Seller seller, List<GenLine> lines, long discountCents, long shippingCents, Route route, int returned,
                    boolean storeCredit, long chargebackCents) {

        boolean marketplace() {
            return seller == Seller.MARKETPLACE_SELLER;
        }
    }

    private static final Stakeholder OUTSIDE = Stakeholder.marketplace("outside-mp");

    @Provide
    Arbitrary<List<GenOrder>> orders() {
        Arbitrary<GenLine> line = Combinators.combine(Arbitraries.of("MUG", "LAMP"), Arbitraries.integers().between(1, 3),
                Arbitraries.longs().between(0, 20_000), Arbitraries.longs().between(0, 500))
                .as((sku, q, price, discount) -> new GenLine(sku, q, price, Math.min(discount, price * q)));
        Arbitrary<GenOrder> order = Combinators.combine(Arbitraries.of(Seller.class), line.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(0, 900), Arbitraries.of(Route.class),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 30_000)))
                .as(GenOrder::new);
        return order.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 25)
    void every_captured_or_refunded_cent_is_in_exactly_one_partys_account(@ForAll("orders") List<GenOrder> generated) {
        FundsShop shop = new FundsShop();
        CostPrices costs = (dropShipper, sku, currency) -> Optional.of(Money.ofMinor(currency, sku.value().equals("LAMP") ? 5200 : 300));
        FundsBook book = FundsBook.of(shop.network, CommissionPolicy.defaults(costs), RETAILER,
                List.of(new MarketplaceCollection(Channel.APP, OUTSIDE, new BigDecimal("0.12"))));
        shop.events.subscribe(book::accept);
        Returns returns = shop.returns();

        List<Order> placed = new ArrayList<>();
        Money chargedBack = Money.zero(CurrencyUnit.EUR);
        for (GenOrder g : generated) {
            Order o = run(shop, returns, g);
            placed.add(o);
            Money captured = shop.oms.order(o.id()).orElseThrow().payment().captured();
            if (g.chargebackCents() > 0 && captured.isPositive()) {
                Money cb = Money.ofMinor(CurrencyUnit.EUR, Math.min(g.chargebackCents(), captured.getAmountMinorLong()));
                book.acceptChargeback(o.id(), "cb-" + o.id(), cb, shop.clock.instant());
                chargedBack = chargedBack.plus(cb);
                if (g.chargebackCents() % 3 == 0) {
                    book.acceptChargeback(o.id(), "cb-" + o.id() + "-reversed", cb.negated(), shop.clock.instant().plusSeconds(60));
                    chargedBack = chargedBack.minus(cb);
                }
            }
            shop.clock.advance(Duration.ofHours(5));
        }

        Ledger ledger = book.ledger();
        CurrencyUnit eur = CurrencyUnit.EUR;
        Money net = Money.zero(eur);
        Money issuedAsCredit = Money.zero(eur);
        for (Order o : placed) {
            Order now = shop.oms.order(o.id()).orElseThrow();
            OrderFunds funds = book.funds(o.id()).orElseThrow();
            Money storeCredit = Money.zero(eur);
            for (Return r : returns.forOrder(o.id())) {
                for (Refund f : r.refunds()) {
                    if (f.status() == RefundStatus.SUCCEEDED && f.tender() == RefundTender.STORE_CREDIT) {
                        storeCredit = storeCredit.plus(f.amount());
                    }
                }
            }
            assertThat(funds.captured()).isEqualTo(now.payment().captured());
            assertThat(funds.refunded()).isEqualTo(now.payment().refunded());
            assertThat(funds.storeCredit()).isEqualTo(storeCredit);
            Money orderNet = now.payment().captured().minus(now.payment().refunded()).minus(storeCredit).minus(funds.chargedBack());
            assertThat(funds.net()).isEqualTo(orderNet);
            assertThat(funds.owed().values().stream().reduce(Money.zero(eur), Money::plus)).as("order %s", o.id()).isEqualTo(orderNet);
            net = net.plus(orderNet);
            issuedAsCredit = issuedAsCredit.plus(storeCredit);
        }
        Money allDue = Money.zero(eur);
        for (Account a : ledger.accounts()) {
            if (a.kind() == AccountKind.DUE) {
                allDue = allDue.plus(ledger.owedTo(a.owner(), eur));
            }
        }
        assertThat(allDue).isEqualTo(net);
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.STORE_CREDIT), eur).negated()).as("store credit owed in goods")
                .isEqualTo(issuedAsCredit);
        Money receivables = ledger.balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), eur)
                .plus(ledger.balance(Account.of(OUTSIDE, AccountKind.MARKETPLACE_RECEIVABLE), eur));
        assertThat(receivables).as("captured less refunded less charged back, wherever it is held").isEqualTo(net.plus(issuedAsCredit));
        assertThat(ledger.totalDebits(eur)).isEqualTo(ledger.totalCredits(eur));
        assertThat(book.netPayable(eur, FundsShop.T0, shop.clock.instant().plusSeconds(3600)).values().stream()
                .reduce(Money.zero(eur), Money::plus)).as("the periods cover it all").isEqualTo(net);
        Money expectedNet = Money.zero(eur);
        for (ProviderMovement m : book.expectedMovements()) {
            expectedNet = expectedNet.plus(m.signedAmount());
        }
        Money atProvider = Money.zero(eur);
        for (int i = 0; i < placed.size(); i++) {
            Order now = shop.oms.order(placed.get(i).id()).orElseThrow();
            if (now.channel() != Channel.APP) {
                atProvider = atProvider.plus(now.payment().captured().minus(now.payment().refunded()));
            }
        }
        assertThat(expectedNet).as("the provider's settlement shows what it collected, not the outside marketplace's").isEqualTo(atProvider);
        assertThat(chargedBack.isNegative()).isFalse();
    }

    private static Order run(FundsShop shop, Returns returns, GenOrder g) {
        UnaryOperator<PlaceOrderRequest.Builder> shape = b -> {
            int n = 0;
            for (GenLine l : g.lines()) {
                LineRequest line = LineRequest.of(Integer.toString(++n), l.sku(), l.quantity(), Money.ofMinor(CurrencyUnit.EUR, l.priceCents()));
                if (l.discountCents() > 0) {
                    line = line.withDiscount("line-promo", Money.ofMinor(CurrencyUnit.EUR, l.discountCents()));
                }
                b.line(g.marketplace() && g.route() != Route.COLLECT ? line.soldBy("seller-" + (n % 2)) : line);
            }
            long total = g.shippingCents();
            for (GenLine l : g.lines()) {
                total += l.priceCents() * l.quantity() - l.discountCents();
            }
            if (Math.min(g.discountCents(), total) > 0) {
                b.discount("promo", Money.ofMinor(CurrencyUnit.EUR, Math.min(g.discountCents(), total)));
            }
            if (g.shippingCents() > 0) {
                b.charge("shipping", Money.ofMinor(CurrencyUnit.EUR, g.shippingCents()));
            }
            return b;
        };
        Order order;
        if (g.route() == Route.COLLECT) {
            order = shop.placedForCollection(b -> shape.apply(b));
            shop.collectAll(order, "cc-" + order.id());
        } else {
            order = shop.placed(g.marketplace() ? Channel.MARKETPLACE : g.seller() == Seller.OUTSIDE_MARKETPLACE ? Channel.APP : Channel.WEB,
                    shape);
            switch (g.route()) {
                case WAREHOUSE -> shop.shipAll(order, "wh-" + order.id(), WH);
                case STORE -> shop.shipAll(order, "st-" + order.id(), STORE);
                case DROP_SHIP -> shop.shipAll(order, "ds-" + order.id(), DROP);
                default -> {
                    List<LineQuantity> first = new ArrayList<>();
                    List<LineQuantity> rest = new ArrayList<>();
                    for (OrderLine l : order.lines()) {
                        (first.size() <= rest.size() ? first : rest).add(LineQuantity.of(l.id(), l.quantity()));
                    }
                    shop.ship(order, "wh-" + order.id(), WH, first);
                    if (!rest.isEmpty()) {
                        shop.ship(order, "ds-" + order.id(), DROP, rest);
                    }
                }
            }
        }
        OrderLine first = order.lines().get(0);
        int back = Math.min(g.returned(), first.quantity());
        if (back > 0) {
            // an order collected in store has no address to post from: its units come back over the counter
            ReturnMethod method = order.delivery().address() == null ? ReturnMethod.dropOff(WH) : ReturnMethod.mailIn(WH);
            OpenReturnRequest request = OpenReturnRequest.of(order.id(), "rq-" + order.id(), Channel.WEB, method,
                    List.of(OpenReturnRequest.line(LineId.of(first.id().value()), back, ReturnReason.CHANGED_MIND)));
            OpenResult opened = returns.open(g.storeCredit() ? request.refundTo(RefundTender.STORE_CREDIT) : request);
            if (opened instanceof OpenResult.Opened o) {
                returns.receive(o.ret().id(), List.of(Arrival.of(first.sku(), back)), "scan-" + order.id());
            }
        }
        return order;
    }
}
