package io.omskit.orchestration.internal;

import com.google.common.base.Suppliers;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.spi.Catalog;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.explain.RuleAmount;
import io.omskit.orchestration.explain.RuleCost;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.stock.StockSnapshot;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.rules.ExcludedByRequestFilter;
import io.omskit.orchestration.rules.PickupStoreOnlyFilter;
import io.omskit.orchestration.spi.CapacityTracker;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Computes one plan: items from the request, the compiled problem, the search, and the plan with its explanation. */
public final class Planner {

    private static final FilterRule EXCLUDED_BY_REQUEST = new ExcludedByRequestFilter();
    private static final FilterRule PICKUP_STORE_ONLY = new PickupStoreOnlyFilter();

    private final Network network;
    private final Catalog catalog;
    private final CapacityTracker capacity;
    private final double[] unitVectors;
    private final Context.Sites sites;
    private final BoundedCache<FilterKey, FilterPlan> filterPlans = BoundedCache.ofMaximumSize(REMEMBERED_FILTER_PLANS);

    /**
     * @param network  the network
     * @param catalog  expands bundle lines into their components; null to source every line by its own SKU
     * @param capacity counts fulfilments against daily capacity; null for none counted
     */
    public Planner(Network network, Catalog catalog, CapacityTracker capacity) {
        this.network = network;
        this.catalog = catalog;
        this.capacity = capacity;
        this.unitVectors = Context.unitVectors(network);
        this.sites = Context.Sites.of(network);
    }

    /** The filters the engine applies before the rule set's own, for {@code method}. */
    static List<FilterRule> filtersFor(RuleSet ruleSet, DeliveryMethod method) {
        List<FilterRule> filters = new ArrayList<>(ruleSet.filters().size() + 2);
        filters.add(EXCLUDED_BY_REQUEST);
        if (method == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT) {
            filters.add(PICKUP_STORE_ONLY);
        }
        filters.addAll(ruleSet.filters());
        return filters;
    }

    /**
     * The filter plan for the context's rule set, channel, delivery method and pickup store, static answers included:
     * remembered for up to {@link #REMEMBERED_FILTER_PLANS} combinations, the least useful making room when full.
     */
    private FilterPlan filterPlan(RuleSet ruleSet, Context ctx) {
        FilterKey key = new FilterKey(ruleSet, ctx.channel(), ctx.delivery().method(), ctx.pickupStore());
        FilterPlan plan = filterPlans.get(key);
        if (plan != null) {
            return plan;
        }
        return filterPlans.putIfAbsent(key, new FilterPlan(filtersFor(ruleSet, ctx.delivery().method()), ctx,
                network.size(), true));
    }

    private static final int REMEMBERED_FILTER_PLANS = 4096;

    /**
     * What one call of a series of what-ifs leaves for the next: where its items' stock lies, and, when it found no
     * complete plan possible, what it judged (a "why" may follow). Not thread-safe.
     */
    public static final class Series {
        private Eligibility.Layout layout;
        private Judged judged;
    }

    /** An impossible question (request compared by identity) and what was judged for it. */
    private record Judged(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet, StockSnapshot snapshot,
                          Instant now, Context ctx, FilterPlan filters, Eligibility eligibility) {

        boolean isFor(SourcingRequest r, DeliveryChoice d, RuleSet rules, StockSnapshot s, Instant at) {
            return request == r && delivery.equals(d) && ruleSet == rules && snapshot == s && now.equals(at);
        }
    }

    /** What a filter plan depends on; rule sets compare by identity. */
    private record FilterKey(RuleSet ruleSet, Channel channel, DeliveryMethod method, int pickupStore) {
    }

    /**
     * Plans {@code request} with {@code delivery} (the order's own, or an alternative such as ship-to-store)
     * under {@code ruleSet} against {@code snapshot} at {@code now}.
     */
    public SourcingPlan plan(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet, StockSnapshot snapshot,
                             Instant now) {
        return plan(request, items(request), delivery, ruleSet, snapshot, now);
    }

