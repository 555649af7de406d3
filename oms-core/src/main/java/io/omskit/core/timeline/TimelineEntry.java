package io.omskit.core.timeline;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Actor;
import java.time.Instant;

/**
 * One thing that happened to an order, a fulfilment, a payment, a return or a message, as an agent reads it.
 *
 * @param at      when it happened
 * @param actor   who did it or asked for it
 * @param kind    what happened, as a stable code for a UI, such as {@code order.placed}, {@code fulfilment.shipped},
 *                {@code return.received}, {@code message.sent}
 * @param subject what it is about: {@code order}, {@code fulfilment <id>}, {@code return <id>}, {@code message <key>}
 * @param text    what happened, in a sentence
 * @param reason  why, when known; empty otherwise
 * @param key     identifies the entry: the id of the event it comes from, or of the record it was read from
 */
public record TimelineEntry(Instant at, Actor actor, String kind, String subject, String text, String reason, String key) {

    public TimelineEntry {
        Checks.notNull(at, "at");
        Checks.notNull(actor, "actor");
        Checks.notBlank(kind, "kind");
        Checks.notBlank(subject, "subject");
        Checks.notBlank(text, "text");
        reason = reason == null ? "" : reason;
        Checks.notBlank(key, "key");
    }

    /** The entry as one line of text: time, actor, subject, what happened and why. */
    public String line() {
        return at + "  " + actor + "  [" + subject + "] " + text + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
