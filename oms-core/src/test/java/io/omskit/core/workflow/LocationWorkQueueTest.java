package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.WorkQueue;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.spi.WorkQueuePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A location's staff works through its queues (to accept, to pick, to pack, to ship): the earliest promise first. */
class LocationWorkQueueTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20);

    private FulfilmentId offered(String ref, Instant promisedBy) {
        DeliveryWindow window = promisedBy == null ? null : new DeliveryWindow(promisedBy.minus(Duration.ofHours(4)), promisedBy);
        Order order = f.oms.placeOrder(f.webOrder(ref).delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), window))
                .line("1", "MUG", 1, eur(12)).build()).order();
        f.oms.allocate(order.id(), ref, WH, List.of(LineQuantity.of(LineId.of("1"), 1)));
        f.clock.advance(Duration.ofMinutes(1));
        return FulfilmentId.of(ref);
    }

    @Test
    void the_queue_to_accept_puts_the_earliest_promise_first_and_orders_without_a_promise_last() {
        FulfilmentId friday = offered("friday", NOW.plus(Duration.ofDays(4)));
        FulfilmentId none = offered("none", null);
        FulfilmentId tomorrow = offered("tomorrow", NOW.plus(Duration.ofDays(1)));

        assertThat(f.oms.fulfilments().workQueue(WH, WorkQueue.TO_ACCEPT, null, 10)).extracting(Fulfilment::id)
                .containsExactly(tomorrow, friday, none);
        assertThat(f.oms.fulfilments().get(tomorrow).promisedBy()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void pages_follow_on_from_the_last_fulfilment_of_the_page_before_and_steps_move_fulfilments_between_queues() {
        FulfilmentId a = offered("a", NOW.plus(Duration.ofDays(1)));
        FulfilmentId b = offered("b", NOW.plus(Duration.ofDays(2)));
        FulfilmentId c = offered("c", NOW.plus(Duration.ofDays(3)));

        List<Fulfilment> first = f.oms.fulfilments().workQueue(WH, WorkQueue.TO_ACCEPT, null, 2);
        List<Fulfilment> next = f.oms.fulfilments().workQueue(WH, WorkQueue.TO_ACCEPT, WorkQueuePosition.of(first.get(1)), 2);
        assertThat(first).extracting(Fulfilment::id).containsExactly(a, b);
        assertThat(next).extracting(Fulfilment::id).containsExactly(c);

        f.oms.fulfilments().accept(b);
        f.oms.fulfilments().accept(a);
        f.oms.fulfilments().startPicking(a);

        assertThat(f.oms.fulfilments().workQueue(WH, WorkQueue.TO_ACCEPT, null, 10)).extracting(Fulfilment::id).containsExactly(c);
        assertThat(f.oms.fulfilments().workQueue(WH, WorkQueue.TO_PICK, null, 10)).extracting(Fulfilment::id).containsExactly(b);
        assertThat(f.oms.fulfilments().workQueue(WH, WorkQueue.TO_PACK, null, 10)).extracting(Fulfilment::id).containsExactly(a);
        assertThat(f.oms.fulfilments().workQueue(STORE, WorkQueue.TO_ACCEPT, null, 10)).isEmpty();
        assertThatThrownBy(() -> f.oms.fulfilments().workQueue(WH, WorkQueue.TO_PICK, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
