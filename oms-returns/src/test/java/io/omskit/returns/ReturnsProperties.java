package io.omskit.returns;

import static io.omskit.returns.Shop.WH;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Inspection;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Invariants of returns over random orders and random sequences of returns, receipts, inspections, closures and
 * provider faults: never refunded more than captured, never returned more than delivered, every unit returned refunds
 * what was paid minus fees, the stock ledger balances, and no refund is paid twice.
 */
class ReturnsProperties {

    private static final List<Sku> SKUS = List.of(Shop.SHIRT, Shop.JEANS, Shop.SOCKS);

    /** A line: quantity, unit price in cents, line discount in cents. */
    record LineSpec(int quantity, long price, long discount) {
    }

    record OrderSpec(List<LineSpec> lines, long orderDiscount, long shipping) {
    }

    /** One step: what, on which line or return, how many, and which fault the provider shows first. */
    record Step(int kind, int target, int units, int grade, int disposition, int fault) {
    }

    @Provide
    Arbitrary<OrderSpec> orders() {
        Arbitrary<LineSpec> line = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.longs().between(1, 20_000),
                Arbitraries.integers().between(0, 30)).as((q, p, pct) -> new LineSpec(q, p, q * p * pct / 100));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(0, 5_000),
                Arbitraries.longs().between(0, 800)).as(OrderSpec::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5)).as(Step::new).list().ofMinSize(1).ofMaxSize(25);
    }

    private static Order place(Shop shop, OrderSpec spec) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        return shop.delivered(b -> {
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

    /** Runs {@code call}; a provider fault (unknown, unreachable) is reconciled by asking again, as a host would. */
    private static <T> T retrying(Returns returns, Return ret, Supplier<T> call) {
        try {
            return call.get();
        } catch (SpiException e) {
            return null;
        } finally {
            // each ask uses up one scripted fault; a later one gets through. Faults scripted for a step whose refund
            // never reached the provider (nothing to pay back after fees) are still waiting, so ask as long as it takes
            for (int i = 0; i < 1_000; i++) {
                try {
                    returns.refund(ret.id());
                    break;
                } catch (SpiException again) {
                    // asked again
                }
            }
        }
    }

    private static void fault(Shop shop, int fault) {
        switch (fault) {
            case 1 -> shop.payments.timeOutNext(true);
            case 2 -> shop.payments.timeOutNext(false);
            case 3 -> shop.payments.unreachableNext();
            default -> { }
        }
    }

    @Property(tries = 60)
    void returning_every_unit_refunds_exactly_what_was_paid_minus_fees(@ForAll("orders") OrderSpec spec,
                                                                       @ForAll("steps") List<Step> faults) {
        Shop shop = new Shop();
        ReturnPolicy policy = ReturnPolicy.builder().shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).restockingFeeRate("0.05")
                .returnShippingFee(Money.of(CurrencyUnit.EUR, 1.5)).build();
        Returns returns = shop.returns(policy);
        Order order = place(shop, spec);
        int f = 0;
        int n = 0;
        for (OrderLine line : order.lines()) {
            int left = line.quantity();
            while (left > 0) {
                Step s = faults.get(f++ % faults.size());
                int units = Math.min(left, s.units());
                left -= units;
                Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-" + n++, Channel.WEB,
                        ReturnMethod.mailIn(WH), List.of(OpenReturnRequest.line(line.id(), units, ReturnReason.CHANGED_MIND))))).ret();
                retrying(returns, ret, () -> returns.receive(ret.id(), List.of(Arrival.of(line.sku(), units)), "scan"));
                fault(shop, s.fault());
                retrying(returns, ret, () -> returns.inspect(ret.id(), line.id(), Grade.AS_NEW, Disposition.RESTOCK, units, "i"));
            }
        }
        Money fees = Money.zero(CurrencyUnit.EUR);
        Money succeeded = Money.zero(CurrencyUnit.EUR);
        for (Return r : returns.forOrder(order.id())) {
            assertThat(r.status()).as("%s", r).isIn(ReturnStatus.REFUNDED, ReturnStatus.CLOSED);
            for (Refund refund : r.refunds()) {
                if (refund.status() == RefundStatus.SUCCEEDED) {
                    fees = fees.plus(refund.fees());
                    succeeded = succeeded.plus(refund.amount());
                }
            }
        }
        Money refunded = shop.payments.refunded(order.id()) == null ? Money.zero(CurrencyUnit.EUR) : shop.payments.refunded(order.id());
        assertThat(refunded).isEqualTo(succeeded);
        assertThat(shop.order(order).payment().refunded()).isEqualTo(refunded);
        // fees larger than a small refund are capped at it: the customer never pays back
        assertThat(refunded.plus(fees).isLessThan(order.total())).isFalse();
        if (refunded.isPositive()) {
            assertThat(refunded).isLessThanOrEqualTo(order.total());
        }
        if (allRefundsAtLeastTheirFees(returns, order)) {
            assertThat(refunded.plus(fees)).isEqualTo(order.total());
        }
    }

    private static boolean allRefundsAtLeastTheirFees(Returns returns, Order order) {
        for (Return r : returns.forOrder(order.id())) {
            for (Refund refund : r.refunds()) {
                if (refund.status() == RefundStatus.SUCCEEDED && refund.goods().plus(refund.shipping()).isLessThan(refund.fees())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Property(tries = 80)
    void any_sequence_of_steps_keeps_money_units_and_stock_in_balance(@ForAll("orders") OrderSpec spec,
                                                                      @ForAll("steps") List<Step> steps) {
        Shop shop = new Shop();
        Returns returns = shop.returns(ReturnPolicy.builder().restockingFeeRate("0.10").build());
        Order order = place(shop, spec);
        Map<Sku, Integer> onHandBefore = new HashMap<>();
        Map<Sku, Integer> quarantineBefore = new HashMap<>();
        for (Sku sku : SKUS) {
            onHandBefore.put(sku, shop.inventory.position(sku, WH).onHand());
            quarantineBefore.put(sku, shop.inventory.position(sku, WH).quarantine());
        }
        List<Return> opened = new ArrayList<>();
        int n = 0;
        for (Step s : steps) {
            fault(shop, s.fault());
            try {
                switch (s.kind()) {
                    case 0 -> {
                        OrderLine line = order.lines().get(s.target() % order.lines().size());
                        OpenResult r = returns.open(OpenReturnRequest.of(order.id(), "rq-" + n++, Channel.WEB, ReturnMethod.mailIn(WH),
                                List.of(OpenReturnRequest.line(line.id(), s.units(), ReturnReason.values()[s.grade() % ReturnReason.values().length]))));
                        if (r instanceof OpenResult.Opened o) {
                            opened.add(o.ret());
                        }
                    }
                    case 1, 2 -> {
                        if (!opened.isEmpty()) {
                            Return ret = returns.find(opened.get(s.target() % opened.size()).id()).orElseThrow();
                            ReturnLine l = ret.lines().get(0);
                            Sku sku = s.kind() == 2 && s.units() == 4 ? SKUS.get((SKUS.indexOf(l.sku()) + 1) % SKUS.size()) : l.sku();
                            if (!ret.status().isFinished()) {
                                returns.receive(ret.id(), List.of(Arrival.of(sku, s.units())), "scan-" + n++);
                            }
                        }
                    }
                    case 3, 4 -> {
                        if (!opened.isEmpty()) {
                            Return ret = returns.find(opened.get(s.target() % opened.size()).id()).orElseThrow();
                            ReturnLine l = ret.lines().get(0);
                            int waiting = l.received() - ret.inspected(l.line());
                            if (waiting > 0 && !ret.status().isFinished()) {
                                returns.inspect(ret.id(), l.line(), Grade.values()[s.grade()], Disposition.values()[s.disposition()],
                                        Math.min(waiting, s.units()), "insp-" + n++);
                            }
                        }
                    }
                    default -> {
                        if (!opened.isEmpty()) {
                            Return ret = returns.find(opened.get(s.target() % opened.size()).id()).orElseThrow();
                            boolean allInspected = ret.lines().stream().allMatch(l -> ret.inspected(l.line()) == l.received());
                            if (!ret.status().isFinished() && allInspected) {
                                returns.close(ret.id());
                            }
                        }
                    }
                }
            } catch (SpiException e) {
                // an unknown or unreachable refund: the next step (or the reconciliation below) settles it
            }
            checkInvariants(shop, order, returns);
        }
        for (Return r : opened) {
            // faults scripted before steps that never reached the provider are used up here, one per ask
            for (int i = 0; i < steps.size() + 2 && returns.find(r.id()).orElseThrow().openRefund().isPresent(); i++) {
                try {
                    returns.refund(r.id());
                } catch (SpiException e) {
                    // asked again next round
                }
            }
        }
        checkInvariants(shop, order, returns);
        checkLedger(shop, returns.forOrder(order.id()), onHandBefore, quarantineBefore);
        Money succeeded = Money.zero(CurrencyUnit.EUR);
        for (Return r : returns.forOrder(order.id())) {
            assertThat(r.openRefund()).isEmpty();
            for (Refund f : r.refunds()) {
                succeeded = f.status() == RefundStatus.SUCCEEDED ? succeeded.plus(f.amount()) : succeeded;
            }
        }
        Money refunded = shop.payments.refunded(order.id()) == null ? Money.zero(CurrencyUnit.EUR) : shop.payments.refunded(order.id());
        assertThat(refunded).as("each refund paid once").isEqualTo(succeeded).isEqualTo(shop.order(order).payment().refunded());
    }

    private static void checkInvariants(Shop shop, Order placed, Returns returns) {
        Order order = shop.order(placed);
        assertThat(order.payment().refunded()).isLessThanOrEqualTo(order.payment().captured());
        Money atProvider = shop.payments.refunded(order.id());
        if (atProvider != null) {
            assertThat(atProvider).isLessThanOrEqualTo(shop.payments.captured(order.id()));
        }
        List<Return> all = returns.forOrder(order.id());
        for (OrderLine line : order.lines()) {
            int outstanding = 0;
            int refunded = 0;
            for (Return r : all) {
                if (!r.status().isFinished()) {
                    outstanding += r.line(line.id()).map(ReturnLine::outstanding).orElse(0);
                }
                refunded += r.refunded(line.id());
            }
            assertThat(line.units().returned()).isLessThanOrEqualTo(line.quantity());
            assertThat(line.units().returned() + outstanding).as("returned and on the way, line %s", line.id())
                    .isLessThanOrEqualTo(line.quantity() - line.units().cancelled());
            assertThat(refunded).isLessThanOrEqualTo(line.quantity());
        }
    }

    /** Returns in transit, on hand and quarantine at the destination are what the returns' steps say. */
    private static void checkLedger(Shop shop, List<Return> all, Map<Sku, Integer> onHandBefore, Map<Sku, Integer> quarantineBefore) {
        for (Sku sku : SKUS) {
            int inTransit = 0;
            int restocked = 0;
            int quarantined = 0;
            for (Return r : all) {
                for (ReturnLine l : r.lines()) {
                    if (l.sku().equals(sku)) {
                        boolean ended = r.status() == ReturnStatus.CLOSED || r.status() == ReturnStatus.CANCELLED;
                        inTransit += l.quantity() - r.inspected(l.line()) - (ended ? l.outstanding() : 0);
                    }
                }
                for (Inspection i : r.inspections()) {
                    if (r.line(i.line()).orElseThrow().sku().equals(sku)) {
                        if (i.disposition() == Disposition.RESTOCK) {
                            restocked += i.quantity();
                        } else if (!i.disposition().leavesStock()) {
                            quarantined += i.quantity();
                        }
                    }
                }
                for (Receipt receipt : r.receipts()) {
                    for (Receipt.Unexpected u : receipt.unexpected()) {
                        quarantined += u.sku().equals(sku) ? u.quantity() : 0;
                    }
                }
            }
            StockPosition p = shop.inventory.position(sku, WH);
            assertThat(p.returnsInTransit()).as("returns in transit of %s", sku).isEqualTo(inTransit);
            assertThat(p.onHand() - onHandBefore.get(sku)).as("restocked %s", sku).isEqualTo(restocked);
            assertThat(p.quarantine() - quarantineBefore.get(sku)).as("quarantined %s", sku).isEqualTo(quarantined);
        }
    }
}
