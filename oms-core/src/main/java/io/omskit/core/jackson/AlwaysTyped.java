package io.omskit.core.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a value of a named type carry its type name wherever it is written. Jackson adds the name only when
 * the declared type is polymorphic; an event written as an element of a raw {@code List} or as an
 * {@code Object} field of an outbox record would otherwise lose it and could not be read back.
 */
final class AlwaysTyped extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;

    private final Set<Class<?>> named;

    AlwaysTyped(Set<Class<?>> named) {
        this.named = named;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription beanDesc,
                                              JsonSerializer<?> serializer) {
        if (!named.contains(beanDesc.getBeanClass())) {
            return serializer;
        }
        return new TypedSerializer(beanDesc.getBeanClass(), (JsonSerializer<Object>) serializer, null);
    }

    private static final class TypedSerializer extends StdSerializer<Object>
            implements ContextualSerializer, ResolvableSerializer {

        private final transient JsonSerializer<Object> delegate;
        private final transient TypeSerializer typeSerializer;
        /**
         * What {@link #createContextual} made for each property (a list's elements ask again for every element of a
         * type beyond the eight a collection serializer remembers), valid for the configuration it was made under.
         */
        private final transient ConcurrentHashMap<Object, Contextual> contextual = new ConcurrentHashMap<>();

        private record Contextual(SerializationConfig config, JsonSerializer<?> serializer) {
        }

        /** Stands for "no property" (a root value or an element of a root list) in {@link #contextual}. */
        private static final Object NO_PROPERTY = new Object();
        /** Properties are the few of the mapper's own serializers; a bound keeps one made afresh per call from piling up. */
        private static final int MAX_REMEMBERED = 64;

        @SuppressWarnings({"unchecked", "rawtypes"})
        TypedSerializer(Class<?> type, JsonSerializer<Object> delegate, TypeSerializer typeSerializer) {
            super((Class) type);
            this.delegate = delegate;
            this.typeSerializer = typeSerializer;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer r) {
                r.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            Object key = property == null ? NO_PROPERTY : property;
            Contextual known = contextual.get(key);
            if (known != null && known.config() == provider.getConfig()) {
                return known.serializer();
            }
            JsonSerializer<?> made = makeContextual(provider, property);
            if (contextual.size() < MAX_REMEMBERED) {
                contextual.put(key, new Contextual(provider.getConfig(), made));
            }
            return made;
        }

        @SuppressWarnings("unchecked")
        private JsonSerializer<?> makeContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<Object> d = delegate instanceof ContextualSerializer c
                    ? (JsonSerializer<Object>) c.createContextual(provider, property)
                    : delegate;
            return new TypedSerializer(handledType(), d, provider.findTypeSerializer(provider.constructType(handledType())));
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            TypeSerializer ts = typeSerializer != null
                    ? typeSerializer
                    : provider.findTypeSerializer(provider.constructType(value.getClass()));
            delegate.serializeWithType(value, gen, provider, ts);
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer ts)
                throws IOException {
            delegate.serializeWithType(value, gen, provider, ts);
        }
    }
}
