package io.omskit.testkit.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.jackson.OmsJson;
import io.omskit.testkit.arbitraries.OmsArbitraries;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the JSON reader refuses, and how it says so. */
class JsonRejectionProperties {

    private static final ObjectMapper MAPPER = OmsJson.newMapper();
    private static final Set<String> KNOWN = Set.copyOf(new OmsJacksonModule().typeNames().values());

    @Provide
    Arbitrary<DomainEvent> events() {
        return OmsArbitraries.domainEvents();
    }

    @Property(tries = 50)
    void a_class_name_in_place_of_a_type_name_is_refused(@ForAll("events") DomainEvent event,
                                                         @ForAll("classNames") String className) {
        ObjectNode tree = MAPPER.valueToTree(event);
        tree.put("type", className);
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, DomainEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Unknown type name '" + className + "'")
                .hasMessageContaining("never resolves class names");
    }

    @Provide
    Arbitrary<String> classNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(DomainEvent.class.getName(), "java.util.HashMap", "java.lang.ProcessBuilder",
                        "com.sun.rowset.JdbcRowSetImpl", "[Ljava.lang.Object;"),
                events().map(e -> e.getClass().getName()));
    }

    @Property(tries = 50)
    void a_class_property_without_a_type_name_is_refused(@ForAll("events") DomainEvent event) {
        ObjectNode tree = MAPPER.valueToTree(event);
        tree.remove("type");
        tree.put("@class", event.getClass().getName());
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, DomainEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Missing type name property 'type'");
    }

    @Property(tries = 50)
    void an_unknown_type_name_is_refused_with_the_known_ones(@ForAll("events") DomainEvent event,
                                                             @ForAll("unknownNames") String name) {
        ObjectNode tree = MAPPER.valueToTree(event);
        tree.put("type", name);
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, DomainEvent.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("Unknown type name")
                .hasMessageContaining("Known names: [")
                .hasMessageContaining("order.placed");
    }

    @Provide
    Arbitrary<String> unknownNames() {
        return Arbitraries.strings().ofMaxLength(30).filter(s -> !KNOWN.contains(s));
    }

    @Property(tries = 50)
    void an_invalid_value_is_refused_with_the_constructor_message(@ForAll("positions") StockPosition position,
                                                                  @ForAll("counts") String field,
                                                                  @ForAll("negatives") int value) {
        ObjectNode tree = MAPPER.valueToTree(position);
        tree.put(field, value);
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, StockPosition.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining(field + " must be >= 0, was " + value);
    }

    @Provide
    Arbitrary<StockPosition> positions() {
        return OmsArbitraries.stockPositions();
    }

    @Provide
    Arbitrary<String> counts() {
        return Arbitraries.of("onHand", "reserved", "allocated", "safetyStock", "inbound", "returnsInTransit", "quarantine");
    }

    @Provide
    Arbitrary<Integer> negatives() {
        return Arbitraries.integers().between(Integer.MIN_VALUE, -1);
    }

    @Property(tries = 50)
    void an_invalid_identifier_is_refused_with_the_constructor_message(@ForAll("events") DomainEvent event,
                                                                       @ForAll("blanks") String blank) {
        ObjectNode tree = MAPPER.valueToTree(event);
        String field = tree.has("orderId") ? "orderId" : "sku";
        tree.put(field, blank);
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, DomainEvent.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining(field.equals("sku") ? "sku must not be blank" : "orderId must not be blank");
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\t', '\n').ofMaxLength(5);
    }
}
