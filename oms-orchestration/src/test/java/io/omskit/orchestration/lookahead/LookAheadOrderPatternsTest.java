package io.omskit.orchestration.lookahead;

import static io.omskit.orchestration.lookahead.LookAheadTest.demand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hub holds the only lid and one of the two kettles. The north orders a kettle with its lid, the south a kettle;
 * every parcel costs 5 and a unit 1, except a unit from the coast to the south, 2. One by one the south's kettle comes
 * from the hub (6 against 7) and the north then pays for two parcels (12): 18 in all. The order-based look-ahead plans
 * the north's basket as one parcel from the hub and the south's kettle from the coast: 7 + 7 = 14, which it reaches.
 */
class LookAheadOrderPatternsTest {

    static final Sku KETTLE = Sku.of("KETTLE");
    static final Sku LID = Sku.of("LID");
    static final LocationId HUB = LocationId.of("HUB");
    static final LocationId COAST = LocationId.of("COAST");

    final Network network = Network.of(List.of(
            Location.builder(HUB, LocationType.WAREHOUSE, GeoPoint.of(50, 8)).build(),
            Location.builder(COAST, LocationType.WAREHOUSE, GeoPoint.of(53, 9)).build()));
    final LaneTable lanes = LaneTable.builder()
            .lane(HUB, "North", ShippingRate.of(5, 1, 0)).lane(COAST, "North", ShippingRate.of(5, 1, 0))
            .lane(HUB, "South", ShippingRate.of(5, 1, 0)).lane(COAST, "South", ShippingRate.of(5, 2, 0))
            .build();
    final UnsourcedCost lostSale = UnsourcedCost.perUnit(UnsourcedPolicy.LOST_SALE, 50);
    final StockSnapshot stock = StockSnapshot.builder(network).add(KETTLE, HUB, 1).add(KETTLE, COAST, 1).add(LID, HUB, 1)
            .build();
    final DemandForecast kettleWithLidNorthKettleSouth = DemandForecast.builder()
            .orders("North", List.of(KETTLE, LID), 1).units("South", KETTLE, 1).build();

