package io.omskit.orchestration;

import io.omskit.core.Oms;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.UnitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sources the orders of an {@link Oms} with a {@link SourcingEngine}: allocates the plan's stock (drawing on the
 * order's reservation) and records one fulfilment per location on the order; when a location rejects or
 * short-picks, re-sources the refused units elsewhere and updates the order, backordering or cancelling them
 * when the engine gives up. Thread-safe.
 */
public final class OrderSourcing {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSourcing.class);

    private final Oms oms;
    private final SourcingEngine engine;
    private final Map<OrderId, ResourcingHistory> histories = new ConcurrentHashMap<>();

    /** Sources the orders of {@code oms} with {@code engine}; both must share the inventory store. */
    public OrderSourcing(Oms oms, SourcingEngine engine) {
        this.oms = Checks.notNull(oms, "oms");
        this.engine = Checks.notNull(engine, "engine");
    }

    /**
     * Sources every open and reserved unit of the order and records the allocation on it. The allocation is keyed by the
     * order's version: a retry after a failure before the order was saved replays the same allocation and records it;
     * after the save, the order has moved on and the retry sources only what is still open or reserved.
     *
     * @return the engine's result; when nothing could be allocated the order is unchanged
     * @throws IllegalArgumentException when the order is unknown
     * @throws IllegalStateException when the order has no open or reserved unit left to source
     */
    public SourcingResult source(OrderId id) {
        Order order = load(id);
        if (order.units(UnitState.OPEN) + order.units(UnitState.RESERVED) == 0) {
            throw new IllegalStateException("order " + id + " has no open or reserved unit to source, status " + order.status());
        }
        SourcingResult result = engine.source(SourcingRequest.of(order).withReservation(oms.reservationKeyOf(order)));
        // a replayed allocation is recorded too: the call that made it may have failed before recording it
        if (result instanceof SourcingResult.Allocated allocated) {
            record(id, allocated);
        }
        return result;
    }

    /**
     * A location refused units of a fulfilment (rejection or short pick): they are released there, that location is
     * excluded for them, and they are sourced again; after the policy's attempts they are backordered (left open) or
     * cancelled.
     *
     * @param allocationKey the fulfilment's key on the order ({@link LineAllocation#allocationKey()})
     * @param quantities    the refused units per line
     * @param reason        the location's reason, for people
     * @return the engine's outcome
     */
    public ResourcingOutcome reject(OrderId id, String allocationKey, List<LineQuantity> quantities, String reason) {
        Order order = load(id);
        LineAllocation held = null;
        for (LineAllocation a : order.allocations()) {
            if (a.allocationKey().equals(allocationKey)) {
                held = a;
            }
        }
        if (held == null) {
            throw new IllegalArgumentException("allocationKey " + allocationKey + " holds nothing of order " + id);
        }
        ResourcingHistory history = histories.getOrDefault(id, ResourcingHistory.none(id));
        ResourcingOutcome outcome = engine.resource(new Rejection(order, io.omskit.core.inventory.AllocationKey.of(held.inventoryKey()),
                held.location(), quantities, reason), history);
        oms.deallocate(id, allocationKey, quantities);
        if (outcome instanceof ResourcingOutcome.Resourced resourced) {
            histories.put(id, resourced.history());
            if (resourced.result() instanceof SourcingResult.Allocated allocated) {
                record(id, allocated);
            }
        } else if (outcome instanceof ResourcingOutcome.GaveUp gaveUp) {
            histories.put(id, gaveUp.history());
            LOG.debug("order {}: gave up re-sourcing {} ({}), {}", id, gaveUp.units(), gaveUp.reason(), gaveUp.action());
            if (gaveUp.action() == ResourcingPolicy.Action.CANCEL) {
                oms.cancel(id, gaveUp.units(), CancellationReason.FULFILMENT_FAILED);
            }
        }
        return outcome;
    }

    private void record(OrderId id, SourcingResult.Allocated allocated) {
        Order order = load(id);
        if (allocated.plan() == null) {
            oms.recordAllocation(id, allocated.allocation().key(), fromAllocation(order, allocated.allocation()));
            return;
        }
        Map<LocationId, List<LineQuantity>> byLocation = new LinkedHashMap<>();
        for (PlannedFulfilment f : allocated.plan().fulfilments()) {
            Map<io.omskit.core.order.LineId, Integer> perLine = new LinkedHashMap<>();
            for (PlannedLine l : f.lines()) {
                io.omskit.core.catalog.Sku lineSku = order.line(l.line()).orElseThrow().sku();
                int units = l.sku().equals(lineSku) ? l.quantity() : l.quantity() / componentQuantity(lineSku, l.sku());
                // a bundle line appears once per component; each says how many bundles it supplies
                perLine.merge(l.line(), units, l.sku().equals(lineSku) ? Integer::sum : Math::max);
            }
            List<LineQuantity> quantities = byLocation.computeIfAbsent(f.location(), k -> new ArrayList<>());
            perLine.forEach((line, q) -> quantities.add(LineQuantity.of(line, q)));
        }
        oms.recordAllocation(id, allocated.allocation().key(), byLocation);
    }

    /**
     * The order lines and quantities a replayed allocation holds at each location (its plan is not kept): each stock
     * SKU it holds must belong to exactly one line of the order, as the line's SKU or a component of its bundle.
     *
     * @throws IllegalStateException when a SKU belongs to several lines; the allocation is then left to
     *                               {@link Oms#reconcileStock(java.time.Duration, int)}
     */
    private Map<LocationId, List<LineQuantity>> fromAllocation(Order order, io.omskit.core.inventory.Allocation allocation) {
        Map<LocationId, Map<io.omskit.core.order.LineId, Integer>> units = new LinkedHashMap<>();
        for (io.omskit.core.inventory.AllocationLine a : allocation.requested()) {
            io.omskit.core.order.OrderLine owner = null;
            int perUnit = 0;
            for (io.omskit.core.order.OrderLine l : order.lines()) {
                int q = l.sku().equals(a.sku()) ? 1 : oms.catalog().find(l.sku()).map(attributes -> attributes.components().stream()
                        .filter(c -> c.sku().equals(a.sku())).mapToInt(io.omskit.core.catalog.BundleComponent::quantity).sum())
                        .orElse(0);
                if (q > 0) {
                    if (owner != null) {
                        throw new IllegalStateException("allocation " + allocation.key() + " holds " + a.sku() + ", which lines "
                                + owner.id() + " and " + l.id() + " of order " + order.id() + " both need; it is left to reconcileStock");
                    }
                    owner = l;
                    perUnit = q;
                }
            }
            if (owner == null) {
                throw new IllegalStateException("allocation " + allocation.key() + " holds " + a.sku() + ", which order "
                        + order.id() + " does not need");
            }
            units.computeIfAbsent(a.location(), k -> new LinkedHashMap<>()).merge(owner.id(), a.quantity() / perUnit, Math::max);
        }
        Map<LocationId, List<LineQuantity>> byLocation = new LinkedHashMap<>();
        units.forEach((location, lines) -> {
            List<LineQuantity> quantities = new ArrayList<>();
            lines.forEach((line, q) -> quantities.add(LineQuantity.of(line, q)));
            byLocation.put(location, quantities);
        });
        return byLocation;
    }

    private int componentQuantity(io.omskit.core.catalog.Sku bundle, io.omskit.core.catalog.Sku component) {
        return oms.catalog().find(bundle).orElseThrow().components().stream()
                .filter(c -> c.sku().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalStateException(component + " is not a component of " + bundle))
                .quantity();
    }

    private Order load(OrderId id) {
        return oms.order(id).orElseThrow(() -> new IllegalArgumentException("orderId " + id + " is not a known order"));
    }
}
