package io.omskit.core.order;

import io.omskit.core.common.Checks;

/** A number of units of one line, as the target of a command. */
public record LineQuantity(LineId line, int quantity) {

    public LineQuantity {
        Checks.notNull(line, "line");
        Checks.positive(quantity, "quantity");
    }

    public static LineQuantity of(LineId line, int quantity) {
        return new LineQuantity(line, quantity);
    }
}
