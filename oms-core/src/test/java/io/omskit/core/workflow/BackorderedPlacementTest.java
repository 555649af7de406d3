package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders placed beyond stock: the in-stock part reserved, the rest waiting for supply, filled oldest first. */
class BackorderedPlacementTest {

    private static final Instant MARCH_20 = Instant.parse("2026-03-20T08:00:00Z");
    private static final Instant MARCH_27 = Instant.parse("2026-03-27T08:00:00Z");
    private static final LineId L1 = LineId.of("1");

    private final OmsFixture f = new OmsFixture().stock(PLATE, WH, 2);
    private final InMemoryBackorderBook book = new InMemoryBackorderBook();
    private int movements;

    private Oms oms(BackorderPolicy policy) {
        return Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .fulfilments(f.fulfilments).carriers(f.carriers).payments(f.payments).events(f.events)
                .backorderPolicy(policy).backorderBook(book).build();
    }

    private PlacementResult plates(Oms oms, String ref, int plates) {
        return oms.placeOrder(f.webOrder(ref).line("1", "PLATE", plates, eur(10)).build());
    }

    private void book(Oms oms, MovementReason reason, int quantity, Instant eta) {
        assertThat(oms.adjustStock(new StockAdjustment(MovementKey.of("mv-" + ++movements), PLATE, WH, reason, quantity, eta,
                "po-7")).isApplied()).as("%s of %d booked", reason, quantity).isTrue();
    }

    private Order order(Oms oms, PlacementResult r) {
        return oms.order(r.order().id()).orElseThrow();
    }

