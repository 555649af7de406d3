package io.omskit.returns.policy;

import io.omskit.core.common.Checks;
import java.time.Duration;

/**
 * At most {@code maxReturns} returns per customer within {@code period} (counted back from a new request).
 *
 * @param maxReturns at least 1
 * @param period     positive
 */
public record CustomerLimit(int maxReturns, Duration period) {

    public CustomerLimit {
        Checks.positive(maxReturns, "maxReturns");
        Checks.notNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }
}
