package io.omskit.atp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Conversions through kept offset spans agree with java.time's, around daylight-saving changes too. */
class ZoneSpansProperties {

    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"};
    // 2026-03-29T01:00Z, Berlin's spring change; times spread over a year around it
    private static final long AROUND = 1_774_746_000L;

    @Property(tries = 200)
    void converts_as_java_time_does(@ForAll @IntRange(min = 0, max = 4) int zone,
                                    @ForAll("steps") long[] steps) {
        ZoneId z = ZoneId.of(ZONES[zone]);
        ZoneSpans spans = new ZoneSpans(z);
        for (long step : steps) {
            Instant t = Instant.ofEpochSecond(AROUND + step);
            assertThat(spans.local(t)).as("local of %s", t).isEqualTo(LocalDateTime.ofInstant(t, z));
            LocalDateTime local = LocalDateTime.ofEpochSecond(AROUND + step, 0, ZoneOffset.UTC);
            assertThat(spans.at(local)).as("instant of %s", local).isEqualTo(ZonedDateTime.ofLocal(local, z, null).toInstant());
        }
    }

    @Provide
    Arbitrary<long[]> steps() {
        Arbitrary<Long> near = Arbitraries.longs().between(-3 * 86_400, 3 * 86_400);
        Arbitrary<Long> far = Arbitraries.longs().between(-200 * 86_400L, 200 * 86_400L);
        return Arbitraries.oneOf(near, far).array(long[].class).ofMinSize(1).ofMaxSize(40);
    }
}
