package io.omskit.benchmarks.paper;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.lookahead.DemandForecast;
import io.omskit.orchestration.lookahead.LookAhead;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.UnsourcedPolicy;
import io.omskit.orchestration.rules.LaneCost;
import io.omskit.orchestration.rules.LaneTable;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The multi-item fulfilment benchmark of the literature (Jasin and Sinha 2015; W. Ma, "Order-optimal correlated
 * rounding for fulfilling multi-item e-commerce orders", M&amp;SOM 2023, arXiv 2207.04774), rebuilt on the network
 * and cost model published with it (resources {@code paper/}): per shipment $8.759, per unit $0.423 + $0.000541 per
 * mile, an item left unfilled twice the shipment and twice the unit cost at the largest distance. It prints, per
 * instance and arrival sequence, each policy's cost divided by the LP bound of the demand that arrived.
 *
 * <p>Policies: <b>myopic</b> (each item from the nearest location that has it), <b>per-order</b> (the engine's exact
 * optimum of each order, unsourced units priced), <b>batch</b> (waves of orders planned together by
 * {@link SourcingEngine#planBatch}), and <b>look-ahead</b> (the engine guided by {@link LookAhead} targets from the
 * LP over the expected rest of the demand, refreshed {@code -Drefreshes} times over the horizon, 40 by default: the
 * order-based LP's patterns, or with {@code -Dmode=lanes} the fluid LP's lane targets). Beside the bound it prints the
 * order-based LP over the demand that arrived ("order-LP"): the part of the gap to the bound no policy can close.
 *
 * <p>The demand model is this benchmark's own reconstruction (the paper's generator is not part of the shared data):
 * per instance, every location stocks each of the 20 items with probability 1/2 (at least one); a menu of 30 baskets
 * of 1 to 4 items (probabilities 0.4, 0.3, 0.2, 0.1; items drawn by Zipf-like popularity) with random weights; each
 * order goes to a city drawn by population and takes a basket from the menu; each item's stock is its expected demand
 * over the horizon, spread over the locations stocking it by random weights. Instances and arrival sequences are
 * seeded, so runs repeat exactly.
 *
 * <p>Run: {@code mvn -B -q -pl oms-benchmarks -am package -DskipTests && java -cp oms-benchmarks/target/benchmarks.jar
 * io.omskit.benchmarks.paper.PaperBenchmark [warmup|full] [orders] [instances] [sequences]} (defaults: warmup 10000 5 5).
 */
public final class PaperBenchmark {

    static final double PER_SHIPMENT = 8.759;
    static final double PER_UNIT = 0.423;
    static final double PER_MILE = 0.000541;
    static final int ITEMS = 20;
    static final int MENU = 30;
    static final int REFRESHES = Integer.getInteger("refreshes", 40);
    static final int WAVE = 20;
    static final LookAhead.Mode MODE = "lanes".equals(System.getProperty("mode"))
            ? LookAhead.Mode.LANE_TARGETS : LookAhead.Mode.ORDER_PATTERNS;
    private static final double EARTH_MILES = 3958.8;

    record Site(String name, double lat, double lon, double population) {
    }

    /** One instance: the network, the stock, the basket menu, and the cost of every lane. */
    static final class Instance {
        final List<Site> fcs;
        final List<Site> cities;
        final int[][] stock; // [item][fc]
        final int[][] menu; // basket -> items
        final double[] menuWeight;
        final double[] cityWeight;
        final double[][] miles; // [fc][city]
        final double unsourced;
        final Network network;
        final LaneTable lanes;
        final Sku[] skus = new Sku[ITEMS];

        Instance(List<Site> fcs, List<Site> cities, long seed, int orders) {
            this.fcs = fcs;
            this.cities = cities;
            SplittableRandom r = new SplittableRandom(seed);
            int f = fcs.size();
            boolean[][] stocks = new boolean[ITEMS][f];
            for (int i = 0; i < ITEMS; i++) {
                skus[i] = Sku.of("ITEM-" + i);
                boolean any = false;
                for (int k = 0; k < f; k++) {
                    stocks[i][k] = r.nextBoolean();
                    any |= stocks[i][k];
                }
                if (!any) {
                    stocks[i][r.nextInt(f)] = true;
                }
            }
            double[] popularity = new double[ITEMS];
            int[] perm = permutation(r, ITEMS);
            for (int i = 0; i < ITEMS; i++) {
                popularity[perm[i]] = 1 / Math.sqrt(i + 1.0);
            }
            menu = new int[MENU][];
            menuWeight = new double[MENU];
            double total = 0;
            for (int m = 0; m < MENU; m++) {
                double u = r.nextDouble();
                int size = u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
                menu[m] = drawDistinct(r, popularity, size);
                menuWeight[m] = 0.5 + r.nextDouble();
                total += menuWeight[m];
            }
            for (int m = 0; m < MENU; m++) {
                menuWeight[m] /= total;
            }
            cityWeight = new double[cities.size()];
            double pop = cities.stream().mapToDouble(Site::population).sum();
            for (int c = 0; c < cities.size(); c++) {
                cityWeight[c] = cities.get(c).population() / pop;
            }
            stock = new int[ITEMS][f];
            for (int i = 0; i < ITEMS; i++) {
                double expected = 0;
                for (int m = 0; m < MENU; m++) {
                    for (int x : menu[m]) {
                        expected += x == i ? menuWeight[m] * orders : 0;
                    }
                }
                double[] w = new double[f];
                double sum = 0;
                for (int k = 0; k < f; k++) {
                    w[k] = stocks[i][k] ? 0.5 + r.nextDouble() : 0;
                    sum += w[k];
                }
                for (int k = 0; k < f; k++) {
                    stock[i][k] = (int) Math.round(expected * w[k] / sum);
                }
            }
            miles = new double[f][cities.size()];
            double longest = 0;
            List<Location> locations = new ArrayList<>();
            LaneTable.Builder lanes = LaneTable.builder();
            ShippingRate rate = ShippingRate.of(PER_SHIPMENT, PER_UNIT, PER_MILE);
            for (int k = 0; k < f; k++) {
                Site fc = fcs.get(k);
                locations.add(Location.builder(LocationId.of(fc.name()), LocationType.WAREHOUSE,
                        GeoPoint.of(fc.lat(), fc.lon())).build());
                for (int c = 0; c < cities.size(); c++) {
                    miles[k][c] = haversineMiles(fc, cities.get(c));
                    longest = Math.max(longest, miles[k][c]);
                    lanes.distance(LocationId.of(fc.name()), cities.get(c).name(), miles[k][c], rate);
                }
            }
            this.network = Network.of(locations);
            this.lanes = lanes.build();
            this.unsourced = 2 * PER_SHIPMENT + 2 * (PER_UNIT + PER_MILE * longest);
        }

        double unitCost(int fc, int city) {
            return PER_UNIT + PER_MILE * miles[fc][city];
        }

        /** {@code orders} arrivals: city and basket of each. */
        int[][] arrivals(long seed, int orders) {
            SplittableRandom r = new SplittableRandom(seed);
            int[][] out = new int[orders][];
            for (int t = 0; t < orders; t++) {
                out[t] = new int[] {draw(r, cityWeight), draw(r, menuWeight)};
            }
            return out;
        }

        /** The forecast of {@code orders} orders drawn as arrivals are, or of the counts that arrived. */
        DemandForecast forecast(double orders, int[][] arrived) {
            DemandForecast.Builder b = DemandForecast.builder();
            if (arrived == null) {
                for (int c = 0; c < cities.size(); c++) {
                    for (int m = 0; m < MENU; m++) {
                        b.orders(cities.get(c).name(), basket(m), orders * cityWeight[c] * menuWeight[m]);
                    }
                }
            } else {
                for (int[] a : arrived) {
                    b.orders(cities.get(a[0]).name(), basket(a[1]), 1);
                }
            }
            return b.build();
        }

        List<Sku> basket(int m) {
            List<Sku> out = new ArrayList<>();
            for (int i : menu[m]) {
                out.add(skus[i]);
            }
            return out;
        }

        StockSnapshot snapshot(int[][] units) {
            StockSnapshot.Builder b = StockSnapshot.builder(network);
            for (int i = 0; i < ITEMS; i++) {
                for (int k = 0; k < fcs.size(); k++) {
                    if (units[i][k] > 0) {
                        b.add(skus[i], LocationId.of(fcs.get(k).name()), units[i][k]);
                    }
                }
            }
            return b.build();
        }

        Demand demand(int t, int[] arrival) {
            Site city = cities.get(arrival[0]);
            Address address = new Address("customer", "1 Main Street", null, city.name(), "00000", "US",
                    GeoPoint.of(city.lat(), city.lon()));
            List<DemandLine> lines = new ArrayList<>();
            for (int i : menu[arrival[1]]) {
                lines.add(new DemandLine(LineId.of("L" + i), skus[i], 1, null, null));
            }
            return new Demand(OrderId.of("o" + t), 1, START.plusSeconds(t), Channel.WEB,
                    DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address, null), lines);
        }

        int[][] copyStock() {
            int[][] out = new int[ITEMS][];
            for (int i = 0; i < ITEMS; i++) {
                out[i] = stock[i].clone();
            }
            return out;
        }

        int fcIndex(LocationId id) {
            for (int k = 0; k < fcs.size(); k++) {
                if (fcs.get(k).name().equals(id.value())) {
                    return k;
                }
            }
            throw new IllegalStateException("unknown location " + id);
        }

        int itemIndex(Sku sku) {
            return Integer.parseInt(sku.value().substring("ITEM-".length()));
        }

        /**
         * What the plan costs by the benchmark's cost model, taking its units out of {@code units}; checks that it
         * ships or leaves every unit of the order.
         */
        double apply(SourcingPlan plan, int[] arrival, int[][] units) {
            int city = arrival[0];
            int accounted = 0;
            double cost = 0;
            for (PlannedFulfilment f : plan.fulfilments()) {
                int k = fcIndex(f.location());
                cost += PER_SHIPMENT;
                for (PlannedLine l : f.lines()) {
                    int i = itemIndex(l.sku());
                    if (units[i][k] < l.quantity()) {
                        throw new IllegalStateException("plan takes " + l.quantity() + " of " + l.sku() + " at "
                                + f.location() + ", which holds " + units[i][k]);
                    }
                    units[i][k] -= l.quantity();
                    accounted += l.quantity();
                    cost += l.quantity() * unitCost(k, city);
                }
            }
            for (Unsourced u : plan.unsourced()) {
                cost += u.quantity() * unsourced;
                accounted += u.quantity();
            }
            if (accounted != menu[arrival[1]].length) {
                throw new IllegalStateException("plan accounts for " + accounted + " of the order's "
                        + menu[arrival[1]].length + " units");
            }
            return cost;
        }
    }

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private PaperBenchmark() {
    }

    public static void main(String[] args) {
        String setup = args.length > 0 ? args[0] : "warmup";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int sequences = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean warmup = setup.equals("warmup");
        List<Site> fcs = read(warmup ? "fulfillment_centers_warmup.csv" : "fulfillment_centers.csv", false);
        List<Site> cities = read(warmup ? "cities_warmup.csv" : "cities.csv", true);
        System.out.printf(Locale.ROOT, "%s setup: %d locations x %d cities, %d items, T = %d, %d instances x %d sequences%n",
                setup, fcs.size(), cities.size(), ITEMS, orders, instances, sequences);
        System.out.println("look-ahead mode " + MODE + ", refreshed " + REFRESHES + " times");
        System.out.println("instance seq   LP bound   order-LP     myopic  per-order      batch look-ahead   (cost / LP bound)");
        int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
        List<Long> lookAheadNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> refreshNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        Instance[] built = new Instance[instances + 1];
        List<java.util.concurrent.Callable<double[]>> runs = new ArrayList<>();
        for (int k = 1; k <= instances; k++) {
            built[k] = new Instance(fcs, cities, 1000L * k, orders);
            for (int a = 1; a <= sequences; a++) {
                Instance inst = built[k];
                int[][] arrivals = inst.arrivals(7919L * k + a, orders);
                runs.add(() -> {
                    double bound = bound(inst, arrivals);
                    double orderBound = orderBound(inst, arrivals);
                    double myopic = myopic(inst, arrivals);
                    double perOrder = Boolean.getBoolean("skipPerOrder") ? Double.NaN : perOrder(inst, arrivals);
                    double batch = Boolean.getBoolean("skipBatch") ? Double.NaN : batch(inst, arrivals);
                    double lookAhead = lookAhead(inst, arrivals, orders, lookAheadNanos, refreshNanos);
                    return new double[] {bound, orderBound / bound, myopic / bound, perOrder / bound, batch / bound,
                            lookAhead / bound};
                });
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<double[]> results = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<double[]> f : pool.invokeAll(runs)) {
                results.add(f.get());
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        double[] sums = new double[6];
        boolean lookAheadBeatsEveryRun = true;
        boolean batchBeatsEveryRun = true;
        for (int k = 1, run = 0; k <= instances; k++) {
            double[] instSums = new double[6];
            for (int a = 1; a <= sequences; a++, run++) {
                double[] r = results.get(run);
                System.out.printf(Locale.ROOT, "%8d %3d %10.1f %10.4f %10.4f %10.4f %10.4f %10.4f%n", k, a, r[0], r[1],
                        r[2], r[3], r[4], r[5]);
                lookAheadBeatsEveryRun &= r[5] < r[3];
                batchBeatsEveryRun &= r[4] < r[3];
                for (int p = 1; p < 6; p++) {
                    sums[p] += r[p];
                    instSums[p] += r[p];
                }
            }
            System.out.printf(Locale.ROOT, "%8d avg            %10.4f %10.4f %10.4f %10.4f %10.4f%n", k,
                    instSums[1] / sequences, instSums[2] / sequences, instSums[3] / sequences, instSums[4] / sequences,
                    instSums[5] / sequences);
        }
        int n = results.size();
        System.out.printf(Locale.ROOT, "     all avg            %10.4f %10.4f %10.4f %10.4f %10.4f%n", sums[1] / n,
                sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n);
        System.out.println("look-ahead cheaper than per-order on every run: " + lookAheadBeatsEveryRun);
        System.out.println("batch cheaper than per-order on every run: " + batchBeatsEveryRun);
        long[] ns = lookAheadNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (ns.length > 0) {
            System.out.printf(Locale.ROOT, "look-ahead per order (wall clock on this machine, not a benchmark): p50 %.1f us, "
                    + "p99 %.1f us%n", ns[ns.length / 2] / 1e3, ns[(int) (ns.length * 0.99)] / 1e3);
        }
        long[] rs = refreshNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (rs.length > 0) {
            System.out.printf(Locale.ROOT, "look-ahead refresh (wall clock on this machine): median %.0f ms, max %.0f ms%n",
                    rs[rs.length / 2] / 1e6, rs[rs.length - 1] / 1e6);
        }
    }

    static double bound(Instance inst, int[][] arrivals) {
        LookAhead lp = LookAhead.builder(inst.network, inst.lanes, DestinationRegions.byCity(), unsourcedCost(inst)).build();
        return lp.refresh(inst.forecast(0, arrivals), inst.snapshot(inst.stock)).bound();
    }

    /** The order-based (pattern) LP over the demand that arrived: the part of the gap to the bound no policy closes. */
    static double orderBound(Instance inst, int[][] arrivals) {
        LookAhead lp = LookAhead.builder(inst.network, inst.lanes, DestinationRegions.byCity(), unsourcedCost(inst))
                .mode(LookAhead.Mode.ORDER_PATTERNS).build();
        return lp.refresh(inst.forecast(0, arrivals), inst.snapshot(inst.stock)).bound();
    }

    static UnsourcedCost unsourcedCost(Instance inst) {
        return UnsourcedCost.perUnit(UnsourcedPolicy.LOST_SALE, inst.unsourced);
    }

    static double myopic(Instance inst, int[][] arrivals) {
        int[][] units = inst.copyStock();
        double cost = 0;
        boolean[] used = new boolean[inst.fcs.size()];
        for (int[] a : arrivals) {
            Arrays.fill(used, false);
            for (int i : inst.menu[a[1]]) {
                int best = -1;
                for (int k = 0; k < inst.fcs.size(); k++) {
                    if (units[i][k] > 0 && (best < 0 || inst.miles[k][a[0]] < inst.miles[best][a[0]])) {
                        best = k;
                    }
                }
                if (best < 0) {
                    cost += inst.unsourced;
                    continue;
                }
                units[i][best]--;
                cost += inst.unitCost(best, a[0]);
                if (!used[best]) {
                    used[best] = true;
                    cost += PER_SHIPMENT;
                }
            }
        }
        return cost;
    }

    static RuleSet rules(Instance inst, LookAhead lookAhead) {
        RuleSet.Builder b = RuleSet.builder(lookAhead == null ? "per-order" : "look-ahead")
                .cost(new LaneCost(inst.lanes, DestinationRegions.byCity(), LaneCost.noFallback()))
                .maxShipments(inst.fcs.size()).unsourcedCost(unsourcedCost(inst));
        if (lookAhead != null) {
            b.cost(lookAhead.cost());
        }
        return b.build();
    }

    static SourcingEngine engine(Instance inst, RuleSet rules) {
        return SourcingEngine.builder().network(inst.network).rules(RuleBook.of(rules))
                .clock(Clock.fixed(START, ZoneOffset.UTC)).build();
    }

    static double perOrder(Instance inst, int[][] arrivals) {
        SourcingEngine engine = engine(inst, rules(inst, null));
        int[][] units = inst.copyStock();
        double cost = 0;
        for (int t = 0; t < arrivals.length; t++) {
            SourcingPlan plan = engine.plan(SourcingRequest.of(inst.demand(t, arrivals[t])), inst.snapshot(units));
            cost += inst.apply(plan, arrivals[t], units);
        }
        return cost;
    }

    static double batch(Instance inst, int[][] arrivals) {
        SourcingEngine engine = engine(inst, rules(inst, null));
        int[][] units = inst.copyStock();
        double cost = 0;
        for (int from = 0; from < arrivals.length; from += WAVE) {
            List<SourcingRequest> wave = new ArrayList<>();
            for (int t = from; t < Math.min(arrivals.length, from + WAVE); t++) {
                wave.add(SourcingRequest.of(inst.demand(t, arrivals[t])));
            }
            List<SourcingPlan> plans = engine.planBatch(wave, inst.snapshot(units)).plans();
            for (int o = 0; o < plans.size(); o++) {
                cost += inst.apply(plans.get(o), arrivals[from + o], units);
            }
        }
        return cost;
    }

    static double lookAhead(Instance inst, int[][] arrivals, int orders, List<Long> nanos, List<Long> refreshNanos) {
        LookAhead lookAhead = LookAhead.builder(inst.network, inst.lanes, DestinationRegions.byCity(), unsourcedCost(inst))
                .mode(MODE)
                .overrunCost(Double.parseDouble(System.getProperty("overrun", Double.toString(LookAhead.Builder.DEFAULT_OVERRUN_COST))))
                .build();
        SourcingEngine engine = engine(inst, rules(inst, lookAhead));
        int[][] units = inst.copyStock();
        double cost = 0;
        int every = Math.max(1, orders / REFRESHES);
        for (int t = 0; t < arrivals.length; t++) {
            StockSnapshot snapshot = inst.snapshot(units);
            if (t % every == 0) {
                long start = System.nanoTime();
                lookAhead.refresh(inst.forecast(arrivals.length - t, null), snapshot);
                refreshNanos.add(System.nanoTime() - start);
            }
            Demand demand = inst.demand(t, arrivals[t]);
            long start = System.nanoTime();
            SourcingPlan plan = engine.plan(SourcingRequest.of(demand), snapshot);
            lookAhead.record(demand, plan);
            nanos.add(System.nanoTime() - start);
            cost += inst.apply(plan, arrivals[t], units);
        }
        return cost;
    }

    static double haversineMiles(Site a, Site b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_MILES * Math.asin(Math.sqrt(h));
    }

    static List<Site> read(String name, boolean city) {
        List<Site> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PaperBenchmark.class.getResourceAsStream("/paper/" + name), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(city ? new Site(f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]))
                        : new Site(f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int draw(SplittableRandom r, double[] weights) {
        double u = r.nextDouble();
        double acc = 0;
        for (int k = 0; k < weights.length; k++) {
            acc += weights[k];
            if (u < acc) {
                return k;
            }
        }
        return weights.length - 1;
    }

    private static int[] permutation(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] drawDistinct(SplittableRandom r, double[] weights, int size) {
        double[] w = weights.clone();
        int[] out = new int[size];
        for (int s = 0; s < size; s++) {
            double total = Arrays.stream(w).sum();
            double u = r.nextDouble() * total;
            int pick = w.length - 1;
            double acc = 0;
            for (int k = 0; k < w.length; k++) {
                acc += w[k];
                if (u < acc && w[k] > 0) {
                    pick = k;
                    break;
                }
            }
            out[s] = pick;
            w[pick] = 0;
        }
        Arrays.sort(out);
        return out;
    }
}
