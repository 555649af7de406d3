package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.ItemQuestion;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.result.ItemPlan;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The engine's fast what-if for one item ({@link SourcingEngine#planItem}) against the full planner, on random
 * networks, rule sets, stock, capacities and moments: whenever it answers, it is the full plan's single fulfilment
 * (same location, units, leg and cost to the bit); for one unit it always answers when the full plan is complete.
 */
class ItemPlanProperties {

    private static final Sku SKU = RandomSourcing.SKU;

    @Property(tries = 300)
    void fast_what_if_for_one_item_is_the_full_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        SourcingEngine engine = RandomSourcing.engine(network, rules, capacity);
        for (int round = 0; round < 6; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            StockSnapshot stock = RandomSourcing.stock(random, network);
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            int quantity = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
            Channel channel = random.nextBoolean() ? Channel.WEB : Channel.MARKETPLACE;

            ItemPlan fast = engine.planItem(new ItemQuestion(channel, delivery, SKU, quantity), stock, now);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, channel, delivery, SKU.value(), quantity);
            SourcingPlan full = engine.plan(SourcingRequest.of(order), stock, now);

            if (fast != null) {
                assertThat(full.isComplete()).as("full plan complete").isTrue();
                assertThat(full.fulfilments()).hasSize(1);
                PlannedFulfilment f = full.fulfilments().get(0);
                assertThat(fast.location()).isEqualTo(f.location());
                assertThat(fast.quantity()).isEqualTo(f.units());
                assertThat(fast.kind()).isEqualTo(f.kind());
                assertThat(fast.cost()).isEqualTo(full.totalCost());
                assertThat(network.at(fast.locationIndex()).id()).isEqualTo(fast.location());
            } else if (quantity == 1) {
                assertThat(full.isComplete()).as("one unit the full engine sources: %s", full.fulfilments()).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void completion_check_agrees_with_the_full_plan(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = RandomSourcing.network(random);
        InMemoryCapacityTracker capacity = new InMemoryCapacityTracker();
        RuleSet rules = RandomSourcing.rules(random, network);
        SourcingEngine engine = RandomSourcing.engine(network, rules, capacity);
        for (int round = 0; round < 4; round++) {
            Instant now = RandomSourcing.moment(random, network, capacity);
            RandomSourcing.Cart cart = RandomSourcing.cart(random, network, 1 + random.nextInt(6));
            StockSnapshot snapshot = cart.stock();
            DeliveryChoice delivery = RandomSourcing.delivery(random, network);
            Order order = Fixtures.orderPlacedAt(now, "o" + round, Channel.WEB, delivery, cart.skuQuantities());

            Completion completion = engine.planIfComplete(SourcingRequest.of(order), snapshot, now);
            SourcingPlan full = engine.plan(SourcingRequest.of(order), snapshot, now);

            if (completion.planned()) {
                assertThat(completion.plan().fulfilments()).isEqualTo(full.fulfilments());
                assertThat(completion.plan().unsourced()).isEqualTo(full.unsourced());
                assertThat(completion.plan().totalCost()).isEqualTo(full.totalCost());
            } else {
                assertThat(full.isComplete()).as("complete plan %s, yet %s: %s", full.fulfilments(), completion.reason(),
                        completion.detail()).isFalse();
                if (completion.reason() != UnsourcedReason.SHIPMENT_LIMIT) {
                    assertThat(full.unsourced()).extracting(Unsourced::reason).contains(completion.reason());
                }
            }
        }
    }
}
