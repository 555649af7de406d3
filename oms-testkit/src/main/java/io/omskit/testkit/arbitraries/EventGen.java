package io.omskit.testkit.arbitraries;

import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.Hold;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Every event of the order and inventory families, and the payment values they carry. */
final class EventGen {

    private EventGen() {
    }

    static Arbitrary<OrderId> orderIds() {
        return ValueGen.identifiers("ORD").map(OrderId::of);
    }

    private static Arbitrary<Long> versions() {
        return Arbitraries.longs().between(1, 1_000);
    }

    static Arbitrary<OrderEvent.OrderPlaced> orderPlaced(Arbitrary<Order> placedOrders) {
        return Combinators.combine(ValueGen.uuids(), placedOrders)
                .as((id, order) -> new OrderEvent.OrderPlaced(id, order.id(), order.version(), order.placedAt(), order));
    }

    static Arbitrary<UnitMove> unitMoves() {
        return Combinators.combine(ValueGen.identifiers("L").map(LineId::of), Arbitraries.of(UnitState.class),
                        Arbitraries.of(UnitState.class), Arbitraries.integers().between(1, 20))
                .filter((line, from, to, quantity) -> from != to)
                .as(UnitMove::new);
    }

    static Arbitrary<OrderEvent.UnitsMoved> unitsMoved() {
        return Arbitraries.of(OrderCommand.RESERVE, OrderCommand.RELEASE_RESERVATION, OrderCommand.ALLOCATE,
                OrderCommand.DEALLOCATE, OrderCommand.MARK_READY, OrderCommand.SHIP, OrderCommand.PICK_UP, OrderCommand.DELIVER,
                OrderCommand.CANCEL, OrderCommand.RETURN).flatMap(command -> Combinators.combine(ValueGen.uuids(), orderIds(),
                        versions(), ValueGen.instants(), unitMoves().list().ofMinSize(1).ofMaxSize(4), ValueGen.optionalText(),
                        command == OrderCommand.CANCEL ? Arbitraries.of(CancellationReason.class) : Arbitraries.just(null))
                .as((id, order, version, at, moves, reference, reason) ->
                        OrderEvent.UnitsMoved.of(command, id, order, version, at, moves, reference, reason)));
    }

    static Arbitrary<OrderEvent.OrderConfirmed> confirmed() {
        return Combinators.combine(ValueGen.uuids(), orderIds(), versions(), ValueGen.instants())
                .as(OrderEvent.OrderConfirmed::new);
    }

    static Arbitrary<Hold> holds() {
        return Combinators.combine(Arbitraries.of(HoldReason.class), ValueGen.optionalText(), ValueGen.instants())
                .as(Hold::new);
    }

    static Arbitrary<OrderEvent.OrderPutOnHold> putOnHold() {
        return Combinators.combine(ValueGen.uuids(), orderIds(), versions(), ValueGen.instants(), holds())
                .as(OrderEvent.OrderPutOnHold::new);
    }

    static Arbitrary<OrderEvent.OrderHoldReleased> holdReleased() {
        return Combinators.combine(ValueGen.uuids(), orderIds(), versions(), ValueGen.instants(), Arbitraries.of(HoldReason.class))
                .as(OrderEvent.OrderHoldReleased::new);
    }

    /** Payment states in {@code currency} whose refunds never exceed captures. */
    static Arbitrary<PaymentSummary> paymentSummaries(CurrencyUnit currency) {
        Arbitrary<Money> amounts = ValueGen.money(currency, 0, 5_000);
        return Combinators.combine(Arbitraries.of(PaymentStatus.class), Arbitraries.integers().between(1, 5),
                        ValueGen.identifiers("AUTH").injectNull(0.3), amounts, amounts, Arbitraries.integers().between(0, 100),
                        ValueGen.optionalText())
                .as((status, attempt, ref, authorised, captured, refundPct, message) -> new PaymentSummary(status, attempt, ref,
                        authorised, captured,
                        captured.multipliedBy(java.math.BigDecimal.valueOf(refundPct, 2), java.math.RoundingMode.DOWN), message));
    }

    static Arbitrary<OrderEvent.OrderPaymentUpdated> paymentUpdated() {
        return Combinators.combine(ValueGen.uuids(), orderIds(), versions(), ValueGen.instants(),
                        Arbitraries.of("authorise", "capture", "void", "refund"), Arbitraries.of(PaymentOutcome.class),
                        ValueGen.currencies().flatMap(EventGen::paymentSummaries))
                .as(OrderEvent.OrderPaymentUpdated::new);
    }

