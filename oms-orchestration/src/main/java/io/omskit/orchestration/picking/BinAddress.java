package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import java.util.Comparator;

/**
 * One bin of a {@link WarehouseLayout}: aisle, block, bay, side and level, each numbered from 1 as in the layout.
 * Whether the bin exists in a given layout is checked by {@link Slotting}.
 *
 * @param aisle 1 = leftmost aisle
 * @param block 1 = the block at the front
 * @param bay   1 = the bay nearest the front of its block
 * @param side  the side of the aisle; not null
 * @param level 1 = the lowest shelf
 */
public record BinAddress(int aisle, int block, int bay, RackSide side, int level) implements Comparable<BinAddress> {

    private static final Comparator<BinAddress> ORDER = Comparator.comparingInt(BinAddress::aisle)
            .thenComparingInt(BinAddress::block).thenComparingInt(BinAddress::bay)
            .thenComparing(BinAddress::side).thenComparingInt(BinAddress::level);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when a number is below 1
     * @throws NullPointerException     when {@code side} is null
     */
    public BinAddress {
        Checks.positive(aisle, "aisle");
        Checks.positive(block, "block");
        Checks.positive(bay, "bay");
        Checks.notNull(side, "side");
        Checks.positive(level, "level");
    }

    /** A bin on the left side, lowest level. */
    public static BinAddress of(int aisle, int block, int bay) {
        return new BinAddress(aisle, block, bay, RackSide.LEFT, 1);
    }

    @Override
    public int compareTo(BinAddress other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "A" + aisle + "-B" + block + "-" + bay + (side == RackSide.LEFT ? "L" : "R") + level;
    }
}
