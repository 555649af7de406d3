package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.orchestration.rulebook.RuleBookJson;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the rule book reader, one test each. Each document is valid but for one thing, and the test asks
 * for exactly the one problem that thing raises: removing the check makes the document read and the test fail.
 */
class RuleBookJsonRefusalsTest {

    private static final String HOME = "{ \"name\": \"home\" }";
    private static final String BIND_HOME = "{ \"ruleSet\": \"home\" }";

    private static String book(String ruleSets, String bindings) {
        return "{ \"ruleSets\": [ " + ruleSets + " ], \"bindings\": [ " + bindings + " ] }";
    }

    private static String withFilter(String filter) {
        return book("{ \"name\": \"home\", \"filters\": [ " + filter + " ] }", BIND_HOME);
    }

    private static String withCost(String cost) {
        return book("{ \"name\": \"home\", \"costs\": [ " + cost + " ] }", BIND_HOME);
    }

    private static Problem onlyProblem(RuleBookJson reader, String json) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> reader.read(json));
        assertThat(e).as("refused: %s", json).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static Problem onlyProblem(String json) {
        return onlyProblem(RuleBookJson.reader(), json);
    }

    private static void refuses(String json, String field, String value, String ruleContains) {
        Problem p = onlyProblem(json);
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.value()).isEqualTo(value);
        assertThat(p.rule()).contains(ruleContains);
    }

    @Test
    void the_valid_base_document_reads() {
        assertThat(RuleBookJson.reader().read(book(HOME, BIND_HOME)).ruleSets()).containsOnlyKeys("home");
    }

    @Test
    void a_second_binding_for_the_same_channel_and_method() {
        refuses(book(HOME + ", { \"name\": \"web\" }", "{ \"channel\": \"WEB\", \"method\": \"STANDARD_DELIVERY\","
                        + " \"ruleSet\": \"home\" }, " + BIND_HOME + ", { \"channel\": \"WEB\", \"method\":"
                        + " \"STANDARD_DELIVERY\", \"ruleSet\": \"web\" }"),
                "bindings[2]", "WEB/STANDARD_DELIVERY", "binds the same channel and method as an earlier binding");
    }

    @Test
    void a_second_default_binding() {
        refuses(book(HOME, BIND_HOME + ", " + BIND_HOME), "bindings[1]", "null/null",
                "binds the same channel and method as an earlier binding");
    }

    @Test
    void a_duplicate_key_in_an_object() {
        Problem p = onlyProblem("{ \"ruleSets\": [ " + HOME + " ], \"bindings\": [ " + BIND_HOME + " ], \"bindings\": [] }");
        assertThat(p.field()).isEqualTo("$");
        assertThat(p.rule()).startsWith("must be well-formed JSON").contains("Duplicate field 'bindings'");
    }

    @Test
    void a_document_that_is_not_an_object() {
        refuses("[]", "$", "[]", "must be a JSON object");
    }

    @Test
    void an_unknown_top_level_field() {
        refuses("{ \"ruleSets\": [ " + HOME + " ], \"bindings\": [ " + BIND_HOME + " ], \"comment\": 1 }", "comment",
                "1", "is not a known field");
    }

    @Test
    void no_rule_sets() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> RuleBookJson.reader().read("{ \"ruleSets\": [], \"bindings\": [ " + BIND_HOME + " ] }"));
        assertThat(e.problems()).containsExactly(
                new Problem("ruleSets", "[]", "is required: a non-empty array of rule sets"),
                new Problem("bindings[0].ruleSet", "home", "must name a rule set of the document; known: []"));
        refuses("{ \"bindings\": [ ] , \"ruleSets\": [ " + HOME + " ] }", "bindings", "[]",
                "is required: a non-empty array of bindings");
    }

    @Test
    void a_missing_rule_sets_array() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> RuleBookJson.reader().read("{ \"bindings\": [ " + BIND_HOME + " ] }"));
        assertThat(e.problems()).extracting(Problem::field).contains("ruleSets");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("ruleSets")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("is required: a non-empty array of rule sets"));
    }

    @Test
    void a_rule_set_that_is_not_an_object() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> RuleBookJson.reader().read(book(HOME + ", 7", BIND_HOME)));
        assertThat(e.problems()).containsExactly(new Problem("ruleSets[1]", "7", "must be an object"));
    }

    @Test
    void an_unknown_field_of_a_rule_set() {
        refuses(book("{ \"name\": \"home\", \"maxShipment\": 2 }", BIND_HOME), "ruleSets[0].maxShipment", "2",
                "is not a known field");
    }

    @Test
    void a_rule_set_without_a_name() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> RuleBookJson.reader().read(book(HOME + ", { \"split\": \"SHIP_COMPLETE\" }", BIND_HOME)));
        assertThat(e.problems()).containsExactly(new Problem("ruleSets[1].name", "null", "is required (a string)"));
    }

    @Test
    void two_rule_sets_of_one_name() {
        refuses(book(HOME + ", " + HOME, BIND_HOME), "ruleSets[1].name", "home",
                "must be unique, another rule set has this name");
    }

    @Test
    void an_unknown_split_policy() {
        refuses(book("{ \"name\": \"home\", \"split\": \"SOMETIMES\" }", BIND_HOME), "ruleSets[0].split", "\"SOMETIMES\"",
                "must be one of [SHIP_PARTIAL, SHIP_COMPLETE]");
    }

    @Test
    void a_maximum_of_shipments_that_is_not_an_integer_or_out_of_range() {
        refuses(book("{ \"name\": \"home\", \"maxShipments\": 2.5 }", BIND_HOME), "ruleSets[0].maxShipments", "2.5",
                "must be an integer");
        refuses(book("{ \"name\": \"home\", \"maxShipments\": 101 }", BIND_HOME), "ruleSets[0].maxShipments", "101",
                "must be an integer from 1 to 100");
    }

    @Test
    void filters_that_are_not_an_array_of_objects() {
        refuses(book("{ \"name\": \"home\", \"filters\": {} }", BIND_HOME), "ruleSets[0].filters", "{}",
                "must be an array of rules");
        refuses(withFilter("\"capability\""), "ruleSets[0].filters[0]", "\"capability\"",
                "must be an object naming its \"rule\"");
    }

    @Test
    void a_rule_without_its_name() {
        refuses(withFilter("{ \"maxKm\": 10 }"), "ruleSets[0].filters[0].rule", "null", "is required: the name of a filter rule");
    }

    @Test
    void an_unknown_rule_or_a_cost_rule_among_the_filters() {
        refuses(withFilter("{ \"rule\": \"max-distanse\", \"maxKm\": 10 }"), "ruleSets[0].filters[0].rule", "max-distanse",
                "is not a known filter rule");
        refuses(withFilter("{ \"rule\": \"distance\", \"perKm\": 1 }"), "ruleSets[0].filters[0].rule", "distance",
                "is not a known filter rule");
        refuses(withCost("{ \"rule\": \"capability\" }"), "ruleSets[0].costs[0].rule", "capability",
                "is not a known cost rule");
    }

    @Test
    void a_registered_filter_whose_factory_makes_a_cost_rule_and_the_reverse() {
        RuleBookJson reader = RuleBookJson.builder().filter("mixed-up", p -> new DistanceCost(1))
                .cost("mixed-down", p -> new MaxDistanceFilter(10)).build();
        Problem filter = onlyProblem(reader, withFilter("{ \"rule\": \"mixed-up\" }"));
        Problem cost = onlyProblem(reader, withCost("{ \"rule\": \"mixed-down\" }"));

        assertThat(filter).isEqualTo(new Problem("ruleSets[0].filters[0].rule", "distance", "is not a filter"));
        assertThat(cost).isEqualTo(new Problem("ruleSets[0].costs[0].rule", "max-distance", "is not a cost rule"));
    }

    @Test
    void registering_a_rule_name_twice() {
        assertThatThrownBy(() -> RuleBookJson.builder().filter("max-distance", p -> new MaxDistanceFilter(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rule name 'max-distance' is already registered");
        assertThatThrownBy(() -> RuleBookJson.builder().cost("capability", p -> new DistanceCost(1)))
                .hasMessage("rule name 'capability' is already registered");
    }

    @Test
    void two_rules_of_one_name_in_a_rule_set() {
        refuses(withFilter("{ \"rule\": \"max-distance\", \"maxKm\": 10 }, { \"rule\": \"max-distance\", \"maxKm\": 20 }"),
                "ruleSets[0]", "home", "rule names must be unique within rule set home, 'max-distance' appears twice");
    }

    @Test
    void a_factory_refusing_its_parameters() {
        RuleBookJson reader = RuleBookJson.builder().filter("picky", p -> {
            throw new IllegalArgumentException("picky wants nothing");
        }).build();
        Problem p = onlyProblem(reader, withFilter("{ \"rule\": \"picky\" }"));
        assertThat(p.field()).isEqualTo("ruleSets[0].filters[0]");
        assertThat(p.rule()).isEqualTo("rule picky refuses its parameters: picky wants nothing");
    }

    @Test
    void an_unknown_parameter_of_a_rule() {
        refuses(withFilter("{ \"rule\": \"max-distance\", \"maxKm\": 10, \"minKm\": 1 }"), "ruleSets[0].filters[0].minKm",
                "1", "is not a parameter of this rule");
    }

    @Test
    void a_missing_or_non_numeric_parameter() {
        refuses(withFilter("{ \"rule\": \"max-distance\" }"), "ruleSets[0].filters[0].maxKm", "null", "is required (a number)");
        refuses(withFilter("{ \"rule\": \"max-distance\", \"maxKm\": \"far\" }"), "ruleSets[0].filters[0].maxKm", "\"far\"",
                "must be a finite number");
        refuses(withCost("{ \"rule\": \"protect-store-stock\", \"perUnit\": 1 }"), "ruleSets[0].costs[0].lastUnits", "null",
                "is required (an integer)");
    }

    @Test
    void a_flag_that_is_not_a_boolean() {
        refuses(withFilter("{ \"rule\": \"enough-stock\", \"wholeLine\": \"yes\" }"), "ruleSets[0].filters[0].wholeLine",
                "\"yes\"", "must be true or false");
    }

    @Test
    void location_lists_that_are_not_arrays_of_strings() {
        refuses(withFilter("{ \"rule\": \"excluded-locations\", \"locations\": \"W1\" }"),
                "ruleSets[0].filters[0].locations", "\"W1\"", "is required (an array of strings)");
        refuses(withFilter("{ \"rule\": \"excluded-locations\", \"locations\": [ \"W1\", 2 ] }"),
                "ruleSets[0].filters[0].locations[1]", "2", "must be a string");
    }

    @Test
    void location_type_allowances_that_are_malformed() {
        refuses(withFilter("{ \"rule\": \"location-type\", \"allow\": {} }"), "ruleSets[0].filters[0].allow", "{}",
                "must be an array of objects");
        refuses(withFilter("{ \"rule\": \"location-type\", \"allow\": [ 1 ] }"), "ruleSets[0].filters[0].allow[0]", "1",
                "must be an object");
        refuses(withFilter("{ \"rule\": \"location-type\", \"allow\": [ { \"types\": [ \"SHED\" ] } ] }"),
                "ruleSets[0].filters[0].allow[0].types", "SHED", "must be one of [WAREHOUSE, STORE, DROP_SHIPPER]");
        refuses(withFilter("{ \"rule\": \"location-type\", \"allow\": [ { \"types\": [ \"STORE\" ], \"kind\": 1 } ] }"),
                "ruleSets[0].filters[0].allow[0].kind", "1", "is not a parameter of this rule");
    }

    @Test
    void shipping_without_a_default_rate_or_with_a_rate_for_nothing() {
        refuses(withCost("{ \"rule\": \"shipping\" }"), "ruleSets[0].costs[0].default", "null",
                "is required (the default rate) unless \"hostRates\" is true");
        refuses(withCost("{ \"rule\": \"shipping\", \"default\": 5 }"), "ruleSets[0].costs[0].default", "5",
                "must be an object");
        refuses(withCost("{ \"rule\": \"shipping\", \"default\": { \"perShipment\": 5 }, \"rates\": [ { \"perUnit\": 1 } ] }"),
                "ruleSets[0].costs[0].rates[0].type", "null", "a rate needs a type, a method or both");
        refuses(withCost("{ \"rule\": \"shipping\", \"default\": { \"perShipment\": 5, \"perParcel\": 1 } }"),
                "ruleSets[0].costs[0].default.perParcel", "1", "is not a parameter of this rule");
    }

    @Test
    void host_data_a_rule_needs_and_the_reader_was_not_given() {
        refuses(withCost("{ \"rule\": \"shipping\", \"hostRates\": true }"), "ruleSets[0].costs[0].hostRates", "true",
                "needs the host's shipping rates");
        refuses(withCost("{ \"rule\": \"opportunity-cost\" }"), "ruleSets[0].costs[0].rule", "opportunity-cost",
                "needs the host's opportunity costs");
    }

    @Test
    void a_binding_that_is_not_an_object_or_has_an_unknown_field() {
        refuses(book(HOME, BIND_HOME + ", \"home\""), "bindings[1]", "\"home\"", "must be an object");
        refuses(book(HOME, "{ \"ruleSet\": \"home\", \"store\": \"S1\" }"), "bindings[0].store", "\"S1\"",
                "is not a known field");
    }

    @Test
    void a_binding_to_an_unknown_rule_set_channel_or_method() {
        refuses(book(HOME, "{ \"ruleSet\": \"homme\" }"), "bindings[0].ruleSet", "homme",
                "must name a rule set of the document; known: [home]");
        refuses(book(HOME, BIND_HOME + ", { \"channel\": \"TELEX\", \"ruleSet\": \"home\" }"), "bindings[1].channel",
                "\"TELEX\"", "must be one of");
        refuses(book(HOME, BIND_HOME + ", { \"method\": \"PIGEON\", \"ruleSet\": \"home\" }"), "bindings[1].method",
                "\"PIGEON\"", "must be one of");
        refuses(book(HOME, "{ }"), "bindings[0].ruleSet", "null", "is required (a string)");
    }

    @Test
    void a_binding_to_a_rule_set_that_was_itself_refused_adds_no_second_problem() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleBookJson.reader()
                .read(book("{ \"name\": \"home\", \"filters\": [ { \"rule\": \"nope\" } ] }", BIND_HOME)));
        assertThat(e.problems()).extracting(Problem::field).isEqualTo(List.of("ruleSets[0].filters[0].rule"));
    }
}
