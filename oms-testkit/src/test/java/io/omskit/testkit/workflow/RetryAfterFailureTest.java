package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.IllegalTransitionException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan;
import io.omskit.testkit.faults.FaultPlan.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * One failure at one point of a workflow, then a retry with the same arguments: the retry finishes the work. Each
 * story names the SPI call that fails and whether it failed before or after doing its work.
 */
class RetryAfterFailureTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LocationId STORE = LocationId.of("ST-1");

    private final ContractClock clock = new ContractClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final FaultPlan faults = FaultPlan.seeded(7);
    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
    private final InMemoryFulfilmentRepository fulfilments = new InMemoryFulfilmentRepository();
    private final Oms oms = Oms.builder().inMemory().clock(clock)
            .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                    Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build())))
            .catalog(new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true)))
            .orders(faults.orders(orders)).fulfilments(faults.fulfilments(fulfilments)).inventory(faults.inventory(inventory))
            .payments(faults.payments(gateway)).events(faults.events(events)).pickupCodes(() -> "4711").build();

    RetryAfterFailureTest() {
        inventory.adjust(StockAdjustment.of("receipt-1", MUG, WH, MovementReason.RECEIPT, 10, "po-1"));
        inventory.adjust(StockAdjustment.of("receipt-2", MUG, STORE, MovementReason.RECEIPT, 3, "po-2"));
    }

    private PlaceOrderRequest order(String ref, String card) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 10)).charge("shipping", Money.of(CurrencyUnit.EUR, 5))
                .paymentRef(card).build();
    }

    private Order confirmed() {
        PlacementResult placed = oms.placeOrder(order("W-1", "tok-visa"));
        assertThat(placed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        return placed.order();
    }

    private static Money eur(int amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }

    private static final List<LineQuantity> BOTH = List.of(LineQuantity.of(LineId.of("1"), 2));

    /** Allocates both mugs at {@code location} as fulfilment {@code key} and packs it. */
    private FulfilmentId packed(Order order, String key, LocationId location) {
        oms.allocate(order.id(), key, location, BOTH);
        FulfilmentId id = FulfilmentId.of(key);
        oms.fulfilments().accept(id);
        oms.fulfilments().startPicking(id);
        oms.fulfilments().pack(id);
        return id;
    }

    private Order pickupOrder() {
        return oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-CC").customer("c-1")
                .currency("EUR").delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null))
                .line("1", "MUG", 2, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok-visa").build()).order();
    }

    private static final ShipmentDetails PARCEL = ShipmentDetails.of("parcel-1", "DHL", "TRK-1");

    @Test
    void allocating_an_order_that_awaits_payment_is_refused_and_allocates_nothing() {
        gateway.timeOutNext(false);
        Order pending = oms.placeOrder(order("W-1", "tok-visa")).order();

        assertThatThrownBy(() -> oms.allocate(pending.id(), "A-1", WH, BOTH)).isInstanceOf(IllegalTransitionException.class);

        assertThat(inventory.heldFor(pending.id().value()).allocations()).isEmpty();
        assertThat(inventory.position(MUG, WH).allocated()).isZero();
    }

    @Test
    void allocating_an_order_on_hold_is_refused_and_allocates_nothing() {
        Order order = confirmed();
        oms.hold(order.id(), HoldReason.FRAUD_REVIEW, "check");

        assertThatThrownBy(() -> oms.allocate(order.id(), WH, BOTH)).isInstanceOf(IllegalTransitionException.class);

        assertThat(inventory.position(MUG, WH).allocated()).isZero();
        assertThat(inventory.networkReserved(MUG)).isEqualTo(2);
    }

    @Test
    void a_cancellation_whose_save_failed_after_writing_is_finished_by_its_retry() {
        Order order = confirmed();
        faults.failNext("save", Point.AFTER);

        assertThatThrownBy(() -> oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST)).isInstanceOf(SpiException.class);
        assertThat(inventory.networkReserved(MUG)).as("the failed call got no further than the save").isEqualTo(2);

        Order cancelled = oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(inventory.networkReserved(MUG)).isZero();
        assertThat(gateway.openAuthorisation(order.id())).isEqualTo(eur(0));
        assertThat(cancelled.payment().authorised()).isEqualTo(eur(0));
    }

    @Test
    void a_declined_payment_whose_update_is_acknowledged_late_releases_the_reservation_on_retry() {
        faults.failNth("save", 3, Point.AFTER);
        gateway.alwaysDecline("tok-bad");

        assertThatThrownBy(() -> oms.placeOrder(order("W-1", "tok-bad"))).isInstanceOf(SpiException.class);
        PlacementResult retried = oms.placeOrder(order("W-1", "tok-bad"));

        assertThat(retried.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_DECLINED);
        assertThat(retried.order().status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(inventory.networkReserved(MUG)).isZero();
        assertThat(inventory.holders(clock.instant(), null, 10)).isEmpty();
    }

    @Test
    void a_shipment_whose_save_failed_after_writing_captures_on_retry() {
        Order order = confirmed();
        FulfilmentId f = packed(order, "A-1", WH);
        faults.failNext("save", Point.AFTER);

        assertThatThrownBy(() -> oms.fulfilments().ship(f, PARCEL)).isInstanceOf(SpiException.class);
        oms.fulfilments().ship(f, PARCEL);
        Order shipped = orders.find(order.id()).orElseThrow();

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(gateway.captured(order.id())).isEqualTo(eur(25));
        assertThat(shipped.payment().captured()).isEqualTo(eur(25));
        assertThat(inventory.position(MUG, WH).onHand()).isEqualTo(8);
    }

    @Test
    void a_capture_whose_answer_was_lost_is_settled_by_calling_ship_again() {
        Order order = confirmed();
        FulfilmentId f = packed(order, "A-1", WH);
        faults.failNext("payment capture", Point.AFTER);

        assertThatThrownBy(() -> oms.fulfilments().ship(f, PARCEL)).isInstanceOf(SpiException.class);
        oms.fulfilments().ship(f, PARCEL);
        Order shipped = orders.find(order.id()).orElseThrow();

        assertThat(gateway.captured(order.id())).isEqualTo(eur(25));
        assertThat(shipped.payment().captured()).isEqualTo(eur(25));
        assertThat(gateway.calls()).filteredOn(c -> c.kind() == io.omskit.core.spi.PaymentRequest.Kind.CAPTURE)
                .extracting(io.omskit.core.spi.PaymentRequest::idempotencyKey).containsOnly(gateway.calls().stream()
                        .filter(c -> c.kind() == io.omskit.core.spi.PaymentRequest.Kind.CAPTURE).findFirst().orElseThrow()
                        .idempotencyKey());
    }

    @Test
    void a_shipment_whose_stock_movement_failed_cannot_be_cancelled_and_its_retry_finishes_it() {
        Order order = confirmed();
        FulfilmentId f = packed(order, "A-1", WH);
        faults.failNext("ship", Point.BEFORE);

        assertThatThrownBy(() -> oms.fulfilments().ship(f, PARCEL)).isInstanceOf(SpiException.class);
        assertThat(fulfilments.find(f).orElseThrow().status()).as("the fulfilment recorded the shipment first")
                .isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(orders.find(order.id()).orElseThrow().status()).as("and the order followed").isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(inventory.position(MUG, WH).onHand()).as("the cancellation made the stock leave first").isEqualTo(8);
        oms.fulfilments().ship(f, PARCEL);
        Order shipped = orders.find(order.id()).orElseThrow();

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(inventory.position(MUG, WH).onHand()).isEqualTo(8);
        assertThat(inventory.position(MUG, WH).allocated()).isZero();
        assertThat(inventory.movements(MUG, WH)).filteredOn(m -> m.reason() == MovementReason.SHIPMENT).hasSize(1);
        assertThat(gateway.captured(order.id())).isEqualTo(eur(25));
    }

    @Test
    void a_collection_whose_save_failed_after_writing_takes_the_stock_off_the_shelf_and_captures_once_on_retry() {
        Order order = pickupOrder();
        FulfilmentId f = packed(order, "A-CC", STORE);
        faults.failNext("save", Point.AFTER);

        assertThatThrownBy(() -> oms.fulfilments().collect(f, STORE, "4711")).isInstanceOf(SpiException.class);
        oms.fulfilments().collect(f, STORE, "4711");
        Order collected = orders.find(order.id()).orElseThrow();
        oms.fulfilments().collect(f, STORE, "4711");
        Order again = orders.find(order.id()).orElseThrow();

        assertThat(collected.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(again.version()).isEqualTo(collected.version());
        assertThat(inventory.position(MUG, STORE).onHand()).as("off the shelf, once").isEqualTo(1);
        assertThat(inventory.position(MUG, STORE).allocated()).isZero();
        assertThat(gateway.captured(order.id())).isEqualTo(eur(20));
        assertThat(collected.payment().authorised()).isEqualTo(eur(0));
    }

    @Test
    void collecting_a_home_delivery_or_before_it_is_ready_is_refused_and_changes_nothing() {
        Order home = confirmed();
        FulfilmentId parcel = packed(home, "A-1", WH);
        assertThatThrownBy(() -> oms.fulfilments().collect(parcel, STORE, "4711"))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("SHIP_TO_CUSTOMER")
                .hasMessageContaining("cannot COLLECT");

        Order pickup = pickupOrder();
        oms.allocate(pickup.id(), "A-CC", STORE, BOTH);
        long version = orders.find(pickup.id()).orElseThrow().version();
        assertThatThrownBy(() -> oms.fulfilments().collect(FulfilmentId.of("A-CC"), STORE, "4711"))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("OFFERED");
        assertThat(orders.find(pickup.id()).orElseThrow().version()).isEqualTo(version);
        assertThat(inventory.position(MUG, STORE).onHand()).isEqualTo(3);
    }

    @Test
    void a_delivery_recorded_twice_under_one_proof_is_recorded_once() {
        Order order = confirmed();
        FulfilmentId f = packed(order, "A-1", WH);
        oms.fulfilments().ship(f, PARCEL);
        faults.failNext("save", Point.AFTER);

        assertThatThrownBy(() -> oms.fulfilments().deliver(f, "pod-1")).isInstanceOf(SpiException.class);
        oms.fulfilments().deliver(f, "pod-1");
        Order delivered = orders.find(order.id()).orElseThrow();

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        oms.fulfilments().deliver(f, "pod-1");
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(delivered.version());
        assertThat(gateway.captured(order.id())).isEqualTo(eur(25));
    }

    @Test
    void without_an_outbox_the_events_of_a_save_that_failed_after_writing_are_published_by_the_retry() {
        faults.failNext("save", Point.AFTER);

        assertThatThrownBy(() -> oms.placeOrder(order("W-1", "tok-visa"))).isInstanceOf(SpiException.class);
        assertThat(events.events(OrderEvent.OrderPlaced.class)).isEmpty();
        oms.placeOrder(order("W-1", "tok-visa"));

        assertThat(events.events(OrderEvent.OrderPlaced.class)).hasSize(1);
        assertThat(events.events(OrderEvent.OrderConfirmed.class)).hasSize(1);
    }

    @Test
    void events_whose_publication_failed_are_published_by_the_next_call_with_the_same_ids() {
        Order order = confirmed();
        faults.failNext("publish", Point.BEFORE);

        assertThatThrownBy(() -> oms.hold(order.id(), HoldReason.FRAUD_REVIEW, "check")).isInstanceOf(SpiException.class);
        Order held = oms.publishPendingEvents(order.id());

        assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(events.events(OrderEvent.OrderPutOnHold.class)).hasSize(1)
                .allSatisfy(e -> assertThat(held.pendingEvents()).contains(e));
    }

    @Test
    void one_order_that_cannot_be_reconciled_does_not_keep_the_others_from_it() {
        gateway.timeOutNext(true).timeOutNext(true);
        OrderId first = oms.placeOrder(order("W-1", "tok-visa")).order().id();
        OrderId second = oms.placeOrder(order("W-2", "tok-visa")).order().id();
        OrderId failing = first.compareTo(second) < 0 ? first : second;
        OrderId other = failing == first ? second : first;
        faults.failNext("find", Point.BEFORE);

        List<PlacementResult> reconciled = oms.reconcilePendingPayments(10);

        assertThat(reconciled).extracting(r -> r.order().id()).containsExactly(other);
        assertThat(orders.find(other).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(oms.reconcilePendingPayments(10)).extracting(r -> r.order().id()).containsExactly(failing);
    }

    @Test
    void an_allocation_nobody_retried_is_released_by_the_sweep_once_its_grace_has_passed() {
        Order order = confirmed();
        faults.failNext("save", Point.BEFORE);
        assertThatThrownBy(() -> oms.allocate(order.id(), "A-1", WH, BOTH)).isInstanceOf(SpiException.class);
        assertThat(inventory.position(MUG, WH).allocated()).as("left for the retry").isEqualTo(2);

        assertThat(oms.reconcileStock(Duration.ofMinutes(10), 100)).as("too young to be taken").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        List<OrderId> corrected = oms.reconcileStock(Duration.ofMinutes(10), 100);

        assertThat(corrected).containsExactly(order.id());
        assertThat(inventory.position(MUG, WH).allocated()).isZero();
        assertThat(events.events(OrderEvent.OrderStockReconciled.class)).singleElement()
                .satisfies(e -> assertThat(e.allocations()).extracting(k -> k.value()).containsExactly("A-1"));
        Order after = orders.find(order.id()).orElseThrow();
        assertThat(after.units(io.omskit.core.order.UnitState.OPEN)).as("no longer held, to be sourced again").isEqualTo(2);
        assertThat(inventory.networkReserved(MUG)).isZero();
        assertThat(inventory.holders(clock.instant(), null, 10)).isEmpty();
    }

    @Test
    void the_sweep_finds_nothing_when_every_call_finished() {
        Order order = confirmed();
        oms.allocate(order.id(), "A-1", WH, List.of(LineQuantity.of(LineId.of("1"), 1)));
        oms.placeOrder(order("W-2", "tok-visa"));
        oms.cancelOrder(order.id(), CancellationReason.CUSTOMER_REQUEST);
        clock.advance(Duration.ofHours(1));

        assertThat(oms.reconcileStock(Duration.ZERO, 1)).isEmpty();
        assertThat(events.events(OrderEvent.OrderStockReconciled.class)).isEmpty();
    }

    @Test
    void cart_holds_refuse_bad_input_naming_the_field_before_holding_anything() {
        assertThatThrownBy(() -> oms.holdCart("cart-1", Map.of(MUG, 1), Duration.ofMinutes(-5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ttl").hasMessageContaining("PT-5M");
        assertThatThrownBy(() -> oms.holdCart("cart-1", Map.of(MUG, 1), Duration.ofDays(365L * 1_000_000_000L)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> oms.holdCart("cart-1", Map.of(MUG, 1), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ttl");
        java.util.Map<Sku, Integer> nullQuantity = new java.util.HashMap<>();
        nullQuantity.put(MUG, null);
        assertThatThrownBy(() -> oms.holdCart("cart-1", nullQuantity, Duration.ofMinutes(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quantities[MUG]");
        assertThatThrownBy(() -> oms.holdCart("c".repeat(5000), Map.of(MUG, 1), Duration.ofMinutes(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cartId").hasMessageNotContaining("reservationKey");
        assertThatThrownBy(() -> oms.holdCart("cart\n1", Map.of(MUG, 1), Duration.ofMinutes(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cartId");
        assertThatThrownBy(() -> oms.holdCart("cart-1", Map.of(Sku.of("NOPE"), 1), Duration.ofMinutes(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quantities[NOPE]");
        assertThat(inventory.holders(clock.instant(), null, 10)).isEmpty();
    }

    @Test
    void a_cart_of_bundles_needing_more_stock_units_than_the_limit_is_refused_without_overflowing() {
        Sku pallet = Sku.of("PALLET");
        Oms big = Oms.builder().inMemory().clock(clock).inventory(inventory).payments(gateway)
                .catalog(new InMemoryCatalog().put(new SkuAttributes(pallet, "A million mugs", "kitchen", 1, Dimensions.ofMillimetres(1, 1, 1),
                        true, List.of(new io.omskit.core.catalog.BundleComponent(MUG, 1_000_000)))))
                .build();

        assertThatThrownBy(() -> big.holdCart("cart-1", Map.of(pallet, 10_000), Duration.ofMinutes(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quantities").hasMessageContaining("10000000000");
    }
}
