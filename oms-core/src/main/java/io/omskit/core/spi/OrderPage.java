package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Order;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of the orders a {@link OrderQuery} found.
 *
 * @param orders the orders, in the query's order; at most its limit
 * @param next   where the next page starts; null when this is the last page
 */
public record OrderPage(List<Order> orders, @Nullable OrderCursor next) {

    public OrderPage {
        orders = Checks.list(orders, "orders");
    }

    /** The page of {@code found}, which holds up to one order more than {@code limit} when there are more. */
    public static OrderPage of(List<Order> found, int limit) {
        if (found.size() <= limit) {
            return new OrderPage(found, null);
        }
        List<Order> page = found.subList(0, limit);
        return new OrderPage(page, OrderCursor.after(page.get(limit - 1)));
    }

    /** Where the next page starts; empty when this is the last page. */
    public Optional<OrderCursor> nextPage() {
        return Optional.ofNullable(next);
    }

    /** Whether more orders follow. */
    public boolean hasMore() {
        return next != null;
    }
}
