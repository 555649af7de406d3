package io.omskit.returns.policy;

import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderLine;
import java.time.Instant;

/**
 * What a policy judges a line on.
 *
 * @param orderChannel    the channel the order was taken in
 * @param customer        the order's customer
 * @param line            the order line
 * @param attributes      the SKU's catalog attributes; null when the catalog does not know it
 * @param handedOverAt    when the line's units were last delivered or collected; null when none was
 * @param now             the moment of the request
 * @param requested       units asked to return, at least 1
 * @param returnable      units delivered or collected and not already returned or being returned
 * @param customerReturns returns the customer opened within the policy's limit period before this one
 */
public record LineFacts(Channel orderChannel, CustomerRef customer, OrderLine line, SkuAttributes attributes,
                        Instant handedOverAt, Instant now, int requested, int returnable, int customerReturns) {

    public LineFacts {
        Checks.notNull(orderChannel, "orderChannel");
        Checks.notNull(customer, "customer");
        Checks.notNull(line, "line");
        Checks.notNull(now, "now");
        Checks.positive(requested, "requested");
        Checks.notNegative(returnable, "returnable");
        Checks.notNegative(customerReturns, "customerReturns");
    }
}
