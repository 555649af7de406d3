package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
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
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link OrderRepository} on PostgreSQL: each order is a JSONB document in {@code oms_order} written by the
 * library's Jackson module, beside indexed copies of its id, version, channel, external reference and status.
 *
 * <p>Optimistic concurrency without locks held between calls: version 1 is inserted with
 * {@code ON CONFLICT DO NOTHING} (the primary key and the unique (channel, external reference) constraint decide
 * between concurrent placements), version n replaces the row only {@code WHERE version = n - 1}. Of concurrent
 * writers of one version exactly one wins; the others get {@link SaveOutcome#VERSION_CONFLICT}.
 *
 * <p>{@link #save(Order, List)} also writes the events of the change to the outbox in the same transaction, so they
 * are published (by the {@link OutboxRelay}) if and only if the order was saved.
 *
 * <p>The orders it saved or read last are kept parsed (see {@link #DEFAULT_DOCUMENT_CACHE}): a read still asks the
 * database for the order's version every time, and answers the kept order only when the database holds exactly that
 * version, so several nodes on one database read each other's changes at once.
 *
 * <p>Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresOrderRepository implements OrderRepository {

    private final Transactions tx;
    private final JsonCodec json;
    private final OutboxSaves saves;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ParsedDocuments<Order> parsed;

    /** How many orders a repository keeps parsed unless told otherwise: those of the orders in progress on a busy node. */
    public static final int DEFAULT_DOCUMENT_CACHE = 10_000;

    /**
     * A repository on {@code dataSource} (migrated by {@link PostgresSchema#migrate}), writing documents and events with
     * {@code module}, calling {@code afterCommit} after a save that wrote events (e.g. {@link OutboxRelay#wakeUp()}),
     * keeping {@link #DEFAULT_DOCUMENT_CACHE} orders parsed.
     */
    public PostgresOrderRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit) {
        this(dataSource, module, clock, afterCommit, DEFAULT_DOCUMENT_CACHE);
    }

    /**
     * A repository as {@link #PostgresOrderRepository(DataSource, OmsJacksonModule, Clock, Runnable)}, keeping up to
     * {@code documentCache} orders parsed (0: parse every read).
     *
     * @throws IllegalArgumentException when {@code documentCache} is negative
     */
    public PostgresOrderRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit,
                                   int documentCache) {
        this(dataSource, module, clock, afterCommit, documentCache, null);
    }

    /** A repository as above that hands the events it committed to the relay of {@link PostgresOms} ({@code handoff}). */
    PostgresOrderRepository(DataSource dataSource, OmsJacksonModule module, Clock clock, Runnable afterCommit, int documentCache,
            OutboxHandoff handoff) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
        this.json = new JsonCodec(Checks.notNull(module, "module"));
        this.clock = Checks.notNull(clock, "clock");
        this.outbox = new OutboxWriter(json);
        this.saves = new OutboxSaves(tx, outbox, Checks.notNull(afterCommit, "afterCommit"), handoff);
        this.parsed = new ParsedDocuments<>(documentCache, Order::version);
    }

    /** A repository on {@code dataSource} with the core Jackson module and the system clock. */
    public PostgresOrderRepository(DataSource dataSource) {
        this(dataSource, new OmsJacksonModule(), Clock.systemUTC(), () -> { });
    }

    @Override
    public SaveOutcome save(Order order) {
        return save(order, List.of());
    }

    /**
     * Saves {@code order} as {@link #save(Order)} does and, if it was saved, appends {@code events} to the outbox
     * in the same transaction; if it was not, nothing is written.
     *
     * @param events the events of the change that produced {@code order}, in order; may be empty
     * @throws SpiException on infrastructure failure; nothing was written
     */
    @Override
    public SaveOutcome save(Order order, List<? extends DomainEvent> events) {
        Checks.notNull(order, "order");
        String id = order.id().value();
        SaveOutcome outcome;
        try {
            if (order.version() == 1 || sameSkusAsBefore(order)) {
                outcome = saves.saveInOneStatement("save order " + order.id(), c -> saveInOneStatement(c, order, events),
                        events);
            } else {
                outcome = saves.save("save order " + order.id(), c -> {
                    SaveOutcome written = update(c, order);
                    if (written == SaveOutcome.SAVED) {
                        appendHistory(c, order, events);
                    }
                    return written;
                }, events);
            }
        } catch (RuntimeException e) {
            parsed.forget(id);
            throw e;
        }
        if (outcome == SaveOutcome.SAVED) {
            parsed.remember(id, order);
        } else {
            parsed.forget(id);
        }
        return outcome;
    }

    /** True: {@link #save(Order, List)} writes the events to the outbox, and an {@link OutboxRelay} publishes them. */
    @Override
    public boolean storesEvents() {
        return true;
    }

    /** Why version 1 of {@code order} was not inserted: its external reference is another order's, or it exists. */
    private static SaveOutcome notInserted(Connection c, Order order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select order_id from oms_order where channel = ? and external_ref = ?")) {
            ps.setString(1, order.channel().name());
            ps.setString(2, order.externalRef().value());
            try (ResultSet rs = ps.executeQuery()) {
                boolean taken = rs.next() && !rs.getString(1).equals(order.id().value());
                return taken ? SaveOutcome.DUPLICATE_EXTERNAL_REF : SaveOutcome.VERSION_CONFLICT;
            }
        }
    }

    /** Version n of an order over version n - 1: bound by {@link #bindDocument} at 1, then version, id, version - 1. */
    private static final String UPDATE_ROW = "update oms_order set status = ?, placed_at = ?, updated_at = ?,"
            + " document = cast(? as jsonb), customer = ?, pickup_store = ?, version = ? where order_id = ? and version = ?";

    private SaveOutcome update(Connection c, Order order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_ROW)) {
            bindDocument(ps, order, 1);
            ps.setLong(7, order.version());
            ps.setString(8, order.id().value());
            ps.setLong(9, order.version() - 1);
            if (ps.executeUpdate() != 1) {
                return SaveOutcome.VERSION_CONFLICT;
            }
        }
        Set<String> skus = skus(order);
        try (PreparedStatement ps = c.prepareStatement("delete from oms_order_sku where order_id = ?")) {
            ps.setString(1, order.id().value());
            ps.executeUpdate();
        }
        insertSkus(c, order, skus);
        return SaveOutcome.SAVED;
    }

    /**
     * Whether the previous version of {@code order} is known here with the same SKUs in its lines: the lines' SKUs rarely
     * change, and only then must the SKU index be rewritten.
     */
    private boolean sameSkusAsBefore(Order order) {
        Order previous = parsed.known(order.id().value());
        return previous != null && previous.version() == order.version() - 1 && skus(previous).equals(skus(order));
    }

    /**
     * The one-statement save of each shape (insert or update, with or without order history, with or without outbox
     * events), indexed by 1 for an insert, 2 for history, 4 for events: built once, since the driver finds its prepared
     * statement by hashing the text.
     */
    private static final String[] SAVE_STATEMENTS = new String[8];

    static {
        for (int shape = 0; shape < SAVE_STATEMENTS.length; shape++) {
            SAVE_STATEMENTS[shape] = saveStatement((shape & 1) != 0, (shape & 2) != 0, (shape & 4) != 0);
        }
    }

    private static String saveStatement(boolean first, boolean history, boolean withEvents) {
        StringBuilder sql = new StringBuilder(first
                ? "with doc as (insert into oms_order (status, placed_at, updated_at, document, customer, pickup_store, version,"
                        + " order_id, channel, external_ref) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?) on conflict do nothing"
                        + " returning 1), sku as (insert into oms_order_sku (sku, placed_at, order_id) select unnest(?::text[]),"
                        + " ?::timestamptz, ? where exists (select 1 from doc) on conflict do nothing)"
                : "with doc as (" + UPDATE_ROW + " returning 1)");
        if (history) {
            sql.append(", hist as (insert into oms_order_history (order_id, version, events) select ?, ?, cast(? as jsonb)"
                    + " where exists (select 1 from doc))");
        }
        if (withEvents) {
            sql.append(", ").append(OutboxWriter.insertIfWritten("doc"));
        }
        sql.append(OutboxWriter.selectWritten("doc", withEvents));
        return sql.toString();
    }

    /**
     * Saves {@code order} in one statement: version 1 inserted with its SKUs (unless its id or external reference is
     * taken), version n > 1 over version n - 1 (its SKUs unchanged); with its history and its outbox row, each written
     * only when the order row was (a data-modifying statement is atomic without a transaction of its own).
     */
    private OutboxSaves.Written saveInOneStatement(Connection c, Order order, List<? extends DomainEvent> events)
            throws SQLException {
        boolean first = order.version() == 1;
        List<OrderEvent> orderEvents = orderEvents(events);
        String history = orderEvents.isEmpty() ? null : json.toJsonArray(orderEvents);
        String sql = SAVE_STATEMENTS[(first ? 1 : 0) | (history != null ? 2 : 0) | (events.isEmpty() ? 0 : 4)];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindDocument(ps, order, 1);
            ps.setLong(7, order.version());
            ps.setString(8, order.id().value());
            int next;
            if (first) {
                ps.setString(9, order.channel().name());
                ps.setString(10, order.externalRef().value());
                Sql.setTextArray(ps, 11, skus(order).toArray(new String[0]));
                Sql.setInstant(ps, 12, order.placedAt());
                ps.setString(13, order.id().value());
                next = 14;
            } else {
                ps.setLong(9, order.version() - 1);
                next = 10;
            }
            if (history != null) {
                ps.setString(next++, order.id().value());
                ps.setLong(next++, order.version());
                ps.setString(next++, history);
            }
            if (!events.isEmpty()) {
                // the events are the order's (the usual case): their JSON is written once for both
                outbox.bind(ps, next, events, orderEvents.size() == events.size() ? history : null);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 1) {
                    return new OutboxSaves.Written(SaveOutcome.SAVED, rs.getLong(2));
                }
            }
        }
        return new OutboxSaves.Written(first ? notInserted(c, order) : SaveOutcome.VERSION_CONFLICT, -1);
    }

    private static List<OrderEvent> orderEvents(List<? extends DomainEvent> events) {
        List<OrderEvent> orderEvents = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            if (e instanceof OrderEvent oe) {
                orderEvents.add(oe);
            }
        }
        return orderEvents;
    }

    private static Set<String> skus(Order order) {
        Set<String> skus = new TreeSet<>();
        for (OrderLine line : order.lines()) {
            skus.add(line.sku().value());
        }
        return skus;
    }

    private static void insertSkus(Connection c, Order order, Set<String> skus) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_order_sku (sku, placed_at, order_id)"
                + " select unnest(?), ?, ? on conflict do nothing")) {
            Sql.setTextArray(ps, 1, skus.toArray(new String[0]));
            Sql.setInstant(ps, 2, order.placedAt());
            ps.setString(3, order.id().value());
            ps.executeUpdate();
        }
    }

    private void appendHistory(Connection c, Order order, List<? extends DomainEvent> events) throws SQLException {
        List<OrderEvent> orderEvents = orderEvents(events);
        if (orderEvents.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into oms_order_history (order_id, version, events)"
                + " values (?, ?, cast(? as jsonb))")) {
            ps.setString(1, order.id().value());
            ps.setLong(2, order.version());
            ps.setString(3, json.toJsonArray(orderEvents));
            ps.executeUpdate();
        }
    }

    /** Binds status, placed at, updated at, the document, the customer and the pickup store to six parameters from {@code at} on. */
    private void bindDocument(PreparedStatement ps, Order order, int at) throws SQLException {
        ps.setString(at, order.status().name());
        Sql.setInstant(ps, at + 1, order.placedAt());
        Sql.setInstant(ps, at + 2, clock.instant());
        ps.setString(at + 3, json.documentToJson(order));
        ps.setString(at + 4, order.customer().value());
        LocationId store = order.delivery().pickupStore();
        ps.setString(at + 5, store == null ? null : store.value());
    }

    @Override
    public Optional<Order> find(OrderId id) {
        Checks.notNull(id, "id");
        String key = id.value();
        return tx.autoCommit("find order " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("select version, case when version = ? then null"
                    + " else document::text end from oms_order where order_id = ?")) {
                Order known = parsed.known(key);
                ps.setLong(1, parsed.versionOf(known));
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parsed.resolve(key, known, rs.getLong(1), rs.getString(2), this::parse))
                            : Optional.empty();
                }
            }
        });
    }

    private Order parse(String document) {
        return json.documentFromJson(document, Order.class);
    }

    @Override
    public Optional<Order> findByExternalRef(Channel channel, ExternalOrderRef externalRef) {
        Checks.notNull(channel, "channel");
        Checks.notNull(externalRef, "externalRef");
        return tx.autoCommit("find order by external reference", c -> {
            try (PreparedStatement ps = c.prepareStatement("select order_id, version, document::text from oms_order"
                    + " where external_ref = ? and channel = ?")) {
                ps.setString(1, externalRef.value());
                ps.setString(2, channel.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parsed.resolve(rs.getString(1), rs.getLong(2), rs.getString(3), this::parse))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<OrderId> findAwaitingConfirmation(int limit) {
        Checks.positive(limit, "limit");
        return tx.autoCommit("find orders awaiting confirmation", c -> {
            try (PreparedStatement ps = c.prepareStatement("select order_id from oms_order where status = ?"
                    + " order by order_id limit ?")) {
                ps.setString(1, OrderStatus.AWAITING_CONFIRMATION.name());
                ps.setInt(2, limit);
                List<OrderId> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(OrderId.of(rs.getString(1)));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * One page of the orders {@code query} finds, read in one statement: from {@code oms_order_sku} joined to the orders
     * when a SKU is asked for, else from {@code oms_order}, through the index of the most selective filter set.
     */
    @Override
    public OrderPage search(OrderQuery query) {
        Checks.notNull(query, "query");
        SearchStatement statement = searchStatement(query);
        return tx.autoCommit("search orders", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                statement.bind(c, ps);
                List<Order> found = Sql.list(ps, rs -> parsed.resolve(rs.getString(1), rs.getLong(2), rs.getString(3), this::parse));
                return OrderPage.of(found, query.limit());
            }
        });
    }

    /** The statement of a search and its arguments (text, text arrays, instants, one page size). */
    record SearchStatement(String sql, List<Object> args) {
        void bind(Connection c, PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof java.time.Instant at) {
                    Sql.setInstant(ps, i + 1, at);
                } else if (arg instanceof String[] texts) {
                    Sql.setTextArray(ps, i + 1, texts);
                } else if (arg instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) arg);
                }
            }
        }
    }

    /** The one statement that reads a page of {@code query}, one row more than the page to tell whether more follow. */
    static SearchStatement searchStatement(OrderQuery query) {
        boolean bySku = query.sku() != null;
        String placed = bySku ? "s.placed_at" : "o.placed_at";
        String id = bySku ? "s.order_id" : "o.order_id";
        StringBuilder sql = new StringBuilder("select o.order_id, o.version, o.document::text from ");
        sql.append(bySku ? "oms_order_sku s join oms_order o on o.order_id = s.order_id where s.sku = ?" : "oms_order o where true");
        List<Object> args = new ArrayList<>();
        if (bySku) {
            args.add(query.sku().value());
        }
        if (query.customer() != null) {
            sql.append(" and o.customer = ?");
            args.add(query.customer().value());
        }
        if (!query.statuses().isEmpty()) {
            List<String> names = new ArrayList<>();
            query.statuses().forEach(st -> names.add(st.name()));
            // one status is an equality, which the planner matches to the status index's range
            if (names.size() == 1) {
                sql.append(" and o.status = ?");
                args.add(names.get(0));
            } else {
                sql.append(" and o.status = any(?)");
                args.add(names.toArray(new String[0]));
            }
        }
        if (query.channel() != null) {
            sql.append(" and o.channel = ?");
            args.add(query.channel().name());
        }
        if (query.externalRef() != null) {
            sql.append(" and o.external_ref = ?");
            args.add(query.externalRef().value());
        }
        if (query.pickupStore() != null) {
            sql.append(" and o.pickup_store = ?");
            args.add(query.pickupStore().value());
        }
        if (query.placedFrom() != null) {
            sql.append(" and ").append(placed).append(" >= ?");
            args.add(query.placedFrom());
        }
        if (query.placedBefore() != null) {
            sql.append(" and ").append(placed).append(" < ?");
            args.add(query.placedBefore());
        }
        String direction = query.isNewestFirst() ? " desc" : "";
        if (query.after() != null) {
            sql.append(" and (").append(placed).append(", ").append(id).append(query.isNewestFirst() ? ") < (?, ?)" : ") > (?, ?)");
            args.add(query.after().placedAt());
            args.add(query.after().orderId().value());
        }
        sql.append(" order by ").append(placed).append(direction).append(", ").append(id).append(direction).append(" limit ?");
        args.add(query.limit() + 1);
        return new SearchStatement(sql.toString(), args);
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        Checks.notNull(id, "id");
        return tx.autoCommit("read order history " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("select events::text from oms_order_history where order_id = ?"
                    + " order by version")) {
                ps.setString(1, id.value());
                List<OrderEvent> events = new ArrayList<>();
                for (String batch : Sql.list(ps, rs -> rs.getString(1))) {
                    for (DomainEvent e : json.eventsFromJsonArray(batch)) {
                        events.add((OrderEvent) e);
                    }
                }
                return events;
            }
        });
    }
}
