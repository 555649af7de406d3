package io.omskit.returns.policy;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import java.time.Duration;

/**
 * How long after delivery or collection units may be returned, for orders of a channel and SKUs of a category.
 *
 * @param channel  the order's channel; null for any
 * @param category the SKU's category; null for any
 * @param window   the period, positive
 */
public record WindowRule(Channel channel, String category, Duration window) {

    public WindowRule {
        if (category != null) {
            Checks.notBlank(category, "category");
        }
        Checks.notNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** Whether it applies to an order of {@code orderChannel} and a SKU of {@code skuCategory}. */
    public boolean appliesTo(Channel orderChannel, String skuCategory) {
        return (channel == null || channel == orderChannel) && (category == null || category.equals(skuCategory));
    }

    /** How specific it is: channel and category 3, category 2, channel 1, neither 0. */
    public int specificity() {
        return (category != null ? 2 : 0) + (channel != null ? 1 : 0);
    }
}
