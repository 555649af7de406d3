package io.omskit.orchestration.internal;

import java.util.Arrays;

/**
 * Finds the plan of least cost for a {@link Problem}: which eligible locations to open, and how many units of
 * each item to take at each.
 *
 * <p>The objective is lexicographic: first source as many units as possible, then minimise the total cost
 * (per-shipment costs of the locations used, per-unit and last-unit costs, and the split penalty per shipment
 * beyond the first). For a fixed set of open locations the best assignment is found greedily: groups (items that
 * must ship together) go whole to the open location where their units cost least, then each other item takes the
 * cheapest units first; every open location counts as paid for, and the cost charged is that of the locations
 * actually used. Units are convex in cost (a location's last units cost at least as much as the others), so
 * this greedy assignment is optimal whenever items that share a SKU are priced alike and groups do not compete for
 * stock.
 *
 * <p>The open set is chosen by depth-first branch and bound over the locations, ordered by how good each is alone
 * (include before exclude). A node is pruned by the larger of two lower bounds, each computed on the relaxation
 * that may use every location not yet excluded:
 * <ul>
 * <li>the per-shipment costs of the locations already opened, the split penalties they imply, the cheapest per-unit
 *     cost of the units, and the cheapest per-shipment cost of one more location when the opened ones cannot cover
 *     the units;</li>
 * <li>the per-unit costs with each location's per-shipment cost, plus half a split penalty, spread over the units it
 *     could supply at most (a location supplying x of its c units pays at least x/c of both). Plans of one shipment
 *     are all evaluated before the search, so the search only needs bounds for plans of t &gt;= 2 shipments, whose
 *     split penalties pen * (t - 1) are at least pen * t / 2.</li>
 * </ul>
 * A relaxation is recomputed only when the location just excluded was used by it. Most orders are settled at the
 * root: when the root's bound already proves the best single location optimal (computed by selecting segments in
 * order, without sorting them), the sorted segment lists and the search are never built. Every node also evaluates the
 * opened set itself, so good plans are found early. Within {@link #EXACT_ITEMS} items and {@link #EXACT_LOCATIONS}
 * locations the search runs to completion (a safety budget of {@link #EXACT_NODE_BUDGET} nodes is never reached in
 * practice and is reported if it is); beyond, it has a budget of {@link #HEURISTIC_NODE_BUDGET} nodes, after which
 * the best plan found is improved by drop and swap moves, and the plan is reported as not proven optimal.
 *
 * <p>When no single location sources every unit and the coverage search finds at most {@link #COVERING_SETS} sets of
 * locations that do (a cart of many lines is often complete over a handful of location triples only), those sets are
 * priced one by one instead: the cheapest set is the plan when no other comes within the tolerance, else they are
 * priced in the order the search would visit them; either way the plan the search finds
 * ({@link #solvedByCoverage}), exactly and whatever the number of locations.
 *
 * <p>Deterministic: locations are ordered with ties broken by network index, and a set of locations replaces the
 * best found only when strictly cheaper and using every location of the set (one leaving a location unused costs
 * what the set of the used ones costs, and the bounds, which count every open location as paid for, hold only for
 * sets using all theirs: so which of equally cheap sets is chosen does not depend on what the bounds skip). The inner loops work on primitive arrays and allocate nothing.
 */
final class Optimiser {

    static final int EXACT_ITEMS = 10;
    static final int EXACT_LOCATIONS = 50;
    static final long EXACT_NODE_BUDGET = 5_000_000;
    static final long HEURISTIC_NODE_BUDGET = 20_000;
    /** Sets of locations sourcing every unit up to which they are all priced instead of searched for. */
    static final int COVERING_SETS = 256;

    private static final byte UNDECIDED = 0;
    private static final byte IN = 1;
    private static final byte OUT = 2;

    private final Problem p;
    private final boolean byCoverage;
    private final int n;
    private final int m;
    private final int maxOpen;
    private final double penalty;
    private final int[] qty;
    private final int[] slotOf;
    private final int[] stock;
    private final int[] protect;
    private final double[] unit;
    private final double[] tail;
    private final double[] fixed;

    // per item: usable segments sorted by plain cost (segJ, segTail, segCost), and by spread cost (aug*)
    private int[] segStart;
    private int[] segJ;
    private boolean[] segTail;
    private double[] segCost;
    private int[] augJ;
    private boolean[] augTail;
    private double[] augCost;

    // every item's segments in one list, sorted by plain cost (g*) and by spread cost (ga*), for bounds at a unit target
    private int[] gItem;
    private int[] gJ;
    private boolean[] gTail;
    private double[] gCost;
    private int[] gaItem;
    private int[] gaJ;
    private boolean[] gaTail;
    private double[] gaCost;
    private int[] usableStock;
    private int[] needLeft;
    private long[] covered;
    private long[] top;
    private int[] additions;

    // groups: items per group, and whether the group fits whole at a location
    private final int groups;
    private final int[] gStart;
    private final int[] gItems;
    private final boolean[] groupFits;
    private final int[] ungrouped;

    // scratch
    private final byte[] state;
    private final int[] remain;
    private final int[] usedStamp;
    private int stamp;
    private final int[] single;

    // last exact evaluation, and how many of its open locations it used (evaluateOpen, evaluateSet)
    private long evUns;
    private double evCost;
    private int evUsed;

    // best found
    private long incUns = Long.MAX_VALUE;
    private double incCost = Double.POSITIVE_INFINITY;
    private int[] incSet = new int[0];

    // search
    private int[] order;
    private double[] suffixMinFixed;
    private long nodes;
    private long budget;
    private boolean exhausted;
    private long relaxUns;
    private double relaxPlain;
    private double relaxAug;
    private boolean[] usedPlain;
    private boolean[] usedAug;
    private boolean[][] savedPlain;
    private boolean[][] savedAug;
    private final long totalQty;

    /** The chosen assignment: units of item i at eligible location j, and how many of them were last units. */
    final int[] take;
    final int[] tailTake;
    /** Whether the search proved the result optimal. */
    boolean optimal;
    /** Units of each item left unsourced. */
    final int[] unsourced;

    Optimiser(Problem problem) {
        this(problem, true);
    }

