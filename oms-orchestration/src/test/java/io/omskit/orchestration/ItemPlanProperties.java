package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.order.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Order;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The engine's fast what-if for one item ({@link SourcingEngine#planItem}) against the full planner, on random
 * networks, rule sets, stock, capacities and moments: whenever it answers, it is the full plan's single fulfilment
 * (same location, units, leg and cost to the bit); for one unit it always answers when the full plan is complete.
 */
class ItemPlanProperties {

    private static final Sku SKU = Sku.of("A");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");

    @Property(tries = 300)
    void fast_what_if_for_one_item_is_the_full_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = rules(random, network);
        SourcingEngine engine = engine(network, rules, capacity);
        for (int round = 0; round < 6; round++) {
            Instant now = moment(random, network, capacity);
            StockSnapshot stock = stock(random, network);
            DeliveryChoice delivery = delivery(random, network);
            int quantity = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
            Channel channel = random.nextBoolean() ? Channel.WEB : Channel.MARKETPLACE;

            ItemPlan fast = engine.planItem(new ItemQuestion(channel, delivery, SKU, quantity), stock, now);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, channel, delivery, SKU.value(), quantity);
            SourcingPlan full = engine.plan(SourcingRequest.of(order), stock, now);

            if (fast != null) {
                assertThat(full.isComplete()).as("full plan complete").isTrue();
                assertThat(full.fulfilments()).hasSize(1);
                PlannedFulfilment f = full.fulfilments().get(0);
                assertThat(fast.location()).isEqualTo(f.location());
                assertThat(fast.quantity()).isEqualTo(f.units());
                assertThat(fast.kind()).isEqualTo(f.kind());
                assertThat(fast.cost()).isEqualTo(full.totalCost());
                assertThat(network.at(fast.locationIndex()).id()).isEqualTo(fast.location());
            } else if (quantity == 1) {
                assertThat(full.isComplete()).as("one unit the full engine sources: %s", full.fulfilments()).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void completion_check_agrees_with_the_full_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = rules(random, network);
        SourcingEngine engine = engine(network, rules, capacity);
        for (int round = 0; round < 4; round++) {
            Instant now = moment(random, network, capacity);
            int lines = 1 + random.nextInt(6);
            Object[] skuQuantities = new Object[lines * 2];
            StockSnapshot.Builder stock = StockSnapshot.builder(network);
            for (int k = 0; k < lines; k++) {
                Sku sku = Sku.of("S" + k);
                skuQuantities[2 * k] = sku.value();
                skuQuantities[2 * k + 1] = 1 + random.nextInt(3);
                for (int l = 0; l < network.size(); l++) {
                    if (random.nextInt(3) == 0) {
                        stock.add(sku, network.at(l).id(), random.nextInt(4));
                    }
                }
            }
            StockSnapshot snapshot = stock.build();
            DeliveryChoice delivery = delivery(random, network);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, Channel.WEB, delivery, skuQuantities);

            Completion completion = engine.planIfComplete(SourcingRequest.of(order), snapshot, now);
            SourcingPlan full = engine.plan(SourcingRequest.of(order), snapshot, now);

            if (completion.planned()) {
                assertThat(completion.plan().fulfilments()).isEqualTo(full.fulfilments());
                assertThat(completion.plan().unsourced()).isEqualTo(full.unsourced());
                assertThat(completion.plan().totalCost()).isEqualTo(full.totalCost());
            } else {
                assertThat(full.isComplete()).as("complete plan %s, yet %s: %s", full.fulfilments(), completion.reason(),
                        completion.detail()).isFalse();
                if (completion.reason() != UnsourcedReason.SHIPMENT_LIMIT) {
                    assertThat(full.unsourced()).extracting(Unsourced::reason).contains(completion.reason());
                }
            }
        }
    }

    private static Network network(SplittableRandom random) {
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

    private static RuleSet rules(SplittableRandom random, Network network) {
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
            b.cost(new ShippingCost(RateTable.builder(ShippingRate.of(random.nextInt(3), random.nextInt(2), 0))
                    .rate(LocationType.STORE, ShippingRate.of(random.nextInt(3), 0.5, random.nextInt(2) * 0.001)).build()));
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
        if (random.nextInt(5) == 0) {
            b.split(SplitPolicy.SHIP_COMPLETE);
        } else {
            b.maxShipments(1 + random.nextInt(3));
        }
        return b.build();
    }

    private static SourcingEngine engine(Network network, RuleSet rules, InMemoryCapacityTracker capacity) {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).capacity(capacity)
                .clock(Fixtures.CLOCK).build();
    }

    /** A moment of the week, with some locations' capacity of that day partly used. */
    private static Instant moment(SplittableRandom random, Network network, InMemoryCapacityTracker capacity) {
        Instant now = MONDAY.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
        useCapacity(random, network, capacity, now);
        return now;
    }

    private static void useCapacity(SplittableRandom random, Network network, InMemoryCapacityTracker capacity, Instant now) {
        for (int l = 0; l < network.size(); l++) {
            if (random.nextInt(4) == 0) {
                Location at = network.at(l);
                capacity.tryConsume(at.id(), LocalDate.ofInstant(now, at.zone()), at.dailyCapacity());
            }
        }
    }

    private static StockSnapshot stock(SplittableRandom random, Network network) {
        StockSnapshot.Builder b = StockSnapshot.builder(network);
        for (int l = 0; l < network.size(); l++) {
            if (random.nextInt(3) > 0) {
                b.add(SKU, network.at(l).id(), random.nextInt(5));
            }
        }
        return b.build();
    }

    private static DeliveryChoice delivery(SplittableRandom random, Network network) {
        DeliveryMethod method = DeliveryMethod.values()[random.nextInt(DeliveryMethod.values().length)];
        if (method.isPickup()) {
            return DeliveryChoice.pickup(method, network.at(random.nextInt(network.size())).id(), null);
        }
        GeoPoint to = GeoPoint.of(50 + random.nextInt(5) * 0.5, 8 + random.nextInt(5) * 0.5);
        DeliveryWindow promised = random.nextBoolean() ? null
                : new DeliveryWindow(MONDAY, MONDAY.plus(Duration.ofHours(24 + random.nextInt(96))));
        return DeliveryChoice.home(method, Fixtures.address(to), promised);
    }
}
