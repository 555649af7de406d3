package io.omskit.orchestration.internal;

import java.util.Arrays;

/**
 * Finds the plan of least total cost for a {@link Problem} whose rule set prices the units it leaves unsourced: the
 * per-shipment costs of the locations used, the split penalty per shipment beyond the first, the per-unit and
 * last-unit costs of the units taken, and the unsourced cost of each unit left. Unlike {@link Optimiser}'s
 * lexicographic objective, a unit is left unsourced whenever taking it costs more than leaving it.
 *
 * <p>For a fixed set of open locations (each counted as paid for), groups go whole to the open location where their
 * units cost least, or are left whole when that costs less; then every other unit takes the open segment (a
 * location's units, or its last units) that saves most against leaving it, while any saves something. This is
 * optimal when items sharing a SKU are priced alike and groups do not compete for stock (as for {@link Optimiser}).
 * A set's cost is charged for the locations its assignment actually uses, so the least over all sets is the optimum.
 *
 * <p>The sets are searched depth first over the locations ordered by their cost alone (include before exclude),
 * pruned by a bound that counts the per-shipment costs and split penalties of the opened locations and, for every
 * unit, the least of leaving it and its cheapest per-unit cost at a location not excluded (stock ignored). Within
 * {@link Optimiser#EXACT_LOCATIONS} locations the search runs to completion (within a safety budget of
 * {@link #EXACT_NODE_BUDGET} nodes); beyond, it stops after {@link #HEURISTIC_NODE_BUDGET} nodes and the plan is
 * reported as not proven optimal.
 */
final class PricedSearch {

    static final long EXACT_NODE_BUDGET = 2_000_000;
    static final long HEURISTIC_NODE_BUDGET = 50_000;

    private final Problem p;
    private final int n;
    private final int m;
    private final int maxOpen;
    private final double[] uns;
    private final int groups;
    private final int[] gStart;
    private final int[] gItems;
    private final int[] ungrouped;

    private final int[] remain;
    private final boolean[] used;
    private final int[] need;
    private final int[] segItem;
    private final int[] segJ;
    private final boolean[] segLast;
    private final double[] segSaving;
    private final int[] segOrder;

    private final boolean[] open;
    private int[] order;
    private double best = Double.POSITIVE_INFINITY;
    private boolean[] bestSet;
    private long nodes;
    private long budget;
    private boolean exhausted;

    PricedSearch(Problem problem) {
        this.p = problem;
        this.n = problem.n;
        this.m = problem.m;
        this.maxOpen = problem.maxShipments;
        this.uns = problem.unsourcedUnit;
        this.groups = problem.groups;
        Problem.GroupIndex index = problem.groupIndex();
        this.gStart = index.start();
        this.gItems = index.items();
        this.ungrouped = index.ungrouped();
        this.remain = new int[problem.slots * m];
        this.used = new boolean[m];
        this.need = new int[n];
        int segs = 2 * n * m;
        this.segItem = new int[segs];
        this.segJ = new int[segs];
        this.segLast = new boolean[segs];
        this.segSaving = new double[segs];
        this.segOrder = new int[segs];
        this.open = new boolean[m];
    }

    /** Searches, writes the chosen plan into the arrays (sized as {@link Optimiser}'s), and says whether it is proven optimal. */
    boolean solve(int[] take, int[] tailTake, int[] unsourced) {
        bestSet = new boolean[m];
        best = evaluate(open, null, null, null);
        double[] alone = new double[m];
        for (int j = 0; j < m; j++) {
            open[j] = true;
            alone[j] = evaluate(open, null, null, null);
            open[j] = false;
            if (better(alone[j])) {
                best = alone[j];
                Arrays.fill(bestSet, false);
                bestSet[j] = true;
            }
        }
        if (maxOpen > 1 && m > 1) {
            budget = m <= Optimiser.EXACT_LOCATIONS ? EXACT_NODE_BUDGET : HEURISTIC_NODE_BUDGET;
            Integer[] byAlone = new Integer[m];
            for (int j = 0; j < m; j++) {
                byAlone[j] = j;
            }
            Arrays.sort(byAlone, (a, b) -> alone[a] != alone[b] ? Double.compare(alone[a], alone[b]) : Integer.compare(a, b));
            order = new int[m];
            for (int d = 0; d < m; d++) {
                order[d] = byAlone[d];
            }
            Arrays.fill(open, false);
            branch(0, 0, 0);
        }
        evaluate(bestSet, take, tailTake, unsourced);
        return !exhausted;
    }

