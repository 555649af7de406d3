package io.omskit.testkit.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.orchestration.packing.CartonCatalogue;
import io.omskit.orchestration.packing.CartonType;
import io.omskit.orchestration.packing.PackLine;
import io.omskit.orchestration.packing.ParcelPricing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A random cartonisation instance from a seed, on a grid of {@value #CELL_MM} mm so it can be solved by brute force:
 * cartons of 1 to 4 cells a side, units of 1 to 3 cells, sometimes a ships-in-own-box SKU. Units always fit the
 * largest carton alone.
 */
public record RandomPacking(CartonCatalogue catalogue, List<PackLine> lines, ParcelPricing pricing) {

    /** Grid size of every dimension, in millimetres. */
    public static final int CELL_MM = 100;

    /** An instance with {@code skus} SKUs of up to {@code maxQuantity} units each. */
    public static RandomPacking of(long seed, int skus, int maxQuantity) {
        Random random = new Random(seed);
        List<CartonType> cartons = new ArrayList<>();
        int cartonCount = 1 + random.nextInt(3);
        for (int i = 0; i < cartonCount; i++) {
            int[] d = {1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(4)};
            if (i == 0) {
                d = new int[] {3 + random.nextInt(2), 3 + random.nextInt(2), 3 + random.nextInt(2)};
            }
            cartons.add(CartonType.of("C" + i, mm(d), 2_000 + random.nextInt(20_000),
                    Money.ofMinor(CurrencyUnit.EUR, 20 + random.nextInt(200))));
        }
        List<PackLine> lines = new ArrayList<>();
        Set<Sku> own = new HashSet<>();
        for (int i = 0; i < skus; i++) {
            int[] d = {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
            Sku sku = Sku.of("P" + i);
            if (random.nextInt(8) == 0) {
                own.add(sku);
            }
            lines.add(PackLine.of(SkuAttributes.of(sku, "Product " + i, "test", 50 + random.nextInt(1_950), mm(d), true),
                    1 + random.nextInt(maxQuantity)));
        }
        ParcelPricing pricing = ParcelPricing.chargeableWeight(Money.ofMinor(CurrencyUnit.EUR, 300 + random.nextInt(300)),
                Money.ofMinor(CurrencyUnit.EUR, 20 + random.nextInt(100)), 5_000);
        return new RandomPacking(new CartonCatalogue(cartons, own), lines, pricing);
    }

    /** Number of units on the lines. */
    public int units() {
        int n = 0;
        for (PackLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    private static Dimensions mm(int[] cells) {
        return new Dimensions(cells[0] * CELL_MM, cells[1] * CELL_MM, cells[2] * CELL_MM);
    }
}
