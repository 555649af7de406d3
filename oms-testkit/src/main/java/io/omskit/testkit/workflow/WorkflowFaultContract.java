package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.contract.ContractClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The workflow contract: {@link Oms} on the adapters under test, with failures injected before and after every SPI
 * call and real threads racing on one order, must never lose an order, charge twice, keep stock or an authorisation
 * for nothing, or lose an event. An adapter passes when a subclass implementing {@link #newAdapters(Clock)} runs green:
 *
 * <pre>{@code
 * class MyWorkflowFaultTest extends WorkflowFaultContract {
 *     @Override protected WorkflowAdapters newAdapters(Clock clock) { ... }
 * }
 * }</pre>
 *
 * A subclass whose storage is shared between processes overrides {@link #secondNode(WorkflowAdapters, Clock)} to
 * give a second, independent connection to the same storage; the races then run between two {@code Oms}.
 */
public abstract class WorkflowFaultContract {

    private static final Map<String, Long> TOTALS = new TreeMap<>();
    /** The seed of the faults of the chain about to run; drawn by jqwik, so a failure replays. */
    private volatile long seed;

    /** Fresh, empty storage; its clock is {@code clock}. */
    protected abstract WorkflowAdapters newAdapters(Clock clock);

    /**
     * A second node's view of {@code first}'s storage (another connection pool, another cache); the default shares
     * {@code first}'s adapters, so the second {@code Oms} differs only in its own locks and memory.
     */
    protected WorkflowAdapters secondNode(WorkflowAdapters first, Clock clock) {
        return first;
    }

    /** The probability of a fault at each SPI call in the property. */
    protected double faultProbability() {
        return 0.08;
    }

    private WorkflowWorld world(long seed, double p) {
        ContractClock clock = new ContractClock(WorkflowWorld.START);
        return new WorkflowWorld(newAdapters(clock), clock, seed, p);
    }

    @Property(tries = 60)
    @Label("Workflows §1-§6: any sequence of operations, with faults before and after every SPI call and retries, ends consistent")
    void random_operations_with_faults_and_retries_end_consistent(@ForAll("operations") ActionChain<WorkflowWorld> chain,
                                                                   @ForAll long faultSeed) {
        seed = faultSeed;
        chain.withInvariant("no order lost, nothing charged twice, no stock or authorisation for nothing, every event published",
                        w -> {
                            List<String> problems = w.check();
                            assertThat(problems).as("end checks").isEmpty();
                        })
                .run();
        chain.finalState().ifPresent(w -> record(w.counters(), w.faults.injected()));
    }

    @Provide
    Arbitrary<ActionChain<WorkflowWorld>> operations() {
        return ActionChain.<WorkflowWorld>startWith(() -> world(seed, faultProbability()))
                .withAction(3, WorkflowActions.place())
                .withAction(2, WorkflowActions.allocate())
                .withAction(2, WorkflowActions.source())
                .withAction(WorkflowActions.reject())
                .withAction(3, WorkflowActions.ship())
                .withAction(WorkflowActions.cancelPart())
                .withAction(WorkflowActions.cancelOrder())
                .withAction(WorkflowActions.holdAndRelease())
                .withAction(WorkflowActions.reconcilePayment())
                .withMaxTransformations(40);
    }

    private static synchronized void record(Map<String, Integer> counters, long faults) {
        counters.forEach((k, v) -> TOTALS.merge(k, (long) v, Long::sum));
        TOTALS.merge("faults injected", faults, Long::sum);
        TOTALS.merge("runs", 1L, Long::sum);
    }

    /** Prints what the property did, for the figures of a report. */
    @AfterContainer
    static synchronized void report() {
        if (!TOTALS.isEmpty()) {
            System.out.println("Workflow fault property: " + TOTALS);
            TOTALS.clear();
        }
    }

    // ---- races ----

    /** Two nodes on one storage (or one node twice), a placed and confirmed order with two lines of reserved units. */
    private final class Race {
        final ContractClock clock = new ContractClock(WorkflowWorld.START);
        final WorkflowWorld world = new WorkflowWorld(newAdapters(clock), clock, 1, 0);
        final Oms second;
        final OrderId order;

        Race() {
            this(true);
        }

        Race(boolean twoNodes) {
            second = twoNodes ? world.secondOms(secondNode(world.adapters, clock)) : world.oms;
            world.place(List.of(WorkflowWorld.MUG, WorkflowWorld.KIT), List.of(2, 1), false);
            order = world.placed.get(0);
            assertThat(world.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
        }

        /** Runs both at the same moment on two threads; returns what each threw (null when it returned). */
        List<Throwable> race(Function<Oms, Object> a, Function<Oms, Object> b) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<Throwable> fa = pool.submit(() -> run(start, () -> a.apply(world.oms)));
                Future<Throwable> fb = pool.submit(() -> run(start, () -> b.apply(second)));
                start.countDown();
                List<Throwable> thrown = new ArrayList<>();
                thrown.add(fa.get(60, TimeUnit.SECONDS));
                thrown.add(fb.get(60, TimeUnit.SECONDS));
                return thrown;
            } finally {
                pool.shutdownNow();
            }
        }

        private Throwable run(CountDownLatch start, Runnable work) throws InterruptedException {
            start.await();
            try {
                work.run();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        void assertConsistent(List<Throwable> thrown) {
            for (Throwable t : thrown) {
                if (t != null) {
                    assertThat(t).as("a racer may lose, never break").isInstanceOfAny(
                            io.omskit.core.order.IllegalTransitionException.class, SpiException.class, IllegalArgumentException.class);
                }
            }
            assertThat(world.check()).as("end checks; the racers threw %s", thrown).isEmpty();
            TOTALS.merge("races run", 1L, Long::sum);
        }

        List<LineQuantity> reserved() {
            List<LineQuantity> q = new ArrayList<>();
            for (OrderLine l : world.order(order).lines()) {
                if (l.units().get(UnitState.RESERVED) > 0) {
                    q.add(LineQuantity.of(l.id(), l.units().get(UnitState.RESERVED)));
                }
            }
            return q;
        }
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: allocation racing cancellation leaves no stock allocated to a cancelled order")
    void allocation_racing_cancellation() throws Exception {
        Race r = new Race();
        List<LineQuantity> all = r.reserved();
        List<Throwable> thrown = r.race(
                oms -> oms.allocate(r.order, "A-1", WorkflowWorld.WH1, all),
                oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST));
        assertThat(r.world.order(r.order).status()).isEqualTo(OrderStatus.CANCELLED);
        r.assertConsistent(thrown);
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: shipment racing cancellation: one wins, the stock and the money follow the winner")
    void shipment_racing_cancellation() throws Exception {
        Race r = new Race();
        AllocationResult allocated = r.world.oms.allocate(r.order, "A-1", WorkflowWorld.WH1, r.reserved());
        assertThat(allocated.isAllocated()).isTrue();
        Order before = r.world.order(r.order);
        LineAllocation a = before.allocations().get(0);
        List<Throwable> thrown = r.race(
                oms -> oms.ship(r.order, a.allocationKey(), List.of(LineQuantity.of(a.line(), a.units())), "S-1"),
                oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST));
        r.assertConsistent(thrown);
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: the same shipment sent twice at once ships and captures once")
    void the_same_shipment_twice_at_once() throws Exception {
        Race r = new Race();
        r.world.oms.allocate(r.order, "A-1", WorkflowWorld.WH1, r.reserved());
        Order before = r.world.order(r.order);
        List<Throwable> thrown = r.race(
                oms -> shipAll(oms, before),
                oms -> shipAll(oms, before));
        assertThat(r.world.order(r.order).units(UnitState.SHIPPED)).isEqualTo(3);
        r.assertConsistent(thrown);
    }

    private static Object shipAll(Oms oms, Order order) {
        Order last = order;
        for (LineAllocation a : order.allocations()) {
            last = oms.ship(order.id(), a.allocationKey(), List.of(LineQuantity.of(a.line(), a.units())), "S-" + a.line());
        }
        return last;
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: two cancellations and a placement replay at once cancel once and void once")
    void cancellation_racing_cancellation() throws Exception {
        Race r = new Race();
        List<Throwable> thrown = r.race(
                oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST),
                oms -> oms.cancel(r.order, List.of(LineQuantity.of(r.world.order(r.order).lines().get(0).id(), 1)),
                        CancellationReason.CUSTOMER_REQUEST, "C-1"));
        r.assertConsistent(thrown);
        PlacementResult replay = r.world.oms.reconcilePayment(r.order);
        assertThat(replay.order().id()).isEqualTo(r.order);
        r.assertConsistent(List.of());
    }
}
