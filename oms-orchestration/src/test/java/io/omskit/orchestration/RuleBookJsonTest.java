package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleBookJson;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import io.omskit.orchestration.stock.StockSnapshot;
import org.junit.jupiter.api.Test;

class RuleBookJsonTest {

    private static final String BOOK = """
            {
              "ruleSets": [
                { "name": "home", "split": "SHIP_PARTIAL", "maxShipments": 2,
                  "filters": [ {"rule": "capability"}, {"rule": "max-distance", "maxKm": 800},
                               {"rule": "location-type", "allow": [ {"channel": "MARKETPLACE", "types": ["WAREHOUSE"]} ]} ],
                  "costs": [ {"rule": "shipping", "default": {"perShipment": 5, "perUnit": 0.1, "perUnitKm": 0.001},
                              "rates": [ {"type": "STORE", "perShipment": 7} ]},
                             {"rule": "split-penalty", "perExtraShipment": 4},
                             {"rule": "protect-store-stock", "lastUnits": 2, "perUnit": 3},
                             {"rule": "location-priority", "locations": ["W2", "W1"], "step": 0.5} ] },
                { "name": "collect", "split": "SHIP_COMPLETE", "filters": [ {"rule": "open-now"} ] }
              ],
              "bindings": [
                { "ruleSet": "home" },
                { "method": "EXPRESS_CLICK_AND_COLLECT", "ruleSet": "collect" }
              ]
            }
            """;

    @Test
    void reads_rule_sets_and_binds_them_by_method() {
        RuleBook book = RuleBookJson.reader().read(BOOK);

        RuleSet home = book.ruleSetFor(Channel.WEB, DeliveryMethod.STANDARD_DELIVERY);
        assertThat(home.name()).isEqualTo("home");
        assertThat(home.maxShipments()).isEqualTo(2);
        assertThat(home.filters()).extracting(FilterRule::name).containsExactly("capability", "max-distance", "location-type");
        assertThat(home.costs()).extracting(r -> r.name())
                .containsExactly("shipping", "split-penalty", "protect-store-stock", "location-priority");
        RuleSet collect = book.ruleSetFor(Channel.APP, DeliveryMethod.EXPRESS_CLICK_AND_COLLECT);
        assertThat(collect.split()).isEqualTo(SplitPolicy.SHIP_COMPLETE);
        assertThat(collect.maxShipments()).isEqualTo(1);
    }

    @Test
    void a_loaded_book_sources_like_the_same_book_built_in_java() {
        Network network = network(warehouse("W1", 1), warehouse("W2", 2), store("S1", 0.5));
        StockSnapshot stock = stock(network, "A", "W1", 3, "A", "W2", 3, "A", "S1", 3, "B", "W2", 1);
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).rules(RuleBookJson.reader().read(BOOK)).build();

        SourcingPlan plan = engine.plan(SourcingRequest.of(order("o", home(), "A", 2, "B", 1)), stock);

        assertThat(sources(plan)).containsExactly(id("W2"));
        assertThat(plan.ruleSet()).isEqualTo("home");
    }

    @Test
    void reports_every_problem_of_the_document_with_its_path() {
        String bad = """
                {
                  "ruleSets": [
                    { "name": "home", "maxShipments": 0,
                      "filters": [ {"rule": "max-distanse", "maxKm": 800}, {"rule": "max-distance", "maxKm": "far"} ],
                      "costs": [ {"rule": "split-penalty", "perExtraShipment": 4, "perShipment": 1},
                                 {"rule": "shipping"}, {"rule": "capability"}, {"rule": "distance", "perKm": -1} ] }
                  ],
                  "bindings": [ { "ruleSet": "home" }, { "channel": "WEB", "ruleSet": "homme" }, { "channel": "TELEX", "ruleSet": "home" } ],
                  "comment": "x"
                }
                """;

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleBookJson.reader().read(bad));

        assertThat(e.problems()).extracting(Problem::field).contains(
                "comment",
                "ruleSets[0].maxShipments",
                "ruleSets[0].filters[0].rule",
                "ruleSets[0].filters[1].maxKm",
                "ruleSets[0].costs[0].perShipment",
                "ruleSets[0].costs[1].default",
                "ruleSets[0].costs[2].rule",
                "ruleSets[0].costs[3].perKm",
                "bindings[1].ruleSet",
                "bindings[2].channel");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("ruleSets[0].filters[0].rule")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("not a known filter rule").contains("max-distance"));
        assertThat(e.getMessage()).contains("rule book rejected");
    }

    @Test
    void refuses_malformed_json() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleBookJson.reader().read("{ \"ruleSets\": ["));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.rule()).startsWith("must be well-formed JSON"));
    }

    record NoMondays(String day) implements Justification {
        @Override
        public String summary() {
            return "no " + day;
        }
    }

    @Test
    void reads_the_retailers_own_rules_with_their_parameters() {
        RuleBookJson reader = RuleBookJson.builder()
                .filter("never-on", p -> {
                    String day = p.text("day");
                    return new FilterRule() {
                        @Override
                        public String name() {
                            return "never-on";
                        }

                        @Override
                        public Justification excludeOrder(SourcingContext context, int location) {
                            return new NoMondays(day);
                        }
                    };
                })
                .build();

        RuleBook book = reader.read("""
                { "ruleSets": [ { "name": "r", "filters": [ {"rule": "never-on", "day": "MONDAY"} ] } ],
                  "bindings": [ { "ruleSet": "r" } ] }
                """);
        ValidationException missing = catchThrowableOfType(ValidationException.class, () -> reader.read("""
                { "ruleSets": [ { "name": "r", "filters": [ {"rule": "never-on"} ] } ], "bindings": [ { "ruleSet": "r" } ] }
                """));

        assertThat(book.ruleSetFor(Channel.WEB, DeliveryMethod.STANDARD_DELIVERY).filters()).extracting(FilterRule::name)
                .containsExactly("never-on");
        assertThat(missing.problems()).extracting(Problem::field).containsExactly("ruleSets[0].filters[0].day");
    }
}
