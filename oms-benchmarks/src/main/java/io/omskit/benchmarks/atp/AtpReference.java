package io.omskit.benchmarks.atp;

import io.omskit.atp.Atp;
import io.omskit.atp.CartLine;
import io.omskit.atp.CartRequest;
import io.omskit.atp.Destination;
import io.omskit.atp.PickupPointsRequest;
import io.omskit.atp.ProductPageRequest;
import io.omskit.atp.PromiseCalendar;
import io.omskit.atp.calendar.JollydayHolidays;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ATP reference: 50 warehouses and 450 stores over Germany (47.3-55.0 N, 5.9-15.0 E, Europe/Berlin, German
 * public holidays), 100,000 SKUs in an in-memory inventory store (each in 6-10 warehouses with 3-40 units and 5-20
 * stores with 1-5 units, about 2.3 million positions), the availability index loaded for every SKU, and shoppers in
 * 200 postal areas, each with its nearest store as the chosen pickup store. SKU popularity follows a power law (the
 * most popular 1% of SKUs get about 16% of the questions).
 *
 * <p>Rules: home delivery from warehouses and stores within 400 km under daily capacity, priced by shipping cost,
 * split penalty and store-stock protection, at most 3 shipments; express click and collect from the store;
 * ship-to-store from any location that ships. Warehouses: open around the clock, cut-off 15:00, 4 h processing,
 * carrier pickup weekdays 17:00; stores: Monday-Saturday 09:00-20:00, cut-off 18:00, 1 h processing.
 */
final class AtpReference {

    static final int WAREHOUSES = 50;
    static final int STORES = 450;
    static final int SKUS = 100_000;
    static final int AREAS = 200;
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final Network network;
    final InMemoryInventoryStore store;
    final SourcingEngine engine;
    final Atp atp;
    final Destination[] areas = new Destination[AREAS];
    final LocationId[] areaStore = new LocationId[AREAS];
    private final SplittableRandom random;

