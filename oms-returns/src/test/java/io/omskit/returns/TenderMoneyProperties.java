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
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderType;
import io.omskit.core.spi.SpiException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
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
 * The money of orders paid with one to three tenders stays in line under faults: over random orders (line and order
 * discounts, shipping, a tolerance above the total), random part cancellations, shipments and returns, with the
 * provider timing out or out of reach on random calls and every failed step retried, after every step the tenders'
 * captures add up to the order's and to what the provider captured, each tender captured no more than it authorised
 * and refunded no more than it captured (at the provider too), and the balance is what the order charges less what was
 * paid; at the end nothing stays authorised, cancelled plus captured is the total, and every unit's goods were voided
 * or refunded, to the cent.
 */
class TenderMoneyProperties {

    private static final List<Sku> SKUS = List.of(Shop.SHIRT, Shop.JEANS, Shop.SOCKS);
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    record LineSpec(int quantity, long price, long discount) {
    }

    /** Up to three tenders: a type each and the per cent of the total each of the first ones pays. */
    record TenderSpec(List<TenderType> types, List<Integer> percents, boolean lastPaysTheRest, int tolerancePercent) {
    }

    record OrderSpec(List<LineSpec> lines, long orderDiscount, long shipping, TenderSpec tenders) {
    }

    /** One step: 0 cancel, 1 ship, 2 return; on which line, how many units; 0 no fault, 1 timeout that moved money, 2 unreachable. */
    record Step(int kind, int line, int units, int fault) {
    }

