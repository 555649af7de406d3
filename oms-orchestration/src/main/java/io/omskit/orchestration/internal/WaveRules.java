package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;

/** The shadow prices a wave adds to an order's rule set to choose where the order takes its units. */
final class WaveRules {

    private WaveRules() {
    }

    /**
     * Charged per extra shipment when choosing locations, far above any price, so that the choice takes the fewest
     * shipments first (the wave's objective puts shipments before cost) and prices only decide among those.
     */
    static final double FEWER_SHIPMENTS_FIRST = 1_000;

    /** The price of taking one unit of a SKU at a location, for the order being planned. */
    interface Prices {
        double perUnit(Sku sku, int location);
    }

    /** The prices of the wave being planned on this thread; none outside {@link #withPrices}. */
    private static final ThreadLocal<Prices> CURRENT = new ThreadLocal<>();

    /**
     * {@code ruleSet} with a cost rule charging, per unit, the prices {@link #withPrices} sets on the calling
     * thread; same name, filters and limits. One per rule set, kept by the wave planner: plans under it are only used
     * to choose locations, never returned.
     */
    static RuleSet priced(RuleSet ruleSet) {
        RuleSet.Builder b = RuleSet.builder(ruleSet.name()).split(ruleSet.split()).maxShipments(ruleSet.maxShipments());
        ruleSet.filters().forEach(b::filter);
        ruleSet.costs().forEach(b::cost);
        return b.cost(new ShadowPrice()).build();
    }

    /** Runs {@code body} with {@code prices} charged by the priced rule sets on this thread. */
    static <T> T withPrices(Prices prices, java.util.function.Supplier<T> body) {
        CURRENT.set(prices);
        try {
            return body.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** What other orders of the wave lose when the order takes units at a location. */
    record ShadowPriceCharge(String reason) implements Justification {
        @Override
        public String summary() {
            return reason;
        }
    }

    private static final class ShadowPrice implements CostRule {
        @Override
        public String name() {
            return "wave-shadow-price";
        }

        @Override
        public void price(SourcingContext context, int location, CostSink sink) {
            Prices prices = CURRENT.get();
            if (prices == null) {
                return;
            }
            for (int i = 0, n = context.itemCount(); i < n; i++) {
                double p = prices.perUnit(context.item(i).sku(), location);
                if (p > 0) {
                    sink.perUnit(i, p);
                }
            }
        }

        @Override
        public double perExtraShipment(SourcingContext context) {
            return FEWER_SHIPMENTS_FIRST;
        }

        @Override
        public Justification justify(SourcingContext context, int location) {
            return new ShadowPriceCharge("units other orders of the wave need to ship complete");
        }
    }
}
