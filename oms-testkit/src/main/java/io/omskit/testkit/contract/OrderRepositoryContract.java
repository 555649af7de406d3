package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OrderRepository}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyRepositoryContractTest extends OrderRepositoryContract {
 *     protected OrderRepository newRepository() { return new MyRepository(dataSource); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks.
 */
public abstract class OrderRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static int counter;

    /** A new, empty repository; called before each test. */
    protected abstract OrderRepository newRepository();

    /** Releases what {@link #newRepository()} acquired; the default does nothing. */
    protected void close(OrderRepository repository) {
    }

    protected OrderRepository repository;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @AfterEach
    void closeRepository() {
        close(repository);
    }

    /** A freshly placed order (version 1) with a unique id and external reference. */
    protected static synchronized Order newOrder(Channel channel) {
        counter++;
        String ref = "ext-" + System.nanoTime() + "-" + counter;
        Money price = Money.of(CurrencyUnit.EUR, 19.99);
        PlaceOrderRequest request = new PlaceOrderRequest(channel, ExternalOrderRef.of(ref), CustomerRef.of("customer-" + counter),
                CurrencyUnit.EUR,
                DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null),
                List.of(new LineRequest(LineId.of("1"), Sku.of("SKU-1"), 2, price, List.of(), null),
                        new LineRequest(LineId.of("2"), Sku.of("SKU-2"), 1, price, List.of(), null)),
                List.of(), List.of(), "tok-" + counter);
        return Order.place(OrderId.of("order-" + ref), request, T0).state();
    }

    @Test
    @DisplayName("OrderRepository §1: a new order (version 1) is stored and found by id and by channel + external reference")
    void stores_new_order() {
        Order order = newOrder(Channel.WEB);

        assertThat(repository.save(order)).isEqualTo(SaveOutcome.SAVED);

        assertThat(repository.find(order.id())).contains(order);
        assertThat(repository.findByExternalRef(Channel.WEB, order.externalRef())).contains(order);
        assertThat(repository.findByExternalRef(Channel.APP, order.externalRef())).isEmpty();
        assertThat(repository.find(OrderId.of("no-such-order"))).isEmpty();
    }

    @Test
    @DisplayName("OrderRepository §2: a second new order with the same channel and external reference is refused and nothing is written")
    void refuses_duplicate_external_reference() {
        Order first = newOrder(Channel.MARKETPLACE);
        Order second = new Order(OrderId.of(first.id().value() + "-dup"), 1, first.channel(), first.externalRef(), first.customer(),
                first.currency(), first.delivery(), first.lines(), first.discounts(), first.charges(), first.paymentRef(),
                first.payment(), first.hold(), first.placedAt(), first.confirmedAt(), first.allocations(), List.of(), List.of(), List.of());
        repository.save(first);

        assertThat(repository.save(second)).isEqualTo(SaveOutcome.DUPLICATE_EXTERNAL_REF);

        assertThat(repository.find(second.id())).isEmpty();
        assertThat(repository.findByExternalRef(first.channel(), first.externalRef())).contains(first);
    }

    @Test
    @DisplayName("OrderRepository §3: saving version n+1 replaces version n, and every field survives the round trip")
    void saves_next_version() {
        Order v1 = newOrder(Channel.WEB);
        repository.save(v1);
        Order v2 = v1.reserveAll(T0.plusSeconds(1)).state();
        Order v3 = v2.recordPayment("authorise", PaymentOutcome.SUCCEEDED,
                v2.payment().authorisedFor(v2.total(), "auth-1"), T0.plusSeconds(2)).state();
        Order v4 = v3.confirm(T0.plusSeconds(3)).state();
        Order v5 = v4.allocate(LocationId.of("WH-1"), "alloc-1", List.of(LineQuantity.of(LineId.of("1"), 2)), T0.plusSeconds(4))
                .state();

        assertThat(repository.save(v2)).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(v3)).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(v4)).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(v5)).isEqualTo(SaveOutcome.SAVED);

        assertThat(repository.find(v1.id())).contains(v5);
        assertThat(repository.find(v1.id()).orElseThrow().allocations()).isEqualTo(v5.allocations());
        assertThat(repository.findByExternalRef(Channel.WEB, v1.externalRef())).contains(v5);
    }

    @Test
    @DisplayName("OrderRepository §4: saving against a stale version is a conflict and leaves the stored order unchanged")
    void refuses_stale_version() {
        Order v1 = newOrder(Channel.APP);
        repository.save(v1);
        Order v2a = v1.reserveAll(T0.plusSeconds(1)).state();
        Order v2b = v1.hold(io.omskit.core.order.HoldReason.FRAUD_REVIEW, "check", T0.plusSeconds(1)).state();
        repository.save(v2a);

        assertThat(repository.save(v2b)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.save(v1)).isNotEqualTo(SaveOutcome.SAVED);
        Order skipping = v2a.releaseAllReservations(T0.plusSeconds(2)).state().reserveAll(T0.plusSeconds(3)).state();
        assertThat(repository.save(skipping)).isEqualTo(SaveOutcome.VERSION_CONFLICT);

        assertThat(repository.find(v1.id())).contains(v2a);
    }

    @Test
    @DisplayName("OrderRepository §5: an update of an order never stored is a conflict, not an insert")
    void refuses_update_of_unknown_order() {
        Order v2 = newOrder(Channel.WEB).reserveAll(T0).state();

        assertThat(repository.save(v2)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.find(v2.id())).isEmpty();
    }

    @Test
    @DisplayName("OrderRepository §6: of concurrent writers of the same version exactly one wins (real threads)")
    void one_writer_wins_per_version() throws Exception {
        Order v1 = newOrder(Channel.WEB);
        repository.save(v1);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                Order base = repository.find(v1.id()).orElseThrow();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SaveOutcome>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Order candidate = t % 2 == 0
                            ? base.hold(io.omskit.core.order.HoldReason.OTHER, "writer " + t, T0).state()
                            : base.recordPayment("note", PaymentOutcome.UNKNOWN, base.payment(), T0).state();
                    Callable<SaveOutcome> task = () -> {
                        start.await();
                        return repository.save(candidate);
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int saved = 0;
                for (Future<SaveOutcome> f : results) {
                    SaveOutcome outcome = f.get(30, TimeUnit.SECONDS);
                    assertThat(outcome).isIn(SaveOutcome.SAVED, SaveOutcome.VERSION_CONFLICT);
                    saved += outcome == SaveOutcome.SAVED ? 1 : 0;
                }
                assertThat(saved).as("writers that won round %d", round).isEqualTo(1);
                Order stored = repository.find(v1.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(base.version() + 1);
                if (stored.isOnHold()) {
                    Order released = stored.releaseHold(T0).state();
                    assertThat(repository.save(released)).isEqualTo(SaveOutcome.SAVED);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("OrderRepository §7: orders awaiting confirmation are listed for reconciliation, up to the limit, confirmed ones are not")
    void lists_orders_awaiting_confirmation() {
        Order pending1 = newOrder(Channel.WEB);
        Order pending2 = newOrder(Channel.APP);
        repository.save(pending1);
        repository.save(pending2);
        Order c1 = newOrder(Channel.STORE);
        repository.save(c1);
        Order c2 = c1.recordPayment("authorise", PaymentOutcome.SUCCEEDED, c1.payment().authorisedFor(c1.total(), "a"), T0)
                .state();
        repository.save(c2);
        repository.save(c2.confirm(T0).state());

        List<OrderId> all = repository.findAwaitingConfirmation(100);
        assertThat(all).contains(pending1.id(), pending2.id()).doesNotContain(c1.id());
        assertThat(repository.findAwaitingConfirmation(1)).hasSize(1);
    }
}
