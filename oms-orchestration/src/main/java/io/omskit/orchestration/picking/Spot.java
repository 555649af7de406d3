package io.omskit.orchestration.picking;

/**
 * A point a picker walks to: on the centre line of {@code aisle} inside {@code block}, {@code y} metres from the
 * front cross aisle's centre line; block 0 means on the front cross aisle itself (the depot).
 */
record Spot(int aisle, int block, double y) {

    static Spot depot(WarehouseLayout layout) {
        return new Spot(layout.depotAisle(), 0, 0);
    }

    static Spot of(WarehouseLayout layout, BinAddress bin) {
        return new Spot(bin.aisle(), bin.block(), layout.bayY(bin.block(), bin.bay()));
    }

    /** Length of the shortest walk between two spots: aisles and cross aisles form a full grid. */
    static double distance(WarehouseLayout layout, Spot a, Spot b) {
        if (a.block > 0 && a.aisle == b.aisle && a.block == b.block) {
            return Math.abs(a.y - b.y);
        }
        double dx = Math.abs(layout.x(a.aisle) - layout.x(b.aisle));
        double best = Double.POSITIVE_INFINITY;
        for (int ea = exitLow(a); ea <= exitHigh(a); ea++) {
            double ya = layout.crossAisleY(ea);
            for (int eb = exitLow(b); eb <= exitHigh(b); eb++) {
                double yb = layout.crossAisleY(eb);
                best = Math.min(best, Math.abs(a.y - ya) + dx + Math.abs(ya - yb) + Math.abs(b.y - yb));
            }
        }
        return best;
    }

    private static int exitLow(Spot s) {
        return Math.max(0, s.block - 1);
    }

    private static int exitHigh(Spot s) {
        return s.block;
    }
}
