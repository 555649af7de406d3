package io.omskit.benchmarks.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.orchestration.picking.BinAddress;
import io.omskit.orchestration.picking.PickLine;
import io.omskit.orchestration.picking.PickList;
import io.omskit.orchestration.picking.RackSide;
import io.omskit.orchestration.picking.Slotting;
import io.omskit.orchestration.picking.WarehouseLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random pick lists in the style of Roodbergen and de Koster's experiments: one SKU per bin on both sides of every
 * aisle, picks drawn uniformly over the bins, depot at the front of the leftmost aisle; aisles 2.5 m apart (1 m walking
 * aisle and two racks), bays 1 m wide, cross aisles 2 m wide.
 */
final class PickingInstances {

    private PickingInstances() {
    }

    static WarehouseLayout layout(int aisles, int blocks, int baysPerBlock) {
        return new WarehouseLayout(aisles, blocks, baysPerBlock, 1, 2.5, 1.0, 2.0, 1);
    }

    /** A SKU in every bin of the layout, named after it. */
    static Slotting slotting(WarehouseLayout layout) {
        Map<Sku, List<BinAddress>> bins = new HashMap<>();
        for (int a = 1; a <= layout.aisles(); a++) {
            for (int b = 1; b <= layout.blocks(); b++) {
                for (int bay = 1; bay <= layout.baysPerBlock(); bay++) {
                    for (RackSide side : RackSide.values()) {
                        BinAddress bin = new BinAddress(a, b, bay, side, 1);
                        bins.put(Sku.of(bin.toString()), List.of(bin));
                    }
                }
            }
        }
        return Slotting.of(layout, bins);
    }

    /** {@code count} pick lists of {@code picks} distinct bins each, from {@code seed}. */
    static List<PickList> lists(WarehouseLayout layout, int count, int picks, long seed) {
        Random random = new Random(seed);
        List<PickList> lists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Sku, PickLine> lines = new HashMap<>();
            while (lines.size() < picks) {
                BinAddress bin = new BinAddress(1 + random.nextInt(layout.aisles()), 1 + random.nextInt(layout.blocks()),
                        1 + random.nextInt(layout.baysPerBlock()), random.nextBoolean() ? RackSide.LEFT : RackSide.RIGHT, 1);
                Sku sku = Sku.of(bin.toString());
                lines.put(sku, PickLine.of(sku, 1));
            }
            lists.add(new PickList(FulfilmentId.of("P" + i), new ArrayList<>(lines.values())));
        }
        return lists;
    }
}
