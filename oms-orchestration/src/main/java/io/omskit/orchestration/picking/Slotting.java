package io.omskit.orchestration.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each SKU sits in a {@link WarehouseLayout}: one or more bins per SKU. When a SKU sits in several bins the
 * router chooses the bin together with the route.
 */
public final class Slotting {

    private final WarehouseLayout layout;
    private final Map<Sku, List<BinAddress>> bins;

    private Slotting(WarehouseLayout layout, Map<Sku, List<BinAddress>> bins) {
        this.layout = layout;
        this.bins = bins;
    }

    /**
     * The slotting of {@code layout}.
     *
     * @param binsBySku for each SKU the bins it sits in; every list non-empty, every bin inside the layout
     * @throws NullPointerException     when an argument, a key, a list or a bin is null
     * @throws IllegalArgumentException listing every SKU with no bin and every bin outside the layout (field,
     *                                  value and the layout's range)
     */
    public static Slotting of(WarehouseLayout layout, Map<Sku, List<BinAddress>> binsBySku) {
        Checks.notNull(layout, "layout");
        Checks.notNull(binsBySku, "binsBySku");
        List<String> problems = new ArrayList<>();
        Map<Sku, List<BinAddress>> copy = new LinkedHashMap<>();
        for (Map.Entry<Sku, List<BinAddress>> e : binsBySku.entrySet()) {
            Sku sku = Checks.notNull(e.getKey(), "binsBySku key");
            List<BinAddress> list = Checks.list(e.getValue(), "binsBySku[" + sku + "]");
            if (list.isEmpty()) {
                problems.add("binsBySku[" + sku + "] must name at least one bin, was empty");
            }
            for (BinAddress bin : list) {
                outOfLayout(layout, bin, "binsBySku[" + sku + "]", problems);
            }
            copy.put(sku, List.copyOf(new TreeSet<>(list)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid slotting: " + String.join("; ", problems));
        }
        return new Slotting(layout, Map.copyOf(copy));
    }

    static void outOfLayout(WarehouseLayout layout, BinAddress bin, String field, List<String> problems) {
        check(problems, field, bin, "aisle", bin.aisle(), layout.aisles());
        check(problems, field, bin, "block", bin.block(), layout.blocks());
        check(problems, field, bin, "bay", bin.bay(), layout.baysPerBlock());
        check(problems, field, bin, "level", bin.level(), layout.levels());
    }

    private static void check(List<String> problems, String field, BinAddress bin, String part, int value, int max) {
        if (value > max) {
            problems.add(field + " bin " + bin + ": " + part + " must be between 1 and " + max + " in this layout, was "
                    + value);
        }
    }

    /** The layout these bins are in. */
    public WarehouseLayout layout() {
        return layout;
    }

    /** The bins {@code sku} sits in, sorted; empty when it sits nowhere. */
    public List<BinAddress> binsOf(Sku sku) {
        return bins.getOrDefault(Checks.notNull(sku, "sku"), List.of());
    }

    /** Every SKU with a bin. */
    public Set<Sku> skus() {
        return bins.keySet();
    }
}
