package io.omskit.core.order;

import java.util.Set;

/**
 * A command was sent to an order whose status does not accept it, or the order lacks the units it would move.
 */
public class IllegalTransitionException extends IllegalStateException {

    private final OrderId orderId;
    private final OrderStatus status;
    private final OrderCommand command;
    private final Set<OrderCommand> allowed;

    public IllegalTransitionException(OrderId orderId, OrderStatus status, OrderCommand command, String detail) {
        super("order " + orderId + " in status " + status + " cannot " + command
                + (detail == null ? "" : " (" + detail + ")")
                + "; allowed commands: " + OrderTransitions.allowed(status));
        this.orderId = orderId;
        this.status = status;
        this.command = command;
        this.allowed = OrderTransitions.allowed(status);
    }

    public OrderId orderId() { return orderId; }
    public OrderStatus status() { return status; }
    public OrderCommand command() { return command; }
    /** The commands the order's status would have accepted. */
    public Set<OrderCommand> allowed() { return allowed; }
}
