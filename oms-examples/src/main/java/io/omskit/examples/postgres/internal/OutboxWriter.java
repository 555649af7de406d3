package io.omskit.examples.postgres.internal;

import io.omskit.core.event.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Appends domain events to the outbox table inside the caller's transaction. */
public final class OutboxWriter {

    private static final String INSERT = "insert into oms_outbox (event_id, event_type, aggregate_id, aggregate_version,"
            + " occurred_at, payload) values (?, ?, ?, ?, ?, cast(? as jsonb))";

    /** Inserts the events bound by {@link #bindArrays}, in their order. */
    static final String INSERT_FROM_ARRAYS = "insert into oms_outbox (event_id, event_type, aggregate_id, aggregate_version,"
            + " occurred_at, payload) select e.id, e.type, e.agg, e.ver, e.at::timestamptz, e.payload::jsonb"
            + " from unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[]) with ordinality"
            + " as e(id, type, agg, ver, at, payload, n) order by e.n";

    private final JsonCodec codec;

    public OutboxWriter(JsonCodec codec) {
        this.codec = codec;
    }

    /**
     * Binds {@code events} as the six array parameters of {@link #INSERT_FROM_ARRAYS} from {@code index} on.
     *
     * @return the index of the next parameter
     */
    int bindArrays(Connection c, PreparedStatement ps, int index, List<? extends DomainEvent> events) throws SQLException {
        int n = events.size();
        Object[] ids = new Object[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        Long[] versions = new Long[n];
        String[] at = new String[n];
        String[] payloads = new String[n];
        for (int k = 0; k < n; k++) {
            DomainEvent e = events.get(k);
            ids[k] = e.eventId();
            types[k] = codec.typeName(e);
            aggregates[k] = e.aggregateId();
            versions[k] = e.version();
            at[k] = e.occurredAt().toString();
            payloads[k] = codec.toJson(e);
        }
        ps.setArray(index, c.createArrayOf("uuid", ids));
        ps.setArray(index + 1, c.createArrayOf("text", types));
        ps.setArray(index + 2, c.createArrayOf("text", aggregates));
        ps.setArray(index + 3, c.createArrayOf("bigint", versions));
        ps.setArray(index + 4, c.createArrayOf("text", at));
        ps.setArray(index + 5, c.createArrayOf("text", payloads));
        return index + 6;
    }

    /** Writes {@code events} in their order, as part of the transaction open on {@code c}. */
    public void append(Connection c, List<? extends DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (DomainEvent e : events) {
                ps.setObject(1, e.eventId());
                ps.setString(2, codec.typeName(e));
                ps.setString(3, e.aggregateId());
                ps.setLong(4, e.version());
                Sql.setInstant(ps, 5, e.occurredAt());
                ps.setString(6, codec.toJson(e));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
