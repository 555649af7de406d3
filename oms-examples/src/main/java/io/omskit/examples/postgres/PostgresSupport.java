package io.omskit.examples.postgres;

import io.omskit.examples.postgres.internal.EventCodec;

/** What the PostgreSQL adapters share: the JSON codec of events and documents. */
final class PostgresSupport {

    private static final EventCodec CODEC = new EventCodec(EventCodec.defaultMapper());

    private PostgresSupport() {
    }

    static EventCodec codec() {
        return CODEC;
    }
}
