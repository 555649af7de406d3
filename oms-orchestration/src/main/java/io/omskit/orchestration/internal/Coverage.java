package io.omskit.orchestration.internal;

import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.spi.SourcingItem;
import java.util.Arrays;

/**
 * Whether any plan of a {@link Problem} (its {@link Eligibility}) can source every unit, decided without pricing: each item needs enough
 * eligible stock, and some set of at most the rule set's shipments must hold every item's units. The sets are searched
 * depth first, branching on the locations holding the unsatisfied item with the fewest holders (one of them is in
 * every complete plan; a holder whose branch was searched is left out of the later ones, as every set with it was
 * found), and pruned when the locations left cannot touch every unsatisfied item. Exact for items of distinct SKUs
 * outside groups; other problems are left to the optimiser.
 */
final class Coverage {

    private final Eligibility p;
    private final int n;
    private final int m;
    private final int[] need;
    /** Per column, the items that may be taken there and have units there, one bit each. Read only. */
    private final long[] holds;
    /** Words of a bit set of the columns. */
    private final int words;
    /** The locations open (or left out), one bit each. */
    private final long[] open;
    /**
     * Per item, the locations holding it, one bit each: item {@code i}'s {@link #words} words from {@code i * words}.
     * Read only.
     */
    private final long[] heldAt;

    private Coverage(Eligibility p) {
        this.p = p;
        this.n = p.n;
        this.m = p.m;
        this.need = p.qty.clone();
        this.words = p.words;
        this.open = new long[words];
        if (p.holds != null) {
            // judged here: an item may be taken only where it has units, and its SKU is its own (the search decides
            // only problems of distinct SKUs), so the judged bits are the search's
            this.holds = p.holds;
            this.heldAt = p.allowedAt;
            return;
        }
        this.holds = new long[m];
        this.heldAt = new long[n * words];
        for (int i = 0; i < n; i++) {
            int base = i * m;
            int slotBase = p.slotOf[i] * m;
            int at = i * words;
            for (int j = 0; j < m; j++) {
                if (p.allowed[base + j] && p.stock[slotBase + j] > 0) {
                    holds[j] |= 1L << i;
                    heldAt[at + (j >>> 6)] |= 1L << j;
                }
            }
        }
    }

    /**
     * Why no plan of {@code p} sources every unit; null when one may (or when the problem is outside what this check
     * decides).
     */
    static Completion whyIncomplete(Problem p) {
        return whyIncomplete(Eligibility.of(p));
    }

    /**
     * {@link #whyIncomplete(Problem)} for what the filters allow, before anything is priced: {@link #check} stopping
     * at the second set found.
     */
    static Completion whyIncomplete(Eligibility p) {
        return check(p, 1).impossible();
    }

    /**
     * What the completion check finds: why no plan sources every unit ({@code impossible}), or else the sets of at most
     * the rule set's shipments that do, each as its columns in the order the search opened them ({@code sets}; null
     * when there are more than {@code limit} or the problem is outside what the search decides).
     */
    record Check(Completion impossible, int[][] sets) {
    }

    /**
     * Why no plan sources every unit (some item lacks units in the network, or where the filters allow it, or no set
     * of at most the rule set's shipments holds every unit), with the covering sets when a plan may be complete.
     */
    static Check check(Eligibility p, int limit) {
        Completion shortOfStock = shortOfStock(p);
        if (shortOfStock != null) {
            return new Check(shortOfStock, null);
        }
        int[][] sets = coveringSets(p, limit);
        if (sets != null && sets.length == 0) {
            return new Check(noSetCovers(p), null);
        }
        // null: more than the limit (so a plan may be complete) or undecided
        return new Check(null, sets);
    }

    private static Completion noSetCovers(Eligibility p) {
        return Completion.impossible(UnsourcedReason.SHIPMENT_LIMIT, "no plan of at most " + p.maxShipments
                + " shipment(s) sources every unit");
    }

