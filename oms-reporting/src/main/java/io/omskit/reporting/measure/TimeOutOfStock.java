package io.omskit.reporting.measure;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Time out of stock: how long a SKU had nothing available to sell, network-wide or at a location, following its alert
 * levels ({@code StockLevelChanged}, raised once per crossing): out from an alert to {@code OUT_OF_STOCK} until the next
 * alert to another level; in stock before the first alert. A stock-out still running counts up to now.
 *
 * @param from        the first day of the bucket
 * @param to          the last day of the bucket
 * @param sku         the SKU
 * @param location    the location; {@code "network"} for the network as a whole
 * @param outOfStock  time out of stock in the bucket
 * @param share       its share of the bucket's time (up to now, for a bucket not yet over)
 */
public record TimeOutOfStock(LocalDate from, LocalDate to, String sku, String location, Duration outOfStock,
                             double share) {
}
