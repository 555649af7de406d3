package io.omskit.returns.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host whose mapper calls {@code findAndRegisterModules()} reads and writes return events by their names. */
class ReturnsJacksonModuleDiscoveryTest {

    private final ObjectMapper discovered = new ObjectMapper().findAndRegisterModules();

    @Test
    void find_and_register_modules_registers_the_returns_module_beside_the_core_one() {
        assertThat(discovered.getRegisteredModuleIds())
                .contains(ReturnsJson.module().getTypeId(), new OmsJacksonModule().getTypeId());
    }

    @Test
    void a_return_event_written_by_a_discovering_mapper_reads_back_as_a_domain_event() throws Exception {
        ReturnEvent authorised = Return.authorise(ReturnId.of("r-1"), OrderId.of("o-1"), CustomerRef.of("c-1"),
                Channel.STORE, ReturnMethod.mailIn(LocationId.of("WH-1")), RefundTender.ORIGINAL_PAYMENT,
                List.of(ReturnLine.of(LineId.of("1"), Sku.of("SHIRT"), 2, ReturnReason.DOES_NOT_FIT)),
                Instant.parse("2026-03-02T10:00:00Z")).events().get(0);

        String json = discovered.writeValueAsString(authorised);

        assertThat(json).contains("\"type\":\"return.authorised\"");
        assertThat(discovered.readValue(json, DomainEvent.class)).isEqualTo(authorised);
        assertThat(discovered.readValue(json, ReturnEvent.class)).isEqualTo(authorised);
    }

    @Test
    void the_discoverable_module_is_the_same_module_as_returns_json_for_jackson() {
        ObjectMapper both = new ObjectMapper().registerModule(ReturnsJson.module()).registerModule(new ReturnsJacksonModule());

        assertThat(both.getRegisteredModuleIds()).containsOnlyOnce(ReturnsJson.module().getTypeId());
    }
}
