package io.omskit.atp.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitTimeTest {

    @Test
    void a_minimum_above_the_maximum_blames_min_days_with_its_value_and_the_rule() {
        assertThatThrownBy(() -> new TransitTime(10, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minDays must be <= maxDays (3), was 10");
    }

    @Test
    void a_negative_minimum_blames_min_days() {
        assertThatThrownBy(() -> TransitTime.days(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("minDays must be >= 0, was -1");
    }

    @Test
    void equal_bounds_are_a_fixed_transit() {
        assertThat(TransitTime.days(3)).isEqualTo(new TransitTime(3, 3));
        assertThat(TransitTime.days(1, 4).maxDays()).isEqualTo(4);
    }
}
