package io.omskit.benchmarks.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.stock.StockSnapshot;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.joda.money.Money;

/**
 * The sourcing reference instance: 50 warehouses and 450 stores spread over a 860 x 620 km region (47.3-55.0 N,
 * 5.9-15.0 E), 100,000 SKUs, and home-delivery web orders of 1 to 5 lines to customers anywhere in the region.
 * Orders draw SKUs with a power-law popularity (the most popular 1% of SKUs get about 16% of the lines), distinct
 * within an order, 1 unit (80%) or 2 units (20%) each.
 *
 * <p>Stock comes in two profiles, every quantity multiplied by {@code stockScale} (at least 1 unit):
 * <ul>
 * <li>{@link Profile#ASSORTED}, the reference: a retail assortment. Warehouses W000-W004 are national DCs carrying
 *     95% of the SKUs (10 to 60 units); W005-W049 are regional warehouses carrying each SKU with a probability
 *     from 75% (most popular) down to 25% (least popular), 2 to 20 units; stores carry the 2,000 most popular SKUs
 *     with probability 20%, the next 8,000 with 3% and the rest with 0.1%, 1 to 6 units.</li>
 * <li>{@link Profile#SCATTERED}, a stress profile: each SKU in 6 to 10 random warehouses (3 to 40 units) and 5 to 20
 *     random stores (1 to 5 units), so that most multi-line orders have no location holding all their lines.</li>
 * </ul>
 *
 * <p>Rules (one rule set, {@code home}): maximum distance 400 km (first: it excludes most candidates, and the engine
 * stops at a location's first exclusion), capability, location type (warehouses and stores may ship web orders),
 * daily capacity; shipping 4.00 per shipment from a warehouse and 6.00 from a store, plus
 * 0.20 per unit and 0.003 per unit-km; split penalty 3.00 per extra shipment; protect the last unit of each SKU on
 * a store's shelf at 1.50. At most 3 shipments.
 */
public final class ReferenceInstance {

    /** How stock is spread over the network. */
    public enum Profile { ASSORTED, SCATTERED }

    static final int WAREHOUSES = 50;
    static final int STORES = 450;
    static final int SKUS = 100_000;
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    final Network network;
    StockSnapshot stock;
    final RuleSet rules;
    final SourcingEngine engine;
    private final SplittableRandom random;

    private ReferenceInstance(long seed, double stockScale, Profile profile) {
        this.random = new SplittableRandom(seed);
        List<Location> locations = new ArrayList<>(WAREHOUSES + STORES);
        for (int w = 0; w < WAREHOUSES; w++) {
            locations.add(Location.builder(LocationId.of(String.format("W%03d", w)), LocationType.WAREHOUSE, point())
                    .dailyCapacity(50_000).build());
        }
        for (int s = 0; s < STORES; s++) {
            locations.add(Location.builder(LocationId.of(String.format("S%03d", s)), LocationType.STORE, point())
                    .dailyCapacity(5_000).build());
        }
        this.network = Network.of(locations);
        Map<Sku, SkuStock> byLocation = new HashMap<>(SKUS * 2);
        int[] l = new int[WAREHOUSES + STORES];
        int[] u = new int[WAREHOUSES + STORES];
        for (int k = 0; k < SKUS; k++) {
            int n = profile == Profile.ASSORTED ? assorted(k, l, u) : scattered(l, u);
            for (int x = 0; x < n; x++) {
                u[x] = Math.max(1, (int) Math.round(u[x] * stockScale));
            }
            byLocation.put(sku(k), SkuStock.of(java.util.Arrays.copyOf(l, n), java.util.Arrays.copyOf(u, n)));
        }
        this.stock = StockSnapshot.of(byLocation);
        RateTable rates = RateTable.builder(ShippingRate.of(4.0, 0.2, 0.003))
                .rate(LocationType.STORE, ShippingRate.of(6.0, 0.2, 0.003)).build();
        this.rules = RuleSet.builder("home")
                .filter(new MaxDistanceFilter(400))
                .filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(Channel.WEB, null, LocationType.WAREHOUSE, LocationType.STORE).build())
                .filter(new DailyCapacityFilter())
                .cost(new ShippingCost(rates))
                .cost(new SplitPenalty(3.0))
                .cost(new ProtectStoreStock(1, 1.5))
                .maxShipments(3)
                .build();
        this.engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** The instance drawn from {@code seed}, stock scaled by {@code stockScale} (1 for the reference). */
    static ReferenceInstance build(long seed, double stockScale, Profile profile) {
        return new ReferenceInstance(seed, stockScale, profile);
    }

    /** SKU {@code k} (0 most popular) in a retail assortment; fills locations and units, returns how many. */
    private int assorted(int k, int[] l, int[] u) {
        int n = 0;
        double rank = (double) k / SKUS;
        for (int w = 0; w < WAREHOUSES; w++) {
            boolean carried = w < 5 ? random.nextDouble() < 0.95 : random.nextDouble() < 0.75 - 0.5 * rank;
            if (carried) {
                l[n] = w;
                u[n++] = w < 5 ? 10 + random.nextInt(51) : 2 + random.nextInt(19);
            }
        }
        double storeShare = k < 2_000 ? 0.20 : k < 10_000 ? 0.03 : 0.001;
        for (int s = 0; s < STORES; s++) {
            if (random.nextDouble() < storeShare) {
                l[n] = WAREHOUSES + s;
                u[n++] = 1 + random.nextInt(6);
            }
        }
        return n;
    }

