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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two engines on the same orders. Live: a {@code ShadowRun} is itself an engine answering with the live engine's
 * decisions, so an {@link io.omskit.orchestration.SourcingEngine#routedBy routed} engine allocates the live plans
 * only, while the shadow engine plans each order against the same stock and the differences are recorded (one per
 * order and version: a retry replaces the earlier record; what-ifs of no order, such as delivery promises, are not
 * recorded). Replay: {@link #replay} runs both over recorded demands. Both give the same report for the same demands.
 * Thread-safe.
 *
 * <pre>{@code
 * ShadowRun shadow = ShadowRun.of(stagedRules, optimiser);
 * OrderSourcing sourcing = new OrderSourcing(oms, optimiser.routedBy(shadow)); // stages allocate
 * ...
 * shadow.report().summary(); // "merchant-rules cost 4.1% more than optimiser on 980 order(s), mostly in stage 2 ..."
 * }</pre>
 */
public final class ShadowRun implements OrchestrationEngine {

    private final OrchestrationEngine live;
    private final OrchestrationEngine shadow;
    private final Map<List<Object>, OrderDifference> recorded = new LinkedHashMap<>();

    private ShadowRun(OrchestrationEngine live, OrchestrationEngine shadow) {
        this.live = live;
        this.shadow = shadow;
    }

    /**
     * A live shadow run: {@code live} decides, {@code shadow} is compared.
     *
     * @throws IllegalArgumentException when the two plan over different networks
     */
    public static ShadowRun of(OrchestrationEngine live, OrchestrationEngine shadow) {
        Checks.notNull(live, "live");
        Checks.notNull(shadow, "shadow");
        if (live.network() != shadow.network()) {
            throw new IllegalArgumentException("shadow must plan over the live engine's network, " + shadow.name()
                    + " plans over another than " + live.name());
        }
        return new ShadowRun(live, shadow);
    }

    /**
     * Replays {@code history} through both engines, in order, each demand against its own recorded snapshot.
     *
     * @return one difference per demand of {@code history}
     */
    public static ShadowReport replay(OrchestrationEngine live, OrchestrationEngine shadow, List<ReplayedDemand> history) {
        ShadowRun run = of(live, shadow);
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
            List<Object> key = List.of(demand.order(), demand.version(), demand.lines());
            synchronized (recorded) {
                recorded.remove(key);
                recorded.put(key, c.difference());
            }
        }
        return c.live();
    }

    /** The differences recorded so far, one per order and version, in the order first decided. */
    public ShadowReport report() {
        synchronized (recorded) {
            return new ShadowReport(live.name(), shadow.name(), new ArrayList<>(recorded.values()));
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
