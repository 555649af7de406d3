package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.ValidationException;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.Granularity;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Questions the measures cannot answer are refused with the field, the value and the rule. */
class BadRequestsTest {

    private final Measures measures = ShopJourney.reporting(ShopJourney.events().events()).measures();

    @Test
    void a_period_ending_before_it_starts_names_both_days() {
        assertThatThrownBy(() -> ReportPeriod.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 1), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("to = 2026-03-01: must not be before from 2026-03-10");
    }

    @Test
    void a_period_missing_everything_names_every_field() {
        assertThatThrownBy(() -> ReportPeriod.of(null, null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("3 problem(s)").hasMessageContaining("from = null").hasMessageContaining("zone = null");
    }

    @Test
    void a_breakdown_the_measure_does_not_have_is_refused() {
        assertThatThrownBy(() -> measures.returnsValue(ShopJourney.period(), Granularity.DAY, Dimension.LOCATION))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("returnsValue rejected")
                .hasMessageContaining("by = LOCATION: must be one of [TOTAL, CHANNEL, CATEGORY, SKU]");
        assertThatThrownBy(() -> measures.stockTurnoverValue(ShopJourney.period(), Dimension.CHANNEL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("stockTurnoverValue rejected")
                .hasMessageContaining("by = CHANNEL: must be one of [TOTAL, LOCATION, CATEGORY, SKU]");
    }

    @Test
    void windows_of_no_days_are_refused() {
        assertThatThrownBy(() -> measures.fastSellers(ShopJourney.period(), 0, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("windowDays = 0: must be at least 1");
        assertThatThrownBy(() -> measures.slowMovers(ShopJourney.period(), -3))
                .isInstanceOf(ValidationException.class).hasMessageContaining("days = -3: must be at least 1");
    }
}
