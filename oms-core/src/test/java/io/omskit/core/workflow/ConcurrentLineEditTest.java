package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.WH;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.RepeatedTest;

/**
 * An agent's edit racing, on real threads, the warehouse starting to pick the same order, or the customer cancelling
 * it: whichever comes first, the other sees it, and order, fulfilment, stock and payment tell one consistent story.
 */
class ConcurrentLineEditTest {

    private static final LineId L1 = LineId.of("1");
    private final Actor agent = Actor.agent("agent-7");

    private static <T> Future<T> whenReleased(ExecutorService pool, CountDownLatch start, Callable<T> work) {
        return pool.submit(() -> {
            start.await();
            return work.call();
        });
    }

    @RepeatedTest(15)
    void an_edit_lowering_a_line_racing_the_start_of_picking_either_cancels_before_picking_or_is_refused() throws Exception {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 10);
        Order order = f.oms.placeOrder(f.webOrder("r-1").line("1", "MUG", 3, Money.of(CurrencyUnit.EUR, 10)).build()).order();
        f.oms.allocate(order.id(), "r-1-WH", WH, List.of(LineQuantity.of(L1, 3)));
        FulfilmentId fid = FulfilmentId.of("r-1-WH");
        f.oms.fulfilments().accept(fid);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Acted<Order>> edit = whenReleased(pool, start, () ->
                    f.oms.customerService().editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 1)), "fewer"));
            Future<Fulfilment> pick = whenReleased(pool, start, () -> f.oms.fulfilments().startPicking(fid));
            start.countDown();
            Acted<Order> acted = edit.get(10, TimeUnit.SECONDS);
            Fulfilment picking = pick.get(10, TimeUnit.SECONDS);

            Order after = f.oms.order(order.id()).orElseThrow();
            assertThat(picking.status()).isEqualTo(FulfilmentStatus.PICKING);
            int keeps = acted.refused() ? 3 : 1;
            if (acted.refused()) {
                assertThat(acted.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
            }
            assertThat(after.line(L1).orElseThrow().units().allocated()).isEqualTo(keeps);
            assertThat(f.oms.fulfilments().get(fid).lines().get(0).quantity()).as("the fulfilment holds what the order allocated")
                    .isEqualTo(keeps);
            assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(keeps);
            assertThat(f.inventory.networkReserved(MUG)).isZero();
            assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(Money.of(CurrencyUnit.EUR, 10L * keeps));
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(15)
    void an_edit_raising_a_line_racing_a_cancellation_leaves_the_order_cancelled_with_nothing_held_or_authorised() throws Exception {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 10);
        Order order = f.oms.placeOrder(f.webOrder("r-2").line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 10)).build()).order();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Acted<Order>> edit = whenReleased(pool, start, () ->
                    f.oms.customerService().editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 5)), "more"));
            Future<Order> cancel = whenReleased(pool, start, () -> f.oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST));
            start.countDown();
            Acted<Order> acted = edit.get(10, TimeUnit.SECONDS);
            cancel.get(10, TimeUnit.SECONDS);

            Order after = f.oms.order(order.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
            if (acted.refused()) {
                assertThat(acted.verdict().rule()).isEqualTo(CustomerService.EDIT_OPEN_ORDER);
                assertThat(after.line(L1).orElseThrow().quantity()).isEqualTo(2);
            } else {
                assertThat(after.line(L1).orElseThrow().units().cancelled()).as("the edit's units cancelled too").isEqualTo(5);
            }
            assertThat(f.inventory.networkReserved(MUG)).isZero();
            assertThat(f.payments.openAuthorisation(order.id())).as("every authorisation voided").isEqualTo(Money.zero(CurrencyUnit.EUR));
        } finally {
            pool.shutdownNow();
        }
    }
}
