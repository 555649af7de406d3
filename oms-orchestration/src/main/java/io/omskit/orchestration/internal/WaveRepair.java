package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.spi.SourcingItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3 of {@link WavePlanner#together}: merges split shipments by exchanging stock between orders.
 *
 * <p>For each split order A (in fair rank) and each of its complete options L (a location its rules allow that
 * holds all its entitled units in the snapshot), the orders holding units of A's SKUs at L (at most
 * {@link #MAX_BLOCKERS}) are its <em>blockers</em>. When L would hold all of A's units once A and its blockers give
 * theirs back, they do: A is planned again, then each blocker in fair rank, each under its own rules against what is
 * left. The exchange is kept when every one of them still plans its entitlement and together they ship in fewer
 * shipments; otherwise every plan is restored. Passes repeat while some exchange was kept, at most
 * {@link #PASSES}; the number of plans computed is capped at {@link #BUDGET} so that the wave's run time stays
 * bounded (deterministically: the cap counts plans, not time).
 */
final class WaveRepair {

    static final int PASSES = 3;
    static final int MAX_BLOCKERS = 4;
    static final int MAX_OPTIONS = 12;
    static final int BUDGET = 60_000;

    private final WavePlanner wave;
    private final List<SourcingRequest> requests;
    private final List<List<SourcingItem>> entitled;
    private final WaveConstruction orders;
    private final ResidualStock residual;
    private final SourcingPlan[] plans;
    private final Instant now;
    // SKU -> location -> orders whose plan takes units of it there
    private final Map<Sku, Map<Integer, List<Integer>>> holders = new HashMap<>();
    private int planned;

    WaveRepair(WavePlanner wave, List<SourcingRequest> requests, List<List<SourcingItem>> entitled,
               WaveConstruction orders, ResidualStock residual, SourcingPlan[] plans, Instant now) {
        this.wave = wave;
        this.requests = requests;
        this.entitled = entitled;
        this.orders = orders;
        this.residual = residual;
        this.plans = plans;
        this.now = now;
        for (int o = 0; o < plans.length; o++) {
            if (plans[o] != null) {
                index(plans[o], o, true);
            }
        }
    }

    /** Repairs the plans in place, walking split orders in {@code fair} rank. */
    void run(int[] fair) {
        for (int pass = 0; pass < PASSES && planned < BUDGET; pass++) {
            boolean improved = false;
            for (int a : fair) {
                if (planned >= BUDGET) {
                    break;
                }
                if (plans[a] == null || plans[a].extraShipments() == 0) {
                    continue;
                }
                int[] options = orders.options(a);
                for (int x = 0; x < options.length && x < MAX_OPTIONS; x++) {
                    int[] blockers = blockers(a, options[x]);
                    if (blockers != null && tryExchange(a, blockers)) {
                        improved = true;
                        if (plans[a].extraShipments() == 0) {
                            break;
                        }
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
    }

    /**
     * The orders other than A holding A's SKUs at L, in fair rank; null when there are too many or when L would not
     * hold A's units even after they and A gave theirs back.
     */
    private int[] blockers(int a, int location) {
        Sku[] skus = orders.skus(a);
        int[] demand = orders.demand(a);
        List<Integer> out = new ArrayList<>();
        for (Sku s : skus) {
            for (int b : holders.getOrDefault(s, Map.of()).getOrDefault(location, List.of())) {
                if (b != a && !out.contains(b)) {
                    out.add(b);
                }
            }
        }
        if (out.isEmpty() || out.size() > MAX_BLOCKERS) {
            return null;
        }
        for (int s = 0; s < skus.length; s++) {
            ResidualStock.Row row = residual.row(skus[s]);
            int k = row.indexOf(location);
            long free = k < 0 ? 0 : row.units[k];
            free += takenAt(plans[a], skus[s], location);
            for (int b : out) {
                free += takenAt(plans[b], skus[s], location);
            }
            if (free < demand[s]) {
                return null;
            }
        }
        int[] bs = new int[out.size()];
        for (int x = 0; x < bs.length; x++) {
            bs[x] = out.get(x);
        }
        sortByRank(bs);
        return bs;
    }

    private void sortByRank(int[] bs) {
        for (int x = 1; x < bs.length; x++) {
            int v = bs[x];
            int y = x;
            while (y > 0 && orders.rank(bs[y - 1]) > orders.rank(v)) {
                bs[y] = bs[y - 1];
                y--;
            }
            bs[y] = v;
        }
    }

    private int takenAt(SourcingPlan plan, Sku sku, int location) {
        int q = 0;
        for (PlannedFulfilment f : plan.fulfilments()) {
            if (wave.network().indexOf(f.location()) != location) {
                continue;
            }
            for (PlannedLine l : f.lines()) {
                if (l.sku().equals(sku)) {
                    q += l.quantity();
                }
            }
        }
        return q;
    }

    private boolean tryExchange(int a, int[] bs) {
        SourcingPlan oldA = plans[a];
        residual.giveBack(oldA);
        for (int b : bs) {
            residual.giveBack(plans[b]);
        }
        SourcingPlan newA = plan(a);
        boolean ok = newA.shipments() < oldA.shipments() && newA.plannedUnits() >= oldA.plannedUnits();
        SourcingPlan[] newB = new SourcingPlan[bs.length];
        int taken = 0;
        if (ok) {
            residual.take(newA);
            int before = oldA.shipments();
            int after = newA.shipments();
            for (int x = 0; x < bs.length && ok; x++) {
                newB[x] = plan(bs[x]);
                residual.take(newB[x]);
                taken++;
                ok = newB[x].plannedUnits() >= plans[bs[x]].plannedUnits();
                before += plans[bs[x]].shipments();
                after += newB[x].shipments();
            }
            ok = ok && after < before;
            if (!ok) {
                for (int x = 0; x < taken; x++) {
                    residual.giveBack(newB[x]);
                }
                residual.giveBack(newA);
            }
        }
        if (!ok) {
            residual.take(oldA);
            for (int b : bs) {
                residual.take(plans[b]);
            }
            return false;
        }
        replace(a, newA);
        for (int x = 0; x < bs.length; x++) {
            replace(bs[x], newB[x]);
        }
        return true;
    }

    private SourcingPlan plan(int o) {
        planned++;
        return wave.plan(requests.get(o), entitled.get(o), residual, now);
    }

    private void replace(int o, SourcingPlan plan) {
        index(plans[o], o, false);
        index(plan, o, true);
        plans[o] = plan;
    }

    private void index(SourcingPlan plan, int o, boolean add) {
        for (PlannedFulfilment f : plan.fulfilments()) {
            int location = wave.network().indexOf(f.location());
            for (PlannedLine l : f.lines()) {
                List<Integer> list = holders.computeIfAbsent(l.sku(), x -> new HashMap<>())
                        .computeIfAbsent(location, x -> new ArrayList<>());
                if (add) {
                    if (!list.contains(o)) {
                        list.add(o);
                    }
                } else {
                    list.remove(Integer.valueOf(o));
                }
            }
        }
    }
}
