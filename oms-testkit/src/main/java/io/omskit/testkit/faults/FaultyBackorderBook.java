package io.omskit.testkit.faults;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BackorderBook} that fails as its {@link FaultPlan} says: every change may fail before it is made or after
 * (the queue changed, the caller hears of a failure); the reads a workflow makes may fail before reading. The totals
 * a test checks ({@link #waitingUnits}) never fail.
 */
public final class FaultyBackorderBook implements BackorderBook {

    private final BackorderBook delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyBackorderBook(BackorderBook delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public Optional<BackorderResult> place(Backorder candidate, long room, long receiptsSeen) {
        return plan.run("backorder place", () -> delegate.place(candidate, room, receiptsSeen));
    }

    @Override
    public long receipts(Sku sku, LocationId location) {
        return plan.read("backorder receipts", () -> delegate.receipts(sku, location));
    }

    @Override
    public List<BackorderFill> fill(MovementKey receipt, Sku sku, LocationId location, int arrived) {
        return plan.run("backorder fill", () -> delegate.fill(receipt, sku, location, arrived));
    }

    @Override
    public void reopen(BackorderFill fill) {
        plan.run("backorder reopen", () -> delegate.reopen(fill));
    }

    @Override
    public List<BackorderFill> passOn(BackorderFill fill, int cancelledTotal) {
        return plan.run("backorder passOn", () -> delegate.passOn(fill, cancelledTotal));
    }

    @Override
    public Optional<Backorder> expect(BackorderId id, SupplyKind kind, Instant expectedAt) {
        return plan.run("backorder expect", () -> delegate.expect(id, kind, expectedAt));
    }

    @Override
    public Optional<Backorder> cancel(BackorderId id, int total) {
        return plan.run("backorder cancel", () -> delegate.cancel(id, total));
    }

    @Override
    public Optional<Backorder> find(BackorderId id) {
        return plan.read("backorder find", () -> delegate.find(id));
    }

    @Override
    public List<Backorder> waiting(Sku sku, LocationId location) {
        return plan.read("backorder waiting", () -> delegate.waiting(sku, location));
    }

    @Override
    public int waitingUnits(Sku sku) {
        return delegate.waitingUnits(sku);
    }

    @Override
    public List<Backorder> forOrder(OrderId order) {
        return plan.read("backorder forOrder", () -> delegate.forOrder(order));
    }
}
