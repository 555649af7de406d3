package io.omskit.orchestration.engine.staged;

import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineId;
import io.omskit.core.catalog.Sku;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.DecisionStep;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.OrchestrationEngine;
import io.omskit.orchestration.engine.RemainingStock;
import io.omskit.orchestration.engine.StepOutcome;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Routing rules as merchants write them: ordered {@link Stage stages}, tried in turn until one finds a plan that
 * sources every unit. A stage that {@linkplain Stage#shipsWhatItFinds() ships what it finds} keeps the units it can
 * plan and hands only the rest on (to the next stage, or to its wait, backorder or cancel), so "stores near me with any
 * of it, then warehouses for the rest" is two stages; the decision's steps say which stage shipped which units. Each stage plans with the optimiser under the rule book's rule set for the demand (its
 * filters and costs) narrowed by the stage's filters, preferring what the stage's sort prefers, with the parcels
 * its split allows; the plan it finds is priced under the rule book's costs, so that its cost compares with the
 * optimiser's. The decision names the stage that decided and why each earlier stage found nothing.
 *
 * <pre>{@code
 * StagedEngine rules = StagedEngine.builder("merchant-rules", optimiser)
 *         .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(30)
 *                 .sort(StageSort.distance()).split(StageSplit.none())
 *                 .whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build())
 *         .stage(Stage.named("warehouses").locationTypes(LocationType.WAREHOUSE)
 *                 .sort(StageSort.priority(List.of(wh1, wh2))).split(StageSplit.upTo(2))
 *                 .whenNothing(WhenNothing.backorder()).build())
 *         .build();
 * SourcingEngine engine = optimiser.routedBy(rules); // sourcing, batches and promises follow the stages
 * }</pre>
 *
 * A stage that waits answers "wait until" its wait after the demand first reached it, with nothing planned; asked
 * again after that moment, it hands the demand to the next stage, which (if it waits too) counts its own wait from
 * then. When a stage was first reached is the request's {@link SourcingRequest#stepsReached() stepsReached} (the
 * decision's {@link EngineDecision#waitingSince()} kept by the caller; {@link io.omskit.orchestration.OrderSourcing}
 * keeps it with the order); a stage not named there was reached at placement when no waiting stage comes before it
 * (the order reaches it when first sourced), else now. After the last stage, units are backordered.
 * Immutable and thread-safe.
 */
public final class StagedEngine implements OrchestrationEngine {

    private final String name;
    private final SourcingEngine optimiser;
    private final List<Stage> stages;
    /** The stages' rule sets per rule set of the rule book (rule sets compare by identity). */
    private final ConcurrentMap<RuleSet, Compiled[]> compiled = new ConcurrentHashMap<>();

    /** A stage under one rule set of the book: what it plans with (the sort preferred), and what it prices with. */
    private record Compiled(RuleSet preferring, RuleSet pricing) {
    }

    private StagedEngine(Builder b) {
        this.name = b.name;
        this.optimiser = b.optimiser;
        this.stages = List.copyOf(b.stages);
    }

