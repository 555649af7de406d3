package io.omskit.orchestration.lookahead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.PlannedFulfilment;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One unit at the hub, one on the coast; the hub is the cheaper for both regions, the coast dear for the north. One
 * by one, the south's order takes the hub's unit and the north pays 10 for the coast's; looking ahead, the south
 * takes the coast's unit and the north gets the hub's.
 */
class LookAheadTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final Sku KETTLE = Sku.of("KETTLE");
    static final LocationId HUB = LocationId.of("HUB");
    static final LocationId COAST = LocationId.of("COAST");

    final Network network = Network.of(List.of(
            Location.builder(HUB, LocationType.WAREHOUSE, GeoPoint.of(50, 8)).build(),
            Location.builder(COAST, LocationType.WAREHOUSE, GeoPoint.of(53, 9)).build()));
    final LaneTable lanes = LaneTable.builder()
            .lane(HUB, "North", ShippingRate.of(0, 1, 0)).lane(HUB, "South", ShippingRate.of(0, 2, 0))
            .lane(COAST, "North", ShippingRate.of(0, 10, 0)).lane(COAST, "South", ShippingRate.of(0, 2.5, 0))
            .build();
    final UnsourcedCost lostSale = UnsourcedCost.perUnit(UnsourcedPolicy.LOST_SALE, 50);
    final StockSnapshot stock = StockSnapshot.builder(network).add(KETTLE, HUB, 1).add(KETTLE, COAST, 1).build();

    static Demand demand(String id, String city, Sku... skus) {
        List<DemandLine> lines = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            lines.add(new DemandLine(LineId.of("L" + i), skus[i], 1, null, null));
        }
        Address to = new Address("A. Customer", "1 Main Street", null, city, "12345", "DE", null);
        return new Demand(OrderId.of(id), 1, NOW, Channel.WEB, DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, to,
                null), lines);
    }

    SourcingEngine engine(LookAhead lookAhead) {
        RuleSet.Builder rules = RuleSet.builder("home").cost(new LaneCost(lanes, DestinationRegions.byCity(),
                LaneCost.noFallback())).unsourcedCost(lostSale);
        if (lookAhead != null) {
            rules.cost(lookAhead.cost());
        }
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules.build()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    static LocationId source(SourcingPlan plan) {
        return plan.fulfilments().stream().map(PlannedFulfilment::location).findFirst().orElseThrow();
    }

    @Test
    void one_by_one_the_south_takes_the_hub_and_the_north_pays_for_the_coast() {
        SourcingEngine engine = engine(null);
        SourcingPlan south = engine.plan(SourcingRequest.of(demand("o1", "South", KETTLE)), stock);
        SourcingPlan north = engine.plan(SourcingRequest.of(demand("o2", "North", KETTLE)),
                StockSnapshot.builder(network).add(KETTLE, COAST, 1).build());

        assertThat(source(south)).isEqualTo(HUB);
        assertThat(source(north)).isEqualTo(COAST);
        assertThat(south.totalCost() + north.totalCost()).isCloseTo(12.0, offset(1e-9));
    }

    @Test
    void looking_ahead_the_south_takes_the_coast_and_the_north_gets_the_hub() {
        LookAhead lookAhead = LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale).build();
        FluidPlan lp = lookAhead.refresh(DemandForecast.builder().units("North", KETTLE, 1).units("South", KETTLE, 1)
                .build(), stock);

        assertThat(lp.bound()).isCloseTo(3.5, offset(1e-6));
        assertThat(lp.target(HUB, "North", KETTLE)).isCloseTo(1.0, offset(1e-6));
        assertThat(lp.target(COAST, "South", KETTLE)).isCloseTo(1.0, offset(1e-6));
        assertThat(lp.target(HUB, "South", KETTLE)).isCloseTo(0.0, offset(1e-6));

        SourcingEngine engine = engine(lookAhead);
        Demand southOrder = demand("o1", "South", KETTLE);
        SourcingPlan south = engine.plan(SourcingRequest.of(southOrder), stock);
        assertThat(source(south)).isEqualTo(COAST);
        // the hub's unit is the north's: beyond the south's target there, and the explanation says so
        assertThat(south.explanation().locations()).filteredOn(v -> v.location().equals(HUB)).singleElement()
                .satisfies(v -> assertThat(v.costs()).anySatisfy(c -> {
                    assertThat(c.rule()).isEqualTo(LookAhead.NAME);
                    assertThat(c.why().summary()).isEqualTo("HUB has 0.0 unit(s) of KETTLE left for South in the "
                            + "look-ahead targets: 2.00 per unit beyond them");
                }));
        lookAhead.record(southOrder, south);
        assertThat(lookAhead.remaining(COAST, "South", KETTLE)).isCloseTo(0.0, offset(1e-9));

        SourcingPlan north = engine.plan(SourcingRequest.of(demand("o2", "North", KETTLE)),
                StockSnapshot.builder(network).add(KETTLE, HUB, 1).build());
        assertThat(source(north)).isEqualTo(HUB);
        // what the orders cost by the lanes: the look-ahead surcharge is guidance, not a cost of the plan's own
        assertThat(2.5 + 1.0).isCloseTo(lp.bound(), offset(1e-6));
    }

    @Test
    void a_basket_shares_its_shipment_in_the_program() {
        Sku lid = Sku.of("LID");
        LaneTable fixed = LaneTable.builder().lane(HUB, "North", ShippingRate.of(5, 1, 0))
                .lane(COAST, "North", ShippingRate.of(5, 0.5, 0)).build();
        StockSnapshot both = StockSnapshot.builder(network).add(KETTLE, HUB, 10).add(lid, HUB, 10).add(KETTLE, COAST, 10)
                .build();
        LookAhead lookAhead = LookAhead.builder(network, fixed, DestinationRegions.byCity(), lostSale).build();

        FluidPlan lp = lookAhead.refresh(DemandForecast.builder().orders("North", List.of(KETTLE, lid), 2).build(), both);

        // two orders, each one shipment of both items from the hub: 2 x (5 + 1 + 1); the coast's cheaper kettle
        // would cost a second shipment
        assertThat(lp.bound()).isCloseTo(14.0, offset(1e-6));
        assertThat(lp.target(HUB, "North", KETTLE)).isCloseTo(2.0, offset(1e-6));
    }

    @Test
    void without_a_refresh_the_look_ahead_changes_nothing() {
        LookAhead lookAhead = LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale).build();

        SourcingPlan south = engine(lookAhead).plan(SourcingRequest.of(demand("o1", "South", KETTLE)), stock);

        assertThat(source(south)).isEqualTo(HUB);
        assertThat(lookAhead.plan()).isNull();
        assertThat(lookAhead.remaining(HUB, "South", KETTLE)).isNaN();
    }

    @Test
    void orders_recorded_on_many_threads_are_all_counted() throws Exception {
        LookAhead lookAhead = LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale).build();
        StockSnapshot plenty = StockSnapshot.builder(network).add(KETTLE, HUB, 10_000).add(KETTLE, COAST, 10_000).build();
        lookAhead.refresh(DemandForecast.builder().units("North", KETTLE, 8_000).build(), plenty);
        assertThat(lookAhead.remaining(HUB, "North", KETTLE)).isCloseTo(8_000, offset(1e-6));
        Demand order = demand("o1", "North", KETTLE);
        SourcingPlan plan = engine(lookAhead).plan(SourcingRequest.of(order), plenty);
        assertThat(source(plan)).isEqualTo(HUB);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                start.await();
                for (int k = 0; k < 1_000; k++) {
                    lookAhead.record(order, plan);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(lookAhead.remaining(HUB, "North", KETTLE)).isCloseTo(4_000, offset(1e-9));
    }

    @Test
    void refuses_bad_forecasts_and_costs_naming_field_and_value() {
        assertThatThrownBy(() -> DemandForecast.builder().units("North", KETTLE, -3))
                .hasMessage("orders must be finite and > 0, was -3.0 for [KETTLE] to North");
        assertThatThrownBy(() -> DemandForecast.builder().orders("North", List.of(), 3))
                .hasMessage("basket must hold at least one SKU, was empty for region North");
        assertThatThrownBy(() -> LookAhead.builder(network, lanes, DestinationRegions.byCity(), lostSale).overrunCost(-1))
                .hasMessage("overrunCost must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> LaneTable.builder().distance(HUB, "North", Double.NaN, ShippingRate.of(1, 1, 1)))
                .hasMessage("distance from HUB to North must be finite and >= 0, was NaN");
    }
}
