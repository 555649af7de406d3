package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleBookJson;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ShippingCost;
import org.junit.jupiter.api.Test;

/** A rule book whose numbers are negative, absurd or out of range is refused, naming the rule, the parameter and the value. */
class RuleBookJsonRejectionTest {

    private static String book(String filters, String costs) {
        return """
                { "ruleSets": [ { "name": "home", "filters": [ %s ], "costs": [ %s ] } ],
                  "bindings": [ { "ruleSet": "home" } ] }
                """.formatted(filters, costs);
    }

    private static ValidationException refusal(String json) {
        return catchThrowableOfType(ValidationException.class, () -> RuleBookJson.reader().read(json));
    }

    @Test
    void refuses_a_negative_shipping_rate_naming_the_rule_the_parameter_and_the_value() {
        ValidationException e = refusal(book("", """
                {"rule": "shipping", "default": {"perShipment": -5, "perUnit": 0.1},
                 "rates": [ {"type": "STORE", "perUnitKm": -0.001} ]}
                """));

        assertThat(e.problems()).containsExactly(
                new Problem("ruleSets[0].costs[0].default.perShipment", "-5",
                        "must be a number from 0 to 1000000000 (rule shipping)"),
                new Problem("ruleSets[0].costs[0].rates[0].perUnitKm", "-0.001",
                        "must be a number from 0 to 1000000000 (rule shipping)"));
    }

    @Test
    void refuses_an_absurd_cost_such_as_1e308() {
        ValidationException e = refusal(book("", "{\"rule\": \"distance\", \"perKm\": 1e308}"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("ruleSets[0].costs[0].perKm");
            assertThat(p.value()).isEqualTo("1.0E308");
            assertThat(p.rule()).contains("rule distance").contains("to 1000000000");
        });
    }

    @Test
    void refuses_a_maximum_distance_beyond_the_earths_circumference() {
        ValidationException e = refusal(book("{\"rule\": \"max-distance\", \"maxKm\": 40001}", ""));

        assertThat(e.problems()).containsExactly(new Problem("ruleSets[0].filters[0].maxKm", "40001",
                "must be a number from 0 to 40000 (rule max-distance)"));
    }

    @Test
    void reports_every_out_of_range_parameter_of_every_built_in_rule_at_once() {
        String json = """
                { "ruleSets": [ { "name": "home", "maxShipments": 101,
                    "filters": [ {"rule": "max-distance", "maxKm": -1},
                                 {"rule": "enough-stock", "minimumUnits": 1000001} ],
                    "costs": [ {"rule": "shipping", "default": {"perShipment": -1, "perUnit": -1, "perUnitKm": -1}},
                               {"rule": "distance", "perKm": -1},
                               {"rule": "split-penalty", "perExtraShipment": -1},
                               {"rule": "protect-store-stock", "lastUnits": 1000001, "perUnit": -1},
                               {"rule": "load-balancing", "weight": -1},
                               {"rule": "location-priority", "locations": ["W1"], "step": -1},
                               {"rule": "lateness", "perHour": -1, "baseHours": 8761, "kmPerHour": 2001} ] } ],
                  "bindings": [ { "ruleSet": "home" } ] }
                """;

        ValidationException e = refusal(json);

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "ruleSets[0].maxShipments",
                "ruleSets[0].filters[0].maxKm",
                "ruleSets[0].filters[1].minimumUnits",
                "ruleSets[0].costs[0].default.perShipment",
                "ruleSets[0].costs[0].default.perUnit",
                "ruleSets[0].costs[0].default.perUnitKm",
                "ruleSets[0].costs[1].perKm",
                "ruleSets[0].costs[2].perExtraShipment",
                "ruleSets[0].costs[3].lastUnits",
                "ruleSets[0].costs[3].perUnit",
                "ruleSets[0].costs[4].weight",
                "ruleSets[0].costs[5].step",
                "ruleSets[0].costs[6].perHour",
                "ruleSets[0].costs[6].baseHours",
                "ruleSets[0].costs[6].kmPerHour");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("ruleSets[0].costs[6].baseHours")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("must be a number from 0 to 8760 (rule lateness)"));
        assertThat(e.problems()).filteredOn(p -> p.field().equals("ruleSets[0].maxShipments")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("must be an integer from 1 to 100"));
    }

    @Test
    void accepts_the_documented_bounds_themselves() {
        RuleBook book = RuleBookJson.reader().read(book("{\"rule\": \"max-distance\", \"maxKm\": 40000}", """
                {"rule": "shipping", "default": {"perShipment": 1e9, "perUnit": 0, "perUnitKm": 0}},
                {"rule": "distance", "perKm": 1000000000},
                {"rule": "lateness", "perHour": 0, "baseHours": 8760, "kmPerHour": 2000}
                """));

        RuleSet home = book.ruleSetFor(io.omskit.core.channel.Channel.WEB, io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY);
        assertThat(((MaxDistanceFilter) home.filters().get(0)).maxKm()).isEqualTo(40_000);
        assertThat(((DistanceCost) home.costs().get(1)).perKm()).isEqualTo(1e9);
        assertThat(home.costs().get(0)).isInstanceOf(ShippingCost.class);
        assertThat(home.costs().get(2)).isInstanceOf(LatenessCost.class);
    }
}
