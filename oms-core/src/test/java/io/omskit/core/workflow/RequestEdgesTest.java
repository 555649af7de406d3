package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests at the edges (moments near the ends of time, missing list elements) are refused by name, before anything changes. */
class RequestEdgesTest {

    @Test
    void refuses_a_reservation_expiring_outside_the_years_1_to_9999() {
        assertThatThrownBy(() -> new ReservationRequest(new ReservationKey("cart-1"), "cart",
                List.of(ReservationLine.anywhere(MUG, 1)), Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expiresAt must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, was " + Instant.MAX);
        assertThat(new ReservationRequest(new ReservationKey("cart-1"), "cart", List.of(ReservationLine.anywhere(MUG, 1)),
                Instant.parse("9999-12-31T23:59:59Z")).expiresAt()).isNotNull();
    }
}
