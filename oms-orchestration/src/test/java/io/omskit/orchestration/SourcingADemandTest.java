package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.SourcingJson;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.DeclaresNeeds;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine is asked about a demand: an order's units read off the order, or a shopper's what-if of no order. */
class SourcingADemandTest {

    private static final Money TEN = Money.parse("EUR 10.00");

    @Nested
    class An_order_s_demand {

        @Test
        void is_its_open_and_reserved_units_with_their_prices_channel_delivery_and_version() {
            Order order = order("o-1", Channel.APP, home(), "A", 2, "B", 1);

            Demand demand = OrderDemands.of(order);

            assertThat(demand.order()).isEqualTo(OrderId.of("o-1"));
            assertThat(demand.version()).isEqualTo(1);
            assertThat(demand.placedAt()).isEqualTo(NOW);
            assertThat(demand.channel()).isEqualTo(Channel.APP);
            assertThat(demand.delivery()).isEqualTo(home());
            assertThat(demand.lines()).containsExactly(new DemandLine(LineId.of("L1"), sku("A"), 2, TEN, null),
                    new DemandLine(LineId.of("L2"), sku("B"), 1, TEN, null));
        }

        @Test
        void to_source_again_is_the_given_units_in_the_order_s_line_order() {
            Order order = order("o-1", home(), "A", 2, "B", 1);

            Demand demand = OrderDemands.of(order, List.of(LineQuantity.of(LineId.of("L2"), 1),
                    LineQuantity.of(LineId.of("L1"), 1)));

            assertThat(demand.lines()).extracting(DemandLine::line, DemandLine::quantity)
                    .containsExactly(tuple(LineId.of("L1"), 1),
                            tuple(LineId.of("L2"), 1));
        }

