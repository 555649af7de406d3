package io.omskit.core.order;

import static io.omskit.core.order.OrderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.Change;
import io.omskit.core.payment.PaymentOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {

    @Test
    void a_placed_order_awaits_confirmation_with_every_unit_open() {
        Change<Order, OrderEvent> placed = Order.place(OrderId.of("o-1"), request(), T0);

        assertThat(placed.state().status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
        assertThat(placed.state().version()).isEqualTo(1);
        assertThat(placed.state().units(UnitState.OPEN)).isEqualTo(4);
        assertThat(placed.events()).singleElement().isInstanceOf(OrderEvent.OrderPlaced.class);
    }

    @Test
    void totals_subtract_line_and_order_discounts_and_add_charges() {
        Order order = placed();

        assertThat(order.line(L1).orElseThrow().total()).isEqualTo(eur(27));
        assertThat(order.linesTotal()).isEqualTo(eur(52));
        assertThat(order.total()).isEqualTo(eur(54.95));
    }

    @Test
    void confirmation_needs_an_authorised_payment() {
        Order reserved = placed().reserveAll(T0).state();

        assertThatThrownBy(() -> reserved.confirm(T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("payment is NOT_REQUESTED");
    }

    @Test
    void walks_from_confirmed_through_preparation_to_delivered() {
        Order o = confirmed();
        assertThat(o.status()).isEqualTo(OrderStatus.CONFIRMED);

        o = o.allocate(WH, "a-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(o.allocations()).hasSize(2);

        o = o.markReady("a-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.READY_TO_SHIP);

        o = o.ship("a-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), "parcel-1", T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.allocations()).isEmpty();

        o = o.deliver(List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), "parcel-1", T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);

        o = o.returnUnits(List.of(LineQuantity.of(L1, 1)), "rma-1", T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);

        o = o.returnUnits(List.of(LineQuantity.of(L1, 2), LineQuantity.of(L2, 1)), "rma-2", T0).state();
        assertThat(o.status()).isEqualTo(OrderStatus.RETURNED);
    }

    @Test
    void status_follows_the_least_advanced_units_of_a_partially_shipped_order() {
        Order o = confirmed().allocate(WH, "a-1", List.of(LineQuantity.of(L1, 3), LineQuantity.of(L2, 1)), T0).state();

        o = o.ship("a-1", qty(L2, 1), "parcel-1", T0).state();

        assertThat(o.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(o.line(L2).orElseThrow().units().shipped()).isEqualTo(1);
    }

    @Test
    void cancelling_some_units_before_preparation_shows_partially_cancelled() {
        Change<Order, OrderEvent> change = confirmed().cancel(qty(L1, 2), CancellationReason.CUSTOMER_REQUEST, T0);

        assertThat(change.state().status()).isEqualTo(OrderStatus.PARTIALLY_CANCELLED);
        OrderEvent.OrderUnitsCancelled moved = (OrderEvent.OrderUnitsCancelled) change.events().get(0);
        assertThat(moved.moves()).containsExactly(new UnitMove(L1, UnitState.RESERVED, UnitState.CANCELLED, 2));
        assertThat(moved.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
        assertThat(change.events()).anySatisfy(e -> assertThat(e).isInstanceOf(OrderEvent.OrderStatusChanged.class));
    }

    @Test
    void allocated_units_are_cancelled_through_their_fulfilment_only() {
        Order allocated = confirmed().allocate(WH, "a-1", qty(L1, 3), T0).state();

        assertThatThrownBy(() -> allocated.cancel(qty(L1, 3), CancellationReason.CUSTOMER_REQUEST, T0))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("0 unit(s) in [AWAITING_STOCK, OPEN, RESERVED]");
        Order o = allocated.cancelHeld("a-1", qty(L1, 3), CancellationReason.CUSTOMER_REQUEST, T0).state();

        assertThat(o.allocations()).isEmpty();
        assertThat(o.line(L1).orElseThrow().units().cancelled()).isEqualTo(3);
    }

    @Test
    void cancelling_everything_cancels_the_order_and_shipped_units_cannot_be_cancelled() {
        Order shipped = confirmed().allocate(WH, "a-1", qty(L2, 1), T0).state().ship("a-1", qty(L2, 1), "p", T0).state();

        Order cancelled = shipped.cancelAll(CancellationReason.CUSTOMER_REQUEST, T0).state();

        assertThat(cancelled.line(L2).orElseThrow().units().shipped()).isEqualTo(1);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> cancelled.cancel(qty(L2, 1), CancellationReason.OTHER, T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("SHIPPED cannot CANCEL");
        assertThat(confirmed().cancelAll(CancellationReason.FRAUD, T0).state().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_hold_blocks_fulfilment_until_released() {
        Order held = confirmed().hold(HoldReason.FRAUD_REVIEW, "manual check", T0).state();

        assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThatThrownBy(() -> held.allocate(WH, "a-1", qty(L1, 1), T0))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed()).contains(OrderCommand.RELEASE_HOLD));
        assertThat(held.releaseHold(T0).state().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void refuses_to_move_more_units_than_a_line_has_and_changes_nothing() {
        Order o = confirmed();

        assertThatThrownBy(() -> o.allocate(WH, "a-1", qty(L2, 2), T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("line 2 has 1 unit(s)");
        assertThatThrownBy(() -> o.allocate(WH, "a-1", qty(LineId.of("9"), 1), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 9 is not a line");
        assertThat(o).isEqualTo(confirmed());
    }

    @Test
    void shipping_takes_units_only_from_the_named_allocation() {
        Order o = confirmed().allocate(WH, "a-1", qty(L1, 1), T0).state()
                .allocate(io.omskit.core.network.LocationId.of("ST-1"), "a-2", qty(L1, 2), T0).state();

        assertThatThrownBy(() -> o.ship("a-1", qty(L1, 2), "p", T0)).isInstanceOf(IllegalTransitionException.class);
        Order shipped = o.ship("a-2", qty(L1, 2), "p", T0).state();
        assertThat(shipped.allocations()).singleElement()
                .satisfies(a -> assertThat(a.allocationKey()).isEqualTo("a-1"));
    }

    @Test
    void every_command_raises_the_version_by_one_and_stamps_it_on_its_events() {
        Order o = placed();
        Change<Order, OrderEvent> c = o.reserveAll(T0);

        assertThat(c.state().version()).isEqualTo(2);
        assertThat(c.events()).allSatisfy(e -> assertThat(e.version()).isEqualTo(2));
        Change<Order, OrderEvent> p = c.state().recordPayment("authorise", PaymentOutcome.DECLINED,
                c.state().payment(), T0);
        assertThat(p.state().version()).isEqualTo(3);
    }
}
