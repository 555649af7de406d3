package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Kept local dates are java.time's, around daylight-saving changes (at midnight too) and in any order of instants. */
class LocalDaysProperties {

    // Sao Paulo's old autumn change went back from midnight to 23:00 of the day before; Lord Howe shifts by 30 minutes
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Berlin"), ZoneId.of("America/Sao_Paulo"),
        ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("America/Havana")};
    private static final long[] AROUND = {
        Instant.parse("2026-03-29T01:00:00Z").getEpochSecond(),
        Instant.parse("2018-02-18T02:00:00Z").getEpochSecond(),
        Instant.parse("2018-11-04T03:00:00Z").getEpochSecond(),
        Instant.parse("2026-10-04T15:30:00Z").getEpochSecond()};

    @Property(tries = 200)
    void local_dates_are_java_times(@ForAll("around") int around, @ForAll("steps") long[] steps) {
        LocalDays days = new LocalDays(ZONES);
        long s = AROUND[around] - 2 * 86_400;
        for (long step : steps) {
            s += step;
            Instant t = Instant.ofEpochSecond(s);
            for (int z = 0; z < ZONES.length; z++) {
                assertThat(days.of(z, t)).as("%s in %s", t, ZONES[z]).isEqualTo(LocalDate.ofInstant(t, ZONES[z]));
            }
        }
    }

    @Provide
    Arbitrary<Integer> around() {
        return Arbitraries.integers().between(0, AROUND.length - 1);
    }

    /** Walks of up to a few days around a change: mostly forward by minutes or hours, sometimes back. */
    @Provide
    Arbitrary<long[]> steps() {
        Arbitrary<Long> minutes = Arbitraries.longs().between(1, 120).map(m -> m * 60);
        Arbitrary<Long> hours = Arbitraries.longs().between(1, 23).map(h -> h * 3_600 - 1);
        Arbitrary<Long> back = Arbitraries.longs().between(-3 * 3_600, -1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, minutes), net.jqwik.api.Tuple.of(3, hours), net.jqwik.api.Tuple.of(1, back))
                .array(long[].class).ofMinSize(1).ofMaxSize(80);
    }
}
