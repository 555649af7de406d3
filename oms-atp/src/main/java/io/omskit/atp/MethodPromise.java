package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.joda.money.Money;

/**
 * What can be promised for one delivery method: available now, later (from inbound supply) or not at all, and
 * when, in how many parts, at what charge to the customer.
 *
 * @param method  the delivery method
 * @param status  available, later or unavailable
 * @param parts   the parts, one per fulfilling location, in network order; empty when unavailable
 * @param window  from the earliest moment a part arrives to the latest moment the last one does; null when
 *                unavailable
 * @param charge  what the customer pays for the method; null when unavailable
 * @param reason  why it is unavailable; null otherwise
 * @param detail  the figures behind the reason, for people; empty when available
 */
public record MethodPromise(DeliveryMethod method, PromiseStatus status, List<PromisedPart> parts, DeliveryWindow window,
                            Money charge, Unavailability reason, String detail) {

    public MethodPromise {
        Checks.notNull(method, "method");
        Checks.notNull(status, "status");
        parts = List.copyOf(Checks.notNull(parts, "parts"));
        detail = detail == null ? "" : detail;
        if (status == PromiseStatus.UNAVAILABLE) {
            if (reason == null || !parts.isEmpty() || window != null) {
                throw new IllegalArgumentException("an unavailable promise of " + method + " needs a reason and no parts or window");
            }
        } else if (parts.isEmpty() || window == null || charge == null || reason != null) {
            throw new IllegalArgumentException("a " + status + " promise of " + method + " needs parts, a window and a charge, and no reason");
        }
    }

    /** An unavailable method. */
    public static MethodPromise unavailable(DeliveryMethod method, Unavailability reason, String detail) {
        return new MethodPromise(method, PromiseStatus.UNAVAILABLE, List.of(), null, null, Checks.notNull(reason, "reason"), detail);
    }

    /** A method available now or later with {@code parts}; the window spans them. */
    static MethodPromise of(DeliveryMethod method, PromiseStatus status, List<PromisedPart> parts, Money charge) {
        Instant earliest = null;
        Instant latest = null;
        for (PromisedPart p : parts) {
            if (earliest == null || p.window().earliest().isBefore(earliest)) {
                earliest = p.window().earliest();
            }
            if (latest == null || p.window().latest().isAfter(latest)) {
                latest = p.window().latest();
            }
        }
        return new MethodPromise(method, status, parts, new DeliveryWindow(earliest, latest), charge, null, "");
    }

    /** Whether it is available now. */
    public boolean isAvailable() {
        return status == PromiseStatus.AVAILABLE;
    }

    /** Whether it is available later, from inbound supply. */
    public boolean isLater() {
        return status == PromiseStatus.LATER;
    }

    /** Whether it comes in one part (together); false when unavailable. */
    public boolean isTogether() {
        return parts.size() == 1;
    }

    /** {@code available} applied to this promise when it is available now or later, {@code unavailable} otherwise. */
    public <T> T fold(Function<MethodPromise, T> available, Function<MethodPromise, T> unavailable) {
        return status == PromiseStatus.UNAVAILABLE ? unavailable.apply(this) : available.apply(this);
    }
}