    @Provide
    Arbitrary<OrderSpec> orders() {
        Arbitrary<LineSpec> line = Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.longs().between(1, 20_000),
                Arbitraries.integers().between(0, 30)).as((q, p, pct) -> new LineSpec(q, p, q * p * pct / 100));
        Arbitrary<TenderSpec> tenders = Combinators.combine(Arbitraries.of(TenderType.class).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(1, 45).list().ofSize(2), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 15)).as(TenderSpec::new);
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(0, 9_000),
                Arbitraries.longs().between(0, 900), tenders).as(OrderSpec::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2)).as(Step::new).list().ofMinSize(0).ofMaxSize(10);
    }

    @Property(tries = 60)
    void tenders_add_up_and_money_is_conserved_under_faults_and_retries(@ForAll("orders") OrderSpec spec,
                                                                          @ForAll("steps") List<Step> steps,
                                                                          @ForAll boolean cancelTheRest) {
        Shop shop = new Shop();
        Returns returns = shop.returns(ReturnPolicy.builder().restockingFeeRate("0.00").shippingRefund(ShippingRefund.WHEN_ALL_RETURNED)
                .build());
        Order order = place(shop, spec);
        assertThat(order.status().name()).isEqualTo("CONFIRMED");
        checkBooks(shop, order);
        int n = 0;
        for (Step s : steps) {
            fault(shop, s.fault());
            Order now = shop.order(order);
            OrderLine line = now.lines().get(s.line() % now.lines().size());
            int reserved = line.units().get(UnitState.RESERVED);
            String key = "s-" + n++;
            switch (s.kind()) {
                case 0 -> {
                    if (reserved > 0) {
                        int q = Math.min(reserved, s.units());
                        retrying(shop, returns, order, () -> shop.oms.cancel(order.id(), List.of(LineQuantity.of(line.id(), q)),
                                CancellationReason.CUSTOMER_REQUEST, key));
                    }
                }
                case 1 -> {
                    if (reserved > 0) {
                        deliver(shop, returns, order, key, List.of(LineQuantity.of(line.id(), Math.min(reserved, s.units()))));
                    }
                }
                default -> returnDelivered(shop, returns, now, line, s.units(), key);
            }
            checkBooks(shop, order);
        }
        for (OrderLine line : shop.order(order).lines()) {
            int reserved = line.units().get(UnitState.RESERVED);
            String key = "end-" + line.id().value();
            if (reserved > 0 && cancelTheRest) {
                retrying(shop, returns, order, () -> shop.oms.cancel(order.id(), List.of(LineQuantity.of(line.id(), reserved)),
                        CancellationReason.CUSTOMER_REQUEST, key));
            } else if (reserved > 0) {
                deliver(shop, returns, order, key, List.of(LineQuantity.of(line.id(), reserved)));
            }
            checkBooks(shop, order);
        }
        Order settled = shop.order(order);
        PaidPerUnit paid = PaidPerUnit.of(settled);
        Money cancelled = Money.zero(EUR);
        for (OrderLine line : settled.lines()) {
            cancelled = cancelled.plus(paid.cancelledGoods(line.id(), line.units().cancelled()));
        }
        Money captured = orZero(shop.payments.captured(order.id()));
        assertThat(orZero(shop.payments.openAuthorisation(order.id()))).as("nothing stays authorised, tolerance included")
                .isEqualTo(Money.zero(EUR));
        if (settled.units(UnitState.CANCELLED) < settled.lines().stream().mapToInt(OrderLine::quantity).sum()) {
            assertThat(cancelled.plus(captured)).as("cancelled + captured").isEqualTo(settled.total());
        } else {
            assertThat(captured).isEqualTo(Money.zero(EUR));
        }
        assertThat(settled.balanceDue()).as("nothing owed once everything is handed over or cancelled").isEqualTo(Money.zero(EUR));
        for (OrderLine line : settled.lines()) {
            int left = line.units().delivered() + line.units().returned() - beingReturned(returns, settled, line);
            if (left > 0) {
                returnDelivered(shop, returns, settled, line, left, "end-rq-" + line.id().value());
            }
        }
        checkBooks(shop, order);
        Money refunded = orZero(shop.payments.refunded(order.id()));
        Money goodsRefunded = Money.zero(EUR);
        Money shippingRefunded = Money.zero(EUR);
        for (Return r : returns.forOrder(order.id())) {
            for (Refund f : r.refunds()) {
                assertThat(f.status()).as("every refund answered").isEqualTo(RefundStatus.SUCCEEDED);
                goodsRefunded = goodsRefunded.plus(f.goods());
                shippingRefunded = shippingRefunded.plus(f.shipping());
            }
        }
        assertThat(goodsRefunded.plus(shippingRefunded)).as("refunds pay goods and shipping").isEqualTo(refunded);
        assertThat(cancelled.plus(goodsRefunded)).as("every unit's goods voided or refunded").isEqualTo(paid.goodsTotal());
        if (captured.isPositive()) {
            assertThat(captured.minus(refunded)).as("kept: the shipping not refunded").isEqualTo(paid.chargesTotal().minus(shippingRefunded));
        }
    }

    /** Queues a fault for the next payment call: none, a timeout after the money moved, or an unreachable provider. */
    private static void fault(Shop shop, int fault) {
        if (fault == 1) {
            shop.payments.timeOutNext(true);
        } else if (fault == 2) {
            shop.payments.unreachableNext();
        }
    }

    /** Runs {@code step}; when the provider's answer was not known, settles the order and the refunds until they are. */
    private static void retrying(Shop shop, Returns returns, Order order, Runnable step) {
        try {
            step.run();
            return;
        } catch (SpiException e) {
            assertThat(e.retryable()).as("only retryable failures: " + e.getMessage()).isTrue();
        }
        SpiException last = null;
        // a step without payment calls leaves its fault queued for a later call: each failed round uses up one, and
        // there are never more than steps
        for (int i = 0; i < 20; i++) {
            try {
                shop.oms.fulfilments().sync(order.id());
                for (Return r : returns.forOrder(order.id())) {
                    returns.refund(r.id());
                }
                return;
            } catch (SpiException again) {
                // a fault queued for a later call hit the retry: the next round gets through
                last = again;
            }
        }
        throw new AssertionError("order " + order.id() + " did not settle after 20 retries", last);
    }

    private static void deliver(Shop shop, Returns returns, Order order, String key, List<LineQuantity> units) {
        FulfilmentId f = FulfilmentId.of(key);
        retrying(shop, returns, order, () -> shop.oms.allocate(order.id(), key, WH, units));
        retrying(shop, returns, order, () -> shop.oms.fulfilments().accept(f));
        retrying(shop, returns, order, () -> shop.oms.fulfilments().startPicking(f));
        retrying(shop, returns, order, () -> shop.oms.fulfilments().pack(f));
        retrying(shop, returns, order, () -> shop.oms.fulfilments().ship(f, ShipmentDetails.of("parcel-" + key, "DHL", "")));
        retrying(shop, returns, order, () -> shop.oms.fulfilments().deliver(f, "signed"));
    }

    private static void returnDelivered(Shop shop, Returns returns, Order order, OrderLine line, int units, String ref) {
        int returnable = line.units().delivered() + line.units().returned() - beingReturned(returns, order, line);
        if (returnable <= 0) {
            return;
        }
        int q = Math.min(returnable, units);
        OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), ref, Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(line.id(), q, ReturnReason.CHANGED_MIND))));
        Return ret = ((OpenResult.Opened) opened).ret();
        retrying(shop, returns, order, () -> returns.receive(ret.id(), List.of(Arrival.of(line.sku(), q)), ref + "-scan"));
        retrying(shop, returns, order, () -> returns.inspect(ret.id(), line.id(), Grade.AS_NEW, Disposition.RESTOCK, q, ref + "-inspect"));
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
        Money zero = Money.zero(EUR);
        Money captured = orZero(shop.payments.captured(order.id()));
        assertThat(captured.plus(orZero(shop.payments.voided(order.id()))).plus(orZero(shop.payments.openAuthorisation(order.id()))))
                .as("captured + voided + still authorised").isEqualTo(orZero(shop.payments.authorisedInTotal(order.id())));
        assertThat(order.payment().captured()).as("the order's captured is the provider's").isEqualTo(captured);
        Money tendersCaptured = zero;
        for (Tender t : order.tenders()) {
            tendersCaptured = tendersCaptured.plus(t.captured());
            if (t.authorisationRef() != null && order.payment().hasTenders()) {
                assertThat(orZero(shop.payments.capturedOn(t.authorisationRef()))).as("tender " + t.id() + " captured").isEqualTo(t.captured());
                assertThat(t.captured()).as("tender " + t.id() + " captured <= authorised")
                        .isLessThanOrEqualTo(shop.payments.authorisedOn(t.authorisationRef()));
                assertThat(orZero(shop.payments.refundedOn(t.authorisationRef()))).as("tender " + t.id() + " refunded").isEqualTo(t.refunded());
            }
            assertThat(t.refunded()).as("tender " + t.id() + " refunded <= captured").isLessThanOrEqualTo(t.captured());
        }
        assertThat(tendersCaptured).as("sum over tenders of captured").isEqualTo(order.payment().captured());
        assertThat(orZero(shop.payments.refunded(order.id()))).as("refunded").isLessThanOrEqualTo(captured);
        assertThat(captured).as("never more than the total is captured").isLessThanOrEqualTo(order.total());
        Money balance = order.valueNotCancelled().minus(order.payment().captured());
        assertThat(order.balanceDue()).as("due: value not cancelled - captured").isEqualTo(balance.isNegative() ? zero : balance);
        assertThat(order.creditOwed()).as("nothing captured beyond what is charged").isEqualTo(zero);
    }

    private static Money orZero(Money m) {
        return m == null ? Money.zero(EUR) : m;
    }

    private static Order place(Shop shop, OrderSpec spec) {
        return shop.placed(b -> {
            long lines = 0;
            for (int i = 0; i < spec.lines().size(); i++) {
                LineSpec l = spec.lines().get(i);
                LineRequest r = LineRequest.of(String.valueOf(i + 1), SKUS.get(i).value(), l.quantity(), Money.ofMinor(EUR, l.price()));
                b.line(l.discount() > 0 ? r.withDiscount("LINE", Money.ofMinor(EUR, l.discount())) : r);
                lines += l.quantity() * l.price() - l.discount();
            }
            long discount = Math.min(spec.orderDiscount(), lines);
            if (discount > 0) {
                b.discount("ORDER", Money.ofMinor(EUR, discount));
            }
            if (spec.shipping() > 0) {
                b.charge("shipping", Money.ofMinor(EUR, spec.shipping()));
            }
            long total = lines - discount + spec.shipping();
            TenderSpec t = spec.tenders();
            if (total <= 0) {
                return b;
            }
            b.paymentRef(null).authorisationTolerance(AuthorisationTolerance.ofPercent(String.valueOf(t.tolerancePercent())));
            long left = total;
            int count = t.types().size();
            for (int i = 0; i < count; i++) {
                TenderType type = t.types().get(i);
                String id = "t" + (i + 1);
                if (i == count - 1) {
                    if (t.lastPaysTheRest()) {
                        b.tenderForTheRest(id, type, "tok-" + id);
                    } else {
                        b.tender(id, type, "tok-" + id, Money.ofMinor(EUR, left));
                    }
                    break;
                }
                long share = total * t.percents().get(i) / 100;
                if (share > 0 && share < left) {
                    b.tender(id, type, "tok-" + id, Money.ofMinor(EUR, share));
                    left -= share;
                }
            }
            return b;
        });
    }
}
