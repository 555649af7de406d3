package io.omskit.core.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result of a command on an immutable aggregate: the new state and the events the command raised.
 *
 * @param state  the aggregate after the command; never null
 * @param events the events raised, in order; empty when the command changed nothing
 * @param <S>    aggregate type
 * @param <E>    event type
 */
public record Change<S, E>(S state, List<E> events) {

    public Change {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** A change that raised no event. */
    public static <S, E> Change<S, E> unchanged(S state) {
        return new Change<>(state, List.of());
    }

    /** Whether the command raised any event. */
    public boolean changed() {
        return !events.isEmpty();
    }

    /** Applies a further command to the new state and concatenates both event lists. */
    public Change<S, E> then(Function<S, Change<S, E>> next) {
        Change<S, E> second = next.apply(state);
        if (events.isEmpty()) {
            return second;
        }
        if (second.events.isEmpty()) {
            return new Change<>(second.state, events);
        }
        var all = new java.util.ArrayList<E>(events.size() + second.events.size());
        all.addAll(events);
        all.addAll(second.events);
        return new Change<>(second.state, all);
    }
}
