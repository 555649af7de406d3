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
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;

/** Orders of an Oms sourced and re-sourced by staged rules through {@link OrderSourcing}. */
class StagedOrderSourcingTest {

    private final Network network = network(store("STORE", 0.1), warehouse("WH1", 2), warehouse("WH2", 4));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(CLOCK);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true));
    private final Oms oms = Oms.builder().inMemory().clock(CLOCK).network(network).catalog(catalog).inventory(inventory)
            .payments(new FakePaymentGateway()).build();
    private final SourcingEngine optimiser = SourcingEngine.builder().network(network).clock(CLOCK).inventory(inventory)
            .catalog(catalog).rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build();
    // warehouses only, the far one first: the optimiser would take the store, then WH1
    private final StagedEngine rules = StagedEngine.builder("warehouses-first", optimiser)
            .stage(Stage.named("warehouses").locationTypes(LocationType.WAREHOUSE)
                    .sort(StageSort.priority(List.of(id("WH2"), id("WH1")))).split(StageSplit.none()).build())
            .build();
    private final OrderSourcing sourcing = new OrderSourcing(oms, optimiser.routedBy(rules));

    @Test
    void sources_at_the_stage_choice_and_re_sources_a_rejection_to_the_next_ranked_location() {
        inventory.load(sku("A"), id("STORE"), 4);
        inventory.load(sku("A"), id("WH1"), 4);
        inventory.load(sku("A"), id("WH2"), 4);
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-1")
                .customer("c").currency("EUR").delivery(home()).line("L1", "A", 2, Money.of(CurrencyUnit.EUR, 10))
                .paymentRef("tok").build());

        sourcing.source(placed.order().id());
        Fulfilment first = oms.fulfilments().forOrder(placed.order().id()).get(0);
        ResourcingOutcome outcome = sourcing.reject(first.id(), first.units(), "flooded", "task-1");

        assertThat(first.location()).isEqualTo(id("WH2"));
        assertThat(outcome).isInstanceOf(ResourcingOutcome.Resourced.class);
        Fulfilment second = oms.fulfilments().forOrder(placed.order().id()).stream()
                .filter(f -> !f.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(second.location()).isEqualTo(id("WH1"));
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(2);
        assertThat(inventory.position(sku("A"), id("WH2")).allocated()).isZero();
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isZero();
        assertThat(oms.order(placed.order().id()).orElseThrow().units(UnitState.ALLOCATED)).isEqualTo(2);
    }
}