        @Test
        void to_source_again_names_lines_of_the_order_once() {
            Order order = order("o-1", home(), "A", 2);

            assertThatThrownBy(() -> OrderDemands.of(order, List.of(LineQuantity.of(LineId.of("L9"), 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quantities name line L9 which is not a line of order o-1");
            assertThatThrownBy(() -> OrderDemands.of(order, List.of(LineQuantity.of(LineId.of("L1"), 1),
                    LineQuantity.of(LineId.of("L1"), 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quantities must name each line once, L1 appears twice");
            assertThatThrownBy(() -> OrderDemands.of(order, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("quantities must name at least one line of order o-1");
        }
    }

    @Nested
    class A_demand {

        private final DemandLine a = DemandLine.of(LineId.of("L1"), sku("A"), 1);

        @Test
        void refuses_bad_lines_naming_the_field_and_the_value() {
            assertThatThrownBy(() -> Demand.whatIf(Channel.WEB, home(), List.of(a, DemandLine.of(LineId.of("L1"), sku("B"), 2)), NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lines must have unique ids, L1 appears twice");
            assertThatThrownBy(() -> Demand.whatIf(Channel.WEB, home(), List.of(
                    new DemandLine(LineId.of("L1"), sku("A"), 1, TEN, null),
                    new DemandLine(LineId.of("L2"), sku("B"), 1, Money.parse("USD 3.00"), null)), NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lines must be valued in one currency, line L2 is valued USD 3.00, line L1 in EUR");
            assertThatThrownBy(() -> DemandLine.of(LineId.of("L1"), sku("A"), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quantity must be >= 1, was 0 on line L1");
            assertThatThrownBy(() -> a.inGroup(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("group must be null or not blank, was ' ' on line L1");
            assertThatThrownBy(() -> new DemandLine(LineId.of("L1"), sku("A"), 1, Money.parse("EUR -1.00"), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unitValue must not be negative, was EUR -1.00 on line L1");
        }

        @Test
        void of_an_order_has_its_version_and_one_of_no_order_has_none() {
            assertThatThrownBy(() -> new Demand(OrderId.of("o-1"), 0, NOW, Channel.WEB, home(), List.of(a)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("version must be >= 1, was 0 for order o-1");
            assertThatThrownBy(() -> new Demand(null, 2, NOW, Channel.WEB, home(), List.of(a)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("version must be 0 for a demand of no order, was 2");
        }

        @Test
        void groups_lines_in_a_group_of_their_own() {
            Demand demand = Demand.whatIf(Channel.WEB, home(), List.of(a.inGroup("group-0"),
                    DemandLine.of(LineId.of("L2"), sku("B"), 1), DemandLine.of(LineId.of("L3"), sku("C"), 1)), NOW);

            Demand grouped = demand.withGroup(Set.of(LineId.of("L2"), LineId.of("L3")));

            assertThat(grouped.lines()).extracting(DemandLine::group).containsExactly("group-0", "group-1", "group-1");
        }
    }

    @Nested
    class A_what_if_of_no_order {

        private final Network network = network(warehouse("W1", 1));
        private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
        private final SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).inventory(store)
                .rules(RuleBook.of(rulesWith().cost(new ShippingCost(rates())).build())).build();
        private final SourcingRequest question = SourcingRequest.of(Demand.whatIf(Channel.WEB, home(),
                List.of(DemandLine.of(LineId.of("1"), sku("A"), 2)), NOW));

        @Test
        void is_planned_naming_no_order() {
            store.load(sku("A"), id("W1"), 5);

            SourcingPlan plan = engine.plan(question);

            assertThat(plan.order()).isNull();
            assertThat(plan.explanation().order()).isNull();
            assertThat(SourcingJson.readExplanation(SourcingJson.write(plan.explanation()))).isEqualTo(plan.explanation());
            assertThat(sources(plan)).containsExactly(id("W1"));
        }

        @Test
        void is_never_allocated() {
            store.load(sku("A"), id("W1"), 5);

            assertThatThrownBy(() -> engine.source(question))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("request.demand.order must not be null to allocate");
            assertThat(store.position(sku("A"), id("W1")).allocated()).isZero();
        }
    }

    @Nested
    class Rules {

        /** Charges stores, per unit, what the unit is worth: the demand's value is at risk on a shop floor. */
        private final CostRule valueOnTheShopFloor = new CostRule() {
            @Override
            public String name() {
                return "value-on-the-shop-floor";
            }

            @Override
            public void price(SourcingContext context, int location, CostSink sink) {
                for (int i = 0; i < context.itemCount(); i++) {
                    DemandLine line = context.demand().line(context.item(i).line()).orElseThrow();
                    sink.perUnit(i, context.locationType(location) == LocationType.STORE
                            ? line.unitValue().getAmount().doubleValue() : 1);
                }
            }

            @Override
            public Justification justify(SourcingContext context, int location) {
                return () -> "value at " + context.location(location).id();
            }
        };

        @Test
        void read_the_demand_through_their_context() {
            Network network = network(store("S1", 0.1), warehouse("W1", 2));
            SourcingEngine engine = engine(network, RuleSet.builder("value").cost(valueOnTheShopFloor).build());

            SourcingPlan plan = engine.plan(SourcingRequest.of(order("o-1", home(), "A", 2)),
                    stock(network, "A", "S1", 5, "A", "W1", 5));

            assertThat(sources(plan)).containsExactly(id("W1"));
            assertThat(plan.explanation().verdictOn(id("S1")).orElseThrow().cost()).isEqualTo(20.0);
            assertThat(engine.planItem(new ItemQuestion(Channel.WEB, home(), sku("A"), 2),
                    stock(network, "A", "W1", 5), NOW))
                    .as("a rule reading the demand needs the full engine").isNull();
        }

        /** A filter that excludes nothing but asks the engine to hold locations to their daily capacity. */
        private static final class HeldToCapacity implements FilterRule, DeclaresNeeds {
            @Override
            public String name() {
                return "held-to-capacity";
            }

            @Override
            public Set<RuleNeed> needs() {
                return Set.of(RuleNeed.DAILY_CAPACITY);
            }
        }

        @Test
        void sets_need_what_their_rules_declare() {
            assertThat(rulesWith(new DailyCapacityFilter()).build().needs()).containsExactly(RuleNeed.DAILY_CAPACITY);
            assertThat(rulesWith(new HeldToCapacity(), new CapabilityFilter()).build().needs())
                    .containsExactly(RuleNeed.DAILY_CAPACITY);
            assertThat(rulesWith(new CapabilityFilter()).cost(valueOnTheShopFloor).build().needs()).isEmpty();
        }

        @Test
        void that_need_daily_capacity_have_a_full_location_refused_when_the_plan_is_applied() {
            Location full = Location.builder(id("S1"), LocationType.STORE, GeoPoint.of(0, 0.1)).dailyCapacity(1).build();
            Network network = network(full);
            InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
            capacity.tryConsume(id("S1"), LocalDate.ofInstant(NOW, full.zone()), 1);

            assertThat(sourceOneUnit(network, capacity, rulesWith(new HeldToCapacity()).build()))
                    .isInstanceOf(SourcingResult.Contended.class);
            assertThat(sourceOneUnit(network, capacity, rulesWith().build()))
                    .as("without the need, fulfilments are counted but never refused")
                    .isInstanceOf(SourcingResult.Allocated.class);
        }

        private SourcingResult sourceOneUnit(Network network, InMemoryCapacityTracker capacity, RuleSet rules) {
            InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
            store.load(Sku.of("A"), id("S1"), 5);
            SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).inventory(store)
                    .capacity(capacity).rules(RuleBook.of(rules)).build();
            return engine.source(SourcingRequest.of(order("o-" + rules.needs().size(), home(), "A", 1)));
        }
    }
}
