package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express click and collect: picked from the store's own shelf, collected there with a code, or expired. */
class ExpressClickAndCollectTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, STORE, 5).stock(MUG, WH, 20);
    private final Order order = f.oms.placeOrder(f.pickupOrder("APP-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
            .line("1", "MUG", 2, eur(12)).build()).order();
    private final FulfilmentId id = FulfilmentId.of("cc-1");

    private Fulfilment readyForCollection() {
        f.oms.allocate(order.id(), "cc-1", STORE, List.of(LineQuantity.of(LineId.of("1"), 2)));
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        return f.oms.fulfilments().pack(id);
    }

    @Test
    void allocation_at_the_pickup_store_offers_a_collection_in_store_with_a_pickup_code() {
        f.oms.allocate(order.id(), "cc-1", STORE, List.of(LineQuantity.of(LineId.of("1"), 2)));

        Fulfilment offered = f.oms.fulfilments().get(id);
        assertThat(offered.kind()).isEqualTo(FulfilmentKind.COLLECT_IN_STORE);
        assertThat(offered.status()).isEqualTo(FulfilmentStatus.OFFERED);
        assertThat(offered.pickupCode()).isEqualTo("246810");
        assertThat(f.oms.fulfilments().atLocation(STORE, FulfilmentStatus.OFFERED, 10)).containsExactly(offered);
        assertThat(f.events.events(FulfilmentEvent.FulfilmentOffered.class)).hasSize(1);
    }

    @Test
    void packing_at_the_store_makes_the_order_ready_for_pickup_until_the_pickup_period_ends() {
        Fulfilment ready = readyForCollection();

        assertThat(ready.status()).isEqualTo(FulfilmentStatus.READY_FOR_COLLECTION);
        assertThat(ready.collectBy()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(f.oms.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(f.inventory.position(MUG, STORE).allocated()).as("still on the shelf, held for the customer").isEqualTo(2);
    }

    @Test
    void collecting_with_the_code_takes_the_units_off_the_shelf_and_captures_their_value() {
        readyForCollection();

        Fulfilment collected = f.oms.fulfilments().collect(id, STORE, "246810");

        Order after = f.oms.order(order.id()).orElseThrow();
        assertThat(collected.status()).isEqualTo(FulfilmentStatus.COLLECTED);
        assertThat(after.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(3);
        assertThat(f.inventory.position(MUG, STORE).allocated()).isZero();
        assertThat(f.payments.captured(order.id())).isEqualTo(eur(24));
        assertThat(after.payment().authorised()).isEqualTo(eur(0));
    }

    @Test
    void an_uncollected_order_expires_its_stock_is_sellable_again_and_its_authorisation_is_voided() {
        readyForCollection();
        assertThatThrownBy(() -> f.oms.fulfilments().expire(id))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("may be collected until");

        f.clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(f.oms.fulfilments().expireUncollected(10)).containsExactly(id);

        Order after = f.oms.order(order.id()).orElseThrow();
        assertThat(f.oms.fulfilments().get(id).status()).isEqualTo(FulfilmentStatus.EXPIRED);
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(f.inventory.position(MUG, STORE).availableToSell()).isEqualTo(5);
        assertThat(f.payments.captured(order.id())).as("the customer owes nothing").isNull();
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(0));
        assertThat(f.oms.fulfilments().expireUncollected(10)).isEmpty();
    }

    @Test
    void a_wrong_code_or_another_store_is_refused_and_changes_nothing() {
        Fulfilment ready = readyForCollection();

        assertThatThrownBy(() -> f.oms.fulfilments().collect(id, STORE, "000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pickupCode must be the code given for fulfilment cc-1, was '000000'");
        assertThatThrownBy(() -> f.oms.fulfilments().collect(id, WH, "246810"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store must be the pickup store ST-1 of fulfilment cc-1, was WH-1");

        assertThat(f.oms.fulfilments().get(id)).isEqualTo(ready);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(5);
        assertThat(f.payments.captured(order.id())).isNull();
    }

    @Test
    void a_store_cancelling_a_ready_collection_puts_the_units_back_on_sale_and_voids_them() {
        readyForCollection();

        f.oms.cancelOrder(order.id(), io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST);

        assertThat(f.oms.fulfilments().get(id).status()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(f.inventory.position(MUG, STORE).availableToSell()).isEqualTo(5);
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(0));
        assertThatThrownBy(() -> f.oms.fulfilments().collect(id, STORE, "246810"))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("CANCELLED cannot COLLECT");
    }
}
