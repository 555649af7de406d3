package io.omskit.core.spi;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where units sold beyond stock wait for supply. Thread-safe; each method is atomic.
 *
 * <p>The contract (checked clause by clause by the TCK in {@code oms-testkit}):
 * <ol>
 * <li>Never more waits than there is room for: {@link #place} accepts only when the units already waiting at the
 *     SKU's location plus the new ones fit in the room given, and only when no receipt was filled there since the
 *     caller read {@link #receipts}.</li>
 * <li>Idempotent by id: placing an id again changes nothing and answers with the backorder as it is now.</li>
 * <li>Fills go by priority (higher first), then age (placed earlier, then placed first), never beyond what arrived,
 *     never beyond what waits.</li>
 * <li>Idempotent by receipt: filling a receipt again changes nothing and answers with the fills of the first call
 *     that were not reopened or passed on, then those its units were passed on to.</li>
 * <li>Reopening a fill puts its units back to waiting once, at the backorder's place in line.</li>
 * <li>The expected date and kind set by {@link #expect} are kept; a backorder with no unit waiting has no date.</li>
 * <li>Cancelling takes waiting units out of the queue for good: they are never filled, their room is free for the
 *     next placing, and the next receipt fills the backorders behind them. Stated as a total, it is idempotent.</li>
 * <li>{@link #waitingUnits} sums the units of the SKU waiting at every location (what ATP's backorder ledger reads):
 *     placing adds to it, filling and cancelling take away; an unknown SKU has none.</li>
 * <li>Passing a fill on gives its units to the backorders waiting at that moment, by priority then age, never beyond
 *     the fill's units and never twice; its backorder's cancelled units leave the queue first, so they never get them
 *     back. The new fills count among the receipt's fills (a replay of {@link #fill} answers with them).</li>
 * </ol>
 */
public interface BackorderBook {

    /**
     * Places {@code candidate} (its {@code sequence} is ignored; the book numbers backorders in the order placed).
     *
     * @param room          the most units that may wait at the candidate's SKU and location, the candidate included
     * @param receiptsSeen  what {@link #receipts} answered before the room was computed
     * @return the answer, or empty when a receipt was filled there since {@code receiptsSeen}: read again and retry
     * @throws SpiException on infrastructure failure, nothing placed
     */
    Optional<BackorderResult> place(Backorder candidate, long room, long receiptsSeen);

    /** How many receipts were filled at {@code sku} and {@code location} so far; 0 when none. */
    long receipts(Sku sku, LocationId location);

    /**
     * Fills the waiting backorders of {@code sku} at {@code location} from {@code arrived} units of {@code receipt}:
     * by priority, then age, each as far as the units go.
     *
     * @return the fills, in fill order; empty when nothing waited
     * @throws SpiException on infrastructure failure, nothing filled
     */
    List<BackorderFill> fill(MovementKey receipt, Sku sku, LocationId location, int arrived);

    /**
     * Puts the units of {@code fill} back to waiting (their reservation was refused). Idempotent.
     *
     * @throws IllegalArgumentException when no such fill was made
     */
    void reopen(BackorderFill fill);

    /**
     * Passes the units of {@code fill} on: its order cancelled units of the backorder while the receipt was filling
     * them, so the units that arrived are free for the backorders waiting behind. Atomically, the fill is undone (its
     * units no longer count as filled, and a replay of {@link #fill} no longer answers with it), its backorder is
     * cancelled to {@code cancelledTotal} as by {@link #cancel}, and the fill's units are filled, by priority then
     * age, into the backorders of its SKU and location waiting now (its own backorder among them when units of it
     * still wait), as fills under {@link BackorderFill#passedOnKey()}. Those fills count among the fills of the
     * receipt: {@link #fill} with the receipt's key answers with them, after the receipt's own, as long as they are
     * not reopened or passed on in turn. Units nobody waits for are not filled. Idempotent: passing a fill on again
     * changes nothing and answers with the fills the first call made that are not reopened or passed on since; a
     * reopened fill passes nothing on and answers empty.
     *
     * @param cancelledTotal the units of the fill's backorder cancelled in all, as for {@link #cancel}
     * @return the fills made, in fill order; empty when nothing waited
     * @throws IllegalArgumentException when no such fill was made, or {@code cancelledTotal} is negative
     * @throws SpiException on infrastructure failure, nothing changed
     */
    List<BackorderFill> passOn(BackorderFill fill, int cancelledTotal);

    /**
     * Sets what the waiting units of backorder {@code id} are sold against and when they are expected.
     *
     * @return the backorder after the change; empty when unknown
     */
    Optional<Backorder> expect(BackorderId id, SupplyKind kind, Instant expectedAt);

    /**
     * Cancels waiting units of backorder {@code id} so that {@code total} of its units are cancelled in all; units
     * already filled stay filled (a receipt may have filled them first), so fewer may be cancelled than asked.
     *
     * @param total the units of the backorder cancelled in all, at least 0; a total below the units already cancelled
     *              changes nothing
     * @return the backorder after the change; empty when unknown
     * @throws SpiException on infrastructure failure, nothing changed
     */
    Optional<Backorder> cancel(BackorderId id, int total);

    /** The backorder with {@code id}; empty when never placed. */
    Optional<Backorder> find(BackorderId id);

    /** The backorders of {@code sku} at {@code location} with units still waiting, in fill order. */
    List<Backorder> waiting(Sku sku, LocationId location);

    /** Units of {@code sku} waiting anywhere. */
    int waitingUnits(Sku sku);

    /** Every backorder of {@code order}, filled or not, in the order placed. */
    List<Backorder> forOrder(OrderId order);
}
