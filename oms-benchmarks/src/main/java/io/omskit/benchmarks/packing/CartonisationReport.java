package io.omskit.benchmarks.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.orchestration.packing.CartonCatalogue;
import io.omskit.orchestration.packing.CartonType;
import io.omskit.orchestration.packing.CartonisationResult;
import io.omskit.orchestration.packing.Cartoniser;
import io.omskit.orchestration.packing.PackLine;
import io.omskit.orchestration.packing.ParcelPricing;
import io.omskit.orchestration.packing.ParcelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joda.money.Money;

/**
 * Cartons and cost of the {@link Cartoniser} against first-fit decreasing by volume and against the lower bound,
 * averaged over 100 random fulfilments per row (deterministic seed) of 8, 15 and 30 units in the 10-carton catalogue
 * of {@link PackingInstances}. The baseline, "FFD": units, largest volume first, go into the first open carton where
 * they fit (3-D, extreme points, any rotation, weight limit), a new carton is the largest, and at the end each carton
 * is swapped for the cheapest one its contents fit. A second, optimistic baseline checks volume and weight only
 * (no 3-D fit: some of its cartons could not be closed). Prints a Markdown table, then how many fulfilments of
 * 1 to {@link Cartoniser#EXACT_UP_TO_UNITS} units (100 each, seeded like the rows above) are proved optimal. Run:
 * <pre>java -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.packing.CartonisationReport</pre>
 */
public final class CartonisationReport {

    private static final int INSTANCES = 100;

    private CartonisationReport() {
    }