    /**
     * A builder of a staged engine named {@code name}, whose stages plan with {@code optimiser} under its rule book.
     * The optimiser is asked as itself: an engine {@link SourcingEngine#routedBy routed by} another is refused.
     */
    public static Builder builder(String name, SourcingEngine optimiser) {
        return new Builder(name, optimiser);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Network network() {
        return optimiser.network();
    }

    /** The stages, in the order they are tried. */
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public EngineDecision decide(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Checks.notNull(request, "request");
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(now, "now");
        Compiled[] under = compiledFor(optimiser.ruleSetFor(request.demand()));
        List<DecisionStep> steps = new ArrayList<>(stages.size());
        // what stages that ship what they find shipped so far, and what is left for the next stages
        List<SourcingPlan> shipped = new ArrayList<>(0);
        SourcingRequest rest = request;
        StockSnapshot left = snapshot;
        RemainingStock remaining = null;
        List<PlannedLine> lastPlanned = List.of();
        List<Unsourced> lastUnsourced = List.of();
        String ruleSet = null;
        for (int k = 0; k < stages.size(); k++) {
            Stage stage = stages.get(k);
            Compiled c = under[k];
            SourcingPlan found = optimiser.planUnder(c.preferring(), rest, left, now);
            if (found.isComplete()) {
                SourcingPlan priced = c.preferring() == c.pricing() ? found : priced(c.pricing(), found, rest, left, now);
                steps.add(new DecisionStep(k, stage.name(), StepOutcome.DECIDED, (shipped.isEmpty() ? "" : "the rest: ")
                        + found.shipments() + " parcel(s) from " + locations(priced) + " at cost " + money(priced.totalCost())));
                notReached(steps, k + 1);
                String by = decidedBy(k);
                if (!shipped.isEmpty()) {
                    by = decidedBy(steps) + ", then " + by;
                }
                return new EngineDecision(shipped.isEmpty() ? priced : combined(request, shipped, priced, List.of(), now),
                        by, null, ResourcingPolicy.Action.BACKORDER, steps, null);
            }
            ruleSet = found.ruleSet();
            lastPlanned = planned(found);
            lastUnsourced = found.unsourced();
            String why = whyNothing(found);
            Part part = stage.shipsWhatItFinds() && found.plannedUnits() > 0 ? part(c, found, rest, left, now) : null;
            if (part != null) {
                shipped.add(part.plan());
                if (remaining == null) {
                    remaining = new RemainingStock(snapshot, optimiser.network());
                    left = remaining;
                }
                remaining.take(part.plan());
                rest = part.rest();
                lastPlanned = part.notKept();
                why = "ships " + part.plan().plannedUnits() + " of " + (found.plannedUnits() + found.unsourcedUnits())
                        + " unit(s) from " + locations(part.plan()) + " at cost " + money(part.plan().totalCost())
                        + " (" + lines(part.plan()) + "); the rest";
            }
            WhenNothing then = stage.whenNothing();
            StepOutcome gaveRestOn = part != null ? StepOutcome.SHIPPED_PART : StepOutcome.FOUND_NOTHING;
            switch (then.action()) {
                case WAIT: {
                    Instant since = reached(request, k, now);
                    Instant until = since.plus(then.waitFor());
                    if (now.isBefore(until)) {
                        steps.add(new DecisionStep(k, stage.name(), part != null ? gaveRestOn : StepOutcome.WAITING,
                                why + "; waits since " + since + " until " + until));
                        notReached(steps, k + 1);
                        return new EngineDecision(finish(request, shipped, rest, lastPlanned, lastUnsourced, ruleSet, k,
                                "waiting until " + until, now), decidedBy(k), until, ResourcingPolicy.Action.BACKORDER,
                                steps, since);
                    }
                    steps.add(new DecisionStep(k, stage.name(), gaveRestOn, why + "; waited until " + until));
                    break;
                }
                case BACKORDER:
                case CANCEL: {
                    boolean cancel = then.action() == WhenNothing.Action.CANCEL;
                    steps.add(new DecisionStep(k, stage.name(), part != null ? gaveRestOn
                            : cancel ? StepOutcome.CANCELLED : StepOutcome.BACKORDERED,
                            part != null ? why + (cancel ? " cancelled" : " backordered") : why));
                    notReached(steps, k + 1);
                    return new EngineDecision(finish(request, shipped, rest, lastPlanned, lastUnsourced, ruleSet, k,
                            cancel ? "cancelled" : "backordered", now), decidedBy(k), null,
                            cancel ? ResourcingPolicy.Action.CANCEL : ResourcingPolicy.Action.BACKORDER, steps, null);
                }
                default:
                    steps.add(new DecisionStep(k, stage.name(), gaveRestOn, part != null ? why + " to the next stage"
                            : why));
            }
        }
        int end = stages.size() - 1;
        return new EngineDecision(finish(request, shipped, rest, lastPlanned, lastUnsourced, ruleSet, end,
                "backordered after the last stage", now), "after the last stage of " + name, null,
                ResourcingPolicy.Action.BACKORDER, steps, null);
    }

    /**
     * What a stage that ships what it finds keeps of {@code found}: whole units of plain lines, whole bundle lines
     * only (a bundle line it plans in part goes on whole), planned again from the same locations and priced under
     * the rule book; null when it keeps nothing.
     *
     * @param plan    the part shipped, complete for the units it keeps
     * @param rest    the request for the units left
     * @param notKept lines {@code found} planned that the part does not keep (bundle lines in part)
     */
    private record Part(SourcingPlan plan, SourcingRequest rest, List<PlannedLine> notKept) {
    }

    private Part part(Compiled c, SourcingPlan found, SourcingRequest request, StockSnapshot snapshot, Instant now) {
        Map<LineId, Integer> planned = new HashMap<>();
        Map<LineId, Boolean> plain = new HashMap<>();
        Map<LineId, Sku> skuOf = new HashMap<>();
        for (DemandLine l : request.demand().lines()) {
            skuOf.put(l.line(), l.sku());
        }
        for (PlannedFulfilment f : found.fulfilments()) {
            for (PlannedLine l : f.lines()) {
                planned.merge(l.line(), l.quantity(), Integer::sum);
                plain.merge(l.line(), l.sku().equals(skuOf.get(l.line())), Boolean::logicalAnd);
            }
        }
        Set<LineId> shortLines = new HashSet<>();
        found.unsourced().forEach(u -> shortLines.add(u.line()));
        List<DemandLine> keep = new ArrayList<>();
        List<DemandLine> rest = new ArrayList<>();
        for (DemandLine l : request.demand().lines()) {
            int units = planned.getOrDefault(l.line(), 0);
            int kept = plain.getOrDefault(l.line(), true) ? Math.min(units, l.quantity())
                    : shortLines.contains(l.line()) ? 0 : l.quantity();
            if (kept > 0) {
                keep.add(new DemandLine(l.line(), l.sku(), kept, l.unitValue(), l.group()));
            }
            if (kept < l.quantity()) {
                rest.add(new DemandLine(l.line(), l.sku(), l.quantity() - kept,
                        l.unitValue(), l.group()));
            }
        }
        if (keep.isEmpty() || rest.isEmpty()) {
            return null;
        }
        Demand d = request.demand();
        SourcingRequest kept = request.withDemand(new Demand(d.order(), d.version(),
                d.placedAt(), d.channel(), d.delivery(), keep));
        int[] at = new int[found.shipments()];
        for (int f = 0; f < at.length; f++) {
            at[f] = optimiser.network().indexOf(found.fulfilments().get(f).location());
        }
        Arrays.sort(at);
        SourcingPlan part = optimiser.planUnder(c.preferring(), kept, new OnlyAt(snapshot, at), now);
        if (!part.isComplete()) {
            return null;
        }
        SourcingPlan priced = c.preferring() == c.pricing() ? part : priced(c.pricing(), part, kept, snapshot, now);
        Set<LineId> keptLines = new HashSet<>();
        keep.forEach(l -> keptLines.add(l.line()));
        List<PlannedLine> notKept = new ArrayList<>();
        for (PlannedLine l : planned(found)) {
            if (!keptLines.contains(l.line())) {
                notKept.add(l);
            }
        }
        return new Part(priced, request.withDemand(new Demand(d.order(), d.version(),
                d.placedAt(), d.channel(), d.delivery(), rest)), notKept);
    }

    private static List<PlannedLine> planned(SourcingPlan plan) {
        List<PlannedLine> out = new ArrayList<>();
        plan.fulfilments().forEach(f -> out.addAll(f.lines()));
        return out;
    }

    /** Who decided a plan stages shipped in parts: the stages that shipped, in order. */
    private static String decidedBy(List<DecisionStep> steps) {
        List<String> by = new ArrayList<>();
        for (DecisionStep s : steps) {
            if (s.outcome() == StepOutcome.SHIPPED_PART) {
                by.add("stage " + (s.index() + 1) + " '" + s.name() + "'");
            }
        }
        return String.join(", then ", by);
    }

    /** The parts shipped, and the rest given up with why. */
    private SourcingPlan finish(SourcingRequest request, List<SourcingPlan> shipped, SourcingRequest rest,
                                List<PlannedLine> lastPlanned, List<Unsourced> lastUnsourced, String ruleSet, int stage,
                                String what, Instant now) {
        SourcingPlan nothing = nothing(rest, lastPlanned, lastUnsourced, ruleSet, stage, what, now);
        return shipped.isEmpty() ? nothing : combined(request, shipped, null, nothing.unsourced(), now);
    }

    /**
     * One plan of the parts stages shipped, the plan of the stage that shipped the rest (null when none did) and the
     * units left unsourced; fulfilments at one location (and of one kind) are one, so that a location counts once.
     */
    private SourcingPlan combined(SourcingRequest request, List<SourcingPlan> shipped, SourcingPlan restPlan,
                                  List<Unsourced> unsourced, Instant now) {
        List<SourcingPlan> parts = new ArrayList<>(shipped);
        if (restPlan != null) {
            parts.add(restPlan);
        }
        Map<List<Object>, PlannedFulfilment> byLocation = new LinkedHashMap<>();
        Map<String, Double> breakdown = new LinkedHashMap<>();
        double total = 0;
        List<Unsourced> all = new ArrayList<>(unsourced);
        for (SourcingPlan p : parts) {
            total += p.totalCost();
            p.costBreakdown().forEach(a -> breakdown.merge(a.rule(), a.amount(), Double::sum));
            all.addAll(p.unsourced());
            for (PlannedFulfilment f : p.fulfilments()) {
                List<Object> key = Arrays.asList(f.location(), f.kind(), f.destination());
                PlannedFulfilment before = byLocation.get(key);
                if (before == null) {
                    byLocation.put(key, f);
                } else {
                    List<PlannedLine> lines = new ArrayList<>(before.lines());
                    lines.addAll(f.lines());
                    byLocation.put(key, new PlannedFulfilment(f.location(), f.type(), f.kind(), f.destination(), lines,
                            before.cost() + f.cost()));
                }
            }
        }
        List<RuleAmount> amounts = new ArrayList<>();
        breakdown.forEach((rule, amount) -> amounts.add(new RuleAmount(rule, amount)));
        SourcingPlan first = parts.get(0);
        SourcingPlan explained = restPlan != null ? restPlan : first;
        return SourcingPlan.of(request.demand().order(), first.ruleSet(), new ArrayList<>(byLocation.values()), all,
                total, amounts, false, explained::explanation);
    }

    /** The lines of a plan, for people: {@code L1 x3, L2 x1}. */
    private static String lines(SourcingPlan plan) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (PlannedLine l : planned(plan)) {
            units.merge(l.line(), l.quantity(), Integer::sum);
        }
        List<String> out = new ArrayList<>();
        units.forEach((l, q) -> out.add(l + " x" + q));
        return String.join(", ", out);
    }

