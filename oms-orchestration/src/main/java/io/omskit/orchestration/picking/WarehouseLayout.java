package io.omskit.orchestration.picking;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The picking area of a location, as a grid of parallel aisles crossed by cross aisles.
 *
 * <p>Aisles are numbered 1 to {@code aisles} from left to right, {@code aisleSpacingMetres} apart (centre line to
 * centre line). Cross aisles run across every aisle: one at the front, one at the back and {@code blocks - 1} in the
 * middle, so the aisles are cut into {@code blocks} blocks, numbered 1 (at the front) upwards. In every block each
 * aisle has {@code baysPerBlock} bays on each side, numbered 1 (nearest the front) upwards, each
 * {@code bayWidthMetres} long, with {@code levels} shelf levels. A cross aisle is {@code crossAisleWidthMetres} wide.
 * The depot, where a picker starts and ends, is on the front cross aisle at the head of aisle {@code depotAisle}.
 * A picker walks along centre lines and reaches both sides and every level from there. Aisles named in
 * {@code oneWayAisles} may be walked in one direction only, along their whole length; cross aisles are two-way.
 *
 * @param aisles                number of aisles, at least 1
 * @param blocks                number of blocks, at least 1 (1: a front and a back cross aisle only)
 * @param baysPerBlock          bays per aisle side in one block, at least 1
 * @param levels                shelf levels, at least 1
 * @param aisleSpacingMetres    distance between the centre lines of neighbouring aisles, finite and above 0
 * @param bayWidthMetres        length of a bay along its aisle, finite and above 0
 * @param crossAisleWidthMetres width of every cross aisle, finite and above 0
 * @param depotAisle            the aisle at whose front head the depot is, 1 to {@code aisles}
 * @param oneWayAisles          the one-way aisles and their direction; empty when every aisle is two-way
 */
public record WarehouseLayout(int aisles, int blocks, int baysPerBlock, int levels, double aisleSpacingMetres,
                              double bayWidthMetres, double crossAisleWidthMetres, int depotAisle,
                              Map<Integer, AisleDirection> oneWayAisles) {

    /**
     * A layout whose aisles may all be walked both ways.
     *
     * @throws IllegalArgumentException naming every field that breaks its rule
     */
    public WarehouseLayout(int aisles, int blocks, int baysPerBlock, int levels, double aisleSpacingMetres,
                           double bayWidthMetres, double crossAisleWidthMetres, int depotAisle) {
        this(aisles, blocks, baysPerBlock, levels, aisleSpacingMetres, bayWidthMetres, crossAisleWidthMetres, depotAisle,
                Map.of());
    }

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming every field that breaks its rule
     */
    public WarehouseLayout {
        List<String> problems = new ArrayList<>();
        atLeastOne(problems, "aisles", aisles);
        atLeastOne(problems, "blocks", blocks);
        atLeastOne(problems, "baysPerBlock", baysPerBlock);
        atLeastOne(problems, "levels", levels);
        positive(problems, "aisleSpacingMetres", aisleSpacingMetres);
        positive(problems, "bayWidthMetres", bayWidthMetres);
        positive(problems, "crossAisleWidthMetres", crossAisleWidthMetres);
        if (depotAisle < 1 || depotAisle > Math.max(1, aisles)) {
            problems.add("depotAisle must be between 1 and aisles (" + aisles + "), was " + depotAisle);
        }
        Checks.notNull(oneWayAisles, "oneWayAisles");
        for (Map.Entry<Integer, AisleDirection> e : oneWayAisles.entrySet()) {
            Checks.notNull(e.getKey(), "oneWayAisles key");
            Checks.notNull(e.getValue(), "oneWayAisles[" + e.getKey() + "]");
            if (e.getKey() < 1 || e.getKey() > aisles) {
                problems.add("oneWayAisles must name aisles between 1 and aisles (" + aisles + "), named " + e.getKey());
            }
        }
        oneWayAisles = Map.copyOf(oneWayAisles);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid warehouse layout: " + String.join("; ", problems));
        }
    }

    /**
     * A single-block layout (a front and a back cross aisle) with the depot at the head of the first aisle and one
     * level.
     */
    public static WarehouseLayout singleBlock(int aisles, int bays, double aisleSpacingMetres, double bayWidthMetres,
                                              double crossAisleWidthMetres) {
        return new WarehouseLayout(aisles, 1, bays, 1, aisleSpacingMetres, bayWidthMetres, crossAisleWidthMetres, 1);
    }

    /** This layout with the depot at the head of {@code aisle}. @throws IllegalArgumentException when out of range */
    public WarehouseLayout withDepotAt(int aisle) {
        return new WarehouseLayout(aisles, blocks, baysPerBlock, levels, aisleSpacingMetres, bayWidthMetres,
                crossAisleWidthMetres, aisle, oneWayAisles);
    }

    /**
     * This layout with {@code aisle} one-way in {@code direction}.
     *
     * @throws IllegalArgumentException when the aisle is out of range
     */
    public WarehouseLayout withOneWayAisle(int aisle, AisleDirection direction) {
        Map<Integer, AisleDirection> oneWay = new HashMap<>(oneWayAisles);
        oneWay.put(aisle, Checks.notNull(direction, "direction"));
        return new WarehouseLayout(aisles, blocks, baysPerBlock, levels, aisleSpacingMetres, bayWidthMetres,
                crossAisleWidthMetres, depotAisle, oneWay);
    }

    /** Whether some aisle is one-way. */
    public boolean hasOneWayAisles() {
        return !oneWayAisles.isEmpty();
    }

    /** Whether the layout has cross aisles only at the front and the back. */
    public boolean isSingleBlock() {
        return blocks == 1;
    }

    /** Length of one block's aisle section, bays only, in metres. */
    public double blockLengthMetres() {
        return baysPerBlock * bayWidthMetres;
    }

    /** Distance along an aisle between the centre lines of two neighbouring cross aisles, in metres. */
    public double crossAisleSpacingMetres() {
        return blockLengthMetres() + crossAisleWidthMetres;
    }

    /** Position of aisle {@code aisle} (1-based) across the aisles, in metres from aisle 1. */
    double x(int aisle) {
        return (aisle - 1) * aisleSpacingMetres;
    }

    /** Position of cross aisle {@code k} (0 = front, {@code blocks} = back) along the aisles, in metres. */
    double crossAisleY(int k) {
        return k * crossAisleSpacingMetres();
    }

    /** Position of the middle of bay {@code bay} of block {@code block} (both 1-based) along the aisles, in metres. */
    double bayY(int block, int bay) {
        return crossAisleY(block - 1) + crossAisleWidthMetres / 2 + (bay - 0.5) * bayWidthMetres;
    }

    private static void atLeastOne(List<String> problems, String name, int value) {
        if (value < 1) {
            problems.add(name + " must be >= 1, was " + value);
        }
    }

    private static void positive(List<String> problems, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(name + " must be finite and > 0, was " + value);
        }
    }
}
