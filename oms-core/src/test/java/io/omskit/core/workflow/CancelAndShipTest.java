package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.payment.PaymentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelAndShipTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(PLATE, WH, 10);
    private final Order order = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 4, eur(10)).line("2", "PLATE", 2, eur(5))
            .charge("shipping", eur(5)).build()).order();
    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");

    @Test
    void cancelling_reserved_units_releases_their_stock_and_voids_their_value() {
        Order after = f.oms.cancel(order.id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST);

        assertThat(after.status()).isEqualTo(OrderStatus.PARTIALLY_CANCELLED);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(1);
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(25));
        assertThat(after.payment().authorised()).isEqualTo(eur(25));
    }

    @Test
    void cancelling_the_whole_order_releases_everything_and_voids_the_authorisation() {
        Order after = f.oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST);

        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
        assertThat(f.inventory.networkReserved(PLATE)).isZero();
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur(0));
    }

    @Test
    void allocation_draws_on_the_reservation_and_cancelling_allocated_units_frees_the_location() {
        AllocationResult allocated = f.oms.allocate(order.id(), WH, List.of(LineQuantity.of(L1, 4)));
        assertThat(allocated.isAllocated()).isTrue();
        assertThat(f.inventory.networkReserved(MUG)).isZero();
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(4);

        String fulfilment = f.oms.order(order.id()).orElseThrow().allocations().get(0).allocationKey();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.oms.cancel(order.id(), List.of(LineQuantity.of(L1, 4)),
                        CancellationReason.CUSTOMER_REQUEST)).isInstanceOf(io.omskit.core.order.IllegalTransitionException.class)
                .hasMessageContaining("held by fulfilments [" + fulfilment + "]: cancel them with Fulfilments.cancel");
        assertThat(f.inventory.position(MUG, WH).allocated()).as("refused, nothing changed").isEqualTo(4);
        f.oms.fulfilments().cancel(FulfilmentId.of(fulfilment), List.of(LineQuantity.of(L1, 4)),
                CancellationReason.CUSTOMER_REQUEST, "c-1");

        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.inventory.position(MUG, WH).availableToSell()).isEqualTo(10);
    }

    @Test
    void shipping_takes_stock_off_hand_and_captures_per_shipment_until_the_total_is_captured() {
        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(L1, 4)));
        f.oms.allocate(order.id(), "plates", WH, List.of(LineQuantity.of(L2, 2)));

        Order first = shipAll(f.oms, "mugs", "parcel-1");
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(6);
        assertThat(first.payment().captured()).isEqualTo(eur(40));
        assertThat(first.status()).isEqualTo(OrderStatus.IN_PREPARATION);

        Order second = shipAll(f.oms, "plates", "parcel-2");
        assertThat(second.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(second.payment().captured()).isEqualTo(order.total());
        assertThat(f.payments.captured(order.id())).isEqualTo(eur(55));
        assertThat(f.inventory.position(PLATE, WH).onHand()).isEqualTo(8);
    }

    @Test
    void a_shipment_whose_order_save_failed_completes_on_retry_without_moving_stock_twice() {
        FailingSaves repository = new FailingSaves(f.orders);
        io.omskit.core.Oms oms = io.omskit.core.Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog)
                .orders(repository).inventory(f.inventory).payments(f.payments).events(f.events).build();
        oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(L1, 4)));
        oms.allocate(order.id(), "plates", WH, List.of(LineQuantity.of(L2, 2)));
        FulfilmentId mugs = FulfilmentId.of("mugs");
        oms.fulfilments().accept(mugs);
        oms.fulfilments().startPicking(mugs);
        oms.fulfilments().pack(mugs);

        repository.failNext = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> oms.fulfilments().ship(mugs, ShipmentDetails.of("parcel-1", "DHL", "")))
                .isInstanceOf(io.omskit.core.spi.SpiException.class);
        assertThat(oms.order(order.id()).orElseThrow().line(L1).orElseThrow().units().shipped()).isZero();
        assertThat(oms.fulfilments().get(mugs).status()).isEqualTo(FulfilmentStatus.SHIPPED);

        oms.fulfilments().ship(mugs, ShipmentDetails.of("parcel-1", "DHL", ""));
        Order shipped = oms.order(order.id()).orElseThrow();

        assertThat(shipped.line(L1).orElseThrow().units().shipped()).isEqualTo(4);
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(6);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(shipped.payment().captured()).isEqualTo(eur(40));
    }

    @Test
    void shipping_more_than_was_packed_moves_no_stock() {
        f.oms.allocate(order.id(), "mugs", WH, List.of(LineQuantity.of(L1, 2)));
        FulfilmentId mugs = FulfilmentId.of("mugs");
        f.oms.fulfilments().accept(mugs);
        f.oms.fulfilments().startPicking(mugs);
        f.oms.fulfilments().pack(mugs);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.oms.fulfilments().ship(mugs,
                        ShipmentDetails.of("parcel-1", "DHL", ""), List.of(LineQuantity.of(L1, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("units of shipment parcel-1 must be what fulfilment mugs packed");
        assertThat(f.oms.fulfilments().get(mugs).status()).isEqualTo(FulfilmentStatus.READY_TO_SHIP);

        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(10);
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(2);
    }

    /** Accepts, picks, packs and ships the whole fulfilment; the order after it. */
    private static Order shipAll(io.omskit.core.Oms oms, String fulfilment, String parcel) {
        FulfilmentId id = FulfilmentId.of(fulfilment);
        oms.fulfilments().accept(id);
        oms.fulfilments().startPicking(id);
        oms.fulfilments().pack(id);
        return oms.order(oms.fulfilments().ship(id, ShipmentDetails.of(parcel, "DHL", "")).orderId()).orElseThrow();
    }

    /** An order repository whose next save fails as a lost database connection would. */
    private static final class FailingSaves implements io.omskit.core.spi.OrderRepository {
        private final io.omskit.core.spi.OrderRepository delegate;
        volatile boolean failNext;

        FailingSaves(io.omskit.core.spi.OrderRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public io.omskit.core.spi.SaveOutcome save(Order o) {
            if (failNext) {
                failNext = false;
                throw new io.omskit.core.spi.SpiException("connection lost", null, true);
            }
            return delegate.save(o);
        }

        @Override
        public java.util.Optional<Order> find(io.omskit.core.order.OrderId id) {
            return delegate.find(id);
        }

        @Override
        public java.util.Optional<Order> findByExternalRef(io.omskit.core.channel.Channel channel,
                                                          io.omskit.core.order.ExternalOrderRef externalRef) {
            return delegate.findByExternalRef(channel, externalRef);
        }

        @Override
        public List<io.omskit.core.order.OrderId> findAwaitingConfirmation(int limit) {
            return delegate.findAwaitingConfirmation(limit);
        }

        @Override
        public io.omskit.core.spi.OrderPage search(io.omskit.core.spi.OrderQuery query) {
            return delegate.search(query);
        }

        @Override
        public List<io.omskit.core.order.OrderEvent> history(io.omskit.core.order.OrderId id) {
            return delegate.history(id);
        }
    }

    @Test
    void a_cart_hold_expires_and_gives_its_stock_back() {
        assertThat(f.oms.holdCart("cart-1", java.util.Map.of(MUG, 5), java.time.Duration.ofMinutes(15)).isReserved()).isTrue();
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(1);

        f.clock.advance(java.time.Duration.ofMinutes(16));

        assertThat(f.oms.expireHolds()).isEqualTo(1);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(6);
    }

    @Test
    void an_allocation_spanning_two_locations_becomes_one_fulfilment_per_location() {
        f.stock(MUG, STORE, 3);
        io.omskit.core.inventory.AllocationKey key = io.omskit.core.inventory.AllocationKey.of("sourcing-1");
        f.inventory.allocate(new io.omskit.core.inventory.AllocationRequest(key, "order", List.of(
                io.omskit.core.inventory.AllocationLine.of(MUG, WH, 2), io.omskit.core.inventory.AllocationLine.of(MUG, STORE, 2)),
                null));

        Order after = f.oms.recordAllocation(order.id(), key, java.util.Map.of(
                WH, List.of(LineQuantity.of(L1, 2)), STORE, List.of(LineQuantity.of(L1, 2))));

        assertThat(after.allocations()).extracting(a -> a.allocationKey())
                .containsExactlyInAnyOrder("sourcing-1@WH-1", "sourcing-1@ST-1");
        assertThat(f.oms.fulfilments().forOrder(order.id())).extracting(x -> x.id().value())
                .containsExactlyInAnyOrder("sourcing-1@WH-1", "sourcing-1@ST-1");
        Order shipped = shipAll(f.oms, "sourcing-1@ST-1", "parcel-9");
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(1);
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(2);

        f.oms.fulfilments().cancel(FulfilmentId.of("sourcing-1@WH-1"), null, CancellationReason.CUSTOMER_REQUEST, "c-1");
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(shipped.line(L1).orElseThrow().units().shipped()).isEqualTo(2);
    }

    @Test
    void an_allocation_the_order_cannot_take_is_given_back() {
        f.oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST);
        io.omskit.core.inventory.AllocationKey key = io.omskit.core.inventory.AllocationKey.of("late-sourcing");
        f.inventory.allocate(new io.omskit.core.inventory.AllocationRequest(key, "order",
                List.of(io.omskit.core.inventory.AllocationLine.of(MUG, WH, 4)), null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.oms.recordAllocation(order.id(), key,
                java.util.Map.of(WH, List.of(LineQuantity.of(L1, 4))))).isInstanceOf(IllegalStateException.class);

        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
    }
}
