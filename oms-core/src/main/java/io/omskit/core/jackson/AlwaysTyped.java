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