    /**
     * @param byCoverage whether few sets of locations sourcing every unit are priced one by one rather than searched
     *                   for (the same plan, see {@link #solvedByCoverage}); false only to compare the two
     */
    Optimiser(Problem problem, boolean byCoverage) {
        this.p = problem;
        this.byCoverage = byCoverage;
        this.n = problem.n;
        this.m = problem.m;
        this.maxOpen = problem.maxShipments;
        this.penalty = problem.penalty;
        this.qty = problem.qty;
        this.slotOf = problem.slotOf;
        this.stock = problem.stock;
        this.protect = problem.protect;
        this.unit = problem.unit;
        this.tail = problem.tail;
        this.fixed = problem.fixed;
        this.take = new int[n * m];
        this.tailTake = new int[n * m];
        this.unsourced = new int[n];
        this.state = new byte[m];
        this.remain = new int[problem.slots * m];
        this.usedStamp = new int[m];
        this.single = new int[problem.slots];
        long total = 0;
        for (int q : qty) {
            total += q;
        }
        this.totalQty = total;

        // groups
        this.groups = problem.groups;
        Problem.GroupIndex index = problem.groupIndex();
        this.gStart = index.start();
        this.gItems = index.items();
        this.ungrouped = index.ungrouped();
        this.groupFits = new boolean[groups * m];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < m; j++) {
                groupFits[g * m + j] = fitsWhole(g, j);
            }
        }
    }

    /**
     * Builds what only the branch and bound needs: every item's usable segments sorted by plain and by spread cost,
     * the usable stock per item and location, and the scratch of the bounds.
     */
    private void prepareSearch(double[] spread) {
        this.usedPlain = new boolean[m];
        this.usedAug = new boolean[m];
        // segments: an item may use j when allowed there (and, in a group, when the group fits whole at j)
        this.segStart = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            segStart[i] = count;
            for (int j = 0; j < m; j++) {
                if (usable(i, j)) {
                    count += protect[i * m + j] > 0 ? 2 : 1;
                }
            }
        }
        segStart[n] = count;
        this.segJ = new int[count];
        this.segTail = new boolean[count];
        this.segCost = new double[count];
        this.augJ = new int[count];
        this.augTail = new boolean[count];
        this.augCost = new double[count];
        int[] idx = new int[m * 2];
        int[] tmp = new int[m * 2];
        int[] ej = new int[m * 2];
        boolean[] et = new boolean[m * 2];
        double[] ec = new double[m * 2];
        double[] ea = new double[m * 2];
        sortPerItem(spread, idx, tmp, ej, et, ec, ea);
        this.usableStock = new int[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                usableStock[i * m + j] = usable(i, j) ? stock[slotOf[i] * m + j] : 0;
            }
        }
        this.needLeft = new int[n];
        this.covered = new long[n];
        this.top = new long[Math.max(1, Math.min(maxOpen, m))];
        this.additions = new int[m];
    }

    /** Sorts each item's usable segments by plain and by spread cost. */
    private void sortPerItem(double[] spread, int[] idx, int[] tmp, int[] ej, boolean[] et, double[] ec, double[] ea) {
        for (int i = 0; i < n; i++) {
            int e = 0;
            for (int j = 0; j < m; j++) {
                if (!usable(i, j)) {
                    continue;
                }
                int k = i * m + j;
                ej[e] = j;
                et[e] = false;
                ec[e] = unit[k];
                ea[e] = unit[k] + spread[j];
                e++;
                if (protect[k] > 0) {
                    ej[e] = j;
                    et[e] = true;
                    ec[e] = unit[k] + tail[k];
                    ea[e] = unit[k] + tail[k] + spread[j];
                    e++;
                }
            }
            int base = segStart[i];
            sortEntries(idx, tmp, e, ec);
            for (int x = 0; x < e; x++) {
                segJ[base + x] = ej[idx[x]];
                segTail[base + x] = et[idx[x]];
                segCost[base + x] = ec[idx[x]];
            }
            sortEntries(idx, tmp, e, ea);
            for (int x = 0; x < e; x++) {
                augJ[base + x] = ej[idx[x]];
                augTail[base + x] = et[idx[x]];
                augCost[base + x] = ea[idx[x]];
            }
        }
    }

    /** Builds the lists of all items' segments on first use: only bounds under a binding shipment limit need them. */
    private void mergeAllOnce() {
        if (gItem != null) {
            return;
        }
        int count = segStart[n];
        gItem = new int[count];
        gJ = new int[count];
        gTail = new boolean[count];
        gCost = new double[count];
        gaItem = new int[count];
        gaJ = new int[count];
        gaTail = new boolean[count];
        gaCost = new double[count];
        mergeAll(segJ, segTail, segCost, gItem, gJ, gTail, gCost);
        mergeAll(augJ, augTail, augCost, gaItem, gaJ, gaTail, gaCost);
    }

    /** All items' sorted segments in one list sorted by cost, then location, then item, base before last units. */
    private void mergeAll(int[] js, boolean[] tails, double[] costs, int[] outItem, int[] outJ, boolean[] outTail,
                          double[] outCost) {
        int total = segStart[n];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = segStart[i];
        }
        for (int x = 0; x < total; x++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (pos[i] == segStart[i + 1]) {
                    continue;
                }
                if (best < 0 || costs[pos[i]] < costs[pos[best]]
                        || (costs[pos[i]] == costs[pos[best]] && js[pos[i]] < js[pos[best]])) {
                    best = i;
                }
            }
            int k = pos[best]++;
            outItem[x] = best;
            outJ[x] = js[k];
            outTail[x] = tails[k];
            outCost[x] = costs[k];
        }
    }

    private boolean usable(int i, int j) {
        if (!p.allowed[i * m + j]) {
            return false;
        }
        int g = p.groupOf[i];
        return g < 0 || groupFits[g * m + j];
    }

    private boolean fitsWhole(int g, int j) {
        for (int a = gStart[g]; a < gStart[g + 1]; a++) {
            int i = gItems[a];
            if (!p.allowed[i * m + j]) {
                return false;
            }
            int need = 0;
            for (int b = gStart[g]; b < gStart[g + 1]; b++) {
                if (slotOf[gItems[b]] == slotOf[i]) {
                    need += qty[gItems[b]];
                }
            }
            if (stock[slotOf[i] * m + j] < need) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each location's per-shipment cost plus half a split penalty, divided by the most units it could supply of the
     * order.
     */
    private double[] spreadFixedCosts() {
        double[] spread = new double[m];
        boolean sharedSkus = p.slots < n;
        int[] demand = sharedSkus ? new int[p.slots] : null;
        usableCount = new int[n];
        usableAt = new int[n * m];
        for (int j = 0; j < m; j++) {
            long cap = 0;
            if (sharedSkus) {
                Arrays.fill(demand, 0);
            }
            for (int i = 0; i < n; i++) {
                if (!usable(i, j)) {
                    continue;
                }
                usableAt[i * m + usableCount[i]++] = j;
                if (sharedSkus) {
                    demand[slotOf[i]] += qty[i];
                } else {
                    cap += Math.min(qty[i], stock[slotOf[i] * m + j]);
                }
            }
            if (sharedSkus) {
                for (int s = 0; s < p.slots; s++) {
                    cap += Math.min(demand[s], stock[s * m + j]);
                }
            }
            // the search only looks for plans of two or more shipments (single ones are all evaluated first),
            // which pay at least half a split penalty per shipment: pen * (t - 1) >= pen * t / 2 for t >= 2
            spread[j] = cap == 0 ? 0 : (fixed[j] + penalty / 2) / cap;
        }
        return spread;
    }

    // per item, the locations it may use in ascending order: usableAt[i * m .. i * m + usableCount[i])
    private int[] usableAt;
    private int[] usableCount;

    /**
     * Stable sort of entry indexes by cost. Entries are made in the order of their location, base before last
     * units, so stability breaks ties as the segment order requires (cost, then location, then base first).
     * Insertion sort of runs of {@link #RUN}, then bottom-up merges of the runs, moving keys with their indexes.
     */
    private static void sortEntries(int[] idx, int[] tmp, int len, double[] cost) {
        double[] key = new double[len];
        double[] keyTmp = new double[len];
        for (int x = 0; x < len; x++) {
            idx[x] = x;
            key[x] = cost[x];
        }
        for (int lo = 0; lo < len; lo += RUN) {
            int hi = Math.min(lo + RUN, len);
            for (int x = lo + 1; x < hi; x++) {
                double v = key[x];
                int vi = idx[x];
                int y = x;
                while (y > lo && key[y - 1] > v) {
                    key[y] = key[y - 1];
                    idx[y] = idx[y - 1];
                    y--;
                }
                key[y] = v;
                idx[y] = vi;
            }
        }
        for (int width = RUN; width < len; width <<= 1) {
            for (int lo = 0; lo < len - width; lo += width << 1) {
                int mid = lo + width;
                int hi = Math.min(lo + (width << 1), len);
                if (key[mid - 1] <= key[mid]) {
                    continue;
                }
                int a = lo;
                int b = mid;
                int t = lo;
                while (a < mid && b < hi) {
                    if (key[b] < key[a]) {
                        keyTmp[t] = key[b];
                        tmp[t++] = idx[b++];
                    } else {
                        keyTmp[t] = key[a];
                        tmp[t++] = idx[a++];
                    }
                }
                while (a < mid) {
                    keyTmp[t] = key[a];
                    tmp[t++] = idx[a++];
                }
                while (b < hi) {
                    keyTmp[t] = key[b];
                    tmp[t++] = idx[b++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
                System.arraycopy(keyTmp, lo, key, lo, hi - lo);
            }
        }
    }

    private static final int RUN = 16;

    // ---- search ----

    /** Runs the search and fills {@link #take}, {@link #tailTake}, {@link #unsourced} and {@link #optimal}. */
    void solve() {
        if (p.unsourcedUnit != null) {
            p.priceAll();
            optimal = new PricedSearch(p).solve(take, tailTake, unsourced);
            return;
        }
        if (m == 0) {
            System.arraycopy(qty, 0, unsourced, 0, n);
            optimal = true;
            return;
        }
        boolean exact = n <= EXACT_ITEMS && m <= EXACT_LOCATIONS;
        budget = exact ? EXACT_NODE_BUDGET : HEURISTIC_NODE_BUDGET;

        // every location alone: the first incumbent, and the branching order
        long[] aloneUns = new long[m];
        double[] aloneCost = new double[m];
        for (int j = 0; j < m; j++) {
            evaluateAlone(j);
            aloneUns[j] = evUns;
            aloneCost[j] = evCost;
            if (better(evUns, evCost)) {
                accept(new int[] {j});
            }
        }
        if (maxOpen > 1 && m > 1) {
            double[] spread = spreadFixedCosts();
            if (!rootPrunedBySelection(spread) && !(byCoverage && solvedByCoverage(aloneUns, aloneCost))) {
                prepareSearch(spread);
                order = sortedByAlone(aloneUns, aloneCost);
                suffixMinFixed = new double[m + 1];
                suffixMinFixed[m] = Double.POSITIVE_INFINITY;
                for (int d = m - 1; d >= 0; d--) {
                    suffixMinFixed[d] = Math.min(suffixMinFixed[d + 1], fixed[order[d]]);
                }
                savedPlain = new boolean[m + 1][];
                savedAug = new boolean[m + 1][];
                relaxUns = relax(false, usedPlain);
                relaxAug = 0;
                relax(true, usedAug);
                if (!prune(bound(0, 0, 0))) {
                    branch(0, 0);
                }
                if (exhausted) {
                    improveLocally();
                }
            }
        }
        optimal = !exhausted;
        record();
    }

    /**
     * Settles the search when the coverage search finds at most {@link #COVERING_SETS} sets of at most
     * {@link #maxOpen} locations that source every unit (items of distinct SKUs, no groups): each is priced, in the
     * order the branch and bound visits them, and accepted when using all its locations and strictly cheaper than the
     * best so far, as there. The
     * branch and bound visits sets in the lexicographic order of their locations' positions in its branching order
     * (a set before the sets it begins); its bounds only skip sets it would not accept; a set leaving units unsourced
     * never replaces one sourcing all, and is replaced by the first that does. So the plan is the one the branch and
     * bound finds when it completes, found without its sorted segment lists and bounds. False (nothing changed) when
     * the coverage search does not decide the problem, finds no such set or too many.
     */
    private boolean solvedByCoverage(long[] aloneUns, double[] aloneCost) {
        // a single location sourcing every unit makes every set with it one too: often more than the limit
        if (!pricesSets() || (incUns == 0 && setsWithOne() > COVERING_SETS)) {
            return false;
        }
        int[][] sets = Coverage.coveringSets(Eligibility.of(p), COVERING_SETS);
        if (sets == null || sets.length == 0) {
            return false;
        }
        if (incUns != 0 && priceBestFirst(sets)) {
            return true;
        }
        int[] byAlone = sortedByAlone(aloneUns, aloneCost);
        int[] position = new int[m];
        for (int d = 0; d < m; d++) {
            position[byAlone[d]] = d + 1;
        }
        priceInSearchOrder(sets, position);
        return true;
    }

    /** How many sets of at most {@link #maxOpen} of the m locations hold a given one (beyond the limit: limit + 1). */
    private long setsWithOne() {
        long sets = 0;
        long choose = 1;
        for (int t = 0; t < maxOpen && t < m; t++) {
            sets += choose;
            if (sets > COVERING_SETS) {
                return COVERING_SETS + 1;
            }
            choose = choose * (m - 1 - t) / (t + 1);
        }
        return sets;
    }

    /** Whether sets of locations can be priced as the search would visit them: no groups, distinct SKUs, keys fit. */
    private boolean pricesSets() {
        return groups == 0 && p.slots == n && maxOpen <= 63 && bitsPerPosition() * maxOpen <= 63;
    }

    private int bitsPerPosition() {
        // of every eligible location, so that a restricted problem prices sets exactly when its whole one does
        return 32 - Integer.numberOfLeadingZeros(p.eligibleCount);
    }

    /**
     * Whether {@link #solveCovered} prices {@code sets} one by one (only their locations need to be columns), rather
     * than pricing every location and searching.
     */
    boolean pricesEach(int[][] sets) {
        if (p.unsourcedUnit != null || sets.length == 0 || !pricesSets() || maxOpen < 2) {
            return false;
        }
        for (int[] set : sets) {
            if (set.length < 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * Solves the problem from the sets of locations that source every unit, as {@link Coverage#coveringSets} finds
     * them (the problem's columns), when none is a single location: the plan {@link #solve} finds, which prices the
     * same sets in the same order ({@link #solvedByCoverage}), but pricing only the locations of those sets (the
     * problem may have been built without pricing, {@link Problem#price}). When some set is a single location, every
     * location is priced and the problem solved the usual way.
     */
    void solveCovered(int[][] sets) {
        if (!pricesEach(sets)) {
            if (p.restricted) {
                throw new IllegalStateException("a restricted problem has only the locations of sets priced one by one");
            }
            p.priceAll();
            solve();
            return;
        }
        // the search's branching order is by each location alone: fewest unsourced, then cheapest, then index; only
        // the locations of the sets need their place in it, and none alone sources every unit, so the best single
        // location is replaced by the first set priced
        boolean[] member = new boolean[m];
        int count = 0;
        for (int[] set : sets) {
            for (int j : set) {
                count += member[j] ? 0 : 1;
                member[j] = true;
            }
        }
        int[] members = new int[count];
        for (int j = 0, x = 0; x < count; j++) {
            if (member[j]) {
                members[x++] = j;
            }
        }
        for (int x = 0; x < count; x++) {
            p.price(members[x]);
        }
        if (priceBestFirst(sets)) {
            optimal = true;
            record();
            return;
        }
        long[] aloneUns = new long[count];
        double[] aloneCost = new double[count];
        for (int x = 0; x < count; x++) {
            evaluateAlone(members[x]);
            aloneUns[x] = evUns;
            aloneCost[x] = evCost;
        }
        int[] byAlone = sortedByAlone(aloneUns, aloneCost, count);
        int[] position = new int[m];
        for (int d = 0; d < count; d++) {
            position[members[byAlone[d]]] = d + 1;
        }
        priceInSearchOrder(sets, position);
        optimal = true;
        record();
    }

    /**
     * Prices {@code sets} in the order the search visits them, given each location's 1-based place in its branching
     * order ({@code position}), accepting a set when it uses all its locations and is strictly better than the best so
     * far.
     */
    private void priceInSearchOrder(int[][] sets, int[] position) {
        int bits = bitsPerPosition();
        // a set's key: its places ascending, one field each from the top, an absent one 0 (so a set sorts before the sets it begins)
        long[] keys = new long[sets.length];
        int[] places = new int[maxOpen];
        int[] at = new int[m + 1];
        for (int s = 0; s < sets.length; s++) {
            int[] set = sets[s];
            for (int x = 0; x < set.length; x++) {
                places[x] = position[set[x]];
                at[places[x]] = set[x];
            }
            Arrays.sort(places, 0, set.length);
            long key = 0;
            for (int x = 0; x < maxOpen; x++) {
                key = (key << bits) | (x < set.length ? places[x] : 0);
            }
            keys[s] = key;
        }
        Arrays.sort(keys);
        long mask = (1L << bits) - 1;
        int[] set = new int[maxOpen];
        for (long key : keys) {
            int size = 0;
            for (int x = 0; x < maxOpen; x++) {
                int place = (int) ((key >>> (bits * (maxOpen - 1 - x))) & mask);
                if (place == 0) {
                    break;
                }
                set[size++] = at[place];
            }
            if (incUns == 0 && cannotBeat(set, size)) {
                continue;
            }
            evaluateSet(set, size);
            if (evUsed == size && better(evUns, evCost)) {
                int[] accepted = Arrays.copyOf(set, size);
                Arrays.sort(accepted);
                accept(accepted);
            }
        }
        settledByCoverage = true;
    }

    /**
     * Prices {@code sets}, none of which may leave a unit unsourced, when the incumbent leaves units unsourced: the set
     * of the cheapest lower bound ({@link #lowerBounds}) first, then every set whose bound is not clearly above the
     * best so far. Accepts the cheapest set using all its locations when every other such set costs more by more than
     * the tolerance of {@link #better}: in whatever order the sets are visited, that set replaces any incumbent and
     * none replaces it, so it is the plan of {@link #priceInSearchOrder} without the search order (each location
     * priced alone and sorted), which only near ties need. False (nothing accepted) on a near tie or a set leaving
     * units unsourced: the sets are then priced in search order.
     */
    private boolean priceBestFirst(int[][] sets) {
        int count = sets.length;
        double[] lower = lowerBounds(sets);
        int first = 0;
        for (int s = 1; s < count; s++) {
            if (lower[s] < lower[first]) {
                first = s;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int bestSet = -1;
        for (int x = -1; x < count; x++) {
            int s = x < 0 ? first : x;
            // a set costing at least its bound, clearly more than the best so far, is neither the best nor near it
            if (x == first || clearlyAbove(lower[s], best)) {
                continue;
            }
            int[] set = sets[s];
            evaluateSet(set, set.length);
            if (evUsed != set.length) {
                continue;
            }
            if (evUns != 0) {
                return false;
            }
            if (evCost < best) {
                second = best;
                best = evCost;
                bestSet = s;
            } else if (evCost < second) {
                second = evCost;
            }
        }
        if (bestSet >= 0 && !clearlyAbove(second, best)) {
            return false;
        }
        if (bestSet >= 0) {
            int[] accepted = sets[bestSet].clone();
            Arrays.sort(accepted);
            evUns = 0;
            evCost = best;
            accept(accepted);
        }
        settledByCoverage = true;
        settledBestFirst = true;
        return true;
    }

    /**
     * A lower bound of the cost of every set, its locations all used: their fixed costs, the split penalty and each
     * item's units at the cheapest unit cost among them (every other term is at least zero). Each set location's unit
     * costs are laid out together (infinite where an item may not be taken), so that the cheapest of an item over a
     * set is a few adjacent reads and no branch.
     */
    double[] lowerBounds(int[][] sets) {
        int items = ungrouped.length;
        double[] units = new double[items];
        for (int u = 0; u < items; u++) {
            units[u] = qty[ungrouped[u]];
        }
        // a row per location of some set (not per column: a whole problem has many more columns than set locations)
        int[] row = new int[m];
        int rows = 0;
        for (int[] set : sets) {
            for (int j : set) {
                if (row[j] == 0) {
                    row[j] = ++rows;
                }
            }
        }
        double[] cheap = new double[rows * items];
        for (int j = 0; j < m; j++) {
            if (row[j] != 0) {
                int at = (row[j] - 1) * items;
                for (int u = 0; u < items; u++) {
                    int k = ungrouped[u] * m + j;
                    cheap[at + u] = p.allowed[k] ? unit[k] : Double.POSITIVE_INFINITY;
                }
            }
        }
        double[] out = new double[sets.length];
        double[] pair = new double[items];
        int[] pairOf = null;
        for (int s = 0; s < sets.length; s++) {
            int[] set = sets[s];
            double bound = penalty * (set.length - 1);
            for (int j : set) {
                bound += fixed[j];
            }
            if (set.length == 3) {
                // sets found one after another in a branch share their first two locations: their cheapest is kept
                if (pairOf == null || pairOf[0] != set[0] || pairOf[1] != set[1]) {
                    pairOf = set;
                    int a = (row[set[0]] - 1) * items;
                    int b = (row[set[1]] - 1) * items;
                    for (int u = 0; u < items; u++) {
                        pair[u] = Math.min(cheap[a + u], cheap[b + u]);
                    }
                }
                int third = (row[set[2]] - 1) * items;
                for (int u = 0; u < items; u++) {
                    bound += units[u] * Math.min(pair[u], cheap[third + u]);
                }
                out[s] = bound;
                continue;
            }
            int first = (row[set[0]] - 1) * items;
            for (int u = 0; u < items; u++) {
                double c = cheap[first + u];
                for (int x = 1; x < set.length; x++) {
                    c = Math.min(c, cheap[(row[set[x]] - 1) * items + u]);
                }
                bound += units[u] * c;
            }
            out[s] = bound;
        }
        return out;
    }

    /**
     * Whether a set costing at least {@code cost} (a lower bound, summed in another order than the set's evaluation,
     * which differs from it by far less than the tolerance) could never replace, nor be kept against, one costing
     * {@code best}: {@code cost} exceeds {@code best} by more than twice the tolerance of {@link #better}.
     */
    private static boolean clearlyAbove(double cost, double best) {
        return cost - 2 * eps(cost) > best;
    }

    /**
     * Whether the locations {@code set[0..size)}, all used (as a set must be to be accepted), cost at least the
     * incumbent: their bound of {@link #lowerBounds}, summed only until it reaches the incumbent, so a set at or above
     * it cannot be strictly better. Sums in another order than {@link #evaluateSet} differ from its by far less than
     * the tolerance of {@link #better}.
     */
    private boolean cannotBeat(int[] set, int size) {
        double bound = penalty * (size - 1);
        for (int x = 0; x < size; x++) {
            bound += fixed[set[x]];
        }
        if (bound >= incCost) {
            return true;
        }
        for (int u = 0; u < ungrouped.length; u++) {
            int i = ungrouped[u];
            int itemBase = i * m;
            double cheapest = Double.POSITIVE_INFINITY;
            for (int x = 0; x < size; x++) {
                int k = itemBase + set[x];
                if (p.allowed[k] && unit[k] < cheapest) {
                    cheapest = unit[k];
                }
            }
            bound += qty[i] * cheapest;
            if (bound >= incCost) {
                return true;
            }
        }
        return false;
    }

    private boolean settledByCoverage;
    private boolean settledBestFirst;
    private int[] setJ;
    private boolean[] setTail;
    private double[] setCost;

    /**
     * Evaluates the locations {@code set[0..size)} open, items of distinct SKUs and no groups: sets {@link #evUns} and
     * {@link #evCost} with the same sums in the same order as {@link #evaluateOpen} (each item's segments at those
     * locations in the sorted lists' order: cost, then location, then base before last units).
     */
    private void evaluateSet(int[] set, int size) {
        if (setJ == null) {
            setJ = new int[2 * maxOpen];
            setTail = new boolean[2 * maxOpen];
            setCost = new double[2 * maxOpen];
        }
        int s = ++stamp;
        evUsed = 0;
        double cost = 0;
        long uns = 0;
        for (int u = 0; u < ungrouped.length; u++) {
            int i = ungrouped[u];
            int slotBase = slotOf[i] * m;
            int itemBase = i * m;
            int e = 0;
            for (int x = 0; x < size; x++) {
                int j = set[x];
                int k = itemBase + j;
                if (!p.allowed[k]) {
                    continue;
                }
                remain[slotBase + j] = stock[slotBase + j];
                e = insertSegment(e, j, false, unit[k]);
                if (protect[k] > 0) {
                    e = insertSegment(e, j, true, unit[k] + tail[k]);
                }
            }
            int need = qty[i];
            for (int x = 0; x < e && need > 0; x++) {
                int j = setJ[x];
                int t = takeSegment(slotBase, itemBase, j, setTail[x], need);
                if (t == 0) {
                    continue;
                }
                need -= t;
                cost += t * setCost[x];
                cost += firstUse(j, s);
            }
            uns += need;
            if (recording) {
                unsourced[i] = need;
            }
        }
        if (evUsed > 1) {
            cost += penalty * (evUsed - 1);
        }
        evUns = uns;
        evCost = cost;
    }

    /** Inserts segment (j, last, cost) into the first {@code e} of the set's segments, kept sorted; returns e + 1. */
    private int insertSegment(int e, int j, boolean last, double cost) {
        int y = e;
        while (y > 0 && follows(setCost[y - 1], setJ[y - 1], setTail[y - 1], cost, j, last)) {
            setCost[y] = setCost[y - 1];
            setJ[y] = setJ[y - 1];
            setTail[y] = setTail[y - 1];
            y--;
        }
        setCost[y] = cost;
        setJ[y] = j;
        setTail[y] = last;
        return e + 1;
    }

    /** Locations by how good each is alone: fewest unsourced, then cheapest, then lowest index (stable merge sort). */
    private int[] sortedByAlone(long[] uns, double[] cost) {
        return sortedByAlone(uns, cost, m);
    }

    /** Indexes 0..size-1 by {@code uns}, then {@code cost}, then index (stable merge sort). */
    private static int[] sortedByAlone(long[] uns, double[] cost, int size) {
        int[] idx = new int[size];
        int[] tmp = new int[size];
        for (int j = 0; j < size; j++) {
            idx[j] = j;
        }
        for (int width = 1; width < size; width <<= 1) {
            for (int lo = 0; lo < size - width; lo += width << 1) {
                int mid = lo + width;
                int hi = Math.min(lo + (width << 1), size);
                int a = lo;
                int b = mid;
                int t = lo;
                while (a < mid && b < hi) {
                    int x = idx[a];
                    int y = idx[b];
                    boolean yFirst = uns[y] < uns[x] || (uns[y] == uns[x] && cost[y] < cost[x]);
                    tmp[t++] = yFirst ? idx[b++] : idx[a++];
                }
                while (a < mid) {
                    tmp[t++] = idx[a++];
                }
                while (b < hi) {
                    tmp[t++] = idx[b++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }

    /** Selections per item beyond which the root check gives up and leaves the bound to the sorted lists. */
    private static final int ROOT_SELECTIONS = 8;

    /**
     * Whether the root's quick bound already proves the best single location optimal, computed without sorting:
     * the plain and spread relaxations of {@link #relax} taken segment by segment, each time selecting the next
     * cheapest in the same order as the sorted lists (cost, then location, then base before last units). Most
     * orders need one or two segments per item, so this costs a few passes over the locations where sorting every
     * item's segments costs m log m. False (undecided) when an item needs more than {@link #ROOT_SELECTIONS}
     * segments.
     */
    private boolean rootPrunedBySelection(double[] spread) {
        if (p.slots == n) {
            // with no SKU on two items, both relaxations leave the same units unsourced (each item takes what its
            // locations hold, in whatever order), so the spread one, usually the tighter, may settle the root alone
            long uns = relaxBySelection(spread);
            if (uns < 0) {
                return false;
            }
            if (uns != incUns) {
                return uns > incUns;
            }
            double threshold = incCost - eps(incCost);
            return relaxAug >= threshold || (relaxBySelection(null) >= 0 && relaxPlain >= threshold);
        }
        long uns = relaxBySelection(null);
        if (uns < 0) {
            return false;
        }
        double plain = relaxPlain;
        if (relaxBySelection(spread) < 0) {
            return false;
        }
        if (uns != incUns) {
            return uns > incUns;
        }
        return Math.max(plain, relaxAug) >= incCost - eps(incCost);
    }

    /** {@link #relax} by selection: the unsourced units, or -1 when an item needs too many segments. */
    private long relaxBySelection(double[] spread) {
        System.arraycopy(stock, 0, remain, 0, remain.length);
        double cost = 0;
        long uns = 0;
        for (int i = 0; i < n; i++) {
            int need = qty[i];
            int slotBase = slotOf[i] * m;
            int itemBase = i * m;
            double lastCost = Double.NEGATIVE_INFINITY;
            int lastJ = -1;
            boolean lastTail = true;
            for (int step = 0; need > 0; step++) {
                if (step == ROOT_SELECTIONS) {
                    return -1;
                }
                double bestCost = Double.POSITIVE_INFINITY;
                int bestJ = -1;
                boolean bestTail = false;
                for (int u = itemBase, end = itemBase + usableCount[i]; u < end; u++) {
                    int j = usableAt[u];
                    int k = itemBase + j;
                    double base = spread == null ? unit[k] : unit[k] + spread[j];
                    if (follows(base, j, false, lastCost, lastJ, lastTail)
                            && (bestJ < 0 || follows(bestCost, bestJ, bestTail, base, j, false))) {
                        bestCost = base;
                        bestJ = j;
                        bestTail = false;
                    }
                    if (protect[k] > 0) {
                        double last = spread == null ? unit[k] + tail[k] : unit[k] + tail[k] + spread[j];
                        if (follows(last, j, true, lastCost, lastJ, lastTail)
                                && (bestJ < 0 || follows(bestCost, bestJ, bestTail, last, j, true))) {
                            bestCost = last;
                            bestJ = j;
                            bestTail = true;
                        }
                    }
                }
                if (bestJ < 0) {
                    break;
                }
                lastCost = bestCost;
                lastJ = bestJ;
                lastTail = bestTail;
                int r = remain[slotBase + bestJ];
                int avail = bestTail ? r : r - protect[itemBase + bestJ];
                if (avail <= 0) {
                    continue;
                }
                int t = Math.min(need, avail);
                remain[slotBase + bestJ] = r - t;
                need -= t;
                cost += t * bestCost;
            }
            uns += need;
        }
        if (spread == null) {
            relaxPlain = cost;
        } else {
            relaxAug = cost;
        }
        return uns;
    }

    /** Whether segment (c, j, t) comes strictly after segment (pc, pj, pt) in the sorted lists' order. */
    private static boolean follows(double c, int j, boolean t, double pc, int pj, boolean pt) {
        if (c != pc) {
            return c > pc;
        }
        if (j != pj) {
            return j > pj;
        }
        return t && !pt;
    }

    private void branch(int depth, int open) {
        if (depth >= m || open >= maxOpen) {
            return;
        }
        if (++nodes > budget) {
            exhausted = true;
            return;
        }
        int j = order[depth];

        state[j] = IN;
        evaluateOpen();
        // a set leaving a location unused costs what the set of the used ones costs, which is visited too, and the
        // bounds (every open location paid for) hold for sets using all their locations: accepting only those
        // makes the choice among equally cheap sets independent of what the bounds skip
        if (evUsed == open + 1 && better(evUns, evCost)) {
            accept(openSet(open + 1));
        }
        if (open + 1 < maxOpen && depth + 1 < m) {
            fixedOpen += fixed[j];
            if (!prune(bound(depth + 1, open + 1, fixedOpen))) {
                branch(depth + 1, open + 1);
            }
            fixedOpen -= fixed[j];
        }

        state[j] = OUT;
        long savedUns = relaxUns;
        double savedPlainCost = relaxPlain;
        double savedAugCost = relaxAug;
        boolean redidPlain = usedPlain[j];
        boolean redidAug = usedAug[j];
        if (redidPlain) {
            save(savedPlain, depth, usedPlain);
            relaxUns = relax(false, usedPlain);
        }
        if (redidAug) {
            save(savedAug, depth, usedAug);
            relax(true, usedAug);
        }
        if (depth + 1 < m && !prune(bound(depth + 1, open, fixedOpen))) {
            branch(depth + 1, open);
        }
        if (redidPlain) {
            System.arraycopy(savedPlain[depth], 0, usedPlain, 0, m);
        }
        if (redidAug) {
            System.arraycopy(savedAug[depth], 0, usedAug, 0, m);
        }
        relaxUns = savedUns;
        relaxPlain = savedPlainCost;
        relaxAug = savedAugCost;
        state[j] = UNDECIDED;
    }

    private void save(boolean[][] saved, int depth, boolean[] used) {
        if (saved[depth] == null) {
            saved[depth] = new boolean[m];
        }
        System.arraycopy(used, 0, saved[depth], 0, m);
    }

    /**
     * The lower bound of a node whose undecided locations are {@code order[depth..]}: its unsourced units in
     * {@link #boundUns}, its cost returned. With r shipments left, the opened locations plus the r undecided ones
     * that add the most units bound what can be covered; the cost bounds then price the cheapest units up to that.
     */
    private double bound(int depth, int open, double fixedOpen) {
        // the cached relaxation alone often settles it, without the coverage work below
        boundUns = relaxUns;
        if (relaxUns > incUns) {
            return Double.POSITIVE_INFINITY;
        }
        double quick = Math.max(fixedOpen + (open > 1 ? penalty * (open - 1) : 0) + relaxPlain,
                (open > 2 ? penalty * (open / 2.0 - 1) : 0) + relaxAug);
        if (relaxUns == incUns && quick >= incCost - eps(incCost)) {
            return quick;
        }
        long coveredByOpen = coverageOfOpen();
        long uns = relaxUns;
        int left = maxOpen - open;
        if (left < m - depth) {
            long most = coveredByOpen + topAdditions(depth, left);
            uns = Math.max(uns, totalQty - most);
        }
        boundUns = uns;
        if (uns > incUns) {
            return Double.POSITIVE_INFINITY;
        }
        long target = totalQty - uns;
        double plain = uns == relaxUns ? relaxPlain : cheapestUnits(target, false);
        double spread = uns == relaxUns ? relaxAug : cheapestUnits(target, true);
        double a = fixedOpen + (open > 1 ? penalty * (open - 1) : 0) + plain;
        if (coveredByOpen < target && open < maxOpen) {
            a += suffixMinFixed[depth] + (open >= 1 ? penalty : 0);
        }
        double b = (open > 2 ? penalty * (open / 2.0 - 1) : 0) + spread;
        return Math.max(a, b);
    }

    /** The sum of the {@code r} largest numbers of units undecided locations could add to {@link #covered}. */
    private long topAdditions(int depth, int r) {
        if (r <= 0) {
            return 0;
        }
        Arrays.fill(additions, 0);
        for (int i = 0; i < n; i++) {
            int missing = (int) (qty[i] - covered[i]);
            if (missing <= 0) {
                continue;
            }
            int base = i * m;
            for (int d = depth; d < m; d++) {
                int j = order[d];
                additions[j] += Math.min(missing, usableStock[base + j]);
            }
        }
        Arrays.fill(top, 0, r, 0);
        for (int d = depth; d < m; d++) {
            int add = additions[order[d]];
            if (add > top[r - 1]) {
                int x = r - 1;
                while (x > 0 && top[x - 1] < add) {
                    top[x] = top[x - 1];
                    x--;
                }
                top[x] = add;
            }
        }
        long sum = 0;
        for (int x = 0; x < r; x++) {
            sum += top[x];
        }
        return sum;
    }

    /** The least cost of {@code target} units over the locations not excluded, cheapest units of any item first. */
    private double cheapestUnits(long target, boolean spread) {
        mergeAllOnce();
        System.arraycopy(stock, 0, remain, 0, remain.length);
        System.arraycopy(qty, 0, needLeft, 0, n);
        int[] items = spread ? gaItem : gItem;
        int[] js = spread ? gaJ : gJ;
        boolean[] tails = spread ? gaTail : gTail;
        double[] costs = spread ? gaCost : gCost;
        long taken = 0;
        double cost = 0;
        for (int k = 0, end = items.length; k < end && taken < target; k++) {
            int i = items[k];
            int j = js[k];
            if (state[j] == OUT || needLeft[i] == 0) {
                continue;
            }
            int slot = slotOf[i] * m + j;
            int r = remain[slot];
            int avail = tails[k] ? r : r - protect[i * m + j];
            if (avail <= 0) {
                continue;
            }
            int t = (int) Math.min(Math.min(needLeft[i], avail), target - taken);
            remain[slot] = r - t;
            needLeft[i] -= t;
            taken += t;
            cost += t * costs[k];
        }
        return cost;
    }

    private long boundUns;
    private double fixedOpen;

    private boolean prune(double boundCost) {
        if (boundUns != incUns) {
            return boundUns > incUns;
        }
        return boundCost >= incCost - eps(incCost);
    }

    private boolean better(long uns, double cost) {
        if (uns != incUns) {
            return uns < incUns;
        }
        return cost < incCost - eps(incCost);
    }

    private static double eps(double cost) {
        return Double.isInfinite(cost) ? 0 : 1e-9 * Math.max(1, Math.abs(cost));
    }

    private void accept(int[] set) {
        incUns = evUns;
        incCost = evCost;
        incSet = set;
    }

    private int[] openSet(int size) {
        int[] set = new int[size];
        int k = 0;
        for (int j = 0; j < m && k < size; j++) {
            if (state[j] == IN) {
                set[k++] = j;
            }
        }
        return k == size ? set : Arrays.copyOf(set, k);
    }


    /** Drop and swap moves on the best set found, until none improves it. */
    private void improveLocally() {
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 50) {
            improved = false;
            int[] set = incSet;
            for (int x = 0; x < set.length && !improved; x++) {
                int[] smaller = new int[set.length - 1];
                for (int y = 0, k = 0; y < set.length; y++) {
                    if (y != x) {
                        smaller[k++] = set[y];
                    }
                }
                if (smaller.length > 0 && tryOpenSet(smaller)) {
                    improved = true;
                }
            }
            for (int x = 0; x < set.length && !improved; x++) {
                for (int k = 0; k < m && !improved; k++) {
                    if (contains(set, k)) {
                        continue;
                    }
                    int[] swapped = set.clone();
                    swapped[x] = k;
                    Arrays.sort(swapped);
                    improved = tryOpenSet(swapped);
                }
            }
            if (!improved && set.length < maxOpen) {
                for (int k = 0; k < m && !improved; k++) {
                    if (!contains(set, k)) {
                        int[] larger = Arrays.copyOf(set, set.length + 1);
                        larger[set.length] = k;
                        Arrays.sort(larger);
                        improved = tryOpenSet(larger);
                    }
                }
            }
        }
    }

    private static boolean contains(int[] set, int j) {
        for (int s : set) {
            if (s == j) {
                return true;
            }
        }
        return false;
    }

    private boolean tryOpenSet(int[] set) {
        Arrays.fill(state, UNDECIDED);
        for (int j : set) {
            state[j] = IN;
        }
        evaluateOpen();
        Arrays.fill(state, UNDECIDED);
        if (better(evUns, evCost)) {
            accept(set);
            return true;
        }
        return false;
    }

    /** Re-evaluates the best set found, recording its assignment. */
    private void record() {
        if (incSet.length == 1) {
            recording = true;
            evaluateAlone(incSet[0]);
            recording = false;
            return;
        }
        if (settledByCoverage) {
            recording = true;
            evaluateSet(incSet, incSet.length);
            recording = false;
            return;
        }
        Arrays.fill(state, UNDECIDED);
        for (int j : incSet) {
            state[j] = IN;
        }
        recording = true;
        evaluateOpen();
        recording = false;
    }

    private boolean recording;

    // ---- evaluations ----

    /** Evaluates the open set {@code state == IN}: sets {@link #evUns} and {@link #evCost}. */
    private void evaluateOpen() {
        System.arraycopy(stock, 0, remain, 0, remain.length);
        int s = ++stamp;
        evUsed = 0;
        double cost = 0;
        long uns = 0;
        for (int g = 0; g < groups; g++) {
            // every open location's shipment is paid for in the open-set semantics the bounds rely on, so a
            // group takes the cheapest units among them; a set whose locations end unused is also evaluated alone
            int best = -1;
            double bestVar = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (state[j] != IN || !groupFits[g * m + j]) {
                    continue;
                }
                double var = groupCost(g, j);
                if (var >= 0 && var < bestVar) {
                    bestVar = var;
                    best = j;
                }
            }
            if (best < 0) {
                for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                    int i = gItems[a];
                    uns += qty[i];
                    if (recording) {
                        unsourced[i] = qty[i];
                    }
                }
                continue;
            }
            takeGroup(g, best);
            cost += bestVar;
            cost += firstUse(best, s);
        }
        for (int u = 0; u < ungrouped.length; u++) {
            int i = ungrouped[u];
            int need = qty[i];
            int slotBase = slotOf[i] * m;
            int itemBase = i * m;
            for (int k = segStart[i], end = segStart[i + 1]; k < end && need > 0; k++) {
                int j = segJ[k];
                if (state[j] != IN) {
                    continue;
                }
                int t = takeSegment(slotBase, itemBase, j, segTail[k], need);
                if (t == 0) {
                    continue;
                }
                need -= t;
                cost += t * segCost[k];
                cost += firstUse(j, s);
            }
            uns += need;
            if (recording) {
                unsourced[i] = need;
            }
        }
        if (evUsed > 1) {
            cost += penalty * (evUsed - 1);
        }
        evUns = uns;
        evCost = cost;
    }

    /**
     * Takes up to {@code need} units from the segment at location {@code j} of the item whose rows start at
     * {@code itemBase} (its last units when {@code last}, else only what lies above their protection) out of
     * {@link #remain}, recording them when {@link #recording}; returns the units taken.
     */
    private int takeSegment(int slotBase, int itemBase, int j, boolean last, int need) {
        int r = remain[slotBase + j];
        int avail = last ? r : r - protect[itemBase + j];
        if (avail <= 0) {
            return 0;
        }
        int t = Math.min(need, avail);
        remain[slotBase + j] = r - t;
        if (recording) {
            take[itemBase + j] += t;
            if (last) {
                tailTake[itemBase + j] += t;
            }
        }
        return t;
    }

    /**
     * The fixed cost of shipping from {@code j} when evaluation {@code s} uses it for the first time (counting it in
     * {@link #evUsed}), else 0: adding 0 leaves a sum bit for bit as it was.
     */
    private double firstUse(int j, int s) {
        if (usedStamp[j] == s) {
            return 0;
        }
        usedStamp[j] = s;
        evUsed++;
        return fixed[j];
    }

    /** The variable cost of the whole group at j against {@link #remain}, or -1 when it does not fit. */
    private double groupCost(int g, int j) {
        double var = 0;
        int a = gStart[g];
        int end = gStart[g + 1];
        boolean fits = true;
        int done = a;
        for (; done < end; done++) {
            int i = gItems[done];
            int slot = slotOf[i] * m + j;
            int r = remain[slot];
            int q = qty[i];
            if (r < q) {
                fits = false;
                break;
            }
            int k = i * m + j;
            int free = Math.max(0, r - protect[k]);
            int last = Math.max(0, q - free);
            var += q * unit[k] + last * tail[k];
            remain[slot] = r - q;
        }
        for (int b = a; b < done; b++) {
            int i = gItems[b];
            remain[slotOf[i] * m + j] += qty[i];
        }
        return fits ? var : -1;
    }

    private void takeGroup(int g, int j) {
        for (int a = gStart[g]; a < gStart[g + 1]; a++) {
            int i = gItems[a];
            int slot = slotOf[i] * m + j;
            int r = remain[slot];
            int k = i * m + j;
            int free = Math.max(0, r - protect[k]);
            remain[slot] = r - qty[i];
            if (recording) {
                take[k] += qty[i];
                tailTake[k] += Math.max(0, qty[i] - free);
                unsourced[i] = 0;
            }
        }
    }

    /** Evaluates location j alone, directly (no walk over other locations). */
    private void evaluateAlone(int j) {
        for (int s = 0; s < single.length; s++) {
            single[s] = stock[s * m + j];
        }
        double cost = 0;
        long uns = 0;
        boolean usedAny = false;
        for (int g = 0; g < groups; g++) {
            boolean fits = groupFits[g * m + j];
            double var = 0;
            int a = gStart[g];
            int done = a;
            for (; fits && done < gStart[g + 1]; done++) {
                int i = gItems[done];
                int r = single[slotOf[i]];
                if (r < qty[i]) {
                    fits = false;
                    break;
                }
                int k = i * m + j;
                var += qty[i] * unit[k] + Math.max(0, qty[i] - Math.max(0, r - protect[k])) * tail[k];
                single[slotOf[i]] = r - qty[i];
            }
            if (fits) {
                cost += var;
                usedAny = true;
                if (recording) {
                    recordGroupAlone(g, j);
                }
            } else {
                for (int b = a; b < done; b++) {
                    single[slotOf[gItems[b]]] += qty[gItems[b]];
                }
                for (int b = a; b < gStart[g + 1]; b++) {
                    uns += qty[gItems[b]];
                    if (recording) {
                        unsourced[gItems[b]] = qty[gItems[b]];
                    }
                }
            }
        }
        for (int u = 0; u < ungrouped.length; u++) {
            int i = ungrouped[u];
            int k = i * m + j;
            if (!p.allowed[k]) {
                uns += qty[i];
                if (recording) {
                    unsourced[i] = qty[i];
                }
                continue;
            }
            int r = single[slotOf[i]];
            int t = Math.min(qty[i], r);
            if (t > 0) {
                int free = Math.max(0, r - protect[k]);
                int last = Math.max(0, t - free);
                cost += t * unit[k] + last * tail[k];
                single[slotOf[i]] = r - t;
                usedAny = true;
                if (recording) {
                    take[k] = t;
                    tailTake[k] = last;
                }
            }
            uns += qty[i] - t;
            if (recording) {
                unsourced[i] = qty[i] - t;
            }
        }
        if (usedAny) {
            cost += fixed[j];
        }
        evUns = uns;
        evCost = cost;
    }

    /** Records group g taken whole at j alone, replaying the units its items took there from the stock. */
    private void recordGroupAlone(int g, int j) {
        for (int b = gStart[g]; b < gStart[g + 1]; b++) {
            int i = gItems[b];
            int k = i * m + j;
            int before = single[slotOf[i]];
            for (int c = b + 1; c < gStart[g + 1]; c++) {
                if (slotOf[gItems[c]] == slotOf[i]) {
                    before += qty[gItems[c]];
                }
            }
            before += qty[i];
            take[k] = qty[i];
            tailTake[k] = Math.max(0, qty[i] - Math.max(0, before - protect[k]));
            unsourced[i] = 0;
        }
    }

    /**
     * The relaxation over every location not excluded: groups may split, no per-shipment costs (plain) or
     * per-shipment costs spread over units (spread). Marks the locations it used; returns the unsourced units and
     * sets {@link #relaxPlain} or {@link #relaxAug}.
     */
    private long relax(boolean spread, boolean[] used) {
        System.arraycopy(stock, 0, remain, 0, remain.length);
        Arrays.fill(used, false);
        int[] js = spread ? augJ : segJ;
        boolean[] tails = spread ? augTail : segTail;
        double[] costs = spread ? augCost : segCost;
        double cost = 0;
        long uns = 0;
        for (int i = 0; i < n; i++) {
            int need = qty[i];
            int slotBase = slotOf[i] * m;
            int itemBase = i * m;
            for (int k = segStart[i], end = segStart[i + 1]; k < end && need > 0; k++) {
                int j = js[k];
                if (state[j] == OUT) {
                    continue;
                }
                int r = remain[slotBase + j];
                int avail = tails[k] ? r : r - protect[itemBase + j];
                if (avail <= 0) {
                    continue;
                }
                int t = Math.min(need, avail);
                remain[slotBase + j] = r - t;
                need -= t;
                cost += t * costs[k];
                used[j] = true;
            }
            uns += need;
        }
        if (spread) {
            relaxAug = cost;
        } else {
            relaxPlain = cost;
        }
        return uns;
    }

    /** Units the opened locations could cover in the relaxation (groups may split), per item in {@link #covered}. */
    private long coverageOfOpen() {
        System.arraycopy(stock, 0, remain, 0, remain.length);
        long total = 0;
        for (int i = 0; i < n; i++) {
            covered[i] = 0;
            int need = qty[i];
            int slotBase = slotOf[i] * m;
            for (int k = segStart[i], end = segStart[i + 1]; k < end && need > 0; k++) {
                int j = segJ[k];
                if (state[j] != IN) {
                    continue;
                }
                int r = remain[slotBase + j];
                if (r <= 0) {
                    continue;
                }
                int t = Math.min(need, r);
                remain[slotBase + j] = r - t;
                need -= t;
                covered[i] += t;
                total += t;
            }
        }
        return total;
    }

    /** Whether the plan was settled by pricing the sets of locations sourcing every unit ({@link #solvedByCoverage}). */
    boolean settledByCoverage() {
        return settledByCoverage;
    }

    /** Whether the covering sets were priced cheapest bound first, without the search order (no near tie). */
    boolean settledBestFirst() {
        return settledBestFirst;
    }

    /** Nodes visited by the branch and bound. */
    long nodes() {
        return nodes;
    }

    /** The cost of the chosen plan as the optimiser computed it. */
    double cost() {
        return incCost;
    }
}
