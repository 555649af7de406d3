package io.omskit.orchestration.internal;

import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How the filters of one rule set, channel, delivery method and pickup store are applied on the optimiser's path:
 * the answers of static filters (whose {@link FilterRule#inputs()} are {@link RuleInput#DELIVERY_ONLY}) for every location of the network,
 * computed once; those of filters fixed per destination ({@link RuleInput#PER_DESTINATION}), kept per destination
 * and location as they are asked; the other order-level filters, asked per candidate; and only the filters that
 * judge items at all.
 * Explanations still ask every filter in {@link #all} order. Immutable once built.
 */
final class FilterPlan {

    /** A filter overriding neither check answers null for both: skipping it changes nothing. */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[] {
                    declaredBelowSpi(type, "excludeOrder", SourcingContext.class, int.class)
                            || declaredBelowSpi(type, "excludesOrder", SourcingContext.class, int.class),
                    declaredBelowSpi(type, "excludeItem", SourcingContext.class, int.class, int.class)
                            || declaredBelowSpi(type, "excludesItem", SourcingContext.class, int.class, int.class)};
        }
    };

    final List<FilterRule> all;
    private final FilterRule[] orderFilters;
    private final FilterRule[] itemFilters;
    private final FilterRule[] itemFiltersWithoutRequest;
    private final long[] staticallyExcluded;
    /** Whether a filter asked per candidate reads the locations' remaining capacity. */
    final boolean readsCapacity;
    /** The filters (order or item level) whose answers are fixed per destination; null when judged per candidate. */
    private final FilterRule[] perDestination;
    /** Per destination, each location's verdict under {@link #perDestination}: 0 not judged yet, then ALLOWED or EXCLUDED. */
    private final Kept<Object, byte[]> byDestination;
    private static final byte ALLOWED = 1;
    private static final byte EXCLUDED = 2;
    private static final int MAX_DESTINATIONS = 4096;
    private static final Object NO_DESTINATION = new Object();
    /** The verdicts of a destination not seen lately: judged as asked, not kept (most orders' destinations come once). */
    private static final byte[] NOT_KEPT = new byte[0];

    /**
     * @param all     the filters in the order explanations list them
     * @param context a context with the channel, delivery method and pickup store the plan is for; used only to
     *                ask the static filters, when {@code judgeStatic}
     * @param judgeStatic whether to judge static filters now for every location (to be remembered), rather than
     *                per candidate
     */
    FilterPlan(List<FilterRule> all, SourcingContext context, int locations, boolean judgeStatic) {
        this.all = all;
        List<FilterRule> order = new ArrayList<>(all.size());
        List<FilterRule> items = new ArrayList<>(all.size());
        List<FilterRule> statics = new ArrayList<>(all.size());
        List<FilterRule> destination = new ArrayList<>(all.size());
        for (FilterRule f : all) {
            boolean[] overrides = OVERRIDES.get(f.getClass());
            // a remembered plan keeps the answers of filters fixed by the delivery (and destination) across orders
            boolean fixed = judgeStatic && RuleInput.DELIVERY_ONLY.containsAll(f.inputs());
            boolean perDestination = judgeStatic && !fixed && RuleInput.PER_DESTINATION.containsAll(f.inputs());
            if (perDestination && (overrides[0] || overrides[1])) {
                destination.add(f);
                continue;
            }
            if (overrides[0]) {
                (fixed ? statics : order).add(f);
            }
            if (overrides[1]) {
                items.add(f);
            }
        }
        this.perDestination = destination.isEmpty() ? null : destination.toArray(new FilterRule[0]);
        this.byDestination = perDestination == null ? null : new Kept<>(MAX_DESTINATIONS, key -> new byte[locations]);
        this.orderFilters = order.toArray(new FilterRule[0]);
        this.itemFilters = items.toArray(new FilterRule[0]);
        items.removeIf(f -> RuleNeed.of(f).contains(RuleNeed.REQUEST_EXCLUSIONS));
        this.itemFiltersWithoutRequest = items.toArray(new FilterRule[0]);
        this.staticallyExcluded = statics.isEmpty() ? null : judge(statics, context, locations);
        boolean capacity = false;
        for (FilterRule f : orderFilters) {
            capacity |= f.inputs().contains(RuleInput.CAPACITY);
        }
        for (FilterRule f : itemFilters) {
            capacity |= f.inputs().contains(RuleInput.CAPACITY);
        }
        this.readsCapacity = capacity;
    }

    private static long[] judge(List<FilterRule> statics, SourcingContext context, int locations) {
        long[] out = new long[(locations + 63) >>> 6];
        for (int l = 0; l < locations; l++) {
            for (FilterRule f : statics) {
                if (f.excludesOrder(context, l)) {
                    out[l >>> 6] |= 1L << l;
                    break;
                }
            }
        }
        return out;
    }

    private static boolean declaredBelowSpi(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters).getDeclaringClass() != FilterRule.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** Whether a static filter excludes dense network index {@code location} for the whole order. */
    boolean excludedStatically(int location) {
        long[] bits = staticallyExcluded;
        return bits != null && (bits[location >>> 6] & (1L << location)) != 0;
    }

    /**
     * The kept verdicts of the filters fixed per destination for the context's destination, to pass to
     * {@link #excludedAtDestination}; null when the plan has no such filters.
     */
    byte[] destinationVerdicts(Context ctx) {
        return perDestination == null ? null : verdicts(ctx);
    }

    /**
     * Whether a filter fixed per destination excludes {@code location} for every item (such a filter reads neither
     * items nor stock, so its answer for one item is its answer for all): judged once per destination and location,
     * at the context's cursor, and kept in {@code verdicts} ({@link #destinationVerdicts}).
     */
    boolean excludedAtDestination(Context ctx, int location, byte[] verdicts) {
        if (verdicts == null) {
            return false;
        }
        if (verdicts == NOT_KEPT) {
            return judgeAtDestination(ctx, location) == EXCLUDED;
        }
        byte v = verdicts[location];
        if (v == 0) {
            v = judgeAtDestination(ctx, location);
            // racy: every writer writes the same verdict
            verdicts[location] = v;
        }
        return v == EXCLUDED;
    }

    private byte judgeAtDestination(Context ctx, int location) {
        for (FilterRule f : perDestination) {
            if (f.excludesOrder(ctx, location) || f.excludesItem(ctx, 0, location)) {
                return EXCLUDED;
            }
        }
        return ALLOWED;
    }

    private byte[] verdicts(Context ctx) {
        byte[] verdicts = byDestination.get(ctx.destination() == null ? NO_DESTINATION : ctx.destination());
        return verdicts == null ? NOT_KEPT : verdicts;
    }

    /** Whether an order-level filter that is neither static nor fixed per destination excludes {@code location}. */
    boolean excludedForOrder(SourcingContext context, int location) {
        for (FilterRule f : orderFilters) {
            if (f.excludesOrder(context, location)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The filters that judge items; without those judging only the request's exclusions
     * ({@link RuleNeed#REQUEST_EXCLUSIONS}) when the request excludes nothing (they then exclude nothing).
     */
    FilterRule[] itemFilters(boolean requestExcludes) {
        return requestExcludes ? itemFilters : itemFiltersWithoutRequest;
    }
}
