package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.stock.SkuStock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the filters let each item of a request be taken, before anything is priced: the columns are every location
 * holding stock of some item. {@link Coverage} decides from it whether a plan can source every unit; a
 * {@link Problem} is built on it (keeping the columns some item may use) when one may. Item {@code i} at column
 * {@code j} lives at index {@code i * m + j}.
 */
final class Eligibility {

    /** Up to this many items, items sharing a SKU are found by comparing with the earlier ones rather than hashing. */
    private static final int FEW_ITEMS = 16;

    final Context ctx;
    final RuleSet ruleSet;
    final int n;
    /** The columns: every location holding stock of some item (when judged), or the problem's eligible ones. */
    final int[] candidates;
    final int m;
    final int[] qty;
    final int[] slotOf;
    final int slots;
    /** Whether some items must be taken together (groups, whole items, ship complete). */
    final boolean grouped;
    final boolean[] allowed;
    /** Units of each slot at each column: {@code stock[slot * m + j]}. */
    final int[] stock;
    /**
     * Per column, the items held there (bit i: units of item i) and the items that may be taken there (bit i:
     * {@code allowed}); null beyond 64 items or when not judged here.
     */
    final long[] held;
    final long[] holds;
    /** Per item, its units at the columns where it may be taken; null when {@link #holds} is. */
    final long[] allowedUnits;
    /**
     * Per item, the columns where it may be taken, one bit each: item {@code i}'s {@link #words} words from
     * {@code i * words}; null when {@link #holds} is.
     */
    final long[] allowedAt;
    /** Words of a bit set of the columns. */
    final int words;
    /** How many columns some item may be taken at; -1 until counted. */
    private int eligibleCount;
    final int maxShipments;

    private Eligibility(Context ctx, RuleSet ruleSet, int[] candidates, int[] qty, int[] slotOf, int slots,
                        boolean grouped, boolean[] allowed, int[] stock, long[] held, long[] holds,
                        long[] allowedUnits, long[] allowedAt, int eligibleCount) {
        this.held = held;
        this.holds = holds;
        this.allowedUnits = allowedUnits;
        this.allowedAt = allowedAt;
        this.words = (candidates.length + 63) >>> 6;
        this.eligibleCount = eligibleCount;
        this.ctx = ctx;
        this.ruleSet = ruleSet;
        this.n = qty.length;
        this.candidates = candidates;
        this.m = candidates.length;
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
        return new Eligibility(p.ctx, p.ruleSet, p.loc, p.qty, p.slotOf, p.slots, p.groups > 0, p.allowed, p.stock, null,
                null, null, null, -1);
    }

    /**
     * Judges the filters of {@code plan} for the items of {@code ctx} at every location holding stock of one of
     * them; sets the context's candidates and units on the way. A {@link Problem} is built on the answer.
     */
    static Eligibility judge(Context ctx, RuleSet ruleSet, FilterPlan plan) {
        return judge(ctx, ruleSet, plan, Layout.of(ctx));
    }