    static Arbitrary<OrderEvent.OrderStatusChanged> statusChanged() {
        return Combinators.combine(ValueGen.uuids(), orderIds(), versions(), ValueGen.instants(),
                        Arbitraries.of(OrderStatus.class), Arbitraries.of(OrderStatus.class))
                .filter((id, order, version, at, from, to) -> from != to)
                .as(OrderEvent.OrderStatusChanged::new);
    }

    static Arbitrary<PaymentRequest> paymentRequests() {
        return Combinators.combine(Arbitraries.of(PaymentRequest.Kind.class), ValueGen.identifiers("PAY"), orderIds(),
                        ValueGen.currencies().flatMap(c -> ValueGen.money(c, 0, 5_000)), ValueGen.optionalText())
                .as(PaymentRequest::new);
    }

    static Arbitrary<PaymentResult> paymentResults() {
        return Arbitraries.of(PaymentOutcome.class).flatMap(outcome -> Combinators.combine(
                        outcome == PaymentOutcome.SUCCEEDED ? ValueGen.identifiers("PSP") : Arbitraries.just(""),
                        ValueGen.optionalText())
                .as((reference, message) -> new PaymentResult(outcome, reference, message)));
    }

    // ---- inventory ----

    static Arbitrary<InventoryEvent.StockMoved> stockMoved() {
        return Combinators.combine(ValueGen.uuids(), StockGen.stockMovements(StockGen.skus(), StockGen.locationIds()))
                .as((id, movement) -> new InventoryEvent.StockMoved(id, movement.at(), movement.sku(), movement));
    }

    static Arbitrary<InventoryEvent.StockLevelChanged> stockLevelChanged() {
        return Combinators.combine(ValueGen.uuids(), ValueGen.instants(), StockGen.skus(), StockGen.locationIds().injectNull(0.3),
                        Arbitraries.of(StockLevel.class), Arbitraries.of(StockLevel.class), Arbitraries.integers().between(0, 10_000))
                .filter((id, at, sku, location, from, to, available) -> from != to)
                .as((id, at, sku, location, from, to, available) -> new InventoryEvent.StockLevelChanged(id, at, sku, location,
                        from, to, to == StockLevel.OUT_OF_STOCK ? 0 : Math.max(1, available)));
    }

    static Arbitrary<InventoryEvent.StockReserved> stockReserved() {
        return StockGen.skus().flatMap(sku -> Combinators.combine(ValueGen.uuids(), ValueGen.instants(),
                        ValueGen.identifiers("RES").map(ReservationKey::of),
                        StockGen.reservationLines(Arbitraries.just(sku)).list().ofMinSize(1).ofMaxSize(3))
                .as((id, at, key, lines) -> new InventoryEvent.StockReserved(id, at, sku, key, lines)));
    }

    static Arbitrary<InventoryEvent.ReservationReleased> reservationReleased() {
        return StockGen.skus().flatMap(sku -> Combinators.combine(ValueGen.uuids(), ValueGen.instants(),
                        ValueGen.identifiers("RES").map(ReservationKey::of),
                        StockGen.reservationLines(Arbitraries.just(sku)).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(ReservationStatus.RELEASED, ReservationStatus.EXPIRED, ReservationStatus.CONSUMED))
                .as((id, at, key, lines, cause) -> new InventoryEvent.ReservationReleased(id, at, sku, key, lines, cause)));
    }

    static Arbitrary<InventoryEvent.StockAllocated> stockAllocated() {
        return StockGen.skus().flatMap(sku -> Combinators.combine(ValueGen.uuids(), ValueGen.instants(),
                        ValueGen.identifiers("ALLOC").map(AllocationKey::of),
                        StockGen.allocationLines(Arbitraries.just(sku)).list().ofMinSize(1).ofMaxSize(3))
                .as((id, at, key, lines) -> new InventoryEvent.StockAllocated(id, at, sku, key, lines)));
    }

    static Arbitrary<InventoryEvent.StockDeallocated> stockDeallocated() {
        return StockGen.skus().flatMap(sku -> Combinators.combine(ValueGen.uuids(), ValueGen.instants(),
                        ValueGen.identifiers("ALLOC").map(AllocationKey::of), StockGen.allocationLines(Arbitraries.just(sku)))
                .as((id, at, key, line) -> new InventoryEvent.StockDeallocated(id, at, sku, key, line)));
    }
}
