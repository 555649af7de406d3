package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.OrderRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each step of an order's journey reads its order and its fulfilment by id at most once: a placed order is not read
 * back, a new fulfilment is not looked for before it is offered, a step with no effect on the order (acceptance,
 * picking) does not read it, and a shipment's hand-over works on what its step read. Stock and money end as they must.
 */
class RepositoryReadsPerStepTest {

    private final OmsFixture fixture = new OmsFixture();
    private final AtomicInteger orderReads = new AtomicInteger();
    private final AtomicInteger fulfilmentReads = new AtomicInteger();
    private final Oms oms = Oms.builder().inMemory().clock(fixture.clock).network(fixture.network).catalog(fixture.catalog)
            .orders(counting(OrderRepository.class, fixture.orders, orderReads))
            .fulfilments(counting(FulfilmentRepository.class, fixture.fulfilments, fulfilmentReads))
            .inventory(fixture.inventory).payments(fixture.payments).events(fixture.events).build();

    @Test
    void each_step_reads_its_order_and_its_fulfilment_at_most_once() {
        fixture.inventory.adjust(StockAdjustment.of("receipt", OmsFixture.MUG, OmsFixture.WH, MovementReason.RECEIPT, 10, "po-1"));

        Order order = oms.placeOrder(fixture.webOrder("W-1").line("1", "MUG", 2, eur(10)).build()).order();
        assertThat(reads()).as("placement: order, fulfilment").isEqualTo("0 0");

        oms.allocate(order.id(), "W-1-WH", OmsFixture.WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        assertThat(reads()).as("allocation").isEqualTo("1 0");

        FulfilmentId parcel = FulfilmentId.of("W-1-WH");
        oms.fulfilments().accept(parcel);
        assertThat(reads()).as("acceptance").isEqualTo("0 1");
        oms.fulfilments().startPicking(parcel);
        assertThat(reads()).as("picking").isEqualTo("0 1");
        oms.fulfilments().pack(parcel);
        assertThat(reads()).as("packing").isEqualTo("1 1");
        oms.fulfilments().ship(parcel, ShipmentDetails.of("P-1", "DHL", ""));
        assertThat(reads()).as("shipment").isEqualTo("1 1");
        assertThat(oms.fulfilments().deliver(parcel, "POD-1").status()).isEqualTo(FulfilmentStatus.DELIVERED);
        assertThat(reads()).as("delivery").isEqualTo("1 1");

        Order delivered = fixture.orders.find(order.id()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(fixture.payments.captured(order.id())).isEqualTo(delivered.total());
        assertThat(fixture.inventory.position(OmsFixture.MUG, OmsFixture.WH).onHand()).isEqualTo(8);
        assertThat(fixture.inventory.position(OmsFixture.MUG, OmsFixture.WH).allocated()).isZero();
    }

    /** The reads by id of orders and of fulfilments since the last call. */
    private String reads() {
        return orderReads.getAndSet(0) + " " + fulfilmentReads.getAndSet(0);
    }

    private static <T> T counting(Class<T> type, T delegate, AtomicInteger finds) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("find")) {
                finds.incrementAndGet();
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
