package io.omskit.testkit.workflow;

import io.omskit.core.catalog.Sku;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderTransitions;
import io.omskit.core.order.UnitState;
import io.omskit.testkit.workflow.WorkflowWorld.Node;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The operations of the workflow contract: each as a jqwik action on a {@link WorkflowWorld} for the property, and as
 * an {@link OnOrder} through any node for the load.
 */
final class WorkflowActions {

    /** The SKUs an order is placed for. */
    static final List<Sku> SKUS = List.of(WorkflowWorld.MUG, WorkflowWorld.TEE, WorkflowWorld.KIT);

    private WorkflowActions() {
    }

    /** What an operation does to the order it picked, through {@code node}; {@code choice} varies its arguments. */
    interface OnOrder {
        void run(WorkflowWorld world, Node node, Order order, int choice);
    }

    /** An operation on an order and how often it is picked, relative to a placement's 3. */
    record Weighted(String name, int weight, OnOrder body) {
    }

    /** The operations on an order, weighted as the property and the load pick them. */
    static final List<Weighted> ON_ORDER = List.of(
            new Weighted("allocate", 2, WorkflowActions::allocate),
            new Weighted("source", 2, WorkflowActions::source),
            new Weighted("accept", 2, step(FulfilmentStatus.OFFERED, "accept", (n, f, k) -> n.oms().fulfilments().accept(f.id()))),
            new Weighted("pick", 2, step(FulfilmentStatus.ACCEPTED, "pick", (n, f, k) -> n.oms().fulfilments().startPicking(f.id()))),
            new Weighted("reject", 1, WorkflowActions::reject),
            new Weighted("pack", 2, step(FulfilmentStatus.PICKING, "pack", (n, f, k) -> n.oms().fulfilments().pack(f.id()))),
            new Weighted("ship", 3, step(FulfilmentStatus.READY_TO_SHIP, "ship", (n, f, k) -> n.oms().fulfilments().ship(f.id(),
                    ShipmentDetails.of(k, "DHL", "TRK-" + k)))),
            new Weighted("arrive", 1, step(FulfilmentStatus.SHIPPED, "arrive", (n, f, k) -> f.kind() == FulfilmentKind.SHIP_TO_STORE
                    ? n.oms().fulfilments().arrive(f.id()) : null)),
            new Weighted("deliver", 1, step(FulfilmentStatus.SHIPPED, "deliver", (n, f, k) -> f.kind() == FulfilmentKind.SHIP_TO_STORE
                    ? null : n.oms().fulfilments().deliver(f.id(), "POD-" + k))),
            new Weighted("collect", 2, step(FulfilmentStatus.READY_FOR_COLLECTION, "collect",
                    (n, f, k) -> n.oms().fulfilments().collect(f.id(), f.pickupStore(), f.pickupCode()))),
            new Weighted("expire", 1, (w, n, o, c) -> w.attempt("expire uncollected", o.id(),
                    () -> n.oms().fulfilments().expireUncollected(10))),
            new Weighted("cancel a fulfilment", 1, WorkflowActions::cancelFulfilment),
            new Weighted("cancel one unit", 1, WorkflowActions::cancelPart),
            new Weighted("cancel order", 1, WorkflowActions::cancelOrder),
            new Weighted("hold or release", 1, WorkflowActions::holdOrRelease),
            new Weighted("reconcile payment", 1, WorkflowActions::reconcilePayment));

    /** How often a placement is picked. */
    static final int PLACE_WEIGHT = 3;

    static Action.Independent<WorkflowWorld> place() {
        Arbitrary<List<Sku>> skus = Arbitraries.of(SKUS).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<Integer>> quantities = Arbitraries.integers().between(1, 3).list().ofSize(2);
        Arbitrary<DeliveryMethod> method = Arbitraries.frequency(Tuple.of(4, DeliveryMethod.STANDARD_DELIVERY),
                Tuple.of(2, DeliveryMethod.SHIP_TO_STORE), Tuple.of(2, DeliveryMethod.EXPRESS_CLICK_AND_COLLECT));
        return () -> Combinators.combine(skus, quantities, Arbitraries.integers().between(0, 9), method)
                .as((s, q, card, m) -> Transformer.mutate("place " + s + " x " + q + " " + m + (card == 0 ? " (declined card)" : ""),
                        w -> w.place(s, q, card == 0, m)));
    }

    static void allocate(WorkflowWorld w, Node node, Order o, int choice) {
        OrderLine line = firstWith(o, UnitState.RESERVED);
        if (line == null) {
            return;
        }
        int quantity = choice % 2 == 0 ? line.units().reserved() : 1;
        String key = w.key("A");
        w.attempt("allocate " + o.id(), o.id(), () -> node.oms().allocate(o.id(), key,
                WorkflowWorld.LOCATIONS.get(choice % WorkflowWorld.LOCATIONS.size()), List.of(LineQuantity.of(line.id(), quantity))));
    }

