package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies a return.
 *
 * @param value the identifier text: 1 to 40 characters, not blank, no control characters (so that the keys of the
 *              stock movements and payments it makes stay within their limits)
 */
public record ReturnId(String value) implements Comparable<ReturnId> {

    /** The longest return id. */
    public static final int MAX_LENGTH = 40;

    public ReturnId {
        Checks.identifier(value, "returnId");
        Checks.maxLength(value, MAX_LENGTH, "returnId");
    }

    /** Creates the identifier from its text. */
    public static ReturnId of(String value) {
        return new ReturnId(value);
    }

    /**
     * The id of the return opened for {@code order} under the caller's {@code requestKey}: the same for the same pair,
     * so that opening again with the same key finds the return opened the first time.
     */
    public static ReturnId forRequest(OrderId order, String requestKey) {
        Checks.notNull(order, "order");
        Checks.notBlank(requestKey, "requestKey");
        byte[] name = (order.value() + "\n" + requestKey).getBytes(StandardCharsets.UTF_8);
        return new ReturnId(UUID.nameUUIDFromBytes(name).toString());
    }

    @Override
    public int compareTo(ReturnId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
