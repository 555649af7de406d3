package io.omskit.testkit.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.rulebook.SplitPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The optimum of a {@link SourcingInstance} by enumerating every plan: every split of every line over the
 * locations allowed for it, and for groups every single location that holds the whole group. Independent of the
 * engine's optimiser; exponential, for instances of a few lines and locations only.
 */
public final class BruteForceSourcing {

    /** The best plan's figures: units left unsourced (fewest first), then its cost. */
    public record Optimum(int unsourced, double cost) {
    }

    private final SourcingInstance instance;
    private final List<LocationId> locations = new ArrayList<>();
    private final List<DemandLine> lines;
    private final int[][] take;
    private int bestUnsourced = Integer.MAX_VALUE;
    private double bestCost = Double.POSITIVE_INFINITY;

    private BruteForceSourcing(SourcingInstance instance) {
        this.instance = instance;
        instance.network().locations().forEach(l -> locations.add(l.id()));
        this.lines = instance.demand().lines();
        this.take = new int[lines.size()][locations.size()];
    }

    /** The optimum of {@code instance}. */
    public static Optimum optimum(SourcingInstance instance) {
        BruteForceSourcing b = new BruteForceSourcing(instance);
        b.decide(decisions(instance), 0);
        return new Optimum(b.bestUnsourced, b.bestCost);
    }

    /** A decision: one ungrouped line (index), or one group of lines. */
    private record Decision(int line, List<Integer> group) {
    }

    private static List<Decision> decisions(SourcingInstance instance) {
        List<DemandLine> lines = instance.demand().lines();
        List<Decision> out = new ArrayList<>();
        List<Set<LineId>> groups = new ArrayList<>(instance.groups());
        if (instance.split() == SplitPolicy.SHIP_COMPLETE) {
            groups.clear();
            Set<LineId> all = new java.util.HashSet<>();
            lines.forEach(l -> all.add(l.line()));
            groups.add(all);
        }
        boolean[] grouped = new boolean[lines.size()];
        for (Set<LineId> g : groups) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (g.contains(lines.get(i).line())) {
                    members.add(i);
                    grouped[i] = true;
                }
            }
            out.add(new Decision(-1, members));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!grouped[i]) {
                out.add(new Decision(i, null));
            }
        }
        return out;
    }

    private boolean allowed(int line, int loc) {
        LocationId l = locations.get(loc);
        return !instance.excluded().contains(l) && instance.unitsOf(lines.get(line).sku(), l) > 0;
    }

    private int stock(int line, int loc) {
        return instance.unitsOf(lines.get(line).sku(), locations.get(loc));
    }

    private void decide(List<Decision> decisions, int d) {
        if (d == decisions.size()) {
            evaluate();
            return;
        }
        Decision decision = decisions.get(d);
        if (decision.group() != null) {
            decide(decisions, d + 1);
            for (int loc = 0; loc < locations.size(); loc++) {
                boolean fits = true;
                for (int i : decision.group()) {
                    fits &= allowed(i, loc) && stock(i, loc) >= lines.get(i).quantity();
                }
                if (!fits) {
                    continue;
                }
                for (int i : decision.group()) {
                    take[i][loc] = lines.get(i).quantity();
                }
                decide(decisions, d + 1);
                for (int i : decision.group()) {
                    take[i][loc] = 0;
                }
            }
            return;
        }
        distribute(decisions, d, decision.line(), 0, lines.get(decision.line()).quantity());
    }

    private void distribute(List<Decision> decisions, int d, int line, int loc, int left) {
        if (loc == locations.size()) {
            decide(decisions, d + 1);
            return;
        }
        int max = allowed(line, loc) ? Math.min(left, stock(line, loc)) : 0;
        for (int x = 0; x <= max; x++) {
            if (instance.wholeLine() && x != 0 && (x != lines.get(line).quantity())) {
                continue;
            }
            take[line][loc] = x;
            distribute(decisions, d, line, loc + 1, left - x);
        }
        take[line][loc] = 0;
    }

    private void evaluate() {
        TableCost costs = instance.costs();
        int used = 0;
        double cost = 0;
        int planned = 0;
        int ordered = 0;
        for (DemandLine l : lines) {
            ordered += l.quantity();
        }
        for (int loc = 0; loc < locations.size(); loc++) {
            LocationId id = locations.get(loc);
            boolean any = false;
            for (int i = 0; i < lines.size(); i++) {
                int x = take[i][loc];
                if (x == 0) {
                    continue;
                }
                any = true;
                planned += x;
                Sku sku = lines.get(i).sku();
                int free = Math.max(0, stock(i, loc) - costs.protectedUnits(id));
                int last = Math.max(0, x - free);
                cost += x * costs.unit(id, sku) + last * costs.protectedUnitCost(id);
            }
            if (any) {
                used++;
                cost += costs.shipment(id);
            }
        }
        if (used > instance.maxShipments()) {
            return;
        }
        if (used > 1) {
            cost += instance.splitPenalty() * (used - 1);
        }
        int unsourced = ordered - planned;
        if (unsourced < bestUnsourced || (unsourced == bestUnsourced && cost < bestCost)) {
            bestUnsourced = unsourced;
            bestCost = cost;
        }
    }
}
