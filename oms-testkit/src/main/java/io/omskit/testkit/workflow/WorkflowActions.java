package io.omskit.testkit.workflow;

import io.omskit.core.catalog.Sku;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderTransitions;
import io.omskit.core.order.UnitState;
import io.omskit.testkit.workflow.WorkflowWorld.Node;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
            new Weighted("reject", 1, WorkflowActions::reject),
            new Weighted("pack", 1, WorkflowActions::pack),
            new Weighted("ship", 3, WorkflowActions::ship),
            new Weighted("deliver", 1, WorkflowActions::deliver),
            new Weighted("cancel one unit", 1, WorkflowActions::cancelPart),
            new Weighted("cancel order", 1, WorkflowActions::cancelOrder),
            new Weighted("hold or release", 1, WorkflowActions::holdOrRelease),
            new Weighted("reconcile payment", 1, WorkflowActions::reconcilePayment));

    /** How often a placement is picked. */
    static final int PLACE_WEIGHT = 3;

    static Action.Independent<WorkflowWorld> place() {
        Arbitrary<List<Sku>> skus = Arbitraries.of(SKUS).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<Integer>> quantities = Arbitraries.integers().between(1, 3).list().ofSize(2);
        return () -> Combinators.combine(skus, quantities, Arbitraries.integers().between(0, 9))
                .as((s, q, card) -> Transformer.mutate("place " + s + " x " + q + (card == 0 ? " (declined card)" : ""),
                        w -> w.place(s, q, card == 0)));
    }

    static void allocate(WorkflowWorld w, Node node, Order o, int choice) {
        OrderLine line = firstWith(o, UnitState.RESERVED);
        if (line == null) {
            return;
        }
        int quantity = choice % 2 == 0 ? line.units().reserved() : 1;
        String key = w.key("A");
        w.attempt("allocate " + o.id(), o.id(), () -> node.oms().allocate(o.id(), key, WorkflowWorld.LOCATIONS.get(choice % 2),
                List.of(LineQuantity.of(line.id(), quantity))));
    }

    static void source(WorkflowWorld w, Node node, Order o, int choice) {
        if (o.units(UnitState.RESERVED) + o.units(UnitState.OPEN) == 0
                || !OrderTransitions.isAllowed(o.status(), OrderCommand.ALLOCATE)) {
            return;
        }
        w.attempt("source " + o.id(), o.id(), () -> node.sourcing().source(o.id()));
    }

    static void reject(WorkflowWorld w, Node node, Order o, int choice) {
        if (o.allocations().isEmpty()) {
            return;
        }
        LineAllocation a = o.allocations().get(choice % o.allocations().size());
        if (a.allocated() == 0) {
            return;
        }
        String key = w.key("R");
        w.attempt("reject at " + a.location() + " of " + o.id(), o.id(), () -> node.sourcing().reject(o.id(), a.allocationKey(),
                List.of(LineQuantity.of(a.line(), 1)), "shelf empty", key));
    }

    static void ship(WorkflowWorld w, Node node, Order o, int choice) {
        if (o.allocations().isEmpty()) {
            return;
        }
        LineAllocation a = o.allocations().get(choice % o.allocations().size());
        int quantity = choice % 3 == 0 ? 1 : a.units();
        String shipment = w.key("S");
        w.attempt("ship " + o.id(), o.id(), () -> node.oms().ship(o.id(), a.allocationKey(),
                List.of(LineQuantity.of(a.line(), quantity)), shipment));
    }

    static void pack(WorkflowWorld w, Node node, Order o, int choice) {
        for (LineAllocation a : o.allocations()) {
            if (a.allocated() > 0) {
                String key = w.key("P");
                w.attempt("pack " + o.id(), o.id(), () -> node.oms().markReady(o.id(), a.allocationKey(),
                        List.of(LineQuantity.of(a.line(), a.allocated())), key));
                return;
            }
        }
    }

    static void deliver(WorkflowWorld w, Node node, Order o, int choice) {
        for (OrderLine l : o.lines()) {
            if (l.units().shipped() > 0) {
                String key = w.key("D");
                w.attempt("deliver " + o.id(), o.id(), () -> node.oms().deliver(o.id(),
                        List.of(LineQuantity.of(l.id(), choice % 2 == 0 ? l.units().shipped() : 1)), key));
                return;
            }
        }
    }

    static void cancelPart(WorkflowWorld w, Node node, Order o, int choice) {
        for (OrderLine l : o.lines()) {
            if (l.units().open() + l.units().reserved() + l.units().allocated() + l.units().ready() > 0) {
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
