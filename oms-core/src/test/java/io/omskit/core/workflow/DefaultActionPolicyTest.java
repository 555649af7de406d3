package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.permission.Verdict;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Each default rule of who may do what: one case it refuses, one it allows. */
class DefaultActionPolicyTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20).stock(MUG, STORE, 20);
    private final DefaultActionPolicy policy = DefaultActionPolicy.withAgentRefundLimit(eur(25));
    private final Actor customer1 = Actor.customer(CustomerRef.of("customer-1"));
    private final Actor customer2 = Actor.customer(CustomerRef.of("customer-2"));
    private final Actor agent = Actor.agent("agent-1");
    private final Actor storeAssociate = Actor.storeAssociate("assoc-1", STORE);
    private final Actor otherStoreAssociate = Actor.storeAssociate("assoc-9", LocationId.of("ST-9"));

    private Order webOrder(String ref) {
        return f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", 1, eur(10)).build()).order();
    }

    private Order pickupOrderAllocatedAtStore(String ref) {
        Order o = f.oms.placeOrder(f.pickupOrder(ref, DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).line("1", "MUG", 1, eur(10))
                .build()).order();
        f.oms.allocate(o.id(), ref + "-ST", STORE, List.of(LineQuantity.of(LineId.of("1"), 1)));
        return f.oms.order(o.id()).orElseThrow();
    }

    private Fulfilment atWarehouse(Order order) {
        f.oms.allocate(order.id(), order.externalRef() + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 1)));
        return f.oms.fulfilments().get(FulfilmentId.of(order.externalRef() + "-WH"));
    }

    private static void refusedBy(Verdict verdict, String rule) {
        assertThat(verdict.refused()).as("refused: %s", verdict).isTrue();
        assertThat(verdict.rule()).isEqualTo(rule);
        assertThat(verdict.reason()).isNotBlank();
    }

    @Test
    void a_customer_cancels_before_picking_but_not_from_picking_on() {
        Order order = webOrder("p-1");
        Fulfilment offered = atWarehouse(order);
        assertThat(policy.mayCancel(customer1, order, List.of(offered)).allowed()).isTrue();

        f.oms.fulfilments().accept(offered.id());
        assertThat(policy.mayCancel(customer1, order, f.oms.fulfilments().forOrder(order.id())).allowed()).isTrue();
        f.oms.fulfilments().startPicking(offered.id());

        refusedBy(policy.mayCancel(customer1, order, f.oms.fulfilments().forOrder(order.id())),
                DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);
        assertThat(policy.mayCancel(agent, order, f.oms.fulfilments().forOrder(order.id())).allowed()).isTrue();
    }

    @Test
    void a_customer_acts_on_their_own_orders_only() {
        Order order = webOrder("p-2");

        refusedBy(policy.mayCancel(customer2, order, List.of()), DefaultActionPolicy.OWN_ORDERS_ONLY);
        assertThat(policy.mayCancel(customer1, order, List.of()).allowed()).isTrue();
    }

    @Test
    void an_agent_refunds_up_to_the_limit_and_not_in_another_currency() {
        Order order = webOrder("p-3");

        assertThat(policy.mayRefund(agent, order, eur(25)).allowed()).isTrue();
        refusedBy(policy.mayRefund(agent, order, eur(25.01)), DefaultActionPolicy.AGENT_REFUND_LIMIT);
        refusedBy(policy.mayRefund(agent, order, Money.of(CurrencyUnit.GBP, 1)), DefaultActionPolicy.AGENT_REFUND_LIMIT);
        assertThat(policy.mayRefund(Actor.SYSTEM, order, eur(1000)).allowed()).isTrue();
    }

    @Test
    void only_agents_refund() {
        Order order = webOrder("p-4");

        refusedBy(policy.mayRefund(customer1, order, eur(1)), DefaultActionPolicy.STAFF_REFUNDS_ONLY);
        refusedBy(policy.mayRefund(storeAssociate, order, eur(1)), DefaultActionPolicy.STAFF_REFUNDS_ONLY);
        assertThat(policy.mayRefund(agent, order, eur(1)).allowed()).isTrue();
    }

    @Test
    void a_store_associate_acts_on_its_stores_fulfilments_only() {
        Order atStore = pickupOrderAllocatedAtStore("p-5");
        Fulfilment storeFulfilment = f.oms.fulfilments().forOrder(atStore.id()).get(0);
        Fulfilment warehouseFulfilment = atWarehouse(webOrder("p-6"));

        assertThat(policy.mayActOn(storeAssociate, storeFulfilment, FulfilmentCommand.ACCEPT).allowed()).isTrue();
        refusedBy(policy.mayActOn(otherStoreAssociate, storeFulfilment, FulfilmentCommand.ACCEPT), DefaultActionPolicy.OWN_STORE_ONLY);
        refusedBy(policy.mayActOn(storeAssociate, warehouseFulfilment, FulfilmentCommand.PACK), DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(policy.mayCancel(storeAssociate, atStore, List.of(storeFulfilment)).allowed()).isTrue();
        refusedBy(policy.mayCancel(otherStoreAssociate, atStore, List.of(storeFulfilment)), DefaultActionPolicy.OWN_STORE_ONLY);
        refusedBy(policy.mayCancel(storeAssociate, atStore, List.of(storeFulfilment, warehouseFulfilment)),
                DefaultActionPolicy.OWN_STORE_ONLY);
    }

    @Test
    void customers_and_agents_take_no_fulfilment_steps_the_system_does() {
        Fulfilment fulfilment = atWarehouse(webOrder("p-7"));

        refusedBy(policy.mayActOn(customer1, fulfilment, FulfilmentCommand.ACCEPT), DefaultActionPolicy.STAFF_STEPS_ONLY);
        refusedBy(policy.mayActOn(agent, fulfilment, FulfilmentCommand.CANCEL), DefaultActionPolicy.STAFF_STEPS_ONLY);
        assertThat(policy.mayActOn(Actor.SYSTEM, fulfilment, FulfilmentCommand.CANCEL).allowed()).isTrue();
    }

    @Test
    void staff_write_notes_customers_do_not() {
        Order order = webOrder("p-8");

        refusedBy(policy.mayAddNote(customer1, order), DefaultActionPolicy.STAFF_NOTES_ONLY);
        assertThat(policy.mayAddNote(agent, order).allowed()).isTrue();
        assertThat(policy.mayAddNote(storeAssociate, order).allowed()).isTrue();
    }

    @Test
    void bad_actors_and_limits_are_refused_naming_the_field() {
        assertThatThrownBy(() -> DefaultActionPolicy.withAgentRefundLimit(eur(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentRefundLimit");
        assertThatThrownBy(() -> new Actor(Actor.Kind.STORE_ASSOCIATE, "assoc", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor.store");
        assertThatThrownBy(() -> new Actor(Actor.Kind.AGENT, "agent", STORE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor.store");
        assertThatThrownBy(() -> Actor.agent(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor.id");
    }

    @Test
    void a_parcel_is_shipped_again_by_staff_only_and_by_a_store_only_when_it_left_that_store() {
        Order order = webOrder("p-reship");
        Fulfilment fromWarehouse = atWarehouse(order);
        Actor warehouseAssociate = Actor.storeAssociate("assoc-2", WH);

        refusedBy(policy.mayReship(customer1, order, fromWarehouse), DefaultActionPolicy.STAFF_RESHIPS_ONLY);
        refusedBy(policy.mayReship(storeAssociate, order, fromWarehouse), DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(policy.mayReship(warehouseAssociate, order, fromWarehouse).allowed()).isTrue();
        assertThat(policy.mayReship(agent, order, fromWarehouse).allowed()).isTrue();
        assertThat(policy.mayReship(Actor.SYSTEM, order, fromWarehouse).allowed()).isTrue();
        io.omskit.core.permission.ActionPolicy hostPolicy = new io.omskit.core.permission.ActionPolicy() {
            public Verdict mayCancel(Actor a, Order o, List<Fulfilment> fs) { return Verdict.allow(); }
            public Verdict mayRefund(Actor a, Order o, Money m) { return Verdict.allow(); }
            public Verdict mayActOn(Actor a, Fulfilment x, FulfilmentCommand c) { return Verdict.allow(); }
            public Verdict mayAddNote(Actor a, Order o) { return Verdict.allow(); }
        };
        refusedBy(hostPolicy.mayReship(customer1, order, fromWarehouse), DefaultActionPolicy.STAFF_RESHIPS_ONLY);
    }
}
