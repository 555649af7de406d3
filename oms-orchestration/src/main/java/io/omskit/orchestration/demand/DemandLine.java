package io.omskit.orchestration.demand;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import org.joda.money.Money;

/**
 * One line of a {@link Demand}: units of one SKU to source for one line of an order or a cart.
 *
 * @param line      the line, unique within the demand; plans name it
 * @param sku       what was ordered; a bundle of the engine's catalog is sourced as its components, which ship
 *                  together
 * @param quantity  units to source, at least 1
 * @param unitValue what one unit is worth to the customer (its price before discounts), not negative; null when not
 *                  known (a cart without prices)
 * @param group     the group the line ships with: lines of one group come, complete, from one location when the rule
 *                  set keeps groups together; null for a line in no group, otherwise not blank
 */
public record DemandLine(LineId line, Sku sku, int quantity, Money unitValue, String group) {

    public DemandLine {
        Checks.notNull(line, "line");
        Checks.notNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1, was " + quantity + " on line " + line);
        }
        if (unitValue != null && unitValue.isNegative()) {
            throw new IllegalArgumentException("unitValue must not be negative, was " + unitValue + " on line " + line);
        }
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("group must be null or not blank, was '" + group + "' on line " + line);
        }
    }

    /** {@code quantity} units of {@code sku} for {@code line}, of unknown value, in no group. */
    public static DemandLine of(LineId line, Sku sku, int quantity) {
        return new DemandLine(line, sku, quantity, null, null);
    }

    /** This line in {@code newGroup}; null for none. */
    public DemandLine inGroup(String newGroup) {
        return new DemandLine(line, sku, quantity, unitValue, newGroup);
    }
}
