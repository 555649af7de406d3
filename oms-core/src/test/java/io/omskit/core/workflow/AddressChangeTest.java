package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.permission.DefaultActionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer moved: the delivery address of a web order of 2 mugs to Berlin is changed to Hamburg before the goods are
 * picked; once a fulfilment is picking the change is refused naming the rule, and nothing changes.
 */
class AddressChangeTest {

    private static final Address HAMBURG = new Address("A. Person", "Harbour Road 5", null, "Hamburg", "20095", "DE",
            GeoPoint.of(53.55, 9.99));

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 50);
    private final Actor agent = Actor.agent("agent-7");
    private final Actor customer1 = Actor.customer(CustomerRef.of("customer-1"));
    private final CustomerService cs = f.oms.customerService();

    private Order webOrder(String ref) {
        return f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", 2, eur(10)).build()).order();
    }

    private FulfilmentId allocate(Order order) {
        f.oms.allocate(order.id(), order.externalRef().value() + "-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        return FulfilmentId.of(order.externalRef().value() + "-WH");
    }

    @Test
    void the_customer_changes_the_address_of_an_accepted_fulfilment_and_the_timeline_shows_it_without_the_address() {
        Order order = webOrder("a-1");
        FulfilmentId fulfilment = allocate(order);
        f.oms.fulfilments().accept(fulfilment);

        Acted<Order> acted = cs.changeAddress(order.id(), customer1, HAMBURG, "move-1");

        assertThat(acted.refused()).isFalse();
        assertThat(acted.get().delivery().address()).isEqualTo(HAMBURG);
        assertThat(acted.get().delivery().method()).isEqualTo(order.delivery().method());
        assertThat(acted.get().delivery().promised()).isEqualTo(order.delivery().promised());
        assertThat(f.oms.order(order.id()).orElseThrow().delivery().address()).isEqualTo(HAMBURG);
        assertThat(f.oms.fulfilments().get(fulfilment).status()).isEqualTo(FulfilmentStatus.ACCEPTED);
        assertThat(f.events.events(OrderEvent.OrderAddressChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(customer1));
        assertThat(cs.timeline(order.id()).ofKind("order.address-changed")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(customer1);
            assertThat(e.text()).contains("DE").doesNotContain("Hamburg").doesNotContain("Harbour").doesNotContain("20095");
        });
    }

    @Test
    void once_a_fulfilment_is_picking_the_change_is_refused_naming_the_rule_and_nothing_changes() {
        Order order = webOrder("a-2");
        FulfilmentId fulfilment = allocate(order);
        f.oms.fulfilments().accept(fulfilment);
        f.oms.fulfilments().startPicking(fulfilment);
        Order before = f.oms.order(order.id()).orElseThrow();

        Acted<Order> byAgent = cs.changeAddress(order.id(), agent, HAMBURG, "move-2");

        assertThat(byAgent.refused()).isTrue();
        assertThat(byAgent.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
        assertThat(byAgent.verdict().reason()).contains(fulfilment.value()).contains("PICKING");
        assertThat(f.oms.order(order.id())).contains(before);
        assertThat(f.events.events(OrderEvent.OrderAddressChanged.class)).isEmpty();
    }

    @Test
    void another_customer_may_not_change_it_and_a_collected_or_cancelled_order_has_no_address_to_change() {
        Order order = webOrder("a-3");
        Order pickup = f.oms.placeOrder(f.pickupOrder("a-4", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 1, eur(10)).build()).order();
        Order cancelled = webOrder("a-5");
        f.oms.cancelOrder(cancelled.id(), CancellationReason.CUSTOMER_REQUEST);

        Acted<Order> stranger = cs.changeAddress(order.id(), Actor.customer(CustomerRef.of("customer-9")), HAMBURG, "m-3");
        Acted<Order> collected = cs.changeAddress(pickup.id(), agent, HAMBURG, "m-4");
        Acted<Order> closed = cs.changeAddress(cancelled.id(), agent, HAMBURG, "m-5");

        assertThat(stranger.verdict().rule()).isEqualTo(DefaultActionPolicy.OWN_ORDERS_ONLY);
        assertThat(collected.verdict().rule()).isEqualTo(CustomerService.ADDRESS_OF_OPEN_HOME_DELIVERY);
        assertThat(collected.verdict().reason()).contains("EXPRESS_CLICK_AND_COLLECT");
        assertThat(closed.verdict().rule()).isEqualTo(CustomerService.ADDRESS_OF_OPEN_HOME_DELIVERY);
        assertThat(closed.verdict().reason()).contains("cancelled");
        assertThat(f.oms.order(order.id())).contains(order);
    }

    @Test
    void the_same_change_key_changes_once() {
        Order order = webOrder("a-6");

        Order first = cs.changeAddress(order.id(), agent, HAMBURG, "move-6").get();
        Order again = cs.changeAddress(order.id(), agent, HAMBURG, "move-6").get();

        assertThat(again).isEqualTo(first);
        assertThat(f.events.events(OrderEvent.OrderAddressChanged.class)).hasSize(1);
    }

    @Test
    void a_bad_address_is_refused_naming_the_field_with_the_value_masked_before_anything_changes() {
        Order order = webOrder("a-7");
        Address noCity = new Address("A. Person", "Harbour Road 5", null, " ", "20095", "XX", null);

        assertThatThrownBy(() -> cs.changeAddress(order.id(), agent, noCity, "move-7"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("delivery.address.city").hasMessageContaining("delivery.address.countryCode")
                .hasMessageNotContaining("Harbour");
        assertThatThrownBy(() -> cs.changeAddress(order.id(), agent, null, "move-7")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("delivery.address");
        assertThat(f.oms.order(order.id())).contains(order);
    }

    @Test
    void the_event_reads_back_from_json_as_it_was_written() throws Exception {
        Order order = webOrder("a-8");
        cs.changeAddress(order.id(), agent, HAMBURG, "json-1");
        com.fasterxml.jackson.databind.ObjectMapper mapper = io.omskit.core.jackson.OmsJson.newMapper();

        assertThat(f.events.events(OrderEvent.OrderAddressChanged.class)).isNotEmpty().allSatisfy(e ->
                assertThat(mapper.readValue(mapper.writeValueAsString(e), OrderEvent.class)).isEqualTo(e));
    }
}
