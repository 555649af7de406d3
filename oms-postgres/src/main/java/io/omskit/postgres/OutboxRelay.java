package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.postgres.internal.OutboxHandoff;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the events of the {@code oms_outbox} table to an {@link EventPublisher}, oldest first, and marks them
 * published in the same transaction.
 *
 * <p><b>Delivery is at least once</b>: if the process dies after the publisher accepted a batch and before the mark
 * was committed, the batch is published again; consumers drop duplicates by {@link DomainEvent#eventId()}. An event is
 * never published for a change that rolled back, because it was written in that change's transaction.
 *
 * <p>Only one relay publishes at a time across all nodes (a transaction-level PostgreSQL advisory lock taken per
 * batch); relays of other nodes skip while it runs and pick up what is left on their next run. Events of one aggregate
 * are published in the order they were committed, because their writers hold the aggregate's lock while taking their
 * outbox ids.
 *
 * <p>Run it on demand ({@link #publishPending()}), after each change (pass {@code relay::publishPending} or
 * {@code relay::wakeUp} to the store), and in the background ({@link #start(Duration)}) to catch what a crash or a
 * failed publisher left behind. Thread-safe.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay: "omsoutbx" as a number. */
    private static final long LOCK_KEY = 0x6f6d736f75746278L;
    private static final int BATCH = 500;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Transactions tx;
    private final EventPublisher publisher;
    private final JsonCodec codec;
    private final Clock clock;
    private final OutboxHandoff handoff;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ReentrantLock wake = new ReentrantLock();
    private final Condition woken = wake.newCondition();
    private boolean wakeRequested;
    private volatile Thread worker;
    private volatile boolean closed;

    /** A relay from the outbox on {@code dataSource} to {@code publisher}, reading events with the core Jackson module. */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher, Clock clock) {
        this(dataSource, publisher, clock, new OmsJacksonModule());
    }

    /**
     * A relay from the outbox on {@code dataSource} to {@code publisher}, reading events with {@code module} (which
     * must know every event type the writers store).
     */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher, Clock clock, OmsJacksonModule module) {
        this(dataSource, publisher, clock, module, null);
    }

    /** A relay as above that first looks in {@code handoff} for the events of a row written by this process. */
    OutboxRelay(DataSource dataSource, EventPublisher publisher, Clock clock, OmsJacksonModule module, OutboxHandoff handoff) {
        this.handoff = handoff;
        this.codec = new JsonCodec(module);
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 3);
        this.publisher = Checks.notNull(publisher, "publisher");
        this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * Publishes every pending event, batch by batch, until none is left. When another thread of this relay is
     * already publishing, asks it to go round once more and returns at once; when a relay of another node is
     * publishing, returns what it published so far (that relay takes the rest). Never throws: a failing
     * publisher or database is logged and the events stay pending.
     *
     * @return the number of events this call published
     */
    public int publishPending() {
        again.set(true);
        int published = 0;
        while (again.get() && draining.tryLock()) {
            try {
                again.set(false);
                int[] n;
                do {
                    n = publishBatch();
                    published += n[1];
                } while (n[0] == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("publishing outbox events failed; they stay pending: {}", e.toString());
                return published;
            } finally {
                draining.unlock();
            }
        }
        return published;
    }

    /**
     * Publishes one batch; returns the number of outbox rows (-1 when a relay of another node holds the lock) and
     * of events it held.
     */
    private int[] publishBatch() {
        List<Long> marked = new ArrayList<>();
        int[] counts = tx.inTransaction("publish outbox events", c -> {
            marked.clear();
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return new int[] {-1, 0};
                    }
                }
            }
            // marked in the transaction that publishes them: a publisher that throws rolls the marks back
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("update oms_outbox set published_at = ? where id in (select id"
                    + " from oms_outbox where published_at is null order by id limit " + BATCH + ") returning id")) {
                Sql.setInstant(ps, 1, clock.instant());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return new int[] {0, 0};
            }
            ids.sort(null);
            List<DomainEvent> events = new ArrayList<>();
            for (List<DomainEvent> rowEvents : eventsOf(c, ids).values()) {
                events.addAll(rowEvents);
            }
            publisher.publish(events);
            marked.addAll(ids);
            return new int[] {ids.size(), events.size()};
        });
        if (handoff != null) {
            marked.forEach(handoff::published);
        }
        return counts;
    }

    /**
     * The events of rows {@code ids} in their order: as this process raised them when it knows them, otherwise parsed
     * from their stored JSON.
     */
    private Map<Long, List<DomainEvent>> eventsOf(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<DomainEvent>> events = new LinkedHashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            List<DomainEvent> known = handoff == null ? null : handoff.peek(id);
            events.put(id, known);
            if (known == null) {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return events;
        }
        // joined to the ids rather than "id = any(?)", which PostgreSQL planned afresh on every call
        try (PreparedStatement ps = c.prepareStatement("select o.id, o.payload::text from oms_outbox o"
                + " join unnest(?::bigint[]) as u(id) on o.id = u.id")) {
            ps.setArray(1, c.createArrayOf("bigint", unknown.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getLong(1), codec.eventsFromJsonArray(rs.getString(2)));
                }
            }
        }
        return events;
    }

    /** Asks the background thread (see {@link #start}) to publish now rather than at its next poll. Never blocks long. */
    public void wakeUp() {
        wake.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            wake.unlock();
        }
    }

    /**
     * Starts a daemon thread that publishes pending events every {@code pollInterval} and whenever {@link #wakeUp()}
     * is called (at most every 5 ms, so that events of concurrent commits go out in one batch), until {@link #close()}.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized OutboxRelay start(Duration pollInterval) {
        Checks.notNull(pollInterval, "pollInterval");
        if (worker != null || closed) {
            throw new IllegalStateException("relay already started or closed");
        }
        long nanos = pollInterval.toNanos();
        Thread t = new Thread(() -> {
            while (!closed) {
                publishPending();
                // let the events of concurrent commits gather, so that one batch publishes many of them
                LockSupport.parkNanos(GATHER_NANOS);
                wake.lock();
                try {
                    if (!wakeRequested && !closed) {
                        woken.awaitNanos(nanos);
                    }
                    wakeRequested = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    wake.unlock();
                }
            }
        }, "oms-outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
        return this;
    }

    /** Events written and not yet published. @throws SpiException when the database fails */
    public long pendingCount() {
        return tx.autoCommit("count pending outbox events", c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(event_count), 0) from oms_outbox"
                    + " where published_at is null");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Deletes events published before {@code before}, to keep the table small.
     *
     * @return how many events were deleted
     * @throws SpiException when the database fails
     */
    public int purgePublished(Instant before) {
        Checks.notNull(before, "before");
        return tx.inTransaction("purge published outbox events", c -> {
            try (PreparedStatement ps = c.prepareStatement("with d as (delete from oms_outbox where published_at < ?"
                    + " returning event_count) select coalesce(sum(event_count), 0) from d")) {
                Sql.setInstant(ps, 1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Stops the background thread, if any, after its current batch. */
    @Override
    public void close() {
        closed = true;
        wakeUp();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
