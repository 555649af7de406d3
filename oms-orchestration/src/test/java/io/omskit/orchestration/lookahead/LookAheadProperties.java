package io.omskit.orchestration.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.UnsourcedCost;
import io.omskit.orchestration.rulebook.UnsourcedPolicy;
import io.omskit.orchestration.rules.LaneCost;
import io.omskit.orchestration.rules.LaneTable;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The fluid LP over the demand that arrived bounds what sourcing it costs, one by one or looking ahead; and looking
 * ahead never takes a unit a location does not hold, and accounts for every unit ordered.
 */
class LookAheadProperties {

    @Property(tries = 40)
    void the_lp_bound_of_the_demand_that_arrived_is_below_every_policy_and_no_unit_is_lost(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int fcs = 2 + r.nextInt(3);
        String[] regions = {"North", "South", "East"};
        Sku[] skus = {Sku.of("A"), Sku.of("B"), Sku.of("C")};
        List<Location> locations = new ArrayList<>();
        LaneTable.Builder lanes = LaneTable.builder();
        double[][] perShipment = new double[fcs][regions.length];
        double[][] perUnit = new double[fcs][regions.length];
        for (int k = 0; k < fcs; k++) {
            LocationId id = LocationId.of("FC" + k);
            locations.add(Location.builder(id, LocationType.WAREHOUSE, GeoPoint.of(50, k)).build());
            for (int g = 0; g < regions.length; g++) {
                perShipment[k][g] = r.nextInt(6);
                perUnit[k][g] = r.nextInt(6);
                lanes.lane(id, regions[g], ShippingRate.of(perShipment[k][g], perUnit[k][g], 0));
            }
        }
        Network network = Network.of(locations);
        int[][] units = new int[skus.length][fcs];
        for (int s = 0; s < skus.length; s++) {
            for (int k = 0; k < fcs; k++) {
                units[s][k] = r.nextInt(4);
            }
        }
        double leave = 5 + r.nextInt(15);
        UnsourcedCost lostSale = UnsourcedCost.perUnit(UnsourcedPolicy.LOST_SALE, leave);
        int orders = 5 + r.nextInt(15);
        List<Demand> demands = new ArrayList<>();
        int[] regionOf = new int[orders];
        DemandForecast.Builder arrived = DemandForecast.builder();
        for (int o = 0; o < orders; o++) {
            regionOf[o] = r.nextInt(regions.length);
            int first = r.nextInt(skus.length);
            List<Sku> basket = r.nextBoolean() ? List.of(skus[first]) : List.of(skus[first], skus[(first + 1) % 3]);
            demands.add(LookAheadTest.demand("o" + o, regions[regionOf[o]], basket.toArray(new Sku[0])));
            arrived.orders(regions[regionOf[o]], basket, 1);
        }
        LaneTable table = lanes.build();
        LookAhead bound = LookAhead.builder(network, table, DestinationRegions.byCity(), lostSale).build();
        double lpBound = bound.refresh(arrived.build(), snapshot(network, skus, units)).bound();

        LookAhead lookAhead = LookAhead.builder(network, table, DestinationRegions.byCity(), lostSale)
                .overrunCost(r.nextInt(5)).build();
        lookAhead.refresh(arrived.build(), snapshot(network, skus, units));
        for (LookAhead guide : new LookAhead[] {null, lookAhead}) {
            RuleSet.Builder rules = RuleSet.builder("r").cost(new LaneCost(table, DestinationRegions.byCity(),
                    LaneCost.noFallback())).unsourcedCost(lostSale);
            if (guide != null) {
                rules.cost(guide.cost());
            }
            SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules.build()))
                    .clock(Clock.fixed(LookAheadTest.NOW, ZoneOffset.UTC)).build();
            int[][] left = new int[skus.length][];
            for (int s = 0; s < skus.length; s++) {
                left[s] = units[s].clone();
            }
            double cost = 0;
            for (int o = 0; o < orders; o++) {
                Demand d = demands.get(o);
                SourcingPlan plan = engine.plan(SourcingRequest.of(d), snapshot(network, skus, left));
                if (guide != null) {
                    guide.record(d, plan);
                }
                int planned = 0;
                for (PlannedFulfilment f : plan.fulfilments()) {
                    int k = network.indexOf(f.location());
                    cost += perShipment[k][regionOf[o]];
                    for (PlannedLine l : f.lines()) {
                        int s = l.sku().value().charAt(0) - 'A';
                        assertThat(l.quantity()).as("%s at %s", l.sku(), f.location()).isLessThanOrEqualTo(left[s][k]);
                        left[s][k] -= l.quantity();
                        cost += l.quantity() * perUnit[k][regionOf[o]];
                        planned += l.quantity();
                    }
                }
                int unsourced = plan.unsourced().stream().mapToInt(Unsourced::quantity).sum();
                assertThat(planned + unsourced).isEqualTo(d.lines().size());
                cost += unsourced * leave;
            }
            assertThat(lpBound).as(guide == null ? "one by one" : "looking ahead").isLessThanOrEqualTo(cost + 1e-6);
        }
    }

    static StockSnapshot snapshot(Network network, Sku[] skus, int[][] units) {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        for (int s = 0; s < skus.length; s++) {
            for (int k = 0; k < units[s].length; k++) {
                if (units[s][k] > 0) {
                    b.add(skus[s], network.at(k).id(), units[s][k]);
                }
            }
        }
        return b.build();
    }
}