    SourcingEngine engine(LookAhead lookAhead) {
        RuleSet.Builder rules = RuleSet.builder("home").cost(new LaneCost(lanes, DestinationRegions.byCity(),
                LaneCost.noFallback())).unsourcedCost(lostSale);
        if (lookAhead != null) {
            rules.cost(lookAhead.cost());
        }
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules.build()))
                .clock(Clock.fixed(LookAheadTest.NOW, ZoneOffset.UTC)).build();
    }

    LookAhead orderPatterns() {
        return LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale)
                .mode(LookAhead.Mode.ORDER_PATTERNS).build();
    }

    /** Where each SKU of the plan ships from. */
    static Map<Sku, LocationId> from(SourcingPlan plan) {
        Map<Sku, LocationId> out = new HashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            for (PlannedLine l : f.lines()) {
                out.put(l.sku(), f.location());
            }
        }
        return out;
    }

    /** What the plan costs by the lanes alone (the look-ahead's steering is guidance, not a cost of the plan). */
    double laneCost(SourcingPlan plan, String region) {
        double cost = 0;
        for (PlannedFulfilment f : plan.fulfilments()) {
            LaneTable.Lane lane = lanes.lane(f.location(), region).orElseThrow();
            cost += lane.perShipment() + lane.perUnit() * f.lines().stream().mapToInt(PlannedLine::quantity).sum();
        }
        return cost + 50.0 * plan.unsourced().size();
    }

    @Test
    void one_by_one_the_south_takes_the_hubs_kettle_and_the_north_pays_for_two_parcels() {
        SourcingEngine engine = engine(null);

        SourcingPlan south = engine.plan(SourcingRequest.of(demand("o1", "South", KETTLE)), stock);
        SourcingPlan north = engine.plan(SourcingRequest.of(demand("o2", "North", KETTLE, LID)),
                StockSnapshot.builder(network).add(KETTLE, COAST, 1).add(LID, HUB, 1).build());

        assertThat(from(south)).containsExactly(Map.entry(KETTLE, HUB));
        assertThat(from(north)).containsOnly(Map.entry(KETTLE, COAST), Map.entry(LID, HUB));
        assertThat(laneCost(south, "South") + laneCost(north, "North")).isCloseTo(18.0, offset(1e-9));
    }

    @Test
    void looking_ahead_by_order_patterns_the_south_takes_the_coast_and_the_north_ships_one_parcel() {
        LookAhead lookAhead = orderPatterns();
        FluidPlan lp = lookAhead.refresh(kettleWithLidNorthKettleSouth, stock);

        assertThat(lp.bound()).isCloseTo(14.0, offset(1e-6));
        assertThat(lp.patterns()).hasSize(2).allSatisfy(p -> assertThat(p.orders()).isCloseTo(1.0, offset(1e-6)));
        assertThat(lookAhead.remaining("South", List.of(KETTLE), Map.of(KETTLE, COAST))).isCloseTo(1.0, offset(1e-9));
        assertThat(lookAhead.remaining("South", List.of(KETTLE), Map.of(KETTLE, HUB))).isZero();
        assertThat(lookAhead.remaining("North", List.of(LID, KETTLE), Map.of(KETTLE, HUB, LID, HUB)))
                .isCloseTo(1.0, offset(1e-9));

        SourcingEngine engine = engine(lookAhead);
        Demand southOrder = demand("o1", "South", KETTLE);
        SourcingPlan south = engine.plan(SourcingRequest.of(southOrder), stock);
        assertThat(from(south)).containsExactly(Map.entry(KETTLE, COAST));
        // the hub's kettle belongs to the north's one-parcel pattern, and the explanation says so
        assertThat(south.explanation().locations()).filteredOn(v -> v.location().equals(HUB)).singleElement()
                .satisfies(v -> assertThat(v.costs()).anySatisfy(c -> {
                    assertThat(c.rule()).isEqualTo(LookAhead.NAME);
                    assertThat(c.why()).isInstanceOf(LookAhead.OffPattern.class);
                    assertThat(c.why().summary()).startsWith("HUB is off the look-ahead's pattern KETTLE from COAST "
                            + "for [KETTLE] to South: ");
                }));
        assertThat(south.explanation().locations()).filteredOn(v -> v.location().equals(COAST)).singleElement()
                .satisfies(v -> assertThat(v.costs()).anySatisfy(c -> assertThat(c.why().summary())
                        .isEqualTo("COAST ships as the look-ahead's pattern KETTLE from COAST for [KETTLE] to South "
                                + "(1.0 order(s) of it left)")));
        lookAhead.record(southOrder, south);
        assertThat(lookAhead.remaining("South", List.of(KETTLE), Map.of(KETTLE, COAST))).isZero();

        Demand northOrder = demand("o2", "North", KETTLE, LID);
        SourcingPlan north = engine.plan(SourcingRequest.of(northOrder),
                StockSnapshot.builder(network).add(KETTLE, HUB, 1).add(LID, HUB, 1).build());
        lookAhead.record(northOrder, north);

        assertThat(north.fulfilments()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo(HUB));
        assertThat(laneCost(south, "South") + laneCost(north, "North")).isCloseTo(lp.bound(), offset(1e-6));
        assertThat(lookAhead.remaining("North", List.of(KETTLE, LID), Map.of(KETTLE, HUB, LID, HUB))).isZero();
    }

    @Test
    void an_order_whose_patterns_are_spent_or_out_of_stock_falls_back_to_the_lane_targets() {
        LookAhead lookAhead = orderPatterns();
        StockSnapshot twoKettles = StockSnapshot.builder(network).add(KETTLE, HUB, 1).add(KETTLE, COAST, 1).build();
        lookAhead.refresh(DemandForecast.builder().units("South", KETTLE, 2).build(), twoKettles);
        SourcingEngine engine = engine(lookAhead);

        // both patterns have an order left: the cheaper, the hub's, goes first
        Demand first = demand("o1", "South", KETTLE);
        SourcingPlan one = engine.plan(SourcingRequest.of(first), twoKettles);
        assertThat(from(one)).containsExactly(Map.entry(KETTLE, HUB));
        lookAhead.record(first, one);

        // the coast's kettle was sold elsewhere and the hub restocked: the coast's pattern cannot serve, the hub's is
        // spent, so the hub's lane target (spent too) prices the order, and the hub still beats leaving the kettle
        StockSnapshot hubOnly = StockSnapshot.builder(network).add(KETTLE, HUB, 1).build();
        SourcingPlan two = engine.plan(SourcingRequest.of(demand("o2", "South", KETTLE)), hubOnly);
        assertThat(from(two)).containsExactly(Map.entry(KETTLE, HUB));
        assertThat(two.explanation().locations()).filteredOn(v -> v.location().equals(HUB)).singleElement()
                .satisfies(v -> assertThat(v.costs()).anySatisfy(c -> assertThat(c.why())
                        .isInstanceOf(LookAhead.BeyondTarget.class)));
        assertThat(lookAhead.remaining("South", List.of(KETTLE), Map.of(KETTLE, COAST))).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void a_basket_the_forecast_did_not_name_is_sourced_as_one_by_one() {
        LookAhead lookAhead = orderPatterns();
        lookAhead.refresh(kettleWithLidNorthKettleSouth, stock);
        Demand lidAlone = demand("o1", "North", LID);

        SourcingPlan guided = engine(lookAhead).plan(SourcingRequest.of(lidAlone), stock);
        SourcingPlan alone = engine(null).plan(SourcingRequest.of(lidAlone), stock);
        lookAhead.record(lidAlone, guided);

        assertThat(from(guided)).isEqualTo(from(alone)).containsExactly(Map.entry(LID, HUB));
        assertThat(lookAhead.remaining("North", List.of(KETTLE, LID), Map.of(KETTLE, HUB, LID, HUB)))
                .isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void orders_sourced_and_recorded_on_many_threads_each_follow_a_pattern_and_are_all_counted() throws Exception {
        LookAhead lookAhead = orderPatterns();
        StockSnapshot plenty = StockSnapshot.builder(network).add(KETTLE, HUB, 10_000).add(LID, HUB, 10_000)
                .add(KETTLE, COAST, 10_000).build();
        lookAhead.refresh(DemandForecast.builder().orders("North", List.of(KETTLE, LID), 8_000).build(), plenty);
        assertThat(lookAhead.remaining("North", List.of(KETTLE, LID), Map.of(KETTLE, HUB, LID, HUB)))
                .isCloseTo(8_000, offset(1e-6));
        SourcingEngine engine = engine(lookAhead);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> oneParcel = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            oneParcel.add(pool.submit(() -> {
                start.await();
                int followed = 0;
                for (int k = 0; k < 500; k++) {
                    Demand order = demand("o" + thread + "-" + k, "North", KETTLE, LID);
                    SourcingPlan plan = engine.plan(SourcingRequest.of(order), plenty);
                    lookAhead.record(order, plan);
                    followed += from(plan).equals(Map.of(KETTLE, HUB, LID, HUB)) ? 1 : 0;
                }
                return followed;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        for (Future<Integer> f : oneParcel) {
            assertThat(f.get()).isEqualTo(500);
        }
        assertThat(lookAhead.remaining("North", List.of(KETTLE, LID), Map.of(KETTLE, HUB, LID, HUB)))
                .isCloseTo(6_000, offset(1e-9));
    }

    @Test
    void before_a_refresh_no_pattern_has_orders_and_the_mode_must_be_given() {
        LookAhead lookAhead = orderPatterns();

        assertThat(lookAhead.remaining("South", List.of(KETTLE), Map.of(KETTLE, COAST))).isNaN();
        assertThatThrownBy(() -> LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale).mode(null))
                .hasMessage("mode must not be null");
    }
}
