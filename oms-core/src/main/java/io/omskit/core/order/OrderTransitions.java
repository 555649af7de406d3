package io.omskit.core.order;

import static io.omskit.core.order.OrderCommand.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine: for each status, the commands it accepts. Unit counts decide the rest
 * (a command also needs enough units in the state it moves them from).
 */
public final class OrderTransitions {

    private static final Map<OrderStatus, Set<OrderCommand>> ALLOWED;

    static {
        Map<OrderStatus, Set<OrderCommand>> m = new EnumMap<>(OrderStatus.class);
        Set<OrderCommand> beforeShipping = EnumSet.of(RESERVE, RELEASE_RESERVATION, RECORD_PAYMENT, ALLOCATE, DEALLOCATE,
                MARK_READY, SHIP, PICK_UP, DELIVER, RETURN, HOLD, CANCEL, EDIT_LINES);
        m.put(OrderStatus.AWAITING_CONFIRMATION, EnumSet.of(RESERVE, RELEASE_RESERVATION, RECORD_PAYMENT, CONFIRM, HOLD, CANCEL));
        m.put(OrderStatus.CONFIRMED, beforeShipping);
        m.put(OrderStatus.PARTIALLY_CANCELLED, beforeShipping);
        m.put(OrderStatus.AWAITING_STOCK, beforeShipping);
        m.put(OrderStatus.IN_PREPARATION, beforeShipping);
        m.put(OrderStatus.READY_FOR_PICKUP, beforeShipping);
        m.put(OrderStatus.READY_TO_SHIP, beforeShipping);
        m.put(OrderStatus.SHIPPED, EnumSet.of(RECORD_PAYMENT, DELIVER, RETURN));
        m.put(OrderStatus.PICKED_UP, EnumSet.of(RECORD_PAYMENT, RETURN));
        m.put(OrderStatus.DELIVERED, EnumSet.of(RECORD_PAYMENT, RETURN));
        m.put(OrderStatus.PARTIALLY_RETURNED, EnumSet.of(RECORD_PAYMENT, RETURN));
        m.put(OrderStatus.RETURNED, EnumSet.of(RECORD_PAYMENT));
        m.put(OrderStatus.ON_HOLD, EnumSet.of(RECORD_PAYMENT, RELEASE_HOLD, RELEASE_RESERVATION, DEALLOCATE, CANCEL));
        m.put(OrderStatus.CANCELLED, EnumSet.of(RECORD_PAYMENT));
        m.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        ALLOWED = Collections.unmodifiableMap(m);
    }

    private OrderTransitions() {
    }

    /** The commands an order in {@code status} accepts. */
    public static Set<OrderCommand> allowed(OrderStatus status) {
        return ALLOWED.get(status);
    }

    /** Whether an order in {@code status} accepts {@code command}. */
    public static boolean isAllowed(OrderStatus status, OrderCommand command) {
        return ALLOWED.get(status).contains(command);
    }
}
