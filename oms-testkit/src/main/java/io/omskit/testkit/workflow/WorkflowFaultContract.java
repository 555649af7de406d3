package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.CancellationReason;
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
import java.util.LinkedHashMap;
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
import net.jqwik.api.state.ActionChainArbitrary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

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
 * give a second, independent connection to the same storage; the races and the load then run between two {@code Oms}.
 * It releases what a second node holds (its pool) in {@link #closeSecondNode(WorkflowAdapters)}. It overrides
 * {@link #disturbStorage()} to break the storage under the load (kill its connections): the adapters must report each
 * break as a retryable {@link SpiException}, and the end checks must still hold.
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

    /** Releases what {@link #secondNode} opened for {@code node}, once the test that used it is over; the default does nothing. */
    protected void closeSecondNode(WorkflowAdapters node) {
    }

    /**
     * Begins disturbing the storage (killing its connections, say) while the load of
     * {@link #load_on_two_nodes_with_faults_and_a_disturbed_storage_ends_consistent()} runs; the contract closes what it
     * returns before the end checks. The default disturbs nothing.
     */
    protected StorageDisturbance disturbStorage() {
        return StorageDisturbance.none();
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
        ActionChainArbitrary<WorkflowWorld> chains = ActionChain.<WorkflowWorld>startWith(() -> world(seed, faultProbability()))
                .withAction(WorkflowActions.PLACE_WEIGHT, WorkflowActions.place());
        for (WorkflowActions.Weighted op : WorkflowActions.ON_ORDER) {
            chains = chains.withAction(op.weight(), WorkflowActions.onOrder(op));
        }
        return chains.withMaxTransformations(40);
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

    // ---- load ----

    private static final int LOAD_THREADS = 4;
    private static final int LOAD_OPERATIONS_PER_THREAD = 500;
    private static final double LOAD_FAULT_PROBABILITY = 0.02;

    @Test
    @DisplayName("Workflows §8: threads on two nodes placing, sourcing, shipping, cancelling and holding orders, with faults and a disturbed storage, end consistent")
    void load_on_two_nodes_with_faults_and_a_disturbed_storage_ends_consistent() throws Exception {
        long loadSeed = System.nanoTime();
        ContractClock clock = new ContractClock(WorkflowWorld.START);
        WorkflowWorld world = new WorkflowWorld(newAdapters(clock), clock, loadSeed, 0, 30);
        WorkflowAdapters node = secondNode(world.adapters, clock);
        try {
            WorkflowLoad load = new WorkflowLoad(world, List.of(world.node(), world.secondNode(node)));
            StorageDisturbance disturbance = disturbStorage();
            world.faults.failWith(LOAD_FAULT_PROBABILITY);
            long began = System.nanoTime();
            try {
                load.run(LOAD_THREADS, LOAD_OPERATIONS_PER_THREAD, loadSeed);
            } finally {
                world.faults.off();
                disturbance.close();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            Findings findings = world.findings();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("threads", LOAD_THREADS);
            figures.put("nodes", 2);
            figures.put("milliseconds", millis);
            figures.putAll(world.counters());
            figures.put("faults injected", world.faults.injected());
            figures.putAll(disturbance.figures());
            findings.counts().forEach((check, n) -> figures.put("violations: " + check, n));
            System.out.println("Workflow load: " + figures);
            assertThat(findings.all()).as("end checks after the load (seed %d)", loadSeed).isEmpty();
        } finally {
            closeSecondNode(node);
        }
    }

    // ---- races ----

    /** Two nodes on one storage (or one node twice), a placed and confirmed order with two lines of reserved units. */
    private final class Race implements AutoCloseable {
        final ContractClock clock = new ContractClock(WorkflowWorld.START);
        final WorkflowWorld world = new WorkflowWorld(newAdapters(clock), clock, 1, 0);
        /** The second node's adapters; null when both racers run on one node. */
        final WorkflowAdapters secondNode;
        final Oms second;
        final OrderId order;

        Race() {
            this(true);
        }

        Race(boolean twoNodes) {
            this(twoNodes, DeliveryMethod.STANDARD_DELIVERY);
        }

        Race(boolean twoNodes, DeliveryMethod method) {
            world.place(List.of(WorkflowWorld.MUG, WorkflowWorld.KIT), List.of(2, 1), false, method);
            order = world.placed.get(0);
            assertThat(world.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
            secondNode = twoNodes ? secondNode(world.adapters, clock) : null;
            second = twoNodes ? world.secondNode(secondNode).oms() : world.oms;
        }

        @Override
        public void close() {
            if (secondNode != null) {
                closeSecondNode(secondNode);
            }
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
                            io.omskit.core.order.IllegalTransitionException.class, IllegalFulfilmentTransitionException.class,
                            SpiException.class, IllegalArgumentException.class);
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
        try (Race r = new Race()) {
            List<LineQuantity> all = r.reserved();
            List<Throwable> thrown = r.race(
                    oms -> oms.allocate(r.order, "A-1", WorkflowWorld.WH1, all),
                    oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST));
            assertThat(r.world.order(r.order).status()).as("the racers threw %s", thrown).isEqualTo(OrderStatus.CANCELLED);
            r.assertConsistent(thrown);
        }
    }

    /** Allocates the race's order at {@code location} as one fulfilment and brings it to the packed stage. */
    private static Fulfilment packed(Race r, LocationId location) {
        AllocationResult allocated = r.world.oms.allocate(r.order, "A-1", location, r.reserved());
        assertThat(allocated.isAllocated()).isTrue();
        FulfilmentId id = FulfilmentId.of("A-1");
        r.world.oms.fulfilments().accept(id);
        r.world.oms.fulfilments().startPicking(id);
        return r.world.oms.fulfilments().pack(id);
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: shipment racing cancellation: one wins, the stock and the money follow the winner")
    void shipment_racing_cancellation() throws Exception {
        try (Race r = new Race()) {
            Fulfilment f = packed(r, WorkflowWorld.WH1);
            List<Throwable> thrown = r.race(
                    oms -> oms.fulfilments().ship(f.id(), ShipmentDetails.of("S-1", "DHL", "")),
                    oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST));
            r.assertConsistent(thrown);
            Order after = r.world.order(r.order);
            FulfilmentStatus status = r.world.fulfilments(r.order).get(0).status();
            assertThat(status).isIn(FulfilmentStatus.SHIPPED, FulfilmentStatus.CANCELLED);
            assertThat(after.units(UnitState.SHIPPED)).isEqualTo(status == FulfilmentStatus.SHIPPED ? 3 : 0);
        }
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: collection racing cancellation: exactly one wins, captured once, the stock counted once")
    void collection_racing_cancellation() throws Exception {
        try (Race r = new Race(true, DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)) {
            Fulfilment f = packed(r, WorkflowWorld.ST1);
            assertThat(f.status()).isEqualTo(FulfilmentStatus.READY_FOR_COLLECTION);
            int onHandBefore = r.world.adapters.inventory().position(WorkflowWorld.MUG, WorkflowWorld.ST1).onHand();
            List<Throwable> thrown = r.race(
                    oms -> oms.fulfilments().collect(f.id(), WorkflowWorld.ST1, f.pickupCode()),
                    oms -> oms.cancelOrder(r.order, CancellationReason.CUSTOMER_REQUEST));
            r.assertConsistent(thrown);
            FulfilmentStatus status = r.world.fulfilments(r.order).get(0).status();
            assertThat(status).isIn(FulfilmentStatus.COLLECTED, FulfilmentStatus.CANCELLED);
            assertThat(thrown).as("exactly one racer lost").filteredOn(t -> t != null).hasSizeLessThanOrEqualTo(1);
            Order after = r.world.order(r.order);
            int onHand = r.world.adapters.inventory().position(WorkflowWorld.MUG, WorkflowWorld.ST1).onHand();
            if (status == FulfilmentStatus.COLLECTED) {
                assertThat(after.units(UnitState.PICKED_UP)).isEqualTo(3);
                assertThat(onHand).as("collected mugs left the shelf once").isEqualTo(onHandBefore - 3);
                assertThat(r.world.gateway.captured(r.order)).isEqualTo(after.total());
            } else {
                assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
                assertThat(onHand).isEqualTo(onHandBefore);
                assertThat(r.world.gateway.captured(r.order)).isNull();
            }
        }
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: two nodes re-sourcing the same rejected fulfilment re-source it once")
    void two_nodes_resourcing_one_rejection() throws Exception {
        try (Race r = new Race()) {
            AllocationResult allocated = r.world.oms.allocate(r.order, "A-1", WorkflowWorld.WH1, r.reserved());
            assertThat(allocated.isAllocated()).isTrue();
            FulfilmentId id = FulfilmentId.of("A-1");
            List<LineQuantity> all = r.world.fulfilments(r.order).get(0).units();
            io.omskit.orchestration.OrderSourcing other = r.world.secondNode(r.secondNode).sourcing();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<Object> a = pool.submit(() -> { start.await(); return r.world.sourcing.reject(id, all, "shelf empty", "R-1"); });
                Future<Object> b = pool.submit(() -> { start.await(); return other.reject(id, all, "shelf empty", "R-1"); });
                start.countDown();
                List<Throwable> thrown = new ArrayList<>();
                for (Future<Object> f : List.of(a, b)) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                        thrown.add(null);
                    } catch (java.util.concurrent.ExecutionException e) {
                        thrown.add(e.getCause());
                    }
                }
                r.assertConsistent(thrown);
            } finally {
                pool.shutdownNow();
            }
            List<Fulfilment> fulfilments = r.world.fulfilments(r.order);
            assertThat(fulfilments).filteredOn(f -> f.status() == FulfilmentStatus.REJECTED).hasSize(1);
            assertThat(fulfilments).as("one re-sourcing: one new fulfilment per location it chose")
                    .filteredOn(f -> f.status() == FulfilmentStatus.OFFERED)
                    .extracting(Fulfilment::location).doesNotHaveDuplicates().doesNotContain(WorkflowWorld.WH1);
            assertThat(r.world.order(r.order).units(UnitState.ALLOCATED)).isEqualTo(3);
            assertThat(r.world.sourcing.historyOf(r.order).attempts()).isEqualTo(1);
        }
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: the same shipment sent twice at once ships and captures once")
    void the_same_shipment_twice_at_once() throws Exception {
        try (Race r = new Race()) {
            Fulfilment f = packed(r, WorkflowWorld.WH1);
            List<Throwable> thrown = r.race(
                    oms -> oms.fulfilments().ship(f.id(), ShipmentDetails.of("S-1", "DHL", "")),
                    oms -> oms.fulfilments().ship(f.id(), ShipmentDetails.of("S-1", "DHL", "")));
            assertThat(r.world.order(r.order).units(UnitState.SHIPPED)).isEqualTo(3);
            r.assertConsistent(thrown);
        }
    }

    @RepeatedTest(20)
    @DisplayName("Workflows §7: two cancellations and a placement replay at once cancel once and void once")
    void cancellation_racing_cancellation() throws Exception {
        try (Race r = new Race()) {
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
}
