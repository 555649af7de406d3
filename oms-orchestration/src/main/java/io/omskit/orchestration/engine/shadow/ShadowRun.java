package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two engines on the same orders. Live: a {@code ShadowRun} is itself an engine answering with the live engine's
 * decisions, so an {@link io.omskit.orchestration.SourcingEngine#routedBy routed} engine allocates the live plans
 * only, while the shadow engine plans each order against the same stock and the difference is recorded (one per
 * order and version: a retry replaces the earlier record; what-ifs of no order, such as delivery promises, are not
 * recorded). Replay: {@link #replay} runs both over recorded demands. Both give the same report for the same demands.
 *
 * <p>A live run may see millions of orders: its totals (and the sums per deciding stage) count every one exactly,
 * but it keeps only the per-order differences with the largest cost differences, and hands every difference to a
 * sink the host gives (a file, a table) when it wants them all. Thread-safe.
 *
 * <pre>{@code
 * ShadowRun shadow = ShadowRun.of(stagedRules, optimiser);
 * OrderSourcing sourcing = new OrderSourcing(oms, optimiser.routedBy(shadow)); // stages allocate
 * ...
 * shadow.report().summary(); // "merchant-rules cost 4.1% more than optimiser on 980 order(s), mostly in stage 2 ..."
 * }</pre>
 */
public final class ShadowRun implements OrchestrationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRun.class);

    /** The per-order differences a live run keeps unless told otherwise: the 1,000 largest. */
    public static final int DEFAULT_KEPT = 1_000;
    /** How many of the latest orders a retry can still replace once their difference is no longer kept. */
    static final int RECENT = 10_000;

    private final OrchestrationEngine live;
    private final OrchestrationEngine shadow;
    private final int keep;
    private final Consumer<OrderDifference> sink;
    /** Guarded by itself, as is everything below. */
    private final Sums sums = new Sums();
    private final Map<List<Object>, Recorded> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Recorded> eldest) {
            return size() > RECENT;
        }
    };
    private final Map<List<Object>, Recorded> keptByKey = new HashMap<>();
    /** The kept differences, the first to let go (smallest cost difference, latest of equals) first. */
    private final TreeSet<Recorded> kept = new TreeSet<>(Comparator.comparingDouble(Recorded::magnitude)
            .thenComparing(Comparator.comparingLong(Recorded::sequence).reversed()));
    private long sequence;

    /** One order's difference as recorded: {@code sequence} orders the records as decided. */
    private record Recorded(List<Object> key, long sequence, OrderDifference difference) {
        double magnitude() {
            return Math.abs(difference.costDifference());
        }
    }

    private ShadowRun(OrchestrationEngine live, OrchestrationEngine shadow, int keep, Consumer<OrderDifference> sink) {
        this.live = live;
        this.shadow = shadow;
        this.keep = keep;
        this.sink = sink;
    }

    /**
     * A live shadow run: {@code live} decides, {@code shadow} is compared; it keeps the {@value #DEFAULT_KEPT}
     * per-order differences with the largest cost difference.
     *
     * @throws IllegalArgumentException when the two plan over different networks
     */
    public static ShadowRun of(OrchestrationEngine live, OrchestrationEngine shadow) {
        return of(live, shadow, DEFAULT_KEPT, d -> { });
    }

    /**
     * A live shadow run keeping the {@code keepLargest} per-order differences with the largest cost difference (in
     * either direction; of equal ones, the earlier), and handing every difference to {@code sink} as it is recorded,
     * a retry's again. The sink is called under the run's lock, in the order recorded: keep it quick. A sink that
     * throws is logged and never fails the live decision.
     *
     * @param keepLargest from 0 (keep none, totals only) up
     * @throws IllegalArgumentException when the two plan over different networks or {@code keepLargest} is negative
     */
    public static ShadowRun of(OrchestrationEngine live, OrchestrationEngine shadow, int keepLargest,
                               Consumer<OrderDifference> sink) {
        Checks.notNull(live, "live");
        Checks.notNull(shadow, "shadow");
        Checks.notNegative(keepLargest, "keepLargest");
        Checks.notNull(sink, "sink");
        if (live.network() != shadow.network()) {
            throw new IllegalArgumentException("shadow must plan over the live engine's network, " + shadow.name()
                    + " plans over another than " + live.name());
        }
        return new ShadowRun(live, shadow, keepLargest, sink);
    }

    /**
     * Replays {@code history} through both engines, in order, each demand against its own recorded snapshot.
     *
     * @return every demand's difference, kept, in the order of {@code history}
     */
    public static ShadowReport replay(OrchestrationEngine live, OrchestrationEngine shadow, List<ReplayedDemand> history) {
        ShadowRun run = of(live, shadow, 0, d -> { });
        List<OrderDifference> out = new ArrayList<>(Checks.list(history, "history").size());
        for (ReplayedDemand d : history) {
            out.add(run.compare(d.request(), d.snapshot(), d.at()).difference());
        }
        return new ShadowReport(live.name(), shadow.name(), out);
    }

    @Override
    public String name() {
        return live.name();
    }

    @Override
    public Network network() {
        return live.network();
    }

    /** The live engine's decision; the shadow's plan for the same request and stock is recorded against it. */
    @Override
    public EngineDecision decide(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Compared c = compare(request, snapshot, now);
        Demand demand = request.demand();
        if (demand.isOrder()) {
            record(List.of(demand.order(), demand.version(), demand.lines()), c.difference());
        }
        return c.live();
    }

    private void record(List<Object> key, OrderDifference d) {
        synchronized (sums) {
            Recorded before = recent.remove(key);
            Recorded keptBefore = keptByKey.remove(key);
            before = before != null ? before : keptBefore;
            if (before != null) {
                sums.remove(before.difference());
                kept.remove(before);
            }
            Recorded now = new Recorded(key, sequence++, d);
            sums.add(d);
            recent.put(key, now);
            if (keep > 0) {
                kept.add(now);
                keptByKey.put(key, now);
                if (kept.size() > keep) {
                    keptByKey.remove(kept.pollFirst().key());
                }
            }
            try {
                sink.accept(d);
            } catch (RuntimeException e) {
                LOG.warn("shadow run {} against {}: the sink refused the difference of order {}: {}", live.name(),
                        shadow.name(), d.order(), e.toString());
            }
        }
    }

    /**
     * The report so far: totals over every order recorded (one per order and version), and the differences kept, in
     * the order decided.
     */
    public ShadowReport report() {
        synchronized (sums) {
            List<Recorded> inOrder = new ArrayList<>(kept);
            inOrder.sort(Comparator.comparingLong(Recorded::sequence));
            List<OrderDifference> out = new ArrayList<>(inOrder.size());
            inOrder.forEach(r -> out.add(r.difference()));
            return new ShadowReport(live.name(), shadow.name(), sums.totals(), out);
        }
    }

    private record Compared(EngineDecision live, OrderDifference difference) {
    }

    private Compared compare(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        EngineDecision l = live.decide(request, snapshot, now);
        EngineDecision s = shadow.decide(request, snapshot, now);
        Network network = live.network();
        DeliveryChoice delivery = request.demand().delivery();
        return new Compared(l, new OrderDifference(request.demand().order(), l.decidedBy(), l.plan().totalCost(),
                s.plan().totalCost(), l.plan().shipments(), s.plan().shipments(), km(network, delivery, l.plan()),
                km(network, delivery, s.plan()), kept(l), kept(s)));
    }

    private static boolean kept(EngineDecision d) {
        return !d.isWaiting() && d.plan().isComplete();
    }

    /** The km the plan's parcels travel: to the address, or to the pickup store; 0 for units collected where they are. */
    static double km(Network network, DeliveryChoice delivery, SourcingPlan plan) {
        GeoPoint to = delivery.pickupStore() != null && network.indexOf(delivery.pickupStore()) >= 0
                ? network.get(delivery.pickupStore()).position()
                : delivery.address() == null ? null : delivery.address().position();
        if (to == null) {
            return 0;
        }
        double km = 0;
        for (PlannedFulfilment f : plan.fulfilments()) {
            if (f.kind() != LegKind.COLLECT) {
                km += network.get(f.location()).position().distanceKm(to);
            }
        }
        return km;
    }
}
