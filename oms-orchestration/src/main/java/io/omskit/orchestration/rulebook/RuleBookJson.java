package io.omskit.orchestration.rulebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.KeepTogetherFilter;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.FillInPriority;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.MostStockFirst;
import io.omskit.orchestration.rules.PickupStoreFirst;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.OpportunityCosts;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.spi.SourcingRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link RuleBook} from a JSON document. Every problem of the document is reported at once, in one
 * {@link ValidationException} whose problems name the path (such as {@code ruleSets[1].filters[0].maxKm}), the value
 * and the rule broken: unknown rules (with the known names), unknown or missing parameters, bad values, unknown
 * rule-set names in bindings, duplicates.
 *
 * <pre>{@code
 * {
 *   "ruleSets": [
 *     { "name": "home", "split": "SHIP_PARTIAL", "maxShipments": 3,
 *       "filters": [ {"rule": "capability"}, {"rule": "max-distance", "maxKm": 800} ],
 *       "costs":   [ {"rule": "shipping", "default": {"perShipment": 5, "perUnit": 0.1, "perUnitKm": 0.001}},
 *                    {"rule": "split-penalty", "perExtraShipment": 4} ] },
 *     { "name": "collect", "filters": [ {"rule": "capability"}, {"rule": "open-now"} ] }
 *   ],
 *   "bindings": [
 *     { "ruleSet": "home" },
 *     { "method": "EXPRESS_CLICK_AND_COLLECT", "ruleSet": "collect" }
 *   ]
 * }
 * }</pre>
 *
 * A rule set may price the units it leaves unsourced ({@link UnsourcedCost}):
 * {@code "unsourcedCost": {"policy": "LOST_SALE", "perUnit": 2, "shareOfLineValue": 0.3, "skus": [{"sku": "GIFT",
 * "perUnit": 0}]}} ({@code policy} one of {@link UnsourcedPolicy}, required; the others optional, 0 when absent;
 * {@code shareOfLineValue} from 0 to 10); without it the rule set fills every unit it can first.
 * A binding with neither channel nor method is the default. A rule set's {@code maxShipments} is an integer from 1
 * to {@value #MAX_SHIPMENTS} (5 when absent). The built-in rules and their parameters:
 * <ul>
 * <li>filters: {@code capability}, {@code location-type} ({@code allow}: objects with optional {@code channel},
 * optional {@code method}, {@code types}), {@code enough-stock} ({@code wholeLine} or {@code minimumUnits}),
 * {@code max-distance} ({@code maxKm}), {@code open-now}, {@code daily-capacity}, {@code cut-off},
 * {@code excluded-locations} ({@code locations}), {@code keep-together};</li>
 * <li>costs: {@code shipping} ({@code default} rate and optional {@code rates}: objects with optional {@code type},
 * optional {@code method} and the rate's {@code perShipment}, {@code perUnit}, {@code perUnitKm}, each 0 when
 * absent; or {@code "hostRates": true} for the {@link ShippingRates} given to {@link Builder#shippingRates}),
 * {@code distance} ({@code perKm}), {@code split-penalty} ({@code perExtraShipment}), {@code protect-store-stock}
 * ({@code lastUnits}, {@code perUnit}), {@code load-balancing} ({@code weight}), {@code location-priority}
 * ({@code locations}, {@code step}), {@code lateness} ({@code perHour}, optional {@code baseHours} (12),
 * {@code kmPerHour} (60)), {@code opportunity-cost} (uses the {@link OpportunityCosts} given to
 * {@link Builder#opportunityCosts}), {@code fill-in-priority} ({@code locations}, {@code perUnit}),
 * {@code most-stock-first} ({@code weight}), {@code pickup-store-first} (optional {@code perUnit},
 * {@value io.omskit.orchestration.rules.PickupStoreFirst#DEFAULT_PER_UNIT} when absent).</li>
 * </ul>
 * Every number is finite and within its range, both bounds included: the costs ({@code per...}, {@code weight},
 * {@code step}) from 0 to {@link #MAX_RATE}; {@code maxKm} above 0 to {@link #MAX_KM}; {@code baseHours} from 0 to
 * {@link #MAX_BASE_HOURS}; {@code kmPerHour} above 0 to {@link #MAX_KM_PER_HOUR}; the unit counts
 * ({@code minimumUnits}, {@code lastUnits}) from 1 to {@link #MAX_UNITS}. A value out of range is a problem naming
 * the rule, the parameter and the value; nothing is rounded into range.
 * Instances are immutable and thread-safe.
 */
public final class RuleBookJson {

    /**
     * The largest amount a built-in cost rule takes per shipment, unit, km, hour, extra shipment, rank step or
     * weight: 10<sup>9</sup>. A larger one is a typing error, and would drown every other cost of the sum.
     */
    public static final double MAX_RATE = 1e9;
    /** The largest {@code maxKm}: 40,000 km, about the Earth's circumference. */
    public static final double MAX_KM = 40_000;
    /** The largest {@code baseHours} of {@code lateness}: a year, 8,760 h. */
    public static final double MAX_BASE_HOURS = 8_760;
    /** The largest {@code kmPerHour} of {@code lateness}: 2,000 km/h, faster than any airliner. */
    public static final double MAX_KM_PER_HOUR = 2_000;
    /** The largest unit count ({@code minimumUnits}, {@code lastUnits}): 1,000,000. */
    public static final int MAX_UNITS = 1_000_000;
    /** The largest {@code maxShipments} of a rule set: 100. */
    public static final int MAX_SHIPMENTS = 100;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, RuleFactory> filters;
    private final Map<String, RuleFactory> costs;

    private RuleBookJson(Builder b) {
        this.filters = Map.copyOf(b.filters);
        this.costs = Map.copyOf(b.costs);
    }

    /** A reader with only the built-in rules and no host data. */
    public static RuleBookJson reader() {
        return builder().build();
    }

    /** A builder, to give host data (rates, opportunity costs) and register the retailer's own rules. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rule book of {@code json}.
     *
     * @throws ValidationException listing every problem of the document
     */
    public RuleBook read(String json) {
        Checks.notNull(json, "json");
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("rule book", List.of(new Problem("$", abbreviate(json),
                    "must be well-formed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("rule book", List.of(new Problem("$", abbreviate(json), "must be a JSON object")));
        }
        unknownFields(root, "", Set.of("ruleSets", "bindings"), problems);
        Map<String, RuleSet> ruleSets = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        JsonNode sets = root.get("ruleSets");
        if (sets == null || !sets.isArray() || sets.isEmpty()) {
            problems.add(new Problem("ruleSets", String.valueOf(sets), "is required: a non-empty array of rule sets"));
        } else {
            for (int k = 0; k < sets.size(); k++) {
                readRuleSet(sets.get(k), "ruleSets[" + k + "]", ruleSets, problems);
                if (sets.get(k).hasNonNull("name")) {
                    declared.add(sets.get(k).get("name").asText());
                }
            }
        }
        RuleBook.Builder book = RuleBook.builder();
        JsonNode bindings = root.get("bindings");
        if (bindings == null || !bindings.isArray() || bindings.isEmpty()) {
            problems.add(new Problem("bindings", String.valueOf(bindings), "is required: a non-empty array of bindings"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < bindings.size(); k++) {
                readBinding(bindings.get(k), "bindings[" + k + "]", ruleSets, declared, book, seen, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("rule book", problems);
        }
        return book.build();
    }

    private void readRuleSet(JsonNode node, String path, Map<String, RuleSet> ruleSets, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, node.toString(), "must be an object"));
            return;
        }
        unknownFields(node, path + ".", Set.of("name", "split", "maxShipments", "filters", "costs", "unsourcedCost"),
                problems);
        // any problem of the set's own fields leaves it unbuilt, so a bad value is not reported a second time
        int before = problems.size();
        RuleParameters p = new RuleParameters(path, node, problems);
        String name = p.text("name");
        SplitPolicy split = p.constant("split", SplitPolicy.class, SplitPolicy.SHIP_PARTIAL);
        int maxShipments = p.integer("maxShipments", 5, 1, MAX_SHIPMENTS);
        if (!name.isBlank() && ruleSets.containsKey(name)) {
            p.problem("name", name, "must be unique, another rule set has this name");
        }
        RuleSet.Builder b = name.isBlank() ? null : RuleSet.builder(name);
        for (RuleParameters rule : rules(node, path, "filters", problems)) {
            SourcingRule r = create(rule, filters, "filter", problems);
            if (r != null && !(r instanceof FilterRule)) {
                rule.problem("rule", r.name(), "is not a filter");
            } else if (r != null && b != null) {
                b.filter((FilterRule) r);
            }
        }
        for (RuleParameters rule : rules(node, path, "costs", problems)) {
            SourcingRule r = create(rule, costs, "cost", problems);
            if (r != null && !(r instanceof CostRule)) {
                rule.problem("rule", r.name(), "is not a cost rule");
            } else if (r != null && b != null) {
                b.cost((CostRule) r);
            }
        }
        UnsourcedCost unsourced = unsourcedCost(node.get("unsourcedCost"), path + ".unsourcedCost", problems);
        if (b == null || problems.size() > before) {
            return;
        }
        try {
            ruleSets.put(name, b.split(split).maxShipments(maxShipments).unsourcedCost(unsourced).build());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, name, e.getMessage()));
        }
    }

    /** A rule set's {@code unsourcedCost}; null when absent or wrong (with the problems). */
    private static UnsourcedCost unsourcedCost(JsonNode node, String path, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, node.toString(), "must be an object"));
            return null;
        }
        unknownFields(node, path + ".", Set.of("policy", "perUnit", "shareOfLineValue", "skus"), problems);
        int before = problems.size();
        RuleParameters p = new RuleParameters(path, node, problems);
        UnsourcedPolicy policy = p.constant("policy", UnsourcedPolicy.class, null);
        if (policy == null && problems.size() == before) {
            p.problem("policy", "null", "is required (one of " + java.util.Arrays.toString(UnsourcedPolicy.values()) + ")");
        }
        double perUnit = p.number("perUnit", 0, 0, MAX_RATE);
        double share = p.number("shareOfLineValue", 0, 0, 10);
        List<RuleParameters> skus = p.objects("skus");
        Map<String, Double> bySku = new LinkedHashMap<>();
        for (int k = 0; k < skus.size(); k++) {
            RuleParameters sku = skus.get(k);
            unknownFields(node.get("skus").get(k), sku.path() + ".", Set.of("sku", "perUnit"), problems);
            String id = sku.text("sku");
            double cost = sku.number("perUnit", 0, MAX_RATE);
            if (!id.isBlank() && bySku.put(id, cost) != null) {
                sku.problem("sku", id, "must be unique, another entry prices this SKU");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        UnsourcedCost.Builder b = UnsourcedCost.builder(policy).perUnit(perUnit).shareOfLineValue(share);
        bySku.forEach((sku, cost) -> b.sku(io.omskit.core.catalog.Sku.of(sku), cost));
        return b.build();
    }

    private static List<RuleParameters> rules(JsonNode node, String path, String field, List<Problem> problems) {
        JsonNode list = node.get(field);
        List<RuleParameters> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problems.add(new Problem(path + "." + field, list.toString(), "must be an array of rules"));
            return out;
        }
        for (int k = 0; k < list.size(); k++) {
            String at = path + "." + field + "[" + k + "]";
            if (!list.get(k).isObject()) {
                problems.add(new Problem(at, list.get(k).toString(), "must be an object naming its \"rule\""));
            } else {
                out.add(new RuleParameters(at, list.get(k), problems));
            }
        }
        return out;
    }

    private static SourcingRule create(RuleParameters p, Map<String, RuleFactory> registry, String kind,
                                       List<Problem> problems) {
        if (!p.has("rule")) {
            p.problem("rule", "null", "is required: the name of a " + kind + " rule, one of " + new TreeSet<>(registry.keySet()));
            return null;
        }
        String name = p.text("rule");
        RuleFactory factory = registry.get(name);
        if (factory == null) {
            p.problem("rule", name, "is not a known " + kind + " rule; known: " + new TreeSet<>(registry.keySet()));
            return null;
        }
        int before = problems.size();
        SourcingRule rule;
        try {
            rule = factory.create(p);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a rule refusing a value already reported as out of range adds nothing
            if (problems.size() == before) {
                p.problem(name, "rule " + name + " refuses its parameters: " + e.getMessage());
            }
            rule = null;
        }
        p.reportUnknown();
        return problems.size() > before ? null : rule;
    }

    private static void readBinding(JsonNode node, String path, Map<String, RuleSet> ruleSets, Set<String> declared,
                                    RuleBook.Builder book, Set<String> seen, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, node.toString(), "must be an object"));
            return;
        }
        unknownFields(node, path + ".", Set.of("channel", "method", "ruleSet"), problems);
        int before = problems.size();
        RuleParameters p = new RuleParameters(path, node, problems);
        Channel channel = p.constant("channel", Channel.class, null);
        DeliveryMethod method = p.constant("method", DeliveryMethod.class, null);
        boolean badKey = problems.size() > before;
        String name = p.text("ruleSet");
        RuleSet rs = ruleSets.get(name);
        if (rs == null) {
            if (!name.isBlank() && !declared.contains(name)) {
                p.problem("ruleSet", name, "must name a rule set of the document; known: " + declared);
            }
            return;
        }
        // a channel or method the reader could not read would be taken for "any" and clash with the default
        if (badKey) {
            return;
        }
        if (!seen.add(channel + "/" + method)) {
            p.problem(channel + "/" + method, "binds the same channel and method as an earlier binding");
            return;
        }
        if (channel != null && method != null) {
            book.forChannelAndMethod(channel, method, rs);
        } else if (method != null) {
            book.forMethod(method, rs);
        } else if (channel != null) {
            book.forChannel(channel, rs);
        } else {
            book.byDefault(rs);
        }
    }

    private static void unknownFields(JsonNode node, String prefix, Set<String> known, List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                problems.add(new Problem(prefix + n, node.get(n).toString(), "is not a known field; known: " + new TreeSet<>(known)));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Builds a {@link RuleBookJson}: built-in rules, host data, and the retailer's own rules. */
    public static final class Builder {
        private final Map<String, RuleFactory> filters = new LinkedHashMap<>();
        private final Map<String, RuleFactory> costs = new LinkedHashMap<>();
        private ShippingRates shippingRates;
        private OpportunityCosts opportunityCosts;

        private Builder() {
            filters.put(CapabilityFilter.NAME, p -> new CapabilityFilter());
            filters.put(LocationTypeFilter.NAME, Builder::locationType);
            filters.put(EnoughStockFilter.NAME, p -> p.flag("wholeLine", false)
                    ? EnoughStockFilter.wholeLine() : EnoughStockFilter.atLeast(p.integer("minimumUnits", 1, 1, MAX_UNITS)));
            filters.put(MaxDistanceFilter.NAME, p -> new MaxDistanceFilter(p.number("maxKm", 0, MAX_KM)));
            filters.put(OpenNowFilter.NAME, p -> new OpenNowFilter());
            filters.put(DailyCapacityFilter.NAME, p -> new DailyCapacityFilter());
            filters.put(CutOffFilter.NAME, p -> new CutOffFilter());
            filters.put(ExcludedLocationsFilter.NAME, p -> {
                Set<LocationId> ids = new HashSet<>();
                for (String id : p.texts("locations")) {
                    ids.add(LocationId.of(id));
                }
                return new ExcludedLocationsFilter(ids);
            });
            filters.put(KeepTogetherFilter.NAME, p -> new KeepTogetherFilter());
            costs.put(ShippingCost.NAME, this::shipping);
            costs.put(DistanceCost.NAME, p -> new DistanceCost(p.number("perKm", 0, MAX_RATE)));
            costs.put(SplitPenalty.NAME, p -> new SplitPenalty(p.number("perExtraShipment", 0, MAX_RATE)));
            costs.put(ProtectStoreStock.NAME, p -> new ProtectStoreStock(p.integer("lastUnits", 1, MAX_UNITS),
                    p.number("perUnit", 0, MAX_RATE)));
            costs.put(LoadBalancing.NAME, p -> new LoadBalancing(p.number("weight", 0, MAX_RATE)));
            costs.put(LocationPriority.NAME, p -> {
                List<LocationId> ids = new ArrayList<>();
                for (String id : p.texts("locations")) {
                    ids.add(LocationId.of(id));
                }
                return new LocationPriority(ids, p.number("step", 0, MAX_RATE));
            });
            costs.put(LatenessCost.NAME, p -> new LatenessCost(p.number("perHour", 0, MAX_RATE),
                    p.number("baseHours", 12, 0, MAX_BASE_HOURS), p.number("kmPerHour", 60, 0, MAX_KM_PER_HOUR)));
            costs.put(OpportunityCost.NAME, p -> {
                if (opportunityCosts == null) {
                    p.problem("rule", OpportunityCost.NAME, "needs the host's opportunity costs: give them to RuleBookJson.builder().opportunityCosts(...)");
                    return null;
                }
                return new OpportunityCost(opportunityCosts);
            });
            costs.put(FillInPriority.NAME, p -> {
                List<LocationId> ids = new ArrayList<>();
                for (String id : p.texts("locations")) {
                    ids.add(LocationId.of(id));
                }
                return new FillInPriority(ids, p.number("perUnit", 0, MAX_RATE));
            });
            costs.put(MostStockFirst.NAME, p -> new MostStockFirst(p.number("weight", 0, MAX_RATE)));
            costs.put(PickupStoreFirst.NAME, p -> new PickupStoreFirst(
                    p.number("perUnit", PickupStoreFirst.DEFAULT_PER_UNIT, 0, MAX_RATE)));
        }

        private static SourcingRule locationType(RuleParameters p) {
            LocationTypeFilter.Builder b = LocationTypeFilter.builder();
            for (RuleParameters a : p.objects("allow")) {
                Channel channel = a.constant("channel", Channel.class, null);
                DeliveryMethod method = a.constant("method", DeliveryMethod.class, null);
                Set<LocationType> types = EnumSet.noneOf(LocationType.class);
                for (String t : a.texts("types")) {
                    try {
                        types.add(LocationType.valueOf(t));
                    } catch (IllegalArgumentException e) {
                        a.problem("types", t, "must be one of " + List.of(LocationType.values()));
                    }
                }
                a.reportUnknown();
                b.allow(channel, method, types.toArray(new LocationType[0]));
            }
            return b.build();
        }

        private SourcingRule shipping(RuleParameters p) {
            if (p.flag("hostRates", false)) {
                if (shippingRates == null) {
                    p.problem("hostRates", "true", "needs the host's shipping rates: give them to RuleBookJson.builder().shippingRates(...)");
                    return null;
                }
                return new ShippingCost(shippingRates);
            }
            boolean given = p.has("default");
            RuleParameters d = p.object("default");
            if (d == null) {
                if (given) {
                    return null; // reported as no object
                }
                p.problem("default", "null", "is required (the default rate) unless \"hostRates\" is true");
                return null;
            }
            RateTable.Builder table = RateTable.builder(rate(d));
            for (RuleParameters r : p.objects("rates")) {
                LocationType type = r.constant("type", LocationType.class, null);
                DeliveryMethod method = r.constant("method", DeliveryMethod.class, null);
                ShippingRate rate = rate(r);
                if (type != null && method != null) {
                    table.rate(type, method, rate);
                } else if (method != null) {
                    table.rate(method, rate);
                } else if (type != null) {
                    table.rate(type, rate);
                } else {
                    r.problem("type", "null", "a rate needs a type, a method or both (use \"default\" for the rest)");
                }
            }
            return new ShippingCost(table.build());
        }

        private static ShippingRate rate(RuleParameters r) {
            double perShipment = r.number("perShipment", 0, 0, MAX_RATE);
            double perUnit = r.number("perUnit", 0, 0, MAX_RATE);
            double perUnitKm = r.number("perUnitKm", 0, 0, MAX_RATE);
            r.reportUnknown();
            return ShippingRate.of(perShipment, perUnit, perUnitKm);
        }

        /** The host's shipping rates, for {@code {"rule": "shipping", "hostRates": true}}. */
        public Builder shippingRates(ShippingRates rates) {
            this.shippingRates = Checks.notNull(rates, "rates");
            return this;
        }

        /** The host's opportunity costs, for {@code {"rule": "opportunity-cost"}}. */
        public Builder opportunityCosts(OpportunityCosts costs) {
            this.opportunityCosts = Checks.notNull(costs, "costs");
            return this;
        }

        /**
         * Registers the retailer's own filter under {@code name}.
         *
         * @throws IllegalArgumentException when the name is taken
         */
        public Builder filter(String name, RuleFactory factory) {
            register(filters, name, factory);
            return this;
        }

        /**
         * Registers the retailer's own cost rule under {@code name}.
         *
         * @throws IllegalArgumentException when the name is taken
         */
        public Builder cost(String name, RuleFactory factory) {
            register(costs, name, factory);
            return this;
        }

        private void register(Map<String, RuleFactory> registry, String name, RuleFactory factory) {
            Checks.notBlank(name, "name");
            Checks.notNull(factory, "factory");
            if (filters.containsKey(name) || costs.containsKey(name)) {
                throw new IllegalArgumentException("rule name '" + name + "' is already registered");
            }
            registry.put(name, factory);
        }

        /** The reader. */
        public RuleBookJson build() {
            return new RuleBookJson(this);
        }
    }
}
