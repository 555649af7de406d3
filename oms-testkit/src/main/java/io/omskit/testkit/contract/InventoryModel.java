package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.InventoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the stateful property: the store under test, the keys used so far, and the unit counters of
 * the conservation equation, kept from the answers the store gave (never from its buckets).
 *
 * <p>Per SKU: {@code arrived - left == on hand + quarantine} (physical units), where {@code arrived} counts
 * receipts, count gains, inbound receipts and returns that arrived, and {@code left} counts losses, damage,
 * shrinkage, write-offs and shipments; {@code announced - received - cancelled == inbound}; and
 * {@code returns announced - returns arrived or cancelled == returns in transit}. Besides, the units every active reservation
 * says it holds equal the reserved buckets plus the network-wide reservations, and the units every allocation
 * says are open equal the allocated buckets.
 */
final class InventoryModel {

    static final List<Sku> SKUS = List.of(Sku.of("SKU-1"), Sku.of("SKU-2"));
    static final List<LocationId> LOCATIONS = List.of(LocationId.of("L1"), LocationId.of("L2"), LocationId.of("L3"));

    final InventoryStore store;
    final ContractClock clock;
    final List<ReservationKey> reservations = new ArrayList<>();
    final List<AllocationKey> allocations = new ArrayList<>();
    private final Map<Sku, long[]> counters = new HashMap<>();
    private int sequence;

    private static final int ARRIVED = 0;
    private static final int LEFT = 1;
    private static final int ANNOUNCED = 2;
    private static final int INBOUND_DONE = 3;
    private static final int RETURNS_ANNOUNCED = 4;
    private static final int RETURNS_ARRIVED = 5;

    InventoryModel(InventoryStore store, ContractClock clock) {
        this.store = store;
        this.clock = clock;
        for (Sku s : SKUS) {
            counters.put(s, new long[6]);
        }
    }

    String nextKey(String prefix) {
        return prefix + "-" + (++sequence);
    }

    Instant now() {
        return clock.instant();
    }

    /** Counts an applied movement. */
    void applied(StockMovement m) {
        long[] c = counters.get(m.sku());
        MovementReason r = m.reason();
        int q = m.quantity();
        int physical = m.onHandDelta() + m.quarantineDelta();
        if (physical > 0) {
            c[ARRIVED] += physical;
        } else if (physical < 0) {
            c[LEFT] -= physical;
        }
        if (r == MovementReason.INBOUND_EXPECTED) {
            c[ANNOUNCED] += q;
        } else if (r == MovementReason.INBOUND_RECEIVED || r == MovementReason.INBOUND_CANCELLED) {
            c[INBOUND_DONE] += q;
        } else if (r == MovementReason.RETURN_EXPECTED) {
            c[RETURNS_ANNOUNCED] += q;
        } else if (r == MovementReason.RETURN_RESTOCKED || r == MovementReason.RETURN_TO_QUARANTINE
                || r == MovementReason.RETURN_CANCELLED) {
            c[RETURNS_ARRIVED] += q;
        }
    }

    /** The held lines of the reservations still active. */
    List<ReservationLine> heldLines() {
        List<ReservationLine> lines = new ArrayList<>();
        for (ReservationKey k : reservations) {
            store.findReservation(k).filter(Reservation::isActive).ifPresent(r -> lines.addAll(r.held()));
        }
        return lines;
    }

    /** The open lines of every allocation, with their keys. */
    List<Map.Entry<AllocationKey, AllocationLine>> openLines() {
        List<Map.Entry<AllocationKey, AllocationLine>> lines = new ArrayList<>();
        for (AllocationKey k : allocations) {
            store.findAllocation(k).ifPresent(a -> {
                for (AllocationLine l : a.open()) {
                    lines.add(Map.entry(k, l));
                }
            });
        }
        return lines;
    }

    void checkNeverOversold() {
        for (Sku sku : SKUS) {
            long sumAts = 0;
            for (StockPosition p : store.positions(sku)) {
                assertThat(p.onHand()).as("on hand of %s", p).isGreaterThanOrEqualTo(p.reserved() + p.allocated());
                sumAts += p.availableToSell();
            }
            assertThat((long) store.networkReserved(sku)).as("network reservations of %s", sku)
                    .isLessThanOrEqualTo(sumAts);
            assertThat((long) store.networkAvailable(sku)).as("network available of %s", sku)
                    .isEqualTo(sumAts - store.networkReserved(sku));
        }
    }

    void checkLedger() {
        for (Sku sku : SKUS) {
            for (LocationId l : LOCATIONS) {
                int sum = 0;
                for (StockMovement m : store.movements(sku, l)) {
                    sum += m.onHandDelta();
                }
                assertThat(store.position(sku, l).onHand()).as("on hand of %s at %s vs its ledger", sku, l)
                        .isEqualTo(sum);
            }
        }
    }

    void checkConservation() {
        Map<Sku, Long> held = new HashMap<>();
        for (ReservationLine l : heldLines()) {
            held.merge(l.sku(), (long) l.quantity(), Long::sum);
        }
        Map<Sku, Long> open = new HashMap<>();
        for (Map.Entry<AllocationKey, AllocationLine> e : openLines()) {
            open.merge(e.getValue().sku(), (long) e.getValue().quantity(), Long::sum);
        }
        for (Sku sku : SKUS) {
            long physical = 0;
            long inbound = 0;
            long returns = 0;
            long reserved = store.networkReserved(sku);
            long allocated = 0;
            for (StockPosition p : store.positions(sku)) {
                physical += p.onHand() + p.quarantine();
                inbound += p.inbound();
                returns += p.returnsInTransit();
                reserved += p.reserved();
                allocated += p.allocated();
            }
            long[] c = counters.get(sku);
            assertThat(c[ARRIVED] - c[LEFT]).as("units of %s arrived - left = on hand + quarantine", sku)
                    .isEqualTo(physical);
            assertThat(c[ANNOUNCED] - c[INBOUND_DONE]).as("inbound of %s", sku).isEqualTo(inbound);
            long supply = 0;
            for (InboundSupply s : store.inbound(sku)) {
                supply += s.quantity();
            }
            assertThat(supply).as("inbound supply records of %s", sku).isEqualTo(inbound);
            assertThat(c[RETURNS_ANNOUNCED] - c[RETURNS_ARRIVED]).as("returns in transit of %s", sku).isEqualTo(returns);
            assertThat(held.getOrDefault(sku, 0L)).as("units of %s held by active reservations", sku).isEqualTo(reserved);
            assertThat(open.getOrDefault(sku, 0L)).as("units of %s open in allocations", sku).isEqualTo(allocated);
        }
    }

    @Override
    public String toString() {
        return "store after " + sequence + " keyed operations";
    }
}
