package io.omskit.orchestration.picking;

import java.util.List;

/**
 * How the exact routers walk one stretch of an aisle between two cross aisles, and what each way costs along it: not at
 * all, through once or twice, in and out from the back or from the front, or in and out from both ends leaving its
 * largest gap unwalked. Shared by the single-block and the middle-aisle programmes.
 */
final class AisleStretch {

    static final int NONE = 0;
    static final int THROUGH = 1;
    static final int THROUGH_TWICE = 2;
    static final int FROM_BACK = 3;
    static final int FROM_FRONT = 4;
    static final int BOTH_ENDS = 5;
    /** How many ways there are: a stretch's way is a digit in base {@value}. */
    static final int WAYS = 6;

    private AisleStretch() {
    }

    /**
     * The walk along the stretch from {@code front} to {@code front + length} with its spots {@code stretch} (front to
     * back), taken {@code way}; infinite when that way misses a spot.
     */
    static double cost(int way, List<Integer> stretch, List<Spot> spots, double front, double length) {
        boolean picks = !stretch.isEmpty();
        switch (way) {
            case NONE:
                return picks ? Double.POSITIVE_INFINITY : 0;
            case THROUGH:
                return length;
            case THROUGH_TWICE:
                return 2 * length;
            case FROM_BACK:
                return picks ? 2 * (front + length - spots.get(stretch.get(0)).y()) : Double.POSITIVE_INFINITY;
            case FROM_FRONT:
                return picks ? 2 * (spots.get(stretch.get(stretch.size() - 1)).y() - front) : Double.POSITIVE_INFINITY;
            default:
                if (stretch.size() < 2) {
                    return Double.POSITIVE_INFINITY;
                }
                int e = gapEdge(stretch, spots);
                return 2 * (front + length - spots.get(stretch.get(e)).y()) + 2 * (spots.get(stretch.get(e - 1)).y() - front);
        }
    }

    /** Index, in the front-to-back chain of a stretch, of the edge spanning its largest gap between two spots. */
    static int gapEdge(List<Integer> stretch, List<Spot> spots) {
        int best = 1;
        double gap = -1;
        for (int i = 0; i + 1 < stretch.size(); i++) {
            double g = spots.get(stretch.get(i + 1)).y() - spots.get(stretch.get(i)).y();
            if (g > gap) {
                gap = g;
                best = i + 1;
            }
        }
        return best;
    }

    /** How many times the way uses the stretch's back end. */
    static int top(int way) {
        return switch (way) {
            case THROUGH -> 1;
            case THROUGH_TWICE, FROM_BACK, BOTH_ENDS -> 2;
            default -> 0;
        };
    }

    /** How many times the way uses the stretch's front end. */
    static int bottom(int way) {
        return switch (way) {
            case THROUGH -> 1;
            case THROUGH_TWICE, FROM_FRONT, BOTH_ENDS -> 2;
            default -> 0;
        };
    }
}