    /**
     * Plans {@code request} as {@link #plan(SourcingRequest, DeliveryChoice, RuleSet, StockSnapshot, Instant)} does
     * when a plan sourcing every unit may exist; otherwise says why none can, without searching for the cheapest
     * partial plan.
     */
    public Completion planIfComplete(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet,
                                     StockSnapshot snapshot, Instant now) {
        return planIfComplete(request, delivery, ruleSet, snapshot, now, null);
    }

    /**
     * {@link #planIfComplete(SourcingRequest, DeliveryChoice, RuleSet, StockSnapshot, Instant)}, reusing where the
     * items' stock lies from the previous call of a series when its items and stock were the same.
     *
     * @param series what the previous call of the series left; null for a call on its own
     */
    public Completion planIfComplete(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet,
                                     StockSnapshot snapshot, Instant now, Series series) {
        List<SourcingItem> items = items(request);
        SkuStock[] stock = stocks(items, snapshot);
        for (SkuStock st : stock) {
            if (st.networkLimit() != Integer.MAX_VALUE) {
                return Completion.of(plan(request, items, delivery, ruleSet, snapshot, now));
            }
        }
        Context ctx = context(request, items, stock, delivery, now);
        FilterPlan filters = filterPlan(ruleSet, ctx);
        Eligibility.Layout layout = series == null ? null : series.layout;
        if (layout == null || !layout.isFor(items, stock)) {
            layout = Eligibility.Layout.of(ctx);
            if (series != null) {
                series.layout = layout;
            }
        }
        // what the filters allow decides it; pricing is only for a plan that may be complete
        Eligibility eligibility = Eligibility.judge(ctx, ruleSet, filters, layout);
        Coverage.Check check = Coverage.check(eligibility, Optimiser.COVERING_SETS);
        if (series != null) {
            // kept only for an impossible question: a plan's explanation reads the context later
            series.judged = check.impossible() == null ? null
                    : new Judged(request, delivery, ruleSet, snapshot, now, ctx, filters, eligibility);
        }
        if (check.impossible() != null) {
            return check.impossible();
        }
        if (check.sets() == null) {
            Problem problem = new Problem(eligibility, filters);
            Optimiser optimiser = new Optimiser(problem);
            optimiser.solve();
            return Completion.of(assemble(problem, optimiser));
        }
        // the few sets of locations that source every unit are all that needs pricing, and, when priced one by one,
        // all that needs a column
        int[][] sets = check.sets();
        long[] member = new long[eligibility.words];
        for (int[] set : sets) {
            for (int k : set) {
                member[k >>> 6] |= 1L << k;
            }
        }
        int[] before = new int[member.length];
        Problem problem = new Problem(eligibility, filters, Eligibility.ranked(member, before));
        Optimiser optimiser = new Optimiser(problem);
        // the sets, the search's own arrays, become columns in place: a member's column is its rank among the members
        for (int[] set : sets) {
            for (int x = 0; x < set.length; x++) {
                int k = set[x];
                set[x] = before[k >>> 6] + Long.bitCount(member[k >>> 6] & ((1L << k) - 1));
            }
        }
        if (!optimiser.pricesEach(sets)) {
            // a set of one location: every location is priced and the whole problem searched
            problem = new Problem(eligibility, filters);
            optimiser = new Optimiser(problem);
            optimiser.solve();
        } else {
            optimiser.solveCovered(sets);
        }
        return Completion.of(assemble(problem, optimiser));
    }

    /**
     * The verdicts {@link #plan}'s explanation gives the locations the filters exclude (every location holding stock
     * of some item where no item may be taken), in the same order, without planning; at most {@code limit} of them,
     * the one of dense index {@code first} (when excluded) before the others.
     */
    public List<LocationVerdict> exclusions(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet,
                                            StockSnapshot snapshot, Instant now, int first, int limit) {
        return exclusions(request, delivery, ruleSet, snapshot, now, first, limit, null);
    }

