package io.omskit.core.spi;

import io.omskit.core.catalog.Sku;
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
import io.omskit.core.inventory.StockReader;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Unified stock: positions, reservations, allocations and the movement ledger. Thread-safe.
 *
 * <p>The contract (checked clause by clause by the TCK in {@code oms-testkit}):
 * <ol>
 * <li>Never oversells: at every position, on hand &gt;= reserved + allocated; per SKU, network-wide
 *     reservations never exceed the sum of the positions' available to sell.</li>
 * <li>Units are never created or lost: on hand of a position equals the sum of its ledger's on-hand deltas
 *     minus the units shipped from it.</li>
 * <li>Reservations and allocations are all-or-nothing: either every line is held, or nothing is and the result
 *     lists the shortages. Lines repeating a SKU are added up before checking.</li>
 * <li>Idempotent by key: a request whose key was used before changes nothing and returns the first result
 *     (a key reused with different lines is a programming error: {@link IllegalArgumentException}).</li>
 * <li>Releasing, expiring, deallocating and shipping give back or consume exactly the units held.</li>
 * <li>Alert levels raise one {@link io.omskit.core.inventory.InventoryEvent.StockLevelChanged} per crossing.</li>
 * <li>Every change publishes its events after it is durable, once.</li>
 * <li>What a reference holds is listed exactly: {@link #heldFor} gives the active reservations and the allocations with
 *     open units whose requests named that reference, as {@link #findReservation} and {@link #findAllocation} give
 *     them, oldest first; nothing released, expired, consumed, fully shipped or deallocated, nothing of another
 *     reference.</li>
 * <li>{@link #holders} pages through the references of stock still held under keys made at or before the given
 *     instant: each reference once, in ascending {@link String#compareTo} order, after the given one, at most
 *     {@code limit} per page.</li>
 * <li>Holds change in place: {@link #change} counts what the reservation holds as its own, and afterwards it holds
 *     exactly the new lines until the new expiry, or nothing changed and the result lists the shortages; a change
 *     of a reservation that holds nothing holds anew under the same key; a change key already applied replays.</li>
 * <li>A hold lapses at its expiry: from the moment the store's clock reaches a reservation's expiry it holds
 *     nothing for every read and every change (positions, network figures, {@link #findReservation} shows it
 *     {@link io.omskit.core.inventory.ReservationStatus#EXPIRED}, other reservations may take its units), whether or
 *     not {@link #expireReservations} ran; that call only tidies up.</li>
 * <li>A reservation drawing on another ({@link ReservationRequest#drawsOn()}) counts that one's units of its SKUs as
 *     available to it and takes them over when it succeeds; when it is refused, the other is left as it was.</li>
 * </ol>
 * Time comes from the store's injected {@link java.time.Clock}.
 */
public interface InventoryStore extends StockReader {

    /**
     * Holds stock for every line or for none. A line with a location needs that position's available to sell and
     * the network's; a network-wide line needs the network's (lines of one SKU added up). When short, the result
     * lists one {@link io.omskit.core.inventory.Shortage} per short position, and one network-wide shortage
     * (location null) per SKU whose positions suffice but whose network does not.
     *
     * @throws SpiException on infrastructure failure, nothing held
     */
    ReservationResult reserve(ReservationRequest request);

    /**
     * Sets what the reservation {@code change.key()} holds (see {@link ReservationChange}): all of the new lines until
     * the new expiry, or nothing changes and the result lists one {@link io.omskit.core.inventory.Shortage} per short
     * position or SKU, as {@link #reserve} does, counting the units the reservation held before as available to it.
     * A reservation that holds nothing (never used, released, expired, consumed) holds the lines anew under its key.
     * A change key the reservation was already changed with replays: nothing changes, the result is
     * {@link ReservationResult.Reserved} with {@code replayed} true and the reservation as it is now.
     *
     * <p>The default throws {@link UnsupportedOperationException}: the stores of this library implement it.
     *
     * @throws SpiException on infrastructure failure, nothing changed
     */
    default ReservationResult change(ReservationChange change) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change a reservation in place");
    }

    /** The reservation with {@code key}, in whatever status; empty when the key was never used. */
    Optional<Reservation> findReservation(ReservationKey key);

    /**
     * Lets go of everything the reservation still holds. Idempotent.
     *
     * @return the reservation after release; empty when the key was never used
     */
    Optional<Reservation> release(ReservationKey key);

    /**
     * Lets go of {@code quantity} units of {@code sku} held by the reservation (network-wide lines first).
     *
     * @return the reservation after the release; empty when the key was never used
     * @throws IllegalArgumentException when it holds fewer units of {@code sku}
     */
    Optional<Reservation> release(ReservationKey key, Sku sku, int quantity);

    /**
     * Expires every active reservation whose expiry is at or before {@code now} and that no other call has expired
     * yet; returns them as expired. A lapsed hold stops counting without it (§11): this tidies up and publishes the
     * release events of holds nothing touched since they lapsed.
     */
    List<Reservation> expireReservations(Instant now);

    /**
     * Allocates every line or none, drawing first on the named reservation: its units of the line's SKU held at the
     * line's location convert directly; units held network-wide, then at other locations, are let go and must be
     * available at the line's location; the rest is fresh stock, which needs the position's and the network's
     * available to sell. A reservation that is unknown or no longer active contributes nothing. The reservation
     * becomes {@link io.omskit.core.inventory.ReservationStatus#CONSUMED} once it holds nothing.
     */
    AllocationResult allocate(AllocationRequest request);

    /** The allocation with {@code key}; empty when the key was never used. */
    Optional<Allocation> findAllocation(AllocationKey key);

    /**
     * The allocation of the first of {@code keys} that was used, in the order given, as {@link #findAllocation} gives
     * it; empty when none was. The same answer as asking {@link #findAllocation} for each key in turn, which is what
     * this default does; a store may answer in one read.
     */
    default Optional<Allocation> findFirstAllocation(List<AllocationKey> keys) {
        for (AllocationKey key : keys) {
            Optional<Allocation> found = findAllocation(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns {@code quantity} allocated units of {@code sku} at {@code location} to availability.
     *
     * @return the allocation after the change
     * @throws IllegalArgumentException when the allocation is unknown or holds fewer units there
     */
    Allocation deallocate(AllocationKey key, Sku sku, LocationId location, int quantity);

    /**
     * Records allocated units as shipped: allocated and on hand both fall by {@code quantity}, and a
     * {@link io.omskit.core.inventory.MovementReason#SHIPMENT} movement is written under {@code movementKey}.
     * Idempotent by {@code movementKey}.
     *
     * @throws IllegalArgumentException when the allocation is unknown or holds fewer units there
     */
    StockMovement ship(AllocationKey key, Sku sku, LocationId location, int quantity, MovementKey movementKey);

    /**
     * Records a movement (receipt, count, damage, quarantine, inbound, return), or refuses it when a bucket would
     * go below zero, on hand would fall below reserved + allocated, or network-wide reservations would be left
     * uncovered. Idempotent by key. Inbound receipts and cancellations consume the inbound supply with the same
     * reference first, then the earliest ETA.
     *
     * @throws IllegalArgumentException for {@link io.omskit.core.inventory.MovementReason#SHIPMENT} (use
     *                                  {@link #ship}), or a key used before for another movement
     */
    AdjustmentResult adjust(StockAdjustment adjustment);

    /**
     * Sets the safety stock of a position.
     *
     * @throws IllegalStateException when it would leave network-wide reservations of the SKU uncovered (§1);
     *                               nothing is changed then
     */
    void setSafetyStock(Sku sku, LocationId location, int quantity);

    /** The position of {@code sku} at {@code location}; all zeros when nothing was ever recorded. */
    StockPosition position(Sku sku, LocationId location);

    /** Every position of {@code sku} that ever had a movement or setting, ordered by location id. */
    @Override
    List<StockPosition> positions(Sku sku);

    /** Units of {@code sku} held by active network-wide reservations. */
    @Override
    int networkReserved(Sku sku);

    /** Units of {@code sku} available to sell across the network: sum of the positions' minus network-wide reservations. */
    @Override
    int networkAvailable(Sku sku);

    /** Inbound supply of {@code sku} not yet received or cancelled, ordered by ETA. */
    List<InboundSupply> inbound(Sku sku);

    /** The ledger of one position, oldest first. */
    List<StockMovement> movements(Sku sku, LocationId location);

    /**
     * Everything still held for {@code reference}: the active reservations and the allocations with open units whose
     * requests named it as their reference, oldest first. Workflows call it to bring the stock of one owner in line
     * with what the owner records (after a failure, a retry, a race); it may scan, so it is not for hot paths.
     *
     * @throws SpiException on infrastructure failure
     */
    HeldStock heldFor(String reference);

    /**
     * The references, in ascending order, of active reservations and of allocations with open units made at or
     * before {@code madeAtOrBefore}: the owners a reconciliation sweep should look at. Pages with {@code after}
     * (the last reference of the previous page; null for the first page).
     *
     * @param limit at most this many references, at least 1
     * @throws SpiException on infrastructure failure
     */
    List<String> holders(Instant madeAtOrBefore, @Nullable String after, int limit);
}
