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

    private final JsonCodec codec;

    public OutboxWriter(JsonCodec codec) {
        this.codec = codec;
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