    static void source(WorkflowWorld w, Node node, Order o, int choice) {
        if (o.units(UnitState.RESERVED) + o.units(UnitState.OPEN) == 0
                || !OrderTransitions.isAllowed(o.status(), OrderCommand.ALLOCATE)) {
            return;
        }
        w.attempt("source " + o.id(), o.id(), () -> node.sourcing().source(o.id()));
    }

    /** A step of one fulfilment: given the node, the fulfilment and a fresh key, runs it (or answers null: not for this one). */
    interface Step {
        Object run(Node node, Fulfilment fulfilment, String key);
    }

    /** {@code step} on one of the order's fulfilments in {@code status}, picked by the choice. */
    static OnOrder step(FulfilmentStatus status, String name, Step step) {
        return (w, node, o, choice) -> {
            List<Fulfilment> candidates = new ArrayList<>();
            for (Fulfilment f : w.fulfilments(o.id())) {
                if (f.status() == status) {
                    candidates.add(f);
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            Fulfilment f = candidates.get(choice % candidates.size());
            String key = w.key(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
            w.attempt(name + " " + f.id() + " of " + o.id(), o.id(), () -> step.run(node, f, key));
        };
    }

    static void reject(WorkflowWorld w, Node node, Order o, int choice) {
        List<Fulfilment> open = new ArrayList<>();
        for (Fulfilment f : w.fulfilments(o.id())) {
            if (f.accepts(FulfilmentCommand.REJECT)) {
                open.add(f);
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Fulfilment f = open.get(choice % open.size());
        List<LineQuantity> units = choice % 3 == 0 ? f.units() : List.of(LineQuantity.of(f.units().get(0).line(), 1));
        String key = w.key("R");
        w.attempt("reject " + units + " at " + f.location() + " of " + o.id(), o.id(),
                () -> node.sourcing().reject(f.id(), units, "shelf empty", key));
    }

    static void cancelFulfilment(WorkflowWorld w, Node node, Order o, int choice) {
        List<Fulfilment> open = new ArrayList<>();
        for (Fulfilment f : w.fulfilments(o.id())) {
            if (f.accepts(FulfilmentCommand.CANCEL)) {
                open.add(f);
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Fulfilment f = open.get(choice % open.size());
        List<LineQuantity> units = choice % 2 == 0 ? null : List.of(LineQuantity.of(f.units().get(0).line(), 1));
        String key = w.key("C");
        w.attempt("cancel " + (units == null ? "all" : units) + " of " + f.id(), o.id(),
                () -> node.oms().fulfilments().cancel(f.id(), units, CancellationReason.CUSTOMER_REQUEST, key));
    }

    static void cancelPart(WorkflowWorld w, Node node, Order o, int choice) {
        for (OrderLine l : o.lines()) {
            if (l.units().open() + l.units().reserved() > 0) {
                String key = w.key("C");
                w.attempt("cancel part of " + o.id(), o.id(), () -> node.oms().cancel(o.id(), List.of(LineQuantity.of(l.id(), 1)),
                        CancellationReason.CUSTOMER_REQUEST, key));
                return;
            }
        }
    }

    static void cancelOrder(WorkflowWorld w, Node node, Order o, int choice) {
        w.attempt("cancel " + o.id(), o.id(), () -> node.oms().cancelOrder(o.id(), CancellationReason.CUSTOMER_REQUEST));
    }

    static void holdOrRelease(WorkflowWorld w, Node node, Order o, int choice) {
        if (o.isOnHold()) {
            w.attempt("release hold of " + o.id(), o.id(), () -> node.oms().releaseHold(o.id()));
        } else {
            w.attempt("hold " + o.id(), o.id(), () -> node.oms().hold(o.id(), HoldReason.FRAUD_REVIEW, "check"));
        }
    }

    static void reconcilePayment(WorkflowWorld w, Node node, Order o, int choice) {
        w.attempt("reconcile " + o.id(), o.id(), () -> node.oms().reconcilePayment(o.id()));
    }

    /** {@code op} as a jqwik action on an order the world placed, through the world's own node. */
    static Action.Independent<WorkflowWorld> onOrder(Weighted op) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(WorkflowWorld w) {
                return !w.placed.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<WorkflowWorld>> transformer() {
                return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                        .as((pick, choice) -> Transformer.mutate(op.name() + " #" + pick + "/" + choice, w -> {
                            OrderId id = w.placed.get(pick % w.placed.size());
                            op.body().run(w, w.node(), w.order(id), choice);
                        }));
            }
        };
    }

    private static OrderLine firstWith(Order o, UnitState state) {
        for (OrderLine l : o.lines()) {
            if (l.units().get(state) > 0) {
                return l;
            }
        }
        return null;
    }
}
