package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.orchestration.RandomSourcing;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Pricing the few sets of locations that source every unit ({@link Coverage#coveringSets}, used by the optimiser)
 * against the branch and bound it replaces, on random networks, rule sets, capacities, carts, request exclusions and
 * groups: the sets found are exactly those of at most the rule set's shipments holding every unit, each once; and the
 * optimiser's plan is the branch and bound's, unit for unit and cost to the bit.
 */
class CoveringSetsProperties {

    @Property(tries = 200)
    void covering_sets_are_every_set_of_at_most_the_shipments_holding_every_unit(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = random.nextInt(4) == 0 ? RandomSourcing.rules(random, network)
                : RandomSourcing.rules(random, network, 1 + random.nextInt(4));
        Planner planner = new Planner(network, null, capacity);
        for (int round = 0; round < 6; round++) {
            Problem problem = randomProblem(random, network, capacity, rules, planner, round);
            Eligibility e = Eligibility.of(problem);
            List<String> expected = new ArrayList<>();
            enumerate(e, 0, new int[0], new int[e.n], expected);
            int limit = 1 + random.nextInt(40);
            int[][] found = Coverage.coveringSets(e, limit);
            boolean decided = e.n > 0 && e.slots == e.n && !e.grouped && problem.groups == 0;
            Statistics.label("covering sets").collect(!decided ? "not decided" : found == null ? "beyond the limit"
                    : found.length == 0 ? "none" : "some");
            if (!decided) {
                assertThat(found).as("sets for a problem outside the search").isNull();
                continue;
            }
            if (expected.size() > limit) {
                assertThat(found).as("more than %d sets: %s", limit, expected).isNull();
                continue;
            }
            List<String> sets = new ArrayList<>();
            for (int[] set : found) {
                int[] ascending = set.clone();
                Arrays.sort(ascending);
                sets.add(Arrays.toString(ascending));
            }
            assertThat(sets).containsExactlyInAnyOrderElementsOf(expected);
        }
        Statistics.label("covering sets").coverage(c -> c.check("some").percentage(p -> p >= 5));
    }

    @Property(tries = 200)
    void pricing_the_covering_sets_gives_the_branch_and_bounds_plan(@ForAll long seed) {
        for (Problem problem : splitProblems(seed)) {
            Optimiser priced = new Optimiser(problem, true);
            priced.solve();
            Optimiser searched = new Optimiser(problem, false);
            searched.solve();
            Statistics.label("plan").collect(!priced.settledByCoverage() ? "by search"
                    : priced.settledBestFirst() ? "by covering sets, best first" : "by covering sets, in search order");

            assertThat(priced.take).as("units per item and location").containsExactly(searched.take);
            assertThat(priced.tailTake).as("last units per item and location").containsExactly(searched.tailTake);
            assertThat(priced.unsourced).as("unsourced per item").containsExactly(searched.unsourced);
            assertThat(priced.cost()).isEqualTo(searched.cost());
            assertThat(priced.optimal).isEqualTo(searched.optimal);
        }
        // the comparison is worth something only when the pricing path is taken often enough
        Statistics.label("plan").coverage(c -> {
            c.check("by covering sets, best first").percentage(p -> p >= 5);
            c.check("by covering sets, in search order").percentage(p -> p >= 1);
        });
    }

    @Property(tries = 200)
    void the_lower_bound_of_a_covering_set_is_its_fixed_costs_and_each_items_cheapest_units(@ForAll long seed) {
        for (Problem problem : splitProblems(seed)) {
            int[][] sets = Coverage.coveringSets(Eligibility.of(problem), Optimiser.COVERING_SETS);
            Statistics.label("sets").collect(sets == null || sets.length == 0 ? "none" : sets.length > 3 ? "more than 3" : "a few");
            if (sets == null || sets.length == 0) {
                continue;
            }
            problem.priceAll();
            double[] bounds = new Optimiser(problem).lowerBounds(sets);
            for (int s = 0; s < sets.length; s++) {
                double expected = problem.penalty * (sets[s].length - 1);
                for (int j : sets[s]) {
                    expected += problem.fixed[j];
                }
                for (int i = 0; i < problem.n; i++) {
                    double cheapest = Double.POSITIVE_INFINITY;
                    for (int j : sets[s]) {
                        if (problem.allowed[i * problem.m + j]) {
                            cheapest = Math.min(cheapest, problem.unit[i * problem.m + j]);
                        }
                    }
                    expected += problem.qty[i] * cheapest;
                }
                assertThat(bounds[s]).as("set %s", Arrays.toString(sets[s])).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            }
        }
        Statistics.label("sets").coverage(c -> c.check("more than 3").percentage(p -> p >= 5));
    }

    @Property(tries = 200)
    void a_cart_priced_only_at_its_covering_sets_gets_the_full_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network, 2 + random.nextInt(2));
        Planner planner = new Planner(network, null, capacity);
        for (int round = 0; round < 6; round++) {
            Question q = randomQuestion(random, network, capacity, round);
            Problem problem = planner.compile(q.request, planner.items(q.request), q.delivery, rules, q.stock, q.now);
            int[][] sets = Coverage.coveringSets(Eligibility.of(problem), Optimiser.COVERING_SETS);
            boolean some = sets != null && sets.length > 0;
            boolean lean = some && Arrays.stream(sets).allMatch(set -> set.length > 1);
            Statistics.label("cart").collect(lean ? "priced at its covering sets"
                    : some ? "covered by one location too, priced in full" : "otherwise");

            Completion completion = planner.planIfComplete(q.request, q.delivery, rules, q.stock, q.now);
            SourcingPlan full = planner.plan(q.request, q.delivery, rules, q.stock, q.now);
            if (!completion.planned()) {
                assertThat(full.isComplete()).as("complete, yet %s", completion.detail()).isFalse();
                continue;
            }
            SourcingPlan plan = completion.plan();
            assertThat(plan.fulfilments()).isEqualTo(full.fulfilments());
            assertThat(plan.unsourced()).isEqualTo(full.unsourced());
            assertThat(plan.totalCost()).isEqualTo(full.totalCost());
            assertThat(plan.costBreakdown()).isEqualTo(full.costBreakdown());
            assertThat(plan.isOptimal()).isEqualTo(full.isOptimal());
            assertThat(plan.explanation()).isEqualTo(full.explanation());
        }
        Statistics.label("cart").coverage(c -> {
            c.check("priced at its covering sets").percentage(p -> p >= 5);
            c.check("covered by one location too, priced in full").percentage(p -> p >= 2);
        });
    }

    /**
     * Six random problems on one random network under a rule set of two or three shipments: carts split over a few,
     * where the covering sets are priced; the first property covers the rest.
     */
    private static List<Problem> splitProblems(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network, 2 + random.nextInt(2));
        Planner planner = new Planner(network, null, capacity);
        List<Problem> problems = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            problems.add(randomProblem(random, network, capacity, rules, planner, round));
        }
        return problems;
    }

    private static Problem randomProblem(SplittableRandom random, Network network, InMemoryCapacityTracker capacity,
                                         RuleSet rules, Planner planner, int round) {
        Question q = randomQuestion(random, network, capacity, round);
        return planner.compile(q.request, planner.items(q.request), q.delivery, rules, q.stock, q.now);
    }

    private record Question(SourcingRequest request, DeliveryChoice delivery, StockSnapshot stock, Instant now) {
    }

    /** A cart of 2 to 8 lines, a delivery, request exclusions and groups at times, and a moment. */
    private static Question randomQuestion(SplittableRandom random, Network network, InMemoryCapacityTracker capacity,
                                           int round) {
        Instant now = RandomSourcing.moment(random, network, capacity);
        int lines = 2 + random.nextInt(7);
        // each SKU at about 40% of the locations: carts are often complete over two or three of them, rarely at one
        RandomSourcing.Cart cart = RandomSourcing.cart(random, network, lines, 2, 2, 5, 1);
        Object[] skuQuantities = cart.skuQuantities();
        if (lines > 1 && random.nextInt(6) == 0) {
            skuQuantities[2 * (lines - 1)] = skuQuantities[0];
        }
        DeliveryChoice delivery = RandomSourcing.delivery(random, network);
        Order order = RandomSourcing.order(now, "o" + round, delivery, skuQuantities);
        SourcingRequest request = SourcingRequest.of(order);
        if (random.nextInt(4) == 0) {
            request = request.excluding(LineId.of("L1"), network.at(random.nextInt(network.size())).id());
        }
        if (lines > 2 && random.nextInt(6) == 0) {
            request = request.withGroup(Set.of(LineId.of("L1"), LineId.of("L2")));
        }
        return new Question(request, delivery, cart.stock(), now);
    }

    /** By enumeration: every set of locations {@code from..} added to {@code chosen} (up to the limit) holding every unit. */
    private static void enumerate(Eligibility e, int from, int[] chosen, int[] held, List<String> out) {
        boolean all = true;
        for (int i = 0; i < e.n; i++) {
            all &= held[i] >= e.qty[i];
        }
        if (all && chosen.length > 0) {
            out.add(Arrays.toString(chosen));
        }
        for (int j = from; j < e.m && chosen.length < e.maxShipments; j++) {
            for (int i = 0; i < e.n; i++) {
                held[i] += e.allowed[i * e.m + j] ? e.stock[e.slotOf[i] * e.m + j] : 0;
            }
            int[] more = Arrays.copyOf(chosen, chosen.length + 1);
            more[chosen.length] = j;
            enumerate(e, j + 1, more, held, out);
            for (int i = 0; i < e.n; i++) {
                held[i] -= e.allowed[i * e.m + j] ? e.stock[e.slotOf[i] * e.m + j] : 0;
            }
        }
    }
}
