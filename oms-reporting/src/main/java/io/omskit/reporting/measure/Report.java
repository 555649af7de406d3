package io.omskit.reporting.measure;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Every measure for one period, as the exports and the HTML report show them: the headline breakdowns of each.
 *
 * @param period            the days covered
 * @param asOf              the instant it was computed at (backlog ages, promises passed, running stock-outs)
 * @param volumeTotal       order volume and value over the period, per currency
 * @param speedTotal        fulfilment speed over the period
 * @param promiseTotal      promise kept over the period
 * @param fillRateTotal     fill rate over the period
 * @param splitRateTotal    shipments per order over the period
 * @param returnRateTotal   return rate over the period
 * @param volumeByDay       order volume and value per day
 * @param volumeByChannel   order volume and value per channel over the period
 * @param speedByDay        fulfilment speed per day
 * @param speedByLocation   fulfilment speed per location over the period
 * @param promiseByDay      promise kept (OTIF) per day of promise
 * @param promiseByChannel  promise kept per channel over the period
 * @param fillRateByLocation fill rate per location over the period
 * @param splitRate         shipments per order per channel over the period
 * @param cancellations     cancellations per reason over the period
 * @param rejections        rejections per location and reason over the period
 * @param returnRate        return rate per category over the period
 * @param returnReasons     return reasons over the period
 * @param returnsValue      returns value % per currency over the period
 * @param stockTurnover     stock turnover and days of cover per SKU over the period
 * @param timeOutOfStock    time out of stock per SKU and location over the period
 * @param fastSellers       fast sellers over the last {@link #FAST_SELLER_WINDOW_DAYS} days against the days before
 * @param slowMovers        SKUs with stock and no sale in the last {@link #SLOW_MOVER_DAYS} days
 * @param backlog           fulfilments waiting per location at {@code asOf}
 * @param promiseByLocation promise kept per fulfilling location over the period
 * @param promiseByCategory promise kept per category over the period
 * @param fillRateByCategory fill rate per category over the period
 * @param splitRateByLocation shipments per order per location taking part, over the period
 * @param splitRateByCategory shipments per order per category, over the period
 * @param cancellationsByCategory cancellations per category of the lines cancelled and reason, over the period
 * @param cancellationsByLocation units cancelled while offered to a location, per location and reason, over the period
 * @param speedByCategory   fulfilment speed per category carried, over the period
 * @param returnRateBySku   return rate per SKU over the period
 * @param returnsValueByCategory returns value % per category and currency over the period
 * @param stockTurnoverValue stock turnover and days of cover at cost per SKU over the period; empty without unit costs
 */
public record Report(ReportPeriod period, Instant asOf, List<OrderVolume> volumeTotal, List<FulfilmentSpeed> speedTotal,
                     List<PromiseKept> promiseTotal, List<FillRate> fillRateTotal, List<SplitRate> splitRateTotal,
                     List<ReturnRate> returnRateTotal, List<OrderVolume> volumeByDay, List<OrderVolume> volumeByChannel,
                     List<FulfilmentSpeed> speedByDay, List<FulfilmentSpeed> speedByLocation, List<PromiseKept> promiseByDay,
                     List<PromiseKept> promiseByChannel, List<FillRate> fillRateByLocation, List<SplitRate> splitRate,
                     List<Cancellations> cancellations, List<Rejections> rejections, List<ReturnRate> returnRate,
                     List<ReturnReasons> returnReasons, List<ReturnsValue> returnsValue, List<StockTurnover> stockTurnover,
                     List<TimeOutOfStock> timeOutOfStock, List<FastSeller> fastSellers, List<SlowMover> slowMovers,
                     List<Backlog> backlog, List<PromiseKept> promiseByLocation, List<PromiseKept> promiseByCategory,
                     List<FillRate> fillRateByCategory, List<SplitRate> splitRateByLocation, List<SplitRate> splitRateByCategory,
                     List<Cancellations> cancellationsByCategory, List<Cancellations> cancellationsByLocation,
                     List<FulfilmentSpeed> speedByCategory, List<ReturnRate> returnRateBySku,
                     List<ReturnsValue> returnsValueByCategory, List<StockTurnoverValue> stockTurnoverValue) {

    /** Days of each window the fast sellers compare. */
    public static final int FAST_SELLER_WINDOW_DAYS = 7;
    /** Days without a sale that make a slow mover. */
    public static final int SLOW_MOVER_DAYS = 30;

    /** Every measure of {@code period}, computed now from {@code measures}. */
    public static Report of(Measures measures, ReportPeriod period) {
        Checks.notNull(measures, "measures");
        Checks.notNull(period, "period");
        Instant asOf = measures.clock().instant();
        return new Report(period, asOf,
                measures.orderVolume(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.promiseKept(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.fillRate(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.splitRate(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.returnRate(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.orderVolume(period, Granularity.DAY, Dimension.TOTAL),
                measures.orderVolume(period, Granularity.PERIOD, Dimension.CHANNEL),
                measures.fulfilmentSpeed(period, Granularity.DAY, Dimension.TOTAL),
                measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.LOCATION),
                measures.promiseKept(period, Granularity.DAY, Dimension.TOTAL),
                measures.promiseKept(period, Granularity.PERIOD, Dimension.CHANNEL),
                measures.fillRate(period, Granularity.PERIOD, Dimension.LOCATION),
                measures.splitRate(period, Granularity.PERIOD, Dimension.CHANNEL),
                measures.cancellations(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.rejections(period, Granularity.PERIOD),
                measures.returnRate(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.returnReasons(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.returnsValue(period, Granularity.PERIOD, Dimension.TOTAL),
                measures.stockTurnover(period, Dimension.SKU),
                measures.timeOutOfStock(period, Granularity.PERIOD),
                measures.fastSellers(period, FAST_SELLER_WINDOW_DAYS, 1),
                measures.slowMovers(period, SLOW_MOVER_DAYS),
                measures.backlog(asOf),
                measures.promiseKept(period, Granularity.PERIOD, Dimension.LOCATION),
                measures.promiseKept(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.fillRate(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.splitRate(period, Granularity.PERIOD, Dimension.LOCATION),
                measures.splitRate(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.cancellations(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.cancellations(period, Granularity.PERIOD, Dimension.LOCATION),
                measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.returnRate(period, Granularity.PERIOD, Dimension.SKU),
                measures.returnsValue(period, Granularity.PERIOD, Dimension.CATEGORY),
                measures.stockTurnoverValue(period, Dimension.SKU));
    }
}