    /**
     * When the demand first reached stage {@code k}: as the caller kept it; else, for a stage no waiting stage comes
     * before, when the demand was first sourced, taken as its placement; else now.
     */
    private Instant reached(SourcingRequest request, int k, Instant now) {
        Instant kept = request.stepsReached().get(stages.get(k).name());
        if (kept != null) {
            return kept;
        }
        for (int e = 0; e < k; e++) {
            if (stages.get(e).whenNothing().action() == WhenNothing.Action.WAIT) {
                return now;
            }
        }
        return request.demand().placedAt();
    }

    private String decidedBy(int k) {
        return "stage " + (k + 1) + " '" + stages.get(k).name() + "'";
    }

    private void notReached(List<DecisionStep> steps, int from) {
        for (int k = from; k < stages.size(); k++) {
            steps.add(new DecisionStep(k, stages.get(k).name(), StepOutcome.NOT_REACHED, ""));
        }
    }

    /**
     * {@code found} priced under the rule book's costs: the cheapest plan from the same locations. A plan of one parcel
     * is that plan already, less the sort's preference (the optimiser is asked again only to explain it, if asked).
     */
    private SourcingPlan priced(RuleSet pricing, SourcingPlan found, SourcingRequest request, StockSnapshot snapshot,
                                Instant now) {
        if (found.shipments() == 1) {
            // the sort's preference is the first cost rule of the stage's rule set
            List<RuleAmount> breakdown = found.costBreakdown();
            double sort = breakdown.get(0).amount();
            List<RuleAmount> rest = breakdown.subList(1, breakdown.size());
            PlannedFulfilment f = found.fulfilments().get(0);
            PlannedFulfilment less = new PlannedFulfilment(f.location(), f.type(), f.kind(), f.destination(), f.lines(),
                    f.cost() - sort);
            return SourcingPlan.of(found.order(), pricing.name(), List.of(less), found.unsourced(), found.totalCost() - sort,
                    rest, found.isOptimal(), () -> replanned(pricing, found, request, snapshot, now).explanation());
        }
        return replanned(pricing, found, request, snapshot, now);
    }

