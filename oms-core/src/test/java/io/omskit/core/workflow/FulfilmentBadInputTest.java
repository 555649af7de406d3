package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input to a fulfilment step: a clear exception naming the field, the value and the rule, and nothing changed. */
class FulfilmentBadInputTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, STORE, 5);
    private final Order order = f.oms.placeOrder(f.pickupOrder("APP-9", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
            .line("1", "MUG", 2, eur(12)).build()).order();
    private final FulfilmentId id = FulfilmentId.of("cc-9");

    FulfilmentBadInputTest() {
        f.oms.allocate(order.id(), "cc-9", STORE, List.of(LineQuantity.of(LineId.of("1"), 2)));
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
    }

    private void refusedAndNothingChanged(ThrowingCallable call, String message) {
        Fulfilment fulfilment = f.oms.fulfilments().get(id);
        Order before = f.oms.order(order.id()).orElseThrow();
        StockPosition stock = f.inventory.position(MUG, STORE);
        int events = f.events.events().size();

        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);

        assertThat(f.oms.fulfilments().get(id)).isEqualTo(fulfilment);
        assertThat(f.oms.order(order.id()).orElseThrow()).isEqualTo(before);
        assertThat(f.inventory.position(MUG, STORE)).isEqualTo(stock);
        assertThat(f.events.events()).hasSize(events);
    }

    @Test
    void an_unknown_fulfilment_is_named() {
        refusedAndNothingChanged(() -> f.oms.fulfilments().accept(FulfilmentId.of("no-such")),
                "fulfilmentId no-such is not a known fulfilment");
        refusedAndNothingChanged(() -> f.oms.fulfilments().collect(FulfilmentId.of("no-such"), STORE, "246810"),
                "fulfilmentId no-such is not a known fulfilment");
    }

    @Test
    void rejecting_more_than_it_holds_or_a_line_it_does_not_hold_or_without_a_reason_is_refused() {
        refusedAndNothingChanged(() -> f.oms.fulfilments().reject(id, List.of(LineQuantity.of(LineId.of("1"), 3)), "short", "r-1"),
                "units of line 1 must be <= the 2 unit(s) fulfilment cc-9 still holds, was 3");
        refusedAndNothingChanged(() -> f.oms.fulfilments().reject(id, List.of(LineQuantity.of(LineId.of("7"), 1)), "short", "r-2"),
                "units must name lines of fulfilment cc-9, line 7 is not one of them");
        refusedAndNothingChanged(() -> f.oms.fulfilments().reject(id, List.of(LineQuantity.of(LineId.of("1"), 1)), " ", "r-3"),
                "reason");
    }

    @Test
    void cancelling_more_than_it_holds_is_refused() {
        refusedAndNothingChanged(() -> f.oms.fulfilments().cancel(id, List.of(LineQuantity.of(LineId.of("1"), 5)),
                CancellationReason.CUSTOMER_REQUEST, "c-1"), "units of line 1 must be <= the 2 unit(s)");
    }

    @Test
    void collecting_with_a_wrong_code_or_at_another_store_is_refused() {
        f.oms.fulfilments().pack(id);
        refusedAndNothingChanged(() -> f.oms.fulfilments().collect(id, STORE, "111111"),
                "pickupCode must be the code given for fulfilment cc-9, was '111111'");
        refusedAndNothingChanged(() -> f.oms.fulfilments().collect(id, WH, "246810"),
                "store must be the pickup store ST-1 of fulfilment cc-9, was WH-1");
        refusedAndNothingChanged(() -> f.oms.fulfilments().collect(id, STORE, null), "pickupCode");
    }

    @Test
    void shipment_details_are_checked_field_by_field() {
        assertThatThrownBy(() -> ShipmentDetails.of(" ", "DHL", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shipmentRef");
        assertThatThrownBy(() -> ShipmentDetails.of("P-1", "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier");
        assertThatThrownBy(() -> ShipmentDetails.of("P-1", "DHL", "x".repeat(101))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trackingNumber");
    }
}
