package io.omskit.core;

import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.order.OrderId;
import org.slf4j.MDC;

/**
 * The order or fulfilment a workflow works on, in the logging MDC while it runs ({@value #ORDER_ID},
 * {@value #FULFILMENT_ID}), so every line a host's logging writes meanwhile, the library's and the SPIs', carries it.
 * {@link #restore} (in a finally block) puts back what was there before, so workflows may nest (a sweep over orders, a step that settles the order).
 */
final class LogContext {

    /** The MDC key of the order id. */
    static final String ORDER_ID = "orderId";
    /** The MDC key of the fulfilment id. */
    static final String FULFILMENT_ID = "fulfilmentId";

    private final String key;
    private final String previous;

    private LogContext(String key, String value) {
        this.key = key;
        this.previous = MDC.get(key);
        MDC.put(key, value);
    }

    /** Puts {@code orderId} in the MDC until restored. */
    static LogContext order(OrderId orderId) {
        return new LogContext(ORDER_ID, orderId.value());
    }

    /** Puts {@code fulfilmentId} in the MDC until restored. */
    static LogContext fulfilment(FulfilmentId fulfilmentId) {
        return new LogContext(FULFILMENT_ID, fulfilmentId.value());
    }

    /** Puts back what the MDC held under this key before. */
    void restore() {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
