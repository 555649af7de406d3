package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Fulfilments;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.IllegalFulfilmentTransitionException;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A store that does not accept a fulfilment within its time limit loses it: the sweep takes it back and sources its
 * units elsewhere, as a rejection by that store.
 */
class StoreAcceptanceTimeLimitTest {

    private static final class MovingClock extends Clock {
        private volatile Instant now = NOW;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final Network network = network(store("STORE", 0.1), store("MALL", 0.3), warehouse("WH1", 2));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true));
    private final Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
            .payments(new FakePaymentGateway())
            .acceptanceLimit(LocationType.STORE, Duration.ofHours(2))
            .acceptanceLimit(id("MALL"), Duration.ofMinutes(30)).build();
    private final OrderSourcing sourcing = new OrderSourcing(oms, SourcingEngine.builder().network(network).clock(clock)
            .inventory(inventory).catalog(catalog).resourcing(ResourcingPolicy.standard())
            .rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build());

    private Fulfilment placeAndSource(String ref) {
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c")
                .currency("EUR").delivery(home()).line("L1", "A", 2, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok").build());
        sourcing.source(placed.order().id());
        return oms.fulfilments().forOrder(placed.order().id()).get(0);
    }

    @Test
    void a_store_that_does_not_accept_in_time_loses_the_fulfilment_to_the_next_best_location() {
        inventory.load(sku("A"), id("STORE"), 2);
        inventory.load(sku("A"), id("WH1"), 10);
        Fulfilment offered = placeAndSource("W-1");
        assertThat(offered.location()).isEqualTo(id("STORE"));
        assertThat(oms.fulfilments().acceptBy(offered)).contains(NOW.plus(Duration.ofHours(2)));

        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(sourcing.resourceUnaccepted(10)).as("still within its time").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        Map<FulfilmentId, ResourcingOutcome> outcomes = sourcing.resourceUnaccepted(10);

        assertThat(outcomes).containsOnlyKeys(offered.id());
        assertThat(outcomes.get(offered.id())).isInstanceOf(ResourcingOutcome.Resourced.class);
        Fulfilment takenBack = oms.fulfilments().get(offered.id());
        assertThat(takenBack.status()).isEqualTo(FulfilmentStatus.REJECTED);
        assertThat(takenBack.history()).last().isInstanceOfSatisfying(FulfilmentEvent.FulfilmentRejected.class,
                r -> assertThat(r.reason()).isEqualTo(Fulfilments.NOT_ACCEPTED_REASON));
        List<Fulfilment> all = oms.fulfilments().forOrder(offered.orderId());
        assertThat(all).hasSize(2);
        assertThat(all.get(1).location()).isEqualTo(id("WH1"));
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isZero();
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(2);
        assertThat(sourcing.historyOf(offered.orderId()).refused().get(io.omskit.core.order.LineId.of("L1")))
                .containsExactly(id("STORE"));
        assertThat(sourcing.resourceUnaccepted(10)).as("a warehouse has no limit; a second sweep finds nothing").isEmpty();
    }

    @Test
    void a_store_with_its_own_limit_is_held_to_it_and_an_accepted_fulfilment_is_never_taken_back() {
        inventory.load(sku("A"), id("MALL"), 4);
        Fulfilment atMall = placeAndSource("W-1");
        Fulfilment accepted = placeAndSource("W-2");
        assertThat(atMall.location()).isEqualTo(id("MALL"));
        oms.fulfilments().accept(accepted.id());

        clock.advance(Duration.ofMinutes(30));

        assertThat(oms.fulfilments().unacceptedInTime(10)).extracting(Fulfilment::id).containsExactly(atMall.id());
        assertThatThrownBy(() -> oms.fulfilments().rejectUnaccepted(accepted.id()))
                .isInstanceOf(IllegalFulfilmentTransitionException.class).hasMessageContaining("only an offered fulfilment");
        assertThat(oms.fulfilments().expireUnaccepted(10)).containsExactly(atMall.id());
        Order order = oms.order(atMall.orderId()).orElseThrow();
        assertThat(order.units(UnitState.OPEN)).as("without sourcing the units wait, open, for the next sourcing").isEqualTo(2);
        assertThat(oms.fulfilments().get(accepted.id()).status()).isEqualTo(FulfilmentStatus.ACCEPTED);
    }

    @Test
    void a_fulfilment_whose_time_has_not_run_out_is_not_taken_back() {
        inventory.load(sku("A"), id("STORE"), 2);
        Fulfilment offered = placeAndSource("W-1");
        clock.advance(Duration.ofMinutes(90));

        assertThatThrownBy(() -> oms.fulfilments().rejectUnaccepted(offered.id()))
                .isInstanceOf(IllegalFulfilmentTransitionException.class)
                .hasMessageContaining("may accept it until " + NOW.plus(Duration.ofHours(2)));
        assertThat(oms.fulfilments().get(offered.id()).status()).isEqualTo(FulfilmentStatus.OFFERED);
    }

    @Test
    void a_limit_that_is_not_positive_is_refused_when_wiring() {
        assertThatThrownBy(() -> Oms.builder().inMemory().acceptanceLimit(LocationType.STORE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acceptanceLimit must be positive");
    }
}
