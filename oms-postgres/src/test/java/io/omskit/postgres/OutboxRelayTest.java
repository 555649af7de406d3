package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.channel.Channel;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox: events are stored with the change they describe and reach the publisher at least once, in order. */
class OutboxRelayTest {

    private static final Sku A = Sku.of("A");
    private static final LocationId WH = LocationId.of("WH");

    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    private final AtomicBoolean publisherDown = new AtomicBoolean();
    private final EventPublisher publisher = events -> {
        if (publisherDown.get()) {
            throw new SpiException("broker unavailable", null);
        }
        published.addAll(events);
    };
    private OutboxRelay relay;
    private PostgresInventoryStore store;

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.clean();
        relay = new OutboxRelay(TestDatabase.dataSource(), publisher, Clock.systemUTC());
        store = PostgresInventoryStore.builder(TestDatabase.dataSource()).afterCommit(() -> { }).build();
    }

    @Test
    void events_wait_in_the_outbox_until_the_relay_publishes_them_in_order() {
        store.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 10, ""));
        store.reserve(new ReservationRequest(ReservationKey.of("c1"), "", List.of(ReservationLine.anywhere(A, 2)), null));

        assertThat(published).isEmpty();
        assertThat(relay.pendingCount()).isGreaterThanOrEqualTo(2);

        int n = relay.publishPending();

        assertThat(n).isEqualTo(published.size());
        assertThat(relay.pendingCount()).isZero();
        assertThat(published).filteredOn(e -> !(e instanceof InventoryEvent.StockLevelChanged))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("StockMoved", "StockReserved");
        assertThat(relay.publishPending()).as("published events are not sent again").isZero();
    }

    @Test
    void a_refused_change_leaves_no_event() {
        store.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 1, ""));
        relay.publishPending();
        published.clear();

        store.reserve(new ReservationRequest(ReservationKey.of("c1"), "", List.of(ReservationLine.anywhere(A, 2)), null));
        store.adjust(StockAdjustment.of("d1", A, WH, MovementReason.DAMAGE, 5, ""));

        assertThat(relay.pendingCount()).isZero();
        assertThat(relay.publishPending()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void fulfilment_events_go_out_with_the_steps_that_were_saved() {
        PostgresFulfilmentRepository fulfilments = new PostgresFulfilmentRepository(TestDatabase.dataSource());
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        Change<Fulfilment, FulfilmentEvent> offered = Fulfilment.offer(FulfilmentId.of("F-1"), OrderId.of("O-1"),
                FulfilmentKind.SHIP_TO_CUSTOMER, WH, null, AllocationKey.of("F-1"),
                List.of(FulfilmentLine.of(LineId.of("1"), A, 2)), null, t0);
        Change<Fulfilment, FulfilmentEvent> accepted = offered.state().accept(t0.plusSeconds(1));
        Change<Fulfilment, FulfilmentEvent> lateRejection = offered.state().reject(List.of(LineQuantity.of(LineId.of("1"), 2)),
                "too late", t0.plusSeconds(2));

        assertThat(fulfilments.save(offered.state(), offered.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(fulfilments.save(accepted.state(), accepted.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(fulfilments.save(lateRejection.state(), lateRejection.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        relay.publishPending();

        assertThat(published).containsExactly(offered.events().get(0), accepted.events().get(0));
    }

    @Test
    void order_events_and_history_are_written_with_the_saves_that_were_saved_and_only_those() {
        PostgresOrderRepository orders = new PostgresOrderRepository(TestDatabase.dataSource());
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        Change<Order, OrderEvent> placed = Order.place(OrderId.of("O-1"), orderRequest("W-1"), t0);
        Change<Order, OrderEvent> reserved = placed.state().reserveAll(t0.plusSeconds(1));
        Change<Order, OrderEvent> staleHold = placed.state().hold(HoldReason.FRAUD_REVIEW, "looks odd", t0.plusSeconds(2));
        Change<Order, OrderEvent> sameRefAgain = Order.place(OrderId.of("O-2"), orderRequest("W-1"), t0.plusSeconds(3));
        Change<Order, OrderEvent> placedTwice = Order.place(OrderId.of("O-1"), orderRequest("W-1"), t0.plusSeconds(4));

        assertThat(orders.save(placed.state(), placed.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(orders.save(reserved.state(), reserved.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(orders.save(staleHold.state(), staleHold.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(orders.save(sameRefAgain.state(), sameRefAgain.events())).isEqualTo(SaveOutcome.DUPLICATE_EXTERNAL_REF);
        assertThat(orders.save(placedTwice.state(), placedTwice.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        relay.publishPending();

        List<OrderEvent> saved = new ArrayList<>(placed.events());
        saved.addAll(reserved.events());
        assertThat(published).as("the outbox").containsExactlyElementsOf(saved);
        assertThat(orders.history(OrderId.of("O-1"))).as("the order's history").containsExactlyElementsOf(saved);
        assertThat(orders.history(OrderId.of("O-2"))).isEmpty();
        assertThat(orders.find(OrderId.of("O-1")).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_save_and_its_events_are_committed_on_a_pool_that_hands_out_connections_outside_auto_commit_mode() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(TestDatabase.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        Change<Order, OrderEvent> placed = Order.place(OrderId.of("O-1"), orderRequest("W-1"), t0);
        Change<Order, OrderEvent> reserved = placed.state().reserveAll(t0.plusSeconds(1));
        try (com.zaxxer.hikari.HikariDataSource hostPool = new com.zaxxer.hikari.HikariDataSource(config)) {
            PostgresOrderRepository orders = new PostgresOrderRepository(hostPool);
            assertThat(orders.save(placed.state(), placed.events())).isEqualTo(SaveOutcome.SAVED);
            assertThat(orders.save(reserved.state(), reserved.events())).isEqualTo(SaveOutcome.SAVED);
        }

        PostgresOrderRepository elsewhere = new PostgresOrderRepository(TestDatabase.dataSource());
        assertThat(elsewhere.find(OrderId.of("O-1")).orElseThrow().version()).isEqualTo(2);
        relay.publishPending();
        assertThat(published).hasSize(placed.events().size() + reserved.events().size());
    }

    @Test
    void the_relay_publishes_the_stock_events_its_own_node_raised_as_they_were_stored() throws Exception {
        io.omskit.postgres.internal.OutboxHandoff handoff = new io.omskit.postgres.internal.OutboxHandoff();
        OutboxRelay ownRelay = new OutboxRelay(TestDatabase.dataSource(), publisher, Clock.systemUTC(),
                new io.omskit.core.jackson.OmsJacksonModule(), handoff);
        PostgresInventoryStore thisNode = PostgresInventoryStore.builder(TestDatabase.dataSource()).handoff(handoff).build();
        thisNode.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 10, ""));
        thisNode.allocate(new io.omskit.core.inventory.AllocationRequest(AllocationKey.of("a1"), "O-1",
                List.of(io.omskit.core.inventory.AllocationLine.of(A, WH, 4)), null));
        thisNode.ship(AllocationKey.of("a1"), A, WH, 4, io.omskit.core.inventory.MovementKey.of("s1"));
        List<DomainEvent> stored = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        List<Long> handedOff = new ArrayList<>();
        io.omskit.postgres.internal.JsonCodec codec = new io.omskit.postgres.internal.JsonCodec(
                new io.omskit.core.jackson.OmsJacksonModule());
        try (java.sql.Connection c = TestDatabase.dataSource().getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select id, payload::text from oms_outbox where published_at is null order by id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1));
                stored.addAll(codec.eventsFromJsonArray(rs.getString(2)));
                if (handoff.peek(rs.getLong(1)) != null) {
                    handedOff.add(rs.getLong(1));
                }
            }
        }

        ownRelay.publishPending();

        assertThat(rows).as("the receipt, the allocation and the shipment").hasSize(3);
        assertThat(handedOff).as("every row the store wrote, handed to the relay").isEqualTo(rows);
        assertThat(published).as("what was raised equals what was stored").containsExactlyElementsOf(stored);
    }

    @Test
    void the_relay_publishes_what_its_own_node_raised_and_what_other_nodes_stored_in_the_order_they_were_committed() {
        io.omskit.postgres.internal.OutboxHandoff handoff = new io.omskit.postgres.internal.OutboxHandoff();
        OutboxRelay ownRelay = new OutboxRelay(TestDatabase.dataSource(), publisher, Clock.systemUTC(),
                new io.omskit.core.jackson.OmsJacksonModule(), handoff);
        PostgresFulfilmentRepository thisNode = new PostgresFulfilmentRepository(TestDatabase.dataSource(),
                new io.omskit.core.jackson.OmsJacksonModule(), Clock.systemUTC(), () -> { }, 10, handoff);
        PostgresFulfilmentRepository otherNode = new PostgresFulfilmentRepository(TestDatabase.dataSource());
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        List<DomainEvent> raised = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Change<Fulfilment, FulfilmentEvent> offered = Fulfilment.offer(FulfilmentId.of("F-" + i), OrderId.of("O-" + i),
                    FulfilmentKind.SHIP_TO_CUSTOMER, WH, null, AllocationKey.of("F-" + i),
                    List.of(FulfilmentLine.of(LineId.of("1"), A, 1 + i)), null, t0.plusSeconds(i));
            assertThat((i % 2 == 0 ? thisNode : otherNode).save(offered.state(), offered.events())).isEqualTo(SaveOutcome.SAVED);
            raised.addAll(offered.events());
        }

        assertThat(ownRelay.publishPending()).isEqualTo(6);

        assertThat(published).as("every event once, in commit order, equal to the one raised").containsExactlyElementsOf(raised);
        assertThat(ownRelay.publishPending()).isZero();
    }

    @Test
    void events_stay_pending_while_the_publisher_fails_and_go_out_once_it_recovers() {
        publisherDown.set(true);
        store.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 10, ""));

        assertThat(relay.publishPending()).isZero();
        long pending = relay.pendingCount();
        assertThat(pending).isPositive();

        publisherDown.set(false);
        assertThat(relay.publishPending()).isEqualTo(pending);
        assertThat(relay.pendingCount()).isZero();
    }

    @Test
    void two_relays_on_one_database_publish_each_event_once() throws Exception {
        List<DomainEvent> second = new CopyOnWriteArrayList<>();
        OutboxRelay other = new OutboxRelay(TestDatabase.dataSource(), second::addAll, Clock.systemUTC());
        for (int i = 0; i < 300; i++) {
            store.adjust(StockAdjustment.of("r" + i, Sku.of("S" + (i % 7)), WH, MovementReason.RECEIPT, 1, ""));
        }
        Thread t = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                other.publishPending();
            }
        });
        t.start();
        for (int i = 0; i < 20; i++) {
            relay.publishPending();
        }
        t.join();
        relay.publishPending();

        List<DomainEvent> all = new ArrayList<>(published);
        all.addAll(second);
        Set<Object> ids = new HashSet<>();
        all.forEach(e -> ids.add(e.eventId()));
        assertThat(ids).hasSize(all.size());
        assertThat(relay.pendingCount()).isZero();
        assertThat(all).filteredOn(e -> e instanceof InventoryEvent.StockMoved).hasSize(300);
    }

    @Test
    void the_background_relay_publishes_without_being_asked() throws Exception {
        try (OutboxRelay background = new OutboxRelay(TestDatabase.dataSource(), publisher, Clock.systemUTC())
                .start(Duration.ofMillis(20))) {
            store.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 10, ""));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(published).isNotEmpty();
            assertThatThrownBy(() -> background.start(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void published_events_can_be_purged() {
        store.adjust(StockAdjustment.of("r1", A, WH, MovementReason.RECEIPT, 10, ""));
        relay.publishPending();

        assertThat(relay.purgePublished(Instant.now().plusSeconds(60))).isEqualTo(published.size());
    }

    private static PlaceOrderRequest orderRequest(String externalRef) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(externalRef).customer("c-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", A.value(), 2, org.joda.money.Money.of(org.joda.money.CurrencyUnit.EUR, 10)).paymentRef("tok-1").build();
    }
}
