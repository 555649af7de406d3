package io.omskit.testkit.sourcing;

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
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.rulebook.SplitPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.joda.money.Money;

/** jqwik arbitraries for sourcing. */
public final class SourcingArbitraries {

    private SourcingArbitraries() {
    }

    /**
     * Instances small enough for {@link BruteForceSourcing}: 1 to 4 locations, 1 to 3 lines of distinct SKUs with
     * 1 to 3 units each, sparse stock, cost tables with ties, some locations excluded, sometimes whole lines only,
     * a group or ship complete, and 1 to 4 shipments allowed. Each instance is drawn from a seed, so a failure
     * reproduces; instances do not shrink.
     */
    public static Arbitrary<SourcingInstance> smallInstances() {
        return Arbitraries.longs().map(SourcingArbitraries::instance);
    }

    /**
     * Instances for {@link BruteForceSourcing} with up to 6 locations, 3 lines of 1 or 2 units and at most 1 to 3
     * shipments, so that shipment limits bind often.
     */
    public static Arbitrary<SourcingInstance> limitedInstances() {
        return Arbitraries.longs().map(seed -> instance(seed, 6, 3, 2, false));
    }

    /**
     * Like {@link #smallInstances()} with up to {@code maxLocations} locations and {@code maxLines} lines of up to 5
     * units, where lines may share a SKU (two lines drawing on one stock): for invariants, not for brute force.
     */
    public static Arbitrary<SourcingInstance> instances(int maxLocations, int maxLines) {
        return Arbitraries.longs().map(seed -> instance(seed, maxLocations, maxLines, 5, true));
    }

    /**
     * Waves of up to {@code maxOrders} orders over up to {@code maxLocations} locations competing for scarce stock
     * (see {@link WaveInstance#draw}), for batch sourcing. Drawn from a seed; waves do not shrink.
     */
    public static Arbitrary<WaveInstance> waves(int maxLocations, int maxOrders) {
        return Arbitraries.longs().map(seed -> WaveInstance.draw(seed, maxLocations, maxOrders));
    }

    /** The instance drawn from {@code seed}, as {@link #smallInstances()} does. */
    public static SourcingInstance instance(long seed) {
        return instance(seed, 4, 3, 3, false);
    }

    private static SourcingInstance instance(long seed, int maxLocations, int maxLines, int maxQuantity, boolean shareSkus) {
        Random r = new Random(seed);
        int locationCount = 1 + r.nextInt(maxLocations);
        List<Location> locations = new ArrayList<>();
        LocationType[] types = LocationType.values();
        for (int k = 0; k < locationCount; k++) {
            locations.add(Location.builder(LocationId.of("X" + k), types[r.nextInt(types.length)],
                    GeoPoint.of(r.nextDouble() * 2, r.nextDouble() * 2)).build());
        }
        Network network = Network.of(locations);
        int lineCount = 1 + r.nextInt(maxLines);
        List<DemandLine> lines = new ArrayList<>(lineCount);
        Map<Sku, Map<LocationId, Integer>> units = new HashMap<>();
        for (int i = 0; i < lineCount; i++) {
            Sku sku = Sku.of("S" + (shareSkus && r.nextInt(4) == 0 ? r.nextInt(lineCount) : i));
            lines.add(new DemandLine(LineId.of("L" + i), sku, 1 + r.nextInt(maxQuantity), Money.parse("EUR 10.00"), null));
            if (units.containsKey(sku)) {
                continue;
            }
            Map<LocationId, Integer> byLocation = new HashMap<>();
            for (Location l : locations) {
                int q = r.nextInt(10) < 3 ? 0 : r.nextInt(5);
                if (q > 0) {
                    byLocation.put(l.id(), q);
                }
            }
            units.put(sku, byLocation);
        }
        Map<LocationId, Double> perShipment = new HashMap<>();
        Map<LocationId, Map<Sku, Double>> perUnit = new HashMap<>();
        Map<LocationId, Integer> lastUnits = new HashMap<>();
        Map<LocationId, Double> lastUnitCost = new HashMap<>();
        Set<LocationId> excluded = new HashSet<>();
        for (Location l : locations) {
            perShipment.put(l.id(), r.nextInt(21) / 2.0);
            Map<Sku, Double> byUnit = new HashMap<>();
            for (int i = 0; i < lineCount; i++) {
                byUnit.put(Sku.of("S" + i), r.nextInt(9) / 2.0);
            }
            perUnit.put(l.id(), byUnit);
            if (r.nextBoolean()) {
                lastUnits.put(l.id(), 1 + r.nextInt(2));
                lastUnitCost.put(l.id(), r.nextInt(11) / 2.0);
            }
            if (r.nextInt(100) < 15) {
                excluded.add(l.id());
            }
        }
        SplitPolicy split = r.nextInt(100) < 15 ? SplitPolicy.SHIP_COMPLETE : SplitPolicy.SHIP_PARTIAL;
        List<Set<LineId>> groups = new ArrayList<>();
        if (split == SplitPolicy.SHIP_PARTIAL && lineCount >= 2 && r.nextInt(100) < 25) {
            groups.add(Set.of(LineId.of("L0"), LineId.of("L1")));
        }
        DeliveryChoice delivery = DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                new Address("A", "1 Street", null, "Town", "12345", "DE", GeoPoint.of(1, 1)), null);
        Demand demand = new Demand(OrderId.of("order-" + Long.toHexString(seed)), 1, SourcingInstance.NOW, Channel.WEB,
                delivery, lines);
        return new SourcingInstance(network, demand, units,
                new TableCost("table", perShipment, perUnit, lastUnits, lastUnitCost), r.nextInt(9) / 2.0,
                1 + r.nextInt(maxLocations == 6 ? 3 : 4), split, excluded, r.nextInt(100) < 20, groups);
    }
}
