package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.StagedRoutingJson;
import io.omskit.orchestration.engine.staged.WhenNothing;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stages written in JSON: the same engine as in Java, and every problem named by stage and rule. */
class StagedRoutingJsonTest {

    private final Network network = network(store("S1", 0.1), store("S2", 0.5), warehouse("W1", 1), warehouse("W2", 2));
    private final SourcingEngine optimiser = engine(network,
            RuleSet.builder("home").cost(new ShippingCost(rates())).maxShipments(3).build());

    private static final String RULES = """
            { "name": "merchant-rules",
              "stages": [
                { "name": "stores-nearby",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["STORE"]} ]}, {"rule": "max-distance", "maxKm": 30} ],
                  "sort": "DISTANCE", "split": "NONE", "whenNothing": "WAIT", "waitMinutes": 120 },
                { "name": "warehouses",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["WAREHOUSE"]} ]} ],
                  "sort": "PRIORITY", "ranked": ["W2", "W1"], "split": "UP_TO", "maxParcels": 2, "whenNothing": "BACKORDER" }
              ] }
            """;

    @Test
    void a_document_routes_like_the_same_stages_built_in_java() {
        StagedEngine fromJson = StagedRoutingJson.reader().read(RULES, optimiser);
        StagedEngine inJava = StagedEngine.builder("merchant-rules", optimiser)
                .stage(Stage.named("stores-nearby").locationTypes(LocationType.STORE).maxKm(30).sort(StageSort.distance())
                        .split(StageSplit.none()).whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build())
                .stage(Stage.named("warehouses").locationTypes(LocationType.WAREHOUSE)
                        .sort(StageSort.priority(List.of(id("W2"), id("W1")))).split(StageSplit.upTo(2))
                        .whenNothing(WhenNothing.backorder()).build())
                .build();
        StockSnapshot stock = stock(network, "A", "S1", 1, "A", "S2", 5, "A", "W1", 5, "A", "W2", 5, "B", "W1", 1);

        for (Order order : List.of(order("o1", home(), "A", 1), order("o2", home(), "A", 2),
                order("o3", home(), "A", 6, "B", 1), order("o4", home(), "B", 2))) {
            for (Duration later : List.of(Duration.ZERO, Duration.ofHours(3))) {
                EngineDecision a = fromJson.decide(SourcingRequest.of(order), stock, NOW.plus(later));
                EngineDecision b = inJava.decide(SourcingRequest.of(order), stock, NOW.plus(later));
                assertThat(a.plan()).isEqualTo(b.plan());
                assertThat(a.steps()).isEqualTo(b.steps());
                assertThat(a.waitUntil()).isEqualTo(b.waitUntil());
            }
        }
        assertThat(fromJson.stages()).extracting(Stage::name).containsExactly("stores-nearby", "warehouses");
    }

