package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Sourcing an order when saving the order fails once: a retry records the allocation the first call made, once. */
class SourcingRetryTest {

    /** A repository whose next save can be made to fail before or after writing. */
    private static final class FlakyRepository implements OrderRepository {
        final InMemoryOrderRepository delegate = new InMemoryOrderRepository();
        Boolean failNextSaveAfterWriting;

        @Override
        public SaveOutcome save(Order order) {
            Boolean after = failNextSaveAfterWriting;
            failNextSaveAfterWriting = null;
            if (Boolean.FALSE.equals(after)) {
                throw new SpiException("connection reset before the write", null);
            }
            SaveOutcome outcome = delegate.save(order);
            if (Boolean.TRUE.equals(after)) {
                throw new SpiException("connection reset after the write", null);
            }
            return outcome;
        }

        @Override
        public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
            return save(order);
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return delegate.find(id);
        }

        @Override
        public io.omskit.core.spi.OrderPage search(io.omskit.core.spi.OrderQuery query) {
            return delegate.search(query);
        }

        @Override
        public List<io.omskit.core.order.OrderEvent> history(OrderId id) {
            return delegate.history(id);
        }

        @Override
        public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
            return delegate.findByExternalRef(channel, externalRef);
        }

        @Override
        public List<OrderId> findAwaitingConfirmation(int limit) {
            return delegate.findAwaitingConfirmation(limit);
        }
    }

    private final Network network = network(warehouse("WH1", 2), warehouse("WH2", 4));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(CLOCK);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true));
    private final FlakyRepository orders = new FlakyRepository();
    private final Oms oms = Oms.builder().inMemory().clock(CLOCK).network(network).catalog(catalog).orders(orders).inventory(inventory)
            .payments(new FakePaymentGateway()).build();
    private final OrderSourcing sourcing = new OrderSourcing(oms, SourcingEngine.builder().network(network).clock(CLOCK)
            .inventory(inventory).catalog(catalog).rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build()))
            .build());

    private Order placed() {
        inventory.load(sku("A"), id("WH1"), 5);
        return oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-1").customer("c").currency("EUR")
                .delivery(home()).line("L1", "A", 3, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok").build()).order();
    }

    @Test
    void a_retry_after_the_save_failed_before_writing_records_the_allocation_the_first_call_made() {
        Order order = placed();
        orders.failNextSaveAfterWriting = false;

        assertThatThrownBy(() -> sourcing.source(order.id())).isInstanceOf(SpiException.class);
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(3);
        SourcingResult retried = sourcing.source(order.id());

        assertThat(retried).isInstanceOf(SourcingResult.Allocated.class);
        Order sourced = oms.order(order.id()).orElseThrow();
        assertThat(sourced.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(sourced.allocations()).singleElement().satisfies(a -> assertThat(a.allocated()).isEqualTo(3));
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(3);
        assertThat(inventory.heldFor(order.id().value()).allocations()).hasSize(1);
    }

    @Test
    void a_retry_after_the_save_failed_after_writing_answers_with_the_allocation_and_allocates_nothing_more() {
        Order order = placed();
        orders.failNextSaveAfterWriting = true;

        assertThatThrownBy(() -> sourcing.source(order.id())).isInstanceOf(SpiException.class);
        SourcingResult retried = sourcing.source(order.id());

        assertThat(retried).isInstanceOfSatisfying(SourcingResult.Allocated.class, a -> {
            assertThat(a.replayed()).isTrue();
            assertThat(a.allocation().open()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        });
        assertThat(oms.order(order.id()).orElseThrow().allocations()).singleElement()
                .satisfies(a -> assertThat(a.allocated()).isEqualTo(3));
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(3);
    }

    @Test
    void a_rejection_retried_after_the_save_failed_before_writing_takes_the_units_back_once_and_sources_them_once() {
        rejectionRetried(false);
    }

    @Test
    void a_rejection_retried_after_the_save_failed_after_writing_takes_the_units_back_once_and_sources_them_once() {
        rejectionRetried(true);
    }

    private void rejectionRetried(boolean afterWriting) {
        inventory.load(sku("A"), id("WH2"), 5);
        Order order = placed();
        sourcing.source(order.id());
        String fulfilment = oms.order(order.id()).orElseThrow().allocations().get(0).allocationKey();
        List<io.omskit.core.order.LineQuantity> refused = List.of(io.omskit.core.order.LineQuantity.of(
                io.omskit.core.order.LineId.of("L1"), 2));
        orders.failNextSaveAfterWriting = afterWriting;

        assertThatThrownBy(() -> sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of(fulfilment), refused, "shelf empty", "task-1"))
                .isInstanceOf(SpiException.class);
        ResourcingOutcome retried = sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of(fulfilment), refused, "shelf empty", "task-1");
        ResourcingOutcome again = sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of(fulfilment), refused, "shelf empty", "task-1");

        assertThat(retried).isInstanceOf(ResourcingOutcome.Resourced.class);
        assertThat(again).isInstanceOf(ResourcingOutcome.Resourced.class);
        assertThat(again.history().attempts()).as("counted once").isEqualTo(1);
        Order now = oms.order(order.id()).orElseThrow();
        assertThat(now.units(io.omskit.core.order.UnitState.ALLOCATED)).isEqualTo(3);
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(1);
        assertThat(inventory.position(sku("A"), id("WH2")).allocated()).isEqualTo(2);
    }
}