    /** A SKU scattered over a few random warehouses and stores; fills locations and units, returns how many. */
    private int scattered(int[] l, int[] u) {
        int warehouses = 6 + random.nextInt(5);
        int stores = 5 + random.nextInt(16);
        boolean[] used = new boolean[WAREHOUSES + STORES];
        for (int x = 0; x < warehouses; x++) {
            l[x] = distinct(used, 0, WAREHOUSES);
            u[x] = 3 + random.nextInt(38);
        }
        for (int x = warehouses; x < warehouses + stores; x++) {
            l[x] = distinct(used, WAREHOUSES, STORES);
            u[x] = 1 + random.nextInt(5);
        }
        return warehouses + stores;
    }

    static Sku sku(int k) {
        return Sku.of(String.format("SKU-%06d", k));
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

    /**
     * A backlog after a stock receipt: {@code hot} SKUs (drawn from the 10,000 most popular) were out of stock
     * everywhere and {@code count} orders waited for them; each order has one line of a hot SKU (1 or 2 units) and 0
     * to 4 other lines. The supplier's delivery lands at 2 or 3 of the 5 national DCs per hot SKU, 110% of the
     * backlog's demand for it in all, split unevenly. Returns the orders; {@link #stock} is replaced by the stock after the receipt.
     */
    List<SourcingRequest> backlog(int count, int hot) {
        int[] hotSkus = new int[hot];
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int h = 0; h < hot; h++) {
            int k;
            do {
                k = random.nextInt(10_000);
            } while (!chosen.add(k));
            hotSkus[h] = k;
        }
        int[] demand = new int[hot];
        List<SourcingRequest> out = new ArrayList<>(count);
        for (int o = 0; o < count; o++) {
            int h = random.nextInt(hot);
            int q = random.nextInt(5) == 0 ? 2 : 1;
            demand[h] += q;
            PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("backlog-" + o)
                    .customer("c" + o).currency("EUR")
                    .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("C", "1 Street", null, "Town", "10115", "DE", point()), null))
                    .line("L1", sku(hotSkus[h]).value(), q, Money.parse("EUR 9.99"));
            int others = random.nextInt(5);
            List<Integer> lines = new ArrayList<>();
            while (lines.size() < others) {
                int k = popularSku();
                if (!chosen.contains(k) && !lines.contains(k)) {
                    lines.add(k);
                    b.line("L" + (lines.size() + 1), sku(k).value(), random.nextInt(5) == 0 ? 2 : 1, Money.parse("EUR 9.99"));
                }
            }
            out.add(SourcingRequest.of(Order.place(OrderId.of("backlog-" + o), b.build(), NOW.plusSeconds(o)).state()));
        }
        Map<Sku, SkuStock> received = new HashMap<>();
        for (int h = 0; h < hot; h++) {
            int total = (int) Math.ceil(demand[h] * 1.1);
            int dcs = 2 + random.nextInt(2);
            int[] l = new int[dcs];
            int[] u = new int[dcs];
            boolean[] used = new boolean[5];
            double[] weight = new double[dcs];
            double sum = 0;
            for (int x = 0; x < dcs; x++) {
                weight[x] = random.nextDouble() + 0.2;
                sum += weight[x];
            }
            int given = 0;
            for (int x = 0; x < dcs; x++) {
                l[x] = distinct(used, 0, 5);
                u[x] = x == dcs - 1 ? total - given : (int) Math.round(total * weight[x] / sum);
                given += u[x];
            }
            received.put(sku(hotSkus[h]), SkuStock.of(l, u));
        }
        StockSnapshot before = stock;
        this.stock = s -> received.containsKey(s) ? received.get(s) : before.stock(s);
        return out;
    }

    /** {@code count} orders of 1 to 5 lines, placed one second apart. */
    List<SourcingRequest> orders(int count, String prefix) {
        List<SourcingRequest> out = new ArrayList<>(count);
        for (int o = 0; o < count; o++) {
            int lines = 1 + random.nextInt(5);
            PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(prefix + o)
                    .customer("c" + o).currency("EUR")
                    .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("C", "1 Street", null, "Town", "10115", "DE", point()), null));
            List<Integer> chosen = new ArrayList<>(lines);
            while (chosen.size() < lines) {
                int k = popularSku();
                if (!chosen.contains(k)) {
                    chosen.add(k);
                    b.line("L" + chosen.size(), sku(k).value(), random.nextInt(5) == 0 ? 2 : 1, Money.parse("EUR 9.99"));
                }
            }
            out.add(SourcingRequest.of(Order.place(OrderId.of(prefix + o), b.build(), NOW.plusSeconds(o)).state()));
        }
        return out;
    }
}