    public static void main(String[] args) {
        Cartoniser cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);
        System.out.println("| units | cartons: bound / cartoniser / FFD | cost (EUR): bound / cartoniser / FFD "
                + "| cartoniser vs FFD | cost of volume-only FFD (optimistic) | proved optimal |");
        System.out.println("|---|---|---|---|---|---|");
        for (int units : new int[] {8, 15, 30}) {
            double[] sum = new double[7];
            int proved = 0;
            for (List<PackLine> lines : PackingInstances.fulfilments(INSTANCES, units, 7L * units)) {
                CartonisationResult.Packed packed = (CartonisationResult.Packed) cartoniser.pack(lines);
                sum[0] += packed.bound().cartons();
                sum[1] += packed.cartons();
                sum[3] += packed.bound().cost().getAmount().doubleValue();
                sum[4] += packed.totalCost().getAmount().doubleValue();
                proved += packed.provedOptimal() ? 1 : 0;
                List<List<PackLine>> ffd = firstFitDecreasing(lines, true);
                sum[2] += ffd.size();
                sum[5] += cost(ffd, true);
                sum[6] += cost(firstFitDecreasing(lines, false), false);
            }
            System.out.printf("| %d | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %+.1f%% | %.2f | %d of %d |%n", units,
                    sum[0] / INSTANCES, sum[1] / INSTANCES, sum[2] / INSTANCES, sum[3] / INSTANCES,
                    sum[4] / INSTANCES, sum[5] / INSTANCES, 100 * (sum[4] - sum[5]) / sum[5], sum[6] / INSTANCES,
                    proved, INSTANCES);
        }
        System.out.println();
        System.out.println("| units | proved optimal | mean ms |");
        System.out.println("|---|---|---|");
        for (int units = 1; units <= Cartoniser.EXACT_UP_TO_UNITS; units++) {
            long started = System.nanoTime();
            int proved = provedOptimal(cartoniser, units);
            System.out.printf("| %d | %d of %d | %.1f |%n", units, proved, INSTANCES,
                    (System.nanoTime() - started) / 1e6 / INSTANCES);
        }
    }

    /** How many of the report's 100 fulfilments of {@code units} units {@code cartoniser} proves optimal. */
    static int provedOptimal(Cartoniser cartoniser, int units) {
        int proved = 0;
        for (List<PackLine> lines : PackingInstances.fulfilments(INSTANCES, units, 7L * units)) {
            proved += ((CartonisationResult.Packed) cartoniser.pack(lines)).provedOptimal() ? 1 : 0;
        }
        return proved;
    }

    /** Each carton's contents, one unit per entry; {@code threeD}: checked by extreme points, else by volume. */
    private static List<List<PackLine>> firstFitDecreasing(List<PackLine> lines, boolean threeD) {
        CartonType largest = PackingInstances.CATALOGUE.cartons().stream()
                .max(Comparator.comparingLong(c -> c.inner().volumeMm3())).orElseThrow();
        List<PackLine> unitsInOrder = new ArrayList<>();
        for (PackLine l : lines) {
            for (int q = 0; q < l.quantity(); q++) {
                unitsInOrder.add(PackLine.of(l.item(), 1));
            }
        }
        unitsInOrder.sort(Comparator.comparingLong((PackLine l) -> l.item().dimensions().volumeMm3()).reversed());
        List<List<PackLine>> open = new ArrayList<>();
        List<ExtremePointBox> boxes = new ArrayList<>();
        for (PackLine unit : unitsInOrder) {
            int target = -1;
            for (int i = 0; i < open.size() && target < 0; i++) {
                if (weight(open.get(i)) + unit.item().weightGrams() > largest.maxContentWeightGrams()) {
                    continue;
                }
                if (threeD ? boxes.get(i).place(unit) : volume(open.get(i)) + unit.item().dimensions().volumeMm3()
                        <= largest.inner().volumeMm3()) {
                    target = i;
                }
            }
            if (target < 0) {
                open.add(new ArrayList<>());
                boxes.add(new ExtremePointBox(largest));
                target = open.size() - 1;
                boxes.get(target).place(unit);
            }
            open.get(target).add(unit);
        }
        return open;
    }

    /** A carton filled by extreme points: each unit at the lowest, frontmost, leftmost corner point it fits. */
    private static final class ExtremePointBox {
        private final int[] size;
        private final List<int[]> points = new ArrayList<>(List.<int[]>of(new int[3]));
        private final List<int[]> placed = new ArrayList<>();

        ExtremePointBox(CartonType carton) {
            size = new int[] {carton.inner().lengthMm(), carton.inner().widthMm(), carton.inner().heightMm()};
        }

        boolean place(PackLine unit) {
            Dimensions d = unit.item().dimensions();
            int[][] turns = {{d.lengthMm(), d.widthMm(), d.heightMm()}, {d.lengthMm(), d.heightMm(), d.widthMm()},
                {d.widthMm(), d.lengthMm(), d.heightMm()}, {d.widthMm(), d.heightMm(), d.lengthMm()},
                {d.heightMm(), d.lengthMm(), d.widthMm()}, {d.heightMm(), d.widthMm(), d.lengthMm()}};
            points.sort(Comparator.<int[]>comparingInt(p -> p[2]).thenComparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
            for (int[] p : points) {
                for (int[] e : turns) {
                    if (p[0] + e[0] > size[0] || p[1] + e[1] > size[1] || p[2] + e[2] > size[2]) {
                        continue;
                    }
                    boolean free = true;
                    for (int[] b : placed) {
                        if (p[0] < b[0] + b[3] && b[0] < p[0] + e[0] && p[1] < b[1] + b[4] && b[1] < p[1] + e[1]
                                && p[2] < b[2] + b[5] && b[2] < p[2] + e[2]) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        placed.add(new int[] {p[0], p[1], p[2], e[0], e[1], e[2]});
                        points.remove(p);
                        points.add(new int[] {p[0] + e[0], p[1], p[2]});
                        points.add(new int[] {p[0], p[1] + e[1], p[2]});
                        points.add(new int[] {p[0], p[1], p[2] + e[2]});
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static double cost(List<List<PackLine>> cartons, boolean threeD) {
        CartonCatalogue catalogue = PackingInstances.CATALOGUE;
        ParcelPricing tariff = PackingInstances.TARIFF;
        double total = 0;
        for (List<PackLine> contents : cartons) {
            Money best = null;
            for (CartonType c : catalogue.cartons()) {
                if (volume(contents) > c.inner().volumeMm3() || weight(contents) > c.maxContentWeightGrams()
                        || !contents.stream().allMatch(u -> fitsAlone(u, c)) || threeD && !fitsAll(contents, c)) {
                    continue;
                }
                Money price = c.cost().plus(tariff.price(new ParcelSpec(weight(contents) + c.emptyWeightGrams(), c.outer())));
                if (best == null || price.isLessThan(best)) {
                    best = price;
                }
            }
            total += best.getAmount().doubleValue();
        }
        return total;
    }

    private static boolean fitsAll(List<PackLine> contents, CartonType c) {
        ExtremePointBox box = new ExtremePointBox(c);
        for (PackLine u : contents) {
            if (!box.place(u)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsAlone(PackLine unit, CartonType c) {
        int[] u = {unit.item().dimensions().lengthMm(), unit.item().dimensions().widthMm(), unit.item().dimensions().heightMm()};
        int[] b = {c.inner().lengthMm(), c.inner().widthMm(), c.inner().heightMm()};
        java.util.Arrays.sort(u);
        java.util.Arrays.sort(b);
        return u[0] <= b[0] && u[1] <= b[1] && u[2] <= b[2];
    }

    private static long volume(List<PackLine> units) {
        return units.stream().mapToLong(u -> u.item().dimensions().volumeMm3()).sum();
    }

    private static int weight(List<PackLine> units) {
        return units.stream().mapToInt(u -> u.item().weightGrams()).sum();
    }
}
