package io.omskit.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.InMemoryTransferRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.spi.EventPublisher;
import org.junit.jupiter.api.Test;

/**
 * A host wiring OMS Kit chooses where orders, fulfilments, transfers and backorders are kept, the catalog and where
 * events go; forgetting one is refused at build time, and in-memory is a choice said once.
 */
class ChoosingWhereOrdersLiveTest {

    private final OmsFixture fixture = new OmsFixture();

    private Oms.Builder withStockAndPayments() {
        return Oms.builder().inventory(fixture.inventory).payments(new FakePaymentGateway());
    }

    @Test
    void a_builder_given_no_storage_names_everything_missing_and_both_ways_out() {
        assertThatThrownBy(() -> withStockAndPayments().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders (an OrderRepository)")
                .hasMessageContaining("fulfilments (a FulfilmentRepository)")
                .hasMessageContaining("transfers (a TransferRepository)")
                .hasMessageContaining("backorderBook (a BackorderBook)")
                .hasMessageContaining("catalog (a Catalog)")
                .hasMessageContaining("events (an EventPublisher")
                .hasMessageContaining("set each")
                .hasMessageContaining("inMemory()");
    }

    @Test
    void a_builder_missing_only_the_order_repository_names_only_that() {
        assertThatThrownBy(() -> withStockAndPayments().fulfilments(new InMemoryFulfilmentRepository())
                .transfers(new InMemoryTransferRepository()).backorderBook(new InMemoryBackorderBook())
                .catalog(new InMemoryCatalog()).events(EventPublisher.none()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Oms.builder() has no orders (an OrderRepository):")
                .hasMessageNotContaining("fulfilments (")
                .hasMessageNotContaining("catalog (");
    }

    @Test
    void a_builder_given_every_piece_explicitly_builds_without_in_memory() {
        Oms oms = withStockAndPayments().orders(new InMemoryOrderRepository()).fulfilments(new InMemoryFulfilmentRepository())
                .transfers(new InMemoryTransferRepository()).backorderBook(new InMemoryBackorderBook())
                .catalog(new InMemoryCatalog()).events(EventPublisher.none()).build();

        assertThat(oms).isNotNull();
    }

    @Test
    void in_memory_keeps_the_pieces_set_explicitly_after_it() {
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        RecordingEventPublisher events = new RecordingEventPublisher();
        fixture.stock(OmsFixture.MUG, OmsFixture.WH, 5);
        Oms oms = Oms.builder().inMemory().clock(fixture.clock).network(fixture.network).inventory(fixture.inventory)
                .payments(fixture.payments).catalog(fixture.catalog).orders(orders).events(events).build();

        PlacementResult placed = oms.placeOrder(fixture.webOrder("WEB-1").line("1", "MUG", 2, OmsFixture.eur(10)).build());

        assertThat(placed.isConfirmed()).as("placement %s", placed).isTrue();
        assertThat(orders.find(placed.order().id())).as("the order is in the repository given").isPresent();
        assertThat(events.events()).anyMatch(e -> e instanceof OrderEvent.OrderConfirmed);
    }

    @Test
    void in_memory_keeps_the_pieces_set_explicitly_before_it() {
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        fixture.stock(OmsFixture.MUG, OmsFixture.WH, 5);
        Oms oms = Oms.builder().clock(fixture.clock).network(fixture.network).inventory(fixture.inventory)
                .payments(fixture.payments).catalog(fixture.catalog).orders(orders).inMemory().build();

        PlacementResult placed = oms.placeOrder(fixture.webOrder("WEB-2").line("1", "MUG", 1, OmsFixture.eur(10)).build());

        assertThat(orders.find(placed.order().id())).as("the order is in the repository given").isPresent();
    }

    @Test
    void in_memory_alone_gives_an_empty_catalog_that_knows_no_sku() {
        fixture.stock(OmsFixture.MUG, OmsFixture.WH, 5);
        Oms oms = Oms.builder().inMemory().clock(fixture.clock).network(fixture.network).inventory(fixture.inventory)
                .payments(fixture.payments).build();

        assertThatThrownBy(() -> oms.placeOrder(fixture.webOrder("WEB-3").line("1", "MUG", 1, OmsFixture.eur(10)).build()))
                .hasMessageContaining("MUG");
    }
}
