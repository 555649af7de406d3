package io.omskit.postgres.internal;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.SaveOutcome;
import java.util.List;

/**
 * Saves an aggregate's document and the events of the change that produced it in one transaction: the events go to
 * the outbox if and only if the document was saved, and the relay is woken after a commit that wrote any.
 */
public final class OutboxSaves {

    private final Transactions tx;
    private final OutboxWriter outbox;
    private final Runnable afterCommit;
    private final OutboxHandoff handoff;

    /**
     * Saves through {@code tx}, appending to {@code outbox}, handing the committed events to {@code handoff} (null for
     * none) and calling {@code afterCommit} after a save that wrote events.
     */
    public OutboxSaves(Transactions tx, OutboxWriter outbox, Runnable afterCommit, OutboxHandoff handoff) {
        this.tx = Checks.notNull(tx, "tx");
        this.outbox = Checks.notNull(outbox, "outbox");
        this.afterCommit = Checks.notNull(afterCommit, "afterCommit");
        this.handoff = handoff;
    }

    /**
     * Runs {@code write} (an insert or a versioned update) and, when it saved, appends {@code events}, in one transaction.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure; nothing was written
     */
    public SaveOutcome save(String operation, Transactions.Work<SaveOutcome> write, List<? extends DomainEvent> events) {
        Checks.notNull(events, "events");
        long[] row = {-1};
        SaveOutcome outcome = tx.inTransaction(operation, c -> {
            SaveOutcome o = write.run(c);
            row[0] = o == SaveOutcome.SAVED ? outbox.append(c, events) : -1;
            return o;
        });
        committed(outcome, row[0], events);
        return outcome;
    }

    /**
     * Runs {@code write}, one statement in auto-commit mode that writes the document and, only when it did, the outbox
     * row of {@code events} (see {@link OutboxWriter#insertIfWritten}): all or nothing without a transaction of its own.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure; nothing was written, or (when the connection
     *         broke after the statement was sent) the save is in doubt
     */
    public SaveOutcome saveInOneStatement(String operation, Transactions.Work<Written> write, List<? extends DomainEvent> events) {
        Checks.notNull(events, "events");
        Written written = tx.autoCommit(operation, c -> {
            Written w = write.run(c);
            if (!c.getAutoCommit()) {
                // a host's pool that hands out connections outside auto-commit mode
                c.commit();
            }
            return w;
        });
        committed(written.outcome(), written.outboxRow(), events);
        return written.outcome();
    }

    private void committed(SaveOutcome outcome, long row, List<? extends DomainEvent> events) {
        if (outcome == SaveOutcome.SAVED && !events.isEmpty()) {
            if (handoff != null) {
                handoff.committed(row, events);
            }
            afterCommit.run();
        }
    }

    /** What a one-statement save wrote: its outcome, and the id of the outbox row (-1 when none was written). */
    public record Written(SaveOutcome outcome, long outboxRow) {
    }
}
