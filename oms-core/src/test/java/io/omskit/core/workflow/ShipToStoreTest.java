package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ship to store: a transfer leg from the warehouse to the pickup store. The warehouse's stock leaves when the transfer
 * ships; at the store it is held for the customer and never becomes the store's sellable stock, unless nobody collects it.
 */
class ShipToStoreTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(MUG, STORE, 1);
    private final Order order = f.oms.placeOrder(f.pickupOrder("APP-2", DeliveryMethod.SHIP_TO_STORE)
            .line("1", "MUG", 3, eur(10)).build()).order();
    private final FulfilmentId id = FulfilmentId.of("transfer-1");

    private Fulfilment shipped() {
        f.oms.allocate(order.id(), "transfer-1", WH, List.of(LineQuantity.of(LineId.of("1"), 3)));
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        Fulfilment packed = f.oms.fulfilments().pack(id);
        assertThat(packed.status()).isEqualTo(FulfilmentStatus.READY_TO_SHIP);
        assertThat(f.oms.order(order.id()).orElseThrow().status())
                .as("packed at the warehouse is not ready for pickup").isEqualTo(OrderStatus.IN_PREPARATION);
        return f.oms.fulfilments().ship(id, ShipmentDetails.of("TRUCK-7", "Own fleet", ""));
    }

    @Test
    void the_transfer_leaves_the_warehouse_when_shipped_and_is_not_ready_for_pickup_in_transit() {
        Fulfilment inTransit = shipped();

        assertThat(inTransit.kind()).isEqualTo(FulfilmentKind.SHIP_TO_STORE);
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(7);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.oms.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(f.payments.captured(order.id())).as("nothing is captured before the customer has it").isNull();
        assertThatThrownBy(() -> f.oms.fulfilments().collect(id, STORE, "246810"))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("SHIPPED cannot COLLECT");
        assertThatThrownBy(() -> f.oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST))
                .as("a transfer on the road cannot be cancelled").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void on_arrival_it_is_held_for_the_customer_and_never_sellable_at_the_store() {
        shipped();

        Fulfilment arrived = f.oms.fulfilments().arrive(id);

        assertThat(arrived.status()).isEqualTo(FulfilmentStatus.READY_FOR_COLLECTION);
        assertThat(arrived.collectBy()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(f.oms.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(f.inventory.position(MUG, STORE).availableToSell()).as("the store still sells only its own mug").isEqualTo(1);
    }

    @Test
    void the_customer_collects_it_with_the_code_and_pays_then() {
        shipped();
        f.oms.fulfilments().arrive(id);

        f.oms.fulfilments().collect(id, STORE, "246810");

        Order after = f.oms.order(order.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(f.payments.captured(order.id())).isEqualTo(eur(30));
        assertThat(f.inventory.position(MUG, STORE).onHand()).as("the store's own stock did not move").isEqualTo(1);
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(7);
    }

    @Test
    void an_uncollected_transfer_expires_onto_the_store_shelf_and_the_customer_owes_nothing() {
        shipped();
        f.oms.fulfilments().arrive(id);
        f.clock.advance(Duration.ofDays(6));

        f.oms.fulfilments().expireUncollected(5);

        assertThat(f.oms.fulfilments().get(id).status()).isEqualTo(FulfilmentStatus.EXPIRED);
        assertThat(f.inventory.position(MUG, STORE).availableToSell()).as("3 more mugs to sell at the store").isEqualTo(4);
        assertThat(f.oms.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(0));
        assertThat(f.payments.captured(order.id())).isNull();
    }
}
