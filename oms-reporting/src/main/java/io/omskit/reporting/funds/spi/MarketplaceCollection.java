package io.omskit.reporting.funds.spi;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import java.math.BigDecimal;

/**
 * An outside marketplace the retailer sells on that collects the customer's payment itself: orders taken in
 * {@code channel} are paid to the marketplace, not through the retailer's payment provider, and the marketplace owes the
 * retailer what it collected less its commission.
 *
 * @param channel     the channel whose orders the marketplace collects
 * @param marketplace who collects; its role must be {@link Stakeholder.Role#MARKETPLACE}
 * @param commission  the marketplace's rate on what it collects, between 0 and 1 (such as {@code 0.12}); rounded half
 *                    up to the currency's minor unit per capture and per refund
 */
public record MarketplaceCollection(Channel channel, Stakeholder marketplace, BigDecimal commission) {

    /**
     * @throws IllegalArgumentException when a value is missing, {@code marketplace} is not a marketplace or the rate is
     *                                  outside 0..1
     */
    public MarketplaceCollection {
        Checks.notNull(channel, "channel");
        Checks.notNull(marketplace, "marketplace");
        Checks.notNull(commission, "commission");
        if (marketplace.role() != Stakeholder.Role.MARKETPLACE) {
            throw new IllegalArgumentException("marketplace must have the role MARKETPLACE, was " + marketplace);
        }
        if (commission.signum() < 0 || commission.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission must be a rate between 0 and 1, was " + commission.toPlainString());
        }
    }
}
