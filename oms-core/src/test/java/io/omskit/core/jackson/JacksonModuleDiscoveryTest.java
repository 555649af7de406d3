package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.OrderEvent;
import org.junit.jupiter.api.Test;

/** A host whose mapper calls {@code findAndRegisterModules()} reads and writes core JSON without naming the module. */
class JacksonModuleDiscoveryTest {

    private final ObjectMapper discovered = new ObjectMapper().findAndRegisterModules();

    @Test
    void find_and_register_modules_registers_the_core_module() {
        assertThat(discovered.getRegisteredModuleIds()).contains(new OmsJacksonModule().getTypeId());
    }

    @Test
    void an_order_event_written_by_a_discovering_mapper_reads_back_by_its_name() throws Exception {
        OrderEvent placed = JsonFixtures.history().events().get(0);

        String json = discovered.writeValueAsString(placed);

        assertThat(json).contains("\"type\":\"order.placed\"");
        assertThat(discovered.readValue(json, DomainEvent.class)).isEqualTo(placed);
        assertThat(OmsJson.newMapper().readValue(json, DomainEvent.class)).as("read by the module's own mapper")
                .isEqualTo(placed);
    }
}
