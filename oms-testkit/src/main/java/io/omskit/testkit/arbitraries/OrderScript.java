package io.omskit.testkit.arbitraries;

import io.omskit.core.common.Change;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderTransitions;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.joda.money.Money;

/**
 * Drives a placed order through a sequence of legal commands. Each generated choice picks one of the commands
 * the order accepts in its current status and has units for, then the line, quantity and details of it; so a
 * history only ever contains what the aggregate allowed, and shrinking the choices shortens the history.
 */
final class OrderScript {

    private static final List<LocationId> LOCATIONS =
            List.of(LocationId.of("WH-1"), LocationId.of("WH-2"), LocationId.of("ST-1"), LocationId.of("DS-1"));
    private static final Set<OrderStatus> LATE = EnumSet.of(OrderStatus.READY_TO_SHIP,
            OrderStatus.DELIVERED, OrderStatus.PICKED_UP, OrderStatus.PARTIALLY_RETURNED);
    private static final CancellationReason[] CANCEL_REASONS = CancellationReason.values();
    private static final HoldReason[] HOLD_REASONS = HoldReason.values();

    /** One applicable command, from a choice value to the change it makes. */
    private record Step(int weight, Function<Integer, Function<Order, Change<Order, OrderEvent>>> command) {
    }

    private int allocations;
    private int shipments;
    private Instant now;

    private OrderScript(Instant start) {
        this.now = start;
    }

    /** The placed order and every event, after the commands the {@code choices} pick. */
    static Change<Order, OrderEvent> run(OrderId id, PlaceOrderRequest request, Instant placedAt, List<Integer> choices) {
        OrderScript script = new OrderScript(placedAt);
        Change<Order, OrderEvent> history = Order.place(id, request, placedAt);
        for (int choice : choices) {
            Order order = history.state();
            OrderStatus status = order.status();
            // Late statuses are passed through quickly (delivered orders drift into RETURNED one return at a
            // time); stopping there at random keeps them represented.
            if (LATE.contains(status) && Math.floorMod(choice >>> 20, 4) == 0) {
                break;
            }
            List<Step> steps = script.steps(order);
            if (steps.isEmpty()) {
                break;
            }
            script.now = script.now.plusSeconds(1 + Math.floorMod(choice, 7200));
            history = history.then(script.pick(steps, choice));
        }
        return history;
    }

