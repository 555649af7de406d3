package io.omskit.core.order;

import static io.omskit.core.order.OrderFixtures.L1;
import static io.omskit.core.order.OrderFixtures.L2;
import static io.omskit.core.order.OrderFixtures.T0;
import static io.omskit.core.order.OrderFixtures.WH;
import static io.omskit.core.order.OrderFixtures.confirmed;
import static io.omskit.core.order.OrderFixtures.eur;
import static io.omskit.core.order.OrderFixtures.qty;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.payment.PaymentOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the customer owes or is owed, on the fixture order of 54.95 (line 1: 3 x 10.00 less 3.00; line 2: 25.00; shipping
 * 4.95; 2.00 off the order, of which line 2's unit carries 0.96, so it was paid 24.04).
 */
class BalanceTest {

    private static Order capture(Order o, String amount) {
        return o.recordPayment("capture", PaymentOutcome.SUCCEEDED, o.payment().capturedAmount(eur(Double.parseDouble(amount))), T0).state();
    }

    private static Order refund(Order o, String amount) {
        return o.recordPayment("refund", PaymentOutcome.SUCCEEDED, o.payment().refundedAmount(eur(Double.parseDouble(amount))), T0).state();
    }

    @Test
    void a_confirmed_order_owes_its_total_all_of_it_secured_by_the_authorisation() {
        Order o = confirmed();

        assertThat(o.balanceDue()).isEqualTo(eur(54.95));
        assertThat(o.creditOwed()).isEqualTo(eur(0));
        assertThat(o.balance().authorised()).isEqualTo(eur(54.95));
        assertThat(o.balance().unsecured()).isEqualTo(eur(0));
    }

    @Test
    void a_cancellation_lowers_what_is_due_by_what_the_cancelled_units_were_paid() {
        Order o = confirmed().cancel(qty(L2, 1), CancellationReason.CUSTOMER_REQUEST, T0).state();

        assertThat(o.valueNotCancelled()).isEqualTo(eur(30.91));
        assertThat(o.balanceDue()).isEqualTo(eur(30.91));
    }

    @Test
    void captured_at_checkout_then_part_cancelled_the_customer_is_owed_the_difference_until_it_is_refunded() {
        Order o = capture(confirmed(), "54.95").cancel(qty(L2, 1), CancellationReason.CUSTOMER_REQUEST, T0).state();

        assertThat(o.balanceDue()).isEqualTo(eur(0));
        assertThat(o.creditOwed()).isEqualTo(eur(24.04));

        o = refund(o, "24.04");

        assertThat(o.creditOwed()).as("a refund beyond the returned units pays back the credit").isEqualTo(eur(0));
        assertThat(o.balanceDue()).isEqualTo(eur(0));
    }

    @Test
    void a_return_refunded_less_a_fee_leaves_nothing_owed_either_way() {
        Order o = confirmed().allocate(WH, "A-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), T0).state()
                .ship("A-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), "S-1", T0).state();
        o = capture(o, "54.95");
        assertThat(o.balanceDue()).isEqualTo(eur(0));

        o = o.returnUnits(qty(L2, 1), "R-1", T0).state();
        assertThat(o.returnedValue()).as("24.04 goods and its 2.38 share of the shipping").isEqualTo(eur(24.04).plus(
                io.omskit.core.order.PaidPerUnit.of(o).charges(L2, 0, 1)));
        assertThat(o.balanceDue()).as("returned, not refunded yet: the return decides what comes back").isEqualTo(eur(0));
        assertThat(o.creditOwed()).isEqualTo(eur(0));

        o = refund(o, "22.04");    // 2.00 restocking fee kept

        assertThat(o.balanceDue()).isEqualTo(eur(0));
        assertThat(o.creditOwed()).isEqualTo(eur(0));
        assertThat(o.balance().charged()).as("what the customer kept: 54.95 - 22.04").isEqualTo(eur(32.91));
        assertThat(o.balance().paid()).isEqualTo(eur(32.91));
    }
}
