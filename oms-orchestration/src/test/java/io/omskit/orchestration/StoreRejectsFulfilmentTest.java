package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineAllocation;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.orchestration.rules.ShippingCost;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.UnitState;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;

/**
 * A store short-picks or rejects its fulfilment: the refused units go back to the order and are sourced elsewhere, the
 * location is excluded for them, and that history is kept with the fulfilments so a restart continues it.
 */
class StoreRejectsFulfilmentTest {

    private final Network network = network(store("STORE", 0.1), warehouse("WH1", 2), warehouse("WH2", 4));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(CLOCK);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true));
    private final Oms oms = Oms.builder().inMemory().clock(CLOCK).network(network).catalog(catalog).inventory(inventory)
            .payments(new FakePaymentGateway()).build();

    private OrderSourcing sourcing(ResourcingPolicy policy) {
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).inventory(inventory).catalog(catalog)
                .resourcing(policy).rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build();
        return new OrderSourcing(oms, engine);
    }

    private Order placeAndSource(OrderSourcing sourcing) {
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-1").customer("c")
                .currency("EUR").delivery(home()).line("L1", "A", 4, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok").build());
        assertThat(placed.isConfirmed()).isTrue();
        sourcing.source(placed.order().id());
        return oms.order(placed.order().id()).orElseThrow();
    }

    @Test
    void reroutes_the_short_picked_units_and_the_store_ships_the_rest() {
        inventory.load(sku("A"), id("STORE"), 4);
        inventory.load(sku("A"), id("WH1"), 10);
        OrderSourcing sourcing = sourcing(ResourcingPolicy.standard());
        Order order = placeAndSource(sourcing);
        Fulfilment atStore = oms.fulfilments().forOrder(order.id()).get(0);
        assertThat(atStore.location()).isEqualTo(id("STORE"));
        oms.fulfilments().accept(atStore.id());
        oms.fulfilments().startPicking(atStore.id());

        ResourcingOutcome outcome = sourcing.reject(atStore.id(), List.of(LineQuantity.of(LineId.of("L1"), 1)),
                "one mug broken", "pick-task-7");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.Resourced.class);
        Fulfilment shortPicked = oms.fulfilments().get(atStore.id());
        assertThat(shortPicked.status()).as("a short pick is a part rejection").isEqualTo(FulfilmentStatus.PICKING);
        assertThat(shortPicked.lines().get(0).quantity()).isEqualTo(3);
        assertThat(shortPicked.lines().get(0).rejected()).isEqualTo(1);
        List<Fulfilment> all = oms.fulfilments().forOrder(order.id());
        assertThat(all).hasSize(2);
        Fulfilment rerouted = all.stream().filter(x -> !x.id().equals(atStore.id())).findFirst().orElseThrow();
        assertThat(rerouted.location()).isEqualTo(id("WH1"));
        assertThat(rerouted.units()).containsExactly(LineQuantity.of(LineId.of("L1"), 1));
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isEqualTo(3);
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(1);
        assertThat(oms.order(order.id()).orElseThrow().units(UnitState.ALLOCATED)).isEqualTo(4);
    }

    @Test
    void the_history_survives_a_restart_and_the_policy_gives_up_after_its_attempts() {
        inventory.load(sku("A"), id("STORE"), 4);
        inventory.load(sku("A"), id("WH1"), 4);
        Order order = placeAndSource(sourcing(new ResourcingPolicy(1, ResourcingPolicy.Action.BACKORDER)));
        Fulfilment first = oms.fulfilments().forOrder(order.id()).get(0);
        sourcing(new ResourcingPolicy(1, ResourcingPolicy.Action.BACKORDER))
                .reject(first.id(), first.units(), "closed for inventory", "r-1");

        // a new process: nothing kept in memory, the history comes from the fulfilments
        OrderSourcing restarted = sourcing(new ResourcingPolicy(1, ResourcingPolicy.Action.BACKORDER));
        assertThat(restarted.historyOf(order.id()).attempts()).isEqualTo(1);
        assertThat(restarted.historyOf(order.id()).refused().get(LineId.of("L1"))).containsExactly(first.location());
        Fulfilment second = oms.fulfilments().forOrder(order.id()).stream().filter(x -> !x.id().equals(first.id()))
                .findFirst().orElseThrow();
        assertThat(second.location()).isNotEqualTo(first.location());

        ResourcingOutcome outcome = restarted.reject(second.id(), second.units(), "no staff", "r-2");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.GaveUp.class);
        assertThat(outcome.history().attempts()).isEqualTo(2);
        Order after = oms.order(order.id()).orElseThrow();
        assertThat(after.units(UnitState.OPEN)).as("backordered: open, waiting for stock").isEqualTo(4);
        assertThat(inventory.position(sku("A"), first.location()).allocated()).isZero();
        assertThat(inventory.position(sku("A"), second.location()).allocated()).isZero();
    }

    @Test
    void a_rejection_of_more_than_the_fulfilment_holds_is_refused_and_changes_nothing() {
        inventory.load(sku("A"), id("STORE"), 4);
        OrderSourcing sourcing = sourcing(ResourcingPolicy.standard());
        Order order = placeAndSource(sourcing);
        Fulfilment f = oms.fulfilments().forOrder(order.id()).get(0);

        assertThatThrownBy(() -> sourcing.reject(f.id(), List.of(LineQuantity.of(LineId.of("L1"), 5)), "?", "r-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("units of line L1 must be <= the 4 unit(s) fulfilment " + f.id() + " still holds, was 5");
        assertThatThrownBy(() -> sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of("nope"), f.units(), "?", "r-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fulfilmentId nope is not a known fulfilment");
        assertThat(oms.fulfilments().get(f.id())).isEqualTo(f);
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isEqualTo(4);
    }
}