    AtpReference(long seed, Duration cacheTtl) {
        random = new SplittableRandom(seed);
        List<Location> locations = new ArrayList<>(WAREHOUSES + STORES);
        for (int w = 0; w < WAREHOUSES; w++) {
            locations.add(Location.builder(LocationId.of(String.format("W%03d", w)), LocationType.WAREHOUSE, point())
                    .zone(BERLIN).holidays(HolidayCalendar.of("DE", null)).orderCutOff(LocalTime.of(15, 0))
                    .processingLeadTime(Duration.ofHours(4)).dailyCapacity(50_000).build());
        }
        for (int s = 0; s < STORES; s++) {
            locations.add(Location.builder(LocationId.of(String.format("S%03d", s)), LocationType.STORE, point())
                    .zone(BERLIN).holidays(HolidayCalendar.of("DE", null))
                    .openingHours(OpeningHours.mondayToSaturday(TimeRange.of("09:00", "20:00"), null))
                    .orderCutOff(LocalTime.of(18, 0)).processingLeadTime(Duration.ofHours(1)).dailyCapacity(5_000).build());
        }
        network = Network.of(locations);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = InMemoryInventoryStore.builder().clock(clock).build();
        List<LocationId> ids = new ArrayList<>();
        for (Location l : locations) {
            ids.add(l.id());
        }
        for (int k = 0; k < SKUS; k++) {
            int warehouses = 6 + random.nextInt(5);
            int stores = 5 + random.nextInt(16);
            boolean[] used = new boolean[WAREHOUSES + STORES];
            List<LocationId> at = new ArrayList<>(warehouses + stores);
            int[] units = new int[warehouses + stores];
            for (int x = 0; x < warehouses + stores; x++) {
                int i = x < warehouses ? distinct(used, 0, WAREHOUSES) : distinct(used, WAREHOUSES, STORES);
                at.add(ids.get(i));
                units[x] = x < warehouses ? 3 + random.nextInt(38) : 1 + random.nextInt(5);
            }
            store.load(sku(k), at, units);
        }
        RateTable rates = RateTable.builder(ShippingRate.of(4.0, 0.2, 0.003))
                .rate(LocationType.STORE, ShippingRate.of(6.0, 0.2, 0.003)).build();
        RuleSet home = RuleSet.builder("home")
                .filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(null, null, LocationType.WAREHOUSE, LocationType.STORE).build())
                .filter(new MaxDistanceFilter(400))
                .filter(new DailyCapacityFilter())
                .cost(new ShippingCost(rates))
                .cost(new SplitPenalty(3.0))
                .cost(new ProtectStoreStock(1, 1.5))
                .maxShipments(3)
                .build();
        RuleSet collect = RuleSet.builder("collect").filter(new CapabilityFilter()).build();
        RuleSet shipToStore = RuleSet.builder("ship-to-store").filter(new CapabilityFilter())
                .filter(new MaxDistanceFilter(400)).cost(new ShippingCost(rates)).cost(new SplitPenalty(3.0)).maxShipments(3)
                .build();
        engine = SourcingEngine.builder().network(network).inventory(store).clock(clock)
                .rules(RuleBook.builder().byDefault(home).forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, collect)
                        .forMethod(DeliveryMethod.SHIP_TO_STORE, shipToStore).build())
                .build();
        atp = Atp.builder().engine(engine).inventory(store).clock(clock).cacheTtl(cacheTtl).maxCacheEntries(2_000_000)
                .calendar(PromiseCalendar.builder(network).holidays(new JollydayHolidays())
                        .pickup(LocationType.WAREHOUSE, PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build())
                .build();
        List<Sku> all = new ArrayList<>(SKUS);
        for (int k = 0; k < SKUS; k++) {
            all.add(sku(k));
        }
        atp.index().load(all);
        for (int a = 0; a < AREAS; a++) {
            GeoPoint p = point();
            areas[a] = Destination.of("DE", String.format("%05d", 10_000 + a * 400), p, BERLIN);
            double best = Double.MAX_VALUE;
            for (int s = WAREHOUSES; s < WAREHOUSES + STORES; s++) {
                double d = network.at(s).position().distanceKm(p);
                if (d < best) {
                    best = d;
                    areaStore[a] = network.at(s).id();
                }
            }
        }
    }

    static Sku sku(int k) {
        return Sku.of(String.format("SKU-%06d", k));
    }

    /** {@code count} product-page questions: a popular SKU, 1 unit, a shopper's area and its store, on the web. */
    ProductPageRequest[] productPages(int count) {
        ProductPageRequest[] out = new ProductPageRequest[count];
        for (int q = 0; q < count; q++) {
            int a = random.nextInt(AREAS);
            out[q] = new ProductPageRequest(sku(popularSku()), 1, Channel.WEB, areas[a], areaStore[a], NOW);
        }
        return out;
    }

    /** {@code count} carts of {@code lines} distinct popular SKUs, 1 or 2 units each. */
    CartRequest[] carts(int count, int lines) {
        CartRequest[] out = new CartRequest[count];
        for (int q = 0; q < count; q++) {
            int a = random.nextInt(AREAS);
            List<CartLine> cart = new ArrayList<>(lines);
            List<Integer> chosen = new ArrayList<>(lines);
            while (chosen.size() < lines) {
                int k = popularSku();
                if (!chosen.contains(k)) {
                    chosen.add(k);
                    cart.add(CartLine.of("L" + chosen.size(), sku(k), random.nextInt(5) == 0 ? 2 : 1));
                }
            }
            out[q] = new CartRequest(cart, Channel.WEB, areas[a], areaStore[a], NOW);
        }
        return out;
    }

    /**
     * {@code count} pickup-point questions: a cart of {@code lines} distinct popular SKUs (1 or 2 units each), asked
     * from a shopper's area for the stores within {@code maxKm}.
     */
    PickupPointsRequest[] pickupPoints(int count, int lines, double maxKm) {
        CartRequest[] carts = carts(count, lines);
        PickupPointsRequest[] out = new PickupPointsRequest[count];
        for (int q = 0; q < count; q++) {
            out[q] = new PickupPointsRequest(carts[q].lines(), Channel.WEB, carts[q].destination().position(), maxKm,
                    PickupPointsRequest.DEFAULT_LIMIT, NOW);
        }
        return out;
    }

    private GeoPoint point() {
        return GeoPoint.of(47.3 + random.nextDouble() * 7.7, 5.9 + random.nextDouble() * 9.1);
    }

    private int distinct(boolean[] used, int from, int count) {
        while (true) {
            int x = from + random.nextInt(count);
            if (!used[x]) {
                used[x] = true;
                return x;
            }
        }
    }

    private int popularSku() {
        return (int) (SKUS * Math.pow(random.nextDouble(), 2.5));
    }
}
