package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every event in a list carries its type name, however many event types the list holds and however often it is
 * written: a list of more than eight types makes Jackson ask for each element's serializer again on every write, and
 * the answer is remembered per configuration.
 */
class AlwaysTypedTest {

    private final ObjectMapper mapper = OmsJson.newMapper();

    private List<DomainEvent> manyTypes() {
        List<DomainEvent> events = new ArrayList<>(JsonFixtures.history().events());
        events.addAll(JsonFixtures.history().events());
        return events;
    }

    @Test
    void a_list_of_more_than_eight_event_types_is_written_alike_every_time_each_element_with_its_type_name()
            throws Exception {
        List<DomainEvent> events = manyTypes();
        assertThat(events.stream().map(Object::getClass).distinct().count()).isGreaterThan(8);
        ObjectWriter asList = mapper.writerFor(new TypeReference<List<DomainEvent>>() { });

        String first = asList.writeValueAsString(events);
        for (int i = 0; i < 3; i++) {
            assertThat(asList.writeValueAsString(events)).isEqualTo(first);
            assertThat(mapper.writeValueAsString(events)).isEqualTo(first);
        }
        JsonNode written = mapper.readTree(first);
        for (int i = 0; i < events.size(); i++) {
            assertThat(written.get(i)).isEqualTo(mapper.readTree(mapper.writerFor(OrderEvent.class)
                    .writeValueAsString(events.get(i))));
            assertThat(written.get(i).has("type")).as(written.get(i).toString()).isTrue();
        }
        assertThat(mapper.readValue(first, new TypeReference<List<DomainEvent>>() { })).isEqualTo(events);
    }

    @Test
    void a_writer_of_another_configuration_writes_by_its_own_configuration_after_the_first_was_remembered()
            throws Exception {
        List<DomainEvent> events = manyTypes();
        String compact = mapper.writeValueAsString(events);

        String indented = mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(events);

        assertThat(indented).isNotEqualTo(compact).contains("\n");
        assertThat(mapper.readTree(indented)).isEqualTo(mapper.readTree(compact));
        assertThat(mapper.writeValueAsString(events)).isEqualTo(compact);
    }
}