    /**
     * {@link #exclusions(SourcingRequest, DeliveryChoice, RuleSet, StockSnapshot, Instant, int, int)}, reusing what the
     * series judged when its last question was this request (the same object), delivery and rule set, against this
     * snapshot at this moment, and impossible.
     */
    public List<LocationVerdict> exclusions(SourcingRequest request, DeliveryChoice delivery, RuleSet ruleSet,
                                            StockSnapshot snapshot, Instant now, int first, int limit, Series series) {
        Judged judged = series == null ? null : series.judged;
        if (judged != null && judged.isFor(request, delivery, ruleSet, snapshot, now)) {
            return verdicts(judged.ctx(), judged.filters(), judged.eligibility(), first, limit);
        }
        List<SourcingItem> items = items(request);
        SkuStock[] stock = stocks(items, snapshot);
        for (SkuStock s : stock) {
            if (s.networkLimit() != Integer.MAX_VALUE) {
                items = withinNetworkLimits(items, stock, new ArrayList<>(1));
                stock = stocks(items, snapshot);
                break;
            }
        }
        Context ctx = context(request, items, stock, delivery, now);
        FilterPlan filters = filterPlan(ruleSet, ctx);
        return verdicts(ctx, filters, Eligibility.judge(ctx, ruleSet, filters), first, limit);
    }

    private List<LocationVerdict> verdicts(Context ctx, FilterPlan filters, Eligibility e, int first, int limit) {
        List<LocationVerdict> verdicts = new ArrayList<>();
        int preferred = first < 0 ? -1 : Arrays.binarySearch(e.candidates, first);
        if (preferred >= 0 && !e.eligible(preferred) && limit > 0) {
            verdicts.add(excluded(ctx, filters, e, preferred));
        }
        for (int k = 0; k < e.m && verdicts.size() < limit; k++) {
            if (k != preferred && !e.eligible(k)) {
                verdicts.add(excluded(ctx, filters, e, k));
            }
        }
        return verdicts;
    }

    private LocationVerdict excluded(Context ctx, FilterPlan filters, Eligibility e, int k) {
        int location = e.candidates[k];
        ctx.cursor(k);
        return new LocationVerdict(network.at(location).id(), Verdict.EXCLUDED, exclusionsAt(ctx, filters.all, location),
                List.of(), List.of(), 0);
    }

    /** Plans the given items of {@code request} (as {@link #items} made them, possibly with fewer units). */
    public SourcingPlan plan(SourcingRequest request, List<SourcingItem> items, DeliveryChoice delivery, RuleSet ruleSet,
                             StockSnapshot snapshot, Instant now) {
        SkuStock[] stock = stocks(items, snapshot);
        List<Unsourced> beyondLimits = null;
        for (SkuStock s : stock) {
            if (s.networkLimit() != Integer.MAX_VALUE) {
                beyondLimits = new ArrayList<>(1);
                items = withinNetworkLimits(items, stock, beyondLimits);
                stock = stocks(items, snapshot);
                break;
            }
        }
        Problem problem = compile(request, items, stock, delivery, ruleSet, now);
        Optimiser optimiser = new Optimiser(problem);
        optimiser.solve();
        SourcingPlan plan = assemble(problem, optimiser);
        return beyondLimits == null || beyondLimits.isEmpty() ? plan : plan.withUnsourced(beyondLimits);
    }

    private static SkuStock[] stocks(List<SourcingItem> items, StockSnapshot snapshot) {
        SkuStock[] stock = new SkuStock[items.size()];
        for (int i = 0; i < stock.length; i++) {
            stock[i] = snapshot.stock(items.get(i).sku());
        }
        return stock;
    }

