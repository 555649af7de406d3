package io.omskit.reporting.funds.spi;

import java.util.List;

/**
 * Who besides the retailer is owed what for units that reached the customer. The retailer keeps what the customer paid
 * less every share, so each captured or refunded cent lands in exactly one party's account whatever the policy says.
 * {@link CommissionPolicy} is the default, written as data; a host replaces it to pay its parties its own way.
 * Implementations must be stateless and thread-safe, and answer the same for the same units (refunds are reversed by
 * asking again about the refunded units).
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code StakeholderPolicyContract} checks each): any units get
 * an answer, never null, every share in the currency paid (§1, §2 for a seller's units); the same units get the same
 * shares, from any number of threads (§3); units the policy lacks data for are an {@link IllegalArgumentException}
 * naming what is missing (§4).
 */
public interface StakeholderPolicy {

    /**
     * The shares of {@code units}; empty when the retailer keeps all of it.
     *
     * @param units units of one line handed over through one fulfilment, never null
     * @return the shares, each in the currency of {@code units.paid()}; never null
     * @throws IllegalArgumentException when the policy lacks data it needs (a drop-shipper's cost price, say)
     */
    List<Share> shares(HandOver units);
}