    /** {@link #judge(Context, RuleSet, FilterPlan)} on the layout of the context's items and stock, made before. */
    static Eligibility judge(Context ctx, RuleSet ruleSet, FilterPlan plan, Layout layout) {
        int n = layout.qty.length;
        boolean grouped = n > 0 && (ruleSet.split() == SplitPolicy.SHIP_COMPLETE || ruleSet.keepsItemsWhole()
                || layout.anyGroup && ruleSet.keepsGroupsTogether());
        int[] candidates = layout.candidates;
        ctx.candidates(candidates);
        int c = candidates.length;
        int[] units = layout.units;
        long[] held = layout.held;
        ctx.units(units);
        if (plan.readsCapacity) {
            ctx.readCapacities();
        }
        boolean[] allowed = new boolean[n * c];
        long[] holds = held != null ? new long[c] : null;
        long[] allowedUnits = held != null ? new long[n] : null;
        int words = (c + 63) >>> 6;
        long[] allowedAt = held != null ? new long[n * words] : null;
        FilterRule[] itemFilters = plan.itemFilters(ctx.anyExcluded());
        byte[] verdicts = plan.destinationVerdicts(ctx);
        int eligible = 0;
        for (int k = 0; k < c; k++) {
            int location = candidates[k];
            if (plan.excludedStatically(location)) {
                continue;
            }
            ctx.cursor(k);
            if (plan.excludedAtDestination(ctx, location, verdicts) || plan.excludedForOrder(ctx, location)) {
                continue;
            }
            if (held != null) {
                long may = 0;
                for (long b = held[k]; b != 0; b &= b - 1) {
                    int i = Long.numberOfTrailingZeros(b);
                    boolean ok = !excludedForItem(ctx, itemFilters, i, location);
                    allowed[i * c + k] = ok;
                    if (ok) {
                        may |= 1L << i;
                        allowedUnits[i] += units[i * c + k];
                        allowedAt[i * words + (k >>> 6)] |= 1L << k;
                    }
                }
                holds[k] = may;
                eligible += may != 0 ? 1 : 0;
                continue;
            }
            for (int i = 0; i < n; i++) {
                allowed[i * c + k] = units[i * c + k] > 0 && !excludedForItem(ctx, itemFilters, i, location);
            }
        }
        return new Eligibility(ctx, ruleSet, candidates, layout.qty, layout.slotOf, layout.slots, grouped, allowed,
                layout.stock, held, holds, allowedUnits, allowedAt, held != null ? eligible : -1);
    }

    /**
     * Where the items' stock lies, whatever the filters say: the items' SKU slots, every location holding stock of
     * some item (the columns) and the units there. Depends only on the items and their stock, so what-ifs for other
     * deliveries of the same items against the same stock reuse it; read-only once made.
     */
    static final class Layout {
        final List<SourcingItem> items;
        final SkuStock[] stocks;
        final int[] qty;
        final int[] slotOf;
        final int slots;
        final boolean anyGroup;
        final int[] candidates;
        /** Units of each item at each column: {@code units[i * c + k]}. */
        final int[] units;
        /** Units of each slot at each column; the units themselves when no SKU repeats. */
        final int[] stock;
        /** Per column, the items held there (bit i); null beyond 64 items. */
        final long[] held;

        private Layout(List<SourcingItem> items, SkuStock[] stocks, int[] qty, int[] slotOf, int slots, boolean anyGroup,
                       int[] candidates, int[] units, int[] stock, long[] held) {
            this.items = items;
            this.stocks = stocks;
            this.qty = qty;
            this.slotOf = slotOf;
            this.slots = slots;
            this.anyGroup = anyGroup;
            this.candidates = candidates;
            this.units = units;
            this.stock = stock;
            this.held = held;
        }

        /** The layout of the context's items and stock. */
        static Layout of(Context ctx) {
            List<SourcingItem> items = ctx.items();
            int n = items.size();
            int[] qty = new int[n];
            int[] slotOf = new int[n];
            int slots = 0;
            boolean anyGroup = false;
            Map<Sku, Integer> slotIds = n <= FEW_ITEMS ? null : new HashMap<>();
            SkuStock[] stocks = new SkuStock[n];
            for (int i = 0; i < n; i++) {
                SourcingItem item = items.get(i);
                qty[i] = item.quantity();
                stocks[i] = ctx.stock(i);
                if (slotIds == null) {
                    int same = -1;
                    for (int x = 0; x < i && same < 0; x++) {
                        if (items.get(x).sku().equals(item.sku())) {
                            same = slotOf[x];
                        }
                    }
                    slotOf[i] = same >= 0 ? same : slots++;
                } else {
                    Integer existing = slotIds.putIfAbsent(item.sku(), slots);
                    slotOf[i] = existing == null ? slots++ : existing;
                }
                anyGroup |= item.group() != null;
            }
            // the locations holding stock of some item, one bit each, and before each word how many bits the words
            // before it have: a location's column is its rank among them
            long[] at = n == 1 ? null : holders(ctx, n);
            int[] before = at == null ? null : new int[at.length];
            int[] candidates = at == null ? locations(ctx.stock(0)) : ranked(at, before);
            int c = candidates.length;
            int[] units = new int[n * c];
            // without repeated SKUs each item is its own slot: the slots' stock is the items' units
            int[] stock = slots == n ? units : new int[slots * c];
            long[] held = n <= 64 ? new long[c] : null;
            for (int i = 0; i < n; i++) {
                SkuStock st = stocks[i];
                for (int x = 0; x < st.size(); x++) {
                    int l = st.location(x);
                    // one item: its stock's entries are the columns
                    int k = at == null ? x : before[l >>> 6] + Long.bitCount(at[l >>> 6] & ((1L << l) - 1));
                    units[i * c + k] = st.units(x);
                    if (stock != units) {
                        stock[slotOf[i] * c + k] = st.units(x);
                    }
                    if (held != null && st.units(x) > 0) {
                        held[k] |= 1L << i;
                    }
                }
            }
            return new Layout(items, stocks, qty, slotOf, slots, anyGroup, candidates, units, stock, held);
        }

