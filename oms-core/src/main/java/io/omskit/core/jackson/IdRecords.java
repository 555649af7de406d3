package io.omskit.core.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Identifier records written as plain JSON strings. An identifier record is a record of an OMS Kit package
 * ({@code io.omskit.*}) whose only component is a {@code String} named {@code value}, such as
 * {@code Sku}, {@code OrderId} or {@code LocationId}; ids added by later modules follow the rule without
 * registration. Reading goes through the canonical constructor, so its validation applies.
 */
final class IdRecords {

    private IdRecords() {
    }

    /** The accessor and constructor of an identifier record. */
    private record Shape(Class<?> type, Method accessor, Constructor<?> constructor) {

        String text(Object id) throws IOException {
            try {
                return (String) accessor.invoke(id);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IOException("cannot read identifier " + type.getName(), e);
            }
        }

        /** The identifier for {@code text}; the constructor's exception when it refuses it. */
        Object create(String text) throws IllegalArgumentException, NullPointerException {
            try {
                return constructor.newInstance(text);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("cannot create identifier " + type.getName(), e.getCause());
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot create identifier " + type.getName(), e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return findShape(type);
        }
    };

    /** The shape of {@code type} if it is an identifier record, else null. */
    static Shape shapeOf(Class<?> type) {
        return SHAPES.get(type);
    }

    private static Shape findShape(Class<?> type) {
        if (!type.isRecord() || !OmsJacksonModule.isOmsType(type)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != 1 || !"value".equals(components[0].getName())
                || components[0].getType() != String.class) {
            return null;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(String.class);
            constructor.trySetAccessible();
            Method accessor = components[0].getAccessor();
            accessor.trySetAccessible();
            return new Shape(type, accessor, constructor);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static final class IdSerializers extends Serializers.Base {
        private final boolean forKeys;

        IdSerializers(boolean forKeys) {
            this.forKeys = forKeys;
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            Shape shape = shapeOf(type.getRawClass());
            if (shape == null) {
                return null;
            }
            return new IdSerializer(shape, forKeys);
        }
    }

    static final class IdDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Shape shape = shapeOf(type.getRawClass());
            return shape == null ? null : new IdDeserializer(shape);
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return shapeOf(valueType) != null;
        }
    }

    static final class IdKeyDeserializers implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Shape shape = shapeOf(type.getRawClass());
            return shape == null ? null : new IdKeyDeserializer(shape);
        }
    }

    /** Writes the identifier's text as a JSON string, or as a property name when it is a map key. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class IdSerializer extends StdSerializer<Object> {
        private final transient Shape shape;
        private final boolean asKey;

        IdSerializer(Shape shape, boolean asKey) {
            super((Class) shape.type());
            this.shape = shape;
            this.asKey = asKey;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (asKey) {
                gen.writeFieldName(shape.text(value));
            } else {
                gen.writeString(shape.text(value));
            }
        }
    }

    private static final class IdDeserializer extends StdScalarDeserializer<Object> {
        private final transient Shape shape;

        IdDeserializer(Shape shape) {
            super(shape.type());
            this.shape = shape;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(shape.type(), p.currentToken(), p,
                        "%s must be written as a JSON string", shape.type().getSimpleName());
            }
            try {
                return shape.create(p.getText());
            } catch (IllegalArgumentException | NullPointerException e) {
                return ctxt.handleInstantiationProblem(shape.type(), p.getText(), e);
            }
        }
    }

    private static final class IdKeyDeserializer extends KeyDeserializer {
        private final Shape shape;

        IdKeyDeserializer(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return shape.create(key);
            } catch (IllegalArgumentException | NullPointerException e) {
                return ctxt.handleWeirdKey(shape.type(), key, "%s", e.getMessage());
            }
        }
    }
}
