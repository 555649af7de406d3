package io.omskit.testkit.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.packing.CartonCatalogue;
import io.omskit.orchestration.packing.CartonType;
import io.omskit.orchestration.packing.CartonisationResult;
import io.omskit.orchestration.packing.PackLine;
import io.omskit.orchestration.packing.Parcel;
import io.omskit.orchestration.packing.ParcelPricing;
import io.omskit.orchestration.packing.ParcelSpec;
import io.omskit.orchestration.packing.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;

/** An independent judge of cartonisation answers. */
public final class PackingVerifier {

    /** Most units {@link #cheapestByTryingEverything} accepts. */
    public static final int MAX_BRUTE_FORCE_UNITS = 7;

    private PackingVerifier() {
    }

    /**
     * Everything wrong with {@code packed} as a packing of {@code lines}: a unit missing or packed twice, a
     * placement outside its carton, overlapping another, or with an extent that is not a turn of the SKU's
     * dimensions, a carton over its weight limit, a wrong parcel weight or dimensions, an own-box SKU in a carton or
     * with company, a total that is not the sum of the parcels. Empty when sound.
     */
    public static List<String> problems(List<PackLine> lines, CartonCatalogue catalogue,
                                        CartonisationResult.Packed packed) {
        List<String> problems = new ArrayList<>();
        Map<Sku, PackLine> bySku = new HashMap<>();
        Map<Sku, Integer> open = new HashMap<>();
        for (PackLine line : lines) {
            bySku.put(line.item().sku(), line);
            open.put(line.item().sku(), line.quantity());
        }
        Money total = null;
        for (Parcel parcel : packed.parcels()) {
            total = total == null ? parcel.total() : total.plus(parcel.total());
            int weight = 0;
            for (Placement p : parcel.placements()) {
                PackLine line = bySku.get(p.sku());
                if (line == null) {
                    problems.add("parcel holds " + p.sku() + ", which is not on the lines");
                    continue;
                }
                open.merge(p.sku(), -1, Integer::sum);
                weight += line.item().weightGrams();
                if (!sorted(p.extent()).equals(sorted(line.item().dimensions()))
                        || !p.orientation().apply(line.item().dimensions()).equals(p.extent())) {
                    problems.add(p.sku() + " placed with extent " + p.extent() + ", not its dimensions "
                            + line.item().dimensions() + " turned " + p.orientation());
                }
            }
            if (parcel.carton().isEmpty()) {
                if (parcel.placements().size() != 1 || !catalogue.shipsInOwnBox().contains(parcel.placements().get(0).sku())) {
                    problems.add("an own-box parcel must hold one unit of a ships-in-own-box SKU, holds "
                            + parcel.placements());
                }
                if (parcel.weightGrams() != weight) {
                    problems.add("own box weighs " + parcel.weightGrams() + " g, its unit " + weight + " g");
                }
                continue;
            }
            CartonType carton = parcel.carton().get();
            Dimensions in = carton.inner();
            if (weight > carton.maxContentWeightGrams()) {
                problems.add("carton " + carton.code() + " holds " + weight + " g, more than its limit "
                        + carton.maxContentWeightGrams() + " g");
            }
            if (parcel.weightGrams() != weight + carton.emptyWeightGrams()) {
                problems.add("carton " + carton.code() + " parcel weighs " + parcel.weightGrams() + " g, contents and carton "
                        + (weight + carton.emptyWeightGrams()) + " g");
            }
            if (!parcel.dimensions().equals(carton.outer())) {
                problems.add("carton " + carton.code() + " parcel measures " + parcel.dimensions() + ", not its outer "
                        + carton.outer());
            }
            List<Placement> ps = parcel.placements();
            for (int i = 0; i < ps.size(); i++) {
                Placement p = ps.get(i);
                if (catalogue.shipsInOwnBox().contains(p.sku())) {
                    problems.add(p.sku() + " ships in its own box but is in carton " + carton.code());
                }
                if (p.x() + p.extent().lengthMm() > in.lengthMm() || p.y() + p.extent().widthMm() > in.widthMm()
                        || p.z() + p.extent().heightMm() > in.heightMm()) {
                    problems.add(p + " sticks out of carton " + carton.code() + " " + in);
                }
                for (int j = i + 1; j < ps.size(); j++) {
                    Placement q = ps.get(j);
                    if (p.x() < q.x() + q.extent().lengthMm() && q.x() < p.x() + p.extent().lengthMm()
                            && p.y() < q.y() + q.extent().widthMm() && q.y() < p.y() + p.extent().widthMm()
                            && p.z() < q.z() + q.extent().heightMm() && q.z() < p.z() + p.extent().heightMm()) {
                        problems.add(p + " overlaps " + q + " in carton " + carton.code());
                    }
                }
            }
        }
        open.forEach((sku, left) -> {
            if (left != 0) {
                problems.add(sku + ": " + (left > 0 ? left + " units never packed" : -left + " units packed twice"));
            }
        });
        if (total != null && !total.isEqual(packed.totalCost())) {
            problems.add("total " + packed.totalCost() + " is not the parcels' sum " + total);
        }
        return problems;
    }

    private static List<Integer> sorted(Dimensions d) {
        Integer[] s = {d.lengthMm(), d.widthMm(), d.heightMm()};
        Arrays.sort(s);
        return List.of(s);
    }

