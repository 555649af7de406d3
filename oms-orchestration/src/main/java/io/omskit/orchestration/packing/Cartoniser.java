package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Packs a fulfilment's units into cartons at the least total of carton costs plus parcel prices. Stateless and
 * thread-safe if the pricing is.
 *
 * <p>What is exact and what is not:
 * <ul>
 *   <li>Units of a SKU in {@link CartonCatalogue#shipsInOwnBox()} each get a parcel of their own, in their own box.</li>
 *   <li>Up to {@value #EXACT_UP_TO_UNITS} other units: the heuristic below runs first and its cost is an upper bound;
 *       then every way of grouping the units that could beat it is considered (dynamic programming over subsets,
 *       with branch and bound), each group in the carton that makes it cheapest. Whether a group fits a carton is
 *       settled in turn by weight and volume, by extreme-point placement (three orders of the units, the carton
 *       turned each of six ways), by bounds (each unit alone, each pair side by side, the units longer than half the
 *       carton across each middle plane, the volume within the lengths the units' sides can add up to, Fekete and
 *       Schepers' dual feasible functions per axis over every turn of the units), by a search over every packing of
 *       the group's largest units (the group less its smallest unit, less its two smallest, and so on; when such a
 *       part fits no way, neither does the group), by a quick search over the packings a loader builds bottom-up,
 *       and, if none of these decides, by a complete search over every packing: in any packing each two units lie
 *       one before the other along some axis, and once each unit has a turn and each pair such an order, the units
 *       fit exactly when along each axis the longest chain of units one after another fits the carton; the search
 *       gives each unit (largest first) a turn and each pair an order, branches that exclude each other (ordered
 *       along x; else side by side across x and ordered along y; else side by side across x and y and ordered along
 *       z), and abandons a branch when a chain is too long or units side by side across an axis show more cross
 *       section than the carton. Answers are cached per multiset of units and carton. When that search tries more
 *       than its {@link #withFitSearchBudget budget} of placements, extreme points are tried in every order of the
 *       units (up to 2,000 orders, the carton turned each way), then every part of the group with one or two units
 *       fewer is searched completely (a part that fits no way rules the group out); if neither decides, the group
 *       counts, in a lower bound computed by the same programme, at the price of the carton it might fit.
 *       <p>{@code provedOptimal} is true when that lower bound reaches the answer's cost. It then means precisely:
 *       no packing of these units costs less (carton costs plus the {@link ParcelPricing}'s prices, with the pricing
 *       honouring its contract), over every way of putting them in cartons, each unit turned any of six ways. Groups
 *       whose search gave up do not spoil the proof when no answer that uses them could be cheaper.</li>
 *   <li>More units: a heuristic, the cheaper of two starts. One opens parcels one at a time in the carton that packs
 *       the remaining units (largest first, extreme points) at the least cost per packed volume; the other is first
 *       fit decreasing by volume into the largest carton. Then every parcel moves to its cheapest carton that still
 *       holds it, and pairs of parcels are merged into one carton when that costs less. Not proved optimal; compare
 *       with the {@link PackingBound}.</li>
 * </ul>
 */
public final class Cartoniser {

    /** Largest number of units (not counting own boxes) packed with a proof of optimality. */
    public static final int EXACT_UP_TO_UNITS = 8;
    /** Placements the exhaustive fit search may try for one group and carton before it gives up, unless changed. */
    public static final int DEFAULT_FIT_SEARCH_BUDGET = 6_000_000;

    private final CartonCatalogue catalogue;
    private final ParcelPricing pricing;
    private final CurrencyUnit currency;
    private final int fitSearchBudget;

    private Cartoniser(CartonCatalogue catalogue, ParcelPricing pricing, int fitSearchBudget) {
        this.catalogue = catalogue;
        this.pricing = pricing;
        this.currency = catalogue.cartons().get(0).cost().getCurrencyUnit();
        this.fitSearchBudget = fitSearchBudget;
    }

    /**
     * A cartoniser for a catalogue and a carrier price, with a fit search budget of
     * {@value #DEFAULT_FIT_SEARCH_BUDGET} placements.
     *
     * @throws NullPointerException when either is null
     */
    public static Cartoniser of(CartonCatalogue catalogue, ParcelPricing pricing) {
        return new Cartoniser(Checks.notNull(catalogue, "catalogue"), Checks.notNull(pricing, "pricing"),
                DEFAULT_FIT_SEARCH_BUDGET);
    }

    /**
     * This cartoniser with another budget for each exhaustive fit search: more proves more small fulfilments optimal
     * and takes longer (on the benchmark catalogue, 8 units take tens of milliseconds at the default).
     *
     * @throws IllegalArgumentException when {@code placements} is below 0 (0: never search, extreme points only)
     */
    public Cartoniser withFitSearchBudget(int placements) {
        return new Cartoniser(catalogue, pricing, Checks.notNegative(placements, "placements"));
    }

    /**
     * Packs the units of {@code lines}.
     *
     * @return the parcels, or {@link CartonisationResult.Unpackable} naming every SKU no carton holds alone
     * @throws NullPointerException     when the list or a line is null
     * @throws IllegalArgumentException when the list is empty or names a SKU on two lines
     * @throws IllegalStateException    when the pricing answers null or in another currency than the cartons
     */
    public CartonisationResult pack(List<PackLine> lines) {
        List<PackLine> checked = Checks.list(lines, "lines");
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
        Map<Sku, PackLine> bySku = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            if (bySku.put(checked.get(i).item().sku(), checked.get(i)) != null) {
                throw new IllegalArgumentException("lines[" + i + "].item.sku " + checked.get(i).item().sku()
                        + " must appear on one line only, appears again");
            }
        }
        List<Unit> units = new ArrayList<>();
        List<Unit> ownBoxes = new ArrayList<>();
        List<CartonisationResult.TooBig> tooBig = new ArrayList<>();
        int type = 0;
        for (PackLine line : checked) {
            Dimensions d = line.item().dimensions();
            Unit unit = new Unit(line.item().sku(), new int[] {d.lengthMm(), d.widthMm(), d.heightMm()},
                    line.item().weightGrams(), type++);
            boolean own = catalogue.shipsInOwnBox().contains(unit.sku);
            if (!own) {
                boolean large = true;
                boolean heavy = true;
                for (CartonType c : catalogue.cartons()) {
                    large &= !Fit.fitsAlone(inner(c), unit.size);
                    heavy &= unit.weight > c.maxContentWeightGrams();
                }
                if (large || heavy) {
                    tooBig.add(new CartonisationResult.TooBig(unit.sku, large, heavy));
                    continue;
                }
            }
            for (int q = 0; q < line.quantity(); q++) {
                (own ? ownBoxes : units).add(unit);
            }
        }
        if (!tooBig.isEmpty()) {
            return new CartonisationResult.Unpackable(tooBig);
        }
        units.sort(Comparator.comparingLong((Unit u) -> u.volume()).reversed().thenComparingInt(u -> u.type));
        Money ownCost = Money.zero(currency);
        List<Parcel> ownParcels = new ArrayList<>();
        for (Unit u : ownBoxes) {
            Dimensions size = new Dimensions(u.size[0], u.size[1], u.size[2]);
            Money price = price(new ParcelSpec(u.weight, size));
            ownParcels.add(new Parcel(Optional.empty(), List.of(new Placement(u.sku, 0, 0, 0, Orientation.LWH, size)),
                    u.weight, size, Money.zero(currency), price));
            ownCost = ownCost.plus(price);
        }
        PackingBound bound = bound(units, ownCost);
        List<Parcel> parcels;
        boolean proved;
        if (units.isEmpty()) {
            parcels = new ArrayList<>();
            proved = true;
        } else if (units.size() <= EXACT_UP_TO_UNITS) {
            // the heuristic's answer first: the search then only looks at groupings that could beat it
            parcels = heuristic(units);
            long upper = totalOf(parcels).getAmountMinorLong();
            Exact exact = new Exact(units);
            List<Parcel> searched = exact.solve(upper);
            if (searched != null) {
                parcels = searched;
            }
            proved = exact.lowerBound >= totalOf(parcels).getAmountMinorLong();
        } else {
            parcels = heuristic(units);
            proved = false;
        }
        parcels = new ArrayList<>(parcels);
        parcels.addAll(ownParcels);
        return new CartonisationResult.Packed(parcels, totalOf(parcels), bound, proved);
    }

    private Money totalOf(List<Parcel> parcels) {
        Money total = Money.zero(currency);
        for (Parcel p : parcels) {
            total = total.plus(p.total());
        }
        return total;
    }

    /** One unit to pack; {@code type} tells identical units apart from others (same SKU). */
    private record Unit(Sku sku, int[] size, int weight, int type) {
        long volume() {
            return Fit.volume(size);
        }
    }

    /** A group of units in a carton, placed. */
    private record Packing(CartonType carton, List<Unit> units, int[][] places, long totalMinor) {
    }

    private static int[] inner(CartonType c) {
        return new int[] {c.inner().lengthMm(), c.inner().widthMm(), c.inner().heightMm()};
    }

    private Money price(ParcelSpec spec) {
        Money price = pricing.price(spec);
        if (price == null || !price.getCurrencyUnit().equals(currency)) {
            throw new IllegalStateException("pricing must answer a price in " + currency + ", answered " + price
                    + " for " + spec);
        }
        return price;
    }

    private long costMinor(CartonType c, int contentGrams) {
        return c.cost().plus(price(new ParcelSpec(contentGrams + c.emptyWeightGrams(), c.outer()))).getAmountMinorLong();
    }

    private Parcel parcel(Packing p) {
        List<Placement> placements = new ArrayList<>();
        int weight = p.carton.emptyWeightGrams();
        for (int i = 0; i < p.units.size(); i++) {
            Unit u = p.units.get(i);
            Orientation o = Orientation.values()[p.places[i][3]];
            Dimensions size = new Dimensions(u.size[0], u.size[1], u.size[2]);
            placements.add(new Placement(u.sku, p.places[i][0], p.places[i][1], p.places[i][2], o, o.apply(size)));
            weight += u.weight;
        }
        return new Parcel(Optional.of(p.carton), placements, weight, p.carton.outer(), p.carton.cost(),
                price(new ParcelSpec(weight, p.carton.outer())));
    }

    private static int[][] sizes(List<Unit> units) {
        int[][] sizes = new int[units.size()][];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = units.get(i).size;
        }
        return sizes;
    }

    private static int weight(List<Unit> units) {
        int w = 0;
        for (Unit u : units) {
            w += u.weight;
        }
        return w;
    }

    private static long volume(List<Unit> units) {
        long v = 0;
        for (Unit u : units) {
            v += u.volume();
        }
        return v;
    }

    /** The cheapest carton holding all of {@code units} by extreme points, or null. */
    private Packing cheapestByExtremePoints(List<Unit> units) {
        int weight = weight(units);
        long volume = volume(units);
        Packing best = null;
        for (CartonType c : catalogue.cartons()) {
            if (weight > c.maxContentWeightGrams() || volume > c.innerVolumeMm3()) {
                continue;
            }
            long cost = costMinor(c, weight);
            if (best != null && cost >= best.totalMinor) {
                continue;
            }
            int[][] places = Fit.extremePoints(inner(c), sizes(units));
            if (places != null) {
                best = new Packing(c, units, places, cost);
            }
        }
        return best;
    }

    /** Cached answer of a fit search that gave up: the group may or may not fit the carton. */
    private static final int[][] UNDECIDED = new int[0][];

    /**
     * Subset dynamic programming over at most {@value #EXACT_UP_TO_UNITS} units: the cheapest packing of every subset
     * is the cheapest split into one parcel holding its first unit plus the cheapest packing of the rest. Beside it
     * runs the same programme over lower bounds, in which a group whose fit search gave up, or was never run, counts
     * at the cost of the cheapest carton not proved too small for it; the answer is proved when that lower bound
     * reaches its cost. A parcel's cartons are tried cheapest first, and only while they could still beat the best
     * split found and the heuristic's answer (branch and bound: a part of the units that is not all of them must leave
     * room under that answer for at least one more parcel), so the costly fit search runs for few groups. Fit answers
     * are cached per multiset of units and carton.
     */
    private final class Exact {
        private final List<Unit> units;
        private final long cheapestParcel;
        private final Map<String, int[][]> fits = new HashMap<>();
        private final Map<String, List<CartonType>> cartonsByContent = new HashMap<>();
        private final Map<String, long[]> costsByContent = new HashMap<>();
        private long lowerBound;

        Exact(List<Unit> units) {
            this.units = units;
            int lightest = Integer.MAX_VALUE;
            for (Unit u : units) {
                lightest = Math.min(lightest, u.weight);
            }
            long cheapest = Long.MAX_VALUE;
            for (CartonType c : catalogue.cartons()) {
                cheapest = Math.min(cheapest, costMinor(c, lightest));
            }
            this.cheapestParcel = cheapest;
        }

        /** A group's cheapest carton below the limit, if any, and a lower bound on what the group costs at least. */
        private record Option(Packing packing, long lowerCost) {
        }

        /**
         * The cheapest packing found that costs less than {@code upper} (minor units), or null; {@link #lowerBound}
         * then holds what no packing of the units (in the class the fit search covers) can go below.
         */
        List<Parcel> solve(long upper) {
            int n = units.size();
            int full = (1 << n) - 1;
            long[] best = new long[full + 1];
            long[] lower = new long[full + 1];
            Packing[] chosen = new Packing[full + 1];
            int[] split = new int[full + 1];
            Arrays.fill(best, Long.MAX_VALUE);
            Arrays.fill(lower, Long.MAX_VALUE);
            best[0] = 0;
            lower[0] = 0;
            for (int mask = 1; mask <= full; mask++) {
                long cap = mask == full || upper == Long.MAX_VALUE ? upper : upper - cheapestParcel;
                int low = mask & -mask;
                int rest = mask ^ low;
                for (int sub = rest; ; sub = (sub - 1) & rest) {
                    int group = sub | low;
                    long others = best[mask ^ group];
                    long limit = Long.MIN_VALUE;
                    if (others != Long.MAX_VALUE) {
                        limit = Math.min(cap, best[mask]);
                        limit = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit - others;
                    }
                    Option option = cheapestBelow(group, limit);
                    if (option.packing != null) {
                        best[mask] = option.packing.totalMinor + others;
                        chosen[mask] = option.packing;
                        split[mask] = group;
                    }
                    long othersLower = lower[mask ^ group];
                    if (option.lowerCost != Long.MAX_VALUE && othersLower != Long.MAX_VALUE) {
                        lower[mask] = Math.min(lower[mask], option.lowerCost + othersLower);
                    }
                    if (sub == 0) {
                        break;
                    }
                }
            }
            lowerBound = lower[full];
            if (best[full] == Long.MAX_VALUE) {
                return null;
            }
            List<Parcel> parcels = new ArrayList<>();
            for (int mask = full; mask != 0; mask ^= split[mask]) {
                parcels.add(parcel(chosen[mask]));
            }
            return parcels;
        }

        /**
         * The cheapest carton holding {@code group} if one costs less than {@code limit} (none is searched when the
         * limit is {@link Long#MIN_VALUE}), and the cost of the cheapest carton not proved too small for the group
         * ({@link Long#MAX_VALUE} when every carton is).
         */
        private Option cheapestBelow(int group, long limit) {
            List<Unit> members = new ArrayList<>();
            StringBuilder keyBuilder = new StringBuilder();
            for (int i = 0; i < units.size(); i++) {
                if ((group & (1 << i)) != 0) {
                    members.add(units.get(i));
                    keyBuilder.append(units.get(i).type).append(',');
                }
            }
            String key = keyBuilder.toString();
            List<CartonType> cartons = cartonsByContent.get(key);
            long[] costs = costsByContent.get(key);
            if (cartons == null) {
                int weight = weight(members);
                long volume = volume(members);
                cartons = new ArrayList<>();
                Map<CartonType, Long> cost = new HashMap<>();
                for (CartonType c : catalogue.cartons()) {
                    if (weight <= c.maxContentWeightGrams() && volume <= c.innerVolumeMm3()) {
                        cartons.add(c);
                        cost.put(c, costMinor(c, weight));
                    }
                }
                cartons.sort(Comparator.comparingLong(cost::get));
                costs = new long[cartons.size()];
                for (int i = 0; i < costs.length; i++) {
                    costs[i] = cost.get(cartons.get(i));
                }
                cartonsByContent.put(key, cartons);
                costsByContent.put(key, costs);
            }
            long lowerCost = Long.MAX_VALUE;
            for (int i = 0; i < cartons.size(); i++) {
                CartonType c = cartons.get(i);
                String fitKey = key + c.code();
                int[][] places = fits.get(fitKey);
                if (places == null && !fits.containsKey(fitKey)) {
                    if (costs[i] >= limit) {
                        return new Option(null, Math.min(lowerCost, costs[i]));
                    }
                    places = Fit.extremePointsAnyWayRound(inner(c), sizes(members));
                    if (places == null) {
                        try {
                            places = Fit.exhaustive(inner(c), sizes(members), fitSearchBudget);
                        } catch (Fit.Undecided e) {
                            places = UNDECIDED;
                        }
                    }
                    fits.put(fitKey, places);
                }
                if (places == UNDECIDED) {
                    lowerCost = Math.min(lowerCost, costs[i]);
                } else if (places != null) {
                    lowerCost = Math.min(lowerCost, costs[i]);
                    return new Option(costs[i] < limit ? new Packing(c, members, places, costs[i]) : null, lowerCost);
                }
            }
            return new Option(null, lowerCost);
        }
    }

    private List<Parcel> heuristic(List<Unit> all) {
        List<Packing> byScore = improved(cheapestPerVolume(all));
        List<Packing> byLargest = improved(firstFitDecreasing(all));
        List<Packing> best = total(byLargest) < total(byScore) ? byLargest : byScore;
        List<Parcel> parcels = new ArrayList<>();
        for (Packing p : best) {
            parcels.add(parcel(p));
        }
        return parcels;
    }

    private static long total(List<Packing> packings) {
        long total = 0;
        for (Packing p : packings) {
            total += p.totalMinor;
        }
        return total;
    }

    /** Parcels opened one by one in the carton that packs the remaining units at the least cost per packed volume. */
    private List<Packing> cheapestPerVolume(List<Unit> all) {
        List<Unit> remaining = new ArrayList<>(all);
        List<Packing> packings = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Packing best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            for (CartonType c : catalogue.cartons()) {
                Packing filled = fill(c, remaining);
                if (filled == null) {
                    continue;
                }
                double score = (double) filled.totalMinor / volume(filled.units);
                if (score < bestScore || score == bestScore && filled.units.size() > best.units.size()) {
                    best = filled;
                    bestScore = score;
                }
            }
            if (best == null) {
                throw new IllegalStateException("a unit fits no carton although each was checked alone");
            }
            packings.add(best);
            for (Unit u : best.units) {
                remaining.remove(u);
            }
        }
        return packings;
    }

    /** First fit decreasing: largest units first, each into the first parcel it fits, new parcels in the largest carton. */
    private List<Packing> firstFitDecreasing(List<Unit> all) {
        CartonType largest = catalogue.cartons().get(0);
        for (CartonType c : catalogue.cartons()) {
            if (c.innerVolumeMm3() > largest.innerVolumeMm3()) {
                largest = c;
            }
        }
        List<Fit.ExtremePoints> packers = new ArrayList<>();
        List<List<Unit>> contents = new ArrayList<>();
        List<List<int[]>> places = new ArrayList<>();
        List<CartonType> cartons = new ArrayList<>();
        for (Unit u : all) {
            boolean placed = false;
            for (int i = 0; i < packers.size() && !placed; i++) {
                if (weight(contents.get(i)) + u.weight <= cartons.get(i).maxContentWeightGrams()) {
                    int[] at = packers.get(i).place(u.size);
                    if (at != null) {
                        contents.get(i).add(u);
                        places.get(i).add(at);
                        placed = true;
                    }
                }
            }
            if (!placed) {
                CartonType c = largest;
                int[] at = null;
                Fit.ExtremePoints packer = null;
                if (u.weight <= c.maxContentWeightGrams()) {
                    packer = new Fit.ExtremePoints(inner(c));
                    at = packer.place(u.size);
                }
                if (at == null) {
                    // the largest carton cannot take it: the cheapest one that holds it alone
                    Packing alone = cheapestByExtremePoints(List.of(u));
                    c = alone.carton;
                    packer = new Fit.ExtremePoints(inner(c));
                    at = packer.place(u.size);
                }
                packers.add(packer);
                contents.add(new ArrayList<>(List.of(u)));
                places.add(new ArrayList<>(List.<int[]>of(at)));
                cartons.add(c);
            }
        }
        List<Packing> packings = new ArrayList<>();
        for (int i = 0; i < packers.size(); i++) {
            packings.add(new Packing(cartons.get(i), contents.get(i), places.get(i).toArray(new int[0][]),
                    costMinor(cartons.get(i), weight(contents.get(i)))));
        }
        return packings;
    }

    /** Every parcel moved to its cheapest carton that holds it; then parcels merged in pairs while that saves. */
    private List<Packing> improved(List<Packing> start) {
        List<Packing> packings = new ArrayList<>(start);
        for (int i = 0; i < packings.size(); i++) {
            Packing cheaper = cheapestByExtremePoints(packings.get(i).units);
            if (cheaper != null && cheaper.totalMinor < packings.get(i).totalMinor) {
                packings.set(i, cheaper);
            }
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            search:
            for (int i = 0; i < packings.size(); i++) {
                for (int j = i + 1; j < packings.size(); j++) {
                    List<Unit> union = new ArrayList<>(packings.get(i).units);
                    union.addAll(packings.get(j).units);
                    Packing together = cheapestByExtremePoints(union);
                    if (together != null && together.totalMinor < packings.get(i).totalMinor + packings.get(j).totalMinor) {
                        packings.set(i, together);
                        packings.remove(j);
                        merged = true;
                        break search;
                    }
                }
            }
        }
        return packings;
    }

    /** Fills one carton of type {@code c} with as many of {@code remaining} (largest first) as fit; null when none. */
    private Packing fill(CartonType c, List<Unit> remaining) {
        Fit.ExtremePoints packer = new Fit.ExtremePoints(inner(c));
        List<Unit> in = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        int weight = 0;
        long free = c.innerVolumeMm3();
        boolean[] failedType = new boolean[remaining.size() + catalogueTypes(remaining)];
        for (Unit u : remaining) {
            if (failedType[u.type] || weight + u.weight > c.maxContentWeightGrams() || u.volume() > free) {
                continue;
            }
            int[] at = packer.place(u.size);
            if (at == null) {
                failedType[u.type] = true;
                continue;
            }
            in.add(u);
            places.add(at);
            weight += u.weight;
            free -= u.volume();
        }
        if (in.isEmpty()) {
            return null;
        }
        return new Packing(c, in, places.toArray(new int[0][]), costMinor(c, weight));
    }

    private static int catalogueTypes(List<Unit> units) {
        int max = 0;
        for (Unit u : units) {
            max = Math.max(max, u.type + 1);
        }
        return max;
    }

    private PackingBound bound(List<Unit> units, Money ownCost) {
        long maxVolume = 0;
        int maxWeight = 0;
        long cheapest = Long.MAX_VALUE;
        int lightest = Integer.MAX_VALUE;
        for (Unit u : units) {
            lightest = Math.min(lightest, u.weight);
        }
        List<CartonType> usable = new ArrayList<>();
        for (CartonType c : catalogue.cartons()) {
            maxVolume = Math.max(maxVolume, c.innerVolumeMm3());
            maxWeight = Math.max(maxWeight, c.maxContentWeightGrams());
            for (Unit u : units) {
                if (u.weight <= c.maxContentWeightGrams() && Fit.fitsAlone(inner(c), u.size)) {
                    // a carton used holds at least one unit, so only cartons that hold one alone count
                    usable.add(c);
                    cheapest = Math.min(cheapest, costMinor(c, lightest));
                    break;
                }
            }
        }
        long volume = volume(units);
        long weight = weight(units);
        int byVolume = (int) ((volume + maxVolume - 1) / maxVolume);
        int byWeight = (int) ((weight + maxWeight - 1) / maxWeight);
        List<Unit> large = new ArrayList<>();
        long largeFree = 0;
        for (Unit u : units) {
            boolean alone = true;
            for (Unit k : large) {
                if (canShare(u, k)) {
                    alone = false;
                    break;
                }
            }
            if (alone) {
                large.add(u);
                largeFree += maxVolume - u.volume();
            }
        }
        long rest = volume - volume(large) - largeFree;
        int byLarge = large.size() + (rest > 0 ? (int) ((rest + maxVolume - 1) / maxVolume) : 0);
        int cartons = Math.max(byVolume, Math.max(byWeight, byLarge));
        Money cost = ownCost;
        if (cartons > 0) {
            // each carton holds at most its volume, at no less than its cost with its lightest possible content
            double perVolume = Double.POSITIVE_INFINITY;
            for (CartonType c : usable) {
                perVolume = Math.min(perVolume, (double) costMinor(c, lightest) / c.innerVolumeMm3());
            }
            long byCheapest = cheapest * cartons;
            long byVolumeCost = (long) Math.ceil(perVolume * volume - 1e-6);
            cost = cost.plus(Money.ofMinor(currency, Math.max(byCheapest, byVolumeCost)));
        }
        return new PackingBound(byVolume, byWeight, byLarge, cost);
    }

    /** Whether two units fit one carton of the catalogue together (two boxes: side by side along some axis). */
    private boolean canShare(Unit a, Unit b) {
        for (CartonType c : catalogue.cartons()) {
            if (a.weight + b.weight <= c.maxContentWeightGrams() && Fit.pairFits(inner(c), a.size, b.size)) {
                return true;
            }
        }
        return false;
    }
}
