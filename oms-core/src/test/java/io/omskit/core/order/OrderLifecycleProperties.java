package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.common.Change;
import io.omskit.core.network.LocationId;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.PaymentSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The order aggregate's invariants under any sequence of commands, legal or not. A small model predicts whether
 * each command must be accepted; the properties check that the aggregate agrees, that refusals change nothing,
 * that accepted commands raise their events at the next version, and that no unit is ever created or lost.
 */
class OrderLifecycleProperties {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final List<LocationId> LOCATIONS = List.of(LocationId.of("WH-1"), LocationId.of("ST-1"));
    private static final LineId UNKNOWN_LINE = LineId.of("no-such-line");

    // ---- generators (local: oms-testkit's arbitraries are built after this module) ----

    private static Arbitrary<Money> euros(int maxMajor) {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(maxMajor)).ofScale(2)
                .map(a -> Money.of(EUR, a));
    }

    private static Arbitrary<Money> shareOf(Money whole) {
        return Arbitraries.integers().between(0, 100)
                .map(pct -> whole.multipliedBy(BigDecimal.valueOf(pct, 2), RoundingMode.DOWN));
    }

    private static Arbitrary<LineRequest> line(int index) {
        return Combinators.combine(Arbitraries.integers().between(1, 6), euros(100), Arbitraries.of(true, false))
                .flatAs((quantity, price, discounted) -> (discounted ? shareOf(price.multipliedBy(quantity))
                        .map(d -> List.of(Adjustment.of("PROMO", d))) : Arbitraries.just(List.<Adjustment>of()))
                        .map(discounts -> new LineRequest(LineId.of("L" + index), io.omskit.core.catalog.Sku.of("SKU-" + index),
                                quantity, price, discounts, null)));
    }

    /** Placed orders of 1 to 4 lines, home delivery or pickup, with the given cap on order discounts. */
    private static Arbitrary<Order> placedOrders(boolean discountsWithinTotal) {
        Arbitrary<List<LineRequest>> lines = Arbitraries.integers().between(1, 4).flatMap(n -> {
            List<Arbitrary<LineRequest>> each = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                each.add(line(i));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
        Arbitrary<DeliveryChoice> delivery = Arbitraries.of(
                DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null),
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("ST-1"), null));
        return Combinators.combine(lines, delivery, euros(20).list().ofMaxSize(2), Arbitraries.integers().between(0, 150))
                .as((ls, d, charges, discountPct) -> {
                    Money linesTotal = Money.zero(EUR);
                    for (LineRequest l : ls) {
                        Money t = l.unitPrice().multipliedBy(l.quantity());
                        for (Adjustment a : l.discounts()) {
                            t = t.minus(a.amount());
                        }
                        linesTotal = linesTotal.plus(t);
                    }
                    int pct = discountsWithinTotal ? Math.min(discountPct, 100) : discountPct;
                    Money discount = linesTotal.multipliedBy(BigDecimal.valueOf(pct, 2), RoundingMode.DOWN);
                    List<Adjustment> chargeList = new ArrayList<>();
                    for (int i = 0; i < charges.size(); i++) {
                        chargeList.add(Adjustment.of("charge-" + i, charges.get(i)));
                    }
                    PlaceOrderRequest request = new PlaceOrderRequest(Channel.WEB, ExternalOrderRef.of("W-1"),
                            CustomerRef.of("C-1"), EUR, d, ls, List.of(Adjustment.of("ORDER", discount)), chargeList, "tok");
                    return Order.place(OrderId.of("O-1"), request, T0).state();
                });
    }

    // ---- commands and the model of which are accepted ----

    /**
     * One command: what it does to an order, and whether the model says the order must accept it.
     *
     * @param moves the units the command moves (empty for commands that move none)
     */
    private record Cmd(String description, OrderCommand command, List<LineQuantity> moves,
                       Function<Order, Change<Order, OrderEvent>> run, boolean expectedAccepted) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static Instant now(Order before) {
        return T0.plusSeconds(before.version() * 60);
    }

    private static boolean allowed(Order o, OrderCommand command) {
        return OrderTransitions.isAllowed(o.status(), command);
    }

    private static int units(Order o, LineId line, UnitState... states) {
        int n = 0;
        for (OrderLine l : o.lines()) {
            if (l.id().equals(line)) {
                for (UnitState s : states) {
                    n += l.units().get(s);
                }
            }
        }
        return n;
    }

    private static int held(Order o, String key, LineId line, boolean allocated, boolean ready) {
        int n = 0;
        for (LineAllocation a : o.allocations()) {
            if (a.allocationKey().equals(key) && a.line().equals(line)) {
                n += (allocated ? a.allocated() : 0) + (ready ? a.ready() : 0);
            }
        }
        return n;
    }

    private static boolean known(Order o, LineId line) {
        return o.line(line).isPresent();
    }

    /** A command that moves {@code q} units of one line, accepted iff allowed and the line has them. */
    private static Cmd move(Order o, String name, OrderCommand command, LineQuantity q, int available,
                            Function<Order, Change<Order, OrderEvent>> run) {
        boolean ok = allowed(o, command) && known(o, q.line()) && available >= q.quantity();
        return new Cmd(name + " " + q.quantity() + " of " + q.line(), command, List.of(q), run, ok);
    }

    /**
     * Generates the next command from the order's state: mostly commands its status accepts, on units it has,
     * and now and then one it must refuse (wrong status, too many units, unknown line or allocation).
     */
    private static final class Commands implements Action.Dependent<Order> {

        @Override
        public Arbitrary<Transformer<Order>> transformer(Order o) {
            Instant now = now(o);
            boolean pickup = o.delivery().method().isPickup();
            UnitState[] returnable = {UnitState.DELIVERED, UnitState.PICKED_UP, UnitState.SHIPPED};
            UnitState[] cancellable = {UnitState.OPEN, UnitState.RESERVED};
            boolean paid = o.payment().status() == PaymentStatus.AUTHORISED || o.payment().status() == PaymentStatus.CAPTURED;
            List<Tuple2<Integer, Arbitrary<Cmd>>> choices = new ArrayList<>();

            add(choices, enabled(o, OrderCommand.RESERVE, UnitState.OPEN), 4, someUnits(o, UnitState.OPEN).map(q ->
                    move(o, "reserve", OrderCommand.RESERVE, q, units(o, q.line(), UnitState.OPEN),
                            x -> x.reserve(List.of(q), now))));
            add(choices, enabled(o, OrderCommand.RESERVE, UnitState.OPEN), 2, Arbitraries.just(new Cmd("reserve all",
                    OrderCommand.RESERVE, allOf(o, UnitState.OPEN), x -> x.reserveAll(now), allowed(o, OrderCommand.RESERVE))));
            add(choices, enabled(o, OrderCommand.RELEASE_RESERVATION, UnitState.RESERVED), 1, someUnits(o, UnitState.RESERVED)
                    .map(q -> move(o, "release", OrderCommand.RELEASE_RESERVATION, q, units(o, q.line(), UnitState.RESERVED),
                            x -> x.releaseReservation(List.of(q), now))));
            add(choices, enabled(o, OrderCommand.RELEASE_RESERVATION, UnitState.RESERVED), 1, Arbitraries.just(new Cmd(
                    "release all", OrderCommand.RELEASE_RESERVATION, allOf(o, UnitState.RESERVED),
                    x -> x.releaseAllReservations(now), allowed(o, OrderCommand.RELEASE_RESERVATION))));
            add(choices, o.confirmedAt() == null && !paid, 8,
                    Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3), Tuple.of(1, 4),
                            Tuple.of(1, 5)).map(kind -> payment(o, kind, now)));
            add(choices, allowed(o, OrderCommand.CONFIRM) && paid, 10, Arbitraries.just(new Cmd("confirm",
                    OrderCommand.CONFIRM, List.of(), x -> x.confirm(now), allowed(o, OrderCommand.CONFIRM) && paid)));
            add(choices, false, 1, Arbitraries.of(HoldReason.class).map(reason -> new Cmd("hold (" + reason + ")",
                    OrderCommand.HOLD, List.of(), x -> x.hold(reason, "checked by property", now), allowed(o, OrderCommand.HOLD))));
            add(choices, allowed(o, OrderCommand.RELEASE_HOLD), 6, Arbitraries.just(new Cmd("release hold",
                    OrderCommand.RELEASE_HOLD, List.of(), x -> x.releaseHold(now), allowed(o, OrderCommand.RELEASE_HOLD))));
            add(choices, enabled(o, OrderCommand.ALLOCATE, UnitState.OPEN, UnitState.RESERVED), 8, Combinators.combine(
                    someUnits(o, UnitState.OPEN, UnitState.RESERVED), keys(o, false), Arbitraries.of(LOCATIONS),
                    Arbitraries.of("", "INV-1", "INV-2"))
                    .as((q, key, location, inventory) -> {
                        String inventoryKey = inventory.isEmpty() ? key : inventory;
                        boolean clash = false;
                        for (LineAllocation a : o.allocations()) {
                            clash |= a.allocationKey().equals(key) && a.line().equals(q.line())
                                    && (!a.location().equals(location) || !a.inventoryKey().equals(inventoryKey));
                        }
                        Cmd c = move(o, "allocate at " + location + " under " + key + " for " + inventoryKey,
                                OrderCommand.ALLOCATE, q, units(o, q.line(), UnitState.OPEN, UnitState.RESERVED),
                                inventory.isEmpty()
                                        ? x -> x.allocate(location, key, List.of(q), now)
                                        : x -> x.allocate(location, key, inventoryKey, List.of(q), now));
                        return new Cmd(c.description(), c.command(), c.moves(), c.run(), c.expectedAccepted() && !clash);
                    }));
            add(choices, false, 1, heldUnits(o, true, false).map(h -> move(o, "deallocate " + h.get1(),
                    OrderCommand.DEALLOCATE, h.get2(), held(o, h.get1(), h.get2().line(), true, false),
                    x -> x.deallocate(h.get1(), List.of(h.get2()), now))));
            add(choices, enabled(o, OrderCommand.MARK_READY, UnitState.ALLOCATED), 6, heldUnits(o, true, false).map(h ->
                    move(o, "mark ready " + h.get1(), OrderCommand.MARK_READY, h.get2(),
                            held(o, h.get1(), h.get2().line(), true, false), x -> x.markReady(h.get1(), List.of(h.get2()), now))));
            add(choices, !pickup && enabled(o, OrderCommand.SHIP, UnitState.ALLOCATED, UnitState.READY), 6,
                    heldUnits(o, true, true).map(h -> move(o, "ship " + h.get1(), OrderCommand.SHIP, h.get2(),
                            held(o, h.get1(), h.get2().line(), true, true),
                            x -> x.ship(h.get1(), List.of(h.get2()), "P-" + o.version(), now))));
            add(choices, pickup && enabled(o, OrderCommand.PICK_UP, UnitState.READY), 6, heldUnits(o, false, true).map(h ->
                    move(o, "pick up " + h.get1(), OrderCommand.PICK_UP, h.get2(), held(o, h.get1(), h.get2().line(), false, true),
                            x -> x.pickUp(h.get1(), List.of(h.get2()), now))));
            add(choices, false, 1, Combinators.combine(heldUnits(o, true, true), Arbitraries.of(CancellationReason.class))
                    .as((h, reason) -> move(o, "cancel held " + h.get1() + " (" + reason + ")", OrderCommand.CANCEL, h.get2(),
                            held(o, h.get1(), h.get2().line(), true, true),
                            x -> x.cancelHeld(h.get1(), List.of(h.get2()), reason, now))));
            add(choices, enabled(o, OrderCommand.DELIVER, UnitState.SHIPPED), 6, someUnits(o, UnitState.SHIPPED).map(q ->
                    move(o, "deliver", OrderCommand.DELIVER, q, units(o, q.line(), UnitState.SHIPPED),
                            x -> x.deliver(List.of(q), "POD", now))));
            add(choices, false, 1, someUnits(o, returnable).map(q -> move(o, "return", OrderCommand.RETURN, q,
                    units(o, q.line(), returnable), x -> x.returnUnits(List.of(q), "RMA", now))));
            add(choices, false, 1, Combinators.combine(someUnits(o, cancellable), Arbitraries.of(CancellationReason.class))
                    .as((q, reason) -> move(o, "cancel (" + reason + ")", OrderCommand.CANCEL, q, units(o, q.line(), cancellable),
                            x -> x.cancel(List.of(q), reason, now))));
            List<LineQuantity> all = allOf(o, cancellable);
            add(choices, false, 1, Arbitraries.of(CancellationReason.class).map(reason -> new Cmd("cancel all",
                    OrderCommand.CANCEL, all, x -> x.cancelAll(reason, now), allowed(o, OrderCommand.CANCEL) && !all.isEmpty())));
            return Arbitraries.frequencyOf(choices).map(OrderLifecycleProperties::checked);
        }

        /** Adds a command with {@code weight} when it moves the order on, with weight 1 otherwise (mostly to be refused). */
        private static void add(List<Tuple2<Integer, Arbitrary<Cmd>>> choices, boolean movesOn, int weight,
                                Arbitrary<Cmd> cmd) {
            choices.add(Tuple.of(movesOn ? weight : 1, cmd));
        }

        /** Whether the status accepts {@code command} and the order has units in {@code from}. */
        private static boolean enabled(Order o, OrderCommand command, UnitState... from) {
            return allowed(o, command) && !allOf(o, from).isEmpty();
        }

        /** Mostly 1 to all units a line has in {@code states}; sometimes too many, or an unknown line. */
        private static Arbitrary<LineQuantity> someUnits(Order o, UnitState... states) {
            List<LineQuantity> available = allOf(o, states);
            Arbitrary<LineQuantity> any = Combinators.combine(Arbitraries.of(lineIds(o)), Arbitraries.integers().between(1, 7))
                    .as(LineQuantity::of);
            if (available.isEmpty()) {
                return any;
            }
            Arbitrary<LineQuantity> fitting = Arbitraries.of(available).flatMap(q -> Arbitraries.frequency(
                    Tuple.of(2, q.quantity()), Tuple.of(1, 1)).flatMap(max -> Arbitraries.integers().between(1, max))
                    .map(n -> LineQuantity.of(q.line(), n)));
            return Arbitraries.frequencyOf(Tuple.of(8, fitting), Tuple.of(2, any));
        }

        /** An allocation key holding units of the asked kind with 1 to all of them, or now and then anything. */
        private static Arbitrary<Tuple2<String, LineQuantity>> heldUnits(Order o, boolean allocated, boolean ready) {
            List<Tuple2<String, LineQuantity>> available = new ArrayList<>();
            for (LineAllocation a : o.allocations()) {
                int n = (allocated ? a.allocated() : 0) + (ready ? a.ready() : 0);
                if (n > 0) {
                    available.add(Tuple.of(a.allocationKey(), LineQuantity.of(a.line(), n)));
                }
            }
            Arbitrary<Tuple2<String, LineQuantity>> any = Combinators.combine(keys(o, true), Arbitraries.of(lineIds(o)),
                    Arbitraries.integers().between(1, 7)).as((k, l, n) -> Tuple.of(k, LineQuantity.of(l, n)));
            if (available.isEmpty()) {
                return any;
            }
            Arbitrary<Tuple2<String, LineQuantity>> fitting = Arbitraries.of(available).flatMap(t -> Arbitraries.frequency(
                    Tuple.of(2, t.get2().quantity()), Tuple.of(1, 1)).flatMap(max -> Arbitraries.integers().between(1, max))
                    .map(n -> Tuple.of(t.get1(), LineQuantity.of(t.get2().line(), n))));
            return Arbitraries.frequencyOf(Tuple.of(8, fitting), Tuple.of(2, any));
        }

        /** The order's lines and one unknown line. */
        private static List<LineId> lineIds(Order o) {
            List<LineId> ids = new ArrayList<>();
            for (OrderLine l : o.lines()) {
                ids.add(l.id());
            }
            ids.add(UNKNOWN_LINE);
            return ids;
        }

        /** The keys in use, a fresh one, and (when {@code withUnknown}) one never used. */
        private static Arbitrary<String> keys(Order o, boolean withUnknown) {
            Set<String> keys = new LinkedHashSet<>();
            for (LineAllocation a : o.allocations()) {
                keys.add(a.allocationKey());
            }
            keys.add("A-" + o.version());
            if (withUnknown) {
                keys.add("A-unknown");
            }
            return Arbitraries.of(List.copyOf(keys));
        }
    }

    /** Payment bookkeeping: successful, declined and unknown authorisations, capture, void, and one in the wrong currency. */
    private static Cmd payment(Order o, int kind, Instant now) {
        boolean allowed = allowed(o, OrderCommand.RECORD_PAYMENT);
        return switch (kind) {
            case 0 -> new Cmd("authorise", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("authorise",
                    PaymentOutcome.SUCCEEDED, x.payment().authorisedFor(x.total(), "AUTH"), now), allowed);
            case 1 -> new Cmd("authorise declined", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("authorise",
                    PaymentOutcome.DECLINED, x.payment().with(PaymentStatus.DECLINED, "declined"), now), allowed);
            case 2 -> new Cmd("authorise unknown", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("authorise",
                    PaymentOutcome.UNKNOWN, x.payment().with(PaymentStatus.UNKNOWN, "timeout"), now), allowed);
            case 3 -> new Cmd("capture", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("capture",
                    PaymentOutcome.SUCCEEDED, x.payment().capturedAmount(x.payment().authorised()), now), allowed);
            case 4 -> new Cmd("void", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("void",
                    PaymentOutcome.SUCCEEDED, x.payment().voided(), now), allowed);
            default -> new Cmd("authorise in USD", OrderCommand.RECORD_PAYMENT, List.of(), x -> x.recordPayment("authorise",
                    PaymentOutcome.SUCCEEDED, PaymentSummary.none(CurrencyUnit.USD), now), false);
        };
    }

    private static List<LineQuantity> allOf(Order o, UnitState... states) {
        List<LineQuantity> all = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            int n = units(o, l.id(), states);
            if (n > 0) {
                all.add(LineQuantity.of(l.id(), n));
            }
        }
        return all;
    }

    /** Runs {@code cmd} and checks the outcome against the model: the transformer of every action. */
    private static Transformer<Order> checked(Cmd cmd) {
        return Transformer.transform(cmd.description(), before -> {
            Order snapshot = copyOf(before);
            Change<Order, OrderEvent> change;
            try {
                change = cmd.run().apply(before);
            } catch (IllegalTransitionException | IllegalArgumentException refused) {
                assertThat(cmd.expectedAccepted()).as("%s was refused: %s", cmd, refused.getMessage()).isFalse();
                assertThat(before).as("a refused command leaves the order unchanged").isEqualTo(snapshot);
                return before;
            }
            assertThat(cmd.expectedAccepted()).as("%s was accepted by an order in %s", cmd, snapshot.status()).isTrue();
            assertThat(before).as("the order a command was called on is left as it was").isEqualTo(snapshot);
            checkAccepted(cmd, before, change);
            return change.state();
        });
    }

    private static void checkAccepted(Cmd cmd, Order before, Change<Order, OrderEvent> change) {
        Order after = change.state();
        if (change.events().isEmpty()) {
            assertThat(after).as("%s changed nothing", cmd).isEqualTo(before);
            assertThat(cmd.moves()).isEmpty();
            return;
        }
        assertThat(after.version()).as("version after %s", cmd).isEqualTo(before.version() + 1);
        for (OrderEvent e : change.events()) {
            assertThat(e.version()).as("event version").isEqualTo(after.version());
            assertThat(e.orderId()).isEqualTo(before.id());
            assertThat(e.occurredAt()).isEqualTo(now(before));
        }
        OrderEvent first = change.events().get(0);
        boolean statusChanged = before.status() != after.status();
        assertThat(change.events()).hasSize(statusChanged ? 2 : 1);
        if (statusChanged) {
            assertThat(change.events().get(1)).isEqualTo(new OrderEvent.OrderStatusChanged(
                    change.events().get(1).eventId(), before.id(), after.version(), now(before), before.status(), after.status()));
        }
        switch (cmd.command()) {
            case CONFIRM -> assertThat(first).isInstanceOf(OrderEvent.OrderConfirmed.class);
            case HOLD -> assertThat(first).isInstanceOf(OrderEvent.OrderPutOnHold.class);
            case RELEASE_HOLD -> assertThat(first).isInstanceOf(OrderEvent.OrderHoldReleased.class);
            case RECORD_PAYMENT -> assertThat(((OrderEvent.OrderPaymentUpdated) first).payment()).isEqualTo(after.payment());
            default -> checkUnitsMoved(cmd, before, after, (OrderEvent.UnitsMoved) first);
        }
        assertThat(after.lines().size()).isEqualTo(before.lines().size());
        assertThat(List.of(after.id(), after.channel(), after.externalRef(), after.customer(), after.currency(),
                after.delivery(), after.discounts(), after.charges(), after.placedAt()))
                .isEqualTo(List.of(before.id(), before.channel(), before.externalRef(), before.customer(), before.currency(),
                        before.delivery(), before.discounts(), before.charges(), before.placedAt()));
    }

    /** The event's moves turn the units before into the units after, and move what the command asked for. */
    private static void checkUnitsMoved(Cmd cmd, Order before, Order after, OrderEvent.UnitsMoved event) {
        assertThat(event.command()).isEqualTo(cmd.command());
        Map<LineId, UnitCounts> expected = new HashMap<>();
        for (OrderLine l : before.lines()) {
            expected.put(l.id(), l.units());
        }
        Map<LineId, Integer> movedPerLine = new HashMap<>();
        for (UnitMove m : event.moves()) {
            expected.put(m.line(), expected.get(m.line()).move(m.from(), m.to(), m.quantity()));
            movedPerLine.merge(m.line(), m.quantity(), Integer::sum);
        }
        for (OrderLine l : after.lines()) {
            assertThat(l.units()).as("units of %s after %s", l.id(), cmd).isEqualTo(expected.get(l.id()));
        }
        Map<LineId, Integer> asked = new HashMap<>();
        for (LineQuantity q : cmd.moves()) {
            asked.merge(q.line(), q.quantity(), Integer::sum);
        }
        assertThat(movedPerLine).as("units moved by %s", cmd).isEqualTo(asked);
        assertThat(event instanceof OrderEvent.OrderUnitsCancelled c && c.reason() != null)
                .as("a cancellation, and only a cancellation, names its reason").isEqualTo(cmd.command() == OrderCommand.CANCEL);
    }

    private static Order copyOf(Order o) {
        return new Order(o.id(), o.version(), o.channel(), o.externalRef(), o.customer(), o.currency(), o.delivery(),
                new ArrayList<>(o.lines()), new ArrayList<>(o.discounts()), new ArrayList<>(o.charges()), o.paymentRef(),
                o.payment(), o.hold(), o.placedAt(), o.confirmedAt(), new ArrayList<>(o.allocations()), new ArrayList<>(o.commandKeys()), new ArrayList<>(o.pendingEvents()), new ArrayList<>(o.shipping()));
    }

    // ---- invariants ----

    /** Every line still has its quantity, and its units add up to it. */
    private static void noUnitCreatedOrLost(Order initial, Order o) {
        assertThat(o.lines()).hasSameSizeAs(initial.lines());
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLine line = o.lines().get(i);
            assertThat(line.id()).isEqualTo(initial.lines().get(i).id());
            assertThat(line.quantity()).isEqualTo(initial.lines().get(i).quantity());
            assertThat(line.units().total()).as("units of %s", line.id()).isEqualTo(line.quantity());
        }
    }

    /** Allocated and ready units are exactly those the allocations hold. */
    private static void allocationsMatchUnits(Order o) {
        for (OrderLine line : o.lines()) {
            int allocated = 0;
            int ready = 0;
            for (LineAllocation a : o.allocations()) {
                if (a.line().equals(line.id())) {
                    allocated += a.allocated();
                    ready += a.ready();
                }
            }
            assertThat(allocated).isEqualTo(line.units().allocated());
            assertThat(ready).isEqualTo(line.units().ready());
        }
    }

    /** The derived status says what the unit counts, the hold and the confirmation say. */
    private static void statusConsistentWithUnits(Order o) {
        Map<UnitState, Integer> n = new EnumMap<>(UnitState.class);
        int quantity = 0;
        for (UnitState s : UnitState.values()) {
            n.put(s, o.units(s));
            quantity += o.units(s);
        }
        int active = quantity - n.get(UnitState.CANCELLED);
        int beforeShipping = n.get(UnitState.OPEN) + n.get(UnitState.RESERVED);
        OrderStatus status = o.status();
        assertThat(status == OrderStatus.ON_HOLD).as("on hold iff held").isEqualTo(o.hold() != null);
        if (o.hold() != null) {
            return;
        }
        assertThat(status == OrderStatus.CANCELLED).as("cancelled iff every unit is").isEqualTo(active == 0);
        if (active == 0) {
            return;
        }
        assertThat(status == OrderStatus.AWAITING_CONFIRMATION).as("awaiting iff not confirmed")
                .isEqualTo(o.confirmedAt() == null);
        if (o.confirmedAt() == null) {
            assertThat(n.get(UnitState.ALLOCATED) + n.get(UnitState.READY) + n.get(UnitState.SHIPPED)).isZero();
            return;
        }
        switch (status) {
            case CONFIRMED -> assertThat(beforeShipping).isPositive();
            case PARTIALLY_CANCELLED -> {
                assertThat(beforeShipping).isPositive();
                assertThat(n.get(UnitState.CANCELLED)).isPositive();
            }
            case IN_PREPARATION -> {
                assertThat(beforeShipping).isZero();
                assertThat(n.get(UnitState.ALLOCATED)).isPositive();
            }
            case READY_FOR_PICKUP, READY_TO_SHIP -> {
                assertThat(beforeShipping + n.get(UnitState.ALLOCATED)).isZero();
                assertThat(n.get(UnitState.READY)).isPositive();
                assertThat(status == OrderStatus.READY_FOR_PICKUP).isEqualTo(o.delivery().method().isPickup());
            }
            case SHIPPED -> {
                assertThat(beforeShipping + n.get(UnitState.ALLOCATED) + n.get(UnitState.READY)).isZero();
                assertThat(n.get(UnitState.SHIPPED)).isPositive();
            }
            case PARTIALLY_RETURNED -> {
                assertThat(n.get(UnitState.DELIVERED) + n.get(UnitState.PICKED_UP) + n.get(UnitState.RETURNED)).isEqualTo(active);
                assertThat(n.get(UnitState.RETURNED)).isPositive().isLessThan(active);
            }
            case DELIVERED, PICKED_UP -> {
                assertThat(n.get(UnitState.DELIVERED) + n.get(UnitState.PICKED_UP)).isEqualTo(active);
                assertThat(n.get(UnitState.RETURNED)).isZero();
                assertThat(n.get(status == OrderStatus.DELIVERED ? UnitState.DELIVERED : UnitState.PICKED_UP)).isPositive();
            }
            case RETURNED -> assertThat(n.get(UnitState.RETURNED)).isEqualTo(active);
            default -> throw new AssertionError("unexpected status " + status + " of a confirmed order");
        }
    }

    /** Lines total is the sum of line totals; total is lines total minus discounts plus charges, never negative. */
    private static void totalsAddUp(Order o) {
        Money lines = Money.zero(o.currency());
        for (OrderLine l : o.lines()) {
            Money lineTotal = l.unitPrice().multipliedBy(l.quantity());
            for (Adjustment d : l.discounts()) {
                lineTotal = lineTotal.minus(d.amount());
            }
            assertThat(l.total()).isEqualTo(lineTotal);
            lines = lines.plus(lineTotal);
        }
        assertThat(o.linesTotal()).isEqualTo(lines);
        Money raw = lines;
        for (Adjustment d : o.discounts()) {
            raw = raw.minus(d.amount());
        }
        for (Adjustment c : o.charges()) {
            raw = raw.plus(c.amount());
        }
        assertThat(o.total().isNegative()).isFalse();
        assertThat(o.total()).isEqualTo(raw.isNegative() ? Money.zero(o.currency()) : raw);
    }

    // ---- properties ----

    @Provide
    Arbitrary<Tuple2<Order, ActionChain<Order>>> chains() {
        return placedOrders(true).flatMap(initial -> ActionChain.<Order>startWith(() -> initial)
                .withAction(new Commands())
                .withMaxTransformations(40)
                .map(chain -> Tuple.of(initial, chain)));
    }

    @Property(tries = 150)
    void any_command_sequence_keeps_the_order_consistent(@ForAll("chains") Tuple2<Order, ActionChain<Order>> run) {
        Order initial = run.get1();
        run.get2()
                .withInvariant("no unit created or lost", o -> noUnitCreatedOrLost(initial, o))
                .withInvariant("allocations hold the allocated and ready units", OrderLifecycleProperties::allocationsMatchUnits)
                .withInvariant("status consistent with units", OrderLifecycleProperties::statusConsistentWithUnits)
                .withInvariant("totals add up", OrderLifecycleProperties::totalsAddUp)
                .run();
    }

    @Property(tries = 300)
    void total_is_lines_minus_discounts_plus_charges_and_never_negative(@ForAll("pricedOrders") Order order) {
        totalsAddUp(order);
    }

    @Provide
    Arbitrary<Order> pricedOrders() {
        return placedOrders(false);
    }

    @Property(tries = 300)
    void a_valid_order_total_is_exactly_lines_minus_discounts_plus_charges(@ForAll("validOrders") Order order) {
        Money expected = order.linesTotal();
        for (Adjustment d : order.discounts()) {
            expected = expected.minus(d.amount());
        }
        for (Adjustment c : order.charges()) {
            expected = expected.plus(c.amount());
        }
        assertThat(order.total()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Order> validOrders() {
        return placedOrders(true);
    }
}