    /** Why some item lacks units in the network or at the locations the filters allow; null when none does. */
    private static Completion shortOfStock(Eligibility p) {
        boolean distinct = p.slots == p.n;
        for (int i = 0; i < p.n; i++) {
            long demand = distinct ? p.qty[i] : 0;
            for (int x = 0; !distinct && x < p.n; x++) {
                if (p.slotOf[x] == p.slotOf[i]) {
                    demand += p.qty[x];
                }
            }
            long inNetwork = p.ctx.stock(i).total();
            SourcingItem item = p.ctx.item(i);
            if (inNetwork < demand) {
                return Completion.impossible(UnsourcedReason.NO_STOCK, demand + " unit(s) of " + item.sku()
                        + " requested, " + inNetwork + " available in the network");
            }
            // the item's own units where it may be taken, and its SKU's where some item of it may be
            long own = 0;
            long eligible = 0;
            boolean shared = demand > p.qty[i];
            if (!shared && p.allowedUnits != null) {
                own = p.allowedUnits[i];
                eligible = own;
            }
            for (int j = 0; (shared || p.allowedUnits == null) && j < p.m; j++) {
                boolean may = p.allowed[i * p.m + j];
                boolean some = may;
                for (int x = 0; shared && x < p.n && !some; x++) {
                    some = p.slotOf[x] == p.slotOf[i] && p.allowed[x * p.m + j];
                }
                int units = p.stock[p.slotOf[i] * p.m + j];
                own += may ? units : 0;
                eligible += some ? units : 0;
            }
            if (own < p.qty[i] || eligible < demand) {
                long requested = own < p.qty[i] ? p.qty[i] : demand;
                long at = own < p.qty[i] ? own : eligible;
                return Completion.impossible(UnsourcedReason.EXCLUDED_BY_RULES, requested + " unit(s) of " + item.sku()
                        + " requested, " + at + " at eligible locations, " + (inNetwork - at)
                        + " more at excluded locations");
            }
        }
        return null;
    }

    /** Whether the search decides {@code p}: items of distinct SKUs (at most 64) outside groups. */
    private static boolean decides(Eligibility p) {
        return p.n <= 64 && p.slots == p.n && !p.grouped && p.ruleSet.split() != SplitPolicy.SHIP_COMPLETE;
    }

    private static long everyItem(int n) {
        return n == 64 ? -1L : (1L << n) - 1;
    }

    /**
     * Every set of at most the rule set's shipments whose locations hold every unit, each set once as its columns in
     * the order the search opened them (sets found in one branch one after another, sharing its first columns); null
     * when there are more than {@code limit} of them or when the problem is outside what the search
     * decides (shared SKUs, groups, ship complete, more than 64 items). Every set holding every unit holds the first
     * holder, in column order, of the unsatisfied item with the fewest holders that it holds, so it is found in
     * exactly one branch; a set found with shipments to spare is
     * found with every choice of further locations (where some item may be taken) outside those its branch left out.
     */
    static int[][] coveringSets(Eligibility p, int limit) {
        if (p.n == 0 || !decides(p)) {
            return null;
        }
        Coverage c = new Coverage(p);
        c.limit = limit;
        c.found = new int[Math.min(limit, 8)][];
        c.path = new int[Math.max(1, Math.min(p.maxShipments, p.m))];
        c.branchesAt = new long[c.path.length * c.words];
        if (!c.collect(0, everyItem(p.n))) {
            return null;
        }
        return Arrays.copyOf(c.found, c.count);
    }

    private int limit;
    private int[][] found;
    private int count;
    /** The locations opened on the way to the current node, in branch order. */
    private int[] path;
    /** Per depth, the branches of its node: {@link #words} words from {@code depth * words}. */
    private long[] branchesAt;

    /**
     * Adds every covering set of this node (opened: {@code path[0..depth)}) to {@link #found}; false when that makes
     * more than {@link #limit}.
     */
    private boolean collect(int depth, long unsat) {
        if (unsat == 0) {
            return withFurther(depth, p.maxShipments - depth, 0);
        }
        int left = p.maxShipments - depth;
        if (left <= 0) {
            return true;
        }
        if (left == 1) {
            return collectLast(depth, unsat);
        }
        int pick = pickItem(left, unsat);
        if (pick < 0) {
            return true;
        }
        // no location left holds more of the items than this (the nearest bounding node's count, over more items and
        // locations): a branch leaving more than that per shipment left has no covering set
        int perShipment = most;
        // the branches: pick's holders not open, word by word (each is opened in turn and stays open, left out)
        long[] branches = branchesAt;
        int base = depth * words;
        for (int w = 0; w < words; w++) {
            branches[base + w] = heldAt[pick * words + w] & ~open[w];
        }
        int[] taken = taken(depth);
        for (int w = 0; w < words; w++) {
            for (long bj = branches[base + w]; bj != 0; bj &= bj - 1) {
                int j = (w << 6) + Long.numberOfTrailingZeros(bj);
                long next = unsat;
                for (long b = holds[j] & unsat; b != 0; b &= b - 1) {
                    int i = Long.numberOfTrailingZeros(b);
                    int t = Math.min(need[i], p.stock[p.slotOf[i] * m + j]);
                    taken[i] = t;
                    need[i] -= t;
                    if (need[i] == 0) {
                        next &= ~(1L << i);
                    }
                }
                open[w] |= 1L << j;
                path[depth] = j;
                // with two shipments left, the last is found at once (collect would only pass it on)
                if (Long.bitCount(next) <= (left - 1) * perShipment
                        && !(left == 2 && next != 0 ? collectLast(depth + 1, next) : collect(depth + 1, next))) {
                    return false;
                }
                for (long b = holds[j] & unsat; b != 0; b &= b - 1) {
                    int i = Long.numberOfTrailingZeros(b);
                    need[i] += taken[i];
                }
                // every set with j was found: the later branches leave j out
            }
        }
        for (int w = 0; w < words; w++) {
            open[w] &= ~branches[base + w];
        }
        return true;
    }

