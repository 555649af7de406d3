package io.omskit.testkit.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.orchestration.picking.AisleDirection;
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
 * Random picking instances from a seed: a layout, a slotting where some SKUs sit in two bins, and a pick list.
 *
 * @param slotting the layout and its bins
 * @param pickList one fulfilment's lines, each SKU with a bin
 */
public record RandomPicking(Slotting slotting, PickList pickList) {

    /** This instance with each aisle, at random from {@code seed}, one-way in either direction or two-way. */
    public RandomPicking withOneWayAisles(long seed) {
        Random random = new Random(seed);
        WarehouseLayout layout = slotting.layout();
        for (int a = 1; a <= layout.aisles(); a++) {
            int pick = random.nextInt(3);
            if (pick > 0) {
                layout = layout.withOneWayAisle(a, pick == 1 ? AisleDirection.TOWARDS_BACK : AisleDirection.TOWARDS_FRONT);
            }
        }
        Map<Sku, List<BinAddress>> bins = new HashMap<>();
        for (Sku sku : slotting.skus()) {
            bins.put(sku, slotting.binsOf(sku));
        }
        return new RandomPicking(Slotting.of(layout, bins), pickList);
    }

    /**
     * An instance with at most {@code maxAisles} aisles, {@code blocks} blocks and {@code lines} lines, of which up to
     * a third sit in two bins.
     */
    public static RandomPicking of(long seed, int maxAisles, int blocks, int baysPerBlock, int lines) {
        Random random = new Random(seed);
        int aisles = 1 + random.nextInt(maxAisles);
        WarehouseLayout layout = new WarehouseLayout(aisles, blocks, baysPerBlock, 2,
                1 + random.nextInt(40) / 10.0, 0.5 + random.nextInt(15) / 10.0, 1 + random.nextInt(30) / 10.0,
                1 + random.nextInt(aisles));
        Map<Sku, List<BinAddress>> bins = new HashMap<>();
        List<PickLine> pickLines = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Sku sku = Sku.of("SKU-" + i);
            List<BinAddress> where = new ArrayList<>();
            int count = random.nextInt(3) == 0 ? 2 : 1;
            for (int k = 0; k < count; k++) {
                where.add(new BinAddress(1 + random.nextInt(aisles), 1 + random.nextInt(blocks),
                        1 + random.nextInt(baysPerBlock), random.nextBoolean() ? RackSide.LEFT : RackSide.RIGHT,
                        1 + random.nextInt(2)));
            }
            bins.put(sku, where);
            pickLines.add(PickLine.of(sku, 1 + random.nextInt(3)));
        }
        return new RandomPicking(Slotting.of(layout, bins),
                new PickList(FulfilmentId.of("F-" + Long.toHexString(seed)), pickLines));
    }
}
