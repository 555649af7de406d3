package io.omskit.testkit.workflow;

import io.omskit.core.catalog.Sku;
import io.omskit.core.order.OrderId;
import io.omskit.testkit.contract.Together;
import io.omskit.testkit.workflow.WorkflowActions.Weighted;
import io.omskit.testkit.workflow.WorkflowWorld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Threads on several nodes placing, allocating, sourcing, rejecting, shipping, cancelling and holding the orders of
 * one {@link WorkflowWorld} at once, each operation retried with the same arguments until it stops failing. Any
 * thread works on any order, whichever node placed it, but one order's operations run one after another, as a host
 * that queues each order's commands runs them: the threads share the nodes and the stock, and the races of two
 * operations on one order are the contract's races.
 */
final class WorkflowLoad {

    private final WorkflowWorld world;
    private final List<Node> nodes;
    private final List<OrderId> orders = new CopyOnWriteArrayList<>();
    /** Held by the operation under way on an order. */
    private final Map<OrderId, Object> busy = new ConcurrentHashMap<>();
    private final int totalWeight;

    /** A load on {@code world} through {@code nodes}, each on the world's storage. */
    WorkflowLoad(WorkflowWorld world, List<Node> nodes) {
        this.world = world;
        this.nodes = List.copyOf(nodes);
        this.totalWeight = WorkflowActions.PLACE_WEIGHT + WorkflowActions.ON_ORDER.stream().mapToInt(Weighted::weight).sum();
    }

    /**
     * Runs {@code operations} operations on each of {@code threads} threads, the threads spread over the nodes in
     * turn, their choices drawn from {@code seed}; returns when every thread is done.
     *
     * @throws java.util.concurrent.ExecutionException when an operation broke its thread (not a failure the world
     *         records: a bug in the load)
     */
    void run(int threads, int operations, long seed) throws Exception {
        Together.run(threads, t -> {
            int node = t % nodes.size();
            SplittableRandom random = new SplittableRandom(seed + t);
            for (int i = 0; i < operations; i++) {
                operate(node, random);
            }
        });
    }

    private void operate(int node, SplittableRandom random) {
        int pick = random.nextInt(totalWeight) - WorkflowActions.PLACE_WEIGHT;
        if (pick < 0 || orders.isEmpty()) {
            place(node, random);
            return;
        }
        for (Weighted op : WorkflowActions.ON_ORDER) {
            pick -= op.weight();
            if (pick < 0) {
                OrderId id = orders.get(random.nextInt(orders.size()));
                synchronized (busy.computeIfAbsent(id, k -> new Object())) {
                    op.body().run(world, nodes.get(node), world.order(id), random.nextInt(1001));
                }
                return;
            }
        }
    }

    private void place(int node, SplittableRandom random) {
        List<Sku> skus = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            skus.add(WorkflowActions.SKUS.get(random.nextInt(WorkflowActions.SKUS.size())));
        }
        List<Integer> quantities = List.of(1 + random.nextInt(3), 1 + random.nextInt(3));
        OrderId id = world.place(nodes.get(node).oms(), skus, quantities, random.nextInt(10) == 0);
        if (id != null) {
            orders.add(id);
        }
    }
}
