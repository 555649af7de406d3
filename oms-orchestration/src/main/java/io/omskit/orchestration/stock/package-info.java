/**
 * The stock the sourcing engine sees: a {@link io.omskit.orchestration.stock.StockSnapshot} of
 * {@link io.omskit.orchestration.stock.SkuStock} per SKU, live or frozen, through a channel's
 * {@link io.omskit.orchestration.stock.StockExposure}.
 */
package io.omskit.orchestration.stock;
