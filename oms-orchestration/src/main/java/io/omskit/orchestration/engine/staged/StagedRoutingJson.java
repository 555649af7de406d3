package io.omskit.orchestration.engine.staged;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBookJson;
import io.omskit.orchestration.spi.FilterRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link StagedEngine} from JSON. Every problem of the document is reported at once, in one
 * {@link ValidationException} whose problems name the stage by index and name ({@code stages[1] 'warehouses'.sort})
 * and the rule broken; a stage's filters are the rule library's, written as in a rule book and read by
 * {@link RuleBookJson} (so the retailer's own registered filters work too).
 *
 * <pre>{@code
 * { "name": "merchant-rules",
 *   "stages": [
 *     { "name": "stores-nearby",
 *       "filters": [ {"rule": "location-type", "allow": [ {"types": ["STORE"]} ]}, {"rule": "max-distance", "maxKm": 30} ],
 *       "sort": "DISTANCE", "split": "NONE", "whenNothing": "WAIT", "waitMinutes": 120 },
 *     { "name": "warehouses", "filters": [ {"rule": "location-type", "allow": [ {"types": ["WAREHOUSE"]} ]} ],
 *       "sort": "PRIORITY", "ranked": ["WH-1", "WH-2"], "split": "UP_TO", "maxParcels": 2, "whenNothing": "BACKORDER" }
 *   ] }
 * }</pre>
 *
 * A stage's fields: {@code name} (required), {@code filters} (optional), {@code sort} (one of {@link StageSort.By};
 * {@code COST} when absent; {@code ranked} location ids with {@code PRIORITY} only), {@code split} (one of
 * {@link StageSplit.Kind}; {@code ANY} when absent; {@code maxParcels} with {@code UP_TO} only), {@code whenNothing}
 * (one of {@link WhenNothing.Action}; {@code NEXT_STAGE} when absent; {@code waitMinutes} with {@code WAIT} only),
 * {@code shipWhatItFinds} ({@code true} or {@code false}, the default: whether the stage ships the units it finds and
 * hands only the rest on).
 * Then the stages are checked as {@link StagedEngine.Builder#build()} checks them. Immutable and thread-safe.
 */
public final class StagedRoutingJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("name", "stages");
    private static final Set<String> STAGE = Set.of("name", "filters", "sort", "ranked", "split", "maxParcels",
            "whenNothing", "waitMinutes", "shipWhatItFinds");

    private final RuleBookJson rules;

    private StagedRoutingJson(RuleBookJson rules) {
        this.rules = rules;
    }

    /** A reader of stages whose filters are the built-in ones. */
    public static StagedRoutingJson reader() {
        return new StagedRoutingJson(RuleBookJson.reader());
    }

    /** A reader of stages whose filters are those {@code rules} reads (the built-ins and the retailer's own). */
    public static StagedRoutingJson reader(RuleBookJson rules) {
        return new StagedRoutingJson(Checks.notNull(rules, "rules"));
    }

    /**
     * The staged engine {@code json} describes, planning with {@code optimiser}.
     *
     * @throws ValidationException listing every problem of the document, each naming the stage and the rule
     */
    public StagedEngine read(String json, SourcingEngine optimiser) {
        Checks.notNull(json, "json");
        Checks.notNull(optimiser, "optimiser");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("staged routing", List.of(new Problem("$", json.length() <= 60 ? json
                    : json.substring(0, 57) + "...", "must be well-formed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("staged routing", List.of(new Problem("$", String.valueOf(root),
                    "must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        unknown(root, "", TOP, problems);
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(new Problem("name", String.valueOf(name), "is required (a non-blank string)"));
        }
        JsonNode stages = root.get("stages");
        List<Stage> read = new ArrayList<>();
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            problems.add(new Problem("stages", String.valueOf(stages), "is required: a non-empty array of stages"));
        } else {
            for (int k = 0; k < stages.size(); k++) {
                Stage s = stage(stages.get(k), k, problems);
                if (s != null) {
                    read.add(s);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("staged routing", problems);
        }
        StagedEngine.Builder b = StagedEngine.builder(name.asText(), optimiser);
        read.forEach(b::stage);
        return b.build();
    }

    private Stage stage(JsonNode node, int k, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem("stages[" + k + "]", node.toString(), "must be an object"));
            return null;
        }
        JsonNode nameNode = node.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : "";
        String at = "stages[" + k + "] '" + name + "'";
        int before = problems.size();
        unknown(node, at + ".", STAGE, problems);
        if (name.isBlank()) {
            problems.add(new Problem(at + ".name", String.valueOf(nameNode), "is required (a non-blank string)"));
        }
        List<FilterRule> filters = filters(node.get("filters"), at, problems);
        StageSort.By by = constant(node, "sort", StageSort.By.class, StageSort.By.COST, at, problems);
        List<LocationId> ranked = new ArrayList<>();
        JsonNode r = node.get("ranked");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                problems.add(new Problem(at + ".ranked", r.toString(), "must be an array of location ids"));
            } else {
                for (int i = 0; i < r.size(); i++) {
                    if (!r.get(i).isTextual() || r.get(i).asText().isBlank()) {
                        problems.add(new Problem(at + ".ranked[" + i + "]", r.get(i).toString(), "must be a location id"));
                    } else {
                        ranked.add(LocationId.of(r.get(i).asText()));
                    }
                }
            }
        }
        StageSplit.Kind split = constant(node, "split", StageSplit.Kind.class, StageSplit.Kind.ANY, at, problems);
        Integer parcels = integer(node, "maxParcels", at, problems);
        WhenNothing.Action then = constant(node, "whenNothing", WhenNothing.Action.class, WhenNothing.Action.NEXT_STAGE,
                at, problems);
        Integer minutes = integer(node, "waitMinutes", at, problems);
        boolean partial = false;
        JsonNode p = node.get("shipWhatItFinds");
        if (p != null && !p.isNull()) {
            if (!p.isBoolean()) {
                problems.add(new Problem(at + ".shipWhatItFinds", p.toString(), "must be true or false"));
            } else {
                partial = p.asBoolean();
            }
        }
        boolean shipsWhatItFinds = partial;
        if (problems.size() > before || by == null || split == null || then == null) {
            return null;
        }
        StageSort sort = attempt(() -> new StageSort(by, ranked), at + ".sort", by + (ranked.isEmpty() ? "" : " " + ranked),
                problems);
        StageSplit splits = attempt(() -> new StageSplit(split, parcels == null ? 0 : parcels), at + ".split",
                split + (parcels == null ? "" : " maxParcels " + parcels), problems);
        WhenNothing when = attempt(() -> new WhenNothing(then, minutes == null ? null : Duration.ofMinutes(minutes)),
                at + ".whenNothing", then + (minutes == null ? "" : " waitMinutes " + minutes), problems);
        if (problems.size() > before) {
            return null;
        }
        return attempt(() -> new Stage(name, filters, sort, splits, when, shipsWhatItFinds), at, name, problems);
    }

    private interface Make<T> {
        T make();
    }

    private static <T> T attempt(Make<T> make, String field, String value, List<Problem> problems) {
        try {
            return make.make();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new Problem(field, value, e.getMessage()));
            return null;
        }
    }

    /** The stage's filters, read by the rule book reader as the filters of a rule set of their own. */
    private List<FilterRule> filters(JsonNode node, String at, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode set = doc.putArray("ruleSets").addObject().put("name", "stage");
        set.set("filters", node);
        doc.putArray("bindings").addObject().put("ruleSet", "stage");
        try {
            return rules.read(doc.toString()).ruleSets().get("stage").filters();
        } catch (ValidationException e) {
            for (Problem p : e.problems()) {
                String field = p.field().startsWith("ruleSets[0].") ? at + "." + p.field().substring("ruleSets[0].".length())
                        : at;
                problems.add(new Problem(field, p.field().equals("ruleSets[0]") ? "filters" : p.value(), p.rule()));
            }
            return List.of();
        }
    }

    private static <E extends Enum<E>> E constant(JsonNode node, String field, Class<E> type, E byDefault, String at,
                                                  List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return byDefault;
        }
        for (E e : type.getEnumConstants()) {
            if (v.isTextual() && e.name().equals(v.asText())) {
                return e;
            }
        }
        problems.add(new Problem(at + "." + field, v.toString(), "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }

    private static Integer integer(JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(new Problem(at + "." + field, v.toString(), "must be an integer"));
            return null;
        }
        return v.asInt();
    }

    private static void unknown(JsonNode node, String prefix, Set<String> known, List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                problems.add(new Problem(prefix + n, node.get(n).toString(), "is not a known field; known: "
                        + new TreeSet<>(known)));
            }
        }
    }
}
