package io.omskit.orchestration.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.Justification;
import org.junit.jupiter.api.Test;

/** A host whose mapper calls {@code findAndRegisterModules()} reads and writes sourcing justifications by their names. */
class SourcingJacksonModuleDiscoveryTest {

    private final ObjectMapper discovered = new ObjectMapper().findAndRegisterModules();

    @Test
    void find_and_register_modules_registers_the_sourcing_module() {
        assertThat(discovered.getRegisteredModuleIds()).contains(SourcingJson.module().getTypeId());
    }

    @Test
    void justifications_written_by_a_discovering_mapper_read_back_by_their_names() throws Exception {
        Justification split = new SplitPenalty.SplitCharge(20.0);
        Justification rank = new LocationPriority.Rank(LocationId.of("WH-1"), 2, true, 4.5);

        String splitJson = discovered.writeValueAsString(split);
        String rankJson = discovered.writeValueAsString(rank);

        assertThat(splitJson).contains("\"type\":\"sourcing.split-penalty.charge\"");
        assertThat(discovered.readValue(splitJson, Justification.class)).isEqualTo(split);
        assertThat(discovered.readValue(rankJson, Justification.class)).isEqualTo(rank);
    }
}
