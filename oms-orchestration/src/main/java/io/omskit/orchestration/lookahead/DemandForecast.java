package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demand a host expects until the stock is next replenished, per destination region: how many orders of each
 * basket (the SKUs ordered together, one unit each), or simply how many units of each SKU (each then counted as an
 * order of its own). Baskets matter because a shipment's fixed cost is shared by the items that travel together.
 * Immutable.
 *
 * <pre>{@code
 * DemandForecast next = DemandForecast.builder()
 *         .orders("Boston", List.of(Sku.of("SHOES"), Sku.of("SOCKS")), 120)
 *         .units("Boston", Sku.of("SHOES"), 300)
 *         .build();
 * }</pre>
 */
public final class DemandForecast {

    /** Expected orders of one basket to one region. */
    public record Profile(String region, List<Sku> basket, double orders) {
        /** Checks the profile: a region, a basket of distinct SKUs, orders finite and above 0. */
        public Profile {
            Checks.notBlank(region, "region");
            basket = List.copyOf(new TreeSet<>(Checks.list(basket, "basket")));
            if (basket.isEmpty()) {
                throw new IllegalArgumentException("basket must hold at least one SKU, was empty for region " + region);
            }
            if (!(orders > 0) || Double.isInfinite(orders)) {
                throw new IllegalArgumentException("orders must be finite and > 0, was " + orders + " for " + basket
                        + " to " + region);
            }
        }
    }

    private final List<Profile> profiles;

    private DemandForecast(List<Profile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** A builder of an empty forecast. */
    public static Builder builder() {
        return new Builder();
    }

    /** The expected orders, one profile per region and basket. */
    public List<Profile> profiles() {
        return profiles;
    }

    /** This forecast with every profile's orders multiplied by {@code factor} (the part of the horizon left), above 0. */
    public DemandForecast scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, was " + factor);
        }
        List<Profile> out = new ArrayList<>(profiles.size());
        for (Profile p : profiles) {
            out.add(new Profile(p.region(), p.basket(), p.orders() * factor));
        }
        return new DemandForecast(out);
    }

    /** Builds a {@link DemandForecast}; the same region and basket given twice add up. */
    public static final class Builder {
        private final Map<String, Map<List<Sku>, Double>> orders = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Expects {@code count} orders of {@code basket} (one unit of each SKU) to {@code region}.
         *
         * @throws IllegalArgumentException when the region is blank, the basket empty, or the count not finite and
         *                                  above 0
         */
        public Builder orders(String region, List<Sku> basket, double count) {
            Profile p = new Profile(region, basket, count);
            orders.computeIfAbsent(p.region(), r -> new LinkedHashMap<>()).merge(p.basket(), count, Double::sum);
            return this;
        }

        /** Expects {@code units} units of {@code sku} to {@code region}, each an order of its own. */
        public Builder units(String region, Sku sku, double units) {
            return orders(region, List.of(Checks.notNull(sku, "sku")), units);
        }

        /** The forecast. */
        public DemandForecast build() {
            List<Profile> out = new ArrayList<>();
            orders.forEach((region, baskets) -> baskets.forEach((basket, n) -> out.add(new Profile(region, basket, n))));
            return new DemandForecast(out);
        }
    }
}
