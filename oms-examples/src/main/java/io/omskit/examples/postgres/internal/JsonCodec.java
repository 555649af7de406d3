package io.omskit.examples.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.jackson.OmsJson;
import java.util.Map;

/**
 * JSON of the PostgreSQL adapters, through the library's Jackson module: events for the outbox (with their
 * registered type name, never a class name) and documents such as orders.
 */
public final class JsonCodec {

    private final ObjectMapper mapper;
    private final ObjectWriter eventWriter;
    private final Map<Class<?>, String> typeNames;

    /** A codec for the event types and documents {@code module} knows. */
    public JsonCodec(OmsJacksonModule module) {
        Checks.notNull(module, "module");
        this.mapper = OmsJson.newMapper(module);
        this.eventWriter = mapper.writerFor(DomainEvent.class);
        this.typeNames = module.typeNames();
    }

    /** The JSON mapper in use. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The registered type name of {@code event}.
     *
     * @throws IllegalArgumentException for an event type the module does not know
     */
    public String typeName(DomainEvent event) {
        String name = typeNames.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("event type " + event.getClass().getName()
                    + " has no registered type name; register it with OmsJacksonModule.builder()");
        }
        return name;
    }

    /** {@code event} as JSON, with its type name. */
    public String toJson(DomainEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId() + " as JSON", e);
        }
    }

    /**
     * The event stored as {@code json}.
     *
     * @throws IllegalArgumentException when its type name is not registered or the JSON does not fit the type
     */
    public DomainEvent eventFromJson(String json) {
        try {
            return mapper.readValue(json, DomainEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored event cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code document} as JSON. */
    public String documentToJson(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The document of {@code type} stored as {@code json}.
     *
     * @throws IllegalArgumentException when the JSON does not fit the type
     */
    public <T> T documentFromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
