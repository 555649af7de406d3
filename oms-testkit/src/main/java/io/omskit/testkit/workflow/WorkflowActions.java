package io.omskit.testkit.workflow;

import io.omskit.core.catalog.Sku;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.UnitState;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/** The operations of the workflow property, each a jqwik action on a {@link WorkflowWorld}. */
final class WorkflowActions {

    private WorkflowActions() {
    }

    static Action.Independent<WorkflowWorld> place() {
        Arbitrary<List<Sku>> skus = Arbitraries.of(WorkflowWorld.MUG, WorkflowWorld.TEE, WorkflowWorld.KIT).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<Integer>> quantities = Arbitraries.integers().between(1, 3).list().ofSize(2);
        return () -> Combinators.combine(skus, quantities, Arbitraries.integers().between(0, 9))
                .as((s, q, card) -> Transformer.mutate("place " + s + " x " + q + (card == 0 ? " (declined card)" : ""),
                        w -> w.place(s, q, card == 0)));
    }

    static Action.Independent<WorkflowWorld> allocate() {
        return onOrder("allocate", (w, o, choice) -> {
            OrderLine line = firstWith(o, UnitState.RESERVED);
            if (line == null) {
                return;
            }
            int quantity = choice % 2 == 0 ? line.units().reserved() : 1;
            String key = w.key("A");
            w.attempt("allocate " + o.id(), o.id(), () -> w.oms.allocate(o.id(), key, WorkflowWorld.LOCATIONS.get(choice % 2),
                    List.of(LineQuantity.of(line.id(), quantity))));
        });
    }

    static Action.Independent<WorkflowWorld> source() {
        return onOrder("source", (w, o, choice) -> {
            if (o.units(UnitState.RESERVED) + o.units(UnitState.OPEN) == 0
                    || !io.omskit.core.order.OrderTransitions.isAllowed(o.status(), io.omskit.core.order.OrderCommand.ALLOCATE)) {
                return;
            }
            w.attempt("source " + o.id(), o.id(), () -> w.sourcing.source(o.id()));
        });
    }

    static Action.Independent<WorkflowWorld> reject() {
        return onOrder("reject", (w, o, choice) -> {
            if (o.allocations().isEmpty()) {
                return;
            }
            LineAllocation a = o.allocations().get(choice % o.allocations().size());
            if (a.allocated() == 0) {
                return;
            }
            String key = w.key("R");
            w.attempt("reject at " + a.location() + " of " + o.id(), o.id(), () -> w.sourcing.reject(o.id(), a.allocationKey(),
                    List.of(LineQuantity.of(a.line(), 1)), "shelf empty", key));
        });
    }

    static Action.Independent<WorkflowWorld> ship() {
        return onOrder("ship", (w, o, choice) -> {
            if (o.allocations().isEmpty()) {
                return;
            }
            LineAllocation a = o.allocations().get(choice % o.allocations().size());
            int quantity = choice % 3 == 0 ? 1 : a.units();
            String shipment = w.key("S");
            w.attempt("ship " + o.id(), o.id(), () -> w.oms.ship(o.id(), a.allocationKey(), List.of(LineQuantity.of(a.line(), quantity)),
                    shipment));
        });
    }

    static Action.Independent<WorkflowWorld> cancelPart() {
        return onOrder("cancel one unit", (w, o, choice) -> {
            for (OrderLine l : o.lines()) {
                if (l.units().open() + l.units().reserved() + l.units().allocated() + l.units().ready() > 0) {
                    String key = w.key("C");
                    w.attempt("cancel part of " + o.id(), o.id(), () -> w.oms.cancel(o.id(), List.of(LineQuantity.of(l.id(), 1)),
                            CancellationReason.CUSTOMER_REQUEST, key));
                    return;
                }
            }
        });
    }

    static Action.Independent<WorkflowWorld> cancelOrder() {
        return onOrder("cancel order", (w, o, choice) ->
                w.attempt("cancel " + o.id(), o.id(), () -> w.oms.cancelOrder(o.id(), CancellationReason.CUSTOMER_REQUEST)));
    }

    static Action.Independent<WorkflowWorld> holdAndRelease() {
        return onOrder("hold or release", (w, o, choice) -> {
            if (o.isOnHold()) {
                w.attempt("release hold of " + o.id(), o.id(), () -> w.oms.releaseHold(o.id()));
            } else {
                w.attempt("hold " + o.id(), o.id(), () -> w.oms.hold(o.id(), HoldReason.FRAUD_REVIEW, "check"));
            }
        });
    }

    static Action.Independent<WorkflowWorld> reconcilePayment() {
        return onOrder("reconcile payment", (w, o, choice) ->
                w.attempt("reconcile " + o.id(), o.id(), () -> w.oms.reconcilePayment(o.id())));
    }

    /** What an action does to the order it picked. */
    private interface OnOrder {
        void run(WorkflowWorld world, Order order, int choice);
    }

    private static Action.Independent<WorkflowWorld> onOrder(String name, OnOrder body) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(WorkflowWorld w) {
                return !w.placed.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<WorkflowWorld>> transformer() {
                return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                        .as((pick, choice) -> Transformer.mutate(name + " #" + pick + "/" + choice, w -> {
                            OrderId id = w.placed.get(pick % w.placed.size());
                            body.run(w, w.order(id), choice);
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
