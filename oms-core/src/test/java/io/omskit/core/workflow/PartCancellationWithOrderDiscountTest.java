package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.PaidPerUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A part cancellation of an order with an order-level discount voids what the cancelled units were paid, net of their
 * share of the discount, so what is captured for the rest is what a refund of the rest pays back.
 */
class PartCancellationWithOrderDiscountTest {

    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");
    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(PLATE, WH, 10);

    @Test
    void cancelling_one_item_voids_its_price_less_its_share_of_the_order_discount() {
        // 6.00 + 4.00 with 1.00 off the order (10%) and 5.00 shipping: the plate was paid 3.60, the mug 5.40
        Order order = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(6)).line("2", "PLATE", 1, eur(4))
                .discount("TEN-OFF", eur(1)).charge("shipping", eur(5)).build()).order();

        Order after = f.oms.cancel(order.id(), List.of(LineQuantity.of(L2, 1)), CancellationReason.CUSTOMER_REQUEST);

        assertThat(f.payments.voided(order.id())).isEqualTo(eur(3.60));
        assertThat(after.payment().authorised()).isEqualTo(eur(10.40));

        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(L1, 1)));
        Order shipped = ship("mugs");
        assertThat(shipped.payment().captured()).as("the mug net of its discount, and the shipping").isEqualTo(eur(10.40));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(0));
        assertThat(PaidPerUnit.of(shipped).goods(L1, 0, 1).plus(PaidPerUnit.of(shipped).chargesTotal()))
                .as("what a refund of the mug and the shipping pays back").isEqualTo(shipped.payment().captured());
    }

    @Test
    void cancelled_and_captured_units_add_up_to_the_total_to_the_cent() {
        // 3 x 10.00 with 1.00 off: the units were paid 9.67, 9.67 and 9.66; a cancellation counts from the last
        Order order = f.oms.placeOrder(f.webOrder("W-2").line("1", "MUG", 3, eur(10)).discount("ONE-OFF", eur(1)).build()).order();

        f.oms.cancel(order.id(), List.of(LineQuantity.of(L1, 1)), CancellationReason.CUSTOMER_REQUEST);
        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(L1, 2)));
        Order shipped = ship("mugs");

        assertThat(f.payments.voided(order.id())).isEqualTo(eur(9.66));
        assertThat(shipped.payment().captured()).isEqualTo(eur(19.34));
        assertThat(f.payments.voided(order.id()).plus(shipped.payment().captured())).isEqualTo(order.total());
    }

    private Order ship(String fulfilment) {
        FulfilmentId id = FulfilmentId.of(fulfilment);
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        f.oms.fulfilments().pack(id);
        return f.oms.order(f.oms.fulfilments().ship(id, ShipmentDetails.of("parcel-" + fulfilment, "DHL", "")).orderId()).orElseThrow();
    }
}
