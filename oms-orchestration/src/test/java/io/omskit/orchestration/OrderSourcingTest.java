package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Sourcing an OMS order end to end: plan, allocate against its reservation, record fulfilments, re-source rejections. */
class OrderSourcingTest {

    private final Network network = network(store("STORE", 0.1), warehouse("WH1", 2), warehouse("WH2", 4));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(CLOCK);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true))
            .put(SkuAttributes.of(sku("B"), "B", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true))
            .put(new SkuAttributes(sku("SET"), "Set", "c", 300, Dimensions.ofMillimetres(20, 20, 20), true,
                    List.of(new BundleComponent(sku("A"), 2), new BundleComponent(sku("B"), 1))));
    private final Oms oms = Oms.builder().inMemory().clock(CLOCK).network(network).catalog(catalog).inventory(inventory)
            .payments(new FakePaymentGateway()).build();

    private OrderSourcing sourcing(ResourcingPolicy policy) {
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(CLOCK).inventory(inventory).catalog(catalog)
                .resourcing(policy).rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build();
        return new OrderSourcing(oms, engine);
    }

    private Order place(String ref, String sku, int quantity) {
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c")
                .currency("EUR").delivery(home()).line("L1", sku, quantity, Money.of(CurrencyUnit.EUR, 10)).paymentRef("tok").build());
        assertThat(placed.isConfirmed()).isTrue();
        return placed.order();
    }

    @Test
    void sources_a_confirmed_order_from_its_reservation_and_records_the_fulfilment() {
        inventory.load(sku("A"), id("STORE"), 5);
        inventory.load(sku("A"), id("WH1"), 5);
        Order order = place("W-1", "A", 3);
        assertThat(inventory.networkReserved(sku("A"))).isEqualTo(3);

        SourcingResult result = sourcing(ResourcingPolicy.standard()).source(order.id());

        assertThat(result).isInstanceOf(SourcingResult.Allocated.class);
        Order sourced = oms.order(order.id()).orElseThrow();
        assertThat(sourced.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(sourced.allocations()).singleElement().satisfies(a -> {
            assertThat(a.location()).isEqualTo(id("STORE"));
            assertThat(a.allocated()).isEqualTo(3);
        });
        assertThat(inventory.networkReserved(sku("A"))).isZero();
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isEqualTo(3);
    }

    @Test
    void reroutes_rejected_units_and_keeps_order_and_stock_in_step() {
        inventory.load(sku("A"), id("STORE"), 5);
        inventory.load(sku("A"), id("WH1"), 5);
        Order order = place("W-2", "A", 3);
        OrderSourcing sourcing = sourcing(ResourcingPolicy.standard());
        sourcing.source(order.id());
        String storeFulfilment = oms.order(order.id()).orElseThrow().allocations().get(0).allocationKey();

        ResourcingOutcome outcome = sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of(storeFulfilment), List.of(LineQuantity.of(LineId.of("L1"), 3)),
                "no staff today");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.Resourced.class);
        Order after = oms.order(order.id()).orElseThrow();
        assertThat(after.allocations()).extracting(LineAllocation::location).containsExactly(id("WH1"));
        assertThat(after.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isZero();
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(3);
    }

    @Test
    void cancels_units_no_location_will_take_when_the_policy_says_so() {
        inventory.load(sku("A"), id("STORE"), 5);
        Order order = place("W-3", "A", 2);
        OrderSourcing sourcing = sourcing(new ResourcingPolicy(1, ResourcingPolicy.Action.CANCEL));
        sourcing.source(order.id());
        String key = oms.order(order.id()).orElseThrow().allocations().get(0).allocationKey();

        ResourcingOutcome outcome = sourcing.reject(io.omskit.core.fulfilment.FulfilmentId.of(key), List.of(LineQuantity.of(LineId.of("L1"), 2)), "damaged");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.GaveUp.class);
        Order after = oms.order(order.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.allocations()).isEmpty();
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isZero();
    }

    @Test
    void a_bundle_line_is_recorded_in_bundles_not_components() {
        inventory.load(sku("A"), id("WH1"), 10);
        inventory.load(sku("B"), id("WH1"), 10);
        Order order = place("W-4", "SET", 2);

        sourcing(ResourcingPolicy.standard()).source(order.id());

        Order after = oms.order(order.id()).orElseThrow();
        assertThat(after.allocations()).singleElement().satisfies(a -> assertThat(a.allocated()).isEqualTo(2));
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(4);
        assertThat(inventory.position(sku("B"), id("WH1")).allocated()).isEqualTo(2);
    }
}