    /**
     * The least total cost of packing {@code lines}, by trying every grouping of the units into parcels and, for each
     * group and carton, every position and rotation on a grid of {@code cellMm}. Exact when every dimension is a
     * multiple of {@code cellMm} (a packing can then always be pushed onto the grid). Own-box SKUs are priced alone.
     *
     * @throws IllegalArgumentException when a dimension is not a multiple of {@code cellMm}, a carton has more than 64
     *                                  cells, or there are more than {@value #MAX_BRUTE_FORCE_UNITS} units to group
     */
    public static Money cheapestByTryingEverything(List<PackLine> lines, CartonCatalogue catalogue,
                                                   ParcelPricing pricing, int cellMm) {
        Money own = Money.zero(catalogue.cartons().get(0).cost().getCurrencyUnit());
        List<int[]> units = new ArrayList<>(); // cells x, y, z, grams
        for (PackLine line : lines) {
            Dimensions d = line.item().dimensions();
            for (int q = 0; q < line.quantity(); q++) {
                if (catalogue.shipsInOwnBox().contains(line.item().sku())) {
                    own = own.plus(pricing.price(new ParcelSpec(line.item().weightGrams(), d)));
                } else {
                    units.add(new int[] {cells(d.lengthMm(), cellMm), cells(d.widthMm(), cellMm),
                            cells(d.heightMm(), cellMm), line.item().weightGrams()});
                }
            }
        }
        if (units.size() > MAX_BRUTE_FORCE_UNITS) {
            throw new IllegalArgumentException("too many units to try everything: " + units.size());
        }
        int n = units.size();
        long[] groupCost = new long[1 << n];
        Arrays.fill(groupCost, -1);
        long best = bestPartition((1 << n) - 1, units, catalogue, pricing, cellMm, groupCost);
        if (best == Long.MAX_VALUE) {
            throw new IllegalArgumentException("some unit fits no carton");
        }
        return own.plus(Money.ofMinor(own.getCurrencyUnit(), best));
    }

    private static long bestPartition(int mask, List<int[]> units, CartonCatalogue catalogue, ParcelPricing pricing,
                                      int cellMm, long[] groupCost) {
        if (mask == 0) {
            return 0;
        }
        int low = mask & -mask;
        int rest = mask ^ low;
        long best = Long.MAX_VALUE;
        for (int sub = rest; ; sub = (sub - 1) & rest) {
            int group = sub | low;
            if (groupCost[group] < 0) {
                groupCost[group] = cheapestCarton(group, units, catalogue, pricing, cellMm);
            }
            if (groupCost[group] != Long.MAX_VALUE) {
                long others = bestPartition(mask ^ group, units, catalogue, pricing, cellMm, groupCost);
                if (others != Long.MAX_VALUE) {
                    best = Math.min(best, groupCost[group] + others);
                }
            }
            if (sub == 0) {
                return best;
            }
        }
    }

    private static long cheapestCarton(int group, List<int[]> units, CartonCatalogue catalogue, ParcelPricing pricing,
                                       int cellMm) {
        List<int[]> members = new ArrayList<>();
        int grams = 0;
        for (int i = 0; i < units.size(); i++) {
            if ((group & (1 << i)) != 0) {
                members.add(units.get(i));
                grams += units.get(i)[3];
            }
        }
        members.sort((a, b) -> Integer.compare(b[0] * b[1] * b[2], a[0] * a[1] * a[2]));
        long best = Long.MAX_VALUE;
        for (CartonType c : catalogue.cartons()) {
            if (grams > c.maxContentWeightGrams()) {
                continue;
            }
            int[] box = {cells(c.inner().lengthMm(), cellMm), cells(c.inner().widthMm(), cellMm),
                    cells(c.inner().heightMm(), cellMm)};
            if (box[0] * box[1] * box[2] > 64) {
                throw new IllegalArgumentException("carton " + c.code() + " has more than 64 cells");
            }
            int volume = 0;
            for (int[] m : members) {
                volume += m[0] * m[1] * m[2];
            }
            if (volume <= box[0] * box[1] * box[2] && fits(box, members, 0, 0L)) {
                long cost = c.cost().plus(pricing.price(new ParcelSpec(grams + c.emptyWeightGrams(), c.outer())))
                        .getAmountMinorLong();
                best = Math.min(best, cost);
            }
        }
        return best;
    }

    private static boolean fits(int[] box, List<int[]> members, int next, long used) {
        if (next == members.size()) {
            return true;
        }
        int[] u = members.get(next);
        int[][] turns = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] t : turns) {
            int ex = u[t[0]];
            int ey = u[t[1]];
            int ez = u[t[2]];
            for (int x = 0; x + ex <= box[0]; x++) {
                for (int y = 0; y + ey <= box[1]; y++) {
                    for (int z = 0; z + ez <= box[2]; z++) {
                        long cells = 0;
                        for (int a = x; a < x + ex; a++) {
                            for (int b = y; b < y + ey; b++) {
                                for (int c = z; c < z + ez; c++) {
                                    cells |= 1L << ((a * box[1] + b) * box[2] + c);
                                }
                            }
                        }
                        if ((cells & used) == 0 && fits(box, members, next + 1, used | cells)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static int cells(int mm, int cellMm) {
        if (mm % cellMm != 0) {
            throw new IllegalArgumentException(mm + " mm is not a multiple of the " + cellMm + " mm grid");
        }
        return mm / cellMm;
    }
}
