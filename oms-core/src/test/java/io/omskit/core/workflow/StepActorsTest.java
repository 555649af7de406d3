package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.PlacementResult;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.timeline.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who did each step: a store associate accepts, picks, packs and hands over a click and collect order, and the
 * timeline names them at each step instead of "system"; an agent taking an order on the phone is shown as who placed
 * it.
 */
class StepActorsTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, STORE, 10);
    private final CustomerService cs = f.oms.customerService();
    private final Actor associate = Actor.storeAssociate("assoc-3", STORE);

    @Test
    void the_timeline_names_the_associate_at_accept_pick_pack_and_collect() {
        Order order = f.oms.placeOrder(f.pickupOrder("c-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 2, eur(10)).build()).order();
        f.oms.allocate(order.id(), "c-1-ST", STORE, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId id = FulfilmentId.of("c-1-ST");

        cs.accept(id, associate).get();
        cs.startPicking(id, associate).get();
        cs.pack(id, associate).get();
        cs.collect(id, associate, STORE, "246810").get();

        Timeline story = cs.timeline(order.id());
        for (String kind : List.of("fulfilment.accepted", "fulfilment.picking-started", "fulfilment.packed",
                "fulfilment.collected")) {
            assertThat(story.ofKind(kind)).as(kind).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(associate));
        }
        assertThat(f.events.events(FulfilmentEvent.FulfilmentCollected.class)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(associate));
    }

    @Test
    void a_step_without_an_actor_is_the_systems_and_an_event_stored_before_actors_reads_back_as_the_systems() throws Exception {
        Order order = f.oms.placeOrder(f.pickupOrder("c-2", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 1, eur(10)).build()).order();
        f.oms.allocate(order.id(), "c-2-ST", STORE, List.of(LineQuantity.of(LineId.of("1"), 1)));
        f.oms.fulfilments().accept(FulfilmentId.of("c-2-ST"));

        assertThat(cs.timeline(order.id()).ofKind("fulfilment.accepted")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.SYSTEM));
        com.fasterxml.jackson.databind.ObjectMapper json = io.omskit.core.jackson.OmsJson.newMapper();
        FulfilmentEvent accepted = f.events.events(FulfilmentEvent.FulfilmentAccepted.class).get(0);
        String written = json.writeValueAsString(accepted);
        String withoutActor = written.replaceAll(",?\"actor\":\\{[^}]*\\}", "");
        assertThat(withoutActor).doesNotContain("actor");
        assertThat(json.readValue(withoutActor, FulfilmentEvent.class)).isEqualTo(accepted);
    }

    @Test
    void an_agent_taking_a_phone_order_is_shown_as_who_placed_it() throws Exception {
        Actor agent = Actor.agent("agent-7");
        PlacementResult placed = cs.placeOrder(f.webOrder("CC-1").channel(Channel.CONTACT_CENTRE)
                .line("1", "MUG", 1, eur(10)).build(), agent);

        assertThat(placed.order().channel()).isEqualTo(Channel.CONTACT_CENTRE);
        assertThat(cs.timeline(placed.order().id()).ofKind("order.placed")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(agent));
        OrderEvent.OrderPlaced byAgent = f.events.events(OrderEvent.OrderPlaced.class).get(0);
        assertThat(byAgent.placedBy()).isEqualTo(agent);
        com.fasterxml.jackson.databind.ObjectMapper json = io.omskit.core.jackson.OmsJson.newMapper();
        assertThat(json.readValue(json.writeValueAsString(byAgent), OrderEvent.class)).isEqualTo(byAgent);

        Order web = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(10)).build()).order();
        assertThat(cs.timeline(web.id()).ofKind("order.placed")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.customer(CustomerRef.of("customer-1"))));
    }

    @Test
    void an_agent_placing_a_web_order_or_a_customer_placing_through_the_agents_door_is_refused_naming_the_field() {
        assertThatThrownBy(() -> cs.placeOrder(f.webOrder("CC-2").line("1", "MUG", 1, eur(10)).build(), Actor.agent("a-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request.channel must be CONTACT_CENTRE").hasMessageContaining("WEB");
        assertThatThrownBy(() -> cs.placeOrder(f.webOrder("CC-3").channel(Channel.CONTACT_CENTRE)
                .line("1", "MUG", 1, eur(10)).build(), Actor.customer(CustomerRef.of("customer-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent must be an AGENT")
                .hasMessageContaining("CUSTOMER");
        assertThat(f.orders.search(io.omskit.core.spi.OrderQuery.all()).orders()).isEmpty();
    }
}
