package io.omskit.returns;

import static io.omskit.returns.Shop.WH;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.core.order.UnitState;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The books of an order agree between the payment settlement of core and the refunds of returns: over random orders
 * with line and order discounts and charges, and random sequences of part cancellations, shipments and returns, what
 * the provider captured plus what it voided is what it authorised, nothing is refunded beyond what was captured, and
 * once every unit is either cancelled or handed over and returned, what the cancelled units were paid plus what was
 * captured is the order's total, every unit's goods were either voided or refunded, and (shipping refunded when
 * everything is returned) the whole shipping was refunded, to the cent, also when the units still waiting were
 * cancelled after the last refund of a return ({@link Returns#accept} settles it).
 */
class MoneyConservationProperties {

    private static final List<Sku> SKUS = List.of(Shop.SHIRT, Shop.JEANS, Shop.SOCKS);

    /** A line: quantity, unit price in cents, line discount in cents. */
    record LineSpec(int quantity, long price, long discount) {
    }

    record OrderSpec(List<LineSpec> lines, long orderDiscount, long shipping) {
    }

    /** One step: 0 cancel, 1 ship, 2 return; on which line, how many units. */
    record Step(int kind, int line, int units) {
    }

    @Provide
    Arbitrary<OrderSpec> orders() {
        Arbitrary<LineSpec> line = Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.longs().between(1, 20_000),
                Arbitraries.integers().between(0, 30)).as((q, p, pct) -> new LineSpec(q, p, q * p * pct / 100));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(0, 9_000),
                Arbitraries.longs().between(0, 900)).as(OrderSpec::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3)).as(Step::new).list().ofMinSize(0).ofMaxSize(12);
    }

    @Property(tries = 150)
    void cancelled_captured_and_refunded_add_up_to_the_order_total(@ForAll("orders") OrderSpec spec, @ForAll("steps") List<Step> steps,
                                                                  @ForAll boolean cancelTheRest) {
        Shop shop = new Shop();
        Returns returns = shop.returns(ReturnPolicy.builder().restockingFeeRate("0.00").shippingRefund(ShippingRefund.WHEN_ALL_RETURNED)
                .build());
        shop.events.subscribe(returns::accept);
        Order order = place(shop, spec);
        int n = play(shop, returns, order, steps, cancelTheRest);
        Order settled = shop.order(order);
        PaidPerUnit paid = PaidPerUnit.of(settled);
        Money cancelled = Money.zero(CurrencyUnit.EUR);
        for (OrderLine line : settled.lines()) {
            cancelled = cancelled.plus(paid.cancelledGoods(line.id(), line.units().cancelled()));
        }
        Money captured = orZero(shop.payments.captured(order.id()));
        assertThat(orZero(shop.payments.openAuthorisation(order.id()))).as("nothing stays authorised").isEqualTo(Money.zero(CurrencyUnit.EUR));
        if (settled.units(UnitState.CANCELLED) < settled.lines().stream().mapToInt(OrderLine::quantity).sum()) {
            assertThat(cancelled.plus(captured)).as("cancelled + captured").isEqualTo(settled.total());
        } else {
            assertThat(captured).as("a wholly cancelled order captures nothing").isEqualTo(Money.zero(CurrencyUnit.EUR));
        }
        for (OrderLine line : settled.lines()) {
            int left = line.units().delivered() + line.units().returned() - beingReturned(returns, settled, line);
            if (left > 0) {
                returnDelivered(shop, returns, settled, line, left, "rq-" + n++);
            }
        }
        checkBooks(shop, order);
        Money refunded = orZero(shop.payments.refunded(order.id()));
        Money goodsRefunded = Money.zero(CurrencyUnit.EUR);
        Money shippingRefunded = Money.zero(CurrencyUnit.EUR);
        for (Return r : returns.forOrder(order.id())) {
            for (Refund f : r.refunds()) {
                if (f.status() == RefundStatus.SUCCEEDED) {
                    goodsRefunded = goodsRefunded.plus(f.goods());
                    shippingRefunded = shippingRefunded.plus(f.shipping());
                }
            }
        }
        assertThat(goodsRefunded.plus(shippingRefunded)).as("no fees: refunds pay goods and shipping").isEqualTo(refunded);
        assertThat(cancelled.plus(goodsRefunded)).as("every unit's goods voided or refunded, to the cent").isEqualTo(paid.goodsTotal());
        if (captured.isPositive()) {
            assertThat(shippingRefunded).as("everything came back or was cancelled: the whole shipping refunded, however the "
                    + "cancellations and returns interleaved").isEqualTo(paid.chargesTotal());
            assertThat(refunded).as("nothing kept once everything came back").isEqualTo(captured);
        } else {
            assertThat(shippingRefunded).as("nothing captured, nothing refunded").isEqualTo(Money.zero(CurrencyUnit.EUR));
        }
    }

    /**
     * Under {@link ShippingRefund#ALWAYS} every returned unit earns its share of the shipping back, also when the
     * customer keeps other units: once the order's last unit is shipped or cancelled (and the shipping captured), the
     * shipping refunded is exactly the shares of the units refunded (all of it when nothing is kept), to the cent,
     * however the returns, shipments and cancellations interleaved; refunds paid short before the capture included.
     */
    @Property(tries = 120)
    void under_always_the_shipping_refunded_is_the_returned_units_shares_though_units_are_kept(
            @ForAll("orders") OrderSpec spec, @ForAll("steps") List<Step> steps, @ForAll boolean cancelTheRest) {
        Shop shop = new Shop();
        Returns returns = shop.returns(ReturnPolicy.builder().restockingFeeRate("0.00").shippingRefund(ShippingRefund.ALWAYS).build());
        shop.events.subscribe(returns::accept);
        Order order = place(shop, spec);
        play(shop, returns, order, steps, cancelTheRest);
        Order settled = shop.order(order);
        PaidPerUnit paid = PaidPerUnit.of(settled);
        Money shares = Money.zero(CurrencyUnit.EUR);
        Money shippingRefunded = Money.zero(CurrencyUnit.EUR);
        int refundedUnits = 0;
        for (Return r : returns.forOrder(order.id())) {
            for (Refund f : r.refunds()) {
                if (f.status() == RefundStatus.SUCCEEDED) {
                    shippingRefunded = shippingRefunded.plus(f.shipping());
                    for (Refund.RefundedUnits u : f.units()) {
                        shares = shares.plus(paid.charges(u.line(), u.before(), u.units()));
                        refundedUnits += u.units();
                    }
                }
            }
        }
        int kept = 0;
        for (OrderLine line : settled.lines()) {
            kept += line.quantity() - line.units().cancelled();
        }
        kept -= refundedUnits;
        Money captured = orZero(shop.payments.captured(order.id()));
        if (!captured.isPositive()) {
            assertThat(shippingRefunded).as("nothing captured, nothing refunded").isEqualTo(Money.zero(CurrencyUnit.EUR));
        } else if (refundedUnits > 0 && kept == 0) {
            assertThat(shippingRefunded).as("nothing kept: the whole shipping").isEqualTo(paid.chargesTotal());
        } else {
            assertThat(shippingRefunded).as("%d unit(s) kept: the shares of the %d refunded", kept, refundedUnits).isEqualTo(shares);
        }
    }

    /**
     * Plays {@code steps} (part cancellations, shipments, returns) on the order, then cancels or ships every unit still
     * reserved, checking the books after each; answers the next free number for fulfilment and return references.
     */
    private static int play(Shop shop, Returns returns, Order order, List<Step> steps, boolean cancelTheRest) {
        int n = 0;
        for (Step s : steps) {
            Order now = shop.order(order);
            OrderLine line = now.lines().get(s.line() % now.lines().size());
            int reserved = line.units().get(UnitState.RESERVED);
            switch (s.kind()) {
                case 0 -> {
                    if (reserved > 0) {
                        shop.oms.cancel(order.id(), List.of(LineQuantity.of(line.id(), Math.min(reserved, s.units()))),
                                CancellationReason.CUSTOMER_REQUEST);
                    }
                }
                case 1 -> {
                    if (reserved > 0) {
                        shop.deliver(now, "f-" + n++, List.of(LineQuantity.of(line.id(), Math.min(reserved, s.units()))));
                    }
                }
                default -> returnDelivered(shop, returns, now, line, s.units(), "rq-" + n++);
            }
            checkBooks(shop, order);
        }
        for (OrderLine line : shop.order(order).lines()) {
            int reserved = line.units().get(UnitState.RESERVED);
            if (reserved > 0 && cancelTheRest) {
                shop.oms.cancel(order.id(), List.of(LineQuantity.of(line.id(), reserved)), CancellationReason.CUSTOMER_REQUEST);
            } else if (reserved > 0) {
                shop.deliver(shop.order(order), "f-" + n++, List.of(LineQuantity.of(line.id(), reserved)));
            }
            checkBooks(shop, order);
        }
        return n;
    }

    /** Opens a return of up to {@code units} delivered units of {@code line}, receives and restocks them (refunded). */
    private static void returnDelivered(Shop shop, Returns returns, Order order, OrderLine line, int units, String ref) {
        int returnable = line.units().delivered() + line.units().returned() - beingReturned(returns, order, line);
        if (returnable <= 0) {
            return;
        }
        int q = Math.min(returnable, units);
        OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), ref, Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(line.id(), q, ReturnReason.CHANGED_MIND))));
        assertThat(opened).as("a delivered unit in its window is returnable").isInstanceOf(OpenResult.Opened.class);
        Return ret = ((OpenResult.Opened) opened).ret();
        returns.receive(ret.id(), List.of(Arrival.of(line.sku(), q)), ref + "-scan");
        returns.inspect(ret.id(), line.id(), Grade.AS_NEW, Disposition.RESTOCK, q, ref + "-inspect");
    }

    private static int beingReturned(Returns returns, Order order, OrderLine line) {
        int n = 0;
        for (Return r : returns.forOrder(order.id())) {
            n += r.line(line.id()).map(ReturnLine::quantity).orElse(0);
        }
        return n;
    }

    private static void checkBooks(Shop shop, Order placed) {
        Order order = shop.order(placed);
        Money captured = orZero(shop.payments.captured(order.id()));
        Money voided = orZero(shop.payments.voided(order.id()));
        Money open = orZero(shop.payments.openAuthorisation(order.id()));
        assertThat(captured.plus(voided).plus(open)).as("captured + voided + still authorised")
                .isEqualTo(orZero(shop.payments.authorisedInTotal(order.id())));
        assertThat(order.payment().captured()).isEqualTo(captured);
        assertThat(orZero(shop.payments.refunded(order.id()))).as("refunded").isLessThanOrEqualTo(captured);
        assertThat(captured).as("captured").isLessThanOrEqualTo(order.total());
    }

    private static Money orZero(Money m) {
        return m == null ? Money.zero(CurrencyUnit.EUR) : m;
    }

    private static Order place(Shop shop, OrderSpec spec) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        return shop.placed(b -> {
            for (int i = 0; i < spec.lines().size(); i++) {
                LineSpec l = spec.lines().get(i);
                LineRequest r = LineRequest.of(String.valueOf(i + 1), SKUS.get(i).value(), l.quantity(), Money.ofMinor(eur, l.price()));
                b.line(l.discount() > 0 ? r.withDiscount("LINE", Money.ofMinor(eur, l.discount())) : r);
            }
            long lines = 0;
            for (LineSpec l : spec.lines()) {
                lines += l.quantity() * l.price() - l.discount();
            }
            long discount = Math.min(spec.orderDiscount(), lines);
            if (discount > 0) {
                b.discount("ORDER", Money.ofMinor(eur, discount));
            }
            if (spec.shipping() > 0) {
                b.charge("shipping", Money.ofMinor(eur, spec.shipping()));
            }
            return b;
        });
    }
}
