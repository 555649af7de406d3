package io.omskit.orchestration.internal;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.spi.SourcingItem;
import io.omskit.orchestration.stock.SkuStock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The context of one computation. Remaining capacities of candidate locations are computed once and kept, so a
 * later explanation sees the values the optimiser saw; distances are kept per destination, for every computation.
 */
public final class Context implements SourcingContext {

    private final Demand demand;
    private final io.omskit.core.channel.Channel channel;
    private final DeliveryChoice delivery;
    private final Network network;
    private final Instant now;
    private final List<SourcingItem> items;
    private final SkuStock[] stock;
    private final int[][] excluded;
    private final GeoPoint destination;
    private final int pickupStore;
    private final CapacityTracker capacity;
    private final double[] unitVectors;
    private final Sites sites;
    /**
     * The destination's unit vector, once {@link #towards} is true: most distances asked are kept, so it is made only
     * when one is not.
     */
    private double dx;
    private double dy;
    private double dz;
    private boolean towards;
    // shared while empty: a computation without candidates (the what-if for one item) allocates none
    private static final int[] NONE = new int[0];
    // opaque: the shared distances are written racily, and a double must not be read torn
    private static final VarHandle KM = MethodHandles.arrayElementVarHandle(double[].class);

    private int[] candidates = NONE;
    private int[] units = NONE;
    private int cursor = -1;
    /** Distances from the destination by dense index, NaN until computed: shared by every context of the destination. */
    private final double[] km;
    private int[] remaining = NONE;
    /** The local day at {@link #now} in each zone of {@link Sites}, as first asked: fixed for the context. */
    private LocalDate[] dayInZone;

    /**
     * @param excluded    per item, the dense indexes of the locations the request excludes, sorted
     * @param unitVectors the network's positions as unit vectors, x y z per location (see {@link #unitVectors})
     */
    public Context(Demand demand, DeliveryChoice delivery, Network network, Instant now, List<SourcingItem> items,
                   SkuStock[] stock, int[][] excluded, CapacityTracker capacity, double[] unitVectors) {
        this(demand, delivery, network, now, items, stock, excluded, capacity, unitVectors, null);
    }

    /**
     * @param sites the network's static per-location data, as {@link Sites#of} builds it once per network; null to
     *              read locations
     */
    Context(Demand demand, DeliveryChoice delivery, Network network, Instant now, List<SourcingItem> items,
            SkuStock[] stock, int[][] excluded, CapacityTracker capacity, double[] unitVectors, Sites sites) {
        this(demand, demand.channel(), delivery, network, now, items, stock, excluded, capacity, unitVectors, sites);
    }

    /**
     * A context for a computation without a demand (what-if for one item): {@link #demand()} fails, rules may read
     * the {@code channel}.
     */
    Context(io.omskit.core.channel.Channel channel, DeliveryChoice delivery, Network network, Instant now,
            List<SourcingItem> items, SkuStock[] stock, int[][] excluded, CapacityTracker capacity, double[] unitVectors,
            Sites sites) {
        this(null, channel, delivery, network, now, items, stock, excluded, capacity, unitVectors, sites);
    }

    /**
     * A context for another computation without a demand, for the channel of {@code same} and a {@code delivery}
     * with the same method, destination and pickup store as its own (the promised window may differ).
     */
    Context(Context same, DeliveryChoice delivery, Instant now, List<SourcingItem> items, SkuStock[] stock,
            int[][] excluded) {
        this.demand = null;
        this.channel = same.channel;
        this.delivery = delivery;
        this.network = same.network;
        this.now = now;
        this.items = items;
        this.stock = stock;
        this.excluded = excluded;
        this.capacity = same.capacity;
        this.sites = same.sites;
        this.pickupStore = same.pickupStore;
        this.destination = same.destination;
        this.unitVectors = same.unitVectors;
        this.dx = same.dx;
        this.dy = same.dy;
        this.dz = same.dz;
        this.towards = same.towards;
        this.km = same.km;
    }

    private Context(Demand demand, io.omskit.core.channel.Channel channel, DeliveryChoice delivery, Network network,
                    Instant now, List<SourcingItem> items, SkuStock[] stock, int[][] excluded, CapacityTracker capacity,
                    double[] unitVectors, Sites sites) {
        this.sites = sites;
        this.demand = demand;
        this.channel = channel;
        this.delivery = delivery;
        this.network = network;
        this.now = now;
        this.items = items;
        this.stock = stock;
        this.excluded = excluded;
        this.capacity = capacity;
        this.pickupStore = delivery.pickupStore() == null ? -1 : network.indexOf(delivery.pickupStore());
        if (delivery.method().isPickup()) {
            this.destination = pickupStore < 0 ? null : network.at(pickupStore).position();
        } else {
            this.destination = delivery.address() == null ? null : delivery.address().position();
        }
        this.unitVectors = unitVectors;
        this.km = sites == null || destination == null ? null : sites.distances.from(destination);
    }

