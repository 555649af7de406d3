package io.omskit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Searches order orders by placement time to the microsecond, then id: the order the cursors page through. */
class OrderCursorCompareProperties {

    /** Nanoseconds below the microsecond never separate two orders; anything above does, and the id breaks ties. */
    @Property(tries = 200)
    void orders_as_the_times_truncated_to_the_microsecond_then_the_ids(
            @ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long secondsA,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanosA,
            @ForAll @IntRange(min = -2, max = 2) int secondsApart,
            @ForAll @IntRange(min = -3_000, max = 3_000) int nanosApart,
            @ForAll @IntRange(min = 0, max = 2) int idA, @ForAll @IntRange(min = 0, max = 2) int idB) {
        Instant a = Instant.ofEpochSecond(secondsA, nanosA);
        Instant b = a.plusSeconds(secondsApart).plusNanos(nanosApart);
        OrderId ia = OrderId.of("o-" + idA);
        OrderId ib = OrderId.of("o-" + idB);

        int expected = a.truncatedTo(ChronoUnit.MICROS).compareTo(b.truncatedTo(ChronoUnit.MICROS));
        if (expected == 0) {
            expected = ia.value().compareTo(ib.value());
        }

        assertThat(Integer.signum(OrderCursor.compare(a, ia, b, ib))).isEqualTo(Integer.signum(expected));
    }

    @Example
    void two_orders_placed_in_the_same_microsecond_are_ordered_by_id() {
        Instant t = Instant.parse("2026-03-10T09:00:00.123456Z");

        assertThat(OrderCursor.compare(t.plusNanos(999), OrderId.of("o-2"), t, OrderId.of("o-1"))).isPositive();
        assertThat(OrderCursor.compare(t.plusNanos(1_000), OrderId.of("o-1"), t.plusNanos(999), OrderId.of("o-2"))).isPositive();
        assertThat(OrderCursor.compare(Instant.ofEpochSecond(-1, 999_999_999), OrderId.of("o-2"), Instant.EPOCH, OrderId.of("o-1")))
                .isNegative();
    }
}
