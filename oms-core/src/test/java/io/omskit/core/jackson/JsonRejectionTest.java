package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderLine;
import io.omskit.core.payment.PaymentSummary;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class JsonRejectionTest {

    private final ObjectMapper mapper = OmsJson.newMapper();
    private final ObjectMapper strict = OmsJson.newStrictMapper();

    private ObjectNode placedEventTree() {
        return mapper.valueToTree(JsonFixtures.history().events().get(0));
    }

    @Test
    void refuses_a_java_class_name_as_type_name() {
        ObjectNode event = placedEventTree();
        event.put("type", OrderEvent.OrderPlaced.class.getName());
        assertThatThrownBy(() -> mapper.treeToValue(event, OrderEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Unknown type name 'io.omskit.core.order.OrderEvent$OrderPlaced'")
                .hasMessageContaining("never resolves class names")
                .hasMessageContaining("order.placed");
        event.put("type", "java.util.HashMap");
        assertThatThrownBy(() -> mapper.treeToValue(event, DomainEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("never resolves class names");
    }

    @Test
    void refuses_a_class_property_in_place_of_the_type_name() {
        ObjectNode event = placedEventTree();
        event.remove("type");
        event.put("@class", OrderEvent.OrderPlaced.class.getName());
        assertThatThrownBy(() -> mapper.treeToValue(event, OrderEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Missing type name property 'type' for OrderEvent")
                .hasMessageContaining("'@class' are never read");
    }

    @Test
    void refuses_an_unknown_type_name_and_lists_the_known_ones() {
        ObjectNode event = placedEventTree();
        event.put("type", "order.teleported");
        assertThatThrownBy(() -> mapper.treeToValue(event, OrderEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Unknown type name 'order.teleported' for OrderEvent")
                .hasMessageNotContaining("class name")
                .hasMessageContaining("order.units-moved");
    }

    @Test
    void refuses_a_type_name_of_another_family() {
        ObjectNode event = placedEventTree();
        event.put("type", "inventory.stock-moved");
        assertThatThrownBy(() -> mapper.treeToValue(event, OrderEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Unknown type name 'inventory.stock-moved' for OrderEvent");
        event.put("type", "order.placed");
        assertThatThrownBy(() -> mapper.treeToValue(event, InventoryEvent.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void reports_the_constructor_validation_message_of_an_invalid_value() {
        String position = "{\"sku\":\"SKU-1\",\"location\":\"WH-1\",\"onHand\":-1,\"reserved\":0,\"allocated\":0,"
                + "\"safetyStock\":0,\"inbound\":0,\"returnsInTransit\":0,\"quarantine\":0}";
        assertThatThrownBy(() -> mapper.readValue(position, StockPosition.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("onHand must be >= 0, was -1");
        assertThatThrownBy(() -> mapper.readValue("\"   \"", Sku.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("sku must not be blank, was '   '");
        ObjectNode order = mapper.valueToTree(JsonFixtures.history().state());
        ((ObjectNode) order.withArray("lines").get(0)).put("quantity", 7);
        assertThatThrownBy(() -> mapper.treeToValue(order, Order.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("units of line L1 must add up to quantity 7");
    }

    @Test
    void refuses_malformed_money() {
        assertThatThrownBy(() -> mapper.readValue("{\"currency\":\"EUR\",\"amount\":\"12.345\"}", Money.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("at most 2 decimal places in EUR");
        assertThatThrownBy(() -> mapper.readValue("{\"currency\":\"EURO\",\"amount\":\"1\"}", Money.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> mapper.readValue("{\"currency\":\"EUR\",\"amount\":\"twelve\"}", Money.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("decimal number");
        assertThatThrownBy(() -> mapper.readValue("{\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("both 'currency' and 'amount'");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"order.confirmed\",\"eventId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"orderId\":\"O-1\",\"occurredAt\":\"2024-01-01T00:00:00Z\"}", OrderEvent.class))
                .as("a missing primitive is not read as zero")
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("version");
    }

    @Test
    void a_network_with_duplicate_location_ids_is_refused() throws Exception {
        Network network = JsonFixtures.network();
        ObjectNode tree = mapper.valueToTree(network);
        tree.withArray("locations").add(tree.withArray("locations").get(0).deepCopy());
        assertThatThrownBy(() -> mapper.treeToValue(tree, Network.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("locations must have unique ids, WH-1 appears twice");
        assertThatThrownBy(() -> mapper.readValue("{}", Network.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("locations");
    }

    @Test
    void the_tolerant_mapper_ignores_unknown_properties_and_the_strict_one_refuses_them() throws Exception {
        OrderEvent original = JsonFixtures.history().events().get(0);
        ObjectNode event = mapper.valueToTree(original);
        event.put("addedInVersion2", "whatever");
        ((ObjectNode) event.get("order")).putObject("loyalty").put("points", 12);
        ((ObjectNode) event.get("order").withArray("lines").get(0).get("unitPrice")).put("note", "x");
        OrderEvent read = mapper.treeToValue(event, OrderEvent.class);
        assertThat(read).isEqualTo(original);
        assertThatThrownBy(() -> strict.treeToValue(event, OrderEvent.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("Unrecognized field");
    }

    @Test
    void refuses_duplicate_property_names() {
        String json = "{\"sku\":\"A\",\"sku\":\"B\",\"quantity\":1}";
        assertThatThrownBy(() -> mapper.readValue(json, io.omskit.core.catalog.BundleComponent.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'sku'");
    }

    @Test
    void never_writes_helper_methods_as_properties() {
        ObjectNode bundle = mapper.valueToTree(JsonFixtures.bundle());
        assertThat(bundle.has("bundle")).isFalse();
        ObjectNode order = mapper.valueToTree(JsonFixtures.history().state());
        assertThat(order.has("onHold")).isFalse();
        ObjectNode summary = mapper.valueToTree(PaymentSummary.none(org.joda.money.CurrencyUnit.EUR));
        assertThat(summary.fieldNames()).toIterable()
                .containsExactly("status", "attempt", "authorisationRef", "authorised", "captured", "refunded", "message", "intents");
        OrderLine line = JsonFixtures.history().state().lines().get(0);
        assertThat(((ObjectNode) mapper.valueToTree(line)).fieldNames()).toIterable()
                .containsExactly("id", "sku", "quantity", "unitPrice", "discounts", "seller", "units");
    }
}