    /** The positions of {@code network}'s locations as unit vectors on the sphere: x, y, z for each location in turn. */
    public static double[] unitVectors(Network network) {
        double[] v = new double[network.size() * 3];
        for (int l = 0; l < network.size(); l++) {
            System.arraycopy(unitVector(network.at(l).position()), 0, v, l * 3, 3);
        }
        return v;
    }

    private static double[] unitVector(GeoPoint p) {
        double lat = Math.toRadians(p.latitude());
        double lon = Math.toRadians(p.longitude());
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    /**
     * Great-circle distance from {@code location} to the destination: 2 R asin(chord / 2), as {@link GeoPoint#distanceKm}
     * computes it, from precomputed unit vectors; the arcsine of the short chords of a delivery network is taken
     * from its series (error below 1e-10 relative).
     */
    private double greatCircleKm(int location) {
        if (!towards) {
            double[] d = unitVector(destination);
            dx = d[0];
            dy = d[1];
            dz = d[2];
            towards = true;
        }
        int o = location * 3;
        double ex = unitVectors[o] - dx;
        double ey = unitVectors[o + 1] - dy;
        double ez = unitVectors[o + 2] - dz;
        double h = Math.min(1, Math.sqrt(ex * ex + ey * ey + ez * ez) / 2);
        double angle;
        if (h < 0.15) {
            double h2 = h * h;
            angle = h * (1 + h2 * (1.0 / 6 + h2 * (3.0 / 40 + h2 * (15.0 / 336 + h2 * (105.0 / 3456 + h2 * (945.0 / 42240))))));
        } else {
            angle = Math.asin(h);
        }
        return 2 * EARTH_RADIUS_KM * angle;
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** The candidate the engine is about to ask rules about, as an index into the candidates; speeds up memo lookups. */
    void cursor(int candidate) {
        this.cursor = candidate;
    }

    /** Units of each item at each candidate: {@code units[item * candidates + candidate]}. */
    void units(int[] unitsByCandidate) {
        this.units = unitsByCandidate;
    }

    private int candidateIndex(int location) {
        if (cursor >= 0 && cursor < candidates.length && candidates[cursor] == location) {
            return cursor;
        }
        int k = Arrays.binarySearch(candidates, location);
        return k >= 0 ? k : -1;
    }

    /** Fixes the candidate locations (sorted dense indexes) whose distances and capacities are memoised. */
    void candidates(int[] sortedCandidates) {
        this.candidates = sortedCandidates;
        this.remaining = new int[sortedCandidates.length];
        Arrays.fill(remaining, -1);
    }

    SkuStock stock(int item) {
        return stock[item];
    }

    @Override
    public Demand demand() {
        if (demand == null) {
            throw new IllegalStateException("no demand in a what-if for one item: a rule reading the demand must declare RuleInput.DEMAND");
        }
        return demand;
    }

    @Override
    public io.omskit.core.channel.Channel channel() {
        return channel;
    }

    @Override
    public DeliveryChoice delivery() {
        return delivery;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Location location(int location) {
        return network.at(location);
    }

    @Override
    public LocationType locationType(int location) {
        return sites != null ? sites.types[location] : network.at(location).type();
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public int itemCount() {
        return items.size();
    }

    @Override
    public SourcingItem item(int item) {
        return items.get(item);
    }

    List<SourcingItem> items() {
        return items;
    }

    @Override
    public int available(int item, int location) {
        int k = candidateIndex(location);
        if (k >= 0 && units.length > 0) {
            return units[item * candidates.length + k];
        }
        return stock[item].unitsAt(location);
    }

    @Override
    public GeoPoint destination() {
        return destination;
    }

    @Override
    public double distanceKm(int location) {
        if (destination == null) {
            return Double.NaN;
        }
        if (km == null) {
            return greatCircleKm(location);
        }
        double d = (double) KM.getOpaque(km, location);
        if (d != d) {
            d = greatCircleKm(location);
            KM.setOpaque(km, location, d);
        }
        return d;
    }

    @Override
    public int pickupStore() {
        return pickupStore;
    }

    @Override
    public int remainingCapacity(int location) {
        int k = candidateIndex(location);
        if (k < 0) {
            return computeRemaining(location);
        }
        int r = remaining[k];
        if (r < 0) {
            r = computeRemaining(location);
            remaining[k] = r;
        }
        return r;
    }

    /**
     * Reads the remaining capacity of every candidate at once (one call of the tracker for them all), when the
     * network has one time zone; otherwise each is read when asked.
     */
    void readCapacities() {
        int c = candidates.length;
        if (sites == null || capacity == null || c == 0 || sites.days.size() != 1) {
            return;
        }
        capacity.used(candidates, c, sites.ids, dayInZone(0), remaining);
        for (int k = 0; k < c; k++) {
            int daily = sites.dailyCapacity[candidates[k]];
            remaining[k] = daily == 0 ? 0 : Math.max(0, daily - remaining[k]);
        }
    }

    private int computeRemaining(int location) {
        if (sites != null) {
            int daily = sites.dailyCapacity[location];
            if (capacity == null || daily == 0) {
                return daily;
            }
            return Math.max(0, daily - capacity.used(location, sites.ids[location], dayInZone(sites.zoneIndex[location])));
        }
        Location l = network.at(location);
        if (capacity == null) {
            return l.dailyCapacity();
        }
        return Math.max(0, l.dailyCapacity() - capacity.used(location, l.id(), localDay(l.zone())));
    }

    private LocalDate dayInZone(int zone) {
        LocalDate[] days = dayInZone;
        if (days == null) {
            days = new LocalDate[sites.days.size()];
            dayInZone = days;
        }
        LocalDate day = days[zone];
        if (day == null) {
            day = sites.days.of(zone, now);
            days[zone] = day;
        }
        return day;
    }

    /** Per-location data every computation reads, in arrays by dense index: built once per network. */
    static final class Sites {
        final LocationId[] ids;
        final ZoneId[] zones;
        final int[] dailyCapacity;
        final LocationType[] types;
        /** Per location, the index of its zone in {@link #days}. */
        final int[] zoneIndex;
        final LocalDays days;
        final Distances distances;

        private Sites(Network network) {
            int size = network.size();
            ids = new LocationId[size];
            zones = new ZoneId[size];
            dailyCapacity = new int[size];
            types = new LocationType[size];
            zoneIndex = new int[size];
            List<ZoneId> distinct = new java.util.ArrayList<>();
            for (int l = 0; l < size; l++) {
                Location location = network.at(l);
                ids[l] = location.id();
                zones[l] = location.zone();
                dailyCapacity[l] = location.dailyCapacity();
                types[l] = location.type();
                int z = distinct.indexOf(zones[l]);
                if (z < 0) {
                    z = distinct.size();
                    distinct.add(zones[l]);
                }
                zoneIndex[l] = z;
            }
            days = new LocalDays(distinct.toArray(new ZoneId[0]));
            distances = new Distances(size);
        }

        static Sites of(Network network) {
            return new Sites(network);
        }
    }

    /**
     * Distances from destinations to every location, kept per destination point as computed (NaN until then):
     * shoppers' destinations repeat (postal areas, pickup stores), and every computation for one asks the same
     * locations. Bounded: when full, the least useful destination makes room.
     */
    static final class Distances {
        private final Kept<GeoPoint, double[]> byDestination;

        Distances(int size) {
            this.byDestination = new Kept<>(Math.max(64, (1 << 22) / Math.max(1, size)), destination -> {
                double[] km = new double[size];
                Arrays.fill(km, Double.NaN);
                return km;
            });
        }

        /** The kept distances from {@code destination}, by dense index; null the first time it is seen lately. */
        double[] from(GeoPoint destination) {
            return byDestination.get(destination);
        }
    }

    // most networks have a handful of zones, and locations of one zone tend to be asked in a row
    private ZoneId lastZone;
    private LocalDate lastDay;

    private LocalDate localDay(ZoneId zone) {
        if (zone != lastZone && !zone.equals(lastZone)) {
            lastDay = LocalDate.ofInstant(now, zone);
            lastZone = zone;
        }
        return lastDay;
    }

    /** Whether the request excludes any location for any item. */
    boolean anyExcluded() {
        for (int[] e : excluded) {
            if (e.length > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isExcluded(int item, int location) {
        int[] e = excluded[item];
        return e.length > 0 && Arrays.binarySearch(e, location) >= 0;
    }
}
