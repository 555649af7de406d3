package io.omskit.core.order;

import io.omskit.core.common.Checks;

/** Units of a line that moved from one state to another, as recorded in events. */
public record UnitMove(LineId line, UnitState from, UnitState to, int quantity) {

    public UnitMove {
        Checks.notNull(line, "line");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.positive(quantity, "quantity");
    }
}
