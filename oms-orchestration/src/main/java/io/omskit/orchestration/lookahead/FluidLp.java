package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rules.LaneTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The deterministic (fluid) linear program of Jasin and Sinha (2015), solved with ojAlgo. For every forecast profile
 * t (a region and a basket, expected {@code n_t} orders) and every item i of its basket: {@code x[t,i,f]} the share of
 * its orders whose item ships from location f, {@code u[t,i]} the share left unsourced, {@code y[t,f]} the share
 * using f at all, with {@code sum_f x[t,i,f] + u[t,i] = 1}, {@code x[t,i,f] <= y[t,f]}, and for every SKU and
 * location {@code sum n_t x[t,i,f] <= stock}. It minimises
 * {@code sum_t n_t (sum_f perShipment[f,r] y[t,f] + sum_{i,f} perUnit[f,r] x[t,i,f] + sum_i unsourced[i] u[t,i])}.
 */
final class FluidLp {

    private FluidLp() {
    }

    static FluidPlan solve(List<DemandForecast.Profile> profiles, List<LocationId> locations,
                           ToIntBiFunction<Sku, LocationId> stock, LaneTable lanes, UnsourcedCost unsourcedCost) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        int[] next = {0};
        Map<Sku, Map<LocationId, Expression>> capacity = new HashMap<>();
        record Take(int variable, double orders, String region, Sku sku, LocationId location) {
        }
        record Leave(int variable, double orders, String region, Sku sku) {
        }
        List<Take> takes = new ArrayList<>();
        List<Leave> leaves = new ArrayList<>();
        Map<Sku, Map<LocationId, Integer>> held = new HashMap<>();
        for (DemandForecast.Profile t : profiles) {
            double n = t.orders();
            String r = t.region();
            Variable[] y = new Variable[locations.size()];
            for (Sku sku : t.basket()) {
                Expression one = model.addExpression().level(1);
                Variable u = model.addVariable().lower(0).upper(1).weight(n * unsourcedCost.unitCost(sku, null, 1));
                one.set(u, 1);
                leaves.add(new Leave(next[0]++, n, r, sku));
                for (int f = 0; f < locations.size(); f++) {
                    LocationId loc = locations.get(f);
                    LaneTable.Lane lane = lanes.lane(loc, r).orElse(null);
                    int units = held.computeIfAbsent(sku, s -> new HashMap<>())
                            .computeIfAbsent(loc, l -> stock.applyAsInt(sku, l));
                    if (lane == null || units <= 0) {
                        continue;
                    }
                    if (y[f] == null) {
                        y[f] = model.addVariable().lower(0).upper(1).weight(n * lane.perShipment());
                        next[0]++;
                    }
                    Variable x = model.addVariable().lower(0).upper(1).weight(n * lane.perUnit());
                    takes.add(new Take(next[0]++, n, r, sku, loc));
                    one.set(x, 1);
                    model.addExpression().upper(0).set(x, 1).set(y[f], -1);
                    capacity.computeIfAbsent(sku, s -> new HashMap<>())
                            .computeIfAbsent(loc, l -> model.addExpression().upper(units)).set(x, n);
                }
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the fluid program found no solution: " + result.getState());
        }
        Map<String, Map<Sku, Map<LocationId, Double>>> targets = new HashMap<>();
        for (Take k : takes) {
            double units = k.orders() * Math.max(0, result.doubleValue(k.variable()));
            if (units > 1e-9) {
                targets.computeIfAbsent(k.region(), r -> new HashMap<>()).computeIfAbsent(k.sku(), s -> new HashMap<>())
                        .merge(k.location(), units, Double::sum);
            }
        }
        Map<String, Map<Sku, Double>> unsourced = new HashMap<>();
        for (Leave l : leaves) {
            double units = l.orders() * Math.max(0, result.doubleValue(l.variable()));
            if (units > 1e-9) {
                unsourced.computeIfAbsent(l.region(), r -> new HashMap<>()).merge(l.sku(), units, Double::sum);
            }
        }
        return new FluidPlan(result.getValue(), deepCopy(targets), Map.copyOf(unsourced));
    }

    static Map<String, Map<Sku, Map<LocationId, Double>>> deepCopy(Map<String, Map<Sku, Map<LocationId, Double>>> in) {
        Map<String, Map<Sku, Map<LocationId, Double>>> out = new HashMap<>();
        in.forEach((r, bySku) -> {
            Map<Sku, Map<LocationId, Double>> s = new HashMap<>();
            bySku.forEach((sku, byLoc) -> s.put(sku, Map.copyOf(byLoc)));
            out.put(r, Map.copyOf(s));
        });
        return Map.copyOf(out);
    }
}
