package io.omskit.core.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.omskit.core.order.UnitCounts;
import io.omskit.core.order.UnitState;
import java.io.IOException;

/**
 * Reads {@link UnitCounts}: a count missing from the document is 0, so documents written before a unit state existed
 * (before units could await stock) read as none in it. Unknown names are handled as the mapper is configured.
 */
final class UnitCountsJson extends StdDeserializer<UnitCounts> {

    private static final String[] NAMES = {"open", "reserved", "allocated", "ready", "shipped", "pickedUp", "delivered",
            "cancelled", "returned", "awaitingStock"};

    UnitCountsJson() {
        super(UnitCounts.class);
    }

    @Override
    public UnitCounts deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (UnitState.values().length != NAMES.length) {
            throw new IllegalStateException("UnitCountsJson must name every unit state");
        }
        int[] c = new int[NAMES.length];
        JsonToken t = p.currentToken() == JsonToken.START_OBJECT ? p.nextToken() : p.currentToken();
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            int index = indexOf(name);
            if (index < 0) {
                ctxt.handleUnknownProperty(p, this, UnitCounts.class, name);
            } else {
                c[index] = ctxt.readValue(p, Integer.class);
            }
        }
        return new UnitCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
