package io.omskit.orchestration.picking;

/** A way of ordering the stops of a pick route; {@link PickRoute} reports the distance of each it tried. */
public enum RoutingMethod {
    /**
     * Shortest route of a layout with at most {@link PickRouter#MAX_EXACT_BLOCKS} blocks (Ratliff and Rosenthal's
     * dynamic programme, extended by Roodbergen and de Koster to a middle cross aisle): provably optimal.
     */
    OPTIMAL,
    /** S-shape: every aisle with a pick is walked end to end. */
    S_SHAPE,
    /** Largest gap: aisles are entered from the front and the back up to their largest gap between picks. */
    LARGEST_GAP,
    /**
     * Combined: each aisle with a pick is walked through or entered and left by the same end, the mix chosen by
     * dynamic programming over the aisles; on several blocks block by block, farthest block first.
     */
    COMBINED,
    /**
     * Combined+ (layouts of two blocks or more): combined with the choice of the aisle walked up first (leftmost or
     * rightmost with picks) and, in each block, of the direction the aisles are visited in, judged up to the next
     * block with picks. Named after Roodbergen and de Koster's combined+ (2001), whose definition could not be read:
     * our variant, not theirs, and its distances are this variant's.
     */
    COMBINED_PLUS,
    /** Nearest neighbour: always walk to the nearest pick not yet taken. */
    NEAREST_NEIGHBOUR,
    /**
     * The best heuristic route improved by 2-opt and segment moves on the walking order; on several blocks nearest
     * neighbour is improved too and the shorter of the two kept.
     */
    LOCAL_SEARCH
}
