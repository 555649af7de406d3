package io.omskit.core.inmemory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inmemory.internal.InventoryBook;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The thread-safe in-memory {@link InventoryStore}: the reference adapter, and fast enough to be the stock engine of a
 * single-node host.
 *
 * <p>Stock is striped by SKU: the positions of one SKU live in one compact array (nine ints each) guarded by that
 * SKU's lock, so operations on different SKUs never wait for each other, and an operation on several SKUs locks
 * them in one global order (no deadlock between two carts naming the same SKUs in opposite orders). Network
 * aggregates per SKU (sum of available to sell, network-wide reservations) are kept incrementally, so
 * {@link #networkAvailable(Sku)} is O(1).
 *
 * <p>Semantics beyond the SPI contract:
 * <ul>
 * <li>A reservation line with a location needs that position's available to sell and the network's; a
 *     network-wide line needs the network's. An allocation converts units its reservation holds at the same
 *     location directly; units held network-wide or elsewhere are let go and must be available at the target.</li>
 * <li>A reservation named by an allocation that is unknown or no longer active contributes nothing: the
 *     allocation then needs fresh stock.</li>
 * <li>Released, expired and consumed reservations, and allocations with nothing left open, stay findable (and
 *     their keys replay) for {@link Builder#keepFinished(Duration)}, one day by default, then are forgotten.</li>
 * <li>A hold lapses at its expiry: every operation, reads included, first expires the holds due at the clock's now
 *     (reservations with an expiry are kept in expiry order, so this costs one look when none is due).
 *     {@link #expireReservations(Instant)} expires the holds due at the given instant the same way, and may be called
 *     as often as needed, from several threads at once.</li>
 * <li>A change in place remembers the last {@value io.omskit.core.inventory.ReservationChange#REMEMBERED_CHANGES}
 *     change keys of each reservation.</li>
 * <li>Events are queued per SKU under its lock and handed to the publisher after the locks are released, in
 *     order per SKU; a thread finding another one publishing for the same SKU leaves its events to that one.</li>
 * <li>{@link #setSafetyStock} throws {@link IllegalStateException} (and changes nothing) when the new safety
 *     stock would leave network-wide reservations uncovered.</li>
 * </ul>
 */
public final class InMemoryInventoryStore implements InventoryStore {

    private final InventoryBook book;

    private InMemoryInventoryStore(Builder b) {
        this.book = new InventoryBook(b.clock, b.publisher, b.thresholds, b.keepFinished);
    }

    /** A builder; only the clock is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A store with the given clock and every default. */
    public static InMemoryInventoryStore create(Clock clock) {
        return builder().clock(clock).build();
    }

    /**
     * Seeds {@code onHand} sellable units of {@code sku} at {@code location} as opening balance: no event, no
     * ledger object (the ledger shows one synthetic {@link io.omskit.core.inventory.MovementReason#OPENING_BALANCE}
     * entry first). Adds to what an earlier load put there.
     *
     * @throws IllegalArgumentException when {@code onHand} is negative
     * @throws IllegalStateException    when the position already has ledger movements
     */
    public void load(Sku sku, LocationId location, int onHand) {
        book.load(sku, List.of(Checks.notNull(location, "location")), new int[] {onHand});
    }

    /**
     * Seeds the opening balance of {@code sku} at many locations at once: {@code onHand[i]} units at
     * {@code locations.get(i)}. The fast path for bulk loads (millions of positions).
     *
     * @throws IllegalArgumentException when the sizes differ or a quantity is negative
     * @throws IllegalStateException    when a position already has ledger movements
     */
    public void load(Sku sku, List<LocationId> locations, int[] onHand) {
        book.load(sku, locations, onHand);
    }

    @Override
    public ReservationResult reserve(ReservationRequest request) {
        return book.reserve(request);
    }

    @Override
    public ReservationResult change(ReservationChange change) {
        return book.change(change);
    }

    @Override
    public Optional<Reservation> findReservation(ReservationKey key) {
        return book.findReservation(key);
    }

    @Override
    public Optional<Reservation> release(ReservationKey key) {
        return book.release(key);
    }

    @Override
    public Optional<Reservation> release(ReservationKey key, Sku sku, int quantity) {
        return book.release(key, sku, quantity);
    }

    @Override
    public List<Reservation> expireReservations(Instant now) {
        return book.expireReservations(now);
    }

    @Override
    public HeldStock heldFor(String reference) {
        return book.heldFor(reference);
    }

    @Override
    public List<String> holders(Instant madeAtOrBefore, String after, int limit) {
        return book.holders(madeAtOrBefore, after, limit);
    }

    @Override
    public AllocationResult allocate(AllocationRequest request) {
        return book.allocate(request);
    }

    @Override
    public Optional<Allocation> findAllocation(AllocationKey key) {
        return book.findAllocation(key);
    }

    @Override
    public Allocation deallocate(AllocationKey key, Sku sku, LocationId location, int quantity) {
        return book.deallocate(key, sku, location, quantity);
    }

    @Override
    public StockMovement ship(AllocationKey key, Sku sku, LocationId location, int quantity, MovementKey movementKey) {
        return book.ship(key, sku, location, quantity, movementKey);
    }

    @Override
    public AdjustmentResult adjust(StockAdjustment adjustment) {
        return book.adjust(adjustment);
    }

    @Override
    public void setSafetyStock(Sku sku, LocationId location, int quantity) {
        book.setSafetyStock(sku, location, quantity);
    }

    @Override
    public StockPosition position(Sku sku, LocationId location) {
        return book.position(sku, location);
    }

    @Override
    public List<StockPosition> positions(Sku sku) {
        return book.positions(sku);
    }

    @Override
    public int networkReserved(Sku sku) {
        return book.networkReserved(sku);
    }

    @Override
    public int networkAvailable(Sku sku) {
        return book.networkAvailable(sku);
    }

    @Override
    public List<InboundSupply> inbound(Sku sku) {
        return book.inbound(sku);
    }

    @Override
    public List<StockMovement> movements(Sku sku, LocationId location) {
        return book.movements(sku, location);
    }

    /** Builds an {@link InMemoryInventoryStore}. Not thread-safe. */
    public static final class Builder {
        private Clock clock;
        private EventPublisher publisher;
        private ThresholdPolicy thresholds = ThresholdPolicy.uniform(StockThresholds.defaults());
        private Duration keepFinished = Duration.ofDays(1);

        private Builder() {
        }

        /** The clock stamping reservations, movements and events. Required. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Receives every event; by default none is built or published. */
        public Builder publisher(EventPublisher publisher) {
            this.publisher = Checks.notNull(publisher, "publisher");
            return this;
        }

        /**
         * Chooses the alert thresholds; asked with a null location for a SKU's network-wide level. Default:
         * {@link StockThresholds#defaults()} everywhere. Called with the SKU's lock held: it must be fast, must not
         * call the store, and should give stable answers (levels are derived from the current figures and
         * thresholds before and after each change, not stored).
         */
        public Builder thresholds(ThresholdPolicy thresholds) {
            this.thresholds = Checks.notNull(thresholds, "thresholds");
            return this;
        }

        /**
         * How long a released, expired or consumed reservation, and an allocation with nothing left open (all
         * shipped or deallocated), stays findable, so that a retry with its key replays it; default one day.
         * {@link Duration#ZERO} forgets it at once (the replay then reserves or allocates again).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder keepFinished(Duration retention) {
            Checks.notNull(retention, "retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative, was " + retention);
            }
            this.keepFinished = retention;
            return this;
        }

        /** Keeps finished reservations and allocations for ever (memory grows with every one ever made). */
        public Builder keepFinishedForever() {
            this.keepFinished = null;
            return this;
        }

        /** The store. @throws NullPointerException when no clock was given */
        public InMemoryInventoryStore build() {
            Checks.notNull(clock, "clock");
            return new InMemoryInventoryStore(this);
        }
    }
}
