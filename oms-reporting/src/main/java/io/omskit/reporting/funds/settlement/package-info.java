/**
 * The payment provider's side of funds reconciliation: readers of settlement reports (Adyen's settlement details,
 * Stripe's balance transactions) and the {@link io.omskit.reporting.funds.settlement.Reconciler} that matches orders,
 * report lines and payout batches three ways and posts the settlement to the retailer's ledger.
 */
package io.omskit.reporting.funds.settlement;
