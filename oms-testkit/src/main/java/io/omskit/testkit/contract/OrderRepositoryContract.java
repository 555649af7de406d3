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
import io.omskit.core.spi.OrderCursor;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    // ---- finding orders ----

    /**
     * A placed order (version 1) of {@code customer} in {@code channel}, placed at {@code placedAt}, with one line of
     * {@code sku}, collected at {@code pickupStore} (home delivery when null); its id is {@code id}.
     */
    protected static Order placedOrder(String id, Channel channel, String customer, Instant placedAt, String sku,
                                       LocationId pickupStore) {
        return Order.place(OrderId.of(id), placeRequest(id, channel, customer, sku, pickupStore), placedAt).state();
    }

    private static PlaceOrderRequest placeRequest(String id, Channel channel, String customer, String sku, LocationId pickupStore) {
        Money price = Money.of(CurrencyUnit.EUR, 10);
        DeliveryChoice delivery = pickupStore == null
                ? DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null)
                : DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, pickupStore, null);
        PlaceOrderRequest request = new PlaceOrderRequest(channel, ExternalOrderRef.of("ext-" + id), CustomerRef.of(customer),
                CurrencyUnit.EUR, delivery, List.of(new LineRequest(LineId.of("1"), Sku.of(sku), 1, price, List.of(), null)),
                List.of(), List.of(), "tok");
        return request;
    }

    private static List<String> ids(OrderPage page) {
        List<String> ids = new ArrayList<>();
        page.orders().forEach(o -> ids.add(o.id().value()));
        return ids;
    }

    private List<String> allPages(OrderQuery query) {
        List<String> ids = new ArrayList<>();
        OrderQuery next = query;
        for (int pages = 0; pages < 10_000; pages++) {
            OrderPage page = repository.search(next);
            ids.addAll(ids(page));
            if (!page.hasMore()) {
                return ids;
            }
            next = query.after(page.next());
        }
        throw new AssertionError("search kept paging");
    }

    /** Nine orders over three days: two customers, three channels, two SKUs, one pickup store, one confirmed. */
    private void saveNineOrders() {
        Instant day1 = Instant.parse("2026-05-01T09:00:00Z");
        Instant day2 = day1.plusSeconds(86_400);
        Instant day3 = day2.plusSeconds(86_400);
        LocationId store = LocationId.of("STORE-7");
        List<Order> orders = List.of(
                placedOrder("o1", Channel.WEB, "alice", day1, "SKU-A", null),
                placedOrder("o2", Channel.APP, "bob", day1.plusSeconds(60), "SKU-B", null),
                placedOrder("o3", Channel.WEB, "alice", day1.plusSeconds(120), "SKU-B", store),
                placedOrder("o4", Channel.STORE, "carol", day2, "SKU-A", store),
                placedOrder("o5", Channel.WEB, "alice", day2.plusSeconds(30), "SKU-A", null),
                placedOrder("o6", Channel.APP, "bob", day2.plusSeconds(30), "SKU-A", null),
                placedOrder("o7", Channel.WEB, "bob", day3, "SKU-B", null),
                placedOrder("o8", Channel.WEB, "alice", day3.plusSeconds(1), "SKU-A", store),
                placedOrder("o9", Channel.APP, "alice", day3.plusSeconds(2), "SKU-B", null));
        for (Order o : orders) {
            assertThat(repository.save(o)).isEqualTo(SaveOutcome.SAVED);
        }
        Order o5 = orders.get(4);
        Order paid = o5.recordPayment("authorise", PaymentOutcome.SUCCEEDED, o5.payment().authorisedFor(o5.total(), "a"),
                day2.plusSeconds(40)).state();
        assertThat(repository.save(paid)).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(paid.confirm(day2.plusSeconds(41)).state())).isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    @DisplayName("OrderRepository §8: each filter finds exactly the orders that match it, newest first")
    void filters_find_matching_orders() {
        saveNineOrders();
        Instant day2 = Instant.parse("2026-05-02T09:00:00Z");

        assertThat(ids(repository.search(OrderQuery.all()))).containsExactly("o9", "o8", "o7", "o6", "o5", "o4", "o3", "o2", "o1");
        assertThat(ids(repository.search(OrderQuery.all().customer(CustomerRef.of("alice")))))
                .containsExactly("o9", "o8", "o5", "o3", "o1");
        assertThat(ids(repository.search(OrderQuery.all().channel(Channel.APP)))).containsExactly("o9", "o6", "o2");
        assertThat(ids(repository.search(OrderQuery.all().sku(Sku.of("SKU-B"))))).containsExactly("o9", "o7", "o3", "o2");
        assertThat(ids(repository.search(OrderQuery.all().pickupStore(LocationId.of("STORE-7")))))
                .containsExactly("o8", "o4", "o3");
        assertThat(ids(repository.search(OrderQuery.all().externalRef(ExternalOrderRef.of("ext-o6"))))).containsExactly("o6");
        assertThat(ids(repository.search(OrderQuery.all().placedFrom(day2).placedBefore(day2.plusSeconds(86_400)))))
                .containsExactly("o6", "o5", "o4");
        assertThat(ids(repository.search(OrderQuery.all().status(OrderStatus.CONFIRMED)))).containsExactly("o5");
        assertThat(ids(repository.search(OrderQuery.all().statuses(Set.of(OrderStatus.CONFIRMED, OrderStatus.AWAITING_CONFIRMATION)))))
                .hasSize(9);
        assertThat(ids(repository.search(OrderQuery.all().customer(CustomerRef.of("alice")).sku(Sku.of("SKU-A"))
                .channel(Channel.WEB).placedFrom(day2)))).containsExactly("o8", "o5");
        assertThat(ids(repository.search(OrderQuery.all().customer(CustomerRef.of("nobody"))))).isEmpty();
    }

    @Test
    @DisplayName("OrderRepository §9: pages follow each other by cursor, newest or oldest first, ties in time broken by id")
    void pages_by_cursor() {
        saveNineOrders();

        OrderPage first = repository.search(OrderQuery.all().limit(4));
        assertThat(ids(first)).containsExactly("o9", "o8", "o7", "o6");
        assertThat(first.hasMore()).isTrue();
        OrderCursor cursor = OrderCursor.parse(first.next().token());
        OrderPage second = repository.search(OrderQuery.all().limit(4).after(cursor));
        assertThat(ids(second)).containsExactly("o5", "o4", "o3", "o2");
        OrderPage last = repository.search(OrderQuery.all().limit(4).after(second.next()));
        assertThat(ids(last)).containsExactly("o1");
        assertThat(last.hasMore()).isFalse();

        assertThat(allPages(OrderQuery.all().oldestFirst().limit(2)))
                .containsExactly("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9");
        assertThat(allPages(OrderQuery.all().customer(CustomerRef.of("alice")).oldestFirst().limit(1)))
                .containsExactly("o1", "o3", "o5", "o8", "o9");
        assertThat(allPages(OrderQuery.all().sku(Sku.of("SKU-A")).limit(2))).containsExactly("o8", "o6", "o5", "o4", "o1");
    }

    @Test
    @DisplayName("OrderRepository §10: a status filter follows the status of the version saved last")
    void status_filter_follows_saves() {
        Order v1 = placedOrder("s1", Channel.WEB, "dora", T0, "SKU-A", null);
        repository.save(v1);
        assertThat(ids(repository.search(OrderQuery.all().status(OrderStatus.AWAITING_CONFIRMATION)))).containsExactly("s1");

        Order held = v1.hold(io.omskit.core.order.HoldReason.FRAUD_REVIEW, "check", T0.plusSeconds(1)).state();
        repository.save(held);

        assertThat(ids(repository.search(OrderQuery.all().status(OrderStatus.AWAITING_CONFIRMATION)))).isEmpty();
        assertThat(repository.search(OrderQuery.all().status(OrderStatus.ON_HOLD)).orders()).containsExactly(held);
    }

    @Test
    @DisplayName("OrderRepository §11: while orders are placed and changed concurrently, paging returns every order that"
            + " matched before it started exactly once (real threads)")
    void paging_is_stable_while_orders_arrive() throws Exception {
        Random random = new Random(19);
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        List<Order> before = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // a few share a placement time, so ids break ties
            Instant at = base.plusMillis(random.nextInt(60) * 1000L);
            Channel channel = random.nextBoolean() ? Channel.WEB : Channel.APP;
            Order o = placedOrder(String.format("b%03d", i), channel, "c" + random.nextInt(3), at, "SKU-" + random.nextInt(3), null);
            assertThat(repository.save(o)).isEqualTo(SaveOutcome.SAVED);
            before.add(o);
        }
        for (boolean newestFirst : new boolean[] {true, false}) {
            for (int round = 0; round < 3; round++) {
                OrderQuery query = OrderQuery.all().channel(Channel.WEB).limit(1 + random.nextInt(9));
                query = newestFirst ? query : query.oldestFirst();
                Set<String> expected = new HashSet<>();
                before.stream().filter(o -> o.channel() == Channel.WEB).forEach(o -> expected.add(o.id().value()));
                AtomicBoolean reading = new AtomicBoolean(true);
                AtomicInteger placed = new AtomicInteger();
                int writers = 3;
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                String prefix = "n" + newestFirst + round + "-";
                try {
                    CountDownLatch started = new CountDownLatch(writers);
                    List<Future<?>> work = new ArrayList<>();
                    for (int w = 0; w < writers; w++) {
                        int writer = w;
                        work.add(pool.submit(() -> {
                            started.countDown();
                            int n = 0;
                            while (reading.get()) {
                                // new orders at every time, before and after the cursor, and changes of existing ones
                                Instant at = base.plusMillis((long) (Math.random() * 120_000));
                                repository.save(placedOrder(prefix + writer + "-" + n++, Channel.WEB, "c9", at, "SKU-0", null));
                                Order existing = repository.find(before.get((int) (Math.random() * before.size())).id()).orElseThrow();
                                repository.save(existing.recordPayment("note", PaymentOutcome.UNKNOWN, existing.payment(), at).state());
                                placed.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    started.await();
                    List<String> read = new ArrayList<>();
                    OrderQuery next = query;
                    while (true) {
                        OrderPage page = repository.search(next);
                        read.addAll(ids(page));
                        if (!page.hasMore()) {
                            break;
                        }
                        next = query.after(page.next());
                    }
                    reading.set(false);
                    for (Future<?> f : work) {
                        f.get(60, TimeUnit.SECONDS);
                    }
                    List<String> old = new ArrayList<>(read);
                    old.retainAll(expected);
                    assertThat(old).as("orders that existed before paging, each once").hasSize(expected.size())
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(new HashSet<>(read)).as("no order twice").hasSize(read.size());
                    Comparator<Order> order = (a, b) -> OrderCursor.compare(a.placedAt(), a.id(), b.placedAt(), b.id());
                    List<String> sorted = before.stream().filter(o -> expected.contains(o.id().value()))
                            .sorted(newestFirst ? order.reversed() : order).map(o -> o.id().value()).toList();
                    assertThat(old).as("in the query's order").containsExactlyElementsOf(sorted);
                } finally {
                    reading.set(false);
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    @DisplayName("OrderRepository §12: the events saved with each change are the order's history, oldest first")
    void keeps_history() {
        var placement = Order.place(OrderId.of("h1"), placeRequest("h1", Channel.WEB, "erin", "SKU-A", null), T0);
        Order v1 = placement.state();
        assertThat(repository.save(placement.state(), placement.events())).isEqualTo(SaveOutcome.SAVED);
        var held = placement.state().hold(io.omskit.core.order.HoldReason.FRAUD_REVIEW, "check", T0.plusSeconds(1));
        assertThat(repository.save(held.state(), held.events())).isEqualTo(SaveOutcome.SAVED);
        var stale = placement.state().reserveAll(T0.plusSeconds(2));
        assertThat(repository.save(stale.state(), stale.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);

        List<OrderEvent> expected = new ArrayList<>(placement.events());
        expected.addAll(held.events());
        assertThat(repository.history(v1.id())).containsExactlyElementsOf(expected);
        assertThat(repository.history(OrderId.of("no-such-order"))).isEmpty();
    }

    @Test
    @DisplayName("OrderRepository §12: an order changed many times keeps every saved change's events, oldest first, "
            + "and none of a refused change")
    void keeps_a_long_history() {
        var placement = Order.place(OrderId.of("h2"), placeRequest("h2", Channel.WEB, "erin", "SKU-A", null), T0);
        assertThat(repository.save(placement.state(), placement.events())).isEqualTo(SaveOutcome.SAVED);
        List<OrderEvent> expected = new ArrayList<>(placement.events());
        Order current = placement.state();
        for (int i = 1; i <= 40; i++) {
            Instant at = T0.plusSeconds(i);
            var next = current.hold() == null ? current.hold(io.omskit.core.order.HoldReason.FRAUD_REVIEW, "check " + i, at)
                    : current.releaseHold(at);
            if (i % 7 == 0) {
                var noted = current.addNote(io.omskit.core.order.Actor.SYSTEM, "note " + i, at);
                assertThat(repository.save(noted.state(), noted.events())).isEqualTo(SaveOutcome.SAVED);
                expected.addAll(noted.events());
                assertThat(repository.save(next.state(), next.events())).as("change %d on the version before", i)
                        .isEqualTo(SaveOutcome.VERSION_CONFLICT);
                current = noted.state();
                continue;
            }
            assertThat(repository.save(next.state(), next.events())).isEqualTo(SaveOutcome.SAVED);
            expected.addAll(next.events());
            current = next.state();
            assertThat(repository.history(current.id())).as("after change %d", i).containsExactlyElementsOf(expected);
        }
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(repository.history(current.id())).containsExactlyElementsOf(expected);
        assertThat(repository.find(current.id())).contains(current);
    }
}
