package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.OutboxHandoff;
import io.omskit.postgres.internal.OutboxSaves;
import io.omskit.postgres.internal.OutboxWriter;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import io.omskit.returns.jackson.ReturnsJson;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.spi.ReturnRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link ReturnRepository} on PostgreSQL: each return is a JSONB document in {@code oms_return} (migration
 * {@code V9__returns.sql}) written by a Jackson module that knows the return events ({@link ReturnsJson#module()} by
 * default), beside indexed copies of its id, version, order, customer, status and opening time.
 *
 * <p>Optimistic concurrency without locks held between calls: version 1 is inserted with {@code ON CONFLICT DO NOTHING},
 * version n replaces the row only {@code WHERE version = n - 1}. {@link #save} writes the change's events to the outbox
 * in the same transaction, so they are published (by the {@link OutboxRelay}) if and only if the return was saved.
 * Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresReturnRepository implements ReturnRepository {

    // the columns keep microseconds, the documents exact instants: each answer is put in exact order once read
    private static final Comparator<Return> OLDEST_FIRST = Comparator.comparing(Return::openedAt).thenComparing(Return::id);

    private final Transactions tx;
    private final JsonCodec json;
    private final OutboxSaves saves;
    private final Clock clock;

    /**
     * A repository on {@code dataSource} (migrated by {@link PostgresSchema#migrate}), writing documents and events with
     * {@code module} (which must know the return events: {@link ReturnsJson#register}), calling {@code afterCommit} after
     * a save that wrote events (e.g. {@link OutboxRelay#wakeUp()}).
     */
    public PostgresReturnRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit) {
        this(dataSource, module, clock, afterCommit, null);
    }

    /** A repository as above that hands the events it committed to the relay of {@link PostgresOms} ({@code handoff}). */
    PostgresReturnRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit, OutboxHandoff handoff) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
        this.json = new JsonCodec(Checks.notNull(module, "module"));
        this.clock = Checks.notNull(clock, "clock");
        this.saves = new OutboxSaves(tx, new OutboxWriter(json), Checks.notNull(afterCommit, "afterCommit"), handoff);
    }

    /** A repository on {@code dataSource} with {@link ReturnsJson#module()} and the system clock. */
    public PostgresReturnRepository(DataSource dataSource) {
        this(dataSource, ReturnsJson.module(), Clock.systemUTC(), () -> { });
    }

    /**
     * Saves {@code ret} against the version before it and, if it was saved, appends {@code events} to the outbox in the
     * same transaction; if it was not, nothing is written.
     *
     * @throws SpiException on infrastructure failure; nothing was written
     */
    @Override
    public SaveOutcome save(Return ret, List<ReturnEvent> events) {
        Checks.notNull(ret, "ret");
        Checks.notNull(events, "events");
        return saves.save("save return " + ret.id(), c -> ret.version() == 1 ? insert(c, ret) : update(c, ret), events);
    }

    /** True: {@link #save} writes the events to the outbox, and an {@link OutboxRelay} publishes them. */
    @Override
    public boolean storesEvents() {
        return true;
    }

    private SaveOutcome insert(Connection c, Return r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_return (order_id, customer, status, opened_at, updated_at,"
                + " document, refund_open, label_open, return_id, version) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)"
                + " on conflict do nothing")) {
            bindDocument(ps, r);
            ps.setString(9, r.id().value());
            ps.setLong(10, r.version());
            return ps.executeUpdate() == 1 ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
        }
    }

    private SaveOutcome update(Connection c, Return r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update oms_return set order_id = ?, customer = ?, status = ?, opened_at = ?,"
                + " updated_at = ?, document = cast(? as jsonb), refund_open = ?, label_open = ?, version = ?"
                + " where return_id = ? and version = ?")) {
            bindDocument(ps, r);
            ps.setLong(9, r.version());
            ps.setString(10, r.id().value());
            ps.setLong(11, r.version() - 1);
            return ps.executeUpdate() == 1 ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
        }
    }

    /**
     * Binds order, customer, status, opened at, updated at, the document, whether a refund is open and whether the
     * label is open to the first eight parameters.
     */
    private void bindDocument(PreparedStatement ps, Return r) throws SQLException {
        ps.setString(1, r.orderId().value());
        ps.setString(2, r.customer().value());
        ps.setString(3, r.status().name());
        Sql.setInstant(ps, 4, r.openedAt());
        Sql.setInstant(ps, 5, clock.instant());
        ps.setString(6, json.documentToJson(r));
        ps.setBoolean(7, r.openRefund().isPresent());
        ps.setBoolean(8, r.labelOpen());
    }

    @Override
    public Optional<Return> find(ReturnId id) {
        Checks.notNull(id, "id");
        return tx.autoCommit("find return " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_return where return_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Return> findByOrder(OrderId order) {
        Checks.notNull(order, "order");
        List<Return> found = tx.autoCommit("find returns of order " + order, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_return where order_id = ?"
                    + " order by opened_at, return_id")) {
                ps.setString(1, order.value());
                return Sql.list(ps, PostgresReturnRepository.this::document);
            }
        });
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public int countByCustomerSince(CustomerRef customer, Instant since) {
        Checks.notNull(customer, "customer");
        Checks.notNull(since, "since");
        // the column keeps microseconds: the rows of the boundary's microsecond are read and compared exactly
        List<Return> near = tx.autoCommit("count returns of " + customer, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_return where customer = ?"
                    + " and opened_at >= ? and opened_at < ? + interval '1 microsecond'")) {
                ps.setString(1, customer.value());
                Sql.setInstant(ps, 2, since);
                Sql.setInstant(ps, 3, since);
                return Sql.list(ps, PostgresReturnRepository.this::document);
            }
        });
        int after = tx.autoCommit("count returns of " + customer, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from oms_return where customer = ?"
                    + " and opened_at >= ? + interval '1 microsecond'")) {
                ps.setString(1, customer.value());
                Sql.setInstant(ps, 2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return after + (int) near.stream().filter(r -> !r.openedAt().isBefore(since)).count();
    }

    @Override
    public List<ReturnId> findWithOpenRefund(int limit) {
        return oldestFirst("refund_open", limit);
    }

    @Override
    public List<ReturnId> findWithOpenLabel(int limit) {
        return oldestFirst("label_open", limit);
    }

    /** Up to {@code limit} returns whose boolean column {@code flag} is true, oldest opened first. */
    private List<ReturnId> oldestFirst(String flag, int limit) {
        Checks.positive(limit, "limit");
        List<Return> found = tx.autoCommit("find returns with " + flag, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_return where " + flag
                    + " order by opened_at, return_id limit ?")) {
                ps.setInt(1, limit);
                return Sql.list(ps, PostgresReturnRepository.this::document);
            }
        });
        found.sort(OLDEST_FIRST);
        return found.stream().map(Return::id).toList();
    }

    private Return document(ResultSet rs) throws SQLException {
        return json.documentFromJson(rs.getString(1), Return.class);
    }
}
