package io.omskit.postgres.internal;

import io.omskit.core.event.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends the domain events of a transaction to the outbox table inside that transaction: one row per transaction
 * holding its events as a JSON array, in the order they were raised.
 */
public final class OutboxWriter {

    /** Inserts one outbox row; parameters: first aggregate id, event count, time of the first event, JSON array. */
    static final String INSERT = "insert into oms_outbox (aggregate_id, event_count, occurred_at, payload)"
            + " values (?, ?, ?::timestamptz, ?::json)";

    /**
     * A common table expression {@code ob} inserting one outbox row, with the four parameters of {@link #INSERT}, only
     * when the common table expression named {@code written} returned a row, and returning the row's id. The row's id
     * is taken after {@code written} wrote (and locked) its row, so that the rows of one aggregate keep its order.
     */
    public static String insertIfWritten(String written) {
        return "ob as (insert into oms_outbox (aggregate_id, event_count, occurred_at, payload)"
                + " select ?, ?, ?::timestamptz, ?::json where exists (select 1 from " + written + ") returning id)";
    }

    /**
     * The closing select of a one-statement save: how many rows the common table expression {@code written} wrote,
     * then the id of the outbox row {@link #insertIfWritten} added ({@code -1} when it added none, or is not part of the
     * statement: {@code withOutbox} false).
     */
    public static String selectWritten(String written, boolean withOutbox) {
        return " select (select count(*) from " + written + "), " + (withOutbox ? "coalesce((select id from ob), -1)" : "-1");
    }

    private final JsonCodec codec;
    private final OutboxHandoff handoff;

    public OutboxWriter(JsonCodec codec) {
        this(codec, null);
    }

    /** A writer that tells {@code handoff} (null for none) what the rows written by {@link #written} hold. */
    public OutboxWriter(JsonCodec codec, OutboxHandoff handoff) {
        this.codec = codec;
        this.handoff = handoff;
    }

    /**
     * Tells the relay of this process that outbox row {@code id}, just written in the transaction open on the
     * connection, holds {@code events}. Told before the commit: a row whose transaction rolls back is never found by the
     * relay, so what was told of it only ages out.
     */
    public void written(long id, List<? extends DomainEvent> events) {
        if (handoff != null) {
            handoff.committed(id, events);
        }
    }

    /**
     * Writes {@code events} in their order, as part of the transaction open on {@code c}.
     *
     * @return the outbox row's id, or -1 when {@code events} is empty (nothing written)
     */
    public long append(Connection c, List<? extends DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return -1;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT + " returning id")) {
            bind(ps, 1, events);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Binds non-empty {@code events} to the four parameters of {@link #INSERT} from {@code index} on.
     *
     * @throws IllegalArgumentException when an event's type has no registered name (it could not be read back)
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement ps, int index, List<? extends DomainEvent> events) throws SQLException {
        return bind(ps, index, events, null);
    }

    /**
     * As {@link #bind(PreparedStatement, int, List)}, with {@code json} the events already written by
     * {@link JsonCodec#toJsonArray} (null: write them now).
     */
    public int bind(PreparedStatement ps, int index, List<? extends DomainEvent> events, String json) throws SQLException {
        for (DomainEvent e : events) {
            codec.typeName(e);
        }
        DomainEvent first = events.get(0);
        ps.setString(index, first.aggregateId());
        ps.setInt(index + 1, events.size());
        ps.setString(index + 2, first.occurredAt().toString());
        ps.setString(index + 3, json != null ? json : codec.toJsonArray(events));
        return index + 4;
    }
}