    private SourcingPlan replanned(RuleSet pricing, SourcingPlan found, SourcingRequest request, StockSnapshot snapshot,
                                   Instant now) {
        int[] at = new int[found.shipments()];
        for (int f = 0; f < at.length; f++) {
            at[f] = optimiser.network().indexOf(found.fulfilments().get(f).location());
        }
        Arrays.sort(at);
        SourcingPlan priced = optimiser.planUnder(pricing, request, new OnlyAt(snapshot, at), now);
        // the same locations hold every unit, so the cheapest plan from them is complete; kept as found otherwise
        return priced.isComplete() ? priced : found;
    }

    /** Why a stage's plan is no answer: the units it could not place, by reason. */
    private static String whyNothing(SourcingPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("plans ").append(plan.plannedUnits()).append(" of ")
                .append(plan.plannedUnits() + plan.unsourcedUnits()).append(" unit(s)");
        Map<UnsourcedReason, Integer> by = new LinkedHashMap<>();
        for (Unsourced u : plan.unsourced()) {
            by.merge(u.reason(), u.quantity(), Integer::sum);
        }
        by.forEach((reason, units) -> sb.append("; ").append(units).append(' ').append(reason));
        if (!plan.unsourced().isEmpty() && !plan.unsourced().get(0).detail().isEmpty()) {
            sb.append(" (").append(plan.unsourced().get(0).detail()).append(')');
        }
        return sb.toString();
    }

