package io.omskit.core.order;

import io.omskit.core.common.Checks;
import java.time.Instant;

/**
 * A note kept with an order, such as an agent's record of a call. Notes are shown in the order's timeline and never
 * logged: they may hold what the customer said.
 *
 * @param author  who wrote it
 * @param text    the note: 1 to {@value #MAX_LENGTH} characters, several lines allowed, no other control characters
 * @param addedAt when it was added, from the injected clock
 */
public record OrderNote(Actor author, String text, Instant addedAt) {

    /** The longest note, in characters. */
    public static final int MAX_LENGTH = 2000;

    public OrderNote {
        Checks.notNull(author, "author");
        Checks.notBlank(text, "note");
        Checks.multiLineText(text, "note", MAX_LENGTH);
        Checks.notNull(addedAt, "addedAt");
    }
}
