/**
 * Funds reconciliation: what every order captured and refunded and who it is owed to (the retailer, its stores,
 * marketplace sellers, drop-shippers), kept from the domain events by {@link io.omskit.reporting.funds.FundsBook} and
 * posted to double-entry ledgers; {@code .settlement} matches it against the payment provider's settlement report.
 */
package io.omskit.reporting.funds;