    private void branch(int depth, int opened, double fixedOpen) {
        if (depth == m || ++nodes > budget) {
            exhausted |= depth < m;
            return;
        }
        int j = order[depth];
        if (opened < maxOpen) {
            open[j] = true;
            double cost = evaluate(open, null, null, null);
            if (better(cost)) {
                best = cost;
                System.arraycopy(open, 0, bestSet, 0, m);
            }
            if (bound(depth + 1, opened + 1, fixedOpen + p.fixed[j]) < best - eps(best)) {
                branch(depth + 1, opened + 1, fixedOpen + p.fixed[j]);
            }
            open[j] = false;
        }
        if (bound(depth + 1, opened, fixedOpen) < best - eps(best)) {
            branch(depth + 1, opened, fixedOpen);
        }
    }

    /** A lower bound of every set holding the open locations and any of those from {@code depth} on. */
    private double bound(int depth, int opened, double fixedOpen) {
        double lb = fixedOpen + (opened > 1 ? p.penalty * (opened - 1) : 0);
        for (int i = 0; i < n; i++) {
            double cheapest = uns[i];
            int base = i * m;
            for (int j = 0; j < m; j++) {
                if (open[j] && p.allowed[base + j] && p.unit[base + j] < cheapest) {
                    cheapest = p.unit[base + j];
                }
            }
            if (opened < maxOpen) {
                for (int d = depth; d < m; d++) {
                    int j = order[d];
                    if (p.allowed[base + j] && p.unit[base + j] < cheapest) {
                        cheapest = p.unit[base + j];
                    }
                }
            }
            lb += p.qty[i] * cheapest;
        }
        return lb;
    }

    private boolean better(double cost) {
        return cost < best - eps(best);
    }

    private static double eps(double cost) {
        return Double.isInfinite(cost) ? 0 : 1e-9 * Math.max(1, Math.abs(cost));
    }

