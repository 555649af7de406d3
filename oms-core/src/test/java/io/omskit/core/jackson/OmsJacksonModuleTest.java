package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.OrderEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OmsJacksonModuleTest {

    /** A family a later module might add. */
    sealed interface TestEvent extends DomainEvent {
        @Override default String aggregateId() { return "t"; }
        @Override default long version() { return 0; }
    }

    record Happened(UUID eventId, Instant occurredAt, String what) implements TestEvent {
    }

    record AlsoHappened(UUID eventId, Instant occurredAt) implements TestEvent {
    }

    record Typed(String type) {
    }

    record Unrelated(String what) {
    }

    @Test
    void a_later_module_registers_its_own_family_and_names() throws Exception {
        OmsJacksonModule module = OmsJacksonModule.builder()
                .family(TestEvent.class)
                .subtype(Happened.class, "test.happened")
                .subtype(AlsoHappened.class, "test.also-happened")
                .build();
        ObjectMapper mapper = OmsJson.newMapper(module);
        Happened event = new Happened(UUID.randomUUID(), JsonFixtures.T0, "it");
        String json = mapper.writeValueAsString(event);
        assertThat(json).startsWith("{\"type\":\"test.happened\",");
        assertThat(mapper.readValue(json, TestEvent.class)).isEqualTo(event);
        assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(event);
        assertThat(module.typeNames()).containsEntry(OrderEvent.OrderPlaced.class, "order.placed")
                .containsEntry(Happened.class, "test.happened");
        assertThat(new OmsJacksonModule().typeNames()).doesNotContainKey(Happened.class);
    }

    @Test
    void refuses_malformed_taken_or_unreachable_names() {
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(Happened.class, "io.omskit.Happened"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case words separated by dots");
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(Happened.class, "happened"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(Happened.class, "order.placed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'order.placed' is already used");
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(OrderEvent.OrderPlaced.class, "order.placed-again"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already named 'order.placed'");
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(Typed.class, "test.typed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component named 'type'");
        assertThatThrownBy(() -> OmsJacksonModule.builder().subtype(Unrelated.class, "test.unrelated").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to no declared family");
    }

    @Test
    void refuses_a_sealed_family_with_an_unnamed_member() {
        assertThatThrownBy(() -> OmsJacksonModule.builder().family(TestEvent.class)
                .subtype(Happened.class, "test.happened").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a type name")
                .hasMessageContaining("AlsoHappened");
    }

    @Test
    void writes_iso_instants_even_on_a_mapper_configured_for_timestamps() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new OmsJacksonModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        OrderEvent.OrderConfirmed event = new OrderEvent.OrderConfirmed(
                UUID.fromString("6f1c1d2e-0000-4000-8000-000000000001"), io.omskit.core.order.OrderId.of("O-1"), 3,
                Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(plain.writeValueAsString(event)).isEqualTo("{\"type\":\"order.confirmed\","
                + "\"eventId\":\"6f1c1d2e-0000-4000-8000-000000000001\",\"orderId\":\"O-1\",\"version\":3,"
                + "\"occurredAt\":\"2024-05-01T09:30:00Z\"}");
        assertThat(plain.writeValueAsString(JsonFixtures.warehouse())).contains("\"processingLeadTime\":\"PT1H30M\"");
    }

    @Test
    void registering_the_module_twice_is_harmless() throws Exception {
        ObjectMapper mapper = OmsJson.newMapper().registerModule(new OmsJacksonModule());
        OrderEvent e = JsonFixtures.history().events().get(1);
        assertThat(mapper.readValue(mapper.writeValueAsString(e), OrderEvent.class)).isEqualTo(e);
    }
}