    /** Scratch for the units a node's branch takes of each item, one per depth. */
    private int[][] takenAt;

    private int[] taken(int depth) {
        if (takenAt == null) {
            takenAt = new int[path.length][];
        }
        if (takenAt[depth] == null) {
            takenAt[depth] = new int[n];
        }
        return takenAt[depth];
    }

    /** With one shipment left: every location not open that holds what is still needed of every item of {@code unsat}. */
    private boolean collectLast(int depth, long unsat) {
        for (int w = 0; w < words; w++) {
            long all = ~open[w];
            for (long b = unsat; b != 0 && all != 0; b &= b - 1) {
                all &= heldAt[Long.numberOfTrailingZeros(b) * words + w];
            }
            for (; all != 0; all &= all - 1) {
                int j = (w << 6) + Long.numberOfTrailingZeros(all);
                boolean enough = true;
                for (long b = unsat; b != 0 && enough; b &= b - 1) {
                    int i = Long.numberOfTrailingZeros(b);
                    enough = p.stock[p.slotOf[i] * m + j] >= need[i];
                }
                if (enough) {
                    path[depth] = j;
                    if (!add(depth + 1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Adds the opened set {@code path[0..depth)} with every choice of up to {@code left} further locations from
     * column {@code from} on that are neither opened nor left out; false when that makes more than {@link #limit}.
     */
    private boolean withFurther(int depth, int left, int from) {
        if (!add(depth)) {
            return false;
        }
        for (int j = from; j < m && left > 0; j++) {
            if (isOpen(j) || holds[j] == 0) {
                continue;
            }
            path[depth] = j;
            open[j >>> 6] |= 1L << j;
            boolean within = withFurther(depth + 1, left - 1, j + 1);
            open[j >>> 6] &= ~(1L << j);
            if (!within) {
                return false;
            }
        }
        return true;
    }

    private boolean add(int size) {
        if (count == limit) {
            return false;
        }
        if (count == found.length) {
            found = Arrays.copyOf(found, Math.min(limit, count * 2));
        }
        found[count++] = Arrays.copyOf(path, size);
        return true;
    }

    /**
     * The most items of {@code unsat} one location not open holds, at the last node that bounded its branches
     * ({@link #pickItem} with more than two shipments left); every item until then.
     */
    private int most = 64;

    /** {@link #pickItem}'s scratch: the most items of the best locations. */
    private int[] top;

    /**
     * The unsatisfied item with the fewest holders among the locations not open (the first such), or -1 when
     * {@code left} more of those locations cannot touch every item of {@code unsat}; with more than two shipments
     * left, sets {@link #most}.
     */
    private int pickItem(int left, long unsat) {
        if (left <= 2) {
            // two shipments left: the last is found by intersecting holders, cheaper than bounding each branch
            return fewestHolders(unsat);
        }
        int items = Long.bitCount(unsat);
        if (top == null) {
            top = new int[p.maxShipments];
        }
        Arrays.fill(top, 0, left, 0);
        for (int w = 0; w < words; w++) {
            long any = 0;
            for (long b = unsat; b != 0; b &= b - 1) {
                any |= heldAt[Long.numberOfTrailingZeros(b) * words + w];
            }
            for (any &= ~open[w]; any != 0; any &= any - 1) {
                int c = Long.bitCount(holds[(w << 6) + Long.numberOfTrailingZeros(any)] & unsat);
                // most locations hold fewer than the few best so far
                if (c <= top[left - 1]) {
                    continue;
                }
                for (int x = 0; x < left; x++) {
                    if (c > top[x]) {
                        int tmp = top[x];
                        top[x] = c;
                        c = tmp;
                    }
                }
            }
        }
        most = top[0];
        int reach = 0;
        for (int x = 0; x < left; x++) {
            reach += top[x];
        }
        if (reach < items) {
            return -1;
        }
        return fewestHolders(unsat);
    }

    /** The item of {@code unsat} with the fewest holders among the locations not open (the first such); -1 when one has none. */
    private int fewestHolders(long unsat) {
        int pick = -1;
        int fewest = Integer.MAX_VALUE;
        for (long b = unsat; b != 0; b &= b - 1) {
            int i = Long.numberOfTrailingZeros(b);
            int at = i * words;
            int h = 0;
            for (int w = 0; w < words; w++) {
                h += Long.bitCount(heldAt[at + w] & ~open[w]);
            }
            if (h == 0) {
                return -1;
            }
            if (h < fewest) {
                fewest = h;
                pick = i;
            }
        }
        return pick;
    }

    private boolean isOpen(int j) {
        return (open[j >>> 6] & (1L << j)) != 0;
    }
}
