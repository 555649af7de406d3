package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.order.DeliveryMethod;
import java.util.EnumMap;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What the customer pays for a delivery method: a fee, plus a fee per part beyond the first, waived from a
 * merchandise value on. Immutable.
 *
 * <pre>{@code
 * DeliveryCharges charges = DeliveryCharges.builder(CurrencyUnit.EUR)
 *         .fee(DeliveryMethod.STANDARD_DELIVERY, Money.of(EUR, 4.95))
 *         .freeFrom(DeliveryMethod.STANDARD_DELIVERY, Money.of(EUR, 50))
 *         .fee(DeliveryMethod.EXPRESS_DELIVERY, Money.of(EUR, 9.95))
 *         .build();
 * }</pre>
 */
public final class DeliveryCharges {

    private final CurrencyUnit currency;
    private final Map<DeliveryMethod, Money> fees;
    private final Map<DeliveryMethod, Money> perExtraPart;
    private final Map<DeliveryMethod, Money> freeFrom;

    private DeliveryCharges(Builder b) {
        this.currency = b.currency;
        this.fees = new EnumMap<>(b.fees);
        this.perExtraPart = new EnumMap<>(b.perExtraPart);
        this.freeFrom = new EnumMap<>(b.freeFrom);
    }

    /** A builder of charges in {@code currency}; every method is free until given a fee. */
    public static Builder builder(CurrencyUnit currency) {
        return new Builder(currency);
    }

    /** Every method free, in {@code currency}. */
    public static DeliveryCharges free(CurrencyUnit currency) {
        return builder(currency).build();
    }

    /** The currency of every charge. */
    public CurrencyUnit currency() {
        return currency;
    }

    /**
     * The charge of {@code method} delivered in {@code parts} parts for merchandise worth {@code merchandise}.
     *
     * @param merchandise the value of the goods; null when unknown (no waiver then)
     */
    public Money charge(DeliveryMethod method, int parts, Money merchandise) {
        Money threshold = freeFrom.get(method);
        if (threshold != null && merchandise != null && !merchandise.isLessThan(threshold)) {
            return Money.zero(currency);
        }
        Money fee = fees.getOrDefault(method, Money.zero(currency));
        Money extra = perExtraPart.get(method);
        if (extra != null && parts > 1) {
            fee = fee.plus(extra.multipliedBy(parts - 1));
        }
        return fee;
    }

    /** Builds {@link DeliveryCharges}. */
    public static final class Builder {
        private final CurrencyUnit currency;
        private final Map<DeliveryMethod, Money> fees = new EnumMap<>(DeliveryMethod.class);
        private final Map<DeliveryMethod, Money> perExtraPart = new EnumMap<>(DeliveryMethod.class);
        private final Map<DeliveryMethod, Money> freeFrom = new EnumMap<>(DeliveryMethod.class);

        private Builder(CurrencyUnit currency) {
            this.currency = Checks.notNull(currency, "currency");
        }

        /** The fee of {@code method}. */
        public Builder fee(DeliveryMethod method, Money fee) {
            fees.put(Checks.notNull(method, "method"), checked(fee, "fee"));
            return this;
        }

        /** The fee added for every part of {@code method} beyond the first. */
        public Builder perExtraPart(DeliveryMethod method, Money fee) {
            perExtraPart.put(Checks.notNull(method, "method"), checked(fee, "perExtraPart"));
            return this;
        }

        /** Merchandise worth at least {@code threshold} travels by {@code method} for free. */
        public Builder freeFrom(DeliveryMethod method, Money threshold) {
            freeFrom.put(Checks.notNull(method, "method"), checked(threshold, "freeFrom"));
            return this;
        }

        private Money checked(Money m, String name) {
            Checks.notNull(m, name);
            if (!m.getCurrencyUnit().equals(currency) || m.isNegative()) {
                throw new IllegalArgumentException(name + " must be >= 0 in " + currency + ", was " + m);
            }
            return m;
        }

        /** The charges. */
        public DeliveryCharges build() {
            return new DeliveryCharges(this);
        }
    }
}
