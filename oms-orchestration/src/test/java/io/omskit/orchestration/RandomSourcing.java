package io.omskit.orchestration;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Order;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random networks, rule sets, stock, capacities, moments and deliveries for properties comparing the engine's fast
 * paths with its full planner, here and in the internal package. Coarse positions make ties of costs common.
 */
public final class RandomSourcing {

    /** The SKU of {@link #stock}. */
    public static final Sku SKU = Sku.of("A");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");

    private RandomSourcing() {
    }

    /** An order of {@code skuQuantityPairs} placed at {@code placedAt} on the web. */
    public static Order order(Instant placedAt, String id, DeliveryChoice delivery, Object... skuQuantityPairs) {
        return Fixtures.orderPlacedAt(placedAt, id, Channel.WEB, delivery, skuQuantityPairs);
    }

    public static Network network(SplittableRandom random) {
        int size = 2 + random.nextInt(12);
        List<Location> locations = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            LocationType type = LocationType.values()[random.nextInt(LocationType.values().length)];
            // coarse positions make ties of distance-free costs common
            GeoPoint p = GeoPoint.of(50 + random.nextInt(5) * 0.5, 8 + random.nextInt(5) * 0.5);
            Location.Builder b = Location.builder(LocationId.of("L" + k), type, p).zone(BERLIN)
                    .dailyCapacity(1 + random.nextInt(3))
                    .orderCutOff(LocalTime.of(10 + random.nextInt(10), 0))
                    .processingLeadTime(Duration.ofHours(random.nextInt(5)));
            if (random.nextBoolean()) {
                b.openingHours(OpeningHours.mondayToSaturday(TimeRange.of("09:00", "20:00"), null));
            }
            if (random.nextInt(4) == 0) {
                Set<Capability> caps = EnumSet.noneOf(Capability.class);
                for (Capability c : Capability.values()) {
                    if (random.nextBoolean()) {
                        caps.add(c);
                    }
                }
                b.capabilities(caps);
            }
            locations.add(b.build());
        }
        return Network.of(locations);
    }

    public static RuleSet rules(SplittableRandom random, Network network) {
        RuleSet.Builder b = ruleBuilder(random, network);
        if (random.nextInt(5) == 0) {
            b.split(SplitPolicy.SHIP_COMPLETE);
        } else {
            b.maxShipments(1 + random.nextInt(3));
        }
        return b.build();
    }

    /** Random filters and costs as {@link #rules(SplittableRandom, Network)} draws them, shipping partial in up to {@code maxShipments}. */
    public static RuleSet rules(SplittableRandom random, Network network, int maxShipments) {
        return ruleBuilder(random, network).maxShipments(maxShipments).build();
    }

    private static RuleSet.Builder ruleBuilder(SplittableRandom random, Network network) {
        RuleSet.Builder b = RuleSet.builder("random");
        if (random.nextInt(3) > 0) {
            b.filter(new CapabilityFilter());
        }
        if (random.nextInt(3) == 0) {
            b.filter(LocationTypeFilter.builder().allow(Channel.MARKETPLACE, null, LocationType.WAREHOUSE)
                    .allow(null, DeliveryMethod.EXPRESS_DELIVERY, LocationType.WAREHOUSE, LocationType.STORE).build());
        }
        if (random.nextInt(3) == 0) {
            b.filter(new MaxDistanceFilter(50 + random.nextInt(300)));
        }
        if (random.nextBoolean()) {
            b.filter(new DailyCapacityFilter());
        }
        if (random.nextInt(4) == 0) {
            b.filter(new CutOffFilter());
        }
        if (random.nextInt(4) == 0) {
            b.filter(new OpenNowFilter());
        }
        if (random.nextInt(3) == 0) {
            b.filter(random.nextBoolean() ? EnoughStockFilter.wholeLine() : EnoughStockFilter.atLeast(1 + random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            b.filter(new ExcludedLocationsFilter(Set.of(network.at(random.nextInt(network.size())).id())));
        }
        if (random.nextInt(4) > 0) {
            RateTable.Builder rates = RateTable.builder(ShippingRate.of(random.nextInt(3), random.nextInt(2), 0))
                    .rate(LocationType.STORE, ShippingRate.of(random.nextInt(3), 0.5, random.nextInt(2) * 0.001));
            if (random.nextInt(3) == 0) {
                // sometimes the very rate the type already has: express then still costs as standard
                rates.rate(LocationType.values()[random.nextInt(LocationType.values().length)],
                        DeliveryMethod.EXPRESS_DELIVERY, ShippingRate.of(random.nextInt(3), random.nextInt(2), 0));
            }
            b.cost(new ShippingCost(rates.build()));
        }
        if (random.nextInt(3) == 0) {
            b.cost(new DistanceCost(random.nextInt(2) * 0.01));
        }
        if (random.nextBoolean()) {
            b.cost(new SplitPenalty(random.nextInt(4)));
        }
        if (random.nextBoolean()) {
            b.cost(new ProtectStoreStock(1 + random.nextInt(2), random.nextInt(3)));
        }
        if (random.nextInt(3) == 0) {
            b.cost(new LoadBalancing(random.nextInt(3)));
        }
        if (random.nextInt(3) == 0) {
            List<LocationId> ranked = new ArrayList<>();
            for (int l = network.size() - 1; l >= 0; l -= 2) {
                ranked.add(network.at(l).id());
            }
            b.cost(new LocationPriority(ranked, random.nextInt(2)));
        }
        if (random.nextInt(4) == 0) {
            b.cost(new LatenessCost(random.nextInt(2)));
        }
        if (random.nextInt(4) == 0) {
            b.cost(new OpportunityCost((sku, location) -> location.type() == LocationType.STORE ? 1 : 0));
        }
        if (random.nextInt(4) == 0) {
            List<LocationId> ranked = new ArrayList<>();
            for (int l = 0; l < network.size(); l += 2) {
                ranked.add(network.at(l).id());
            }
            b.cost(new io.omskit.orchestration.rules.FillInPriority(ranked, random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            b.cost(new io.omskit.orchestration.rules.MostStockFirst(random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            b.cost(new io.omskit.orchestration.rules.PickupStoreFirst(1 + random.nextInt(5)));
        }
        return b;
    }

    public static SourcingEngine engine(Network network, RuleSet rules, InMemoryCapacityTracker capacity) {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).capacity(capacity)
                .clock(Fixtures.CLOCK).build();
    }

    /** A moment of the week, with some locations' capacity of that day partly used. */
    public static Instant moment(SplittableRandom random, Network network, InMemoryCapacityTracker capacity) {
        Instant now = MONDAY.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
        useCapacity(random, network, capacity, now);
        return now;
    }

    public static void useCapacity(SplittableRandom random, Network network, InMemoryCapacityTracker capacity, Instant now) {
        for (int l = 0; l < network.size(); l++) {
            if (random.nextInt(4) == 0) {
                Location at = network.at(l);
                capacity.tryConsume(at.id(), LocalDate.ofInstant(now, at.zone()), at.dailyCapacity());
            }
        }
    }

    public static StockSnapshot stock(SplittableRandom random, Network network) {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        for (int l = 0; l < network.size(); l++) {
            if (random.nextInt(3) > 0) {
                b.add(SKU, network.at(l).id(), random.nextInt(5));
            }
        }
        return b.build();
    }

    public static DeliveryChoice delivery(SplittableRandom random, Network network) {
        DeliveryMethod method = DeliveryMethod.values()[random.nextInt(DeliveryMethod.values().length)];
        if (method.isPickup()) {
            return DeliveryChoice.pickup(method, network.at(random.nextInt(network.size())).id(), null);
        }
        GeoPoint to = GeoPoint.of(50 + random.nextInt(5) * 0.5, 8 + random.nextInt(5) * 0.5);
        DeliveryWindow promised = random.nextBoolean() ? null
                : new DeliveryWindow(MONDAY, MONDAY.plus(Duration.ofHours(24 + random.nextInt(96))));
        return DeliveryChoice.home(method, Fixtures.address(to), promised);
    }

    /** A cart's SKUs and quantities (pairs, as {@link #order} takes them) and stock of them at random locations. */
    public record Cart(Object[] skuQuantities, StockSnapshot stock) {
    }

    /** {@code lines} lines of distinct SKUs, 1 to 3 units each, each SKU held (0 to 3 units) at about a third of the locations. */
    public static Cart cart(SplittableRandom random, Network network, int lines) {
        return cart(random, network, lines, 3, 1, 3, 0);
    }

    /**
     * {@code lines} lines of distinct SKUs, 1 to {@code maxQuantity} units each, each SKU held at a location with
     * probability {@code heldIn} in {@code outOf}, {@code minUnits} to {@code minUnits + 3} units there.
     */
    public static Cart cart(SplittableRandom random, Network network, int lines, int maxQuantity, int heldIn, int outOf,
                            int minUnits) {
        Object[] skuQuantities = new Object[lines * 2];
        StockSnapshot.Builder stock = StockSnapshot.builder(network);
        for (int k = 0; k < lines; k++) {
            Sku sku = Sku.of("S" + k);
            skuQuantities[2 * k] = sku.value();
            skuQuantities[2 * k + 1] = 1 + random.nextInt(maxQuantity);
            for (int l = 0; l < network.size(); l++) {
                if (random.nextInt(outOf) < heldIn) {
                    stock.add(sku, network.at(l).id(), minUnits + random.nextInt(4));
                }
            }
        }
        return new Cart(skuQuantities, stock.build());
    }
}
