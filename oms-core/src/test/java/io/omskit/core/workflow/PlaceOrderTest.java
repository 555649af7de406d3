package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.PlacementResult;
import io.omskit.core.PlacementResult.Outcome;
import io.omskit.core.common.ValidationException;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(PLATE, STORE, 5);

    @Test
    void confirms_an_order_after_reserving_stock_and_authorising_payment() {
        PlacementResult result = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).line("2", "PLATE", 1, eur(12)).build());

        assertThat(result.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(result.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(result.order().units(UnitState.RESERVED)).isEqualTo(3);
        assertThat(result.order().payment().status()).isEqualTo(PaymentStatus.AUTHORISED);
        assertThat(f.payments.openAuthorisation(result.order().id())).isEqualTo(eur(28));
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(2);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(8);
        assertThat(f.events.events(OrderEvent.OrderConfirmed.class)).hasSize(1);
    }

    @Test
    void placing_the_same_channel_and_reference_again_returns_the_first_order() {
        PlaceOrderRequest request = f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build();
        PlacementResult first = f.oms.placeOrder(request);

        PlacementResult again = f.oms.placeOrder(request);

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(f.orders.all()).hasSize(1);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(2);
        assertThat(f.payments.calls()).hasSize(1);
    }

    @Test
    void a_reference_reused_for_other_lines_is_refused() {
        f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build());

        assertThatThrownBy(() -> f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("externalRef W-1 of channel WEB was already used");
    }

    @Test
    void concurrent_duplicate_placements_create_one_order_and_one_reservation() throws Exception {
        PlaceOrderRequest request = f.webOrder("W-RACE").line("1", "MUG", 1, eur(8)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PlacementResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<PlacementResult> task = () -> {
                start.await();
                return f.oms.placeOrder(request);
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        for (Future<PlacementResult> r : results) {
            assertThat(r.get(30, TimeUnit.SECONDS).order().externalRef().value()).isEqualTo("W-RACE");
        }
        pool.shutdown();

        assertThat(f.orders.all()).hasSize(1);
        assertThat(f.orders.all().get(0).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(1);
        assertThat(f.payments.openAuthorisation(f.orders.all().get(0).id())).isEqualTo(eur(8));
    }

    @Test
    void cancels_the_order_and_holds_nothing_when_stock_is_short() {
        PlacementResult result = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 11, eur(8)).line("2", "PLATE", 1, eur(12)).build());

        assertThat(result.outcome()).isEqualTo(Outcome.OUT_OF_STOCK);
        assertThat(result.shortages()).singleElement().satisfies(s -> {
            assertThat(s.sku()).isEqualTo(MUG);
            assertThat(s.requested()).isEqualTo(11);
            assertThat(s.available()).isEqualTo(10);
        });
        assertThat(result.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.inventory.networkReserved(MUG)).isZero();
        assertThat(f.inventory.networkReserved(PLATE)).isZero();
        assertThat(f.payments.calls()).isEmpty();
    }

    @Test
    void rejects_an_invalid_request_and_stores_nothing() {
        assertThatThrownBy(() -> f.oms.placeOrder(f.webOrder("W-1").line("1", "UNKNOWN", 1, eur(8)).line("2", "MUG", -1, eur(1)).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("lines[0].sku = UNKNOWN: must be a SKU known to the catalog")
                .hasMessageContaining("lines[1].quantity = -1: must be at least 1");
        assertThat(f.orders.all()).isEmpty();
        assertThat(f.inventory.networkReserved(MUG)).isZero();
    }

    @Test
    void a_bundle_reserves_its_components_and_two_lines_on_one_sku_add_up() {
        f.stock(PLATE, WH, 1);

        PlacementResult result = f.oms.placeOrder(f.webOrder("W-1")
                .line("1", "BREAKFAST-SET", 2, eur(30))
                .line("2", "MUG", 6, eur(8)).build());

        assertThat(result.isConfirmed()).isTrue();
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(10);
        assertThat(f.inventory.networkReserved(PLATE)).isEqualTo(2);

        PlacementResult tooMany = f.oms.placeOrder(f.webOrder("W-2").line("1", "MUG", 1, eur(8)).build());
        assertThat(tooMany.outcome()).isEqualTo(Outcome.OUT_OF_STOCK);
    }

    @Test
    void marketplace_orders_need_a_seller_per_line() {
        PlaceOrderRequest noSeller = f.webOrder("M-1").channel(io.omskit.core.channel.Channel.MARKETPLACE)
                .line("1", "MUG", 1, eur(8)).build();
        PlaceOrderRequest withSeller = f.webOrder("M-2").channel(io.omskit.core.channel.Channel.MARKETPLACE)
                .line(LineRequest.of("1", "MUG", 1, eur(8)).soldBy("seller-7")).paymentRef(null).build();

        assertThatThrownBy(() -> f.oms.placeOrder(noSeller)).hasMessageContaining("lines[0].seller");
        PlacementResult placed = f.oms.placeOrder(withSeller);
        assertThat(placed.isConfirmed()).isTrue();
        assertThat(placed.order().lines().get(0).seller().value()).isEqualTo("seller-7");
        assertThat(f.payments.calls()).as("the marketplace collected payment itself").isEmpty();
    }
}
