package io.omskit.benchmarks.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.orchestration.packing.CartonCatalogue;
import io.omskit.orchestration.packing.CartonType;
import io.omskit.orchestration.packing.PackLine;
import io.omskit.orchestration.packing.ParcelPricing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A 10-carton catalogue shaped like an e-commerce warehouse's (from a padded envelope-sized box to a 60 cm cube),
 * a courier tariff (EUR 4.50 plus EUR 0.60 per started kilogram of chargeable weight, dimensional divisor 5000) and
 * random fulfilments of apparel, books, shoe boxes and small appliances.
 */
final class PackingInstances {

    private PackingInstances() {
    }

    static final ParcelPricing TARIFF = ParcelPricing.chargeableWeight(eur(450), eur(60), 5_000);

    static final CartonCatalogue CATALOGUE = CartonCatalogue.of(List.of(
            carton("C1", 220, 160, 80, 5_000, 25),
            carton("C2", 300, 200, 100, 10_000, 35),
            carton("C3", 310, 230, 150, 15_000, 42),
            carton("C4", 350, 250, 200, 20_000, 55),
            carton("C5", 400, 300, 200, 20_000, 62),
            carton("C6", 400, 300, 300, 25_000, 75),
            carton("C7", 500, 350, 250, 25_000, 85),
            carton("C8", 500, 400, 400, 30_000, 110),
            carton("C9", 600, 400, 400, 30_000, 130),
            carton("C10", 600, 600, 600, 31_500, 190)));

    private static final SkuAttributes[] ITEMS = {
        item("TSHIRT", 180, 300, 220, 20),
        item("JEANS", 650, 350, 280, 50),
        item("BOOK", 450, 240, 160, 35),
        item("SHOES", 1_100, 340, 210, 120),
        item("MUG", 420, 120, 120, 110),
        item("KETTLE", 1_400, 250, 200, 240),
        item("TOASTER", 2_300, 320, 200, 220),
        item("CANDLE", 300, 90, 90, 120),
        item("HOODIE", 700, 350, 300, 60),
        item("BOARDGAME", 1_200, 400, 270, 80),
    };

    /** {@code count} fulfilments of {@code units} units each, over 2 to 6 SKUs, from {@code seed}. */
    static List<List<PackLine>> fulfilments(int count, int units, long seed) {
        Random random = new Random(seed);
        List<List<PackLine>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int skus = 2 + random.nextInt(5);
            int[] quantities = new int[ITEMS.length];
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < Math.min(skus, units)) {
                int k = random.nextInt(ITEMS.length);
                if (!chosen.contains(k)) {
                    chosen.add(k);
                    quantities[k] = 1;
                }
            }
            for (int u = chosen.size(); u < units; u++) {
                quantities[chosen.get(random.nextInt(chosen.size()))]++;
            }
            List<PackLine> lines = new ArrayList<>();
            for (int k : chosen) {
                lines.add(PackLine.of(ITEMS[k], quantities[k]));
            }
            out.add(lines);
        }
        return out;
    }

    private static CartonType carton(String code, int l, int w, int h, int maxGrams, int cents) {
        return CartonType.of(code, Dimensions.ofMillimetres(l, w, h), maxGrams, eur(cents));
    }

    private static SkuAttributes item(String sku, int grams, int l, int w, int h) {
        return SkuAttributes.of(Sku.of(sku), sku.toLowerCase(java.util.Locale.ROOT), "demo", grams,
                Dimensions.ofMillimetres(l, w, h), true);
    }

    static Money eur(int cents) {
        return Money.ofMinor(CurrencyUnit.EUR, cents);
    }
}
