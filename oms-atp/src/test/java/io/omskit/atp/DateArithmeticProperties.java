package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.WorkingCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.LegKind;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** No promise is earlier than the order, the release, the processing and the pickup allow, whatever the moment. */
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
}
