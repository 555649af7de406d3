package io.omskit.core.jackson;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.omskit.core.common.Checks;

/**
 * Ready-made {@link ObjectMapper}s for OMS Kit JSON.
 *
 * <p>Both kinds register {@link OmsJacksonModule}, write dates as ISO-8601 strings, and refuse input that is
 * ambiguous or truncated: duplicate property names, trailing tokens, and {@code null} or missing values for
 * primitive fields (a missing count is a bug, not a zero). They never enable default typing.
 *
 * <p>Unknown properties are where they differ:
 * <ul>
 * <li>{@link #newMapper()} ignores them. Event consumers read with it, so that a producer that is one version
 *     ahead (and added a property) does not break them; a tolerant reader still validates every value it
 *     does read.</li>
 * <li>{@link #newStrictMapper()} fails on them. Use it for documents written by people, such as configuration
 *     and rule sets, where an unknown property is a typo.</li>
 * </ul>
 * Mappers are thread-safe once built; build one and share it.
 */
public final class OmsJson {

    private OmsJson() {
    }

    /** A tolerant mapper (unknown properties ignored) with the core module. */
    public static ObjectMapper newMapper() {
        return newMapper(new OmsJacksonModule());
    }

    /** A tolerant mapper (unknown properties ignored) with {@code module}, such as one extended by a later module. */
    public static ObjectMapper newMapper(OmsJacksonModule module) {
        return builder(module).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** A strict mapper (unknown properties fail) with the core module. */
    public static ObjectMapper newStrictMapper() {
        return newStrictMapper(new OmsJacksonModule());
    }

    /** A strict mapper (unknown properties fail) with {@code module}. */
    public static ObjectMapper newStrictMapper(OmsJacksonModule module) {
        return builder(module).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    private static JsonMapper.Builder builder(OmsJacksonModule module) {
        Checks.notNull(module, "module");
        return JsonMapper.builder()
                .addModule(module)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES);
    }
}
