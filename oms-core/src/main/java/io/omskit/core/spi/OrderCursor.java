package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of {@link OrderRepository#search} ended: the placement time (to the microsecond) and id of its last
 * order. Hand its {@link #token()} to a UI and back with {@link #parse(String)}; the text means nothing to the caller.
 *
 * @param placedAt when the last order of the page was placed, truncated to microseconds
 * @param orderId  the last order's id
 */
public record OrderCursor(Instant placedAt, OrderId orderId) {

    public OrderCursor {
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(orderId, "orderId");
        placedAt = placedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The cursor right after {@code order}. */
    public static OrderCursor after(Order order) {
        return new OrderCursor(order.placedAt(), order.id());
    }

    /** The cursor as opaque URL-safe text. */
    public String token() {
        String plain = placedAt.getEpochSecond() + ":" + placedAt.getNano() + ":" + orderId.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor whose {@link #token()} is {@code token}.
     *
     * @throws ValidationException when the text is not a cursor's token
     */
    public static OrderCursor parse(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(Checks.notNull(token, "cursor")), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            return new OrderCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    OrderId.of(parts[2]));
        } catch (RuntimeException e) {
            throw new ValidationException("order cursor", List.of(new Problem("cursor", Checks.quote(token),
                    "must be a token an OrderPage gave")));
        }
    }

    /** The search order of two orders, oldest first: placement time to the microsecond, then id as Java orders text. */
    public static int compare(Instant placedA, OrderId idA, Instant placedB, OrderId idB) {
        // as the instants truncated to the microsecond compare, without building them: a search index compares often
        int c = Long.compare(placedA.getEpochSecond(), placedB.getEpochSecond());
        if (c == 0) {
            c = Integer.compare(placedA.getNano() / 1000, placedB.getNano() / 1000);
        }
        return c != 0 ? c : idA.value().compareTo(idB.value());
    }
}
