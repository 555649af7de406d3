package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.core.spi.WorkQueuePosition;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.OutboxHandoff;
import io.omskit.postgres.internal.OutboxSaves;
import io.omskit.postgres.internal.OutboxWriter;
import io.omskit.postgres.internal.ParsedDocuments;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link FulfilmentRepository} on PostgreSQL: each fulfilment is a JSONB document in {@code oms_fulfilment} written by
 * the library's Jackson module, beside indexed copies of its id, version, order, location, status, collection deadline
 * and creation time.
 *
 * <p>Optimistic concurrency without locks held between calls: version 1 is inserted with {@code ON CONFLICT DO NOTHING},
 * version n replaces the row only {@code WHERE version = n - 1}. Of concurrent writers of one version exactly one wins;
 * the others get {@link SaveOutcome#VERSION_CONFLICT}.
 *
 * <p>{@link #save(Fulfilment, List)} also writes the events of the change to the outbox in the same transaction, so they
 * are published (by the {@link OutboxRelay}) if and only if the fulfilment was saved.
 *
 * <p>The fulfilments it saved or read last are kept parsed, as {@link PostgresOrderRepository} keeps orders: a read
 * still asks the database for each fulfilment's version, and answers the kept one only when the database holds exactly
 * that version.
 *
 * <p>Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresFulfilmentRepository implements FulfilmentRepository {

    // the columns keep microseconds, the documents exact instants: each answer is put in exact order once read
    private static final Comparator<Fulfilment> OLDEST_FIRST =
            Comparator.comparing(Fulfilment::createdAt).thenComparing(Fulfilment::id);
    private static final Comparator<Fulfilment> MOST_RECENTLY_BOOKED_FIRST =
            Comparator.comparing((Fulfilment f) -> f.booking().bookedAt()).reversed().thenComparing(Fulfilment::id);
    private static final Comparator<Fulfilment> EARLIEST_DEADLINE_FIRST =
            Comparator.comparing(Fulfilment::collectBy).thenComparing(Fulfilment::id);

    /** The statuses the work-queue index covers, and the predicate that lets the planner use it. */
    private static final Set<FulfilmentStatus> QUEUED = java.util.EnumSet.of(FulfilmentStatus.OFFERED,
            FulfilmentStatus.ACCEPTED, FulfilmentStatus.PICKING, FulfilmentStatus.READY_TO_SHIP);
    private static final String QUEUED_PREDICATE = " and status in ('OFFERED', 'ACCEPTED', 'PICKING', 'READY_TO_SHIP')";

    private final Transactions tx;
    private final JsonCodec json;
    private final OutboxSaves saves;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ParsedDocuments<Fulfilment> parsed;

    /**
     * A repository on {@code dataSource} (migrated by {@link PostgresSchema#migrate}), writing documents and events with
     * {@code module}, calling {@code afterCommit} after a save that wrote events (e.g. {@link OutboxRelay#wakeUp()}),
     * keeping {@link PostgresOrderRepository#DEFAULT_DOCUMENT_CACHE} fulfilments parsed.
     */
    public PostgresFulfilmentRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit) {
        this(dataSource, module, clock, afterCommit, PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE);
    }

    /**
     * A repository as {@link #PostgresFulfilmentRepository(DataSource, OmsJacksonModule, Clock, Runnable)}, keeping up to
     * {@code documentCache} fulfilments parsed (0: parse every read).
     *
     * @throws IllegalArgumentException when {@code documentCache} is negative
     */
    public PostgresFulfilmentRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit,
                                        int documentCache) {
        this(dataSource, module, clock, afterCommit, documentCache, null);
    }

    /** A repository as above that hands the events it committed to the relay of {@link PostgresOms} ({@code handoff}). */
    PostgresFulfilmentRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit, int documentCache,
            OutboxHandoff handoff) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
        this.json = new JsonCodec(Checks.notNull(module, "module"));
        this.clock = Checks.notNull(clock, "clock");
        this.outbox = new OutboxWriter(json);
        this.saves = new OutboxSaves(tx, outbox, Checks.notNull(afterCommit, "afterCommit"), handoff);
        this.parsed = new ParsedDocuments<>(documentCache, Fulfilment::version);
    }

    /** A repository on {@code dataSource} with the core Jackson module and the system clock. */
    public PostgresFulfilmentRepository(DataSource dataSource) {
        this(dataSource, new OmsJacksonModule(), Clock.systemUTC(), () -> { });
    }

    @Override
    public SaveOutcome save(Fulfilment fulfilment) {
        return save(fulfilment, List.of());
    }

    /**
     * Saves {@code fulfilment} as {@link #save(Fulfilment)} does and, if it was saved, appends {@code events} to the
     * outbox in the same transaction; if it was not, nothing is written.
     *
     * @param events the events of the change that produced {@code fulfilment}, in order; may be empty
     * @throws SpiException on infrastructure failure; nothing was written
     */
    @Override
    public SaveOutcome save(Fulfilment fulfilment, List<? extends DomainEvent> events) {
        Checks.notNull(fulfilment, "fulfilment");
        String id = fulfilment.id().value();
        SaveOutcome outcome;
        try {
            outcome = saves.saveInOneStatement("save fulfilment " + fulfilment.id(), c -> write(c, fulfilment, events), events);
        } catch (RuntimeException e) {
            parsed.forget(id);
            throw e;
        }
        if (outcome == SaveOutcome.SAVED) {
            parsed.remember(id, fulfilment);
        } else {
            parsed.forget(id);
        }
        return outcome;
    }

    /** True: {@link #save(Fulfilment, List)} writes the events to the outbox, and an {@link OutboxRelay} publishes them. */
    @Override
    public boolean storesEvents() {
        return true;
    }

    /**
     * The one-statement save of each shape, indexed by 1 for an insert and 2 for outbox events: built once, as the
     * order repository's are.
     */
    private static final String[] SAVE_STATEMENTS = new String[4];

    static {
        for (int shape = 0; shape < SAVE_STATEMENTS.length; shape++) {
            boolean withEvents = (shape & 2) != 0;
            SAVE_STATEMENTS[shape] = ((shape & 1) != 0
                    ? "with doc as (insert into oms_fulfilment (order_id, location, status, collect_by, created_at,"
                            + " updated_at, document, due_by, version, fulfilment_id) values (?, ?, ?, ?, ?, ?, cast(? as jsonb),"
                            + " ?, ?, ?) on conflict do nothing returning 1)"
                    : "with doc as (update oms_fulfilment set order_id = ?, location = ?, status = ?,"
                            + " collect_by = ?, created_at = ?, updated_at = ?, document = cast(? as jsonb), due_by = ?, version = ?"
                            + " where fulfilment_id = ? and version = ? returning 1)")
                    + (withEvents ? ", " + OutboxWriter.insertIfWritten("doc") : "") + OutboxWriter.selectWritten("doc", withEvents);
        }
    }

    /**
     * Saves {@code f} and its outbox row in one statement: version 1 inserted unless its id is taken, version n > 1 over
     * version n - 1; the outbox row written only when the fulfilment row was (a data-modifying statement is atomic
     * without a transaction of its own).
     */
    private OutboxSaves.Written write(Connection c, Fulfilment f, List<? extends DomainEvent> events) throws SQLException {
        boolean first = f.version() == 1;
        try (PreparedStatement ps = c.prepareStatement(SAVE_STATEMENTS[(first ? 1 : 0) | (events.isEmpty() ? 0 : 2)])) {
            bindDocument(ps, f);
            ps.setLong(9, f.version());
            ps.setString(10, f.id().value());
            if (!first) {
                ps.setLong(11, f.version() - 1);
            }
            if (!events.isEmpty()) {
                outbox.bind(ps, first ? 11 : 12, events);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1 ? new OutboxSaves.Written(SaveOutcome.SAVED, rs.getLong(2))
                        : new OutboxSaves.Written(SaveOutcome.VERSION_CONFLICT, -1);
            }
        }
    }

    /**
     * Binds order, location, status, collect by, created at, updated at, the document and the work queue's due time to
     * the first eight parameters.
     */
    private void bindDocument(PreparedStatement ps, Fulfilment f) throws SQLException {
        ps.setString(1, f.orderId().value());
        ps.setString(2, f.location().value());
        ps.setString(3, f.status().name());
        Sql.setInstant(ps, 4, f.collectBy());
        Sql.setInstant(ps, 5, f.createdAt());
        Sql.setInstant(ps, 6, clock.instant());
        ps.setString(7, json.documentToJson(f));
        Sql.setInstant(ps, 8, WorkQueuePosition.of(f).dueBy());
    }

    @Override
    public Optional<Fulfilment> find(FulfilmentId id) {
        Checks.notNull(id, "id");
        return tx.autoCommit("find fulfilment " + id, c -> {
            String key = id.value();
            try (PreparedStatement ps = c.prepareStatement("select version, case when version = ? then null"
                    + " else document::text end from oms_fulfilment where fulfilment_id = ?")) {
                Fulfilment known = parsed.known(key);
                ps.setLong(1, parsed.versionOf(known));
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parsed.resolve(key, known, rs.getLong(1), rs.getString(2), this::parse))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Fulfilment> forOrder(OrderId orderId) {
        Checks.notNull(orderId, "orderId");
        List<Fulfilment> found = tx.autoCommit("find fulfilments of order " + orderId, c -> {
            try (PreparedStatement ps = c.prepareStatement("select fulfilment_id, version, document::text from oms_fulfilment"
                    + " where order_id = ?"
                    + " order by created_at, fulfilment_id")) {
                ps.setString(1, orderId.value());
                return Sql.list(ps, PostgresFulfilmentRepository.this::document);
            }
        });
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit) {
        Checks.notNull(location, "location");
        Checks.notNull(status, "status");
        Checks.positive(limit, "limit");
        List<Fulfilment> found = tx.autoCommit("find fulfilments at " + location, c -> {
            try (PreparedStatement ps = c.prepareStatement("select fulfilment_id, version, document::text from oms_fulfilment"
                    + " where location = ?"
                    + " and status = ? order by created_at, fulfilment_id limit ?")) {
                ps.setString(1, location.value());
                ps.setString(2, status.name());
                ps.setInt(3, limit);
                return Sql.list(ps, PostgresFulfilmentRepository.this::document);
            }
        });
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public List<Fulfilment> workQueue(LocationId location, Set<FulfilmentStatus> statuses, WorkQueuePosition after,
                                      int limit) {
        Checks.notNull(location, "location");
        Checks.notNull(statuses, "statuses");
        Checks.positive(limit, "limit");
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Fulfilment> found = tx.autoCommit("find the work queue of " + location, c -> {
            String[] names = statuses.stream().map(Enum::name).sorted().toArray(String[]::new);
            // the columns keep microseconds: a fulfilment within the microsecond of the position is compared exactly below
            try (PreparedStatement ps = c.prepareStatement("select fulfilment_id, version, document::text from oms_fulfilment"
                    + " where location = ?"
                    + " and status = any(?)" + (QUEUED.containsAll(statuses) ? QUEUED_PREDICATE : "")
                    + (after == null ? "" : " and (due_by, created_at, fulfilment_id) >= (?, ?, ?)")
                    + " order by due_by, created_at, fulfilment_id limit ?")) {
                ps.setString(1, location.value());
                Sql.setTextArray(ps, 2, names);
                int next = 3;
                if (after != null) {
                    Sql.setInstant(ps, next++, after.dueBy());
                    Sql.setInstant(ps, next++, after.createdAt());
                    ps.setString(next++, after.id().value());
                }
                ps.setInt(next, limit + 1);
                return Sql.list(ps, PostgresFulfilmentRepository.this::document);
            }
        });
        if (after != null) {
            found.removeIf(f -> WorkQueuePosition.of(f).compareTo(after) <= 0);
        }
        found.sort(java.util.Comparator.comparing(WorkQueuePosition::of));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public List<Fulfilment> dueForExpiry(Instant now, int limit) {
        Checks.notNull(now, "now");
        Checks.positive(limit, "limit");
        List<Fulfilment> found = tx.autoCommit("find fulfilments due for expiry", c -> {
            try (PreparedStatement ps = c.prepareStatement("select fulfilment_id, version, document::text from oms_fulfilment"
                    + " where status = 'READY_FOR_COLLECTION' and collect_by <= ? order by collect_by, fulfilment_id limit ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                return Sql.list(ps, PostgresFulfilmentRepository.this::document);
            }
        });
        // now was bound to the microsecond: a deadline later within that microsecond has not passed
        found.removeIf(f -> f.collectBy().isAfter(now));
        found.sort(EARLIEST_DEADLINE_FIRST);
        return found;
    }

    /** Reads through the tracking-number index of migration V7; the order by booking time is put right once read. */
    @Override
    public List<Fulfilment> withTrackingNumber(String carrier, String trackingNumber) {
        Checks.notNull(carrier, "carrier");
        Checks.notNull(trackingNumber, "trackingNumber");
        List<Fulfilment> found = tx.autoCommit("find fulfilments with tracking number " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("select fulfilment_id, version, document::text from oms_fulfilment"
                    + " where (document -> 'booking' -> 'label' ->> 'trackingNumber') = ?"
                    + " and (document -> 'booking' -> 'service' ->> 'carrier') = ?")) {
                ps.setString(1, trackingNumber);
                ps.setString(2, carrier);
                return Sql.list(ps, PostgresFulfilmentRepository.this::document);
            }
        });
        found.sort(MOST_RECENTLY_BOOKED_FIRST);
        return found;
    }

    /** The fulfilment of a row of id, version and document. */
    private Fulfilment document(ResultSet rs) throws SQLException {
        return parsed.resolve(rs.getString(1), rs.getLong(2), rs.getString(3), this::parse);
    }

    private Fulfilment parse(String document) {
        return json.documentFromJson(document, Fulfilment.class);
    }
}
