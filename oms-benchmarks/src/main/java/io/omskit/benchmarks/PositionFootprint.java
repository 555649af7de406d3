package io.omskit.benchmarks;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.LocationId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap taken per stock position by the in-memory store: loads {@code skus x locations} positions
 * through the bulk path, each with stock, and prints the heap-used difference (after full GCs) per position.
 * Everything the store holds for them is counted: SKU ids, stripes, locks, arrays, hash tables, map entries.
 *
 * <pre>java -Xmx4g -XX:+UseSerialGC -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.PositionFootprint 20000 500</pre>
 */
public final class PositionFootprint {

    private PositionFootprint() {
    }

    /**
     * Arguments: number of SKUs (default 20,000), locations per SKU (default 500), and optionally {@code rotated}:
     * each SKU then lists the locations starting at a different one, so its positions are not in location-index
     * order and the store keeps a hash table per SKU (the general, non-dense layout).
     */
    public static void main(String[] args) {
        int skuCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int locationCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<LocationId> locations = new ArrayList<>(locationCount);
        for (int l = 0; l < locationCount; l++) {
            locations.add(LocationId.of("L" + l));
        }
        boolean rotated = args.length > 2 && args[2].equals("rotated");
        int[] onHand = new int[locationCount];
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = usedAfterGc(memory);
        InMemoryInventoryStore store = InMemoryInventoryStore.create(Clock.systemUTC());
        for (int s = 0; s < skuCount; s++) {
            for (int l = 0; l < locationCount; l++) {
                onHand[l] = 1 + (s + l) % 50;
            }
            List<LocationId> order = locations;
            if (rotated) {
                order = new ArrayList<>(locations);
                java.util.Collections.rotate(order, 1 + s % (locationCount - 1));
            }
            store.load(Sku.of("SKU-" + s), order, onHand);
        }
        long after = usedAfterGc(memory);
        Reference.reachabilityFence(store);

        long positions = (long) skuCount * locationCount;
        System.out.printf("%,d SKUs x %,d locations%s = %,d positions: %,d bytes of heap, %.1f bytes per position%n",
                skuCount, locationCount, rotated ? " (rotated)" : "", positions, after - before,
                (after - before) / (double) positions);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
