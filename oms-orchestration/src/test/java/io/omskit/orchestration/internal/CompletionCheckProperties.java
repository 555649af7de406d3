package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.orchestration.RandomSourcing;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.explain.Verdict;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The completion check on what the filters allow, before anything is priced ({@link Planner#planIfComplete}), on
 * random networks, rule sets (dynamic filters such as capacity, cut-off and opening hours included), stock, carts with
 * repeated SKUs, request exclusions and groups: it gives the same answer, reason and figures as the check on the
 * compiled problem (its eligible locations only), and its coverage search (which leaves out holders whose branch
 * failed) finds a set of at most the rule set's shipments holding every unit exactly when enumerating all such sets
 * does. A series of questions ({@link Planner.Series}) answers each as a question on its own would. The verdicts of the excluded locations, decided without planning ({@link Planner#exclusions}), are the full
 * plan's explanation's; asked for one, it is a preferred location's when excluded, else the first.
 */
class CompletionCheckProperties {

    @Property(tries = 200)
    void completion_check_before_pricing_is_the_problems_and_its_coverage_search_is_exact(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        Planner planner = new Planner(network, null, capacity);
        Planner.Series series = new Planner.Series();
        for (int round = 0; round < 6; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            int lines = 1 + random.nextInt(7);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, lines);
            Object[] skuQuantities = cart.skuQuantities();
            if (lines > 1 && random.nextInt(4) == 0) {
                skuQuantities[2 * (lines - 1)] = skuQuantities[0];
            }
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            Order order = RandomSourcing.order(now, "o" + round, delivery, skuQuantities);
            SourcingRequest request = SourcingRequest.of(order);
            if (random.nextInt(4) == 0) {
                request = request.excluding(network.at(random.nextInt(network.size())).id());
            }
            if (random.nextInt(4) == 0) {
                request = request.excluding(LineId.of("L1"), network.at(random.nextInt(network.size())).id());
            }
            if (lines > 2 && random.nextInt(4) == 0) {
                request = request.withGroup(Set.of(LineId.of("L1"), LineId.of("L2")));
            }
            StockSnapshot stock = cart.stock();

            Problem problem = planner.compile(request, planner.items(request), delivery, rules, stock, now);
            Completion before = Coverage.whyIncomplete(problem);
            if (before == null || before.reason() == UnsourcedReason.SHIPMENT_LIMIT) {
                assertThat(before == null).as("a covering set of at most %d locations exists", problem.maxShipments)
                        .isEqualTo(problem.groups > 0 || problem.slots != problem.n
                                || coverable(Eligibility.of(problem), 0, 0, new int[problem.n]));
            }
            Completion judged = planner.planIfComplete(request, delivery, rules, stock, now);
            // a series reuses where the stock lies for the same items and stock, and only then
            DeliveryChoice other = RandomSourcing.delivery(random, network);
            assertThat(planner.planIfComplete(request, delivery, rules, stock, now, series))
                    .as("the series' answer, after a question about other items or stock").isEqualTo(judged);
            assertThat(planner.planIfComplete(request, other, rules, stock, now, series))
                    .as("the series' answer for another delivery of the same items and stock")
                    .isEqualTo(planner.planIfComplete(request, other, rules, stock, now));
            // a "why" after an impossible question reuses what it judged, for that question only
            int someone = random.nextInt(network.size());
            assertThat(planner.exclusions(request, other, rules, stock, now, someone, 1, series))
                    .as("the series' first exclusion after the question")
                    .isEqualTo(planner.exclusions(request, other, rules, stock, now, someone, 1));
            assertThat(planner.exclusions(request, delivery, rules, stock, now, someone, 1, series))
                    .as("the series' first exclusion for an earlier question's delivery")
                    .isEqualTo(planner.exclusions(request, delivery, rules, stock, now, someone, 1));

            if (before == null) {
                assertThat(judged.planned()).as("planned, as the problem's check found a complete plan may exist: %s %s",
                        judged.reason(), judged.detail()).isTrue();
            } else {
                assertThat(judged.planned()).as("the problem's check proves %s", before.detail()).isFalse();
                assertThat(judged.reason()).isEqualTo(before.reason());
                assertThat(judged.detail()).isEqualTo(before.detail());
            }

            SourcingPlan sourced = planner.plan(request, delivery, rules, stock, now);
            if (judged.planned()) {
                // priced over the locations of the covering sets only, when those are few
                assertThat(judged.plan()).as("the what-if's plan, as sourcing plans it").isEqualTo(sourced);
                assertThat(judged.plan().explanation()).as("its explanation, with every eligible location's verdict")
                        .isEqualTo(sourced.explanation());
            }
            List<LocationVerdict> excluded = new ArrayList<>();
            for (LocationVerdict v : sourced.explanation().locations()) {
                if (v.verdict() == Verdict.EXCLUDED) {
                    excluded.add(v);
                }
            }
            assertThat(planner.exclusions(request, delivery, rules, stock, now, -1, Integer.MAX_VALUE))
                    .as("the excluded locations' verdicts, as the full plan's explanation gives them")
                    .isEqualTo(excluded);
            int preferred = random.nextInt(network.size());
            LocationVerdict first = excluded.stream().filter(v -> v.location().equals(network.at(preferred).id()))
                    .findFirst().orElse(excluded.isEmpty() ? null : excluded.get(0));
            assertThat(planner.exclusions(request, delivery, rules, stock, now, preferred, 1))
                    .as("the verdict of location %d when excluded, else the first", preferred)
                    .isEqualTo(first == null ? List.of() : List.of(first));
        }
    }

    /** By enumeration: whether locations {@code from..} added to those chosen (up to the limit) hold every unit. */
    private static boolean coverable(Eligibility e, int from, int chosen, int[] held) {
        boolean all = true;
        for (int i = 0; i < e.n; i++) {
            all &= held[i] >= e.qty[i];
        }
        if (all) {
            return true;
        }
        for (int j = from; j < e.m && chosen < e.maxShipments; j++) {
            for (int i = 0; i < e.n; i++) {
                held[i] += e.allowed[i * e.m + j] ? e.stock[e.slotOf[i] * e.m + j] : 0;
            }
            boolean found = coverable(e, j + 1, chosen + 1, held);
            for (int i = 0; i < e.n; i++) {
                held[i] -= e.allowed[i * e.m + j] ? e.stock[e.slotOf[i] * e.m + j] : 0;
            }
            if (found) {
                return true;
            }
        }
        return false;
    }
}
