package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.channel.Channel;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Staged routing against the optimiser on random networks, rule sets, stock, capacities and moments. */
class StagedRoutingProperties {

    @Property(tries = 150)
    void one_stage_of_everything_cheapest_first_any_split_costs_what_the_optimiser_costs(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        SourcingEngine optimiser = RandomSourcing.engine(network, rules, capacity);
        StagedEngine everything = StagedEngine.builder("everything", optimiser)
                .stage(Stage.named("everything").sort(StageSort.cost()).split(StageSplit.any()).build()).build();
        for (int round = 0; round < 3; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, 1 + random.nextInt(4));
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, Channel.WEB, delivery, cart.skuQuantities());
            SourcingRequest request = SourcingRequest.of(order);

            SourcingPlan best = optimiser.plan(request, cart.stock(), now);
            EngineDecision staged = everything.decide(request, cart.stock(), now);

            if (best.isComplete()) {
                assertThat(staged.decidedBy()).isEqualTo("stage 1 'everything'");
                assertThat(staged.plan().totalCost()).isEqualTo(best.totalCost());
                assertThat(staged.plan().fulfilments()).isEqualTo(best.fulfilments());
            } else {
                // a stage ships complete or not at all: what the optimiser leaves unsourced, the stage backorders whole
                assertThat(staged.plan().isEmpty()).isTrue();
                assertThat(staged.plan().unsourcedUnits()).isEqualTo(best.plannedUnits() + best.unsourcedUnits());
            }
        }
    }

    @Property(tries = 150)
    void no_stage_plan_is_cheaper_than_the_optimisers_and_each_keeps_its_split(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        SourcingEngine optimiser = RandomSourcing.engine(network, rules, capacity);
        int parcels = 1 + random.nextInt(rules.maxShipments());
        StageSplit split = rules.split() == SplitPolicy.SHIP_COMPLETE ? StageSplit.none()
                : List.of(StageSplit.none(), StageSplit.upTo(parcels), StageSplit.byLine(), StageSplit.any())
                .get(random.nextInt(4));
        StageSort sort = List.of(StageSort.distance(), StageSort.stockOnHand(), StageSort.load(), StageSort.cost(),
                StageSort.priority(List.of(network.at(network.size() - 1).id()))).get(random.nextInt(5));
        Stage.Builder stage = Stage.named("random").sort(sort).split(split);
        if (random.nextBoolean()) {
            stage.locationTypes(LocationType.values()[random.nextInt(LocationType.values().length)]);
        }
        StagedEngine staged = StagedEngine.builder("random", optimiser).stage(stage.build()).build();
        for (int round = 0; round < 3; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, 1 + random.nextInt(4));
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, Channel.WEB, delivery, cart.skuQuantities());
            SourcingRequest request = SourcingRequest.of(order);

            SourcingPlan best = optimiser.plan(request, cart.stock(), now);
            SourcingPlan plan = staged.decide(request, cart.stock(), now).plan();

            if (!plan.isEmpty()) {
                assertThat(plan.isComplete()).isTrue();
                if (best.isComplete() && best.isOptimal()) {
                    assertThat(plan.totalCost()).isGreaterThanOrEqualTo(best.totalCost() - 1e-6 * (1 + best.totalCost()));
                }
                int max = switch (split.kind()) {
                    case NONE -> 1;
                    case UP_TO -> split.maxParcels();
                    default -> rules.maxShipments();
                };
                assertThat(plan.shipments()).isLessThanOrEqualTo(max);
                if (split.kind() == StageSplit.Kind.BY_LINE) {
                    plan.explanation(); // explaining a stage plan works like any plan's
                    for (io.omskit.orchestration.plan.PlannedFulfilment f : plan.fulfilments()) {
                        f.lines().forEach(l -> assertThat(l.quantity()).isEqualTo(plan.plannedUnits(l.line())));
                    }
                }
                // priced under the rule book: what the optimiser gives for the same locations, which the explanation tells
                assertThat(plan.explanation().totalCost()).isCloseTo(plan.totalCost(), within(1e-6 * (1 + plan.totalCost())));
                assertThat(plan.explanation().fulfilments()).extracting(f -> f.location())
                        .containsExactlyInAnyOrderElementsOf(plan.fulfilments().stream().map(f -> f.location()).toList());
                double sum = plan.costBreakdown().stream().mapToDouble(a -> a.amount()).sum();
                assertThat(sum).isCloseTo(plan.totalCost(), within(1e-6 * (1 + plan.totalCost())));
            }
        }
    }

    @Property(tries = 120)
    void stages_that_ship_what_they_find_never_take_more_than_there_is_and_account_for_every_unit(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        SourcingEngine optimiser = RandomSourcing.engine(network, rules, capacity);
        StagedEngine.Builder b = StagedEngine.builder("any-of-it", optimiser);
        int stages = 1 + random.nextInt(3);
        for (int k = 0; k < stages; k++) {
            Stage.Builder stage = Stage.named("stage-" + k)
                    .split(List.of(StageSplit.none(), StageSplit.upTo(2), StageSplit.byLine()).get(random.nextInt(3)))
                    .sort(List.of(StageSort.distance(), StageSort.stockOnHand(), StageSort.cost()).get(random.nextInt(3)));
            if (random.nextBoolean()) {
                stage.shipWhatItFinds();
            }
            if (random.nextBoolean()) {
                stage.locationTypes(LocationType.values()[random.nextInt(LocationType.values().length)]);
            }
            b.stage(stage.build());
        }
        StagedEngine staged = b.build();
        for (int round = 0; round < 3; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, 1 + random.nextInt(4));
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, Channel.WEB, delivery, cart.skuQuantities());
            SourcingRequest request = SourcingRequest.of(order);

            EngineDecision d = staged.decide(request, cart.stock(), now);
            SourcingPlan plan = d.plan();
            net.jqwik.api.statistics.Statistics.label("a stage shipped part").collect(d.steps().stream()
                    .anyMatch(step -> step.outcome() == io.omskit.orchestration.engine.StepOutcome.SHIPPED_PART));

            // every unit of every line is planned or unsourced, exactly once
            for (io.omskit.core.order.OrderLine line : order.lines()) {
                int unsourced = plan.unsourced().stream().filter(u -> u.line().equals(line.id()))
                        .mapToInt(u -> u.quantity()).sum();
                assertThat(plan.plannedUnits(line.id()) + unsourced).as("line %s", line.id()).isEqualTo(line.quantity());
            }
            // no location gives more of a SKU than it holds, over every stage's part
            java.util.Map<List<Object>, Integer> taken = new java.util.HashMap<>();
            plan.allocationLines().forEach(a -> taken.merge(List.of(a.sku(), a.location()), a.quantity(), Integer::sum));
            taken.forEach((key, units) -> {
                io.omskit.orchestration.stock.SkuStock held = cart.stock().stock((io.omskit.core.catalog.Sku) key.get(0));
                int at = network.indexOf((io.omskit.core.network.LocationId) key.get(1));
                int there = 0;
                for (int k = 0; k < held.size(); k++) {
                    there += held.location(k) == at ? held.units(k) : 0;
                }
                assertThat(units).as("%s", key).isLessThanOrEqualTo(there);
            });
            // one fulfilment per location and kind, however many stages shipped from it
            assertThat(plan.fulfilments()).extracting(f -> List.of(f.location(), f.kind())).doesNotHaveDuplicates();
            double sum = plan.costBreakdown().stream().mapToDouble(a -> a.amount()).sum();
            assertThat(sum).isCloseTo(plan.totalCost(), within(1e-6 * (1 + Math.abs(plan.totalCost()))));
        }
        // the runs must see stages shipping part, or they prove nothing about them
        net.jqwik.api.statistics.Statistics.label("a stage shipped part")
                .coverage(c -> c.check(true).count(n -> n >= 5));
    }
}
