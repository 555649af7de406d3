package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Adjustment;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.PlaceOrderRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests at the edges (moments near the ends of time, missing list elements) are refused by name, before anything changes. */
class RequestEdgesTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);

    @Test
    void reports_missing_lines_and_adjustments_by_index_with_every_other_problem() {
        PlaceOrderRequest base = f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build();
        LineRequest lineWithMissingDiscount = new LineRequest(LineId.of("2"), MUG, 1, eur(8),
                Arrays.asList(Adjustment.of("PROMO", eur(1)), null), null);
        PlaceOrderRequest request = new PlaceOrderRequest(base.channel(), base.externalRef(), base.customer(),
                base.currency(), base.delivery(), Arrays.asList(null, lineWithMissingDiscount), Arrays.asList((Adjustment) null),
                Arrays.asList(Adjustment.of("shipping", eur(4)), null), base.paymentRef());

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(request));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                new Problem("lines[0]", null, "must not be null"),
                new Problem("lines[1].discounts[1]", null, "must not be null"),
                new Problem("discounts[0]", null, "must not be null"),
                new Problem("charges[1]", null, "must not be null"));
        assertThat(f.orders.all()).isEmpty();
    }

    @Test
    void refuses_missing_reservation_and_allocation_lines_naming_their_index() {
        assertThatThrownBy(() -> new ReservationRequest(new ReservationKey("r-1"), "cart",
                Arrays.asList(ReservationLine.anywhere(MUG, 1), null), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lines[1] must not be null");
        assertThatThrownBy(() -> new AllocationRequest(new AllocationKey("a-1"), "order",
                Arrays.asList(null, AllocationLine.of(MUG, WH, 1)), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lines[0] must not be null");
    }

    @Test
    void refuses_a_missing_bundle_component_or_location_naming_its_index() {
        assertThatThrownBy(() -> new SkuAttributes(BREAKFAST_SET, "Set", "kitchen", 1, Dimensions.ofMillimetres(1, 1, 1), true,
                Arrays.asList(new BundleComponent(MUG, 2), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("components[1] must not be null");
        assertThatThrownBy(() -> Network.of(Arrays.asList(
                Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("locations[1] must not be null");
    }

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
