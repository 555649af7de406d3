package io.omskit.returns;

import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderAmount;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.returns.policy.RefundTiming;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.core.order.PaidPerUnit;
import io.omskit.returns.rma.Inspection;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * Decides the refund a return is due now under a policy: which units (by the policy's timing and condition rules),
 * what they cost (their place in the order's per-unit allocation), the shipping refunded and the fees kept back, capped
 * at what the order captured and has not refunded. Pure: the caller records the answer and moves the money.
 */
final class RefundPlanner {

    private final ReturnPolicy policy;

    RefundPlanner(ReturnPolicy policy) {
        this.policy = policy;
    }

    /** Units of each line of {@code ret} due a refund now and not refunded yet; only lines with some. */
    Map<LineId, Integer> dueUnits(Return ret) {
        RefundTiming timing = policy.timingFor(ret.customer());
        Map<LineId, Integer> due = new LinkedHashMap<>();
        for (ReturnLine l : ret.lines()) {
            int eligible = switch (timing) {
                case AT_ONCE -> l.quantity();
                case ON_RECEIPT -> l.received();
                case AFTER_INSPECTION -> refundableInspected(ret, l);
            };
            int n = eligible - ret.refunded(l.line());
            if (n > 0) {
                due.put(l.line(), n);
            }
        }
        return due;
    }

    private int refundableInspected(Return ret, ReturnLine l) {
        int n = 0;
        for (Inspection i : ret.inspections()) {
            if (i.line().equals(l.line()) && policy.refunds(l.reason(), i.grade())) {
                n += i.quantity();
            }
        }
        return n;
    }

    /**
     * The refund {@code ret} is due now, under {@code key}; empty when nothing is due, or when the order has nothing
     * captured left to refund (the refund waits).
     *
     * @param order      the order, as stored
     * @param allReturns every return of the order, {@code ret} among them, as stored
     */
    Optional<Refund> plan(Return ret, Order order, List<Return> allReturns, String key, Instant now) {
        if (ret.exchange() != null && !ret.exchange().isSettled()) {
            return Optional.empty();
        }
        Map<LineId, Integer> due = dueUnits(ret);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        PaidPerUnit paid = PaidPerUnit.of(order);
        Money zero = Money.zero(order.currency());
        Money goods = zero;
        Money shipping = zero;
        Money restocking = zero;
        Money shippingBefore = shippingPaidBack(allReturns, zero);
        int refundedAfter = 0;
        int toRefund = 0;
        Map<LineId, Integer> before = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            int b = 0;
            for (Return r : allReturns) {
                b += r.refunded(l.id());
            }
            before.put(l.id(), b);
            refundedAfter += b + due.getOrDefault(l.id(), 0);
            toRefund += l.quantity() - l.units().cancelled();
        }
        boolean completesOrder = refundedAfter >= toRefund;
        boolean anyRetailersFault = false;
        List<Refund.RefundedUnits> units = new ArrayList<>();
        Money lineShipping = zero;
        for (Map.Entry<LineId, Integer> e : due.entrySet()) {
            ReturnLine rl = ret.line(e.getKey()).orElseThrow();
            OrderLine ol = order.line(e.getKey()).orElseThrow(() ->
                    new IllegalStateException("return " + ret.id() + " names line " + e.getKey() + ", not a line of order " + order.id()));
            int b = before.get(ol.id());
            int n = Math.min(e.getValue(), ol.quantity() - b);
            if (n <= 0) {
                continue;
            }
            units.add(new Refund.RefundedUnits(ol.id(), b, n));
            Money lineGoods = paid.goods(ol.id(), b, n);
            goods = goods.plus(lineGoods);
            restocking = restocking.plus(policy.restockingFee(lineGoods, rl.reason()));
            anyRetailersFault |= rl.reason().isRetailersFault();
            if (policy.refundsShipping(false, rl.reason().isRetailersFault())) {
                lineShipping = lineShipping.plus(paid.charges(ol.id(), b, n));
            }
        }
        if (units.isEmpty()) {
            return Optional.empty();
        }
        // shares owed by earlier refunds and not paid then (capped: the shipping was not captured yet) ride along
        Money owed = completesOrder && policy.refundsShipping(true, anyRetailersFault)
                ? paid.chargesTotal()
                : sharesOwed(allReturns, paid).plus(lineShipping);
        Money rest = owed.minus(shippingBefore);
        shipping = rest.isNegative() ? zero : rest;
        Money fees = restocking;
        boolean firstRefund = ret.refunds().stream().noneMatch(Refund::isLive);
        boolean retailersFaultReturn = ret.lines().stream().anyMatch(l -> l.reason().isRetailersFault());
        // an exchange pays no return shipping (Medusa #4838 charged it)
        if (firstRefund && ret.method().kind().isShipped() && !retailersFaultReturn && ret.exchange() == null) {
            fees = fees.plus(policy.returnShippingFee(order.currency()).orElse(zero));
        }
        Money amount = goods.plus(shipping).minus(fees);
        if (amount.isNegative()) {
            amount = zero;
        }
        Money credit = zero;
        if (ret.exchange() != null) {
            Money creditLeft = ret.exchange().applied();
            for (Refund f : ret.refunds()) {
                if (f.isLive()) {
                    creditLeft = creditLeft.minus(f.exchangeCredit());
                }
            }
            credit = creditLeft.isGreaterThan(amount) ? amount : creditLeft.isNegative() ? zero : creditLeft;
            amount = amount.minus(credit);
        }
        Money cap = cap(order, allReturns);
        if (amount.isPositive() && !cap.isPositive()) {
            return Optional.empty();
        }
        if (amount.isGreaterThan(cap)) {
            amount = cap;
        }
        List<TenderAmount> parts = List.of();
        if (order.payment().hasTenders() && ret.refundTo() == RefundTender.ORIGINAL_PAYMENT && amount.isPositive()) {
            parts = split(order, allReturns, amount);
            Money sum = zero;
            for (TenderAmount p : parts) {
                sum = sum.plus(p.amount());
            }
            if (!sum.isPositive()) {
                return Optional.empty();
            }
            amount = sum;
        }
        // a refund capped below what it is due (the shipping not captured yet) pays the goods first and records as
        // shipping only what it paid of it, so that the rest is refunded once the shipping is captured (planShipping)
        Money shortBy = goods.plus(shipping).minus(fees).minus(credit).minus(amount);
        if (shortBy.isPositive()) {
            shipping = shortBy.isGreaterThan(shipping) ? zero : shipping.minus(shortBy);
        }
        return Optional.of(new Refund(key, ret.refundTo(), units, goods, shipping, fees, credit, amount, RefundStatus.REQUESTED, "", "",
                now, parts));
    }

    /**
     * The refund of shipping that fell due outside a refund of units, when refunds of units did not carry it: once
     * every unit of the order is either returned and refunded (by live refunds of any return) or cancelled and the
     * policy refunds shipping then, what is left of the order's charges; otherwise the shares of the charges of the
     * units already refunded whose reason alone earns them their shipping ({@link ShippingRefund#ALWAYS}, or the
     * retailer's fault), which a refund paid short because the shipping was not captured yet. Less the shipping live
     * refunds paid back, capped at what the order captured and has not refunded. It goes where {@code carrier}'s refunds
     * go, under {@code key}. Empty when none is due: no unit refunded, the policy keeps shipping, or nothing is left.
     *
     * @param carrier    the return the refund is recorded on (the order's last return with a refund)
     * @param allReturns every return of the order, as stored
     */
    Optional<Refund> planShipping(Return carrier, Order order, List<Return> allReturns, String key, Instant now) {
        int refunded = 0;
        int kept = 0;
        for (OrderLine l : order.lines()) {
            int b = 0;
            for (Return r : allReturns) {
                b += r.refunded(l.id());
            }
            refunded += b;
            kept += Math.max(0, l.quantity() - l.units().cancelled() - b);
        }
        boolean retailersFault = false;
        for (Return r : allReturns) {
            for (ReturnLine l : r.lines()) {
                retailersFault |= r.refunded(l.line()) > 0 && l.reason().isRetailersFault();
            }
        }
        if (refunded == 0) {
            return Optional.empty();
        }
        PaidPerUnit paid = PaidPerUnit.of(order);
        Money zero = Money.zero(order.currency());
        Money shippingBefore = shippingPaidBack(allReturns, zero);
        Money owed = kept == 0 && policy.refundsShipping(true, retailersFault) ? paid.chargesTotal() : sharesOwed(allReturns, paid);
        Money amount = owed.minus(shippingBefore);
        Money cap = cap(order, allReturns);
        if (amount.isGreaterThan(cap)) {
            amount = cap;
        }
        if (!amount.isPositive()) {
            return Optional.empty();
        }
        List<TenderAmount> parts = List.of();
        if (order.payment().hasTenders() && carrier.refundTo() == RefundTender.ORIGINAL_PAYMENT) {
            parts = split(order, allReturns, amount);
            amount = zero;
            for (TenderAmount p : parts) {
                amount = amount.plus(p.amount());
            }
            if (!amount.isPositive()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Refund(key, carrier.refundTo(), List.of(), zero, amount, zero, zero, amount, RefundStatus.REQUESTED,
                "", "", now, parts));
    }

    /** The shipping the live refunds of {@code allReturns} paid back, counted from {@code zero}. */
    private static Money shippingPaidBack(List<Return> allReturns, Money zero) {
        Money paidBack = zero;
        for (Return r : allReturns) {
            for (Refund f : r.refunds()) {
                if (f.isLive()) {
                    paidBack = paidBack.plus(f.shipping());
                }
            }
        }
        return paidBack;
    }

    /**
     * The shares of the order's charges of the units live refunds of {@code allReturns} paid for, where the unit's
     * reason alone earns its shipping back under the policy (whatever else the customer keeps).
     */
    private Money sharesOwed(List<Return> allReturns, PaidPerUnit paid) {
        Money owed = paid.chargesTotal().multipliedBy(0);
        for (Return r : allReturns) {
            for (Refund f : r.refunds()) {
                if (!f.isLive()) {
                    continue;
                }
                for (Refund.RefundedUnits u : f.units()) {
                    boolean fault = r.line(u.line()).map(l -> l.reason().isRetailersFault()).orElse(false);
                    if (policy.refundsShipping(false, fault)) {
                        owed = owed.plus(paid.charges(u.line(), u.before(), u.units()));
                    }
                }
            }
        }
        return owed;
    }

    /**
     * What the order captured and has not refunded, less what refunds not yet answered, or answered outside the
     * provider (store credit), hold of it.
     */
    private static Money cap(Order order, List<Return> allReturns) {
        Money zero = Money.zero(order.currency());
        Money liveElsewhere = zero;
        Money cardSucceeded = zero;
        for (Return r : allReturns) {
            for (Refund f : r.refunds()) {
                if (f.isLive()) {
                    if (f.status() == RefundStatus.SUCCEEDED && f.tender() == RefundTender.ORIGINAL_PAYMENT) {
                        cardSucceeded = cardSucceeded.plus(f.amount());
                    } else {
                        liveElsewhere = liveElsewhere.plus(f.amount());
                    }
                }
            }
        }
        Money refundedOnOrder = order.payment().refunded().isGreaterThan(cardSucceeded) ? order.payment().refunded() : cardSucceeded;
        return order.payment().captured().minus(refundedOnOrder).minus(liveElsewhere);
    }

    /**
     * {@code amount} over the order's tenders in their refund order, each taking at most what it captured less what
     * it refunded and what refunds not yet answered (of any return of the order) hold of it; less than
     * {@code amount} when the tenders have less left.
     */
    private static List<TenderAmount> split(Order order, List<Return> allReturns, Money amount) {
        Map<String, Money> held = new LinkedHashMap<>();
        for (Return r : allReturns) {
            for (Refund f : r.refunds()) {
                if (f.status() == RefundStatus.REQUESTED) {
                    for (TenderAmount p : f.parts()) {
                        if (!order.applied(CommandKey.of(OrderCommand.RECORD_PAYMENT, f.partKey(p.tender())))) {
                            held.merge(p.tender(), p.amount(), Money::plus);
                        }
                    }
                }
            }
        }
        List<TenderAmount> parts = new ArrayList<>();
        Money left = amount;
        for (Tender t : order.payment().inRefundOrder()) {
            Money room = t.refundable().minus(held.getOrDefault(t.id(), Money.zero(order.currency())));
            Money take = left.isGreaterThan(room) ? room : left;
            if (take.isPositive()) {
                parts.add(new TenderAmount(t.id(), take));
                left = left.minus(take);
            }
        }
        return parts;
    }
}
