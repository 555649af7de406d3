/**
 * What a host plugs into funds reconciliation: who is owed what for the units they sold or handed over
 * ({@link io.omskit.reporting.funds.spi.StakeholderPolicy}, with {@link io.omskit.reporting.funds.spi.CommissionPolicy}
 * as the default written as data, and {@link io.omskit.reporting.funds.spi.CostPrices} for drop-shippers), and how a
 * payment provider's settlement report is read ({@link io.omskit.reporting.funds.spi.SettlementReader} yielding
 * {@link io.omskit.reporting.funds.spi.SettlementLine}s). Interfaces, records and enums only.
 */
package io.omskit.reporting.funds.spi;