    @Test
    void a_stage_that_ships_what_it_finds_reads_like_the_same_stage_in_java_and_a_wrong_value_names_the_stage() {
        String partial = """
                { "name": "any-of-it",
                  "stages": [
                    { "name": "stores-any-of-it", "filters": [ {"rule": "location-type", "allow": [ {"types": ["STORE"]} ]} ],
                      "split": "NONE", "shipWhatItFinds": true },
                    { "name": "warehouses", "filters": [ {"rule": "location-type", "allow": [ {"types": ["WAREHOUSE"]} ]} ],
                      "shipWhatItFinds": false }
                  ] }
                """;
        StagedEngine fromJson = StagedRoutingJson.reader().read(partial, optimiser);
        StagedEngine inJava = StagedEngine.builder("any-of-it", optimiser)
                .stage(Stage.named("stores-any-of-it").locationTypes(LocationType.STORE).split(StageSplit.none())
                        .shipWhatItFinds().build())
                .stage(Stage.named("warehouses").locationTypes(LocationType.WAREHOUSE).build())
                .build();
        StockSnapshot stock = stock(network, "A", "S1", 2, "A", "W1", 5, "B", "W2", 5);
        Order order = order("o5", home(), "A", 3, "B", 1);

        EngineDecision a = fromJson.decide(SourcingRequest.of(order), stock, NOW);
        EngineDecision b = inJava.decide(SourcingRequest.of(order), stock, NOW);

        assertThat(fromJson.stages()).extracting(Stage::shipsWhatItFinds).containsExactly(true, false);
        assertThat(a.plan()).isEqualTo(b.plan());
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.steps().get(0).outcome()).isEqualTo(io.omskit.orchestration.engine.StepOutcome.SHIPPED_PART);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> StagedRoutingJson.reader().read("""
                { "name": "r", "stages": [ { "name": "stores", "shipWhatItFinds": "yes" } ] }
                """, optimiser));
        assertThat(e.problems()).containsExactly(
                new Problem("stages[0] 'stores'.shipWhatItFinds", "\"yes\"", "must be true or false"));
    }

    @Test
    void reports_every_problem_naming_the_stage_by_index_and_name() {
        String bad = """
                { "name": "merchant-rules",
                  "stages": [
                    { "name": "stores-nearby", "filters": [ {"rule": "max-distance", "maxKm": -3}, {"rule": "nope"} ],
                      "sort": "NEAREST", "whenNothing": "WAIT" },
                    { "name": "warehouses", "split": "UP_TO", "colour": "red" },
                    { "name": "ranked", "sort": "PRIORITY", "maxParcels": 2.5 },
                    { "sort": "COST" }
                  ] }
                """;

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> StagedRoutingJson.reader().read(bad, optimiser));

        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "stages[0] 'stores-nearby'.filters[0].maxKm",
                "stages[0] 'stores-nearby'.filters[1].rule",
                "stages[0] 'stores-nearby'.sort",
                "stages[1] 'warehouses'.colour",
                "stages[2] 'ranked'.maxParcels",
                "stages[3] ''.name");
        assertThat(e.problems()).filteredOn(p -> p.field().endsWith(".sort")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("must be one of [DISTANCE, STOCK_ON_HAND, PRIORITY, COST, LOAD]"));
    }

    @Test
    void refuses_values_the_stage_itself_refuses_naming_the_stage() {
        String bad = """
                { "name": "r", "stages": [
                    { "name": "a", "whenNothing": "WAIT" },
                    { "name": "b", "split": "UP_TO" },
                    { "name": "c", "sort": "PRIORITY" },
                    { "name": "d", "split": "NONE", "maxParcels": 3 }
                  ] }
                """;

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> StagedRoutingJson.reader().read(bad, optimiser));

        assertThat(e.problems()).containsExactly(
                new Problem("stages[0] 'a'.whenNothing", "WAIT", "waitFor must be positive and at most PT720H for WAIT, was null"),
                new Problem("stages[1] 'b'.split", "UP_TO", "maxParcels must be from 1 to 100 for UP_TO, was 0"),
                new Problem("stages[2] 'c'.sort", "PRIORITY", "ranked must name at least one location for a PRIORITY sort"),
                new Problem("stages[3] 'd'.split", "NONE maxParcels 3", "maxParcels must be 0 for NONE, was 3"));
    }

    @Test
    void refuses_stages_that_cannot_be_reached_once_read() {
        String bad = """
                { "name": "r", "stages": [
                    { "name": "first", "whenNothing": "CANCEL" },
                    { "name": "second" }
                  ] }
                """;

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> StagedRoutingJson.reader().read(bad, optimiser));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("stages[1] 'second'");
            assertThat(p.rule()).isEqualTo("can never be reached: stages[0] 'first' ends routing with CANCEL when it finds nothing");
        });
    }

    @Test
    void refuses_documents_that_are_not_stages() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> StagedRoutingJson.reader().read("[1]", optimiser))
                .problems()).containsExactly(new Problem("$", "[1]", "must be a JSON object"));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> StagedRoutingJson.reader().read("{ \"name\": \"r\", \"stages\": [] }", optimiser)).problems())
                .containsExactly(new Problem("stages", "[]", "is required: a non-empty array of stages"));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> StagedRoutingJson.reader().read("{ \"name\": \"r\", \"name\": \"s\" }", optimiser)).problems())
                .singleElement().satisfies(p -> assertThat(p.rule()).contains("Duplicate field 'name'"));
    }
}
