package io.omskit.orchestration.demand;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what an {@link Order} asks of sourcing as a {@link Demand}: the one place that turns an order into the
 * engine's question. Each line keeps its id, SKU and unit price; the demand takes the order's id, version,
 * placement time, channel and delivery.
 */
public final class OrderDemands {

    private OrderDemands() {
    }

    /** Every open and reserved unit of {@code order}; lines with none are left out. */
    public static Demand of(Order order) {
        Checks.notNull(order, "order");
        List<DemandLine> lines = new ArrayList<>(order.lines().size());
        for (OrderLine line : order.lines()) {
            int units = line.units().get(UnitState.OPEN) + line.units().get(UnitState.RESERVED);
            if (units > 0) {
                lines.add(line(line, units));
            }
        }
        return demand(order, lines);
    }

    /**
     * The given units of {@code order}'s lines, whatever state they are in now (units a location refused are sourced
     * again while the order still records them there).
     *
     * @param quantities units per line, at least one line, each line of the order and named once
     * @throws IllegalArgumentException when {@code quantities} is empty, or names a line the order lacks or a line twice
     */
    public static Demand of(Order order, List<LineQuantity> quantities) {
        Checks.notNull(order, "order");
        quantities = Checks.list(quantities, "quantities");
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must name at least one line of order " + order.id()
                    + "; every open and reserved unit is OrderDemands.of(order)");
        }
        Map<LineId, Integer> units = new HashMap<>();
        for (LineQuantity q : quantities) {
            if (order.line(q.line()).isEmpty()) {
                throw new IllegalArgumentException("quantities name line " + q.line() + " which is not a line of order "
                        + order.id());
            }
            if (units.put(q.line(), q.quantity()) != null) {
                throw new IllegalArgumentException("quantities must name each line once, " + q.line() + " appears twice");
            }
        }
        // in the order's own line order, as every plan of the order lists them
        List<DemandLine> lines = new ArrayList<>(quantities.size());
        for (OrderLine line : order.lines()) {
            Integer q = units.get(line.id());
            if (q != null) {
                lines.add(line(line, q));
            }
        }
        return demand(order, lines);
    }

    private static DemandLine line(OrderLine line, int units) {
        return new DemandLine(line.id(), line.sku(), units, line.unitPrice(), null);
    }

    private static Demand demand(Order order, List<DemandLine> lines) {
        return new Demand(order.id(), order.version(), order.placedAt(), order.channel(), order.delivery(), lines);
    }
}
