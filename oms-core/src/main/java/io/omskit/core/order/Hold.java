package io.omskit.core.order;

import io.omskit.core.common.Checks;
import java.time.Instant;

/**
 * An order's hold: why, since when, and a detail for the people who release it.
 */
public record Hold(HoldReason reason, String detail, Instant since) {

    public Hold {
        Checks.notNull(reason, "reason");
        Checks.notNull(since, "since");
        detail = detail == null ? "" : detail;
    }
}
