package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * Shipping rates from a table: by location type and delivery method, falling back to the method's rate, then the
 * type's, then the default. Immutable.
 */
public final class RateTable implements ShippingRates {

    private final ShippingRate byDefault;
    private final Map<LocationType, Map<DeliveryMethod, ShippingRate>> byBoth;
    private final Map<DeliveryMethod, ShippingRate> byMethod;
    private final Map<LocationType, ShippingRate> byType;
    // every type and method resolved once: rates are asked for every candidate location of every order
    private final ShippingRate[][] resolved;

    private RateTable(Builder b) {
        this.byDefault = b.byDefault;
        this.byBoth = new EnumMap<>(LocationType.class);
        b.byBoth.forEach((t, m) -> byBoth.put(t, new EnumMap<>(m)));
        this.byMethod = new EnumMap<>(b.byMethod);
        this.byType = new EnumMap<>(b.byType);
        LocationType[] types = LocationType.values();
        DeliveryMethod[] methods = DeliveryMethod.values();
        this.resolved = new ShippingRate[types.length][methods.length];
        for (LocationType t : types) {
            for (DeliveryMethod m : methods) {
                resolved[t.ordinal()][m.ordinal()] = resolve(t, m);
            }
        }
    }

    /** A table with one rate for everything. */
    public static RateTable flat(ShippingRate rate) {
        return builder(rate).build();
    }

    /** A builder whose default rate is {@code byDefault}. */
    public static Builder builder(ShippingRate byDefault) {
        return new Builder(byDefault);
    }

    @Override
    public ShippingRate rate(Location from, DeliveryMethod method) {
        return rate(from.type(), method);
    }

    /** The rate of the location's type: the location itself (often not in cache) is not read. */
    @Override
    public ShippingRate rate(SourcingContext context, int location, DeliveryMethod method) {
        return rate(context.locationType(location), method);
    }

    /** The rate with {@code method} from a location of type {@code type}. */
    public ShippingRate rate(LocationType type, DeliveryMethod method) {
        return resolved[type.ordinal()][method.ordinal()];
    }

    /** Whether shipping with {@code a} costs the same as with {@code b} from every location type. */
    public boolean sameRates(DeliveryMethod a, DeliveryMethod b) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        for (ShippingRate[] ofType : resolved) {
            if (!ofType[a.ordinal()].equals(ofType[b.ordinal()])) {
                return false;
            }
        }
        return true;
    }

    private ShippingRate resolve(LocationType type, DeliveryMethod method) {
        Map<DeliveryMethod, ShippingRate> m = byBoth.get(type);
        ShippingRate r = m == null ? null : m.get(method);
        if (r == null) {
            r = byMethod.get(method);
        }
        if (r == null) {
            r = byType.get(type);
        }
        return r == null ? byDefault : r;
    }

    /** Builds a {@link RateTable}. */
    public static final class Builder {
        private final ShippingRate byDefault;
        private final Map<LocationType, Map<DeliveryMethod, ShippingRate>> byBoth = new EnumMap<>(LocationType.class);
        private final Map<DeliveryMethod, ShippingRate> byMethod = new EnumMap<>(DeliveryMethod.class);
        private final Map<LocationType, ShippingRate> byType = new EnumMap<>(LocationType.class);

        private Builder(ShippingRate byDefault) {
            this.byDefault = Checks.notNull(byDefault, "byDefault");
        }

        /** The rate from locations of {@code type} with {@code method}. */
        public Builder rate(LocationType type, DeliveryMethod method, ShippingRate rate) {
            byBoth.computeIfAbsent(Checks.notNull(type, "type"), t -> new EnumMap<>(DeliveryMethod.class))
                    .put(Checks.notNull(method, "method"), Checks.notNull(rate, "rate"));
            return this;
        }

        /** The rate with {@code method} from any type without a specific rate. */
        public Builder rate(DeliveryMethod method, ShippingRate rate) {
            byMethod.put(Checks.notNull(method, "method"), Checks.notNull(rate, "rate"));
            return this;
        }

        /** The rate from locations of {@code type} for methods without a specific rate. */
        public Builder rate(LocationType type, ShippingRate rate) {
            byType.put(Checks.notNull(type, "type"), Checks.notNull(rate, "rate"));
            return this;
        }

        /** The table. */
        public RateTable build() {
            return new RateTable(this);
        }
    }
}
