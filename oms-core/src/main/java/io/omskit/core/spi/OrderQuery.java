package io.omskit.core.spi;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which orders {@link OrderRepository#search} finds, in which order, how many at a time. Every filter is optional (null
 * or empty: any); an order is found when it matches all filters that are set. Start with {@link #all()} and narrow it:
 * <pre>{@code
 * OrderQuery.all().customer(CustomerRef.of("c-42")).limit(20)          // a customer's last 20 orders
 * OrderQuery.all().sku(Sku.of("SKU-1")).placedFrom(monday).oldestFirst()
 * }</pre>
 *
 * <p>Orders come sorted by placement time (to the microsecond), then by order id in Java's {@code String} order, newest
 * first unless {@link #oldestFirst()}. A page ends at an order; the next page starts right after it
 * ({@link OrderPage#next()}), so orders placed while a customer service agent pages never shift the pages
 * (keyset paging, never offsets): with the newest first they appear before the first page.
 *
 * @param customer     the customer who placed it
 * @param statuses     its current status is one of these; empty for any
 * @param channel      where it was taken
 * @param placedFrom   placed at or after this moment
 * @param placedBefore placed before this moment
 * @param sku          one of its lines is for this SKU
 * @param pickupStore  it is collected at this store
 * @param externalRef  the channel's order number (in any channel unless {@code channel} is set)
 * @param sort         which orders come first
 * @param limit        at most this many orders per page: 1 to {@value #MAX_LIMIT}
 * @param after        where the page starts: the cursor of the previous page, or null for the first page
 */
public record OrderQuery(@Nullable CustomerRef customer, Set<OrderStatus> statuses, @Nullable Channel channel,
                         @Nullable Instant placedFrom, @Nullable Instant placedBefore, @Nullable Sku sku,
                         @Nullable LocationId pickupStore, @Nullable ExternalOrderRef externalRef, Sort sort, int limit,
                         @Nullable OrderCursor after) {

    /** Which orders a search returns first. */
    public enum Sort {
        /** The latest placed first. */
        NEWEST_FIRST,
        /** The earliest placed first. */
        OLDEST_FIRST
    }

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * @throws ValidationException naming every broken rule: a limit outside 1 to {@value #MAX_LIMIT}, a date range
     *                             that ends before it starts, moments outside {@link Checks#EARLIEST_MOMENT} to
     *                             {@link Checks#LATEST_MOMENT}
     */
    public OrderQuery {
        Checks.notNull(sort, "sort");
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        List<Problem> problems = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new Problem("limit", String.valueOf(limit), "must be from 1 to " + MAX_LIMIT));
        }
        checkMoment(problems, "placedFrom", placedFrom);
        checkMoment(problems, "placedBefore", placedBefore);
        if (placedFrom != null && placedBefore != null && !placedBefore.isAfter(placedFrom)) {
            problems.add(new Problem("placedBefore", placedBefore.toString(), "must be after placedFrom " + placedFrom));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("order query", problems);
        }
    }

    private static void checkMoment(List<Problem> problems, String field, Instant at) {
        if (at != null && (at.isBefore(Checks.EARLIEST_MOMENT) || at.isAfter(Checks.LATEST_MOMENT))) {
            problems.add(new Problem(field, at.toString(), "must be from " + Checks.EARLIEST_MOMENT + " to " + Checks.LATEST_MOMENT));
        }
    }

    /** Whether the latest placed orders come first. */
    public boolean isNewestFirst() {
        return sort == Sort.NEWEST_FIRST;
    }

    /** Every order, newest first, {@value #DEFAULT_LIMIT} per page. */
    public static OrderQuery all() {
        return new OrderQuery(null, Set.of(), null, null, null, null, null, null, Sort.NEWEST_FIRST, DEFAULT_LIMIT, null);
    }

    /** This query, for the orders of {@code customer} only. */
    public OrderQuery customer(@Nullable CustomerRef customer) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders whose current status is one of {@code statuses}. */
    public OrderQuery statuses(@Nullable Set<OrderStatus> statuses) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders whose current status is {@code status}. */
    public OrderQuery status(OrderStatus status) {
        return statuses(Set.of(Checks.notNull(status, "status")));
    }

    /** This query, for orders taken in {@code channel}. */
    public OrderQuery channel(@Nullable Channel channel) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders placed at or after {@code from}. */
    public OrderQuery placedFrom(@Nullable Instant from) {
        return new OrderQuery(customer, statuses, channel, from, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders placed before {@code before}. */
    public OrderQuery placedBefore(@Nullable Instant before) {
        return new OrderQuery(customer, statuses, channel, placedFrom, before, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders with a line for {@code sku}. */
    public OrderQuery sku(@Nullable Sku sku) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for orders collected at {@code store}. */
    public OrderQuery pickupStore(@Nullable LocationId store) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, store, externalRef,
                sort, limit, after);
    }

    /** This query, for the order with the channel's order number {@code ref}. */
    public OrderQuery externalRef(@Nullable ExternalOrderRef ref) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, ref,
                sort, limit, after);
    }

    /** This query, the earliest placed first. */
    public OrderQuery oldestFirst() {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                Sort.OLDEST_FIRST, limit, after);
    }

    /** This query, the latest placed first (the default). */
    public OrderQuery newestFirst() {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                Sort.NEWEST_FIRST, limit, after);
    }

    /** This query, {@code limit} orders per page. @throws ValidationException when outside 1 to {@value #MAX_LIMIT} */
    public OrderQuery limit(int limit) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, after);
    }

    /** This query, for the page that starts after {@code cursor}; null for the first page. */
    public OrderQuery after(@Nullable OrderCursor cursor) {
        return new OrderQuery(customer, statuses, channel, placedFrom, placedBefore, sku, pickupStore, externalRef,
                sort, limit, cursor);
    }
}
