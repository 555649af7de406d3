package io.omskit.atp.spi;

import io.omskit.core.catalog.Sku;

/**
 * Units of a SKU that earlier orders were promised from inbound supply and that no stock covers yet (backorders).
 * A new future promise queues behind them: they take the earliest inbound first. Thread-safe.
 *
 * <p>The shipped ledger is {@code oms.backorders()::waiting}, which reads {@code BackorderBook.waitingUnits}: its
 * contract is clause §8 of the backorder book's TCK ({@code BackorderBookContract}), run on every book.
 */
public interface BackorderLedger {

    /**
     * Units of {@code sku} waiting for inbound supply.
     *
     * @return at least 0
     */
    int waiting(Sku sku);

    /** A ledger without backorders. */
    static BackorderLedger none() {
        return sku -> 0;
    }
}
