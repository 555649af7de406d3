package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * When the engine says standard and express delivery source alike for a channel, the same order delivered either way
 * gets the same plan (fulfilments, unsourced units, cost to the bit), the same completion answer and the same
 * excluded locations, on random networks, rule books (one rule set for both methods, or another for express, for
 * every channel or one), rate tables (some with an express rate, equal to the standard one or not), stock, moments and
 * carts.
 */
class AlikeDeliveryMethodsProperties {

    private static final AtomicInteger ALIKE_AND_PLANNED = new AtomicInteger();
    private static final AtomicInteger NOT_ALIKE = new AtomicInteger();

    @BeforeProperty
    void resetCounts() {
        ALIKE_AND_PLANNED.set(0);
        NOT_ALIKE.set(0);
    }

    @Property(tries = 150)
    void methods_the_engine_calls_alike_get_the_same_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        SourcingEngine engine = SourcingEngine.builder().network(network).rules(ruleBook(random, network))
                .capacity(capacity).clock(Fixtures.CLOCK).build();
        boolean alike = engine.sourcesAlike(Channel.WEB, DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY);
        assertThat(engine.sourcesAlike(Channel.WEB, DeliveryMethod.EXPRESS_DELIVERY, DeliveryMethod.STANDARD_DELIVERY))
                .as("alike both ways").isEqualTo(alike);
        if (!alike) {
            NOT_ALIKE.incrementAndGet();
            return;
        }
        for (int round = 0; round < 4; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            int lines = 1 + random.nextInt(5);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, lines);
            GeoPoint to = GeoPoint.of(50 + random.nextInt(5) * 0.5, 8 + random.nextInt(5) * 0.5);
            DeliveryWindow promised = random.nextBoolean() ? null
                    : new DeliveryWindow(now, now.plus(Duration.ofHours(24 + random.nextInt(96))));
            SourcingRequest asStandard = request(now, round, DeliveryMethod.STANDARD_DELIVERY, to, promised, cart);
            SourcingRequest asExpress = request(now, round, DeliveryMethod.EXPRESS_DELIVERY, to, promised, cart);
            if (random.nextInt(4) == 0) {
                LocationId excluded = network.at(random.nextInt(network.size())).id();
                asStandard = asStandard.excluding(LineId.of("L1"), excluded);
                asExpress = asExpress.excluding(LineId.of("L1"), excluded);
            }
            StockSnapshot stock = cart.stock();

            SourcingPlan plan = engine.plan(asStandard, stock, now);
            assertThat(engine.plan(asExpress, stock, now)).as("express plans as standard").isEqualTo(plan);
            assertThat(engine.planIfComplete(asExpress, stock, now))
                    .isEqualTo(engine.planIfComplete(asStandard, stock, now));
            assertThat(verdicts(engine.exclusions(asExpress, stock, now)))
                    .isEqualTo(verdicts(engine.exclusions(asStandard, stock, now)));
            if (plan.plannedUnits() > 0) {
                ALIKE_AND_PLANNED.incrementAndGet();
            }
        }
    }

    @AfterProperty
    void bothCasesOccurred() {
        assertThat(ALIKE_AND_PLANNED.get()).as("alike rule books with something planned").isPositive();
        assertThat(NOT_ALIKE.get()).as("rule books treating express apart").isPositive();
    }

    /** One rule set for every method, the same set bound again to express, or another set for express. */
    private static RuleBook ruleBook(SplittableRandom random, Network network) {
        RuleSet rules = RandomSourcing.rules(random, network);
        return switch (random.nextInt(4)) {
            case 0 -> RuleBook.of(rules);
            case 1 -> RuleBook.builder().byDefault(rules).forMethod(DeliveryMethod.EXPRESS_DELIVERY, rules).build();
            case 2 -> RuleBook.builder().byDefault(rules)
                    .forMethod(DeliveryMethod.EXPRESS_DELIVERY, RandomSourcing.rules(random, network)).build();
            default -> RuleBook.builder().byDefault(rules).forChannelAndMethod(Channel.MARKETPLACE,
                    DeliveryMethod.EXPRESS_DELIVERY, RandomSourcing.rules(random, network)).build();
        };
    }

    private static SourcingRequest request(Instant now, int round, DeliveryMethod method, GeoPoint to,
                                           DeliveryWindow promised, RandomSourcing.Cart cart) {
        DeliveryChoice delivery = DeliveryChoice.home(method, Fixtures.address(to), promised);
        return SourcingRequest.of(RandomSourcing.order(now, "o" + round, delivery, cart.skuQuantities()));
    }

    /** The excluded locations and the rules excluding them, without justifications (which may name the method). */
    private static List<String> verdicts(List<LocationVerdict> verdicts) {
        List<String> out = new ArrayList<>();
        for (LocationVerdict v : verdicts) {
            StringBuilder sb = new StringBuilder(v.location().value()).append(' ').append(v.verdict());
            for (Exclusion e : v.exclusions()) {
                sb.append(' ').append(e.rule()).append('/').append(e.line()).append('/').append(e.sku());
            }
            out.add(sb.toString());
        }
        return out;
    }
}