    /**
     * A plan of nothing: every unit the last stage planned ({@code lastPlanned}, which it could not ship whole) and
     * left unsourced ({@code lastUnsourced}) unsourced, with why.
     */
    private SourcingPlan nothing(SourcingRequest request, List<PlannedLine> lastPlanned, List<Unsourced> lastUnsourced,
                                 String ruleSet, int stage, String what, Instant now) {
        Map<List<Object>, Integer> units = new LinkedHashMap<>();
        Map<List<Object>, String> details = new HashMap<>();
        String prefix = decidedBy(stage) + ": " + what;
        for (PlannedLine l : lastPlanned) {
            List<Object> key = List.of(l.line(), l.sku(), UnsourcedReason.EXCLUDED_BY_RULES);
            units.merge(key, l.quantity(), Integer::sum);
            details.put(key, prefix + ", no stage could ship every unit");
        }
        for (Unsourced u : lastUnsourced) {
            List<Object> key = List.of(u.line(), u.sku(), u.reason());
            units.merge(key, u.quantity(), Integer::sum);
            details.putIfAbsent(key, prefix + (u.detail().isEmpty() ? "" : ", " + u.detail()));
        }
        List<Unsourced> unsourced = new ArrayList<>(units.size());
        units.forEach((key, q) -> unsourced.add(new Unsourced((LineId) key.get(0), (Sku) key.get(1), q,
                (UnsourcedReason) key.get(2), details.get(key))));
        int nodes = optimiser.network().size();
        return SourcingPlan.of(request.demand().order(), ruleSet, List.of(), unsourced, 0, List.of(), false,
                () -> new Explanation(request.demand().order(), ruleSet, now, List.of(), List.of(), nodes, unsourced,
                        List.of(), 0, false));
    }

    private static List<LocationId> locations(SourcingPlan plan) {
        List<LocationId> out = new ArrayList<>(plan.shipments());
        plan.fulfilments().forEach(f -> out.add(f.location()));
        return out;
    }

    private static String money(double cost) {
        return String.format(Locale.ROOT, "%.2f", cost);
    }

    private Compiled[] compiledFor(RuleSet base) {
        Compiled[] c = compiled.get(base);
        if (c == null) {
            c = new Compiled[stages.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = compile(base, k);
            }
            Compiled[] raced = compiled.putIfAbsent(base, c);
            c = raced != null ? raced : c;
        }
        return c;
    }

    private Compiled compile(RuleSet base, int k) {
        Stage stage = stages.get(k);
        String title = base.name() + " / " + decidedBy(k);
        RuleSet pricing = ruleSet(title, base, k, null);
        if (stage.sort().by() == StageSort.By.COST) {
            return new Compiled(pricing, pricing);
        }
        return new Compiled(ruleSet(title + " by " + stage.sort().by(), base, k, new SortPreference(stage.sort())), pricing);
    }

