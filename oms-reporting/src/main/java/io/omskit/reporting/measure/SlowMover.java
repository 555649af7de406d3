package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * A slow mover: a SKU with stock on hand in the network at the end of the period and no sale in the last N days of it,
 * a sale being a {@code SHIPMENT} entry of its stock ledger at any location (stock that left for a customer).
 *
 * @param sku       the SKU
 * @param onHand    units on hand in the network at the end of the period
 * @param lastSale  the day of its latest sale; null when it never sold in the history held
 */
public record SlowMover(String sku, long onHand, LocalDate lastSale) {
}