    /**
     * The items cut down to the network limits of their SKUs ({@link SkuStock#networkLimit()}), earlier items of a
     * SKU first: no plan may take more, whatever the locations hold. The units cut are added to {@code cut}. Exact
     * for SKUs ordered on one item; for a SKU on several items, which of them is cut is not optimised.
     */
    static List<SourcingItem> withinNetworkLimits(List<SourcingItem> items, SkuStock[] stock, List<Unsourced> cut) {
        List<SourcingItem> within = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            SourcingItem item = items.get(i);
            int limit = stock[i].networkLimit();
            if (limit == Integer.MAX_VALUE) {
                within.add(item);
                continue;
            }
            long taken = 0;
            for (SourcingItem earlier : within) {
                if (earlier.sku().equals(item.sku())) {
                    taken += earlier.quantity();
                }
            }
            int keep = (int) Math.max(0, Math.min(item.quantity(), limit - taken));
            if (keep > 0) {
                within.add(keep == item.quantity() ? item : new SourcingItem(item.line(), item.sku(), keep, item.group()));
            }
            if (keep < item.quantity()) {
                cut.add(new Unsourced(item.line(), item.sku(), item.quantity() - keep, UnsourcedReason.NO_STOCK,
                        (item.quantity() - keep) + " unit(s) of " + item.sku() + " beyond the " + limit
                                + " the network can still give: network-wide reservations hold the rest"));
            }
        }
        return within;
    }

    /** The problem {@link #plan} solves for these arguments: candidates, what the filters allow, the cost terms. */
    Problem compile(SourcingRequest request, List<SourcingItem> items, DeliveryChoice delivery, RuleSet ruleSet,
                    StockSnapshot snapshot, Instant now) {
        return compile(request, items, stocks(items, snapshot), delivery, ruleSet, now);
    }

    private Problem compile(SourcingRequest request, List<SourcingItem> items, SkuStock[] stock, DeliveryChoice delivery,
                            RuleSet ruleSet, Instant now) {
        Context ctx = context(request, items, stock, delivery, now);
        return new Problem(ctx, ruleSet, filterPlan(ruleSet, ctx));
    }

    private Context context(SourcingRequest request, List<SourcingItem> items, SkuStock[] stock, DeliveryChoice delivery,
                            Instant now) {
        int[][] excluded = new int[items.size()][];
        for (int i = 0; i < stock.length; i++) {
            excluded[i] = excludedIndexes(request, items.get(i).line());
        }
        return new Context(request.demand(), delivery, network, now, items, stock, excluded, capacity, unitVectors, sites);
    }

    /**
     * The items to source: one per plain line of the demand, one per component of a bundle line (in the line's group,
     * or in a group of the bundle's own).
     */
    public List<SourcingItem> items(SourcingRequest request) {
        List<DemandLine> lines = request.demand().lines();
        List<SourcingItem> items = new ArrayList<>(lines.size());
        for (DemandLine line : lines) {
            int q = line.quantity();
            String group = line.group();
            Optional<SkuAttributes> attributes = catalog == null ? Optional.empty() : catalog.find(line.sku());
            if (attributes.isPresent() && attributes.get().isBundle()) {
                String bundleGroup = group != null ? group : "bundle-" + line.line().value();
                for (BundleComponent c : attributes.get().components()) {
                    items.add(new SourcingItem(line.line(), c.sku(), q * c.quantity(), bundleGroup));
                }
            } else {
                items.add(new SourcingItem(line.line(), line.sku(), q, group));
            }
        }
        return items;
    }

    private static final int[] NONE_EXCLUDED = new int[0];

    private int[] excludedIndexes(SourcingRequest request, LineId line) {
        if (request.excludedForAll().isEmpty() && request.excludedByLine().isEmpty()) {
            return NONE_EXCLUDED;
        }
        List<LocationId> ids = new ArrayList<>(request.excludedForAll());
        ids.addAll(request.excludedByLine().getOrDefault(line, java.util.Set.of()));
        int[] out = new int[ids.size()];
        int k = 0;
        for (LocationId id : ids) {
            int index = network.indexOf(id);
            if (index >= 0) {
                out[k++] = index;
            }
        }
        out = Arrays.copyOf(out, k);
        Arrays.sort(out);
        return out;
    }

    // ---- assembly ----

    private SourcingPlan assemble(Problem p, Optimiser o) {
        Context ctx = p.ctx;
        int n = p.n;
        int m = p.m;
        DeliveryChoice delivery = ctx.delivery();
        List<PlannedFulfilment> fulfilments = new ArrayList<>();
        int used = 0;
        double total = 0;
        // the locations taken from, found row by row (the take array's order) rather than column by column
        boolean[] taken = new boolean[m];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < m; j++, k++) {
                taken[j] |= o.take[k] > 0;
            }
        }
        for (int j = 0; j < m; j++) {
            if (!taken[j]) {
                continue;
            }
            List<PlannedLine> lines = null;
            double cost = 0;
            for (int i = 0; i < n; i++) {
                int t = o.take[i * m + j];
                if (t > 0) {
                    if (lines == null) {
                        lines = new ArrayList<>(n);
                    }
                    SourcingItem item = ctx.item(i);
                    lines.add(new PlannedLine(item.line(), item.sku(), t));
                    cost += t * p.unit[i * m + j] + o.tailTake[i * m + j] * p.tail[i * m + j];
                }
            }
            if (lines == null) {
                continue;
            }
            cost += p.fixed[j];
            Location l = network.at(p.loc[j]);
            LegKind kind = legKind(delivery, p.loc[j], ctx.pickupStore());
            fulfilments.add(new PlannedFulfilment(l.id(), l.type(), kind,
                    kind == LegKind.DELIVER ? null : delivery.pickupStore(), lines, cost));
            used++;
            total += cost;
        }
        if (used > 1) {
            total += p.penalty * (used - 1);
        }
        List<Unsourced> unsourced = unsourced(p, o);
        int shipments = used;
        // the breakdown and the explanation read the context, which is not thread-safe: the plan asks for them under its lock
        Supplier<List<RuleAmount>> breakdown = Suppliers.memoize(() -> breakdown(p, o, shipments));
        return SourcingPlan.lazy(ctx.demand().order(), p.ruleSet.name(), fulfilments, unsourced, total, breakdown, o.optimal,
                () -> explain(p, o.take, o.tailTake, o.optimal, fulfilments, unsourced, breakdown.get()));
    }

    static LegKind legKind(DeliveryChoice delivery, int location, int pickupStore) {
        if (delivery.method().isHomeDelivery()) {
            return LegKind.DELIVER;
        }
        if (delivery.method() == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT || location == pickupStore) {
            return LegKind.COLLECT;
        }
        return LegKind.TRANSFER;
    }

    private static List<Unsourced> unsourced(Problem p, Optimiser o) {
        List<Unsourced> out = new ArrayList<>();
        for (int i = 0; i < p.n; i++) {
            int u = o.unsourced[i];
            if (u <= 0) {
                continue;
            }
            SourcingItem item = p.ctx.item(i);
            int slot = p.slotOf[i];
            long demand = 0;
            for (int x = 0; x < p.n; x++) {
                if (p.slotOf[x] == slot) {
                    demand += p.qty[x];
                }
            }
            long inNetwork = p.ctx.stock(i).total();
            long eligible = 0;
            for (int j = 0; j < p.m; j++) {
                if (p.allowed[i * p.m + j]) {
                    eligible += p.stock[slot * p.m + j];
                }
            }
            UnsourcedReason reason;
            String detail;
            if (inNetwork < demand) {
                reason = UnsourcedReason.NO_STOCK;
                detail = demand + " unit(s) of " + item.sku() + " requested, " + inNetwork + " available in the network";
            } else if (eligible < demand) {
                reason = UnsourcedReason.EXCLUDED_BY_RULES;
                detail = demand + " unit(s) of " + item.sku() + " requested, " + eligible + " at eligible locations, "
                        + (inNetwork - eligible) + " more at excluded locations";
            } else if (p.unsourcedUnit != null) {
                reason = UnsourcedReason.NOT_WORTH_SHIPPING;
                detail = String.format(java.util.Locale.ROOT,
                        "shipping it costs more than leaving it: %.2f per unit as %s", p.unsourcedUnit[i],
                        p.ruleSet.unsourcedCost().orElseThrow().policy());
            } else if (p.ruleSet.split() == SplitPolicy.SHIP_COMPLETE) {
                reason = UnsourcedReason.NOT_SHIPPABLE_COMPLETE;
                detail = "no single eligible location holds the whole order";
            } else if (p.groupOf[i] >= 0 && item.group() != null) {
                reason = UnsourcedReason.GROUP_NOT_TOGETHER;
                detail = "no single eligible location holds the whole group " + item.group();
            } else {
                reason = UnsourcedReason.SHIPMENT_LIMIT;
                detail = "sourcing it needs more than " + p.maxShipments + " shipment(s)";
            }
            out.add(new Unsourced(item.line(), item.sku(), u, reason, detail));
        }
        return out;
    }

    private List<RuleAmount> breakdown(Problem p, Optimiser o, int shipments) {
        double[] byRule = new double[p.costRules.size()];
        int[] takes = new int[p.n];
        int[] tails = new int[p.n];
        for (int j = 0; j < p.m; j++) {
            boolean any = false;
            for (int i = 0; i < p.n; i++) {
                takes[i] = o.take[i * p.m + j];
                tails[i] = o.tailTake[i * p.m + j];
                any |= takes[i] > 0;
            }
            if (any) {
                double[] amounts = amountsAt(p, p.loc[j], takes, tails);
                for (int r = 0; r < byRule.length; r++) {
                    byRule[r] += amounts[r];
                }
            }
        }
        List<RuleAmount> out = new ArrayList<>(byRule.length);
        for (int r = 0; r < byRule.length; r++) {
            CostRule rule = p.costRules.get(r);
            double split = shipments > 1 ? rule.perExtraShipment(p.ctx) * (shipments - 1) : 0;
            out.add(new RuleAmount(rule.name(), byRule[r] + split));
        }
        return out;
    }

    /** What each cost rule charges at {@code location} for the given units (and last units) per item. */
    private static double[] amountsAt(Problem p, int location, int[] takes, int[] tails) {
        double[] amounts = new double[p.costRules.size()];
        AmountSink sink = new AmountSink(takes, tails);
        for (int r = 0; r < amounts.length; r++) {
            sink.amount = 0;
            p.costRules.get(r).price(p.ctx, location, sink);
            amounts[r] = sink.amount;
        }
        return amounts;
    }

    private static final class AmountSink implements CostSink {
        private final int[] takes;
        private final int[] tails;
        double amount;

        AmountSink(int[] takes, int[] tails) {
            this.takes = takes;
            this.tails = tails;
        }

        @Override
        public void perShipment(double cost) {
            amount += cost;
        }

        @Override
        public void perUnit(int item, double cost) {
            amount += takes[item] * cost;
        }

        @Override
        public void lastUnits(int item, int units, double cost) {
            amount += tails[item] * cost;
        }
    }

    // ---- explanation ----

    private Explanation explain(Problem solved, int[] solvedTake, int[] solvedTailTake, boolean optimal,
                                List<PlannedFulfilment> fulfilments, List<Unsourced> unsourced, List<RuleAmount> breakdown) {
        // every eligible location has a verdict: a restricted problem's plan is told on its whole problem
        Problem p = solved.whole();
        int[] take = solvedTake;
        int[] tailTake = solvedTailTake;
        if (p != solved) {
            take = new int[p.n * p.m];
            tailTake = new int[p.n * p.m];
            for (int j = 0; j < solved.m; j++) {
                int w = Arrays.binarySearch(p.loc, solved.loc[j]);
                for (int i = 0; i < p.n; i++) {
                    take[i * p.m + w] = solvedTake[i * solved.m + j];
                    tailTake[i * p.m + w] = solvedTailTake[i * solved.m + j];
                }
            }
        }
        p.priceAll();
        Context ctx = p.ctx;
        List<LocationVerdict> verdicts = new ArrayList<>(p.candidates.length);
        int[] takes = new int[p.n];
        int[] tails = new int[p.n];
        for (int k = 0; k < p.candidates.length; k++) {
            int location = p.candidates[k];
            ctx.cursor(k);
            LocationId id = network.at(location).id();
            List<Exclusion> exclusions = exclusionsAt(ctx, p.filters, location);
            int j = Arrays.binarySearch(p.loc, location);
            if (j < 0) {
                verdicts.add(new LocationVerdict(id, Verdict.EXCLUDED, exclusions, List.of(), List.of(), 0));
                continue;
            }
            boolean chosen = false;
            for (int i = 0; i < p.n; i++) {
                takes[i] = take[i * p.m + j];
                tails[i] = tailTake[i * p.m + j];
                chosen |= takes[i] > 0;
            }
            if (!chosen) {
                couldSupplyAlone(p, j, takes, tails);
            }
            List<PlannedLine> supply = new ArrayList<>();
            for (int i = 0; i < p.n; i++) {
                if (takes[i] > 0) {
                    supply.add(new PlannedLine(ctx.item(i).line(), ctx.item(i).sku(), takes[i]));
                }
            }
            double[] amounts = amountsAt(p, location, takes, tails);
            List<RuleCost> costs = new ArrayList<>(amounts.length);
            double sum = 0;
            for (int r = 0; r < amounts.length; r++) {
                CostRule rule = p.costRules.get(r);
                costs.add(new RuleCost(rule.name(), amounts[r], rule.justify(ctx, location)));
                sum += amounts[r];
            }
            verdicts.add(new LocationVerdict(id, chosen ? Verdict.CHOSEN : Verdict.CONSIDERED, exclusions, supply, costs, sum));
        }
        double total = 0;
        for (RuleAmount a : breakdown) {
            total += a.amount();
        }
        return new Explanation(ctx.demand().order(), p.ruleSet.name(), ctx.now(), fulfilments, verdicts,
                network.size() - p.candidates.length, unsourced, breakdown, total, optimal);
    }

    /**
     * Every filter's exclusions of {@code location} (at the context's cursor): for the whole order, or else for each
     * item it holds units of.
     */
    private static List<Exclusion> exclusionsAt(Context ctx, List<FilterRule> filters, int location) {
        List<Exclusion> exclusions = new ArrayList<>();
        boolean wholeOrder = false;
        for (FilterRule f : filters) {
            Justification why = f.excludeOrder(ctx, location);
            if (why != null) {
                exclusions.add(new Exclusion(f.name(), null, null, why));
                wholeOrder = true;
            }
        }
        for (int i = 0; !wholeOrder && i < ctx.items().size(); i++) {
            if (ctx.available(i, location) <= 0) {
                continue;
            }
            for (FilterRule f : filters) {
                Justification why = f.excludeItem(ctx, i, location);
                if (why != null) {
                    exclusions.add(new Exclusion(f.name(), ctx.item(i).line(), ctx.item(i).sku(), why));
                }
            }
        }
        return exclusions;
    }

    /** The units eligible location j could supply alone: whole groups that fit, and as much of each other item as it holds. */
    private static void couldSupplyAlone(Problem p, int j, int[] takes, int[] tails) {
        int[] left = new int[p.slots];
        for (int s = 0; s < p.slots; s++) {
            left[s] = p.stock[s * p.m + j];
        }
        Arrays.fill(takes, 0);
        Arrays.fill(tails, 0);
        for (int i = 0; i < p.n; i++) {
            int k = i * p.m + j;
            if (!p.allowed[k]) {
                continue;
            }
            int r = left[p.slotOf[i]];
            int t = Math.min(p.qty[i], r);
            if (p.groupOf[i] >= 0 && t < p.qty[i]) {
                t = 0;
            }
            takes[i] = t;
            tails[i] = Math.max(0, t - Math.max(0, r - p.protect[k]));
            left[p.slotOf[i]] = r - t;
        }
    }
}
