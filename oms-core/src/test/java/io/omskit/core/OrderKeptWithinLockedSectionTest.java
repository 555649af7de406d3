package io.omskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Change;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.order.Address;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.event.DomainEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Within one locked section of an order, a thread reads the order from the repository once and then works on what it
 * saved; another node (here: a second writer on the same repository) may change the order meanwhile, and the section
 * still sees that change before it acts on it.
 */
class OrderKeptWithinLockedSectionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final OrderId ID = OrderId.of("o-1");
    private static final CommandKey MINE = CommandKey.of(OrderCommand.HOLD, "mine");
    private static final CommandKey OTHER_NODES = CommandKey.of(OrderCommand.HOLD, "other-node");

    private final CountingRepository orders = new CountingRepository();
    private final OrderBook book = new OrderBook(orders, EventPublisher.none(), new StockKeeper(
            InMemoryInventoryStore.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build(), new InMemoryCatalog(),
            Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO));

    OrderKeptWithinLockedSectionTest() {
        Order placed = Order.place(ID, request(), T0).state();
        assertThat(orders.save(placed)).isEqualTo(SaveOutcome.SAVED);
    }

    @Test
    void reads_the_order_once_per_section_and_then_works_on_what_it_saved() {
        Order after = book.locked(ID, () -> {
            book.current(ID);
            book.update(ID, o -> keyed(o, MINE));
            book.current(ID);
            book.update(ID, o -> keyed(o, OTHER_NODES));
            return book.current(ID);
        });

        assertThat(orders.finds.get()).as("repository reads in the section").isEqualTo(1);
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.applied(MINE)).isTrue();
        assertThat(after.applied(OTHER_NODES)).isTrue();
        assertThat(orders.find(ID).orElseThrow().version()).as("stored").isEqualTo(3);
    }

    @Test
    void a_nested_section_starts_from_the_stored_order() {
        book.locked(ID, () -> {
            book.current(ID);
            otherNodeSaves();
            Order nested = book.locked(ID, () -> book.current(ID));
            assertThat(nested.applied(OTHER_NODES)).as("the nested section sees the other node's change").isTrue();
            return nested;
        });
    }

    @Test
    void a_section_keeping_its_read_works_within_the_enclosing_section() {
        book.locked(ID, () -> {
            book.update(ID, o -> keyed(o, MINE));
            Order within = book.lockedKeepingRead(ID, () -> book.current(ID));
            assertThat(within.applied(MINE)).as("what the enclosing section saved").isTrue();
            return within;
        });
        assertThat(orders.finds.get()).as("repository reads in both sections").isEqualTo(1);
    }

    @Test
    void a_section_keeping_its_read_outside_any_section_reads_the_stored_order() {
        otherNodeSaves();
        Order read = book.lockedKeepingRead(ID, () -> book.current(ID));
        assertThat(read.applied(OTHER_NODES)).isTrue();
        assertThat(orders.finds.get()).isEqualTo(1);
    }

    @Test
    void a_section_kept_within_another_still_applies_its_change_to_what_another_node_saved() {
        Order after = book.locked(ID, () -> {
            book.current(ID);
            otherNodeSaves();
            return book.lockedKeepingRead(ID, () -> book.update(ID, o -> keyed(o, MINE)).after());
        });
        assertThat(after.applied(MINE)).isTrue();
        assertThat(after.applied(OTHER_NODES)).as("the other node's change is kept").isTrue();
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void an_order_just_added_is_not_read_back_in_its_first_section() {
        OrderBook fresh = new OrderBook(orders, EventPublisher.none(), new StockKeeper(
                InMemoryInventoryStore.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build(), new InMemoryCatalog(),
                Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO));
        OrderId second = OrderId.of("o-2");
        Change<Order, OrderEvent> placed = Order.place(second, PlaceOrderRequest.builder().channel(Channel.WEB)
                .externalRef("W-2").customer("c-1").currency("EUR").delivery(request().delivery())
                .line("1", "SKU-A", 1, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok-1").build(), T0);
        assertThat(fresh.add(placed)).isEqualTo(SaveOutcome.SAVED);
        int before = orders.finds.get();

        Order after = fresh.locked(second, () -> {
            fresh.added(placed);
            assertThat(fresh.current(second).version()).isEqualTo(1);
            return fresh.update(second, o -> keyed(o, MINE)).after();
        });

        assertThat(orders.finds.get() - before).as("repository reads").isZero();
        assertThat(after.version()).isEqualTo(2);
        assertThat(orders.find(second).orElseThrow().applied(MINE)).isTrue();
    }

    @Test
    void a_change_saved_over_another_nodes_change_conflicts_and_is_applied_again_to_the_stored_order() {
        Order after = book.locked(ID, () -> {
            book.current(ID);
            otherNodeSaves();
            return book.update(ID, o -> keyed(o, MINE)).after();
        });

        assertThat(after.version()).isEqualTo(3);
        assertThat(after.applied(MINE)).isTrue();
        assertThat(after.applied(OTHER_NODES)).as("the other node's change is kept").isTrue();
    }

    @Test
    void a_command_that_changes_nothing_on_the_kept_order_is_asked_again_of_the_stored_one() {
        Order after = book.locked(ID, () -> {
            book.current(ID);
            otherNodeSaves();
            // on the kept order the other node's key is missing: nothing to do there, but the stored order has it
            return book.update(ID, o -> o.applied(OTHER_NODES) ? keyed(o, MINE)
                    : Change.unchanged(o)).after();
        });

        assertThat(after.applied(MINE)).isTrue();
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void a_command_refused_on_the_kept_order_is_asked_again_of_the_stored_one() {
        Order after = book.locked(ID, () -> {
            book.current(ID);
            otherNodeSaves();
            return book.update(ID, o -> {
                if (!o.applied(OTHER_NODES)) {
                    throw new IllegalStateException("order " + o.id() + " has not been held by the other node");
                }
                return keyed(o, MINE);
            }).after();
        });

        assertThat(after.applied(MINE)).isTrue();
    }

    @Test
    void a_command_refused_on_the_stored_order_is_refused() {
        assertThatThrownBy(() -> book.locked(ID, () -> {
            book.current(ID);
            return book.update(ID, o -> {
                throw new IllegalStateException("refused at version " + o.version());
            });
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused at version 1");
        assertThat(orders.finds.get()).as("the kept order, then the stored one").isEqualTo(2);
    }

    @Test
    void a_save_in_doubt_forgets_the_kept_order() {
        book.locked(ID, () -> {
            book.current(ID);
            orders.failNextSave = true;
            assertThatThrownBy(() -> book.update(ID, o -> keyed(o, MINE)))
                    .isInstanceOf(IllegalStateException.class);
            Order again = book.current(ID);
            assertThat(again.applied(MINE)).as("saved before the failure").isTrue();
            return again;
        });
        assertThat(orders.finds.get()).isEqualTo(2);
    }

    @Test
    void outside_a_section_every_read_asks_the_repository() {
        book.current(ID);
        book.current(ID);
        assertThat(orders.finds.get()).isEqualTo(2);
    }

    /** A command that raises an event (the payment noted again, unchanged) and marks {@code key} applied. */
    private static Change<Order, OrderEvent> keyed(Order o, CommandKey key) {
        return OrderBook.withKey(o.recordPayment("noted by " + key.key(), PaymentOutcome.SUCCEEDED, o.payment(), T0), key);
    }

    /** Another node saves the next version of the order, held with its own key, straight to the repository. */
    private void otherNodeSaves() {
        Order stored = orders.find(ID).orElseThrow();
        orders.finds.decrementAndGet();
        Order next = new Order(stored.id(), stored.version() + 1, stored.channel(), stored.externalRef(), stored.customer(),
                stored.currency(), stored.delivery(), stored.lines(), stored.discounts(), stored.charges(), stored.paymentRef(),
                stored.payment(), stored.hold(), stored.placedAt(), stored.confirmedAt(), stored.allocations(),
                stored.withCommandKey(OTHER_NODES).commandKeys(), List.of(), stored.shipping(), stored.notes());
        assertThat(orders.save(next)).isEqualTo(SaveOutcome.SAVED);
    }

    private static PlaceOrderRequest request() {
        Money ten = Money.of(CurrencyUnit.EUR, 10);
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-1").customer("c-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "SKU-A", 1, ten).paymentRef("tok-1").build();
    }

    /** The in-memory repository, counting reads of orders; its next save can fail after saving (an answer lost). */
    private static final class CountingRepository implements OrderRepository {
        final InMemoryOrderRepository stored = new InMemoryOrderRepository();
        final AtomicInteger finds = new AtomicInteger();
        boolean failNextSave;

        @Override
        public SaveOutcome save(Order order) {
            return save(order, List.of());
        }

        @Override
        public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
            SaveOutcome outcome = stored.save(order, events);
            if (failNextSave) {
                failNextSave = false;
                throw new IllegalStateException("the answer of the save of order " + order.id() + " was lost");
            }
            return outcome;
        }

        @Override
        public Optional<Order> find(OrderId id) {
            finds.incrementAndGet();
            return stored.find(id);
        }

        @Override
        public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
            return stored.findByExternalRef(channel, externalRef);
        }

        @Override
        public List<OrderId> findAwaitingConfirmation(int limit) {
            return stored.findAwaitingConfirmation(limit);
        }

        @Override
        public OrderPage search(OrderQuery query) {
            return stored.search(query);
        }

        @Override
        public List<OrderEvent> history(OrderId id) {
            return stored.history(id);
        }
    }
}
