package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Step 2 of {@link WavePlanner#together}: plans a wave most constrained order first, each order choosing its
 * locations under shadow prices that say what the orders not planned yet would lose.
 *
 * <p>An order's <em>complete options</em> are the locations its rules allow that hold all its entitled units in the
 * snapshot. Each order spreads its demand evenly over its options: the <em>pressure</em> on a position (a SKU at a
 * location) is the sum, over the orders not planned yet for which that location is still a complete option, of
 * their demand of the SKU divided by their number of options. Taking q units where r are left and the pressure is P
 * leaves {@code max(0, P - (r - q)) - max(0, P - r)} more units of demand short; each such unit costs
 * {@link #SPLIT_COST} (an extra shipment's cost and penalty, roughly), spread over the q units. Orders are planned
 * in turn, always the one with the fewest complete options still feasible (ties in fair rank); orders that never
 * had one, and orders with more than {@link #FLEXIBLE} options, come after the constrained ones.
 *
 * <p>Units of a <em>scarce</em> SKU (one some order could not be given in full when the wave was served first come,
 * first served) must stay enough for the entitlements of the orders still to plan. For a SKU held at up to
 * {@link #HALL_LOCATIONS} locations this is checked exactly, by Hall's condition over every set of its locations
 * (see {@link #hallAvailable}); for other scarce SKUs the units first come, first served gave each order are held
 * for it until it is planned: an order may take only the units no order still to plan holds, besides its own.
 * Other SKUs had enough for every order; should an order still fall short of its entitlement, the wave is planned
 * again, with the orders that fell short moved to the front, up to {@link #ATTEMPTS} times; if some order still
 * falls short, the construction gives up (returns null).
 */
final class WaveConstruction {

    static final double SPLIT_COST = 8.0;
    static final int FLEXIBLE = 16;
    static final int ATTEMPTS = 3;
    static final int HALL_LOCATIONS = 8;

    private static final int FORCED = 0;
    private static final int LOST_ALL = 1;
    private static final int CONSTRAINED = 2;
    private static final int NO_OPTION = 3;
    private static final int OPEN = 4;

    private final WavePlanner wave;
    private final List<SourcingRequest> requests;
    private final List<List<SourcingItem>> entitled;
    private final StockSnapshot snapshot;
    private final Instant now;
    private final int n;
    private final int[] rank;

    // per order: distinct SKUs, demand of each, entitled units, complete options (dense indexes, ascending)
    private final Sku[][] skus;
    private final int[][] demand;
    private final int[] units;
    private final int[][] options;
    // per order: the units of scarce SKUs its first come, first served plan took, by SKU, location and quantity
    private final List<List<Reservation>> reservations = new ArrayList<>();

    private record Reservation(Sku sku, int location, int quantity) {
    }

    // scarce SKUs held at few locations, kept feasible by Hall's condition instead of by holding units
    private final Set<Sku> hall = new HashSet<>();
    // per order and SKU: the base locations of the SKU its rules allow, as a bit set (hall SKUs only)
    private final int[][] eligible;
    private final ResidualStock rows;
    // per SKU: for each base location index, the orders having it as a complete option
    private final Map<Sku, int[][]> holders = new HashMap<>();

    // one attempt's state
    private ResidualStock residual;
    private Map<Sku, int[]> reserved;
    private Map<Sku, long[]> hallDemand;
    private StockSnapshot available;
    private Map<Sku, double[]> pressure;
    private BitSet[] feasible;
    private int[] count;
    private boolean[] planned;
    private long[] key;
    private PriorityQueue<long[]> queue;
    private int current;

    WaveConstruction(WavePlanner wave, List<SourcingRequest> requests, List<List<SourcingItem>> entitled, int[] fair,
                     SourcingPlan[] baseline, StockSnapshot snapshot, Instant now) {
        this.wave = wave;
        this.requests = requests;
        this.entitled = entitled;
        this.snapshot = snapshot;
        this.now = now;
        this.n = requests.size();
        this.rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[fair[r]] = r;
        }
        this.skus = new Sku[n][];
        this.demand = new int[n][];
        this.units = new int[n];
        this.options = new int[n][];
        Set<Sku> scarce = new HashSet<>();
        for (SourcingPlan p : baseline) {
            for (Unsourced u : p.unsourced()) {
                scarce.add(u.sku());
            }
        }
        this.rows = new ResidualStock(snapshot, wave.network());
        for (Sku s : scarce) {
            if (snapshot.stock(s).size() <= HALL_LOCATIONS) {
                hall.add(s);
            }
        }
        this.eligible = new int[n][];
        for (int o = 0; o < n; o++) {
            describe(o);
            List<Reservation> mine = new ArrayList<>();
            for (PlannedFulfilment f : baseline[o].fulfilments()) {
                int location = wave.network().indexOf(f.location());
                for (PlannedLine l : f.lines()) {
                    if (scarce.contains(l.sku()) && !hall.contains(l.sku())) {
                        mine.add(new Reservation(l.sku(), location, l.quantity()));
                    }
                }
            }
            reservations.add(mine);
        }
        indexHolders();
    }

    /** Distinct SKUs, demand and complete options of order {@code o}, from its problem against the snapshot. */
    private void describe(int o) {
        List<SourcingItem> items = entitled.get(o);
        if (items.isEmpty()) {
            skus[o] = new Sku[0];
            demand[o] = new int[0];
            options[o] = new int[0];
            eligible[o] = new int[0];
            return;
        }
        Problem p = wave.compile(requests.get(o), items, snapshot, now);
        Sku[] s = new Sku[p.slots];
        int[] d = new int[p.slots];
        for (int i = 0; i < p.n; i++) {
            s[p.slotOf[i]] = items.get(i).sku();
            d[p.slotOf[i]] += p.qty[i];
            units[o] += p.qty[i];
        }
        int[] opts = new int[p.m];
        int c = 0;
        for (int j = 0; j < p.m; j++) {
            boolean all = true;
            for (int i = 0; i < p.n && all; i++) {
                all = p.allowed[i * p.m + j];
            }
            for (int x = 0; x < p.slots && all; x++) {
                all = p.stock[x * p.m + j] >= d[x];
            }
            if (all) {
                opts[c++] = p.loc[j];
            }
        }
        skus[o] = s;
        demand[o] = d;
        options[o] = Arrays.copyOf(opts, c);
        eligible[o] = new int[p.slots];
        for (int x = 0; x < p.slots; x++) {
            if (!hall.contains(s[x])) {
                continue;
            }
            ResidualStock.Row row = rows.row(s[x]);
            for (int j = 0; j < p.m; j++) {
                boolean all = true;
                for (int i = 0; i < p.n && all; i++) {
                    all = p.slotOf[i] != x || p.allowed[i * p.m + j];
                }
                int k = row.indexOf(p.loc[j]);
                if (all && k >= 0) {
                    eligible[o][x] |= 1 << k;
                }
            }
        }
    }

    private void indexHolders() {
        Map<Sku, int[]> sizes = new HashMap<>();
        ResidualStock base = new ResidualStock(snapshot, wave.network());
        for (int pass = 0; pass < 2; pass++) {
            for (int o = 0; o < n; o++) {
                for (Sku s : skus[o]) {
                    ResidualStock.Row row = base.row(s);
                    int[] size = sizes.computeIfAbsent(s, x -> new int[row.units.length]);
                    int[][] lists = pass == 0 ? null : holders.get(s);
                    for (int l : options[o]) {
                        int k = row.indexOf(l);
                        if (pass == 0) {
                            size[k]++;
                        } else {
                            lists[k][--size[k]] = o;
                        }
                    }
                }
            }
            if (pass == 0) {
                sizes.forEach((s, size) -> {
                    int[][] lists = new int[size.length][];
                    for (int k = 0; k < size.length; k++) {
                        lists[k] = new int[size[k]];
                    }
                    holders.put(s, lists);
                });
            }
        }
    }

    /** The complete options of order o: dense indexes, ascending. */
    int[] options(int o) {
        return options[o];
    }

    /** The distinct SKUs of order o's entitled items. */
    Sku[] skus(int o) {
        return skus[o];
    }

    /** The entitled units of each of {@link #skus}. */
    int[] demand(int o) {
        return demand[o];
    }

    /** The fair rank of order o (0 first). */
    int rank(int o) {
        return rank[o];
    }

    /** The wave's plans (null for orders entitled to nothing), or null when some order kept falling short. */
    SourcingPlan[] build() {
        BitSet forced = new BitSet(n);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SourcingPlan[] plans = new SourcingPlan[n];
            BitSet shortOnes = attempt(forced, plans);
            if (shortOnes.isEmpty()) {
                return plans;
            }
            forced.or(shortOnes);
        }
        return null;
    }

    private BitSet attempt(BitSet forced, SourcingPlan[] plans) {
        residual = new ResidualStock(snapshot, wave.network());
        reserved = new HashMap<>();
        hallDemand = new HashMap<>();
        for (int o = 0; o < n; o++) {
            reserve(o, 1);
        }
        available = this::available;
        pressure = new HashMap<>();
        feasible = new BitSet[n];
        count = new int[n];
        planned = new boolean[n];
        key = new long[n];
        queue = new PriorityQueue<>(Math.max(1, n), (a, b) -> Long.compare(a[0], b[0]));
        for (int o = 0; o < n; o++) {
            int c = options[o].length;
            feasible[o] = new BitSet(c);
            feasible[o].set(0, c);
            count[o] = c;
            for (int x = 0; x < c; x++) {
                press(o, options[o][x], 1);
            }
        }
        for (int o = 0; o < n; o++) {
            if (skus[o].length > 0) {
                push(o, forced.get(o));
            }
        }
        BitSet shortOnes = new BitSet(n);
        ResidualStock.Listener listener = this::reduced;
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int o = (int) top[1];
            if (planned[o] || top[0] != key[o]) {
                continue;
            }
            planned[o] = true;
            reserve(o, -1);
            for (int x = feasible[o].nextSetBit(0); x >= 0; x = feasible[o].nextSetBit(x + 1)) {
                press(o, options[o][x], -1);
            }
            SourcingPlan plan = choose(o);
            if (plan.plannedUnits() < units[o]) {
                shortOnes.set(o);
            }
            residual.take(plan, listener);
            plans[o] = plan;
        }
        return shortOnes;
    }

    /**
     * Holds ({@code sign} 1) or releases (-1) the scarce units order o's first come, first served plan took, and
     * counts (or stops counting) its demand of hall SKUs.
     */
    private void reserve(int o, int sign) {
        for (int x = 0; x < skus[o].length; x++) {
            if (hall.contains(skus[o][x])) {
                int size = 1 << residual.row(skus[o][x]).units.length;
                hallDemand.computeIfAbsent(skus[o][x], k -> new long[size])[eligible[o][x]] += sign * demand[o][x];
            }
        }
        for (Reservation r : reservations.get(o)) {
            ResidualStock.Row row = residual.row(r.sku());
            reserved.computeIfAbsent(r.sku(), x -> new int[row.units.length])[row.indexOf(r.location())]
                    += sign * r.quantity();
        }
    }

    /** What the order being planned may take of {@code sku}: the residual less what orders not planned yet hold. */
    private SkuStock available(Sku sku) {
        long[] wanted = hallDemand.get(sku);
        if (wanted != null) {
            return hallAvailable(residual.row(sku), wanted);
        }
        int[] held = reserved.get(sku);
        if (held == null) {
            return residual.stock(sku);
        }
        ResidualStock.Row row = residual.row(sku);
        int[] locations = new int[held.length];
        int[] units = new int[held.length];
        for (int k = 0; k < held.length; k++) {
            locations[k] = row.base.location(k);
            units[k] = Math.max(0, row.units[k] - held[k]);
        }
        return ResidualStock.limited(SkuStock.of(locations, units), row.networkLimit());
    }

    /**
     * What may be taken at each location without breaking Hall's condition for the orders not planned yet: for every
     * set T of the SKU's locations, the units at T must cover the demand of the orders that may only use locations in
     * T. The most one location can give is the least slack of the sets containing it.
     */
    private static SkuStock hallAvailable(ResidualStock.Row row, long[] wanted) {
        int count = row.units.length;
        int size = 1 << count;
        long[] slack = wanted.clone();
        for (int b = 0; b < count; b++) {
            for (int t = 0; t < size; t++) {
                if ((t & (1 << b)) != 0) {
                    slack[t] += slack[t ^ (1 << b)];
                }
            }
        }
        long[] supply = new long[size];
        for (int t = 1; t < size; t++) {
            int low = Integer.numberOfTrailingZeros(t);
            supply[t] = supply[t & (t - 1)] + row.units[low];
            slack[t] = supply[t] - slack[t];
        }
        int[] locations = new int[count];
        int[] units = new int[count];
        for (int k = 0; k < count; k++) {
            locations[k] = row.base.location(k);
            long cap = row.units[k];
            for (int t = 1; t < size; t++) {
                if ((t & (1 << k)) != 0 && slack[t] < cap) {
                    cap = slack[t];
                }
            }
            units[k] = (int) Math.max(0, cap);
        }
        return ResidualStock.limited(SkuStock.of(locations, units), row.networkLimit());
    }

    private int availableAt(ResidualStock.Row row, int[] held, int k) {
        return held == null ? row.units[k] : Math.max(0, row.units[k] - held[k]);
    }

    private void push(int o, boolean forced) {
        int c = count[o];
        int cls;
        if (forced) {
            cls = FORCED;
        } else if (options[o].length == 0) {
            cls = NO_OPTION;
        } else if (c == 0) {
            cls = LOST_ALL;
        } else if (c <= FLEXIBLE) {
            cls = CONSTRAINED;
        } else {
            cls = OPEN;
        }
        long k = ((long) cls << 56) | ((long) (cls == CONSTRAINED ? c : 0) << 32) | rank[o];
        key[o] = k;
        queue.add(new long[] {k, o});
    }

    /** Adds ({@code sign} 1) or removes (-1) order o's share of demand at location l. */
    private void press(int o, int l, int sign) {
        double w = sign / (double) options[o].length;
        for (int s = 0; s < skus[o].length; s++) {
            ResidualStock.Row row = residual.row(skus[o][s]);
            double[] p = pressure.computeIfAbsent(skus[o][s], x -> new double[row.units.length]);
            p[row.indexOf(l)] += w * demand[o][s];
        }
    }

    /** Units of {@code sku} fell at base index k: the orders whose complete option it was may have lost it. */
    private void reduced(Sku sku, ResidualStock.Row row, int k) {
        int[][] lists = holders.get(sku);
        if (lists == null) {
            return;
        }
        int left = row.units[k];
        int location = row.base.location(k);
        for (int o : lists[k]) {
            if (planned[o]) {
                continue;
            }
            int x = Arrays.binarySearch(options[o], location);
            if (!feasible[o].get(x) || left >= demandOf(o, sku)) {
                continue;
            }
            feasible[o].clear(x);
            count[o]--;
            press(o, location, -1);
            if (key[o] >>> 56 != FORCED) {
                push(o, false);
            }
        }
    }

    private int demandOf(int o, Sku sku) {
        Sku[] s = skus[o];
        for (int x = 0; x < s.length; x++) {
            if (s[x].equals(sku)) {
                return demand[o][x];
            }
        }
        return 0;
    }

    /** The plan of order o: locations chosen under shadow prices, then planned there under its own rules. */
    private SourcingPlan choose(int o) {
        SourcingRequest request = requests.get(o);
        List<SourcingItem> items = entitled.get(o);
        RuleSet own = wave.ruleSetFor(request);
        current = o;
        if (!anyPrice(o)) {
            return wave.plan(request, items, own, available, now);
        }
        SourcingPlan chosen = WaveRules.withPrices(this::price,
                () -> wave.plan(request, items, wave.pricedRuleSet(own), available, now));
        List<PlannedFulfilment> fulfilments = chosen.fulfilments();
        int[] locations = new int[fulfilments.size()];
        for (int f = 0; f < locations.length; f++) {
            locations[f] = wave.network().indexOf(fulfilments.get(f).location());
        }
        Arrays.sort(locations);
        SourcingPlan there = wave.plan(request, items, own, ResidualStock.only(available, locations), now);
        if (there.plannedUnits() >= units[o]) {
            return there;
        }
        // beyond the optimiser's exact range the prices can steer its search away from a plan with every unit
        SourcingPlan anywhere = wave.plan(request, items, own, available, now);
        return anywhere.plannedUnits() > there.plannedUnits() ? anywhere : there;
    }

    private boolean anyPrice(int o) {
        for (int s = 0; s < skus[o].length; s++) {
            double[] p = pressure.get(skus[o][s]);
            if (p == null) {
                continue;
            }
            ResidualStock.Row row = residual.row(skus[o][s]);
            int[] held = reserved.get(skus[o][s]);
            int q = demand[o][s];
            for (int k = 0; k < p.length; k++) {
                if (harm(p[k], availableAt(row, held, k), q) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The shadow price of one unit of {@code sku} at {@code location} for the order being planned. */
    private double price(Sku sku, int location) {
        double[] p = pressure.get(sku);
        if (p == null) {
            return 0;
        }
        ResidualStock.Row row = residual.row(sku);
        int k = row.indexOf(location);
        if (k < 0) {
            return 0;
        }
        int q = demandOf(current, sku);
        return q == 0 ? 0 : SPLIT_COST * harm(p[k], availableAt(row, reserved.get(sku), k), q) / q;
    }

    /** Demand left short by taking q of r units under pressure p. */
    private static double harm(double p, int r, int q) {
        double h = Math.max(0, p - (r - q)) - Math.max(0, p - r);
        return h > 1e-9 ? h : 0;
    }
}