        /**
         * Whether this is also the layout of {@code other} items against {@code otherStocks}: the same SKUs,
         * quantities and groups, and the very same stock of each.
         */
        boolean isFor(List<SourcingItem> other, SkuStock[] otherStocks) {
            if (other.size() != items.size()) {
                return false;
            }
            for (int i = 0; i < stocks.length; i++) {
                SourcingItem a = items.get(i);
                SourcingItem b = other.get(i);
                if (otherStocks[i] != stocks[i] || a.quantity() != b.quantity() || !a.sku().equals(b.sku())
                        || !java.util.Objects.equals(a.group(), b.group())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How many columns some item may be taken at. */
    int eligibleCount() {
        if (eligibleCount < 0) {
            int count = 0;
            for (int k = 0; k < m; k++) {
                count += eligible(k) ? 1 : 0;
            }
            eligibleCount = count;
        }
        return eligibleCount;
    }

    /** The columns some item may be taken at, ascending. */
    int[] eligibleColumns() {
        int[] out = new int[eligibleCount()];
        for (int k = 0, x = 0; x < out.length; k++) {
            if (eligible(k)) {
                out[x++] = k;
            }
        }
        return out;
    }

    /** Whether some item may be taken at column {@code k}. */
    boolean eligible(int k) {
        if (holds != null) {
            return holds[k] != 0;
        }
        for (int i = 0; i < n; i++) {
            if (allowed[i * m + k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean excludedForItem(Context ctx, FilterRule[] itemFilters, int item, int location) {
        for (FilterRule f : itemFilters) {
            if (f.excludesItem(ctx, item, location)) {
                return true;
            }
        }
        return false;
    }

    /** The locations of {@code st}'s entries, ascending. */
    private static int[] locations(SkuStock st) {
        int[] out = new int[st.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = st.location(k);
        }
        return out;
    }

    /** Every location holding stock of some item of {@code ctx}, one bit each. */
    private static long[] holders(Context ctx, int n) {
        long[] at = new long[(ctx.network().size() + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            SkuStock st = ctx.stock(i);
            for (int k = 0; k < st.size(); k++) {
                int l = st.location(k);
                at[l >>> 6] |= 1L << l;
            }
        }
        return at;
    }

    /**
     * The indexes of the bits of {@code bits}, ascending; fills {@code before} with how many bits the words before
     * each have (an index's rank among them is then a popcount away).
     */
    static int[] ranked(long[] bits, int[] before) {
        int count = 0;
        for (int w = 0; w < bits.length; w++) {
            before[w] = count;
            count += Long.bitCount(bits[w]);
        }
        int[] out = new int[count];
        for (int w = 0, x = 0; w < bits.length; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                out[x++] = (w << 6) + Long.numberOfTrailingZeros(b);
            }
        }
        return out;
    }
}
