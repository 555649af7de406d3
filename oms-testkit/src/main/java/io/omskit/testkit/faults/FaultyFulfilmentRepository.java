package io.omskit.testkit.faults;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.SaveOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FulfilmentRepository} that fails as its {@link FaultPlan} says: a save may fail before writing or after it
 * (the fulfilment was stored, the caller hears of a failure); reads may fail before reading.
 */
public final class FaultyFulfilmentRepository implements FulfilmentRepository {

    private final FulfilmentRepository delegate;
    private final FaultPlan plan;

    /** Wraps {@code delegate}. */
    public FaultyFulfilmentRepository(FulfilmentRepository delegate, FaultPlan plan) {
        this.delegate = Checks.notNull(delegate, "delegate");
        this.plan = Checks.notNull(plan, "plan");
    }

    @Override
    public SaveOutcome save(Fulfilment fulfilment) {
        return plan.run("saveFulfilment", () -> delegate.save(fulfilment));
    }

    @Override
    public SaveOutcome save(Fulfilment fulfilment, List<? extends DomainEvent> events) {
        return plan.run("saveFulfilment", () -> delegate.save(fulfilment, events));
    }

    @Override
    public boolean storesEvents() {
        return delegate.storesEvents();
    }

    @Override
    public Optional<Fulfilment> find(FulfilmentId id) {
        return plan.read("findFulfilment", () -> delegate.find(id));
    }

    @Override
    public List<Fulfilment> forOrder(OrderId orderId) {
        return plan.read("fulfilmentsForOrder", () -> delegate.forOrder(orderId));
    }

    @Override
    public List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit) {
        return plan.read("fulfilmentsAtLocation", () -> delegate.atLocation(location, status, limit));
    }

    @Override
    public List<Fulfilment> dueForExpiry(Instant now, int limit) {
        return plan.read("fulfilmentsDueForExpiry", () -> delegate.dueForExpiry(now, limit));
    }

    @Override
    public List<Fulfilment> withTrackingNumber(String carrier, String trackingNumber) {
        return plan.read("fulfilmentsWithTrackingNumber", () -> delegate.withTrackingNumber(carrier, trackingNumber));
    }
}
