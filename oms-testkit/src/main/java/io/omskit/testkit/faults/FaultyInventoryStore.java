package io.omskit.testkit.faults;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.HeldStock;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.InventoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An {@link InventoryStore} that fails as its {@link FaultPlan} says: every change may fail before it is made or
 * after (the stock moved, the caller hears of a failure); the reads a workflow makes may fail before reading.
 * Stock figures read by people and reports ({@link #position}, {@link #positions}, the network figures,
 * {@link #inbound}, {@link #movements}) never fail, so that a test can check the outcome through the wrapper.
 */
public final class FaultyInventoryStore implements InventoryStore {

    private final InventoryStore delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyInventoryStore(InventoryStore delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public ReservationResult reserve(ReservationRequest request) {
        return plan.run("reserve", () -> delegate.reserve(request));
    }

    @Override
    public ReservationResult change(io.omskit.core.inventory.ReservationChange change) {
        return plan.run("change", () -> delegate.change(change));
    }

    @Override
    public Optional<Reservation> findReservation(ReservationKey key) {
        return plan.read("findReservation", () -> delegate.findReservation(key));
    }

    @Override
    public Optional<Reservation> release(ReservationKey key) {
        return plan.run("release", () -> delegate.release(key));
    }

    @Override
    public Optional<Reservation> release(ReservationKey key, Sku sku, int quantity) {
        return plan.run("release part", () -> delegate.release(key, sku, quantity));
    }

    @Override
    public List<Reservation> expireReservations(Instant now) {
        return plan.run("expireReservations", () -> delegate.expireReservations(now));
    }

    @Override
    public AllocationResult allocate(AllocationRequest request) {
        return plan.run("allocate", () -> delegate.allocate(request));
    }

    @Override
    public Optional<Allocation> findAllocation(AllocationKey key) {
        return plan.read("findAllocation", () -> delegate.findAllocation(key));
    }

    @Override
    public Allocation deallocate(AllocationKey key, Sku sku, LocationId location, int quantity) {
        return plan.run("deallocate", () -> delegate.deallocate(key, sku, location, quantity));
    }

    @Override
    public StockMovement ship(AllocationKey key, Sku sku, LocationId location, int quantity, MovementKey movementKey) {
        return plan.run("ship", () -> delegate.ship(key, sku, location, quantity, movementKey));
    }

    @Override
    public AdjustmentResult adjust(StockAdjustment adjustment) {
        return plan.run("adjust", () -> delegate.adjust(adjustment));
    }

    @Override
    public void setSafetyStock(Sku sku, LocationId location, int quantity) {
        plan.run("setSafetyStock", () -> delegate.setSafetyStock(sku, location, quantity));
    }

    @Override
    public HeldStock heldFor(String reference) {
        return plan.read("heldFor", () -> delegate.heldFor(reference));
    }

    @Override
    public List<String> holders(Instant madeAtOrBefore, String after, int limit) {
        return plan.read("holders", () -> delegate.holders(madeAtOrBefore, after, limit));
    }

    @Override
    public StockPosition position(Sku sku, LocationId location) {
        return delegate.position(sku, location);
    }

    @Override
    public List<StockPosition> positions(Sku sku) {
        return delegate.positions(sku);
    }

    @Override
    public int networkReserved(Sku sku) {
        return delegate.networkReserved(sku);
    }

    @Override
    public int networkAvailable(Sku sku) {
        return delegate.networkAvailable(sku);
    }

    @Override
    public List<InboundSupply> inbound(Sku sku) {
        return delegate.inbound(sku);
    }

    @Override
    public List<StockMovement> movements(Sku sku, LocationId location) {
        return delegate.movements(sku, location);
    }
}
