package io.omskit.orchestration;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.inventory.Reservation;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.internal.OwnReservation;
import io.omskit.orchestration.internal.ItemPlanner;
import io.omskit.orchestration.internal.Planner;
import io.omskit.orchestration.internal.WavePlanner;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.resourcing.Rejection;
import io.omskit.orchestration.resourcing.ResourcingHistory;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.result.ItemPlan;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.result.UnsourcedDisposition;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.spi.SourcingItem;
import java.util.LinkedHashSet;
import java.util.Set;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.stock.StockExposure;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sourcing engine: decides which locations fulfil which units of a {@link Demand} (an order's, or a what-if's),
 * at least total cost under the rule set the {@link RuleBook} gives for its channel and delivery method, and explains
 * the decision.
 * Thread-safe; built once from the SPIs with {@link #builder()}.
 *
 * <pre>{@code
 * SourcingEngine engine = SourcingEngine.builder()
 *         .network(network)
 *         .rules(RuleBook.of(homeDelivery))
 *         .inventory(inventoryStore)
 *         .clock(clock)
 *         .build();
 * SourcingPlan whatIf = engine.plan(SourcingRequest.of(order));     // nothing allocated
 * SourcingResult result = engine.source(SourcingRequest.of(order)); // allocated atomically
 * }</pre>
 *
 * <p>The engine is the optimiser, one {@link OrchestrationEngine}. {@link #routedBy} gives the same engine with its
 * plans decided by another (staged routing rules, a host's own): sourcing, re-sourcing, batch waves and the delivery
 * promises that ask this engine then all follow that one.
 */
public final class SourcingEngine implements OrchestrationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SourcingEngine.class);
    private static final int METHODS = DeliveryMethod.values().length;

    private final Network network;
    private final RuleBook rules;
    private final Clock clock;
    private final InventoryStore inventory;
    private final CapacityTracker capacity;
    private final StockExposure exposure;
    private final int maxAttempts;
    private final io.omskit.core.OmsMetrics metrics;
    private final Planner planner;
    private final ItemPlanner itemPlanner;
    private final WavePlanner wavePlanner;
    private final ResourcingPolicy resourcing;
    /** The engine that decides plans in place of the optimiser; null for the optimiser. */
    private final OrchestrationEngine router;
    // sourcesAlike per channel and pair of methods: 0 not yet judged, 1 alike, -1 not; the rule book never changes
    private final AtomicIntegerArray alike = new AtomicIntegerArray(Channel.values().length * METHODS * METHODS);

    private SourcingEngine(Builder b) {
        this.network = b.network;
        this.rules = b.rules;
        this.clock = b.clock;
        this.inventory = b.inventory;
        this.capacity = b.capacity;
        this.exposure = b.exposure;
        this.maxAttempts = b.maxAttempts;
        this.metrics = b.metrics;
        this.planner = new Planner(network, b.catalog, capacity);
        this.itemPlanner = new ItemPlanner(network, b.catalog, capacity);
        this.wavePlanner = new WavePlanner(planner, network, this::ruleSetFor);
        this.resourcing = b.resourcing;
        this.router = null;
    }

    private SourcingEngine(SourcingEngine base, OrchestrationEngine router) {
        this.network = base.network;
        this.rules = base.rules;
        this.clock = base.clock;
        this.inventory = base.inventory;
        this.capacity = base.capacity;
        this.exposure = base.exposure;
        this.maxAttempts = base.maxAttempts;
        this.metrics = base.metrics;
        this.planner = base.planner;
        this.itemPlanner = base.itemPlanner;
        this.wavePlanner = base.wavePlanner;
        this.resourcing = base.resourcing;
        this.router = router;
    }

    /**
     * This engine (same network, rules, stock, capacity and clock) with every plan decided by {@code engine}:
     * {@code plan}, {@code source}, {@code resource}, the batch methods and the delivery promises asking it follow
     * {@code engine}; the one-SKU fast paths ({@link #planItem}) answer null so that promises ask the full plan.
     * {@code engine} must plan over this engine's network and must not itself be routed back to this engine.
     */
    public SourcingEngine routedBy(OrchestrationEngine engine) {
        Checks.notNull(engine, "engine");
        if (engine.network() != network) {
            throw new IllegalArgumentException("engine must plan over this engine's network, " + engine.name()
                    + " plans over another");
        }
        return new SourcingEngine(this, engine);
    }

    /** The optimiser's name, or the name of the engine this one is routed by. */
    @Override
    public String name() {
        return router == null ? "optimiser" : router.name();
    }

    /** The decision of the engine this one is routed by; the optimiser's plan when routed by none. */
    @Override
    public EngineDecision decide(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        return router == null ? EngineDecision.of(planAt(request, snapshot, now), "optimiser")
                : router.decide(request, snapshot, now);
    }

    /** The optimiser plans waves together ({@link #planBatch}); an engine routed by another asks that one. */
    @Override
    public List<EngineDecision> decideWave(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        if (router != null) {
            return router.decideWave(wave, snapshot, now);
        }
        Checks.list(wave, "wave");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        List<EngineDecision> out = new ArrayList<>(wave.size());
        for (SourcingPlan p : wavePlanner.together(wave, snapshot, now)) {
            out.add(EngineDecision.of(p, "optimiser"));
        }
        return out;
    }

    /**
     * What-if under a given rule set: the optimiser's least-cost plan for {@code request} against {@code snapshot}
     * at {@code now} under {@code ruleSet} rather than the rule book's, allocating nothing. Engines built on the
     * optimiser (staged routing) plan their stages with it.
     */
    public SourcingPlan planUnder(RuleSet ruleSet, SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Checks.notNull(ruleSet, "ruleSet");
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        return planner.plan(request, request.demand().delivery(), ruleSet, snapshot, now);
    }

    private List<SourcingPlan> routedWave(List<SourcingRequest> wave, StockSnapshot snapshot, Instant now) {
        List<SourcingPlan> plans = new ArrayList<>(wave.size());
        for (EngineDecision d : router.decideWave(wave, snapshot, now)) {
            plans.add(d.plan());
        }
        return plans;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The network the engine sources from. */
    public Network network() {
        return network;
    }

    /** The rule book. */
    public RuleBook rules() {
        return rules;
    }

    /** The capacity tracker fulfilments are counted in. */
    public CapacityTracker capacity() {
        return capacity;
    }

    /** How much of each position each channel may source: the exposure of live snapshots (ATP indexes use it too). */
    public StockExposure exposure() {
        return exposure;
    }

    /** The rule set that applies to {@code demand}: the rule book's for its channel and delivery method. */
    public RuleSet ruleSetFor(Demand demand) {
        return rules.ruleSetFor(demand.channel(), demand.delivery().method());
    }

    /**
     * Whether orders from {@code channel} are sourced alike delivered by {@code a} or by {@code b}: every plan, every
     * {@link #planIfComplete} answer and every exclusion verdict of an order delivered by one is the other's for the
     * same order delivered by the other (justifications aside, which may name the method), so one can be planned for
     * both. True for the same method, and for two home-delivery methods with the same rule set whose every rule
     * answers {@link io.omskit.orchestration.spi.SourcingRule#alike}; false for two different pickup methods, which
     * the engine itself treats apart.
     *
     * @throws IllegalStateException when both are home-delivery methods and the rule book has no rule set for
     *                               {@code channel} and one of them
     */
    public boolean sourcesAlike(Channel channel, DeliveryMethod a, DeliveryMethod b) {
        Checks.notNull(channel, "channel");
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        if (a == b) {
            return true;
        }
        if (router != null) {
            return false;
        }
        int slot = (channel.ordinal() * METHODS + a.ordinal()) * METHODS + b.ordinal();
        int known = alike.get(slot);
        if (known != 0) {
            return known > 0;
        }
        boolean answer = judgeAlike(channel, a, b);
        alike.set(slot, answer ? 1 : -1);
        return answer;
    }

    private boolean judgeAlike(Channel channel, DeliveryMethod a, DeliveryMethod b) {
        if (!a.isHomeDelivery() || !b.isHomeDelivery()) {
            return false;
        }
        RuleSet ruleSet = rules.ruleSetFor(channel, a);
        if (ruleSet != rules.ruleSetFor(channel, b)) {
            return false;
        }
        for (FilterRule f : ruleSet.filters()) {
            if (!f.alike(a, b)) {
                return false;
            }
        }
        for (CostRule c : ruleSet.costs()) {
            if (!c.alike(a, b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What-if: the plan for {@code request} against the inventory store's current stock, allocating nothing.
     *
     * @throws IllegalStateException when the engine has no inventory store
     */
    public SourcingPlan plan(SourcingRequest request) {
        return plan(request, liveStock(request));
    }

    /** What-if: the plan for {@code request} against {@code snapshot}, allocating nothing. */
    public SourcingPlan plan(SourcingRequest request, StockSnapshot snapshot) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        return planAt(request, snapshot, clock.instant());
    }

    /**
     * What-if at a given moment: the plan for {@code request} against {@code snapshot} as the engine computes it at
     * {@code now} (time rules such as cut-offs and opening hours judged at {@code now}), allocating nothing. ATP uses
     * it to promise for the moment a shopper asks, and for the moment inbound stock arrives.
     */
    public SourcingPlan plan(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        return planAt(request, snapshot, now);
    }

    /**
     * What-if for one SKU, fast: the plan {@link #plan(SourcingRequest, StockSnapshot, Instant)} computes at
     * {@code now} for an order of one line of {@code question}'s SKU and quantity, when one location supplies every
     * unit; its location, units and cost are those of the full plan's single fulfilment. What depends only on the
     * rule set, channel, delivery method, destination and pickup store is prepared once and reused, so a call asks
     * the other rules about a few locations only. Nothing is allocated in the inventory store.
     *
     * @param snapshot the stock the full plan would read
     * @return the plan; null when the question needs the full engine: no location can supply every unit alone, a
     *         split could be cheaper, the SKU is a bundle of the catalog, or a rule of the set reads the demand itself
     *         ({@link io.omskit.orchestration.spi.RuleInput#DEMAND})
     */
    public ItemPlan planItem(ItemQuestion question, StockSnapshot snapshot, Instant now) {
        Checks.notNull(question, "question");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        if (router != null) {
            return null;
        }
        RuleSet ruleSet = rules.ruleSetFor(question.channel(), question.delivery().method());
        return itemPlanner.plan(question, ruleSet, snapshot.stock(question.sku()), now);
    }

    /**
     * {@link #planItem} prepared for questions from {@code channel} delivered as {@code delivery}: the same plans,
     * without settling again per question what depends on the channel and delivery only.
     */
    public ItemPlanning itemPlanning(Channel channel, DeliveryChoice delivery) {
        Checks.notNull(channel, "channel");
        Checks.notNull(delivery, "delivery");
        if (router != null) {
            return new ItemPlanning(null, null, channel, delivery);
        }
        RuleSet ruleSet = rules.ruleSetFor(channel, delivery.method());
        return new ItemPlanning(itemPlanner, itemPlanner.prepare(ruleSet, channel, delivery), channel, delivery);
    }

    /**
     * What-if when only a plan sourcing every unit is of use (a cart's promise): the plan
     * {@link #plan(SourcingRequest, StockSnapshot, Instant)} computes at {@code now} when a plan sourcing every unit
     * may exist; otherwise why none can (an item lacks eligible stock, or no set of at most the rule set's shipments
     * holds every unit), decided without searching for the cheapest partial plan. Nothing is allocated.
     *
     * @return the plan, or why no plan sources every unit; never null
     */
    public Completion planIfComplete(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return planIfComplete(request, snapshot, now, null);
    }

    Completion planIfComplete(SourcingRequest request, StockSnapshot snapshot, Instant now, Planner.Series series) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        Demand demand = request.demand();
        if (router != null || demand.delivery().method() == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT) {
            return Completion.of(planAt(request, snapshot, now));
        }
        return planner.planIfComplete(request, demand.delivery(), ruleSetFor(demand), snapshot, now, series);
    }

    /**
     * A series of {@link #planIfComplete} questions about the same items against the same stock, delivered in
     * different ways: a cart's promise per delivery method. What depends only on the items and their stock is
     * settled by the first question and reused by the next.
     */
    public WhatIfSeries whatIfSeries() {
        return new WhatIfSeries(this, new Planner.Series());
    }

    /**
     * Why the rules exclude locations from {@code request} at {@code now}: the verdicts the explanation of
     * {@link #plan(SourcingRequest, StockSnapshot, Instant)} gives the locations where no item may be taken (among
     * those holding stock of some item), in the same order, decided without planning.
     *
     * @return the excluded locations' verdicts; empty when the rules exclude no location holding stock
     */
    public List<LocationVerdict> exclusions(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return exclusions(request, snapshot, now, false, Integer.MAX_VALUE, null);
    }

    /**
     * The exclusion most worth naming to a shopper: among {@link #exclusions}, the order's pickup store's verdict
     * when the rules exclude it, otherwise the first. A cart's promise says with it why a method is unavailable, at
     * the cost of judging the filters once more.
     *
     * @return the verdict; empty when the rules exclude no location holding stock
     */
    public Optional<LocationVerdict> firstExclusion(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return firstExclusion(request, snapshot, now, null);
    }

    Optional<LocationVerdict> firstExclusion(SourcingRequest request, StockSnapshot snapshot, Instant now,
                                             Planner.Series series) {
        List<LocationVerdict> first = exclusions(request, snapshot, now, true, 1, series);
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0));
    }

    /** At most {@code limit} of the excluded locations' verdicts, the pickup store's first when {@code storeFirst}. */
    private List<LocationVerdict> exclusions(SourcingRequest request, StockSnapshot snapshot, Instant now,
                                             boolean storeFirst, int limit, Planner.Series series) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        Demand demand = request.demand();
        if (router != null) {
            return routedExclusions(request, snapshot, now, storeFirst, limit);
        }
        LocationId store = storeFirst ? demand.delivery().pickupStore() : null;
        return planner.exclusions(request, demand.delivery(), ruleSetFor(demand), snapshot, now,
                store == null ? -1 : network.indexOf(store), limit, series);
    }

    private List<LocationVerdict> routedExclusions(SourcingRequest request, StockSnapshot snapshot, Instant now,
                                                   boolean storeFirst, int limit) {
        List<LocationVerdict> excluded = new ArrayList<>();
        for (LocationVerdict v : planAt(request, snapshot, now).explanation().locations()) {
            if (v.verdict() == io.omskit.orchestration.explain.Verdict.EXCLUDED) {
                boolean store = storeFirst && v.location().equals(request.demand().delivery().pickupStore());
                excluded.add(store ? 0 : excluded.size(), v);
            }
        }
        return excluded.size() <= limit ? excluded : List.copyOf(excluded.subList(0, limit));
    }

    /** The decision at {@code now}: the routing engine's, or the optimiser's plan. */
    private EngineDecision decisionAt(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return router != null ? router.decide(request, snapshot, now) : EngineDecision.of(planAt(request, snapshot, now),
                "optimiser");
    }

    /**
     * The plan at {@code now}: for express click and collect that the store cannot complete, with the
     * ship-to-store alternative attached.
     */
    SourcingPlan planAt(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        if (router != null) {
            return router.decide(request, snapshot, now).plan();
        }
        Demand demand = request.demand();
        DeliveryChoice delivery = demand.delivery();
        SourcingPlan plan = planner.plan(request, delivery, ruleSetFor(demand), snapshot, now);
        if (delivery.method() == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT && !plan.isComplete()
                && delivery.pickupStore() != null) {
            DeliveryChoice transfer = DeliveryChoice.pickup(DeliveryMethod.SHIP_TO_STORE, delivery.pickupStore(),
                    delivery.promised());
            RuleSet shipToStore = rules.ruleSetFor(demand.channel(), DeliveryMethod.SHIP_TO_STORE);
            SourcingPlan offer = planner.plan(request, transfer, shipToStore, snapshot, now);
            if (!offer.isEmpty()) {
                plan = plan.withShipToStoreOffer(offer);
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("sourced order {}: {} shipment(s), {} unit(s) planned, {} unsourced, cost {}", demand.order(),
                    plan.shipments(), plan.plannedUnits(), plan.unsourcedUnits(), plan.totalCost());
        }
        return plan;
    }

    /**
     * Computes the plan for {@code request} and allocates it in the inventory store, all fulfilments in one
     * all-or-nothing allocation, counting one fulfilment per location against its daily capacity. When the stock
     * moved between planning and allocating (the allocation is refused) or a location's capacity ran out, the
     * capacity taken is given back and the plan recomputed, up to the engine's maximum attempts. Nothing is ever
     * half-applied. Allocation keys are {@code baseKey#attempt}; a call whose key was allocated before returns
     * that allocation.
     *
     * @throws IllegalStateException when the engine has no inventory store
     * @throws IllegalArgumentException when the demand is no order's ({@link Demand#whatIf}): it can only be planned
     * @throws io.omskit.core.spi.SpiException when the store fails; nothing is left allocated or counted
     */
    public SourcingResult source(SourcingRequest request, AllocationKey baseKey) {
        Checks.notNull(request, "request");
        Checks.notNull(baseKey, "baseKey");
        requireInventory();
        Demand demand = requireOrder(request);
        long started = System.nanoTime();
        String outcome = "error";
        try {
            SourcingResult result = sourceTimed(request, baseKey, demand);
            outcome = result instanceof SourcingResult.Allocated ? "allocated"
                    : result instanceof SourcingResult.Contended ? "contended" : "nothing_allocated";
            return result;
        } finally {
            metrics.sourcingTimed(System.nanoTime() - started, outcome);
        }
    }

    private SourcingResult sourceTimed(SourcingRequest request, AllocationKey baseKey, Demand demand) {
        List<AllocationKey> attemptKeys = new ArrayList<>(maxAttempts);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            attemptKeys.add(attemptKey(baseKey, attempt));
        }
        Optional<Allocation> existing = inventory.findFirstAllocation(attemptKeys);
        if (existing.isPresent()) {
            return new SourcingResult.Allocated(null, existing.get(), 0, true);
        }
        SourcingPlan plan = null;
        UnsourcedDisposition unsourced = null;
        List<Shortage> shortages = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Instant now = clock.instant();
            EngineDecision decision = decisionAt(request, liveStock(request), now);
            plan = decision.plan();
            unsourced = decision.disposition();
            if (plan.isEmpty()) {
                return new SourcingResult.NothingAllocated(plan, unsourced);
            }
            RuleSet ruleSet = ruleSetFor(demand);
            List<Location> counted = consumeCapacity(plan, ruleSet, now);
            if (counted == null) {
                shortages = List.of();
                LOG.debug("order {}: a location's capacity ran out while sourcing, attempt {}", demand.order(), attempt);
                continue;
            }
            AllocationResult result;
            try {
                result = inventory.allocate(new AllocationRequest(attemptKey(baseKey, attempt),
                        demand.order().value(), plan.allocationLines(), request.reservation()));
            } catch (RuntimeException e) {
                releaseCapacity(counted, now);
                throw e;
            }
            if (result instanceof AllocationResult.Allocated allocated) {
                return new SourcingResult.Allocated(plan, allocated.allocation(), attempt, allocated.replayed(), unsourced);
            }
            releaseCapacity(counted, now);
            shortages = ((AllocationResult.Insufficient) result).shortages();
            LOG.debug("order {}: stock moved while sourcing, attempt {}: {}", demand.order(), attempt, shortages);
        }
        LOG.warn("order {}: gave up sourcing after {} attempts, stock or capacity kept moving", demand.order(),
                maxAttempts);
        return new SourcingResult.Contended(plan, shortages, maxAttempts);
    }

    /**
     * {@link #source(SourcingRequest, AllocationKey)} with the base key {@code sourcing/<order id>/v<order version>}
     * (the demand's order and version).
     *
     * @throws IllegalArgumentException when the demand is no order's ({@link Demand#whatIf}): it can only be planned
     */
    public SourcingResult source(SourcingRequest request) {
        Checks.notNull(request, "request");
        return source(request, defaultKey(requireOrder(request)));
    }

    private static AllocationKey defaultKey(Demand demand) {
        return AllocationKey.of("sourcing/" + demand.order().value() + "/v" + demand.version());
    }

    /** The request's demand, which must be an order's to be allocated. */
    private static Demand requireOrder(SourcingRequest request) {
        Demand demand = request.demand();
        if (!demand.isOrder()) {
            throw new IllegalArgumentException("request.demand.order must not be null to allocate: a what-if demand of no"
                    + " order can be planned only");
        }
        return demand;
    }

    private static AllocationKey attemptKey(AllocationKey base, int attempt) {
        return AllocationKey.of(base.value() + "#" + attempt);
    }

    /** Counts one fulfilment per planned location; null (with nothing counted) when a location is full. */
    List<Location> consumeCapacity(SourcingPlan plan, RuleSet ruleSet, Instant now) {
        boolean enforce = ruleSet.needs().contains(RuleNeed.DAILY_CAPACITY);
        List<Location> counted = new ArrayList<>(plan.shipments());
        for (PlannedFulfilment f : plan.fulfilments()) {
            Location l = network.get(f.location());
            int limit = enforce ? l.dailyCapacity() : Integer.MAX_VALUE;
            if (!capacity.tryConsume(l.id(), LocalDate.ofInstant(now, l.zone()), limit)) {
                releaseCapacity(counted, now);
                return null;
            }
            counted.add(l);
        }
        return counted;
    }

    void releaseCapacity(List<Location> counted, Instant now) {
        for (Location l : counted) {
            capacity.release(l.id(), LocalDate.ofInstant(now, l.zone()));
        }
    }

    /** What the engine does when locations keep refusing units: attempts allowed, then backorder or cancel. */
    public ResourcingPolicy resourcingPolicy() {
        return resourcing;
    }

    /** Gives back the capacity a fulfilment at {@code location} took on the local day of {@code at}. */
    public void releaseCapacity(LocationId location, Instant at) {
        Location l = network.get(location);
        capacity.release(l.id(), LocalDate.ofInstant(at, l.zone()));
    }

    /**
     * Re-sources units a location refused: releases them at that location (deallocates them from the allocation),
     * excludes the location for their lines (and every location that refused them before, from {@code history}),
     * and sources them again with {@link #source(SourcingRequest, AllocationKey)} under the key
     * {@code resourcing/<order id>/<attempt>}. When the location is left with nothing of the allocation to ship, the
     * daily capacity its fulfilment took (on the local day the allocation was made) is given back. After the policy's
     * maximum attempts, or when no other location can
     * take them, the units are given up (backordered or cancelled by policy). Stock counts at the refusing location
     * (a short pick usually reveals a miscount) are the caller's to correct.
     *
     * @param history what earlier rejections of the order taught; {@link ResourcingHistory#none} the first time
     * @throws IllegalStateException    when the engine has no inventory store
     * @throws IllegalArgumentException when the allocation does not hold the refused units at the location
     */
    public ResourcingOutcome resource(Rejection rejection, ResourcingHistory history) {
        Checks.notNull(rejection, "rejection");
        Checks.notNull(history, "history");
        requireInventory();
        Order order = rejection.order();
        SourcingRequest refused = SourcingRequest.of(order, rejection.quantities());
        Map<Sku, Integer> release = new LinkedHashMap<>();
        for (SourcingItem item : planner.items(refused)) {
            release.merge(item.sku(), item.quantity(), Integer::sum);
        }
        Allocation after = null;
        for (Map.Entry<Sku, Integer> e : release.entrySet()) {
            after = inventory.deallocate(rejection.allocation(), e.getKey(), rejection.location(), e.getValue());
        }
        if (after != null) {
            boolean stillShips = false;
            for (AllocationLine l : after.open()) {
                stillShips |= l.location().equals(rejection.location());
            }
            if (!stillShips) {
                releaseCapacity(rejection.location(), after.createdAt());
            }
        }
        Set<LineId> lines = new LinkedHashSet<>();
        for (LineQuantity q : rejection.quantities()) {
            lines.add(q.line());
        }
        ResourcingHistory next = history.after(rejection.location(), lines);
        LOG.debug("order {}: {} refused {} ({}), re-sourcing attempt {}", order.id(), rejection.location(),
                rejection.quantities(), rejection.reason(), next.attempts());
        if (next.attempts() > resourcing.maxAttempts()) {
            return new ResourcingOutcome.GaveUp(rejection.quantities(), resourcing.whenGivingUp(),
                    "refused " + next.attempts() + " times, the policy allows " + resourcing.maxAttempts()
                            + " re-sourcing attempt(s)", next);
        }
        SourcingRequest again = refused;
        for (Map.Entry<LineId, Set<LocationId>> e : next.refused().entrySet()) {
            for (LocationId l : e.getValue()) {
                again = again.excluding(e.getKey(), l);
            }
        }
        SourcingResult result = source(again,
                AllocationKey.of("resourcing/" + order.id().value() + "/" + next.attempts()));
        if (result instanceof SourcingResult.NothingAllocated nothing) {
            return ResourcingOutcome.GaveUp.nothingAllocated(rejection.quantities(), nothing, resourcing, next);
        }
        return new ResourcingOutcome.Resourced(result, next);
    }

    /**
     * What-if for a wave of orders sourced together against {@code snapshot} (a backlog after a stock receipt, a
     * window of in-flight orders). Every order plans the units it would get if the wave were served first come,
     * first served by priority then age (so the wave never plans fewer units than one by one, and no order loses
     * units to one ranked after it); within that, the wave is planned most constrained order first under shadow
     * prices on the positions other orders need to ship complete, and split orders are then repaired by exchanging
     * stock, to ship in fewer shipments, then at less cost. Every plan is valid under the order's own rule set.
     * Nothing is allocated.
     *
     * @return one plan per request, in the order of {@code wave}
     */
    public BatchPlan planBatch(List<SourcingRequest> wave, StockSnapshot snapshot) {
        Checks.list(wave, "wave");
        Checks.notNull(snapshot, "snapshot");
        if (router != null) {
            return new BatchPlan(routedWave(wave, snapshot, clock.instant()));
        }
        return new BatchPlan(wavePlanner.together(wave, snapshot, clock.instant()));
    }

    /** What-if for a wave sourced first come, first served: each request in order, against what the earlier ones left. */
    public BatchPlan planOneByOne(List<SourcingRequest> wave, StockSnapshot snapshot) {
        Checks.list(wave, "wave");
        Checks.notNull(snapshot, "snapshot");
        if (router != null) {
            return new BatchPlan(routedWave(wave, snapshot, clock.instant()));
        }
        return new BatchPlan(wavePlanner.oneByOne(wave, snapshot, clock.instant()));
    }

    /**
     * Sources a wave together and allocates it: plans the wave with {@link #planBatch} against a frozen copy of
     * the store's stock of the wave's SKUs, then allocates each order's plan (all-or-nothing per order). An order
     * whose plan can no longer be allocated (stock moved) is sourced alone with
     * {@link #source(SourcingRequest, AllocationKey)}.
     *
     * @return one result per request, in the order of {@code wave}
     * @throws IllegalStateException when the engine has no inventory store or the wave mixes channels
     */
    public List<SourcingResult> sourceBatch(List<SourcingRequest> wave) {
        Checks.list(wave, "wave");
        requireInventory();
        if (wave.isEmpty()) {
            return List.of();
        }
        Channel channel = wave.get(0).demand().channel();
        Set<Sku> skus = new LinkedHashSet<>();
        for (SourcingRequest r : wave) {
            requireOrder(r);
            if (r.demand().channel() != channel) {
                throw new IllegalStateException("a wave must be of one channel (its stock exposure), found "
                        + channel + " and " + r.demand().channel());
            }
            for (SourcingItem item : planner.items(r)) {
                skus.add(item.sku());
            }
        }
        StockSnapshot frozen = StockSnapshot.copyOf(inventory, network, channel, exposure, skus);
        Instant now = clock.instant();
        List<EngineDecision> decisions = decideWave(wave, frozen, now);
        List<SourcingResult> results = new ArrayList<>(wave.size());
        for (int o = 0; o < wave.size(); o++) {
            SourcingRequest r = wave.get(o);
            SourcingPlan p = decisions.get(o).plan();
            UnsourcedDisposition unsourced = decisions.get(o).disposition();
            AllocationKey key = defaultKey(r.demand());
            SourcingResult applied = p.isEmpty() ? new SourcingResult.NothingAllocated(p, unsourced)
                    : apply(r, p, unsourced, key, now);
            results.add(applied != null ? applied : source(r, AllocationKey.of(key.value() + "/alone")));
        }
        return results;
    }

    /** Allocates a computed plan and counts its capacity; null (nothing held) when stock or capacity moved. */
    private SourcingResult apply(SourcingRequest request, SourcingPlan plan, UnsourcedDisposition unsourced,
                                 AllocationKey key, Instant now) {
        List<Location> counted = consumeCapacity(plan, ruleSetFor(request.demand()), now);
        if (counted == null) {
            return null;
        }
        AllocationResult result;
        try {
            result = inventory.allocate(new AllocationRequest(attemptKey(key, 1), request.demand().order().value(),
                    plan.allocationLines(), request.reservation()));
        } catch (RuntimeException e) {
            releaseCapacity(counted, now);
            throw e;
        }
        if (result instanceof AllocationResult.Allocated allocated) {
            return new SourcingResult.Allocated(plan, allocated.allocation(), 1, allocated.replayed(), unsourced);
        }
        releaseCapacity(counted, now);
        return null;
    }

    /** A snapshot reading the inventory store live, through the exposure of {@code channel}. */
    public StockSnapshot liveStock(Channel channel) {
        requireInventory();
        return StockSnapshot.live(inventory, network, Checks.notNull(channel, "channel"), exposure);
    }

    /**
     * The live stock {@code request} may draw on: the channel's view, plus what the request's own reservation holds
     * (allocation converts or lets go of it first, so it is this order's to use).
     */
    private StockSnapshot liveStock(SourcingRequest request) {
        StockSnapshot live = liveStock(request.demand().channel());
        if (request.reservation() == null) {
            return live;
        }
        Optional<Reservation> own = inventory.findReservation(request.reservation());
        return own.isPresent() && own.get().isActive() ? OwnReservation.over(live, own.get(), network) : live;
    }

    private void requireInventory() {
        if (inventory == null) {
            throw new IllegalStateException("the engine has no inventory store: give one to the builder, or plan against a snapshot");
        }
    }

    Clock clock() {
        return clock;
    }

    InventoryStore inventory() {
        return inventory;
    }

    Planner planner() {
        return planner;
    }

    /** Builds a {@link SourcingEngine}. Network and rules are required. */
    public static final class Builder {
        private Network network;
        private RuleBook rules;
        private Clock clock = Clock.systemUTC();
        private InventoryStore inventory;
        private CapacityTracker capacity;
        private Catalog catalog;
        private StockExposure exposure = StockExposure.availableToSell();
        private int maxAttempts = 3;
        private io.omskit.core.OmsMetrics metrics = io.omskit.core.OmsMetrics.NONE;
        private ResourcingPolicy resourcing = ResourcingPolicy.standard();

        private Builder() {
        }

        /** What becomes of units locations refuse; three attempts then backorder by default. */
        public Builder resourcing(ResourcingPolicy resourcing) {
            this.resourcing = Checks.notNull(resourcing, "resourcing");
            return this;
        }

        /** Each channel sees the stock its exposure policy shows. */
        public Builder exposure(ChannelExposure exposure) {
            this.exposure = StockExposure.of(exposure);
            return this;
        }

        /** The fulfilment network. */
        public Builder network(Network network) {
            this.network = Checks.notNull(network, "network");
            return this;
        }

        /** The rule sets per channel and delivery method. */
        public Builder rules(RuleBook rules) {
            this.rules = Checks.notNull(rules, "rules");
            return this;
        }

        /** The clock; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The inventory store plans read and allocations go to; without one, only snapshot plans are possible. */
        public Builder inventory(InventoryStore inventory) {
            this.inventory = Checks.notNull(inventory, "inventory");
            return this;
        }

        /** Where fulfilments are counted against daily capacity; an in-memory tracker by default. */
        public Builder capacity(CapacityTracker capacity) {
            this.capacity = Checks.notNull(capacity, "capacity");
            return this;
        }

        /** The catalog, to source bundle lines by their components; without one every line is sourced by its own SKU. */
        public Builder catalog(Catalog catalog) {
            this.catalog = Checks.notNull(catalog, "catalog");
            return this;
        }

        /** How much of each position a channel sees; available to sell by default. */
        public Builder exposure(StockExposure exposure) {
            this.exposure = Checks.notNull(exposure, "exposure");
            return this;
        }

        /** How many plans {@code source} computes before giving up on moving stock; 3 by default, at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.positive(maxAttempts, "maxAttempts");
            return this;
        }

        /**
         * Where {@link SourcingEngine#source} reports how long sourcing an order took and how it ended, for instance
         * {@code io.omskit.core.metrics.MicrometerOmsMetrics.of(registry)}; nothing is reported by default.
         */
        public Builder metrics(io.omskit.core.OmsMetrics metrics) {
            this.metrics = Checks.notNull(metrics, "metrics");
            return this;
        }

        /**
         * The engine.
         *
         * @throws NullPointerException when the network or the rules are missing
         */
        public SourcingEngine build() {
            Checks.notNull(network, "network");
            Checks.notNull(rules, "rules");
            if (capacity == null) {
                capacity = new InMemoryCapacityTracker();
            }
            return new SourcingEngine(this);
        }
    }
}
