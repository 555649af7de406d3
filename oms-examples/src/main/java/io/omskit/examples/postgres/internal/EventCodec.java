package io.omskit.examples.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.order.OrderEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns domain events into JSON and back for the outbox. The type of a stored event is resolved only from the
 * names this codec registered (the simple names of the records of the sealed event families it knows), never
 * from a class name found in the data.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final Map<String, Class<? extends DomainEvent>> byName = new HashMap<>();
    private final Map<Class<?>, String> byType = new HashMap<>();

    /** A codec for the inventory and order event families, with {@code mapper} doing the JSON. */
    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        register(InventoryEvent.class);
        register(OrderEvent.class);
    }

    /** A mapper for events and documents: java.time as ISO text, unknown (derived) properties ignored on reading. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The JSON mapper in use. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private void register(Class<? extends DomainEvent> family) {
        for (Class<?> type : family.getPermittedSubclasses()) {
            String name = type.getSimpleName();
            if (byName.containsKey(name)) {
                throw new IllegalStateException("event type name " + name + " is used by two event types");
            }
            byName.put(name, type.asSubclass(DomainEvent.class));
            byType.put(type, name);
        }
    }

    /**
     * The stable name of {@code event}'s type.
     *
     * @throws IllegalArgumentException for an event of a family this codec does not know
     */
    public String typeName(DomainEvent event) {
        String name = byType.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("event type " + event.getClass().getName() + " is not registered with the outbox");
        }
        return name;
    }

    /** {@code event} as JSON. */
    public String toJson(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId() + " as JSON", e);
        }
    }

    /**
     * The event stored as {@code json} under {@code typeName}.
     *
     * @throws IllegalArgumentException when the name is not registered or the JSON does not fit the type
     */
    public DomainEvent fromJson(String typeName, String json) {
        Class<? extends DomainEvent> type = byName.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("event type name " + typeName + " is not registered");
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored event of type " + typeName + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
