package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent, a customer and store associates work on orders through customer service; the policy decides who may. */
class CustomerServiceTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 50).stock(MUG, STORE, 10);
    private final Actor customer1 = Actor.customer(CustomerRef.of("customer-1"));
    private final Actor agent = Actor.agent("agent-7");

    private Order webOrder(String ref, int mugs) {
        Order o = f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", mugs, eur(10)).build()).order();
        f.clock.advance(Duration.ofMinutes(1));
        return o;
    }

    private FulfilmentId allocateAtWarehouse(Order order, int mugs) {
        f.oms.allocate(order.id(), order.externalRef() + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), mugs)));
        return FulfilmentId.of(order.externalRef() + "-WH");
    }

    @Test
    void an_agent_finds_a_customers_orders_newest_first_page_by_page() {
        Order first = webOrder("w-1", 1);
        Order second = webOrder("w-2", 2);
        Order third = webOrder("w-3", 3);
        f.oms.placeOrder(f.pickupOrder("p-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).line("1", "MUG", 1, eur(10)).build());

        OrderPage page1 = f.oms.customerService().find(OrderQuery.all().customer(CustomerRef.of("customer-1")).limit(2));
        OrderPage page2 = f.oms.customerService().find(OrderQuery.all().customer(CustomerRef.of("customer-1")).limit(2)
                .after(page1.next()));

        assertThat(page1.orders()).extracting(Order::id).containsExactly(third.id(), second.id());
        assertThat(page2.orders()).extracting(Order::id).containsExactly(first.id());
        assertThat(page2.hasMore()).isFalse();
        assertThat(f.oms.customerService().find(OrderQuery.all().pickupStore(STORE)).orders())
                .extracting(o -> o.externalRef().value()).containsExactly("p-1");
        assertThat(f.oms.customerService().find(OrderQuery.all().status(OrderStatus.CONFIRMED).sku(MUG)).orders()).hasSize(4);
    }

    @Test
    void a_customer_cancels_their_order_before_preparation_and_the_event_names_them() {
        Order order = webOrder("c-1", 2);
        allocateAtWarehouse(order, 2);

        Acted<Order> acted = f.oms.customerService().cancelOrder(order.id(), customer1, CancellationReason.CUSTOMER_REQUEST);

        assertThat(acted.refused()).isFalse();
        assertThat(acted.get().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.events.events(OrderEvent.OrderUnitsCancelled.class)).last()
                .extracting(OrderEvent.OrderUnitsCancelled::actor).isEqualTo(customer1);
    }

    @Test
    void a_customer_may_not_cancel_once_picking_started_and_nothing_changes() {
        Order order = webOrder("c-2", 2);
        FulfilmentId fulfilment = allocateAtWarehouse(order, 2);
        f.oms.fulfilments().accept(fulfilment);
        f.oms.fulfilments().startPicking(fulfilment);
        Order before = f.oms.order(order.id()).orElseThrow();

        Acted<Order> acted = f.oms.customerService().cancelOrder(order.id(), customer1, CancellationReason.CUSTOMER_REQUEST);

        assertThat(acted.refused()).isTrue();
        assertThat(acted.verdict().rule()).isEqualTo(DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);
        assertThat(acted.verdict().reason()).contains(fulfilment.value()).contains("PICKING");
        assertThatThrownBy(acted::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);
        assertThat(f.oms.order(order.id())).contains(before);
        assertThat(f.oms.fulfilments().get(fulfilment).status()).isEqualTo(FulfilmentStatus.PICKING);
    }

    @Test
    void an_agent_may_cancel_what_a_customer_may_not_and_another_customer_may_not_cancel_at_all() {
        Order order = webOrder("c-3", 2);

        Acted<Order> stranger = f.oms.customerService().cancelOrder(order.id(), Actor.customer(CustomerRef.of("customer-9")),
                CancellationReason.CUSTOMER_REQUEST);
        Acted<Order> byAgent = f.oms.customerService().cancel(order.id(), agent, List.of(LineQuantity.of(LineId.of("1"), 1)),
                CancellationReason.CUSTOMER_REQUEST, "call-1");

        assertThat(stranger.verdict().rule()).isEqualTo(DefaultActionPolicy.OWN_ORDERS_ONLY);
        assertThat(byAgent.get().units(io.omskit.core.order.UnitState.CANCELLED)).isEqualTo(1);
        assertThat(f.events.events(OrderEvent.OrderUnitsCancelled.class)).singleElement()
                .extracting(OrderEvent.OrderUnitsCancelled::actor).isEqualTo(agent);
    }

    @Test
    void a_store_associate_acts_on_its_stores_fulfilments_only() {
        Order order = f.oms.placeOrder(f.pickupOrder("s-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 1, eur(10)).build()).order();
        f.oms.allocate(order.id(), "s-1-ST", STORE, List.of(LineQuantity.of(LineId.of("1"), 1)));
        FulfilmentId atStore = FulfilmentId.of("s-1-ST");
        Actor ownStore = Actor.storeAssociate("assoc-1", STORE);
        Actor otherStore = Actor.storeAssociate("assoc-2", io.omskit.core.network.LocationId.of("ST-9"));

        Acted<Fulfilment> refused = f.oms.customerService().accept(atStore, otherStore);
        assertThat(refused.verdict().rule()).isEqualTo(DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(f.oms.fulfilments().get(atStore).status()).isEqualTo(FulfilmentStatus.OFFERED);

        assertThat(f.oms.customerService().accept(atStore, ownStore).get().status()).isEqualTo(FulfilmentStatus.ACCEPTED);
        assertThat(f.oms.customerService().startPicking(atStore, ownStore).get().status()).isEqualTo(FulfilmentStatus.PICKING);
        assertThat(f.oms.customerService().pack(atStore, ownStore).get().status()).isEqualTo(FulfilmentStatus.READY_FOR_COLLECTION);
        assertThat(f.oms.customerService().collect(atStore, otherStore, STORE, "246810").verdict().rule())
                .isEqualTo(DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(f.oms.customerService().collect(atStore, ownStore, STORE, "246810").get().status())
                .isEqualTo(FulfilmentStatus.COLLECTED);
    }

    @Test
    void customers_and_agents_take_no_fulfilment_step() {
        Order order = webOrder("s-2", 1);
        FulfilmentId fulfilment = allocateAtWarehouse(order, 1);

        assertThat(f.oms.customerService().accept(fulfilment, customer1).verdict().rule())
                .isEqualTo(DefaultActionPolicy.STAFF_STEPS_ONLY);
        assertThat(f.oms.customerService().accept(fulfilment, agent).verdict().rule())
                .isEqualTo(DefaultActionPolicy.STAFF_STEPS_ONLY);
        assertThat(f.oms.customerService().accept(fulfilment, Actor.SYSTEM).get().status()).isEqualTo(FulfilmentStatus.ACCEPTED);
    }

    @Test
    void an_agent_notes_a_call_and_a_customer_may_not() {
        Order order = webOrder("n-1", 1);

        Order noted = f.oms.customerService().addNote(order.id(), agent, "Customer called: asks for delivery after 5 pm.\nOK.")
                .get();
        Acted<Order> byCustomer = f.oms.customerService().addNote(order.id(), customer1, "hello");

        assertThat(noted.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(agent);
            assertThat(n.text()).startsWith("Customer called");
            assertThat(n.addedAt()).isEqualTo(f.clock.instant());
        });
        assertThat(byCustomer.verdict().rule()).isEqualTo(DefaultActionPolicy.STAFF_NOTES_ONLY);
        assertThat(f.oms.order(order.id()).orElseThrow().notes()).hasSize(1);
    }

    @Test
    void a_bad_note_is_refused_naming_the_field_before_anything_changes() {
        Order order = webOrder("n-2", 1);
        long version = f.oms.order(order.id()).orElseThrow().version();

        assertThatThrownBy(() -> f.oms.customerService().addNote(order.id(), agent, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note");
        assertThatThrownBy(() -> f.oms.customerService().addNote(order.id(), agent, "x".repeat(2001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note").hasMessageContaining("2000");
        assertThatThrownBy(() -> f.oms.customerService().addNote(order.id(), agent, "bell\u0007"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThat(f.oms.order(order.id()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void an_agent_refunds_up_to_the_limit() {
        Order order = webOrder("r-1", 1);

        assertThat(f.oms.customerService().mayRefund(order.id(), agent, eur(50)).allowed()).isTrue();
        assertThat(f.oms.customerService().mayRefund(order.id(), agent, eur(50.01)).rule())
                .isEqualTo(DefaultActionPolicy.AGENT_REFUND_LIMIT);
    }
}
