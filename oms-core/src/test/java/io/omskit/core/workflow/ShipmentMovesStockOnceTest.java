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
import io.omskit.core.spi.InventoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A parcel's stock leaves the warehouse once: the hand-over makes its movements, and the payment's settlement that
 * follows in the same step finds them made by this process for the order as it reads it, so it does not ask the
 * inventory to replay them. Stock and money end as they must.
 */
class ShipmentMovesStockOnceTest {

    private final OmsFixture fixture = new OmsFixture();
    private final AtomicInteger shipCalls = new AtomicInteger();
    private final InventoryStore counted = (InventoryStore) Proxy.newProxyInstance(InventoryStore.class.getClassLoader(),
            new Class<?>[] {InventoryStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("ship")) {
                    shipCalls.incrementAndGet();
                }
                try {
                    return method.invoke(fixture.inventory, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final Oms oms = Oms.builder().inMemory().clock(fixture.clock).network(fixture.network).catalog(fixture.catalog)
            .orders(fixture.orders).inventory(counted).fulfilments(fixture.fulfilments).payments(fixture.payments)
            .events(fixture.events).build();

    @Test
    void shipping_a_parcel_of_two_skus_moves_each_out_of_stock_with_one_call() {
        for (var sku : List.of(OmsFixture.MUG, OmsFixture.PLATE)) {
            fixture.inventory.adjust(StockAdjustment.of("receipt-" + sku, sku, OmsFixture.WH, MovementReason.RECEIPT, 10, "po-1"));
        }
        Order order = oms.placeOrder(fixture.webOrder("W-1").line("1", "MUG", 2, eur(10)).line("2", "PLATE", 1, eur(15))
                .build()).order();
        oms.allocate(order.id(), "W-1-WH", OmsFixture.WH, List.of(LineQuantity.of(LineId.of("1"), 2),
                LineQuantity.of(LineId.of("2"), 1)));
        FulfilmentId parcel = FulfilmentId.of("W-1-WH");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);

        oms.fulfilments().ship(parcel, ShipmentDetails.of("P-1", "DHL", ""));

        assertThat(shipCalls).as("ship calls to the inventory").hasValue(2);
        assertThat(fixture.inventory.position(OmsFixture.MUG, OmsFixture.WH).onHand()).isEqualTo(8);
        assertThat(fixture.inventory.position(OmsFixture.PLATE, OmsFixture.WH).onHand()).isEqualTo(9);
        assertThat(fixture.inventory.position(OmsFixture.MUG, OmsFixture.WH).allocated()).isZero();
        assertThat(oms.order(order.id()).orElseThrow().shipping()).as("shipments in progress").isEmpty();

        assertThat(oms.fulfilments().deliver(parcel, "POD-1").status()).isEqualTo(FulfilmentStatus.DELIVERED);

        assertThat(shipCalls).as("ship calls after delivery").hasValue(2);
        Order delivered = oms.order(order.id()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(fixture.payments.captured(order.id())).isEqualTo(delivered.total());
    }
}
