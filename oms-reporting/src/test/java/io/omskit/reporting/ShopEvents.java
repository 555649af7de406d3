package io.omskit.reporting;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Writes the events of a shop's day as the library raises them, with the times a test chooses. */
final class ShopEvents {

    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private final List<DomainEvent> events = new ArrayList<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<OrderId, Order> orders = new HashMap<>();
    private long ids;

    /** A line of an order: SKU, units, unit price in euros. */
    record Line(String sku, int quantity, String price) {
    }

    static Line line(String sku, int quantity, String price) {
        return new Line(sku, quantity, price);
    }

    List<DomainEvent> events() {
        return List.copyOf(events);
    }

    private UUID id() {
        return new UUID(0x5EED, ++ids);
    }

    private long next(String aggregate) {
        return versions.merge(aggregate, 1L, Long::sum);
    }

    Order placeHome(String orderId, Channel channel, Instant at, Instant promisedBy, Line... lines) {
        return place(orderId, channel, at, DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                new Address("Jana Novak", "Hauptstr. 1", "", "Berlin", "10115", "DE", null),
                promisedBy == null ? null : new DeliveryWindow(at, promisedBy)), lines);
    }

    Order placePickup(String orderId, Channel channel, Instant at, Instant promisedBy, String store, Line... lines) {
        return place(orderId, channel, at, DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of(store),
                promisedBy == null ? null : new DeliveryWindow(at, promisedBy)), lines);
    }

    private Order place(String orderId, Channel channel, Instant at, DeliveryChoice delivery, Line... lines) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(channel).externalRef("EXT-" + orderId)
                .customer("customer-" + orderId).currency(EUR).delivery(delivery).paymentRef("tok");
        for (int i = 0; i < lines.length; i++) {
            b.line(String.valueOf(i + 1), lines[i].sku(), lines[i].quantity(), Money.of(EUR, new BigDecimal(lines[i].price())));
        }
        Order order = Order.place(OrderId.of(orderId), b.build(), at).state();
        orders.put(order.id(), order);
        versions.put("order:" + orderId, 1L);
        events.add(new OrderEvent.OrderPlaced(id(), order.id(), 1, at, order));
        return order;
    }

    void confirmed(String orderId, Instant at) {
        OrderId id = OrderId.of(orderId);
        long v = next("order:" + orderId);
        events.add(new OrderEvent.OrderConfirmed(id(), id, v, at));
        events.add(new OrderEvent.OrderStatusChanged(id(), id, v, at, OrderStatus.AWAITING_CONFIRMATION, OrderStatus.CONFIRMED));
    }

    void status(String orderId, Instant at, OrderStatus from, OrderStatus to) {
        OrderId id = OrderId.of(orderId);
        events.add(new OrderEvent.OrderStatusChanged(id(), id, next("order:" + orderId), at, from, to));
    }

    void cancelled(String orderId, Instant at, CancellationReason reason, int line, int units) {
        OrderId id = OrderId.of(orderId);
        events.add(new OrderEvent.OrderUnitsCancelled(id(), id, next("order:" + orderId), at,
                List.of(new UnitMove(LineId.of(String.valueOf(line)), UnitState.OPEN, UnitState.CANCELLED, units)), "", reason));
    }

    /** Cancels units of several lines in one cancellation (line number to units), from the open state. */
    void cancelledLines(String orderId, Instant at, CancellationReason reason, int... lineAndUnits) {
        OrderId id = OrderId.of(orderId);
        List<UnitMove> moves = new ArrayList<>();
        for (int i = 0; i < lineAndUnits.length; i += 2) {
            moves.add(new UnitMove(LineId.of(String.valueOf(lineAndUnits[i])), UnitState.OPEN, UnitState.CANCELLED, lineAndUnits[i + 1]));
        }
        events.add(new OrderEvent.OrderUnitsCancelled(id(), id, next("order:" + orderId), at, moves, "", reason));
    }

    /** Units of a line sold beyond stock, awaiting supply at {@code location}. */
    void backordered(String orderId, Instant at, int line, int units, String location) {
        OrderId id = OrderId.of(orderId);
        events.add(new OrderEvent.OrderUnitsBackordered(id(), id, next("order:" + orderId), at,
                List.of(new UnitMove(LineId.of(String.valueOf(line)), UnitState.OPEN, UnitState.AWAITING_STOCK, units)), location));
    }

    /** Units of a line awaiting stock arrived and are reserved. */
    void backorderFilled(String orderId, Instant at, int line, int units) {
        OrderId id = OrderId.of(orderId);
        events.add(new OrderEvent.OrderBackorderFilled(id(), id, next("order:" + orderId), at,
                List.of(new UnitMove(LineId.of(String.valueOf(line)), UnitState.AWAITING_STOCK, UnitState.RESERVED, units)), "rc-1"));
    }

    /** Units of a line awaiting stock cancelled. */
    void cancelledAwaitingStock(String orderId, Instant at, CancellationReason reason, int line, int units) {
        OrderId id = OrderId.of(orderId);
        events.add(new OrderEvent.OrderUnitsCancelled(id(), id, next("order:" + orderId), at,
                List.of(new UnitMove(LineId.of(String.valueOf(line)), UnitState.AWAITING_STOCK, UnitState.CANCELLED, units)), "", reason));
    }

    /** Offers units (line number to units) of an order to a location; also raises the order's allocation. */
    void offered(String fulfilmentId, String orderId, FulfilmentKind kind, String location, Instant at, int... lineAndUnits) {
        Order order = orders.get(OrderId.of(orderId));
        List<FulfilmentLine> lines = new ArrayList<>();
        List<UnitMove> moves = new ArrayList<>();
        for (int i = 0; i < lineAndUnits.length; i += 2) {
            LineId line = LineId.of(String.valueOf(lineAndUnits[i]));
            Sku sku = order.line(line).orElseThrow().sku();
            lines.add(FulfilmentLine.of(line, sku, lineAndUnits[i + 1]));
            moves.add(new UnitMove(line, UnitState.RESERVED, UnitState.ALLOCATED, lineAndUnits[i + 1]));
        }
        long v = next("order:" + orderId);
        events.add(new OrderEvent.OrderUnitsAllocated(id(), order.id(), v, at, moves, fulfilmentId));
        events.add(new OrderEvent.OrderStatusChanged(id(), order.id(), v, at, OrderStatus.CONFIRMED, OrderStatus.IN_PREPARATION));
        FulfilmentId f = FulfilmentId.of(fulfilmentId);
        versions.put("f:" + fulfilmentId, 1L);
        events.add(new FulfilmentEvent.FulfilmentOffered(id(), f, order.id(), 1, at, kind, LocationId.of(location),
                kind.isCollected() ? order.delivery().pickupStore() : null, lines));
    }

    private OrderId orderOf(String fulfilmentId) {
        for (DomainEvent e : events) {
            if (e instanceof FulfilmentEvent.FulfilmentOffered && ((FulfilmentEvent) e).fulfilmentId().value().equals(fulfilmentId)) {
                return ((FulfilmentEvent) e).orderId();
            }
        }
        throw new IllegalStateException("no offer of " + fulfilmentId);
    }

    void shipped(String fulfilmentId, Instant at) {
        events.add(new FulfilmentEvent.FulfilmentShipped(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, ShipmentDetails.of("S-" + fulfilmentId, "DHL", "TRK-" + fulfilmentId)));
    }

    void readyInStore(String fulfilmentId, Instant at) {
        events.add(new FulfilmentEvent.FulfilmentPacked(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, FulfilmentStatus.READY_FOR_COLLECTION, at.plusSeconds(3 * 86_400)));
    }

    void arrivedAtStore(String fulfilmentId, String store, Instant at) {
        events.add(new FulfilmentEvent.FulfilmentArrivedAtStore(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, LocationId.of(store), at.plusSeconds(3 * 86_400)));
    }

    void delivered(String fulfilmentId, Instant at) {
        events.add(new FulfilmentEvent.FulfilmentDelivered(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, "signed"));
    }

    void collected(String fulfilmentId, String store, Instant at) {
        events.add(new FulfilmentEvent.FulfilmentCollected(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, LocationId.of(store)));
    }

    void rejected(String fulfilmentId, Instant at, String reason, boolean whole, int line, int units) {
        events.add(new FulfilmentEvent.FulfilmentRejected(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, List.of(LineQuantity.of(LineId.of(String.valueOf(line)), units)), reason, whole));
    }

    void fulfilmentCancelled(String fulfilmentId, Instant at, CancellationReason reason, boolean whole, int line, int units) {
        events.add(new FulfilmentEvent.FulfilmentCancelled(id(), FulfilmentId.of(fulfilmentId), orderOf(fulfilmentId),
                next("f:" + fulfilmentId), at, List.of(LineQuantity.of(LineId.of(String.valueOf(line)), units)), reason, whole));
    }

    void stockMoved(String sku, String location, MovementReason reason, int units, Instant at) {
        StockMovement m = StockMovement.of(MovementKey.of("mv-" + (ids + 1)), Sku.of(sku), LocationId.of(location), reason, units,
                at, "");
        events.add(new InventoryEvent.StockMoved(id(), at, Sku.of(sku), m));
    }

    void level(String sku, String location, StockLevel from, StockLevel to, Instant at) {
        events.add(new InventoryEvent.StockLevelChanged(id(), at, Sku.of(sku), location == null ? null : LocationId.of(location),
                from, to, to == StockLevel.OUT_OF_STOCK ? 0 : 3));
    }

    void reserved(String key, String sku, Instant at) {
        events.add(new InventoryEvent.StockReserved(id(), at, Sku.of(sku), ReservationKey.of(key),
                List.of(new ReservationLine(Sku.of(sku), null, 1))));
    }

    void reservationReleased(String key, String sku, Instant at) {
        events.add(new InventoryEvent.ReservationReleased(id(), at, Sku.of(sku), ReservationKey.of(key),
                List.of(new ReservationLine(Sku.of(sku), null, 1)), ReservationStatus.CONSUMED));
    }

    /** Authorises a return of units of one line, then refunds {@code goods} euros for them at {@code refundedAt}. */
    void returned(String returnId, String orderId, Instant at, int line, int units, ReturnReason reason, String goods,
                  Instant refundedAt) {
        Order order = orders.get(OrderId.of(orderId));
        LineId lineId = LineId.of(String.valueOf(line));
        Return r = Return.authorise(ReturnId.of(returnId), order.id(), CustomerRef.of("customer-" + orderId), order.channel(),
                ReturnMethod.dropOff(LocationId.of("ST-1")), RefundTender.ORIGINAL_PAYMENT,
                List.of(ReturnLine.of(lineId, order.line(lineId).orElseThrow().sku(), units, reason)), at).state();
        events.add(new ReturnEvent.ReturnAuthorised(id(), r.id(), order.id(), 1, at, r));
        if (goods != null) {
            Money amount = Money.of(EUR, new BigDecimal(goods));
            Refund refund = new Refund("refund-" + returnId, RefundTender.ORIGINAL_PAYMENT,
                    List.of(new Refund.RefundedUnits(lineId, 0, units)), amount, Money.zero(EUR), Money.zero(EUR), Money.zero(EUR),
                    amount, RefundStatus.REQUESTED, "", "", refundedAt);
            events.add(new ReturnEvent.RefundRequested(id(), r.id(), order.id(), 2, refundedAt, refund));
            events.add(new ReturnEvent.ReturnRefunded(id(), r.id(), order.id(), 3, refundedAt, refund.key(), amount, "psp-" + returnId));
        }
    }

    /**
     * Authorises a return of units of several lines (line number to units), then refunds {@code goods} euros for all of
     * them in one refund at {@code refundedAt}.
     */
    void returnedLines(String returnId, String orderId, Instant at, ReturnReason reason, String goods, Instant refundedAt,
                       int... lineAndUnits) {
        Order order = orders.get(OrderId.of(orderId));
        List<ReturnLine> lines = new ArrayList<>();
        List<Refund.RefundedUnits> refunded = new ArrayList<>();
        for (int i = 0; i < lineAndUnits.length; i += 2) {
            LineId lineId = LineId.of(String.valueOf(lineAndUnits[i]));
            lines.add(ReturnLine.of(lineId, order.line(lineId).orElseThrow().sku(), lineAndUnits[i + 1], reason));
            refunded.add(new Refund.RefundedUnits(lineId, 0, lineAndUnits[i + 1]));
        }
        Return r = Return.authorise(ReturnId.of(returnId), order.id(), CustomerRef.of("customer-" + orderId), order.channel(),
                ReturnMethod.dropOff(LocationId.of("ST-1")), RefundTender.ORIGINAL_PAYMENT, lines, at).state();
        events.add(new ReturnEvent.ReturnAuthorised(id(), r.id(), order.id(), 1, at, r));
        Money amount = Money.of(EUR, new BigDecimal(goods));
        Refund refund = new Refund("refund-" + returnId, RefundTender.ORIGINAL_PAYMENT, refunded, amount, Money.zero(EUR),
                Money.zero(EUR), Money.zero(EUR), amount, RefundStatus.REQUESTED, "", "", refundedAt);
        events.add(new ReturnEvent.RefundRequested(id(), r.id(), order.id(), 2, refundedAt, refund));
        events.add(new ReturnEvent.ReturnRefunded(id(), r.id(), order.id(), 3, refundedAt, refund.key(), amount, "psp-" + returnId));
    }

    void returnCancelled(String returnId, String orderId, Instant at) {
        events.add(new ReturnEvent.ReturnCancelled(id(), ReturnId.of(returnId), OrderId.of(orderId), 9, at, "changed mind"));
    }
}
