package io.omskit.orchestration.internal;

import io.omskit.orchestration.RuleSet;
import io.omskit.orchestration.SkuStock;
import io.omskit.orchestration.SplitPolicy;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.SourcingItem;
import java.util.List;

/**
 * Where the filters let each item of a request be taken, without the cost terms: what {@link Coverage} needs to
 * decide whether a plan can source every unit. Judged from a {@link Problem} (its eligible locations), or directly
 * from a context and its filter plan, asking the filters exactly as the problem does, over every candidate location
 * (a candidate no item may use holds nothing anyone may take, so the answers are the same), before anything is
 * priced. Item {@code i} at column {@code j} lives at index {@code i * m + j}.
 */
final class Eligibility {

    final Context ctx;
    final RuleSet ruleSet;
    final int n;
    final int m;
    final int[] qty;
    final int[] slotOf;
    final int slots;
    /** Whether some items must be taken together (groups, whole items, ship complete). */
    final boolean grouped;
    final boolean[] allowed;
    /** Units of each slot at each column: {@code stock[slot * m + j]}. */
    final int[] stock;
    final int maxShipments;

    private Eligibility(Context ctx, RuleSet ruleSet, int m, int[] qty, int[] slotOf, int slots, boolean grouped,
                        boolean[] allowed, int[] stock) {
        this.ctx = ctx;
        this.ruleSet = ruleSet;
        this.n = qty.length;
        this.m = m;
        this.qty = qty;
        this.slotOf = slotOf;
        this.slots = slots;
        this.grouped = grouped;
        this.allowed = allowed;
        this.stock = stock;
        this.maxShipments = ruleSet.maxShipments();
    }

    /** The problem's own eligibility (its eligible locations as columns). */
    static Eligibility of(Problem p) {
        return new Eligibility(p.ctx, p.ruleSet, p.m, p.qty, p.slotOf, p.slots, p.groups > 0, p.allowed, p.stock);
    }

    /**
     * Judges the filters of {@code plan} for the items of {@code ctx} at every location holding stock of one of
     * them, as {@link Problem} does; sets the context's candidates and units on the way (a problem built on the same
     * context sets them again).
     */
    static Eligibility judge(Context ctx, RuleSet ruleSet, FilterPlan plan) {
        List<SourcingItem> items = ctx.items();
        int n = items.size();
        int[] qty = new int[n];
        int[] slotOf = new int[n];
        int slots = 0;
        boolean complete = ruleSet.split() == SplitPolicy.SHIP_COMPLETE;
        boolean grouped = n > 0 && (complete || ruleSet.keepsItemsWhole());
        for (int i = 0; i < n; i++) {
            SourcingItem item = items.get(i);
            qty[i] = item.quantity();
            int same = -1;
            for (int x = 0; x < i && same < 0; x++) {
                if (items.get(x).sku().equals(item.sku())) {
                    same = slotOf[x];
                }
            }
            slotOf[i] = same >= 0 ? same : slots++;
            grouped |= item.group() != null && ruleSet.keepsGroupsTogether();
        }
        int[] candidates = candidates(ctx, n);
        ctx.candidates(candidates);
        int c = candidates.length;
        int[] units = new int[n * c];
        int[] stock = new int[slots * c];
        for (int i = 0; i < n; i++) {
            SkuStock st = ctx.stock(i);
            for (int x = 0, k = 0; x < st.size(); x++) {
                int location = st.location(x);
                while (candidates[k] < location) {
                    k++;
                }
                units[i * c + k] = st.units(x);
                stock[slotOf[i] * c + k] = st.units(x);
            }
        }
        ctx.units(units);
        boolean[] allowed = new boolean[n * c];
        FilterRule[] itemFilters = plan.itemFilters(ctx.anyExcluded());
        for (int k = 0; k < c; k++) {
            int location = candidates[k];
            if (plan.excludedStatically(location)) {
                continue;
            }
            ctx.cursor(k);
            if (plan.excludedForOrder(ctx, location)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                allowed[i * c + k] = units[i * c + k] > 0 && !excludedForItem(ctx, itemFilters, i, location);
            }
        }
        return new Eligibility(ctx, ruleSet, c, qty, slotOf, slots, grouped, allowed, stock);
    }

    private static boolean excludedForItem(Context ctx, FilterRule[] itemFilters, int item, int location) {
        for (FilterRule f : itemFilters) {
            if (f.excludesItem(ctx, item, location)) {
                return true;
            }
        }
        return false;
    }

    /** Every location holding stock of some item, ascending (read off a bit set of the network). */
    private static int[] candidates(Context ctx, int n) {
        long[] held = new long[(ctx.network().size() + 63) >>> 6];
        int count = 0;
        for (int i = 0; i < n; i++) {
            SkuStock st = ctx.stock(i);
            for (int k = 0; k < st.size(); k++) {
                int l = st.location(k);
                long was = held[l >>> 6];
                held[l >>> 6] = was | (1L << l);
                count += (was & (1L << l)) == 0 ? 1 : 0;
            }
        }
        int[] out = new int[count];
        for (int w = 0, x = 0; w < held.length; w++) {
            for (long b = held[w]; b != 0; b &= b - 1) {
                out[x++] = (w << 6) + Long.numberOfTrailingZeros(b);
            }
        }
        return out;
    }
}