    private Function<Order, Change<Order, OrderEvent>> pick(List<Step> steps, int choice) {
        int total = 0;
        for (Step s : steps) {
            total += s.weight();
        }
        int point = Math.floorMod(Integer.rotateLeft(choice, 11) ^ (choice >>> 7), total);
        for (Step s : steps) {
            point -= s.weight();
            if (point < 0) {
                return s.command().apply(choice);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private List<Step> steps(Order o) {
        List<Step> steps = new ArrayList<>();
        boolean home = o.delivery().method().isHomeDelivery();
        if (allowed(o, OrderCommand.RESERVE) && o.units(UnitState.OPEN) > 0) {
            steps.add(new Step(2, c -> order -> order.reserve(pickUnits(order, c, UnitState.OPEN), now)));
        }
        if (allowed(o, OrderCommand.RESERVE) && o.status() == io.omskit.core.order.OrderStatus.AWAITING_CONFIRMATION) {
            for (io.omskit.core.order.OrderLine l : o.lines()) {
                if (l.units().open() > 0 && l.backorder() == null) {
                    // units sold beyond stock: a pre-order dated a week on, or a backorder without a date
                    steps.add(new Step(2, c -> order -> order.awaitStock(l.id(), new io.omskit.core.order.LineBackorder(
                            1 + Math.floorMod(c, l.units().open()), 0, io.omskit.core.network.LocationId.of("WH-1"),
                            c % 2 == 0, c % 2 == 0 ? now.plusSeconds(604_800) : null,
                            c % 2 == 0 ? now.plusSeconds(691_200) : null), now)));
                    break;
                }
            }
        }
        for (io.omskit.core.order.OrderLine l : o.lines()) {
            if (l.awaitingStock() > 0) {
                steps.add(new Step(3, c -> order -> order.fillBackorder(l.id(), 1 + Math.floorMod(c, l.awaitingStock()),
                        "fill-" + c, now)));
                break;
            }
        }
        if (allowed(o, OrderCommand.RELEASE_RESERVATION) && o.units(UnitState.RESERVED) > 0) {
            steps.add(new Step(1, c -> order -> order.releaseReservation(pickUnits(order, c, UnitState.RESERVED), now)));
        }
        if (allowed(o, OrderCommand.RECORD_PAYMENT)) {
            paymentStep(o, steps);
        }
        if (allowed(o, OrderCommand.CONFIRM) && (o.payment().status() == PaymentStatus.AUTHORISED
                || o.payment().status() == PaymentStatus.CAPTURED)) {
            steps.add(new Step(10, c -> order -> order.confirm(now)));
        }
        if (allowed(o, OrderCommand.HOLD)) {
            steps.add(new Step(1, c -> order -> order.hold(HOLD_REASONS[Math.floorMod(c, HOLD_REASONS.length)],
                    "held by script", now)));
        }
        if (allowed(o, OrderCommand.RELEASE_HOLD)) {
            steps.add(new Step(6, c -> order -> order.releaseHold(now)));
        }
        if (allowed(o, OrderCommand.ALLOCATE) && o.units(UnitState.OPEN) + o.units(UnitState.RESERVED) > 0) {
            steps.add(new Step(6, c -> order -> {
                List<LineQuantity> q = pickUnits(order, c, UnitState.OPEN, UnitState.RESERVED);
                LocationId location = LOCATIONS.get(Math.floorMod(c, LOCATIONS.size()));
                String key = "ALLOC-" + (++allocations);
                // Half of the fulfilments share an inventory allocation that spans locations.
                return Math.floorMod(c >>> 9, 2) == 0
                        ? order.allocate(location, key, q, now)
                        : order.allocate(location, key, "INV-" + (allocations + 1) / 2, q, now);
            }));
        }
        if (allowed(o, OrderCommand.DEALLOCATE) && hasHeld(o, true)) {
            steps.add(new Step(1, c -> order -> {
                Held h = held(order, c, Held.ALLOCATED);
                return order.deallocate(h.key(), h.quantities(), now);
            }));
        }
        if (allowed(o, OrderCommand.MARK_READY) && hasHeld(o, true)) {
            steps.add(new Step(5, c -> order -> {
                Held h = held(order, c, Held.ALLOCATED);
                return order.markReady(h.key(), h.quantities(), now);
            }));
        }
        if (home && allowed(o, OrderCommand.SHIP) && !o.allocations().isEmpty()) {
            steps.add(new Step(6, c -> order -> {
                Held h = held(order, c, Held.ANY);
                return order.ship(h.key(), h.quantities(), "SHIP-" + (++shipments), now);
            }));
        }
        if (!home && allowed(o, OrderCommand.PICK_UP) && hasReady(o)) {
            steps.add(new Step(6, c -> order -> {
                Held h = held(order, c, Held.READY);
                return order.pickUp(h.key(), h.quantities(), now);
            }));
        }
        if (allowed(o, OrderCommand.DELIVER) && o.units(UnitState.SHIPPED) > 0) {
            steps.add(new Step(8, c -> order -> order.deliver(pickUnits(order, c, UnitState.SHIPPED), "POD", now)));
        }
        if (allowed(o, OrderCommand.RETURN)
                && o.units(UnitState.DELIVERED) + o.units(UnitState.PICKED_UP) + o.units(UnitState.SHIPPED) > 0) {
            steps.add(new Step(1, c -> order -> order.returnUnits(
                    pickFromOneLine(order, c, UnitState.DELIVERED, UnitState.PICKED_UP, UnitState.SHIPPED), "RMA", now)));
        }
        if (allowed(o, OrderCommand.CANCEL) && o.units(UnitState.OPEN) + o.units(UnitState.RESERVED) > 0) {
            steps.add(new Step(1, c -> order -> {
                CancellationReason reason = CANCEL_REASONS[Math.floorMod(c, CANCEL_REASONS.length)];
                return Math.floorMod(c, 8) == 0
                        ? order.cancelAll(reason, now)
                        : order.cancel(pickFromOneLine(order, c, UnitState.OPEN, UnitState.RESERVED), reason, now);
            }));
        }
        if (allowed(o, OrderCommand.CANCEL) && !o.allocations().isEmpty()) {
            steps.add(new Step(1, c -> order -> {
                Held h = held(order, c, Held.ANY);
                return order.cancelHeld(h.key(), h.quantities(), CANCEL_REASONS[Math.floorMod(c, CANCEL_REASONS.length)], now);
            }));
        }
        return steps;
    }

    private void paymentStep(Order o, List<Step> steps) {
        PaymentSummary p = o.payment();
        boolean awaiting = o.confirmedAt() == null;
        if (awaiting && p.status() != PaymentStatus.AUTHORISED && p.status() != PaymentStatus.CAPTURED) {
            steps.add(new Step(8, c -> order -> {
                PaymentSummary before = order.payment().status() == PaymentStatus.DECLINED
                        ? order.payment().nextAttempt()
                        : order.payment();
                return switch (Math.floorMod(c, 8)) {
                    case 0 -> order.recordPayment("authorise", PaymentOutcome.DECLINED,
                            before.with(PaymentStatus.DECLINED, "card declined"), now);
                    case 1 -> order.recordPayment("authorise", PaymentOutcome.UNKNOWN,
                            before.with(PaymentStatus.UNKNOWN, "timeout"), now);
                    default -> order.recordPayment("authorise", PaymentOutcome.SUCCEEDED,
                            before.authorisedFor(order.total(), "AUTH-" + before.attempt()), now);
                };
            }));
        }
        if (p.status() == PaymentStatus.AUTHORISED && p.authorised().isPositive() && o.units(UnitState.SHIPPED)
                + o.units(UnitState.DELIVERED) + o.units(UnitState.PICKED_UP) > 0) {
            steps.add(new Step(2, c -> order -> order.recordPayment("capture", PaymentOutcome.SUCCEEDED,
                    order.payment().capturedAmount(order.payment().authorised()), now)));
        }
        if (p.status() == PaymentStatus.AUTHORISED && o.units(UnitState.CANCELLED) == quantity(o)) {
            steps.add(new Step(3, c -> order -> order.recordPayment("void", PaymentOutcome.SUCCEEDED,
                    order.payment().voided(), now)));
        }
        Money refundable = p.captured().minus(p.refunded());
        if (refundable.isPositive() && o.units(UnitState.RETURNED) > 0) {
            steps.add(new Step(2, c -> order -> {
                PaymentSummary q = order.payment();
                return order.recordPayment("refund", PaymentOutcome.SUCCEEDED, new PaymentSummary(PaymentStatus.REFUNDED,
                        q.attempt(), q.authorisationRef(), q.authorised(), q.captured(), q.captured(), ""), now);
            }));
        }
    }

    private static int quantity(Order o) {
        int n = 0;
        for (OrderLine l : o.lines()) {
            n += l.quantity();
        }
        return n;
    }

    private static boolean allowed(Order o, OrderCommand command) {
        return OrderTransitions.isAllowed(o.status(), command);
    }

    /**
     * Units in {@code states}: a third of the time all of them on every line, a third all of one line, else
     * 1 to all of one line; so that orders move on far enough to reach late states.
     */
    private static List<LineQuantity> pickUnits(Order order, int choice, UnitState... states) {
        List<OrderLine> candidates = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            if (count(l, states) > 0) {
                candidates.add(l);
            }
        }
        int mode = Math.floorMod(choice >>> 13, 3);
        if (mode == 0) {
            List<LineQuantity> all = new ArrayList<>(candidates.size());
            for (OrderLine l : candidates) {
                all.add(LineQuantity.of(l.id(), count(l, states)));
            }
            return all;
        }
        OrderLine line = candidates.get(Math.floorMod(choice, candidates.size()));
        int available = count(line, states);
        return List.of(LineQuantity.of(line.id(), mode == 1 ? available : 1 + Math.floorMod(choice >>> 3, available)));
    }

    /** 1 to all units in {@code states} of one line. */
    private static List<LineQuantity> pickFromOneLine(Order order, int choice, UnitState... states) {
        List<OrderLine> candidates = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            if (count(l, states) > 0) {
                candidates.add(l);
            }
        }
        OrderLine line = candidates.get(Math.floorMod(choice, candidates.size()));
        return List.of(LineQuantity.of(line.id(), 1 + Math.floorMod(choice >>> 3, count(line, states))));
    }

    private static int count(OrderLine line, UnitState... states) {
        int n = 0;
        for (UnitState s : states) {
            n += line.units().get(s);
        }
        return n;
    }

    private static boolean hasHeld(Order o, boolean allocatedOnly) {
        for (LineAllocation a : o.allocations()) {
            if (!allocatedOnly || a.allocated() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasReady(Order o) {
        for (LineAllocation a : o.allocations()) {
            if (a.ready() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Units held under one allocation key, as a command on that allocation takes them. */
    private record Held(String key, List<LineQuantity> quantities) {
        static final int ALLOCATED = 0;
        static final int READY = 1;
        static final int ANY = 2;
    }

    /**
     * An allocation with units of {@code kind}, and half of the time all those units on every line of it,
     * otherwise 1 to all of them on one line.
     */
    private static Held held(Order order, int choice, int kind) {
        List<LineAllocation> candidates = new ArrayList<>();
        for (LineAllocation a : order.allocations()) {
            if (units(a, kind) > 0) {
                candidates.add(a);
            }
        }
        LineAllocation chosen = candidates.get(Math.floorMod(choice >>> 5, candidates.size()));
        if (Math.floorMod(choice >>> 17, 2) == 0) {
            List<LineQuantity> all = new ArrayList<>();
            for (LineAllocation a : candidates) {
                if (a.allocationKey().equals(chosen.allocationKey())) {
                    all.add(LineQuantity.of(a.line(), units(a, kind)));
                }
            }
            return new Held(chosen.allocationKey(), all);
        }
        return new Held(chosen.allocationKey(),
                List.of(LineQuantity.of(chosen.line(), 1 + Math.floorMod(choice, units(chosen, kind)))));
    }

    private static int units(LineAllocation a, int kind) {
        return switch (kind) {
            case Held.ALLOCATED -> a.allocated();
            case Held.READY -> a.ready();
            default -> a.units();
        };
    }
}
