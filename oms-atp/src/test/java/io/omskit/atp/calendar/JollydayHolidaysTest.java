package io.omskit.atp.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JollydayHolidaysTest {

    @Test
    void national_german_holidays_include_unity_day_but_not_epiphany() {
        assertThat(Berlin.HOLIDAYS.publicHolidays("DE", null, 2026))
                .contains(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 4, 3))
                .doesNotContain(LocalDate.of(2026, 1, 6));
    }

    @Test
    void bavaria_adds_epiphany_and_corpus_christi() {
        assertThat(Berlin.HOLIDAYS.publicHolidays("DE", "by", 2026))
                .contains(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 6, 4), LocalDate.of(2026, 10, 3));
    }

    @Test
    void berlin_adds_international_womens_day() {
        assertThat(Berlin.HOLIDAYS.publicHolidays("DE", "be", 2026)).contains(LocalDate.of(2026, 3, 8));
        assertThat(Berlin.HOLIDAYS.publicHolidays("DE", "by", 2026)).doesNotContain(LocalDate.of(2026, 3, 8));
    }

    @Test
    void observances_are_not_public_holidays() {
        // Shrove Monday (Rosenmontag) is an observance in Germany, not a day off by law
        assertThat(Berlin.HOLIDAYS.publicHolidays("DE", null, 2026)).doesNotContain(LocalDate.of(2026, 2, 16));
    }

    @Test
    void an_unknown_country_has_no_holidays() {
        assertThat(Berlin.HOLIDAYS.publicHolidays("QQ", null, 2026)).isEmpty();
    }
}
