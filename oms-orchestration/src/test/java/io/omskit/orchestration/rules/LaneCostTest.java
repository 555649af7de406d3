package io.omskit.orchestration.rules;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Across the bay, the warehouse nearest by air is the farther by road: a lane table of road distances sends the order
 * to the other one, and a destination the table lacks is priced by great-circle km.
 */
class LaneCostTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final LocationId BAYSIDE = LocationId.of("BAYSIDE");
    static final LocationId INLAND = LocationId.of("INLAND");
    static final Sku LAMP = Sku.of("LAMP");

    // the customer in Oakport sits at (0, 0): Bayside 33 km away by air, Inland 67 km
    final Network network = Network.of(List.of(
            Location.builder(BAYSIDE, LocationType.WAREHOUSE, GeoPoint.of(0, 0.3)).build(),
            Location.builder(INLAND, LocationType.WAREHOUSE, GeoPoint.of(0, -0.6)).build()));
    final ShippingRate rate = ShippingRate.of(5, 0.5, 0.01);
    final LaneTable roads = LaneTable.builder()
            .distance(BAYSIDE, "Oakport", 140, rate)   // round the bay
            .distance(INLAND, "Oakport", 70, rate)
            .build();
    final StockSnapshot stock = StockSnapshot.builder(network).add(LAMP, BAYSIDE, 3).add(LAMP, INLAND, 3).build();

    SourcingPlan plan(String city) {
        RuleSet rules = RuleSet.builder("home").cost(new LaneCost(roads, DestinationRegions.byCity(), RateTable.flat(rate)))
                .build();
        SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Address to = new Address("A. Customer", "1 Harbour Road", null, city, "12345", "DE", GeoPoint.of(0, 0));
        Demand demand = new Demand(OrderId.of("o1"), 1, NOW, Channel.WEB,
                DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, to, null),
                List.of(new DemandLine(LineId.of("1"), LAMP, 2, null, null)));
        return engine.plan(SourcingRequest.of(demand), stock);
    }

    @Test
    void the_road_table_sends_the_order_inland() {
        SourcingPlan plan = plan("Oakport");

        assertThat(plan.fulfilments()).extracting(PlannedFulfilment::location).containsExactly(INLAND);
        // 5 + 2 x (0.5 + 0.01 x 70)
        assertThat(plan.totalCost()).isCloseTo(7.4, offset(1e-9));
        LocationVerdict bayside = plan.explanation().locations().stream().filter(v -> v.location().equals(BAYSIDE))
                .findFirst().orElseThrow();
        assertThat(bayside.costs()).singleElement().satisfies(c -> assertThat(c.why().summary())
                .isEqualTo("BAYSIDE to Oakport by the lane table (140): 5.00 per shipment + 1.9000 per unit"));
    }

    @Test
    void a_destination_the_table_lacks_is_priced_by_great_circle_km() {
        SourcingPlan plan = plan("Elsewhere");

        assertThat(plan.fulfilments()).extracting(PlannedFulfilment::location).containsExactly(BAYSIDE);
    }

    @Test
    void regions_by_postal_prefix_name_country_and_prefix() {
        Address berlin = new Address("A", "Street 1", null, "Berlin", "10115", "DE", null);

        assertThat(DestinationRegions.byPostalPrefix(2).regionOf(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                berlin, null))).isEqualTo("DE-10");
        assertThat(DestinationRegions.byCity().regionOf(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT,
                LocationId.of("S1"), null))).isEqualTo("S1");
    }
}
