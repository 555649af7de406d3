package io.omskit.core.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.channel.Channel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ChannelExposure} as {@code {"policies":{"MARKETPLACE":{...}}}}: the channels with a policy of their own.
 * Read back through {@link ChannelExposure#with}, so the result is built and checked like one made in code.
 */
final class ChannelExposureJson {

    private static final String POLICIES = "policies";

    private ChannelExposureJson() {
    }

    static final class Serializer extends StdSerializer<ChannelExposure> {
        Serializer() {
            super(ChannelExposure.class);
        }

        @Override
        public void serialize(ChannelExposure value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName(POLICIES);
            gen.writeStartObject();
            for (Map.Entry<Channel, ExposurePolicy> e : value.policies().entrySet()) {
                gen.writeFieldName(e.getKey().name());
                provider.defaultSerializeValue(e.getValue(), gen);
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends StdDeserializer<ChannelExposure> {
        Deserializer() {
            super(ChannelExposure.class);
        }

        @Override
        public ChannelExposure deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            }
            if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
                return (ChannelExposure) ctxt.handleUnexpectedToken(ChannelExposure.class, p);
            }
            Map<Channel, ExposurePolicy> policies = null;
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (POLICIES.equals(name)) {
                    JavaType type = ctxt.getTypeFactory().constructMapType(LinkedHashMap.class, Channel.class, ExposurePolicy.class);
                    policies = ctxt.readValue(p, type);
                } else {
                    ctxt.handleUnknownProperty(p, this, ChannelExposure.class, name);
                }
            }
            if (policies == null) {
                return (ChannelExposure) ctxt.reportInputMismatch(this,
                        "channel exposure must have '%s' (an object, empty for every channel seeing everything)", POLICIES);
            }
            ChannelExposure exposure = ChannelExposure.everything();
            for (Map.Entry<Channel, ExposurePolicy> e : policies.entrySet()) {
                if (e.getValue() == null) {
                    return (ChannelExposure) ctxt.reportInputMismatch(this, "policies.%s must not be null", e.getKey());
                }
                exposure = exposure.with(e.getKey(), e.getValue());
            }
            return exposure;
        }
    }
}
