package io.omskit.core.fulfilment;

import static io.omskit.core.fulfilment.FulfilmentCommand.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The fulfilment state machine: for each status, the commands it accepts, and for each command the status it leads
 * to. The kind narrows it: only a ship-to-store transfer arrives, only a collected kind is collected or expires, only
 * a shipped-to-customer kind is delivered.
 *
 * <pre>
 * OFFERED --accept--> ACCEPTED --start picking--> PICKING --pack--> READY_TO_SHIP --ship--> SHIPPED --deliver--> DELIVERED
 *                                                          \                                \
 *                                                           \--pack (collect in store)--> READY_FOR_COLLECTION --collect--> COLLECTED
 *                                                                                      SHIPPED (transfer) --arrive--^  \--expire--> EXPIRED
 * OFFERED, ACCEPTED, PICKING --reject (all units)--> REJECTED; a part rejection keeps the status
 * any status before SHIPPED, and READY_FOR_COLLECTION --cancel (all units)--> CANCELLED; a part cancellation keeps it
 * </pre>
 */
public final class FulfilmentTransitions {

    private static final Map<FulfilmentStatus, Set<FulfilmentCommand>> ALLOWED;

    static {
        Map<FulfilmentStatus, Set<FulfilmentCommand>> m = new EnumMap<>(FulfilmentStatus.class);
        m.put(FulfilmentStatus.OFFERED, EnumSet.of(ACCEPT, REJECT, CANCEL));
        m.put(FulfilmentStatus.ACCEPTED, EnumSet.of(START_PICKING, REJECT, CANCEL));
        m.put(FulfilmentStatus.PICKING, EnumSet.of(PACK, REJECT, CANCEL));
        m.put(FulfilmentStatus.READY_TO_SHIP, EnumSet.of(SHIP, CANCEL));
        m.put(FulfilmentStatus.READY_FOR_COLLECTION, EnumSet.of(COLLECT, EXPIRE, CANCEL));
        m.put(FulfilmentStatus.SHIPPED, EnumSet.of(DELIVER, ARRIVE));
        for (FulfilmentStatus s : FulfilmentStatus.values()) {
            if (s.isFinal()) {
                m.put(s, EnumSet.noneOf(FulfilmentCommand.class));
            }
        }
        m.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        ALLOWED = Collections.unmodifiableMap(m);
    }

    private FulfilmentTransitions() {
    }

    /** The commands a fulfilment of {@code kind} in {@code status} accepts. */
    public static Set<FulfilmentCommand> allowed(FulfilmentStatus status, FulfilmentKind kind) {
        Set<FulfilmentCommand> allowed = EnumSet.noneOf(FulfilmentCommand.class);
        for (FulfilmentCommand c : ALLOWED.get(status)) {
            if (fits(c, kind)) {
                allowed.add(c);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    /** Whether a fulfilment of {@code kind} in {@code status} accepts {@code command}. */
    public static boolean isAllowed(FulfilmentStatus status, FulfilmentKind kind, FulfilmentCommand command) {
        return ALLOWED.get(status).contains(command) && fits(command, kind);
    }

    private static boolean fits(FulfilmentCommand command, FulfilmentKind kind) {
        return switch (command) {
            case ARRIVE -> kind == FulfilmentKind.SHIP_TO_STORE;
            case COLLECT, EXPIRE -> kind.isCollected();
            case DELIVER -> !kind.isCollected();
            default -> true;
        };
    }
}
