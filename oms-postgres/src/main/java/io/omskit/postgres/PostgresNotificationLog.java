package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationLog;
import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link NotificationLog} on PostgreSQL: one row of {@code oms_notification} per message, shared by every node.
 *
 * <p>Each step is one statement, so no lock is held between calls: the first claim inserts the row
 * ({@code ON CONFLICT DO NOTHING}, and only while no newer change of the order's stream is claimed); a take-over updates
 * it only {@code WHERE} it is unsent and its claim is at least a lease old, so of concurrent claims exactly one wins.
 * Times are kept to the microsecond.
 *
 * <p>Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresNotificationLog implements NotificationLog {

    private static final String COLUMNS = "document::text, sequence, attempts, claimed_at, sent_at";

    private final Transactions tx;
    private final JsonCodec json;

    /** A log on {@code dataSource} (migrated by {@link PostgresSchema#migrate}), writing messages with {@code module}. */
    public PostgresNotificationLog(DataSource dataSource, OmsJacksonModule module) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 3);
        this.json = new JsonCodec(Checks.notNull(module, "module"));
    }

    /** A log on {@code dataSource} with the core Jackson module. */
    public PostgresNotificationLog(DataSource dataSource) {
        this(dataSource, new OmsJacksonModule());
    }

    @Override
    public NotificationClaim claim(Notification notification, long sequence, Instant now, Duration lease) {
        Checks.notNull(notification, "notification");
        Checks.notNull(now, "now");
        Checks.notNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        String key = notification.idempotencyKey();
        String document = json.documentToJson(notification);
        return tx.autoCommit("claim notification " + key, c -> {
            if (insert(c, notification, sequence, now, document)) {
                return NotificationClaim.CLAIMED;
            }
            try (PreparedStatement ps = c.prepareStatement("update oms_notification set attempts = attempts + 1,"
                    + " claimed_at = ? where idempotency_key = ? and sent_at is null and claimed_at <= ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setString(2, key);
                Sql.setInstant(ps, 3, now.minus(lease));
                if (ps.executeUpdate() == 1) {
                    return NotificationClaim.TAKEN_OVER;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select sent_at from oms_notification where idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return NotificationClaim.SUPERSEDED;
                    }
                    return rs.getObject(1) == null ? NotificationClaim.IN_FLIGHT : NotificationClaim.SENT;
                }
            }
        });
    }

    private static boolean insert(Connection c, Notification n, long sequence, Instant now, String document)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_notification (idempotency_key, order_id, stream,"
                + " sequence, attempts, claimed_at, document) select ?, ?, ?, ?, 1, ?, cast(? as jsonb)"
                + " where not exists (select 1 from oms_notification where order_id = ? and stream = ? and sequence > ?)"
                + " on conflict (idempotency_key) do nothing")) {
            ps.setString(1, n.idempotencyKey());
            ps.setString(2, n.orderId().value());
            ps.setString(3, n.subject().stream());
            ps.setLong(4, sequence);
            Sql.setInstant(ps, 5, now);
            ps.setString(6, document);
            ps.setString(7, n.orderId().value());
            ps.setString(8, n.subject().stream());
            ps.setLong(9, sequence);
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public void markSent(String idempotencyKey, Instant now) {
        Checks.notNull(now, "now");
        boolean known = tx.autoCommit("mark notification " + idempotencyKey + " sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("update oms_notification set sent_at = ?"
                    + " where idempotency_key = ? and sent_at is null")) {
                Sql.setInstant(ps, 1, now);
                ps.setString(2, idempotencyKey);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select 1 from oms_notification where idempotency_key = ?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!known) {
            throw new IllegalArgumentException("idempotencyKey " + Checks.quote(idempotencyKey) + " was never claimed");
        }
    }

    @Override
    public Optional<LoggedNotification> find(String idempotencyKey) {
        return tx.autoCommit("find notification " + idempotencyKey, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from oms_notification where idempotency_key = ?")) {
                ps.setString(1, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<LoggedNotification> unsent(Instant claimedBefore, int maxAttempts, int limit) {
        Checks.notNull(claimedBefore, "claimedBefore");
        Checks.positive(maxAttempts, "maxAttempts");
        Checks.positive(limit, "limit");
        return tx.autoCommit("find unsent notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_notification"
                    + " where sent_at is null and claimed_at <= ? and attempts < ? order by claimed_at, idempotency_key"
                    + " limit ?")) {
                Sql.setInstant(ps, 1, claimedBefore);
                ps.setInt(2, maxAttempts);
                ps.setInt(3, limit);
                return Sql.list(ps, this::row);
            }
        });
    }

    /** Read through the index of the order's streams, {@code oms_notification_by_stream}. */
    @Override
    public List<LoggedNotification> forOrder(io.omskit.core.order.OrderId orderId) {
        Checks.notNull(orderId, "orderId");
        return tx.autoCommit("find notifications of order " + orderId, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_notification"
                    + " where order_id = ? order by claimed_at, idempotency_key")) {
                ps.setString(1, orderId.value());
                return Sql.list(ps, this::row);
            }
        });
    }

    private LoggedNotification row(ResultSet rs) throws SQLException {
        return new LoggedNotification(json.documentFromJson(rs.getString(1), Notification.class), rs.getLong(2),
                rs.getInt(3), Sql.getInstant(rs, "claimed_at"), Sql.getInstant(rs, "sent_at"));
    }
}
