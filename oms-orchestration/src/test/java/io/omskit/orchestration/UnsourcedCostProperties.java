package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.UnsourcedPolicy;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * With units left unsourced priced, the engine's plan costs (shipping plus what it leaves unsourced) exactly what the
 * cheapest of all plans costs, found by trying every way of taking the units.
 */
class UnsourcedCostProperties {

    /** Per-shipment cost per location and per-unit cost per SKU and location, as the brute force reads them. */
    record TableCost(Map<LocationId, Double> perShipment, Map<String, Double> perUnit) implements CostRule {
        @Override
        public String name() {
            return "table";
        }

        @Override
        public void price(SourcingContext context, int location, CostSink sink) {
            LocationId id = context.location(location).id();
            sink.perShipment(perShipment.get(id));
            for (int i = 0; i < context.itemCount(); i++) {
                sink.perUnit(i, perUnit.get(context.item(i).sku().value() + "@" + id.value()));
            }
        }

        @Override
        public Justification justify(SourcingContext context, int location) {
            return () -> "table";
        }
    }

    @Property(tries = 200)
    void the_plan_costs_what_the_cheapest_of_all_plans_costs(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int locations = 1 + r.nextInt(4);
        int items = 1 + r.nextInt(3);
        List<Location> list = new ArrayList<>();
        for (int l = 0; l < locations; l++) {
            list.add(Location.builder(LocationId.of("W" + l), LocationType.WAREHOUSE, GeoPoint.of(0, l)).build());
        }
        Network network = Network.of(list);
        Map<LocationId, Double> fixed = new HashMap<>();
        Map<String, Double> unit = new HashMap<>();
        StockSnapshot.Builder stock = StockSnapshot.builder(network);
        int[][] held = new int[items][locations];
        double[][] unitCost = new double[items][locations];
        double[] fixedCost = new double[locations];
        for (int l = 0; l < locations; l++) {
            fixedCost[l] = r.nextInt(10);
            fixed.put(LocationId.of("W" + l), fixedCost[l]);
            for (int i = 0; i < items; i++) {
                unitCost[i][l] = r.nextInt(8);
                unit.put("S" + i + "@W" + l, unitCost[i][l]);
                held[i][l] = r.nextInt(4);
                if (held[i][l] > 0) {
                    stock.add(Sku.of("S" + i), LocationId.of("W" + l), held[i][l]);
                }
            }
        }
        int[] qty = new int[items];
        double[] leave = new double[items];
        UnsourcedCost.Builder unsourced = UnsourcedCost.builder(UnsourcedPolicy.LOST_SALE).perUnit(r.nextInt(15));
        Object[] lines = new Object[2 * items];
        for (int i = 0; i < items; i++) {
            qty[i] = 1 + r.nextInt(3);
            lines[2 * i] = "S" + i;
            lines[2 * i + 1] = qty[i];
        }
        UnsourcedCost probe = unsourced.build();
        for (int i = 0; i < items; i++) {
            leave[i] = probe.perUnit();
            if (r.nextBoolean()) {
                leave[i] = r.nextInt(20);
                unsourced.sku(Sku.of("S" + i), leave[i]);
            }
        }
        double penalty = r.nextInt(4);
        int maxShipments = 1 + r.nextInt(3);
        UnsourcedCost cost = unsourced.build();
        RuleSet rules = RuleSet.builder("priced").cost(new TableCost(fixed, unit)).cost(new SplitPenalty(penalty))
                .maxShipments(maxShipments).unsourcedCost(cost).build();
        Order order = Fixtures.order("o1", Fixtures.home(), lines);
        SourcingPlan plan = Fixtures.engine(network, rules).plan(SourcingRequest.of(order), stock.build());

        double best = bruteForce(0, new int[items][locations], qty, held, unitCost, fixedCost, leave, penalty, maxShipments);
        double engine = plan.totalCost() + cost.costOf(plan, OrderDemands.of(order));
        assertThat(engine).as("engine %s, brute force %s", plan, best).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(plan.isOptimal()).isTrue();
        // every unit is either planned or reported unsourced, item by item
        for (int i = 0; i < items; i++) {
            String sku = "S" + i;
            int planned = plan.fulfilments().stream().flatMap(f -> f.lines().stream())
                    .filter(pl -> pl.sku().value().equals(sku)).mapToInt(PlannedLine::quantity).sum();
            int left = plan.unsourced().stream().filter(u -> u.sku().value().equals(sku))
                    .mapToInt(io.omskit.orchestration.plan.Unsourced::quantity).sum();
            assertThat(planned + left).as(sku).isEqualTo(qty[i]);
        }
        assertThat(plan.plannedUnits() + plan.unsourcedUnits()).isEqualTo(java.util.Arrays.stream(qty).sum());
    }

    /** The least cost over every way of taking each item's units from the locations, item by item. */
    private static double bruteForce(int i, int[][] take, int[] qty, int[][] held, double[][] unit, double[] fixed,
                                     double[] leave, double penalty, int maxShipments) {
        int items = qty.length;
        int locations = fixed.length;
        if (i == items) {
            double cost = 0;
            int used = 0;
            for (int l = 0; l < locations; l++) {
                boolean any = false;
                for (int x = 0; x < items; x++) {
                    cost += take[x][l] * unit[x][l];
                    any |= take[x][l] > 0;
                }
                if (any) {
                    used++;
                    cost += fixed[l];
                }
            }
            if (used > maxShipments) {
                return Double.POSITIVE_INFINITY;
            }
            for (int x = 0; x < items; x++) {
                int taken = 0;
                for (int l = 0; l < locations; l++) {
                    taken += take[x][l];
                }
                cost += (qty[x] - taken) * leave[x];
            }
            return cost + (used > 1 ? penalty * (used - 1) : 0);
        }
        return split(i, 0, qty[i], take, qty, held, unit, fixed, leave, penalty, maxShipments);
    }

    private static double split(int i, int l, int left, int[][] take, int[] qty, int[][] held, double[][] unit,
                                double[] fixed, double[] leave, double penalty, int maxShipments) {
        if (l == fixed.length) {
            return bruteForce(i + 1, take, qty, held, unit, fixed, leave, penalty, maxShipments);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t <= Math.min(left, held[i][l]); t++) {
            take[i][l] = t;
            best = Math.min(best, split(i, l + 1, left - t, take, qty, held, unit, fixed, leave, penalty, maxShipments));
        }
        take[i][l] = 0;
        return best;
    }
}
