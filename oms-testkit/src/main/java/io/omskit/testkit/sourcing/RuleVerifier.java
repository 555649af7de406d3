package io.omskit.testkit.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.explain.RuleCost;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingRule;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tests one sourcing rule in one line, through the real engine:
 * <pre>{@code
 * verifyThat(new MaxDistanceFilter(500)).given(order, network).excludes(farWarehouse);
 * verifyThat(new ProtectStoreStock(2, 10)).given(order, network).withStock(sku, store7, 2).costs(store7, 10.0);
 * verifyThat(new KeepTogetherFilter()).given(demand, network).excludes(store7, lineId);
 * }</pre>
 * The rule is asked about a demand: an order's open and reserved units, or a {@link Demand} given as such. Every
 * location holds ten times every line's quantity of its SKU, so that every location is a candidate, except where
 * {@link Given#withStock} says otherwise. The clock is fixed at the demand's placement unless {@link Given#at} says
 * otherwise. A failed check throws an {@link AssertionError} naming the rule, the location and what the explanation
 * said.
 */
public final class RuleVerifier {

    private final SourcingRule rule;

    private RuleVerifier(SourcingRule rule) {
        this.rule = rule;
    }

    /**
     * Starts verifying {@code rule}: a {@link FilterRule}, a {@link CostRule} or both.
     *
     * @throws IllegalArgumentException when the rule is neither
     */
    public static RuleVerifier verifyThat(SourcingRule rule) {
        Checks.notNull(rule, "rule");
        if (!(rule instanceof FilterRule) && !(rule instanceof CostRule)) {
            throw new IllegalArgumentException("rule " + rule.name() + " must be a FilterRule or a CostRule");
        }
        return new RuleVerifier(rule);
    }

    /** The situation: an order (its open and reserved units) and the network it is sourced from. */
    public Given given(Order order, Network network) {
        return given(OrderDemands.of(Checks.notNull(order, "order")), network);
    }

    /** The situation: a demand and the network it is sourced from. */
    public Given given(Demand demand, Network network) {
        return new Given(rule, Checks.notNull(demand, "demand"), Checks.notNull(network, "network"));
    }

    /** A situation the rule is checked in; every check plans the demand anew. Not thread-safe. */
    public static final class Given {
        private final SourcingRule rule;
        private final Demand demand;
        private final Network network;
        private final Map<Sku, Map<LocationId, Integer>> stock = new LinkedHashMap<>();
        private Instant now;
        private CapacityTracker capacity = new InMemoryCapacityTracker();
        private SourcingRequest request;

        private Given(SourcingRule rule, Demand demand, Network network) {
            this.rule = rule;
            this.demand = demand;
            this.network = network;
            this.now = demand.placedAt();
            this.request = SourcingRequest.of(demand);
        }

        /** {@code units} of {@code sku} available at {@code location}, instead of the default there. */
        public Given withStock(Sku sku, LocationId location, int units) {
            stock.computeIfAbsent(sku, s -> new LinkedHashMap<>()).put(location, units);
            return this;
        }

        /** Sources at {@code instant} instead of the demand's placement. */
        public Given at(Instant instant) {
            this.now = Checks.notNull(instant, "instant");
            return this;
        }

        /** Counts fulfilments in {@code tracker} (for capacity rules). */
        public Given withCapacity(CapacityTracker tracker) {
            this.capacity = Checks.notNull(tracker, "tracker");
            return this;
        }

        /** Sources {@code sourcingRequest} (exclusions, groups, quantities) instead of the whole demand. */
        public Given withRequest(SourcingRequest sourcingRequest) {
            this.request = Checks.notNull(sourcingRequest, "sourcingRequest");
            return this;
        }

        /** The plan of the demand under a rule set made of the rule alone. */
        public SourcingPlan plan() {
            RuleSet.Builder b = RuleSet.builder("verify-" + rule.name()).maxShipments(Math.max(1, network.size()));
            if (rule instanceof FilterRule f) {
                b.filter(f);
            }
            if (rule instanceof CostRule c) {
                b.cost(c);
            }
            SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(b.build()))
                    .clock(Clock.fixed(now, ZoneOffset.UTC)).capacity(capacity).build();
            return engine.plan(request, snapshot());
        }

        private StockSnapshot snapshot() {
            StockSnapshot.Builder b = StockSnapshot.builder(network);
            Map<Sku, Integer> defaults = new LinkedHashMap<>();
            for (DemandLine line : demand.lines()) {
                defaults.merge(line.sku(), line.quantity() * 10, Integer::sum);
            }
            defaults.forEach((sku, units) -> {
                for (Location l : network.locations()) {
                    if (!stock.getOrDefault(sku, Map.of()).containsKey(l.id())) {
                        b.add(sku, l.id(), units);
                    }
                }
            });
            stock.forEach((sku, byLocation) -> byLocation.forEach((l, q) -> b.add(sku, l, q)));
            return b.build();
        }

        private LocationVerdict verdict(SourcingPlan plan, LocationId location) {
            return plan.explanation().verdictOn(location).orElseThrow(() -> new AssertionError(
                    "location " + location + " holds none of " + subject() + "'s stock, so rule " + rule.name()
                            + " was never asked about it; give it stock with withStock(...)"));
        }

        private List<Exclusion> exclusionsBy(LocationVerdict v) {
            List<Exclusion> out = new ArrayList<>();
            for (Exclusion e : v.exclusions()) {
                if (e.rule().equals(rule.name())) {
                    out.add(e);
                }
            }
            return out;
        }

        /** Checks that the rule excludes {@code location} for the whole order. */
        public Given excludes(LocationId location) {
            LocationVerdict v = verdict(plan(), location);
            if (exclusionsBy(v).stream().noneMatch(Exclusion::isWholeOrder)) {
                throw new AssertionError("expected rule " + rule.name() + " to exclude " + location + " for "
                        + subject() + ", but it did not; the verdict was " + describe(v));
            }
            return this;
        }

        /** Checks that the rule excludes {@code location} for {@code line} (or for the whole order). */
        public Given excludes(LocationId location, LineId line) {
            LocationVerdict v = verdict(plan(), location);
            if (exclusionsBy(v).stream().noneMatch(e -> e.isWholeOrder() || line.equals(e.line()))) {
                throw new AssertionError("expected rule " + rule.name() + " to exclude " + location + " for line " + line
                        + " of " + subject() + ", but it did not; the verdict was " + describe(v));
            }
            return this;
        }

        /** Checks that the rule excludes {@code location} with a justification matching {@code why}. */
        public Given excludes(LocationId location, Predicate<Justification> why) {
            LocationVerdict v = verdict(plan(), location);
            if (exclusionsBy(v).stream().noneMatch(e -> why.test(e.why()))) {
                throw new AssertionError("expected rule " + rule.name() + " to exclude " + location
                        + " with a matching justification, but the verdict was " + describe(v));
            }
            return this;
        }

        /** Checks that the rule does not exclude {@code location} for the order or any of its lines. */
        public Given allows(LocationId location) {
            LocationVerdict v = verdict(plan(), location);
            if (!exclusionsBy(v).isEmpty()) {
                throw new AssertionError("expected rule " + rule.name() + " to allow " + location + " for "
                        + subject() + ", but it excluded it: " + exclusionsBy(v));
            }
            return this;
        }

        /**
         * Checks that the rule charges {@code amount} (within 1e-9) at {@code location} for the units the location
         * takes, or could take alone when another plan was chosen.
         */
        public Given costs(LocationId location, double amount) {
            double actual = cost(location);
            if (Math.abs(actual - amount) > 1e-9 * Math.max(1, Math.abs(amount))) {
                throw new AssertionError("expected rule " + rule.name() + " to charge " + amount + " at " + location
                        + " for " + subject() + ", but it charged " + actual + "; the verdict was "
                        + describe(verdict(plan(), location)));
            }
            return this;
        }

        /** Checks that the rule charges more at {@code dearer} than at {@code cheaper}. */
        public Given costsMore(LocationId dearer, LocationId cheaper) {
            double a = cost(dearer);
            double b = cost(cheaper);
            if (!(a > b)) {
                throw new AssertionError("expected rule " + rule.name() + " to charge more at " + dearer + " (" + a
                        + ") than at " + cheaper + " (" + b + ") for " + subject());
            }
            return this;
        }

        /** What the rule charges at {@code location} (see {@link #costs}). */
        public double cost(LocationId location) {
            if (!(rule instanceof CostRule)) {
                throw new AssertionError("rule " + rule.name() + " is not a cost rule");
            }
            LocationVerdict v = verdict(plan(), location);
            for (RuleCost c : v.costs()) {
                if (c.rule().equals(rule.name())) {
                    return c.amount();
                }
            }
            throw new AssertionError("rule " + rule.name() + " priced nothing at " + location + ": the verdict was "
                    + describe(v));
        }

        /** What the checks are about, for messages: "order o-1", or "the demand" of no order. */
        private String subject() {
            return demand.isOrder() ? "order " + demand.order() : "the demand";
        }

        private static String describe(LocationVerdict v) {
            StringBuilder sb = new StringBuilder(v.verdict().toString());
            for (Exclusion e : v.exclusions()) {
                sb.append("; excluded by ").append(e.rule()).append(e.isWholeOrder() ? "" : " for line " + e.line())
                        .append(": ").append(e.why().summary());
            }
            for (RuleCost c : v.costs()) {
                sb.append("; ").append(c.rule()).append(" costs ").append(c.amount()).append(": ").append(c.why().summary());
            }
            return sb.toString();
        }
    }
}
