package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.OrderEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's JSON snippet, compiled and run; keep both in step. */
class JsonReadmeExampleTest {

    @Test
    void events_written_as_a_list_are_read_back_as_domain_events() throws Exception {
        List<OrderEvent> events = JsonFixtures.history().events();

        // --- README: JSON ---
        ObjectMapper mapper = OmsJson.newMapper();               // ignores unknown properties: for event consumers
        String json = mapper.writeValueAsString(events);          // a List<OrderEvent>: each element keeps its type name
        List<DomainEvent> back = mapper.readValue(json, new TypeReference<List<DomainEvent>>() { });
        // --- end ---

        assertThat(back).isEqualTo(events);
        assertThat(json).startsWith("[{\"type\":\"order.placed\",");
    }
}
