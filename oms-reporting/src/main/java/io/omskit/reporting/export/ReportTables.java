package io.omskit.reporting.export;

import io.omskit.core.common.Checks;
import io.omskit.reporting.measure.Backlog;
import io.omskit.reporting.measure.Cancellations;
import io.omskit.reporting.measure.FastSeller;
import io.omskit.reporting.measure.FillRate;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.OrderVolume;
import io.omskit.reporting.measure.PromiseKept;
import io.omskit.reporting.measure.Rejections;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReturnRate;
import io.omskit.reporting.measure.ReturnReasons;
import io.omskit.reporting.measure.ReturnsValue;
import io.omskit.reporting.measure.SlowMover;
import io.omskit.reporting.measure.SplitRate;
import io.omskit.reporting.measure.StockTurnover;
import io.omskit.reporting.measure.StockTurnoverValue;
import io.omskit.reporting.measure.TimeOutOfStock;
import java.util.List;

/** A report as tables, in the order the exports and the HTML page show them. */
public final class ReportTables {

    private ReportTables() {
    }

    /** Every table of {@code report}, one per measure and breakdown. */
    public static List<Table> of(Report report) {
        Checks.notNull(report, "report");
        return List.of(
                Table.of("volume_total", "Order volume and value", OrderVolume.class, report.volumeTotal()),
                Table.of("speed_total", "Fulfilment speed (placed to shipped, placed to ready for pickup)", FulfilmentSpeed.class, report.speedTotal()),
                Table.of("promise_total", "Promise kept (on time in full)", PromiseKept.class, report.promiseTotal()),
                Table.of("fill_rate_total", "Fill rate", FillRate.class, report.fillRateTotal()),
                Table.of("split_rate_total", "Split rate (shipments per order)", SplitRate.class, report.splitRateTotal()),
                Table.of("return_rate_total", "Return rate", ReturnRate.class, report.returnRateTotal()),
                Table.of("volume_by_day", "Order volume and value per day", OrderVolume.class, report.volumeByDay()),
                Table.of("volume_by_channel", "Order volume and value per channel", OrderVolume.class, report.volumeByChannel()),
                Table.of("speed_by_day", "Fulfilment speed per day", FulfilmentSpeed.class, report.speedByDay()),
                Table.of("speed_by_location", "Fulfilment speed per location", FulfilmentSpeed.class, report.speedByLocation()),
                Table.of("speed_by_category", "Fulfilment speed per category carried", FulfilmentSpeed.class, report.speedByCategory()),
                Table.of("promise_by_day", "Promise kept per day of promise", PromiseKept.class, report.promiseByDay()),
                Table.of("promise_by_channel", "Promise kept per channel", PromiseKept.class, report.promiseByChannel()),
                Table.of("promise_by_location", "Promise kept per fulfilling location", PromiseKept.class, report.promiseByLocation()),
                Table.of("promise_by_category", "Promise kept per category", PromiseKept.class, report.promiseByCategory()),
                Table.of("fill_rate_by_location", "Fill rate per location", FillRate.class, report.fillRateByLocation()),
                Table.of("fill_rate_by_category", "Fill rate per category", FillRate.class, report.fillRateByCategory()),
                Table.of("split_rate_by_channel", "Split rate per channel", SplitRate.class, report.splitRate()),
                Table.of("split_rate_by_location", "Split rate per location taking part", SplitRate.class, report.splitRateByLocation()),
                Table.of("split_rate_by_category", "Split rate per category", SplitRate.class, report.splitRateByCategory()),
                Table.of("cancellations", "Cancellations per reason", Cancellations.class, report.cancellations()),
                Table.of("cancellations_by_category", "Cancellations per category and reason", Cancellations.class,
                        report.cancellationsByCategory()),
                Table.of("cancellations_by_location", "Cancellations of units offered to a location, per location and reason",
                        Cancellations.class, report.cancellationsByLocation()),
                Table.of("rejections", "Rejections per location and reason", Rejections.class, report.rejections()),
                Table.of("return_rate_by_category", "Return rate per category", ReturnRate.class, report.returnRate()),
                Table.of("return_rate_by_sku", "Return rate per SKU", ReturnRate.class, report.returnRateBySku()),
                Table.of("return_reasons", "Return reasons", ReturnReasons.class, report.returnReasons()),
                Table.of("returns_value", "Returns value % (returned value / fulfilled revenue)", ReturnsValue.class, report.returnsValue()),
                Table.of("returns_value_by_category", "Returns value % per category", ReturnsValue.class,
                        report.returnsValueByCategory()),
                Table.of("stock_turnover", "Stock turnover and days of cover per SKU", StockTurnover.class, report.stockTurnover()),
                Table.of("stock_turnover_value", "Stock turnover and days of cover at cost per SKU", StockTurnoverValue.class,
                        report.stockTurnoverValue()),
                Table.of("time_out_of_stock", "Time out of stock", TimeOutOfStock.class, report.timeOutOfStock()),
                Table.of("fast_sellers", "Fast sellers (velocity rising)", FastSeller.class, report.fastSellers()),
                Table.of("slow_movers", "Slow movers (no sale in " + Report.SLOW_MOVER_DAYS + " days)", SlowMover.class, report.slowMovers()),
                Table.of("backlog", "Backlog: fulfilments, orders not sourced and orders awaiting stock per location", Backlog.class, report.backlog()));
    }
}
