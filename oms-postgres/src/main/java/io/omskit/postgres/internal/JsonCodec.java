package io.omskit.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.jackson.OmsJson;
import java.util.List;
import java.util.Map;

/**
 * JSON of the PostgreSQL adapters, through the library's Jackson module: events for the outbox (with their
 * registered type name, never a class name) and documents such as orders.
 */
public final class JsonCodec {

    private final ObjectMapper mapper;
    private final com.fasterxml.jackson.databind.JavaType eventList;
    /** Writes a list of events with one resolved type serializer: several times faster than one writer per event. */
    private final ObjectWriter eventListWriter;
    private final Map<Class<?>, String> typeNames;

    /** A codec for the event types and documents {@code module} knows. */
    public JsonCodec(OmsJacksonModule module) {
        Checks.notNull(module, "module");
        this.mapper = OmsJson.newMapper(module);
        this.eventList = mapper.getTypeFactory().constructCollectionType(List.class, DomainEvent.class);
        this.eventListWriter = mapper.writerFor(eventList);
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

    /** {@code events} as one JSON array, each with its type name. */
    public String toJsonArray(List<? extends DomainEvent> events) {
        try {
            return eventListWriter.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + events.size() + " events as JSON", e);
        }
    }

    /**
     * The events stored as a JSON array by {@link #toJsonArray}.
     *
     * @throws IllegalArgumentException when a type name is not registered or the JSON does not fit
     */
    public List<DomainEvent> eventsFromJsonArray(String json) {
        try {
            return mapper.readValue(json, eventList);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored events cannot be read: " + e.getOriginalMessage(), e);
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