    private RuleSet ruleSet(String title, RuleSet base, int k, CostRule preference) {
        Stage stage = stages.get(k);
        RuleSet.Builder b = RuleSet.builder(title);
        for (FilterRule f : base.filters()) {
            b.filter(f);
        }
        for (FilterRule f : stage.filters()) {
            b.filter(new StageFilter(k, f));
        }
        if (preference != null) {
            b.cost(preference);
        }
        for (CostRule c : base.costs()) {
            b.cost(c);
        }
        switch (stage.split().kind()) {
            case NONE:
                // a stage shipping what it finds plans what one location holds, the rest left unsourced
                b.split(stage.shipsWhatItFinds() ? SplitPolicy.SHIP_PARTIAL : SplitPolicy.SHIP_COMPLETE).maxShipments(1);
                break;
            case UP_TO:
                b.split(SplitPolicy.SHIP_PARTIAL).maxShipments(stage.split().maxParcels());
                break;
            case BY_LINE:
                b.filter(new StageFilter(k, EnoughStockFilter.wholeLine(), "by-line"));
                b.split(SplitPolicy.SHIP_PARTIAL).maxShipments(base.maxShipments());
                break;
            default:
                b.split(stage.shipsWhatItFinds() ? SplitPolicy.SHIP_PARTIAL : base.split()).maxShipments(base.maxShipments());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "StagedEngine[" + name + ", " + stages + "]";
    }

    /** Builds a {@link StagedEngine}: at least one stage. */
    public static final class Builder {
        private final String name;
        private final SourcingEngine optimiser;
        private final List<Stage> stages = new ArrayList<>();

        private Builder(String name, SourcingEngine optimiser) {
            this.name = Checks.notBlank(name, "name");
            this.optimiser = Checks.notNull(optimiser, "optimiser");
        }

        /** Adds a stage, tried after those added before. */
        public Builder stage(Stage stage) {
            stages.add(Checks.notNull(stage, "stage"));
            return this;
        }

        /**
         * The engine.
         *
         * @throws ValidationException listing every problem, each naming the stage ({@code stages[1] 'warehouses'})
         *                             and the rule broken: no stage; a name used twice; a stage no demand can reach
         *                             (after one that backorders or cancels); a priority sort ranking a
         *                             location not in the network, or one twice; a routed optimiser
         */
        public StagedEngine build() {
            List<Problem> problems = new ArrayList<>();
            if (!optimiser.name().equals("optimiser")) {
                problems.add(new Problem("optimiser", optimiser.name(),
                        "must be the optimiser itself, not an engine routed by another"));
            }
            if (stages.isEmpty()) {
                problems.add(new Problem("stages", "[]", "must hold at least one stage"));
            }
            Map<String, Integer> names = new HashMap<>();
            int ends = -1;
            for (int k = 0; k < stages.size(); k++) {
                Stage s = stages.get(k);
                String at = "stages[" + k + "] '" + s.name() + "'";
                Integer same = names.putIfAbsent(s.name(), k);
                if (same != null) {
                    problems.add(new Problem(at + ".name", s.name(), "must be unique, stages[" + same + "] has it"));
                }
                if (ends >= 0) {
                    problems.add(new Problem(at, s.toString(), "can never be reached: stages[" + ends + "] '"
                            + stages.get(ends).name() + "' ends routing with " + stages.get(ends).whenNothing().action()
                            + " when it finds nothing"));
                }
                if (!s.whenNothing().fallsThrough() && ends < 0) {
                    ends = k;
                }
                List<LocationId> seen = new ArrayList<>();
                for (LocationId l : s.sort().ranked()) {
                    if (optimiser.network().indexOf(l) < 0) {
                        problems.add(new Problem(at + ".sort", s.sort().toString(), "ranks " + l
                                + ", which is not in the network"));
                    } else if (seen.contains(l)) {
                        problems.add(new Problem(at + ".sort", s.sort().toString(), "ranks " + l + " twice"));
                    }
                    seen.add(l);
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException("staged routing " + name, problems);
            }
            return new StagedEngine(this);
        }
    }
}