    @Test
    void an_order_of_5_with_2_in_stock_reserves_2_and_backorders_3_which_a_receipt_fills_oldest_first() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());

        PlacementResult first = plates(oms, "WEB-1", 5);
        PlacementResult second = plates(oms, "WEB-2", 4);

        assertThat(first.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        OrderLine line = first.order().line(L1).orElseThrow();
        assertThat(line.units().reserved()).isEqualTo(2);
        assertThat(line.awaitingStock()).isEqualTo(3);
        assertThat(line.backorder().quantity()).isEqualTo(3);
        assertThat(line.backorder().preorder()).isFalse();
        assertThat(line.expectedAt()).as("no supply announced: no date yet").isEmpty();
        assertThat(first.order().status()).isEqualTo(OrderStatus.AWAITING_STOCK);
        assertThat(second.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(4);
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
        assertThat(oms.backorders().waiting(PLATE)).isEqualTo(7);

        book(oms, MovementReason.INBOUND_EXPECTED, 5, MARCH_20);
        book(oms, MovementReason.INBOUND_RECEIVED, 2, null);

        Order firstNow = order(oms, first);
        assertThat(firstNow.line(L1).orElseThrow().units().reserved()).as("oldest first: 2 + 2 filled").isEqualTo(4);
        assertThat(firstNow.line(L1).orElseThrow().awaitingStock()).isEqualTo(1);
        assertThat(firstNow.line(L1).orElseThrow().backorder().filled()).isEqualTo(2);
        assertThat(order(oms, second).line(L1).orElseThrow().awaitingStock()).isEqualTo(4);
        assertThat(oms.backorders().waiting(PLATE)).isEqualTo(5);
        assertThat(f.inventory.position(PLATE, WH).onHand()).isEqualTo(4);
        assertThat(f.inventory.networkAvailable(PLATE)).as("the 2 arrived are the first order's").isZero();

        book(oms, MovementReason.INBOUND_RECEIVED, 3, null);

        firstNow = order(oms, first);
        assertThat(firstNow.line(L1).orElseThrow().units().reserved()).isEqualTo(5);
        assertThat(firstNow.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order(oms, second).line(L1).orElseThrow().awaitingStock()).isEqualTo(2);
        assertThat(order(oms, second).line(L1).orElseThrow().units().reserved()).isEqualTo(2);

        // the filled order goes the normal way: allocated from its reservation, shipped, delivered, captured
        assertThat(oms.allocate(firstNow.id(), "WEB-1-WH", WH, List.of(LineQuantity.of(L1, 5))).isAllocated()).isTrue();
        FulfilmentId parcel = FulfilmentId.of("WEB-1-WH");
        oms.fulfilments().accept(parcel);
        oms.fulfilments().startPicking(parcel);
        oms.fulfilments().pack(parcel);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("parcel-1", "DHL", ""));
        oms.fulfilments().deliver(parcel, "signed");
        Order delivered = order(oms, first);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.payment().captured()).isEqualTo(eur(50));
        assertThat(f.inventory.position(PLATE, WH).onHand()).isEqualTo(2);
        assertThat(f.inventory.position(PLATE, WH).reserved()).as("the second order's 2 filled units").isEqualTo(2);
    }

    @Test
    void a_receipt_fills_the_priority_the_host_gives_an_order_before_older_ordinary_backorders() {
        Oms oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .fulfilments(f.fulfilments).carriers(f.carriers).payments(f.payments).events(f.events)
                .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build()).backorderBook(book)
                .backorderPriority(order -> order.customer().value().startsWith("vip-") ? 10 : 0).build();

        PlacementResult ordinary = plates(oms, "WEB-11", 4);
        PlacementResult vip = oms.placeOrder(f.webOrder("WEB-12").customer("vip-7").line("1", "PLATE", 3, eur(10)).build());
        PlacementResult later = oms.placeOrder(f.webOrder("WEB-13").customer("customer-9").line("1", "PLATE", 1, eur(10))
                .build());

        assertThat(ordinary.order().line(L1).orElseThrow().awaitingStock()).as("2 in stock, 2 wait").isEqualTo(2);
        assertThat(vip.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(3);
        assertThat(later.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(1);

        book(oms, MovementReason.INBOUND_EXPECTED, 4, MARCH_20);
        book(oms, MovementReason.INBOUND_RECEIVED, 4, null);

        assertThat(order(oms, vip).line(L1).orElseThrow().units().reserved()).as("priority 10 first, though placed later")
                .isEqualTo(3);
        assertThat(order(oms, vip).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order(oms, ordinary).line(L1).orElseThrow().units().reserved()).as("then the oldest ordinary one: 2 + 1")
                .isEqualTo(3);
        assertThat(order(oms, ordinary).line(L1).orElseThrow().awaitingStock()).isEqualTo(1);
        assertThat(order(oms, later).line(L1).orElseThrow().awaitingStock()).isEqualTo(1);
        assertThat(oms.backorders().waiting(PLATE)).isEqualTo(2);
    }

    @Test
    void a_priority_outside_the_range_is_taken_as_its_nearest_bound() {
        Oms oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .fulfilments(f.fulfilments).carriers(f.carriers).payments(f.payments).events(f.events)
                .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build()).backorderBook(book)
                .backorderPriority(order -> order.externalRef().value().equals("WEB-22") ? 5_000 : -3).build();

        PlacementResult low = plates(oms, "WEB-21", 3);
        PlacementResult high = plates(oms, "WEB-22", 1);

        assertThat(oms.backorders().forOrder(low.order().id())).singleElement()
                .satisfies(b -> assertThat(b.priority()).isZero());
        assertThat(oms.backorders().forOrder(high.order().id())).singleElement()
                .satisfies(b -> assertThat(b.priority()).isEqualTo(io.omskit.core.backorder.BackorderRequest.MAX_PRIORITY));
    }

    @Test
    void a_pre_order_is_promised_from_the_inbound_date_plus_the_delivery_leg_and_told_when_it_slips() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.preordersOnly()).build());
        book(oms, MovementReason.INBOUND_EXPECTED, 4, MARCH_20);

        PlacementResult placed = plates(oms, "WEB-3", 5);

        OrderLine line = placed.order().line(L1).orElseThrow();
        assertThat(line.awaitingStock()).isEqualTo(3);
        assertThat(line.backorder().preorder()).isTrue();
        assertThat(line.expectedAt()).contains(MARCH_20);
        assertThat(line.backorder().promisedBy()).as("arrival plus the warehouse's 4 h processing lead time")
                .isEqualTo(MARCH_20.plus(Duration.ofHours(4)));

        book(oms, MovementReason.INBOUND_CANCELLED, 4, null);
        book(oms, MovementReason.INBOUND_EXPECTED, 4, MARCH_27);

        OrderLine moved = order(oms, placed).line(L1).orElseThrow();
        assertThat(moved.expectedAt()).contains(MARCH_27);
        assertThat(moved.backorder().promisedBy()).isEqualTo(MARCH_27.plus(Duration.ofHours(4)));
    }

    @Test
    void without_a_policy_placement_fails_for_stock_as_before_and_nothing_waits() {
        Oms oms = oms(BackorderPolicy.none());

        PlacementResult r = plates(oms, "WEB-4", 5);

        assertThat(r.outcome()).isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(r.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isZero();
        assertThat(book.forOrder(r.order().id())).isEmpty();
    }

    @Test
    void when_the_policy_has_no_room_the_order_fails_for_stock_leaving_no_reservation_and_no_backorder() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(2)).build());

        PlacementResult r = plates(oms, "WEB-5", 5);

        assertThat(r.outcome()).isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isZero();
        assertThat(f.inventory.networkAvailable(PLATE)).isEqualTo(2);
        assertThat(oms.backorders().waiting(PLATE)).isZero();
        assertThat(plates(oms, "WEB-5", 5).outcome()).as("a retry answers the same").isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(oms.backorders().waiting(PLATE)).isZero();
    }

    @Test
    void cancelling_a_backordered_line_frees_its_place_and_the_next_order_gets_the_units() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        PlacementResult first = plates(oms, "WEB-6", 5);
        PlacementResult second = plates(oms, "WEB-7", 3);

        Order cancelled = oms.cancel(first.order().id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST,
                "customer-shortens");

        assertThat(cancelled.line(L1).orElseThrow().awaitingStock()).as("the waiting units go first").isZero();
        assertThat(cancelled.line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(cancelled.status()).isNotEqualTo(OrderStatus.AWAITING_STOCK);
        Backorder gone = oms.backorders().forOrder(first.order().id()).get(0);
        assertThat(gone.cancelled()).isEqualTo(3);
        assertThat(gone.waiting()).isZero();

        book(oms, MovementReason.INBOUND_EXPECTED, 3, MARCH_20);
        book(oms, MovementReason.INBOUND_RECEIVED, 3, null);

        assertThat(order(oms, second).line(L1).orElseThrow().units().reserved()).isEqualTo(3);
        assertThat(order(oms, second).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order(oms, first).line(L1).orElseThrow().units().reserved()).isEqualTo(2);
    }

    @Test
    void cancelling_the_whole_order_cancels_its_backorder() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        PlacementResult first = plates(oms, "WEB-8", 5);

        Order cancelled = oms.cancelOrder(first.order().id(), CancellationReason.CUSTOMER_REQUEST);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.units(UnitState.AWAITING_STOCK)).isZero();
        assertThat(oms.backorders().waiting(PLATE)).isZero();
        assertThat(f.inventory.position(PLATE, WH).reserved()).isZero();
    }

    @Test
    void a_later_payment_attempt_short_of_stock_sells_beyond_stock_under_the_same_policy() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        f.payments.declineNext("no funds");
        PlacementResult declined = plates(oms, "WEB-20", 2);
        assertThat(declined.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_DECLINED);
        assertThat(plates(oms, "WEB-21", 2).order().line(L1).orElseThrow().units().reserved())
                .as("the released plates sold to someone else meanwhile").isEqualTo(2);

        PlacementResult released = oms.releaseHold(declined.order().id());

        assertThat(released.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        OrderLine line = released.order().line(L1).orElseThrow();
        assertThat(line.awaitingStock()).as("waits for supply as a new order would").isEqualTo(2);
        assertThat(line.backorder().quantity()).isEqualTo(2);
        assertThat(released.order().payment().attempt()).isEqualTo(2);
        assertThat(oms.backorders().forOrder(declined.order().id())).singleElement()
                .satisfies(b -> assertThat(b.waiting()).isEqualTo(2));
        book(oms, MovementReason.INBOUND_EXPECTED, 2, MARCH_20);
        book(oms, MovementReason.INBOUND_RECEIVED, 2, null);
        Order filled = order(oms, released);
        assertThat(filled.line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(f.inventory.findReservation(oms.reservationKeyOf(filled)).orElseThrow().heldQuantity(PLATE))
                .as("held by the reservation of the attempt that confirmed").isEqualTo(2);
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
    }

    @Test
    void a_later_payment_attempt_short_on_a_line_that_waits_already_is_cancelled_and_its_waiting_units_leave_the_queue() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        f.payments.declineNext("no funds");
        PlacementResult declined = plates(oms, "WEB-22", 5);
        assertThat(declined.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(3);
        plates(oms, "WEB-23", 2);

        PlacementResult released = oms.releaseHold(declined.order().id());

        assertThat(released.outcome()).as("one backorder per line: the line cannot wait for more")
                .isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(released.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(oms.backorders().forOrder(declined.order().id())).singleElement()
                .satisfies(b -> assertThat(b.cancelled()).isEqualTo(3));
        assertThat(oms.backorders().waiting(PLATE)).isZero();
    }

    @Test
    void a_later_payment_attempt_short_of_a_sku_that_sells_only_stock_is_cancelled() {
        Oms oms = oms(BackorderPolicy.builder().sku(BOWL, SupplyTerms.backorders(10)).build());
        f.payments.declineNext("no funds");
        PlacementResult declined = plates(oms, "WEB-24", 2);
        plates(oms, "WEB-25", 2);

        PlacementResult released = oms.releaseHold(declined.order().id());

        assertThat(released.outcome()).isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(oms.backorders().forOrder(declined.order().id())).isEmpty();
    }

    @Test
    void a_declined_payment_keeps_the_waiting_units_in_line_and_the_next_attempt_reserves_the_rest_again() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        f.payments.declineNext("no funds");

        PlacementResult declined = plates(oms, "WEB-12", 5);

        assertThat(declined.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_DECLINED);
        assertThat(declined.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(3);
        assertThat(declined.order().line(L1).orElseThrow().units().open()).as("the reservation was let go").isEqualTo(2);
        assertThat(f.inventory.networkAvailable(PLATE)).isEqualTo(2);
        assertThat(oms.backorders().waiting(PLATE)).isEqualTo(3);

        PlacementResult released = oms.releaseHold(declined.order().id());

        assertThat(released.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(released.order().line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(released.order().line(L1).orElseThrow().awaitingStock()).isEqualTo(3);
        assertThat(oms.backorders().forOrder(declined.order().id())).singleElement()
                .satisfies(b -> assertThat(b.waiting()).isEqualTo(3));
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
    }

    @Test
    void a_receipt_booked_straight_into_the_store_fills_through_the_backorder_feed() {
        java.util.concurrent.atomic.AtomicReference<io.omskit.core.spi.EventPublisher> feed =
                new java.util.concurrent.atomic.AtomicReference<>(io.omskit.core.spi.EventPublisher.none());
        io.omskit.core.inmemory.InMemoryInventoryStore store = io.omskit.core.inmemory.InMemoryInventoryStore.builder()
                .clock(f.clock).publisher(events -> feed.get().publish(events)).build();
        store.load(PLATE, WH, 1);
        Oms oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).inventory(store)
                .payments(f.payments).backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build())
                .build();
        feed.set(oms.backorderFeed());
        PlacementResult placed = plates(oms, "WEB-13", 4);

        store.adjust(new StockAdjustment(MovementKey.of("wms-asn-1"), PLATE, WH, MovementReason.INBOUND_EXPECTED, 3, MARCH_20,
                "po-9"));
        store.adjust(new StockAdjustment(MovementKey.of("wms-grn-1"), PLATE, WH, MovementReason.INBOUND_RECEIVED, 3, null,
                "po-9"));
        feed.get().publish(List.of(new io.omskit.core.inventory.InventoryEvent.StockMoved(java.util.UUID.randomUUID(),
                f.clock.instant(), PLATE, store.movements(PLATE, WH).get(store.movements(PLATE, WH).size() - 1))));

        Order filled = oms.order(placed.order().id()).orElseThrow();
        assertThat(filled.line(L1).orElseThrow().units().reserved()).as("1 in stock + 3 arrived, filled once").isEqualTo(4);
        assertThat(filled.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(store.networkAvailable(PLATE)).isZero();
    }

    @Test
    void a_retry_after_the_book_failed_between_two_lines_places_the_second_and_confirms_the_same_split() {
        java.util.concurrent.atomic.AtomicInteger placings = new java.util.concurrent.atomic.AtomicInteger();
        io.omskit.core.spi.BackorderBook failingOnce = new io.omskit.core.spi.BackorderBook() {
            public java.util.Optional<io.omskit.core.backorder.BackorderResult> place(Backorder c, long room, long seen) {
                if (placings.incrementAndGet() == 2) {
                    throw new io.omskit.core.spi.SpiException("book unreachable", null, true);
                }
                return book.place(c, room, seen);
            }
            public long receipts(io.omskit.core.catalog.Sku sku, io.omskit.core.network.LocationId at) { return book.receipts(sku, at); }
            public List<io.omskit.core.backorder.BackorderFill> fill(MovementKey r, io.omskit.core.catalog.Sku sku,
                    io.omskit.core.network.LocationId at, int arrived) { return book.fill(r, sku, at, arrived); }
            public void reopen(io.omskit.core.backorder.BackorderFill fill) { book.reopen(fill); }
            public List<io.omskit.core.backorder.BackorderFill> passOn(io.omskit.core.backorder.BackorderFill fill,
                    int cancelledTotal) { return book.passOn(fill, cancelledTotal); }
            public java.util.Optional<Backorder> expect(io.omskit.core.backorder.BackorderId id,
                    io.omskit.core.backorder.SupplyKind kind, Instant at) { return book.expect(id, kind, at); }
            public java.util.Optional<Backorder> cancel(io.omskit.core.backorder.BackorderId id, int total) { return book.cancel(id, total); }
            public java.util.Optional<Backorder> find(io.omskit.core.backorder.BackorderId id) { return book.find(id); }
            public List<Backorder> waiting(io.omskit.core.catalog.Sku sku, io.omskit.core.network.LocationId at) { return book.waiting(sku, at); }
            public int waitingUnits(io.omskit.core.catalog.Sku sku) { return book.waitingUnits(sku); }
            public List<Backorder> forOrder(io.omskit.core.order.OrderId order) { return book.forOrder(order); }
        };
        Oms oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .payments(f.payments).backorderBook(failingOnce)
                .backorderPolicy(BackorderPolicy.builder().location(WH, SupplyTerms.backorders(10)).build()).build();
        f.inventory.adjust(new StockAdjustment(MovementKey.of("bowl-asn"), BOWL, WH, MovementReason.INBOUND_EXPECTED, 5, MARCH_20,
                "po-3"));
        PlaceOrderRequestHolder request = new PlaceOrderRequestHolder(f.webOrder("WEB-14").line("1", "PLATE", 4, eur(10))
                .line("2", "BOWL", 2, eur(12)).build());

        assertThatThrownBy(() -> oms.placeOrder(request.value)).isInstanceOf(io.omskit.core.spi.SpiException.class);
        PlacementResult retried = oms.placeOrder(request.value);

        assertThat(retried.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        Order o = retried.order();
        assertThat(o.line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(o.line(L1).orElseThrow().awaitingStock()).isEqualTo(2);
        assertThat(o.line(LineId.of("2")).orElseThrow().awaitingStock()).isEqualTo(2);
        assertThat(book.forOrder(o.id())).extracting(Backorder::waiting).containsExactly(2, 2);
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
    }

    private record PlaceOrderRequestHolder(io.omskit.core.order.PlaceOrderRequest value) {
    }

    @Test
    void bad_input_is_named_and_changes_nothing() {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        PlacementResult first = plates(oms, "WEB-9", 5);
        Backorder b = oms.backorders().forOrder(first.order().id()).get(0);

        assertThatThrownBy(() -> oms.backorders().cancel(b.id(), -1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("total").hasMessageContaining("-1");
        assertThatThrownBy(() -> oms.cancel(first.order().id(), List.of(LineQuantity.of(LineId.of("9"), 1)),
                CancellationReason.CUSTOMER_REQUEST)).hasMessageContaining("line 9");
        assertThatThrownBy(() -> first.order().fillBackorder(LineId.of("9"), 1, "x", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 9");
        assertThatThrownBy(() -> first.order().fillBackorder(L1, 4, "x", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 unit(s) awaiting stock, 4 filled");
        assertThat(oms.backorders().waiting(PLATE)).isEqualTo(3);
        assertThat(order(oms, first).version()).isEqualTo(first.order().version());
    }

    @Test
    void the_order_document_carries_the_waiting_units_and_old_documents_read_as_none_waiting() throws Exception {
        Oms oms = oms(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(10)).build());
        Order inStock = plates(oms, "WEB-11", 1).order();
        Order placed = plates(oms, "WEB-10", 5).order();
        var mapper = OmsJson.newMapper();

        String json = mapper.writeValueAsString(placed);
        Order read = mapper.readValue(json, Order.class);

        assertThat(read).isEqualTo(placed);
        assertThat(read.line(L1).orElseThrow().awaitingStock()).isEqualTo(4);
        String written = mapper.writeValueAsString(inStock);
        String old = written.replaceAll(",?\"awaitingStock\":0", "").replaceAll(",?\"backorder\":null", "");
        assertThat(old).as("a document as written before backorders").doesNotContain("awaitingStock").doesNotContain("backorder");
        Order oldRead = mapper.readValue(old, Order.class);
        assertThat(oldRead).isEqualTo(inStock);
        assertThat(oldRead.line(L1).orElseThrow().awaitingStock()).isZero();
    }
}
