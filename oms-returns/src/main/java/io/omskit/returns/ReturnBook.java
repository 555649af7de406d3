package io.omskit.returns;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omskit.core.common.Change;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.spi.ReturnRepository;
import java.util.List;
import java.util.function.Function;

/**
 * The returns as the workflow reads and changes them: a read that first publishes the events of the return's last
 * change when this process has not seen them published, and a command applied and saved against the version it was
 * read at, retried on a conflict, its events published after the save (or left to the repository's outbox).
 */
final class ReturnBook {

    static final int MAX_CONFLICT_RETRIES = 8;

    private final ReturnRepository returns;
    private final EventPublisher events;
    /** The highest version of each return whose events this process published; an optimisation, not a guarantee. */
    private final Cache<ReturnId, Long> published = CacheBuilder.newBuilder().maximumSize(100_000).build();

    ReturnBook(ReturnRepository returns, EventPublisher events) {
        this.returns = returns;
        this.events = events;
    }

    ReturnRepository repository() {
        return returns;
    }

    /**
     * The return, after publishing the events of its last change when this process has not seen them published.
     *
     * @throws IllegalArgumentException when it is unknown
     */
    Return current(ReturnId id) {
        Return r = returns.find(id).orElseThrow(() -> new IllegalArgumentException("returnId " + id + " is not a known return"));
        if (!r.pendingEvents().isEmpty() && !returns.storesEvents()) {
            Long done = published.getIfPresent(id);
            if (done == null || done < r.version()) {
                events.publish(r.pendingEvents());
                published.asMap().merge(id, r.version(), Math::max);
            }
        }
        return r;
    }

    /** Saves a newly authorised return; a conflict means one with its id exists (the same request, opened before). */
    SaveOutcome add(Change<Return, ReturnEvent> opened) {
        return save(opened);
    }

    /** Loads, applies and saves with optimistic retries; answers the return after the command. */
    Return update(ReturnId id, Function<Return, Change<Return, ReturnEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Return current = current(id);
            Change<Return, ReturnEvent> change = command.apply(current);
            if (!change.changed()) {
                return current;
            }
            if (save(change) == SaveOutcome.SAVED) {
                return change.state();
            }
        }
        throw new SpiException("return " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES + " attempts",
                null, true);
    }

    private SaveOutcome save(Change<Return, ReturnEvent> change) {
        Return next = returns.storesEvents() ? change.state() : change.state().withPendingEvents(change.events());
        SaveOutcome outcome = returns.save(next, change.events());
        if (outcome == SaveOutcome.SAVED && !returns.storesEvents()) {
            events.publish(change.events());
            published.asMap().merge(next.id(), next.version(), Math::max);
        }
        return outcome;
    }

    List<Return> forOrder(io.omskit.core.order.OrderId order) {
        return returns.findByOrder(order);
    }
}
