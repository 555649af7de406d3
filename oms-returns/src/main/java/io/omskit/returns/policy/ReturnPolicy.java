package io.omskit.returns.policy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.order.CustomerRef;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.ReturnReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A return policy, as data: which lines may come back and when, what is refunded, what is kept back, and when the
 * refund is made. Immutable and thread-safe; {@link #judge} answers for one line, and
 * {@link ReturnPolicyVerifier} checks an answer in one line of a test.
 *
 * @param defaultWindow           the return window when no {@link WindowRule} applies
 * @param windows                 windows per channel and category; the most specific that applies wins
 * @param finalSale               SKUs sold as final sale, never returnable
 * @param minimumRefundableGrade  units inspected below this grade are not refunded, unless the reason is the
 *                                retailer's fault (a condition rule)
 * @param customerLimit           at most so many returns per customer and period; null for no limit
 * @param shippingRefund          when the order's charges are refunded
 * @param restockingFeeRate       the share of the goods refunded kept back as a restocking fee, from 0 to 1, unless the
 *                                reason is the retailer's fault; rounded half up to the minor unit
 * @param returnShippingFees      the fee kept back once per return that travels with a carrier (collection, mail-in),
 *                                unless a line's reason is the retailer's fault; at most one per currency, and a return
 *                                in a currency without one pays none
 * @param timing                  when returned units are refunded
 * @param trustedCustomers        customers refunded at once, when their return is authorised
 * @param replacementReserved     when an exchange's replacement is ordered, holding its stock: when the exchange is
 *                                opened, or when the returned goods arrive
 */
public record ReturnPolicy(Duration defaultWindow, List<WindowRule> windows, Set<Sku> finalSale, Grade minimumRefundableGrade,
                           CustomerLimit customerLimit, ShippingRefund shippingRefund, BigDecimal restockingFeeRate,
                           List<Money> returnShippingFees, RefundTiming timing, Set<CustomerRef> trustedCustomers,
                           ReplacementTiming replacementReserved) {

    /** When an exchange's replacement is ordered. */
    public enum ReplacementTiming {
        /** When the exchange is opened: the replacement's stock is held from the start. */
        AT_OPEN,
        /** When the returned goods arrive. */
        ON_RECEIPT
    }


    public ReturnPolicy {
        Checks.notNull(defaultWindow, "defaultWindow");
        if (defaultWindow.isNegative()) {
            throw new IllegalArgumentException("defaultWindow must not be negative, was " + defaultWindow);
        }
        windows = Checks.list(windows, "windows");
        finalSale = Checks.set(finalSale, "finalSale");
        Checks.notNull(minimumRefundableGrade, "minimumRefundableGrade");
        Checks.notNull(shippingRefund, "shippingRefund");
        Checks.notNull(restockingFeeRate, "restockingFeeRate");
        if (restockingFeeRate.signum() < 0 || restockingFeeRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("restockingFeeRate must be from 0 to 1, was " + restockingFeeRate);
        }
        returnShippingFees = Checks.list(returnShippingFees, "returnShippingFees");
        Set<CurrencyUnit> currencies = new HashSet<>();
        for (Money fee : returnShippingFees) {
            if (fee.isNegative() || !currencies.add(fee.getCurrencyUnit())) {
                throw new IllegalArgumentException("returnShippingFees must be >= 0 and one per currency, was " + returnShippingFees);
            }
        }
        Checks.notNull(timing, "timing");
        trustedCustomers = Checks.set(trustedCustomers, "trustedCustomers");
        Checks.notNull(replacementReserved, "replacementReserved");
    }

    /**
     * A policy of 30 days from delivery, every catalog-returnable SKU, refunds after inspection of units in worn
     * condition or better, shipping refunded when everything comes back or the fault is the retailer's, no fees, no
     * customer limit, exchange replacements ordered when the exchange is opened.
     */
    public static ReturnPolicy standard() {
        return builder().build();
    }

    /** A builder starting from {@link #standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.defaultWindow = defaultWindow;
        b.windows.addAll(windows);
        b.finalSale.addAll(finalSale);
        b.minimumRefundableGrade = minimumRefundableGrade;
        b.customerLimit = customerLimit;
        b.shippingRefund = shippingRefund;
        b.restockingFeeRate = restockingFeeRate;
        b.returnShippingFees.addAll(returnShippingFees);
        b.timing = timing;
        b.trustedCustomers.addAll(trustedCustomers);
        b.replacementReserved = replacementReserved;
        return b;
    }

    // ---- the rules ----

    /**
     * Whether the line described by {@code facts} may be returned. Checked in this order, the first that fails
     * answering: the SKU is returnable and not final sale, some unit reached the customer, the window has not passed,
     * the quantity is there to return, the customer is within the limit.
     */
    public LineVerdict judge(LineFacts facts) {
        Checks.notNull(facts, "facts");
        Sku sku = facts.line().sku();
        if (facts.attributes() == null || !facts.attributes().returnable()) {
            return LineVerdict.refused(Refusal.Reason.NOT_RETURNABLE,
                    facts.attributes() == null ? sku + " is not in the catalog" : sku + " is not returnable");
        }
        if (finalSale.contains(sku)) {
            return LineVerdict.refused(Refusal.Reason.FINAL_SALE, sku + " was sold as final sale");
        }
        if (facts.handedOverAt() == null) {
            return LineVerdict.refused(Refusal.Reason.NOT_DELIVERED, "no unit of line " + facts.line().id() + " was delivered or collected");
        }
        Duration window = window(facts.orderChannel(), facts.attributes().category());
        Instant end = facts.handedOverAt().plus(window);
        if (facts.now().isAfter(end)) {
            return LineVerdict.refused(Refusal.Reason.OUTSIDE_WINDOW, "the " + window.toDays() + "-day window from "
                    + facts.handedOverAt() + " ended " + end);
        }
        if (facts.requested() > facts.returnable()) {
            return LineVerdict.refused(Refusal.Reason.QUANTITY_EXCEEDED, facts.requested() + " unit(s) of line "
                    + facts.line().id() + " asked for, " + facts.returnable() + " delivered or collected and not being returned");
        }
        if (customerLimit != null && facts.customerReturns() >= customerLimit.maxReturns()) {
            return LineVerdict.refused(Refusal.Reason.CUSTOMER_LIMIT_REACHED, facts.customer() + " opened "
                    + facts.customerReturns() + " return(s) within " + customerLimit.period().toDays() + " days, the limit is "
                    + customerLimit.maxReturns());
        }
        return LineVerdict.accepted();
    }

    /** The return window for an order of {@code channel} and a SKU of {@code category}. */
    public Duration window(Channel channel, String category) {
        WindowRule best = null;
        for (WindowRule w : windows) {
            if (w.appliesTo(channel, category) && (best == null || w.specificity() > best.specificity())) {
                best = w;
            }
        }
        return best == null ? defaultWindow : best.window();
    }

    /** When units returned by {@code customer} are refunded. */
    public RefundTiming timingFor(CustomerRef customer) {
        return trustedCustomers.contains(customer) ? RefundTiming.AT_ONCE : timing;
    }

    /** Whether a unit returned for {@code reason} and inspected as {@code grade} is refunded. */
    public boolean refunds(ReturnReason reason, Grade grade) {
        return reason.isRetailersFault() || grade.isAtLeast(minimumRefundableGrade);
    }

    /** The restocking fee on {@code goods} returned for {@code reason}. */
    public Money restockingFee(Money goods, ReturnReason reason) {
        if (reason.isRetailersFault() || restockingFeeRate.signum() == 0) {
            return Money.zero(goods.getCurrencyUnit());
        }
        return goods.multipliedBy(restockingFeeRate, RoundingMode.HALF_UP);
    }

    /** The return-shipping fee of a return in {@code currency}; empty when none applies. */
    public Optional<Money> returnShippingFee(CurrencyUnit currency) {
        for (Money fee : returnShippingFees) {
            if (fee.getCurrencyUnit().equals(currency) && fee.isPositive()) {
                return Optional.of(fee);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the order's charges are refunded with these units: {@code completesOrder} when with them every unit of
     * the order has been refunded, {@code retailersFault} when their reason is the retailer's fault.
     */
    public boolean refundsShipping(boolean completesOrder, boolean retailersFault) {
        return switch (shippingRefund) {
            case NEVER -> false;
            case WHEN_ALL_RETURNED -> completesOrder;
            case WHEN_ALL_RETURNED_OR_RETAILERS_FAULT -> completesOrder || retailersFault;
            case ALWAYS -> true;
        };
    }

    /** Builds a {@link ReturnPolicy}; starts from {@link #standard()}. */
    public static final class Builder {
        private Duration defaultWindow = Duration.ofDays(30);
        private final List<WindowRule> windows = new ArrayList<>();
        private final Set<Sku> finalSale = new HashSet<>();
        private Grade minimumRefundableGrade = Grade.WORN;
        private CustomerLimit customerLimit;
        private ShippingRefund shippingRefund = ShippingRefund.WHEN_ALL_RETURNED_OR_RETAILERS_FAULT;
        private BigDecimal restockingFeeRate = BigDecimal.ZERO;
        private final List<Money> returnShippingFees = new ArrayList<>();
        private RefundTiming timing = RefundTiming.AFTER_INSPECTION;
        private final Set<CustomerRef> trustedCustomers = new HashSet<>();
        private ReplacementTiming replacementReserved = ReplacementTiming.AT_OPEN;

        private Builder() {
        }

        /** The window when no rule applies. */
        public Builder defaultWindow(Duration window) { this.defaultWindow = window; return this; }
        /** A window for orders of {@code channel} (null: any) and SKUs of {@code category} (null: any). */
        public Builder window(Channel channel, String category, Duration window) {
            windows.add(new WindowRule(channel, category, window));
            return this;
        }
        /** SKUs sold as final sale. */
        public Builder finalSale(Sku... skus) { finalSale.addAll(List.of(skus)); return this; }
        /** Units inspected below this grade are not refunded (unless the retailer is at fault). */
        public Builder minimumRefundableGrade(Grade grade) { this.minimumRefundableGrade = grade; return this; }
        /** At most {@code maxReturns} returns per customer within {@code period}. */
        public Builder customerLimit(int maxReturns, Duration period) { this.customerLimit = new CustomerLimit(maxReturns, period); return this; }
        /** When shipping is refunded. */
        public Builder shippingRefund(ShippingRefund rule) { this.shippingRefund = rule; return this; }
        /** The restocking fee rate, from 0 to 1 ({@code "0.10"} for 10%). */
        public Builder restockingFeeRate(String rate) { this.restockingFeeRate = new BigDecimal(rate); return this; }
        /** The return-shipping fee in {@code fee}'s currency. */
        public Builder returnShippingFee(Money fee) { returnShippingFees.add(fee); return this; }
        /** When units are refunded. */
        public Builder timing(RefundTiming timing) { this.timing = timing; return this; }
        /** Customers refunded at once. */
        public Builder trusted(CustomerRef... customers) { trustedCustomers.addAll(List.of(customers)); return this; }
        /** When an exchange's replacement is ordered (and its stock held). */
        public Builder replacementReserved(ReplacementTiming timing) { this.replacementReserved = timing; return this; }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException naming the first value out of range
         */
        public ReturnPolicy build() {
            return new ReturnPolicy(defaultWindow, windows, finalSale, minimumRefundableGrade, customerLimit, shippingRefund,
                    restockingFeeRate, returnShippingFees, timing, trustedCustomers, replacementReserved);
        }
    }
}
