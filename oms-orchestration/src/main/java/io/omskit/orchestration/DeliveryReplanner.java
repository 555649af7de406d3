package io.omskit.orchestration;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.internal.HeldUnitsAdded;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DeliveryResourcing} of a {@link SourcingEngine}: an order whose delivery customer service changes is
 * planned again by the same engine, rules and exposure that sourced it, for the new delivery, against the live stock
 * with the units its open fulfilments hold counted at their locations. A plan that leaves any unit unsourced is a
 * refusal naming the units and the engine's reasons. For a new method or pickup store every unit is planned on free
 * stock (its fulfilments are made anew, the new stock held before the old is let go). Give it to {@code Oms.builder().deliveryResourcing(..)}.
 * Thread-safe.
 */
public final class DeliveryReplanner implements DeliveryResourcing {

    /** The promise an order gets for its new delivery, once planned; null to keep the one it has. */
    @FunctionalInterface
    public interface PromiseEstimate {
        /**
         * The window to promise for {@code order} delivered as {@code delivery} from {@code plan}'s locations.
         *
         * @return the window, or null to keep the order's promise
         */
        DeliveryWindow promise(Order order, DeliveryChoice delivery, SourcingPlan plan);
    }

    private final SourcingEngine engine;
    private final Catalog catalog;
    private final PromiseEstimate promise;

    private DeliveryReplanner(SourcingEngine engine, Catalog catalog, PromiseEstimate promise) {
        this.engine = Checks.notNull(engine, "engine");
        this.catalog = catalog;
        this.promise = promise;
    }

    /**
     * Plans with {@code engine} (which must have an inventory store), bundle lines by their own SKU and the order's
     * promise kept; see {@link #withCatalog} and {@link #withPromise}.
     */
    public static DeliveryReplanner of(SourcingEngine engine) {
        return new DeliveryReplanner(engine, null, (o, d, p) -> null);
    }

    /** This planner counting a bundle line's held units as its components in {@code catalog} (the engine's catalog). */
    public DeliveryReplanner withCatalog(Catalog catalog) {
        return new DeliveryReplanner(engine, Checks.notNull(catalog, "catalog"), promise);
    }

    /** This planner recomputing the promise with {@code estimate}. */
    public DeliveryReplanner withPromise(PromiseEstimate estimate) {
        return new DeliveryReplanner(engine, catalog, Checks.notNull(estimate, "estimate"));
    }

    @Override
    public DeliveryReplan replan(Order order, DeliveryChoice newDelivery, Map<LocationId, List<LineQuantity>> held,
                                 boolean mayStay) {
        Checks.notNull(order, "order");
        Checks.notNull(newDelivery, "newDelivery");
        Checks.notNull(held, "held");
        Map<LineId, Integer> perLine = new LinkedHashMap<>();
        Map<Sku, Map<LocationId, Integer>> stockHeld = new LinkedHashMap<>();
        held.forEach((location, units) -> units.forEach(q -> {
            perLine.merge(q.line(), q.quantity(), Integer::sum);
            Sku sku = order.line(q.line()).map(OrderLine::sku).orElseThrow(() -> new IllegalArgumentException(
                    "held names line " + q.line() + " which is not a line of order " + order.id()));
            Map<Sku, Integer> components = catalog == null ? Map.of(sku, q.quantity()) : catalog.stockUnits(sku, q.quantity());
            components.forEach((unit, n) -> stockHeld.computeIfAbsent(unit, k -> new LinkedHashMap<>())
                    .merge(location, n, Integer::sum));
        }));
        if (perLine.isEmpty()) {
            return DeliveryReplan.placed(Map.of(), null);
        }
        List<LineQuantity> units = new ArrayList<>();
        perLine.forEach((line, n) -> units.add(LineQuantity.of(line, n)));
        SourcingRequest request = SourcingRequest.of(OrderDemands.of(order, units).withDelivery(newDelivery));
        StockSnapshot live = engine.liveStock(order.channel());
        StockSnapshot stock = mayStay ? HeldUnitsAdded.over(live, stockHeld, engine.network()) : live;
        SourcingPlan plan = engine.plan(request, stock);
        if (!plan.isComplete()) {
            return DeliveryReplan.refused("no location can supply " + plan.unsourced() + " for " + newDelivery.method());
        }
        Map<LocationId, List<LineQuantity>> placement = new LinkedHashMap<>();
        for (PlannedFulfilment f : plan.fulfilments()) {
            Map<LineId, Map<Sku, Integer>> lines = new LinkedHashMap<>();
            for (PlannedLine l : f.lines()) {
                lines.computeIfAbsent(l.line(), k -> new LinkedHashMap<>()).merge(l.sku(), l.quantity(), Integer::sum);
            }
            List<LineQuantity> there = placement.computeIfAbsent(f.location(), k -> new ArrayList<>());
            lines.forEach((line, planned) -> {
                int complete = complete(order.line(line).orElseThrow().sku(), planned);
                if (complete > 0) {
                    there.add(LineQuantity.of(line, complete));
                }
            });
        }
        return DeliveryReplan.placed(placement, promise.promise(order, newDelivery, plan));
    }

    /** How many units of a line selling {@code sku} the planned stock units make: a bundle counts complete ones only. */
    private int complete(Sku sku, Map<Sku, Integer> planned) {
        if (catalog == null) {
            return planned.getOrDefault(sku, 0);
        }
        int n = Integer.MAX_VALUE;
        for (Map.Entry<Sku, Integer> c : catalog.stockUnits(sku, 1).entrySet()) {
            n = Math.min(n, planned.getOrDefault(c.getKey(), 0) / c.getValue());
        }
        return n == Integer.MAX_VALUE ? 0 : n;
    }
}
