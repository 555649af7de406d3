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
 * Whatever orders are placed, however they are fulfilled (warehouse, ship from store, drop-ship, split, click and
 * collect), with whatever discounts, charges and refunded returns: every captured or refunded cent is in exactly one
 * party's account (the parties' due accounts add up to captured less refunded, per order and in all), the provider
 * receivable holds the same, and the ledger balances.
 */
class FundsConservationProperties {

    /** How an order reaches its customer. */
    enum Route { WAREHOUSE, STORE, DROP_SHIP, SPLIT, COLLECT }

    record GenLine(String sku, int quantity, long priceCents, long discountCents) {
    }

    record GenOrder(boolean marketplace, List<GenLine> lines, long discountCents, long shippingCents, Route route, int returned) {
    }

    @Provide
    Arbitrary<List<GenOrder>> orders() {
        Arbitrary<GenLine> line = Combinators.combine(Arbitraries.of("MUG", "LAMP"), Arbitraries.integers().between(1, 3),
                Arbitraries.longs().between(0, 20_000), Arbitraries.longs().between(0, 500))
                .as((sku, q, price, discount) -> new GenLine(sku, q, price, Math.min(discount, price * q)));
        Arbitrary<GenOrder> order = Combinators.combine(Arbitraries.of(true, false), line.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(0, 900), Arbitraries.of(Route.class),
                Arbitraries.integers().between(0, 3))
                .as(GenOrder::new);
        return order.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 25)
    void every_captured_or_refunded_cent_is_in_exactly_one_partys_account(@ForAll("orders") List<GenOrder> generated) {
        FundsShop shop = new FundsShop();
        CostPrices costs = (dropShipper, sku, currency) -> Optional.of(Money.ofMinor(currency, sku.value().equals("LAMP") ? 5200 : 300));
        FundsBook book = FundsBook.of(shop.network, CommissionPolicy.defaults(costs), RETAILER);
        shop.events.subscribe(book::accept);
        Returns returns = shop.returns();

        List<Order> placed = new ArrayList<>();
        for (GenOrder g : generated) {
            placed.add(run(shop, returns, g));
            shop.clock.advance(Duration.ofHours(5));
        }

        Ledger ledger = book.ledger();
        CurrencyUnit eur = CurrencyUnit.EUR;
        Money net = Money.zero(eur);
        for (Order o : placed) {
            Order now = shop.oms.order(o.id()).orElseThrow();
            Money orderNet = now.payment().captured().minus(now.payment().refunded());
            OrderFunds funds = book.funds(o.id()).orElseThrow();
            assertThat(funds.captured()).isEqualTo(now.payment().captured());
            assertThat(funds.refunded()).isEqualTo(now.payment().refunded());
            assertThat(funds.owed().values().stream().reduce(Money.zero(eur), Money::plus)).as("order %s", o.id()).isEqualTo(orderNet);
            net = net.plus(orderNet);
        }
        Money allDue = Money.zero(eur);
        for (Account a : ledger.accounts()) {
            if (a.kind() == AccountKind.DUE) {
                allDue = allDue.plus(ledger.owedTo(a.owner(), eur));
            }
        }
        assertThat(allDue).isEqualTo(net);
        assertThat(ledger.balance(Account.of(RETAILER, AccountKind.PROVIDER_RECEIVABLE), eur)).isEqualTo(net);
        assertThat(ledger.totalDebits(eur)).isEqualTo(ledger.totalCredits(eur));
        assertThat(book.netPayable(eur, FundsShop.T0, shop.clock.instant().plusSeconds(1)).values().stream()
                .reduce(Money.zero(eur), Money::plus)).as("the periods cover it all").isEqualTo(net);
        Money expectedNet = Money.zero(eur);
        for (ProviderMovement m : book.expectedMovements()) {
            expectedNet = expectedNet.plus(m.signedAmount());
        }
        assertThat(expectedNet).isEqualTo(net);
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
            order = shop.placed(g.marketplace() ? Channel.MARKETPLACE : Channel.WEB, shape);
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
            OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), "rq-" + order.id(), Channel.WEB, method,
                    List.of(OpenReturnRequest.line(LineId.of(first.id().value()), back, ReturnReason.CHANGED_MIND))));
            if (opened instanceof OpenResult.Opened o) {
                returns.receive(o.ret().id(), List.of(Arrival.of(first.sku(), back)), "scan-" + order.id());
            }
        }
        return order;
    }
}
