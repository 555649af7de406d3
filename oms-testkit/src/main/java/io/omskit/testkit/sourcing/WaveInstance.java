package io.omskit.testkit.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.stock.StockSnapshot;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.joda.money.Money;

/**
 * A small wave of home-delivery orders competing for scarce stock: a network of warehouses and stores within about
 * 200 km, orders from customers spread over the same area (so a maximum distance leaves each order its own subset of
 * locations), sparse stock of a few SKUs, priorities and placement times that differ, and one rule set with
 * exclusions, a maximum distance, shipping costs, a split penalty, store-stock protection and a shipment limit.
 *
 * @param network       the locations
 * @param requests      the wave, in the order it is given
 * @param units         units available by SKU then location
 * @param excluded      locations the rule set excludes
 * @param maxDistanceKm the rule set's maximum distance from the customer
 * @param maxShipments  the most shipments allowed
 * @param split         ship partial or complete
 */
public record WaveInstance(Network network, List<SourcingRequest> requests, Map<Sku, Map<LocationId, Integer>> units,
                           Set<LocationId> excluded, double maxDistanceKm, int maxShipments, SplitPolicy split) {

    /** The instant the wave is sourced at. */
    public static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    public WaveInstance {
        Checks.notNull(network, "network");
        requests = List.copyOf(requests);
        units = Map.copyOf(units);
        excluded = Set.copyOf(excluded);
    }

    /**
     * The wave drawn from {@code seed}: 2 to {@code maxLocations} locations, 1 to {@code maxOrders} orders of 1 to 3
     * lines (distinct SKUs among 5, 1 to 3 units), stock of 0 to 3 units per SKU and location.
     */
    public static WaveInstance draw(long seed, int maxLocations, int maxOrders) {
        Random r = new Random(seed);
        List<Location> locations = new ArrayList<>();
        int count = 2 + r.nextInt(maxLocations - 1);
        for (int k = 0; k < count; k++) {
            LocationType type = r.nextInt(3) == 0 ? LocationType.STORE : LocationType.WAREHOUSE;
            locations.add(Location.builder(LocationId.of((type == LocationType.STORE ? "S" : "W") + k), type,
                    point(r)).build());
        }
        Network network = Network.of(locations);
        Map<Sku, Map<LocationId, Integer>> units = new HashMap<>();
        for (int s = 0; s < 5; s++) {
            Map<LocationId, Integer> byLocation = new HashMap<>();
            for (Location l : locations) {
                int q = r.nextInt(3) == 0 ? 0 : r.nextInt(4);
                if (q > 0) {
                    byLocation.put(l.id(), q);
                }
            }
            units.put(Sku.of("K" + s), byLocation);
        }
        List<SourcingRequest> requests = new ArrayList<>();
        int orders = 1 + r.nextInt(maxOrders);
        for (int o = 0; o < orders; o++) {
            DeliveryChoice delivery = DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                    new Address("C", "1 Street", null, "Town", "12345", "DE", point(r)), null);
            int lineCount = 1 + r.nextInt(3);
            List<Integer> chosen = new ArrayList<>();
            List<DemandLine> lines = new ArrayList<>(lineCount);
            while (chosen.size() < lineCount) {
                int s = r.nextInt(5);
                if (!chosen.contains(s)) {
                    chosen.add(s);
                    lines.add(new DemandLine(LineId.of("L" + chosen.size()), Sku.of("K" + s), 1 + r.nextInt(3),
                            Money.parse("EUR 10.00"), null));
                }
            }
            Instant placed = NOW.minusSeconds(60L * r.nextInt(100));
            requests.add(SourcingRequest.of(new Demand(OrderId.of("o" + o), 1, placed, Channel.WEB, delivery, lines))
                    .withPriority(r.nextInt(4) == 0 ? 1 : 0));
        }
        Set<LocationId> excluded = new HashSet<>();
        for (Location l : locations) {
            if (r.nextInt(100) < 10) {
                excluded.add(l.id());
            }
        }
        SplitPolicy split = r.nextInt(100) < 10 ? SplitPolicy.SHIP_COMPLETE : SplitPolicy.SHIP_PARTIAL;
        return new WaveInstance(network, requests, units, excluded, 120 + r.nextInt(200), 1 + r.nextInt(3), split);
    }

    private static GeoPoint point(Random r) {
        return GeoPoint.of(50 + r.nextDouble() * 1.5, 8 + r.nextDouble() * 2);
    }

    /** The stock as a snapshot. */
    public StockSnapshot snapshot() {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        units.forEach((sku, byLocation) -> byLocation.forEach((l, q) -> b.add(sku, l, q)));
        return b.build();
    }

    /** Units of {@code sku} available at {@code location}. */
    public int unitsOf(Sku sku, LocationId location) {
        return units.getOrDefault(sku, Map.of()).getOrDefault(location, 0);
    }

    /** The rule set every order of the wave is sourced under. */
    public RuleSet ruleSet() {
        RateTable rates = RateTable.builder(ShippingRate.of(4.0, 0.2, 0.003))
                .rate(LocationType.STORE, ShippingRate.of(6.0, 0.2, 0.003)).build();
        return RuleSet.builder("wave").filter(new ExcludedLocationsFilter(excluded))
                .filter(new MaxDistanceFilter(maxDistanceKm)).cost(new ShippingCost(rates)).cost(new SplitPenalty(3))
                .cost(new ProtectStoreStock(1, 1.5)).split(split).maxShipments(maxShipments).build();
    }

    /** An engine over the network and rule set, at {@link #NOW}. */
    public SourcingEngine engine() {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(ruleSet()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** The distance in km from the customer of {@code demand} to {@code location}. */
    public double distanceKm(Demand demand, LocationId location) {
        return demand.delivery().address().position().distanceKm(network.get(location).position());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WaveInstance[locations ");
        network.locations().forEach(l -> sb.append(l.id()).append(' '));
        sb.append("| units ").append(new java.util.TreeMap<>(units)).append(" | orders ");
        for (SourcingRequest q : requests) {
            sb.append(q.demand().order()).append("(p").append(q.priority()).append(' ');
            q.demand().lines().forEach(l -> sb.append(l.sku()).append('x').append(l.quantity()).append(' '));
            sb.append(") ");
        }
        return sb.append("| excluded ").append(excluded).append(", max ").append(maxDistanceKm).append(" km, max ")
                .append(maxShipments).append(' ').append(split).append(']').toString();
    }
}
