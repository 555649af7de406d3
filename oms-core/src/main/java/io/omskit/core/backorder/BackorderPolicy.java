package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which SKUs and locations may sell beyond stock, as data. The most specific setting wins: a SKU at a location, then
 * the SKU, then the location, then the default ({@link SupplyTerms#NONE} unless set). Immutable and thread-safe.
 */
public final class BackorderPolicy {

    private static final BackorderPolicy NONE = builder().build();

    private final SupplyTerms defaults;
    private final Map<Sku, SupplyTerms> bySku;
    private final Map<LocationId, SupplyTerms> byLocation;
    private final Map<SkuAt, SupplyTerms> bySkuAt;

    private BackorderPolicy(Builder b) {
        this.defaults = b.defaults;
        this.bySku = Map.copyOf(b.bySku);
        this.byLocation = Map.copyOf(b.byLocation);
        this.bySkuAt = Map.copyOf(b.bySkuAt);
    }

    /** No backorders and no pre-orders anywhere. */
    public static BackorderPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link SupplyTerms#NONE} everywhere. */
    public static Builder builder() {
        return new Builder();
    }

    /** The terms of {@code sku} at {@code location}: the most specific setting. Never null. */
    public SupplyTerms terms(Sku sku, LocationId location) {
        SupplyTerms t = bySkuAt.get(new SkuAt(sku, location));
        if (t != null) {
            return t;
        }
        t = bySku.get(sku);
        if (t != null) {
            return t;
        }
        return byLocation.getOrDefault(location, defaults);
    }

    private record SkuAt(Sku sku, LocationId location) {
    }

    /**
     * Collects settings; {@link #build()} reports every missing argument at once, naming the setting. Not
     * thread-safe.
     */
    public static final class Builder {
        private SupplyTerms defaults = SupplyTerms.NONE;
        private final Map<Sku, SupplyTerms> bySku = new HashMap<>();
        private final Map<LocationId, SupplyTerms> byLocation = new HashMap<>();
        private final Map<SkuAt, SupplyTerms> bySkuAt = new HashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private int settings;

        private Builder() {
        }

        /** The terms where nothing more specific is set. */
        public Builder defaults(SupplyTerms terms) {
            settings++;
            if (check("defaults", terms)) {
                this.defaults = terms;
            }
            return this;
        }

        /** The terms of {@code sku} at every location without a setting for the SKU there. */
        public Builder sku(Sku sku, SupplyTerms terms) {
            int n = settings++;
            boolean ok = check("settings[" + n + "].sku", sku) & check("settings[" + n + "].terms", terms);
            if (ok) {
                bySku.put(sku, terms);
            }
            return this;
        }

        /** The terms of every SKU at {@code location} without a setting of its own. */
        public Builder location(LocationId location, SupplyTerms terms) {
            int n = settings++;
            boolean ok = check("settings[" + n + "].location", location) & check("settings[" + n + "].terms", terms);
            if (ok) {
                byLocation.put(location, terms);
            }
            return this;
        }

        /** The terms of {@code sku} at {@code location}, the most specific setting. */
        public Builder skuAt(Sku sku, LocationId location, SupplyTerms terms) {
            int n = settings++;
            boolean ok = check("settings[" + n + "].sku", sku) & check("settings[" + n + "].location", location)
                    & check("settings[" + n + "].terms", terms);
            if (ok) {
                bySkuAt.put(new SkuAt(sku, location), terms);
            }
            return this;
        }

        /**
         * The policy.
         *
         * @throws ValidationException listing every setting given a null argument
         */
        public BackorderPolicy build() {
            if (!problems.isEmpty()) {
                throw new ValidationException("backorder policy", problems);
            }
            return new BackorderPolicy(this);
        }

        private boolean check(String field, Object value) {
            if (value == null) {
                problems.add(new Problem(field, null, "must not be null"));
                return false;
            }
            return true;
        }
    }
}
