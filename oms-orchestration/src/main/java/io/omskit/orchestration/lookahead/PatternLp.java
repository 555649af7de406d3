package io.omskit.orchestration.lookahead;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rules.LaneTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The order-based (pattern) linear program (W. Ma, M&amp;SOM 2023; the "order-based" LP beside Jasin and Sinha's
 * fluid one), solved with ojAlgo. For every forecast profile t (a region and a basket, expected {@code n_t} orders)
 * and every fulfilment pattern p of its basket (each item from one location holding it, or unsourced):
 * {@code z[t,p] >= 0} orders, with {@code sum_p z[t,p] = n_t} and for every SKU and location
 * {@code sum z[t,p] over the patterns taking it there <= stock}. A pattern is priced exactly: the per-shipment cost of
 * each distinct location it ships from, the per-unit cost of each item it ships, the unsourced cost of each item it
 * leaves. Its optimum is at least the fluid LP's (every pattern solution is a fluid solution), and a tighter bound.
 */
final class PatternLp {

    private PatternLp() {
    }

    static FluidPlan solve(List<DemandForecast.Profile> profiles, List<LocationId> locations,
                           ToIntBiFunction<Sku, LocationId> stock, LaneTable lanes, UnsourcedCost unsourcedCost) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Sku, int[]> held = new HashMap<>();
        Map<Sku, Expression[]> capacity = new HashMap<>();
        record Column(int variable, int profile, int[] from, double cost) {
        }
        List<Column> columns = new ArrayList<>();
        int next = 0;
        for (int t = 0; t < profiles.size(); t++) {
            DemandForecast.Profile profile = profiles.get(t);
            List<Sku> basket = profile.basket();
            int items = basket.size();
            LaneTable.Lane[] lane = new LaneTable.Lane[locations.size()];
            for (int f = 0; f < locations.size(); f++) {
                lane[f] = lanes.lane(locations.get(f), profile.region()).orElse(null);
            }
            int[][] options = new int[items][];
            double[] leave = new double[items];
            for (int i = 0; i < items; i++) {
                Sku sku = basket.get(i);
                int[] units = held.computeIfAbsent(sku, s -> {
                    int[] u = new int[locations.size()];
                    for (int f = 0; f < u.length; f++) {
                        u[f] = stock.applyAsInt(s, locations.get(f));
                    }
                    return u;
                });
                List<Integer> from = new ArrayList<>();
                for (int f = 0; f < locations.size(); f++) {
                    if (lane[f] != null && units[f] > 0) {
                        from.add(f);
                    }
                }
                from.add(-1);
                options[i] = from.stream().mapToInt(Integer::intValue).toArray();
                leave[i] = unsourcedCost.unitCost(sku, null, 1);
            }
            Expression orders = model.addExpression().level(profile.orders());
            int[] pick = new int[items];
            int[] digit = new int[items];
            while (true) {
                double cost = 0;
                for (int i = 0; i < items; i++) {
                    int f = options[i][digit[i]];
                    pick[i] = f;
                    if (f < 0) {
                        cost += leave[i];
                        continue;
                    }
                    cost += lane[f].perUnit();
                    boolean first = true;
                    for (int j = 0; j < i; j++) {
                        first &= pick[j] != f;
                    }
                    if (first) {
                        cost += lane[f].perShipment();
                    }
                }
                Variable z = model.addVariable().lower(0).weight(cost);
                orders.set(z, 1);
                for (int i = 0; i < items; i++) {
                    int f = pick[i];
                    if (f >= 0) {
                        Sku sku = basket.get(i);
                        Expression[] byLocation = capacity.computeIfAbsent(sku, s -> new Expression[locations.size()]);
                        if (byLocation[f] == null) {
                            byLocation[f] = model.addExpression().upper(held.get(sku)[f]);
                        }
                        byLocation[f].set(z, 1);
                    }
                }
                columns.add(new Column(next++, t, pick.clone(), cost));
                int i = 0;
                while (i < items && ++digit[i] == options[i].length) {
                    digit[i++] = 0;
                }
                if (i == items) {
                    break;
                }
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the order-based program found no solution: " + result.getState());
        }
        Map<String, Map<Sku, Map<LocationId, Double>>> targets = new HashMap<>();
        Map<String, Map<Sku, Double>> unsourced = new HashMap<>();
        List<FluidPlan.PatternTarget> patterns = new ArrayList<>();
        double bound = 0;
        for (Column c : columns) {
            double z = Math.max(0, result.doubleValue(c.variable()));
            if (z <= 1e-9) {
                continue;
            }
            bound += z * c.cost();
            DemandForecast.Profile profile = profiles.get(c.profile());
            Map<Sku, LocationId> from = new LinkedHashMap<>();
            for (int i = 0; i < c.from().length; i++) {
                Sku sku = profile.basket().get(i);
                if (c.from()[i] < 0) {
                    unsourced.computeIfAbsent(profile.region(), r -> new HashMap<>()).merge(sku, z, Double::sum);
                } else {
                    LocationId location = locations.get(c.from()[i]);
                    from.put(sku, location);
                    targets.computeIfAbsent(profile.region(), r -> new HashMap<>())
                            .computeIfAbsent(sku, s -> new HashMap<>()).merge(location, z, Double::sum);
                }
            }
            patterns.add(new FluidPlan.PatternTarget(profile.region(), profile.basket(), from, z, c.cost()));
        }
        Map<String, Map<Sku, Double>> leftCopy = new HashMap<>();
        unsourced.forEach((region, bySku) -> leftCopy.put(region, Map.copyOf(bySku)));
        return new FluidPlan(bound, FluidLp.deepCopy(targets), Map.copyOf(leftCopy), patterns);
    }
}
