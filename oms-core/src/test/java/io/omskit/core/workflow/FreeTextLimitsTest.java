package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.order.Address;
import io.omskit.core.order.Adjustment;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Hold;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.PlaceOrderRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Free text on requests (addresses, payment and stock references, codes, notes) has a documented maximum length and
 * no control characters; refusals name the field and the rule and quote the value abbreviated and escaped.
 */
class FreeTextLimitsTest {

    private static final String MEGABYTE = "x".repeat(1_000_000);

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);

    private PlaceOrderRequest.Builder orderTo(Address address) {
        return f.webOrder("W-1").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address, null))
                .line("1", "MUG", 1, eur(8));
    }

    @Test
    void refuses_a_megabyte_address_line_before_anything_is_saved() {
        Address huge = new Address("A. Person", MEGABYTE, null, "Berlin", "10115", "DE", GeoPoint.of(52.52, 13.40));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(orderTo(huge).build()));

        assertThat(e.problems()).containsExactly(new Problem("delivery.address.line1", "<1000000 characters>",
                "must be at most 200 characters long, has 1000000"));
        assertThat(e.getMessage()).hasSizeLessThan(300);
        assertThat(f.orders.all()).isEmpty();
        assertThat(f.events.events(OrderEvent.class)).isEmpty();
    }

    @Test
    void reports_control_characters_in_every_address_field_and_the_payment_reference_at_once() {
        Address forged = new Address("A.\u0000Person", "Main Street 1\r\nX-Injected: yes", "\t", "Ber\nlin", "10115\n",
                "DE", null);

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> f.oms.placeOrder(orderTo(forged).paymentRef("tok\n1").build()));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "paymentRef",
                "delivery.address.recipient",
                "delivery.address.line1",
                "delivery.address.line2",
                "delivery.address.city",
                "delivery.address.postalCode");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("delivery.address.line1")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("must not contain control characters, has U+000D at index 13"));
        assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u0000", "Injected");
    }

    @Test
    void refuses_a_payment_reference_longer_than_500_characters_without_quoting_it() {
        PlaceOrderRequest request = f.webOrder("W-1").line("1", "MUG", 1, eur(8)).paymentRef("t".repeat(501)).build();

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.oms.placeOrder(request));

        assertThat(e.problems()).containsExactly(new Problem("paymentRef", "<501 characters>",
                "must be at most 500 characters long, has 501"));
        assertThat(f.payments.calls()).isEmpty();
    }

    @Test
    void accepts_address_fields_at_their_documented_lengths() {
        Address longest = new Address("r".repeat(200), "l".repeat(200),
                "m".repeat(200), "c".repeat(100), "10115", "DE", null);

        assertThat(f.oms.placeOrder(orderTo(longest).paymentRef("t".repeat(500)).build())
                .order()).isNotNull();
    }

    @Test
    void refuses_a_megabyte_stock_adjustment_reference_naming_the_field_and_abbreviating_the_value() {
        assertThatThrownBy(() -> StockAdjustment.of("rcv-1", MUG, WH, MovementReason.RECEIPT, 1, MEGABYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference must be at most 200 characters long, has 1000000, was '"
                        + "x".repeat(40) + "...' (1000000 characters)");
    }

    @Test
    void refuses_control_characters_in_stock_references_quoting_them_escaped() {
        assertThatThrownBy(() -> StockAdjustment.of("rcv-1", MUG, WH, MovementReason.RECEIPT, 1, "PO-1\u0000"))
                .hasMessage("reference must not contain control characters, has U+0000 at index 4, was 'PO-1\\u0000'");
        assertThatThrownBy(() -> new ReservationRequest(new ReservationKey("r-1"), "cart\n7",
                List.of(ReservationLine.anywhere(MUG, 1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference must not contain control characters, has U+000A at index 4, was 'cart\\n7'");
        assertThatThrownBy(() -> new AllocationRequest(new AllocationKey("a-1"), "r".repeat(201),
                List.of(AllocationLine.of(MUG, WH, 1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reference must be at most 200 characters long, has 201");
        assertThatThrownBy(() -> new InboundSupply(MUG, WH, 1, NOW, "PO\t1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reference must not contain control characters");
    }

    @Test
    void refuses_an_adjustment_code_that_is_not_a_short_single_line() {
        assertThatThrownBy(() -> Adjustment.of("PROMO\nFREE", eur(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("code must not contain control characters");
        assertThatThrownBy(() -> Adjustment.of("P".repeat(101), eur(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("code must be at most 100 characters long, has 101");
    }

    @Test
    void a_hold_detail_may_have_several_lines_but_no_other_control_characters_and_at_most_1000_characters() {
        assertThat(new Hold(HoldReason.FRAUD_REVIEW, "called the bank\nwaiting for an answer", NOW).detail())
                .contains("\n");
        assertThatThrownBy(() -> new Hold(HoldReason.FRAUD_REVIEW, "called the bank\r\nwaiting", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detail must not contain control characters other than line feeds, has U+000D at index 15, "
                        + "was 'called the bank\\r\\nwaiting'");
        assertThatThrownBy(() -> f.oms.hold(f.oms.placeOrder(f.webOrder("W-2").line("1", "MUG", 1, eur(8)).build())
                .order().id(), HoldReason.OTHER, "d".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("detail must be at most 1000 characters long, has 1001");
    }
}
