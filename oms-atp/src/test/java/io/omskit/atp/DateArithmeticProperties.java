package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.WorkingCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.plan.LegKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * No promise is earlier than the order, the release, the processing and the pickup allow, whatever the moment; a
 * dispatch the calendar says moves with the start does so throughout the span it gives.
 */
class DateArithmeticProperties {

    private static final Shop SHOP = new Shop();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Property(tries = 300)
    void every_leg_respects_release_processing_dispatch_and_order(@ForAll @LongRange(min = 0, max = 300L * 24 * 60) long minutes,
                                                                 @ForAll @IntRange(min = 0, max = 4) int location,
                                                                 @ForAll @IntRange(min = 2, max = 4) int store) {
        Instant now = START.plusSeconds(minutes * 60);
        PromiseCalendar calendar = SHOP.atp.calendar();
        Location l = SHOP.network.at(location);
        WorkingCalendar cal = calendar.calendar(location);
        LegTiming t = calendar.leg(DeliveryMethod.STANDARD_DELIVERY, LegKind.DELIVER, location, -1, Shop.BERLIN_HOME, now);

        assertThat(t.release()).isAfterOrEqualTo(now);
        assertThat(cal.isOpen(t.release())).isTrue();
        if (!t.release().equals(now)) {
            // released later than asked: at an opening, on a working day
            assertThat(cal.isWorkingDay(cal.local(t.release()).toLocalDate())).isTrue();
        } else {
            assertThat(cal.local(now).toLocalTime()).isBefore(l.orderCutOff());
        }
        assertThat(Duration.between(t.release(), t.ready())).isGreaterThanOrEqualTo(l.processingLeadTime());
        assertThat(t.dispatch()).isAfterOrEqualTo(t.ready());
        assertThat(t.window().earliest()).isAfterOrEqualTo(t.dispatch());
        assertThat(t.window().latest()).isAfterOrEqualTo(t.window().earliest());

        LegTiming collect = calendar.collect(store, now);
        assertThat(Duration.between(now, collect.window().earliest()))
                .isGreaterThanOrEqualTo(SHOP.network.at(store).processingLeadTime());
        LegTiming transfer = calendar.transfer(location, store, now);
        assertThat(transfer.window().earliest()).isAfter(transfer.dispatch());
    }

    /** Stores whose cut-off lets the processing run into a lunch break, the closing or a closed Sunday. */
    private static final Network LATE = Network.of(List.of(
            Berlin.store("ST-LUNCH").openingHours(new OpeningHours(weekdays(
                    List.of(TimeRange.of("09:00", "13:00"), TimeRange.of("14:00", "20:00")))))
                    .orderCutOff(LocalTime.of(19, 30)).processingLeadTime(Duration.ofMinutes(90)).build(),
            Berlin.store("ST-LATE").orderCutOff(LocalTime.of(23, 0)).processingLeadTime(Duration.ofMinutes(150)).build(),
            Berlin.store("ST-NIGHT").openingHours(OpeningHours.mondayToSaturday(TimeRange.of("00:00", "23:59"), null))
                    .orderCutOff(LocalTime.of(23, 30)).processingLeadTime(Duration.ofHours(5)).build(),
            Berlin.warehouse("WH-NO-PICKUP").processingLeadTime(Duration.ofMinutes(30)).build(),
            Berlin.store("ST-NOW").processingLeadTime(Duration.ZERO).build()));
    private static final PromiseCalendar LATE_CALENDAR = PromiseCalendar.builder(LATE).holidays(Berlin.HOLIDAYS).build();

    private static Map<DayOfWeek, List<TimeRange>> weekdays(List<TimeRange> ranges) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SUNDAY) {
                week.put(d, ranges);
            }
        }
        return week;
    }

    @Property(tries = 400)
    void a_dispatch_said_to_move_with_the_start_does(@ForAll @LongRange(min = 0, max = 300L * 24 * 60) long minutes,
                                                      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                      @ForAll boolean shop, @ForAll @IntRange(min = 0, max = 5) int location,
                                                      @ForAll LegKind kind) {
        Instant start = START.plusSeconds(minutes * 60).plusNanos(nanos);
        PromiseCalendar calendar = shop ? SHOP.atp.calendar() : LATE_CALENDAR;
        Network network = shop ? SHOP.network : LATE;
        location = location % network.size();
        Duration lead = network.at(location).processingLeadTime();

        Instant until = calendar.movingDispatchUntil(kind, location, start);

        Statistics.label("moves").collect(until.isAfter(start));
        Statistics.label("moves").coverage(c -> c.check(true).percentage(p -> p > 5));
        assertThat(until).isAfterOrEqualTo(start);
        if (until.isAfter(start)) {
            Random r = new Random(minutes * 31 + nanos);
            long span = Duration.between(start, until).toNanos();
            for (int k = 0; k < 12; k++) {
                Instant s = k == 0 ? start : k == 1 ? until : start.plusNanos((long) (r.nextDouble() * span));
                assertThat(calendar.dispatch(kind, location, s)).as("dispatch at %s (moving until %s)", s, until)
                        .isEqualTo(s.plus(lead));
            }
        }
    }
}
