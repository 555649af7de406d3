package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.ShipmentIntent;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stock held for orders, kept in line with them: what units of an order's lines take as stock units (bundles as
 * their components: the one place bundles are expanded), the keys and reference its reservations and allocations
 * carry, the keyed stock movements of units leaving a location or coming back to a store's shelf, and the sync that
 * trims reservations and allocations to what the order accounts for. It reads and moves stock and never changes an
 * order.
 */
final class StockKeeper {

    private final InventoryStore inventory;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration stockGrace;

    StockKeeper(InventoryStore inventory, Catalog catalog, Clock clock, Duration stockGrace) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.clock = clock;
        this.stockGrace = stockGrace;
    }

    // ---- keys ----

    /** The key of the reservation holding stock for {@code order}'s reserved units in its current payment attempt. */
    static ReservationKey reservationKey(Order order) {
        return new ReservationKey(reservationKeyFor(order.id(), order.payment().attempt()));
    }

    private static String reservationKeyFor(OrderId id, int attempt) {
        return "res-" + id + "-" + attempt;
    }

    /** The reference every reservation and allocation made for the order carries. */
    static String stockReference(OrderId id) {
        return id.value();
    }

    /**
     * The key of a stock movement named {@code text}: the text itself when it fits a key, else its start and a digest
     * of the whole (ids of orders, fulfilments and SKUs can make it long).
     */
    private static MovementKey movementKey(String text) {
        if (text.length() <= 100) {
            return MovementKey.of(text);
        }
        String digest = com.google.common.hash.Hashing.sha256().hashString(text, java.nio.charset.StandardCharsets.UTF_8)
                .toString().substring(0, 40);
        return MovementKey.of(text.substring(0, 59) + "~" + digest);
    }

    // ---- stock units ----

    /** Reservation lines, anywhere in the network, for the order's units in {@code state}. */
    List<ReservationLine> reservationLines(Order order, UnitState state) {
        Map<Sku, Integer> need = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            if (l.units().get(state) > 0) {
                addComponents(need, l.sku(), l.units().get(state));
            }
        }
        return anywhere(need);
    }

    /** Reservation lines, anywhere in the network, for {@code quantities} of SKUs. */
    List<ReservationLine> reservationLines(Map<Sku, Integer> quantities) {
        Map<Sku, Integer> need = new LinkedHashMap<>();
        quantities.forEach((sku, qty) -> addComponents(need, sku, qty));
        return anywhere(need);
    }

    private static List<ReservationLine> anywhere(Map<Sku, Integer> need) {
        List<ReservationLine> lines = new ArrayList<>(need.size());
        need.forEach((sku, qty) -> lines.add(ReservationLine.anywhere(sku, qty)));
        return lines;
    }

    /**
     * How many stock units of each SKU {@code quantities} of SKUs take, counted in longs: for checking a request
     * against the limits before it is reserved.
     */
    Map<Sku, Long> stockUnitTotals(Map<Sku, Integer> quantities) {
        Map<Sku, Long> units = new LinkedHashMap<>();
        // per unit, then multiplied in longs: the ints of catalog.stockUnits(sku, qty) could overflow here
        quantities.forEach((sku, qty) -> catalog.stockUnits(sku, 1)
                .forEach((unit, perUnit) -> units.merge(unit, (long) perUnit * qty, Long::sum)));
        return units;
    }

    /**
     * The stock units {@code quantities} of the order's lines take, per SKU (bundles as their components).
     *
     * @throws IllegalArgumentException naming a line the order does not have
     */
    Map<Sku, Integer> stockUnits(Order order, List<LineQuantity> quantities) {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        for (LineQuantity q : quantities) {
            OrderLine line = order.line(q.line()).orElseThrow(
                    () -> new IllegalArgumentException("line " + q.line() + " is not a line of order " + order.id()));
            addComponents(units, line.sku(), q.quantity());
        }
        return units;
    }

    /** Adds the stock units selling {@code quantity} of {@code sku} needs: its components when it is a bundle. */
    private void addComponents(Map<Sku, Integer> need, Sku sku, int quantity) {
        for (Map.Entry<Sku, Integer> e : catalog.stockUnits(sku, quantity).entrySet()) {
            need.merge(e.getKey(), e.getValue(), Integer::sum);
        }
    }

    /** The SKUs of the order's reserved units that its current reservation no longer holds in full. */
    Set<Sku> unbacked(Order order) {
        Map<Sku, Integer> held = new LinkedHashMap<>();
        inventory.findReservation(reservationKey(order)).filter(Reservation::isActive)
                .ifPresent(r -> r.held().forEach(l -> held.merge(l.sku(), l.quantity(), Integer::sum)));
        Set<Sku> unbacked = new LinkedHashSet<>();
        for (ReservationLine wanted : reservationLines(order, UnitState.RESERVED)) {
            if (held.getOrDefault(wanted.sku(), 0) < wanted.quantity()) {
                unbacked.add(wanted.sku());
            }
        }
        return unbacked;
    }

    /** The reserved units of the order's lines that take any of {@code skus} as stock units. */
    List<LineQuantity> reservedUnitsTaking(Order order, Set<Sku> skus) {
        List<LineQuantity> units = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            Map<Sku, Integer> parts = new LinkedHashMap<>();
            addComponents(parts, l.sku(), 1);
            if (l.units().reserved() > 0 && parts.keySet().stream().anyMatch(skus::contains)) {
                units.add(LineQuantity.of(l.id(), l.units().reserved()));
            }
        }
        return units;
    }

    // ---- movements ----

    /**
     * Makes (or replays) the stock movements of the order's shipments in progress.
     *
     * @return whether it had any
     */
    boolean completeShipments(Order order) {
        for (ShipmentIntent s : order.shipping()) {
            ship(order, s.quantities(), new AllocationKey(s.inventoryKey()), s.location(),
                    "ship-" + order.id() + "-" + s.shipmentRef());
        }
        return !order.shipping().isEmpty();
    }

    /**
     * Units of the order's lines leave {@code location} out of the allocation {@code from}: one movement per stock
     * unit, keyed {@code <movement>-<sku>}, so a second call replays it.
     */
    void ship(Order order, List<LineQuantity> units, AllocationKey from, LocationId location, String movement) {
        for (Map.Entry<Sku, Integer> e : stockUnits(order, units).entrySet()) {
            inventory.ship(from, e.getKey(), location, e.getValue(), movementKey(movement + "-" + e.getKey().value()));
        }
    }

    /**
     * Units of the order's lines go onto {@code store}'s shelf as sellable stock: one receipt per stock unit, keyed
     * {@code <movement>-<sku>}, so a second call replays it.
     */
    void receive(Order order, List<LineQuantity> units, LocationId store, String movement, String note) {
        for (Map.Entry<Sku, Integer> e : stockUnits(order, units).entrySet()) {
            inventory.adjust(new StockAdjustment(movementKey(movement + "-" + e.getKey().value()), e.getKey(), store,
                    MovementReason.RECEIPT, e.getValue(), null, note));
        }
    }

    /**
     * Writes off units of the order's lines that left {@code location} in a parcel and never reached the customer in a
     * sellable state: one {@link MovementReason#SHIPMENT_WRITE_OFF} per stock unit, keyed {@code <movement>-<sku>}, so
     * a second call replays it. On hand does not change: the units left it when they shipped.
     *
     * @throws IllegalStateException when the store refused a movement (it changes no bucket, so only a broken store does)
     */
    void writeOff(Order order, List<LineQuantity> units, LocationId location, String movement, String note) {
        for (Map.Entry<Sku, Integer> e : stockUnits(order, units).entrySet()) {
            io.omskit.core.inventory.AdjustmentResult result = inventory.adjust(new StockAdjustment(
                    movementKey(movement + "-" + e.getKey().value()), e.getKey(), location, MovementReason.SHIPMENT_WRITE_OFF,
                    e.getValue(), null, note));
            if (!result.isApplied()) {
                throw new IllegalStateException("the inventory refused to write off " + e.getValue() + " x " + e.getKey()
                        + " at " + location + " for order " + order.id() + ": " + result);
            }
        }
    }

    /**
     * Trims the allocation {@code key} (one no order line accounts for: a re-shipment's) to the stock units of
     * {@code units} at {@code location}, giving back the rest. Idempotent.
     */
    void trimAllocation(Order order, AllocationKey key, LocationId location, List<LineQuantity> units) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        stockUnits(order, units).forEach((sku, n) -> wanted.merge(position(sku, location), n, Integer::sum));
        inventory.findAllocation(key).ifPresent(a -> trim(a, wanted));
    }

    // ---- in line with the order ----

    /** The cutoff of a recovery: stock made before it and not accounted for by its order is an orphan. */
    Instant recoveryCutoff() {
        return clock.instant().minus(stockGrace);
    }

    /**
     * Brings stock in line with the order: the current attempt's reservation holds exactly the order's reserved units,
     * earlier attempts' nothing, and each allocation exactly its allocated and ready units. Looks at the keys the
     * order (and {@code before}) name, every allocation the order ever recorded, its shipments in progress and
     * {@code moreAllocationKeys}. Given a {@code recoveryCutoff} (a retry, a failure path: the grace period ago; a
     * sweep: its own), it also looks at everything the inventory holds under the order's reference and releases what
     * the order does not account for when the order needs no more stock or the stock was made at or before the cutoff
     * (later, it may belong to a call still in flight). Idempotent, so a retry after a failure converges.
     *
     * @return the keys released in recovery that the order did not name
     */
    Orphans syncStock(Order order, Order before, Set<String> moreAllocationKeys, boolean recovery) {
        return syncStock(order, before, moreAllocationKeys, recovery ? recoveryCutoff() : null);
    }

    Orphans syncStock(Order order, Order before, Set<String> moreAllocationKeys, Instant recoveryCutoff) {
        Map<ReservationKey, Map<Sku, Integer>> wantedReserved = new LinkedHashMap<>();
        int attempt = order.payment().attempt();
        if (attempt > 1) {
            // the attempt just declined; older ones were let go when they ended, or are found by a recovery
            wantedReserved.put(new ReservationKey(reservationKeyFor(order.id(), attempt - 1)), new LinkedHashMap<>());
        }
        wantedReserved.put(new ReservationKey(reservationKeyFor(order.id(), attempt)), new LinkedHashMap<>());
        for (ReservationLine l : reservationLines(order, UnitState.RESERVED)) {
            wantedReserved.get(reservationKey(order)).merge(l.sku(), l.quantity(), Integer::sum);
        }
        Map<String, Map<String, Integer>> wantedAllocated = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(moreAllocationKeys);
        for (LineAllocation a : order.allocations()) {
            keys.add(a.inventoryKey());
            want(wantedAllocated, a.inventoryKey(), a.location(), stockUnits(order, List.of(LineQuantity.of(a.line(), a.units()))));
        }
        for (ShipmentIntent s : order.shipping()) {
            // shipped on the order, perhaps not yet out of the allocation: never let go of them
            keys.add(s.inventoryKey());
            want(wantedAllocated, s.inventoryKey(), s.location(), stockUnits(order, s.quantities()));
        }
        if (before != null) {
            for (LineAllocation a : before.allocations()) {
                keys.add(a.inventoryKey());
            }
        }
        for (CommandKey k : order.commandKeys()) {
            if (k.command() == OrderCommand.ALLOCATE) {
                keys.add(k.key());
            }
        }
        for (Map.Entry<ReservationKey, Map<Sku, Integer>> e : wantedReserved.entrySet()) {
            inventory.findReservation(e.getKey()).ifPresent(r -> trim(r, e.getValue()));
        }
        for (String key : keys) {
            inventory.findAllocation(new AllocationKey(key)).ifPresent(a -> trim(a, wantedAllocated.getOrDefault(key, Map.of())));
        }
        if (recoveryCutoff == null) {
            return Orphans.NONE;
        }
        Instant cutoff = recoveryCutoff;
        boolean settled = order.needsNoStock();
        List<ReservationKey> releasedReservations = new ArrayList<>();
        List<AllocationKey> releasedAllocations = new ArrayList<>();
        HeldStock held = inventory.heldFor(stockReference(order.id()));
        for (Reservation r : held.reservations()) {
            if (!wantedReserved.containsKey(r.key()) && (settled || isEarlierAttempt(order, r.key()) || !r.createdAt().isAfter(cutoff))) {
                inventory.release(r.key());
                releasedReservations.add(r.key());
            }
        }
        for (Allocation a : held.allocations()) {
            if (!keys.contains(a.key().value()) && (settled || !a.createdAt().isAfter(cutoff))) {
                trim(a, Map.of());
                releasedAllocations.add(a.key());
            }
        }
        return new Orphans(releasedReservations, releasedAllocations);
    }

    /** Gives back every unit {@code allocation} still holds (an allocation nothing accounts for). */
    void releaseWhole(Allocation allocation) {
        trim(allocation, Map.of());
    }

    /** Releases the reservations of declined payment attempts (a retry may find one its first call did not release). */
    void releaseEarlierAttempts(Order order) {
        if (order.payment().attempt() == 1) {
            return;
        }
        for (Reservation r : inventory.heldFor(stockReference(order.id())).reservations()) {
            if (isEarlierAttempt(order, r.key())) {
                inventory.release(r.key());
            }
        }
    }

    /** Whether {@code key} is the reservation of one of the order's earlier, declined payment attempts. */
    private static boolean isEarlierAttempt(Order order, ReservationKey key) {
        for (int attempt = 1; attempt < order.payment().attempt(); attempt++) {
            if (key.value().equals(reservationKeyFor(order.id(), attempt))) {
                return true;
            }
        }
        return false;
    }

    /** Stock a recovery released that the order did not name. */
    record Orphans(List<ReservationKey> reservations, List<AllocationKey> allocations) {
        static final Orphans NONE = new Orphans(List.of(), List.of());

        boolean isEmpty() {
            return reservations.isEmpty() && allocations.isEmpty();
        }
    }

    private static void want(Map<String, Map<String, Integer>> wanted, String inventoryKey, LocationId location,
                             Map<Sku, Integer> units) {
        Map<String, Integer> perPosition = wanted.computeIfAbsent(inventoryKey, k -> new LinkedHashMap<>());
        units.forEach((sku, qty) -> perPosition.merge(position(sku, location), qty, Integer::sum));
    }

    private static String position(Sku sku, LocationId location) {
        return sku.value() + "@" + location.value();
    }

    private void trim(Reservation reservation, Map<Sku, Integer> wanted) {
        if (!reservation.isActive()) {
            return;
        }
        if (wanted.isEmpty()) {
            inventory.release(reservation.key());
            return;
        }
        Reservation current = reservation;
        for (int round = 0; ; round++) {
            Map<Sku, Integer> held = new LinkedHashMap<>();
            for (ReservationLine l : current.held()) {
                held.merge(l.sku(), l.quantity(), Integer::sum);
            }
            try {
                for (Map.Entry<Sku, Integer> e : held.entrySet()) {
                    int excess = e.getValue() - wanted.getOrDefault(e.getKey(), 0);
                    if (excess > 0) {
                        inventory.release(current.key(), e.getKey(), excess);
                    }
                }
                return;
            } catch (IllegalArgumentException shrank) {
                // another node changed the reservation since it was read (a backorder fill given back): read it again
                Optional<Reservation> again = inventory.findReservation(reservation.key()).filter(Reservation::isActive);
                if (round == 2 || again.isEmpty()) {
                    if (again.isEmpty()) {
                        return;
                    }
                    throw new SpiException("reservation " + reservation.key() + " kept changing concurrently; call again", shrank,
                            true);
                }
                current = again.get();
            }
        }
    }

    private void trim(Allocation allocation, Map<String, Integer> wanted) {
        Allocation current = allocation;
        for (int round = 0; ; round++) {
            try {
                for (AllocationLine open : current.open()) {
                    int excess = open.quantity() - wanted.getOrDefault(position(open.sku(), open.location()), 0);
                    if (excess > 0) {
                        inventory.deallocate(current.key(), open.sku(), open.location(), excess);
                    }
                }
                return;
            } catch (IllegalArgumentException shrank) {
                // another node shipped or let go of units of this allocation since it was read: read it again
                Optional<Allocation> again = inventory.findAllocation(allocation.key());
                if (round == 2 || again.isEmpty()) {
                    throw new SpiException("allocation " + allocation.key() + " kept changing concurrently; call again", shrank, true);
                }
                current = again.get();
            }
        }
    }
}
