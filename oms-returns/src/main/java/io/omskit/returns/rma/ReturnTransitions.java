package io.omskit.returns.rma;

import static io.omskit.returns.rma.ReturnCommand.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The return state machine: for each status, the commands it accepts. A refund may be asked for before the goods
 * arrive (a trusted customer) and at every step after; the goods' own path is authorised, in transit, received,
 * inspected, then refunded or closed. A finished (refunded or closed) return still carries the order's shipping refund
 * that falls due after its last refund (units still waiting cancelled, or the shipping captured at last), and records
 * the provider's answer to it.
 * A cancelled return still records the answer to a label it asked for and voids the label it no longer needs.
 */
public final class ReturnTransitions {

    private static final Map<ReturnStatus, Set<ReturnCommand>> ALLOWED;

    static {
        Map<ReturnStatus, Set<ReturnCommand>> m = new EnumMap<>(ReturnStatus.class);
        m.put(ReturnStatus.AUTHORISED, EnumSet.of(REQUEST_LABEL, RECORD_LABEL, MARK_IN_TRANSIT, RECEIVE, REQUEST_REFUND, RECORD_REFUND, RECORD_REPLACEMENT, CLOSE, CANCEL, REFUND_SHIPPING));
        m.put(ReturnStatus.IN_TRANSIT, EnumSet.of(RECORD_LABEL, RECEIVE, REQUEST_REFUND, RECORD_REFUND, RECORD_REPLACEMENT, CLOSE, CANCEL, REFUND_SHIPPING));
        m.put(ReturnStatus.RECEIVED, EnumSet.of(RECORD_LABEL, RECEIVE, INSPECT, REQUEST_REFUND, RECORD_REFUND, RECORD_REPLACEMENT, CLOSE, REFUND_SHIPPING));
        m.put(ReturnStatus.INSPECTED, EnumSet.of(RECORD_LABEL, RECEIVE, REQUEST_REFUND, RECORD_REFUND, RECORD_REPLACEMENT, FINISH, CLOSE, REFUND_SHIPPING));
        m.put(ReturnStatus.REFUNDED, EnumSet.of(REFUND_SHIPPING, RECORD_REFUND));
        m.put(ReturnStatus.CLOSED, EnumSet.of(REFUND_SHIPPING, RECORD_REFUND));
        m.put(ReturnStatus.CANCELLED, EnumSet.of(RECORD_LABEL, VOID_LABEL));
        m.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        ALLOWED = Collections.unmodifiableMap(m);
    }

    private ReturnTransitions() {
    }

    /** The commands a return in {@code status} accepts. */
    public static Set<ReturnCommand> allowed(ReturnStatus status) {
        return ALLOWED.get(status);
    }

    /** Whether a return in {@code status} accepts {@code command}. */
    public static boolean isAllowed(ReturnStatus status, ReturnCommand command) {
        return ALLOWED.get(status).contains(command);
    }
}