    /**
     * The cost of the plan the open locations give, charging only those it uses; recorded in the arrays when they are
     * not null.
     */
    private double evaluate(boolean[] openSet, int[] take, int[] tailTake, int[] unsourced) {
        boolean rec = take != null;
        if (rec) {
            Arrays.fill(take, 0);
            Arrays.fill(tailTake, 0);
            Arrays.fill(unsourced, 0);
        }
        System.arraycopy(p.stock, 0, remain, 0, remain.length);
        Arrays.fill(used, false);
        double cost = 0;
        for (int g = 0; g < groups; g++) {
            double leave = 0;
            for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                leave += p.qty[gItems[a]] * uns[gItems[a]];
            }
            int bestJ = -1;
            double bestVar = leave;
            for (int j = 0; j < m; j++) {
                if (openSet[j]) {
                    double var = groupCost(g, j);
                    if (var >= 0 && var < bestVar) {
                        bestVar = var;
                        bestJ = j;
                    }
                }
            }
            cost += bestVar;
            if (bestJ < 0) {
                if (rec) {
                    for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                        unsourced[gItems[a]] = p.qty[gItems[a]];
                    }
                }
                continue;
            }
            used[bestJ] = true;
            for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                int i = gItems[a];
                int slot = p.slotOf[i] * m + bestJ;
                int k = i * m + bestJ;
                int free = Math.max(0, remain[slot] - p.protect[k]);
                remain[slot] -= p.qty[i];
                if (rec) {
                    take[k] += p.qty[i];
                    tailTake[k] += Math.max(0, p.qty[i] - free);
                }
            }
        }
        int segs = 0;
        for (int i : ungrouped) {
            need[i] = p.qty[i];
            int base = i * m;
            for (int j = 0; j < m; j++) {
                if (!openSet[j] || !p.allowed[base + j] || p.stock[p.slotOf[i] * m + j] <= 0) {
                    continue;
                }
                double c = p.unit[base + j];
                if (c < uns[i]) {
                    segItem[segs] = i;
                    segJ[segs] = j;
                    segLast[segs] = false;
                    segSaving[segs++] = c - uns[i];
                }
                double last = c + p.tail[base + j];
                if (p.protect[base + j] > 0 && last < uns[i]) {
                    segItem[segs] = i;
                    segJ[segs] = j;
                    segLast[segs] = true;
                    segSaving[segs++] = last - uns[i];
                }
            }
        }
        // most saving first, then base units before last units, then location, then item: insertion sort, as a
        // plan has few segments and this runs for every set of locations evaluated
        for (int s = 0; s < segs; s++) {
            segOrder[s] = s;
            for (int x = s; x > 0 && before(s, segOrder[x - 1]); x--) {
                segOrder[x] = segOrder[x - 1];
                segOrder[x - 1] = s;
            }
        }
        for (int x = 0; x < segs; x++) {
            int s = segOrder[x];
            int i = segItem[s];
            if (need[i] == 0) {
                continue;
            }
            int j = segJ[s];
            int slot = p.slotOf[i] * m + j;
            int k = i * m + j;
            int avail = segLast[s] ? remain[slot] : remain[slot] - p.protect[k];
            if (avail <= 0) {
                continue;
            }
            int t = Math.min(need[i], avail);
            remain[slot] -= t;
            need[i] -= t;
            used[j] = true;
            cost += t * (segSaving[s] + uns[i]);
            if (rec) {
                take[k] += t;
                if (segLast[s]) {
                    tailTake[k] += t;
                }
            }
        }
        for (int i : ungrouped) {
            cost += need[i] * uns[i];
            if (rec) {
                unsourced[i] = need[i];
            }
        }
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (used[j]) {
                cost += p.fixed[j];
                count++;
            }
        }
        if (count > 1) {
            cost += p.penalty * (count - 1);
        }
        return cost;
    }

    /** Whether segment {@code a} is taken before segment {@code b}. */
    private boolean before(int a, int b) {
        if (segSaving[a] != segSaving[b]) {
            return segSaving[a] < segSaving[b];
        }
        if (segLast[a] != segLast[b]) {
            return !segLast[a];
        }
        return segJ[a] != segJ[b] ? segJ[a] < segJ[b] : segItem[a] < segItem[b];
    }

    /** The variable cost of the whole group at j against {@link #remain}, or -1 when it does not fit or is not allowed. */
    private double groupCost(int g, int j) {
        double var = 0;
        int a = gStart[g];
        int end = gStart[g + 1];
        boolean fits = true;
        int done = a;
        for (; done < end; done++) {
            int i = gItems[done];
            int k = i * m + j;
            int slot = p.slotOf[i] * m + j;
            int r = remain[slot];
            if (!p.allowed[k] || r < p.qty[i]) {
                fits = false;
                break;
            }
            int free = Math.max(0, r - p.protect[k]);
            var += p.qty[i] * p.unit[k] + Math.max(0, p.qty[i] - free) * p.tail[k];
            remain[slot] = r - p.qty[i];
        }
        for (int b = a; b < done; b++) {
            int i = gItems[b];
            remain[p.slotOf[i] * m + j] += p.qty[i];
        }
        return fits ? var : -1;
    }
}
