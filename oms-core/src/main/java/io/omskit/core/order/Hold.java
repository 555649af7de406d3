package io.omskit.core.order;

import io.omskit.core.common.Checks;
import java.time.Instant;

/**
 * An order's hold: why, since when, and a detail for the people who release it.
 *
 * @param reason why
 * @param detail for people: at most {@value #MAX_DETAIL_LENGTH} characters, lines separated by line feeds, no other
 *               control characters; null means empty
 * @param since  when the hold began
 */
public record Hold(HoldReason reason, String detail, Instant since) {

    /** The longest detail: 1,000 characters. */
    public static final int MAX_DETAIL_LENGTH = 1_000;

    public Hold {
        Checks.notNull(reason, "reason");
        Checks.notNull(since, "since");
        detail = detail == null ? "" : Checks.multiLineText(detail, "detail", MAX_DETAIL_LENGTH);
    }
}
