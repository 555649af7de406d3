package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.core.spi.TransferRepository;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferStatus;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.OutboxSaves;
import io.omskit.postgres.internal.OutboxWriter;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link TransferRepository} on PostgreSQL: each transfer is a JSONB document in {@code oms_transfer} written by the
 * library's Jackson module, beside indexed copies of its id, version, locations, status, expected arrival and request
 * time. Optimistic concurrency as {@link PostgresFulfilmentRepository}: version 1 is inserted with
 * {@code ON CONFLICT DO NOTHING}, version n replaces the row only {@code WHERE version = n - 1}.
 * {@link #save(Transfer, List)} writes the change's events to the outbox in the same transaction.
 *
 * <p>Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresTransferRepository implements TransferRepository {

    // the columns keep microseconds, the documents exact instants: each answer is put in exact order once read
    private static final Comparator<Transfer> EARLIEST_ARRIVAL =
            Comparator.comparing(Transfer::expectedArrival).thenComparing(Transfer::id);
    private static final Comparator<Transfer> OLDEST_REQUEST =
            Comparator.comparing(Transfer::requestedAt).thenComparing(Transfer::id);

    private final Transactions tx;
    private final JsonCodec json;
    private final OutboxSaves saves;
    private final Clock clock;

    /**
     * A repository on {@code dataSource} (migrated by {@link PostgresSchema#migrate}), writing documents and events with
     * {@code module}, calling {@code afterCommit} after a save that wrote events (e.g. {@link OutboxRelay#wakeUp()}).
     */
    public PostgresTransferRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
        this.json = new JsonCodec(Checks.notNull(module, "module"));
        this.clock = Checks.notNull(clock, "clock");
        this.saves = new OutboxSaves(tx, new OutboxWriter(json), Checks.notNull(afterCommit, "afterCommit"), null);
    }

    /** A repository on {@code dataSource} with the core Jackson module and the system clock. */
    public PostgresTransferRepository(DataSource dataSource) {
        this(dataSource, new OmsJacksonModule(), Clock.systemUTC(), () -> { });
    }

    @Override
    public SaveOutcome save(Transfer transfer) {
        return save(transfer, List.of());
    }

    /**
     * Saves {@code transfer} as {@link #save(Transfer)} does and, if it was saved, appends {@code events} to the outbox
     * in the same transaction; if it was not, nothing is written.
     *
     * @throws SpiException on infrastructure failure; nothing was written
     */
    @Override
    public SaveOutcome save(Transfer transfer, List<? extends DomainEvent> events) {
        Checks.notNull(transfer, "transfer");
        return saves.save("save transfer " + transfer.id(), c -> transfer.version() == 1 ? insert(c, transfer) : update(c, transfer),
                events);
    }

    /** True: {@link #save(Transfer, List)} writes the events to the outbox, and an {@link OutboxRelay} publishes them. */
    @Override
    public boolean storesEvents() {
        return true;
    }

    private SaveOutcome insert(Connection c, Transfer t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_transfer (source, destination, status,"
                + " expected_arrival, requested_at, updated_at, document, transfer_id, version)"
                + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict do nothing")) {
            bind(ps, t);
            ps.setString(8, t.id().value());
            ps.setLong(9, t.version());
            return ps.executeUpdate() == 1 ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
        }
    }

    private SaveOutcome update(Connection c, Transfer t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update oms_transfer set source = ?, destination = ?, status = ?,"
                + " expected_arrival = ?, requested_at = ?, updated_at = ?, document = cast(? as jsonb), version = ?"
                + " where transfer_id = ? and version = ?")) {
            bind(ps, t);
            ps.setLong(8, t.version());
            ps.setString(9, t.id().value());
            ps.setLong(10, t.version() - 1);
            return ps.executeUpdate() == 1 ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
        }
    }

    /** Binds source, destination, status, expected arrival, requested at, updated at and the document to the first seven. */
    private void bind(PreparedStatement ps, Transfer t) throws SQLException {
        ps.setString(1, t.from().value());
        ps.setString(2, t.to().value());
        ps.setString(3, t.status().name());
        Sql.setInstant(ps, 4, t.expectedArrival());
        Sql.setInstant(ps, 5, t.requestedAt());
        Sql.setInstant(ps, 6, clock.instant());
        ps.setString(7, json.documentToJson(t));
    }

    @Override
    public Optional<Transfer> find(TransferId id) {
        Checks.notNull(id, "id");
        return tx.autoCommit("find transfer " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_transfer where transfer_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Transfer> inbound(LocationId destination, TransferStatus status, int limit) {
        Checks.notNull(destination, "destination");
        List<Transfer> found = select("destination", "expected_arrival", destination, status, limit);
        found.sort(EARLIEST_ARRIVAL);
        return found;
    }

    @Override
    public List<Transfer> outbound(LocationId source, TransferStatus status, int limit) {
        Checks.notNull(source, "source");
        List<Transfer> found = select("source", "requested_at", source, status, limit);
        found.sort(OLDEST_REQUEST);
        return found;
    }

    private List<Transfer> select(String locationColumn, String orderColumn, LocationId location, TransferStatus status,
                                  int limit) {
        Checks.notNull(status, "status");
        Checks.positive(limit, "limit");
        return tx.autoCommit("find transfers by " + locationColumn + " " + location, c -> {
            try (PreparedStatement ps = c.prepareStatement("select document::text from oms_transfer where " + locationColumn
                    + " = ? and status = ? order by " + orderColumn + ", transfer_id limit ?")) {
                ps.setString(1, location.value());
                ps.setString(2, status.name());
                ps.setInt(3, limit);
                return Sql.list(ps, PostgresTransferRepository.this::document);
            }
        });
    }

    private Transfer document(ResultSet rs) throws SQLException {
        return json.documentFromJson(rs.getString(1), Transfer.class);
    }
}
