package io.omskit.core.inventory;

import io.omskit.core.catalog.Sku;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** The check that a request's lines, which may repeat a SKU, ask for a sane number of units of each SKU in all. */
final class UnitsPerSku {

    private UnitsPerSku() {
    }

    /**
     * @throws IllegalArgumentException naming the first SKU the lines ask for more than {@code max} units of, and
     *                                  how many they ask for
     */
    static <L> void atMost(List<L> lines, Function<L, Sku> sku, ToIntFunction<L> quantity, int max) {
        // ints summed in a long: no overflow below 2^32 lines
        long all = 0;
        for (L line : lines) {
            all += quantity.applyAsInt(line);
        }
        if (all <= max) {
            return; // no SKU can have more than every SKU together; the usual case, without a map
        }
        Map<Sku, Long> units = new LinkedHashMap<>();
        for (L line : lines) {
            units.merge(sku.apply(line), (long) quantity.applyAsInt(line), Long::sum);
        }
        units.forEach((s, total) -> {
            if (total > max) {
                throw new IllegalArgumentException("lines must ask for at most " + max + " units of " + s + " in all, ask for "
                        + total);
            }
        });
    }
}
