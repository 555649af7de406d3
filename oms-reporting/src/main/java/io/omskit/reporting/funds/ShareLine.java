package io.omskit.reporting.funds;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.spi.HandOver;
import io.omskit.reporting.funds.spi.Share;
import java.time.Instant;

/**
 * One party's share of units handed over, or its reversal when the units were refunded.
 *
 * @param units    the units, as the policy saw them
 * @param share    who is owed what, and on what basis
 * @param reversed whether it takes the share back (a refund) rather than grants it
 * @param at       when the units were handed over or refunded
 */
public record ShareLine(HandOver units, Share share, boolean reversed, Instant at) {

    public ShareLine {
        Checks.notNull(units, "units");
        Checks.notNull(share, "share");
        Checks.notNull(at, "at");
    }
}
