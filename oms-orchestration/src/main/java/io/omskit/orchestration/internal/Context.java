package io.omskit.orchestration.internal;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.Order;
import io.omskit.orchestration.SkuStock;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.spi.SourcingItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The context of one computation. Distances and remaining capacities of candidate locations are computed once and
 * kept, so a later explanation sees the values the optimiser saw.
 */
public final class Context implements SourcingContext {

    private final Order order;
    private final DeliveryChoice delivery;
    private final Network network;
    private final Instant now;
    private final List<SourcingItem> items;
    private final SkuStock[] stock;
    private final int[][] excluded;
    private final GeoPoint destination;
    private final int pickupStore;
    private final CapacityTracker capacity;
    private int[] candidates = new int[0];
    private double[] distance = new double[0];
    private int[] remaining = new int[0];

    /**
     * @param excluded per item, the dense indexes of the locations the request excludes, sorted
     */
    public Context(Order order, DeliveryChoice delivery, Network network, Instant now, List<SourcingItem> items,
                   SkuStock[] stock, int[][] excluded, CapacityTracker capacity) {
        this.order = order;
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
    }

    /** Fixes the candidate locations (sorted dense indexes) whose distances and capacities are memoised. */
    void candidates(int[] sortedCandidates) {
        this.candidates = sortedCandidates;
        this.distance = new double[sortedCandidates.length];
        Arrays.fill(distance, -1);
        this.remaining = new int[sortedCandidates.length];
        Arrays.fill(remaining, -1);
    }

    SkuStock stock(int item) {
        return stock[item];
    }

    @Override
    public Order order() {
        return order;
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
        int k = Arrays.binarySearch(candidates, location);
        if (k < 0) {
            return network.at(location).position().distanceKm(destination);
        }
        double d = distance[k];
        if (d < 0) {
            d = network.at(location).position().distanceKm(destination);
            distance[k] = d;
        }
        return d;
    }

    @Override
    public int pickupStore() {
        return pickupStore;
    }

    @Override
    public int remainingCapacity(int location) {
        int k = Arrays.binarySearch(candidates, location);
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

    private int computeRemaining(int location) {
        Location l = network.at(location);
        if (capacity == null) {
            return l.dailyCapacity();
        }
        LocalDate day = LocalDate.ofInstant(now, l.zone());
        return Math.max(0, l.dailyCapacity() - capacity.used(l.id(), day));
    }

    @Override
    public boolean isExcluded(int item, int location) {
        int[] e = excluded[item];
        return e.length > 0 && Arrays.binarySearch(e, location) >= 0;
    }
}
