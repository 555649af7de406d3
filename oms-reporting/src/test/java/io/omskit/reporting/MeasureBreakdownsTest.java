package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.omskit.core.common.ValidationException;
import io.omskit.reporting.export.CsvExport;
import io.omskit.reporting.export.JsonExport;
import io.omskit.reporting.export.Table;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.FillRate;
import io.omskit.reporting.measure.Granularity;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.PromiseKept;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.SplitRate;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Promise kept, fill rate and split rate by location, category and SKU on the small shop's fortnight of
 * {@link ShopJourney}, worked out by hand:
 * <ul>
 * <li>promise kept: A's tees (WH-1, delivered 3 March) were on time and its mug (ST-1, delivered 5 March 10:00) 16 h
 *     late; B's tee (WH-1) on time; C's mugs, refused by ST-1, readied by WH-1 on time; D's cap (ST-1) on time;
 *     E cancelled, F not due yet.</li>
 * <li>fill rate: WH-1 and ST-1 filled all but the two mugs ST-1 refused: mugs 3 of 5, tees 3 of 3, caps 1 of 1.</li>
 * <li>split rate: A went in two shipments (WH-1 and ST-1), B, C and D in one each.</li>
 * </ul>
 */
class MeasureBreakdownsTest {

    private final Reporting reporting = ShopJourney.reporting(ShopJourney.events().events());
    private final Measures measures = reporting.measures();
    private final ReportPeriod period = ShopJourney.period();
    private static final LocalDate FIRST = ShopJourney.FIRST;
    private static final LocalDate LAST = ShopJourney.LAST;

    @Test
    void promise_kept_per_location_charges_the_late_parcel_to_the_store_that_sent_it() {
        assertThat(measures.promiseKept(period, Granularity.PERIOD, Dimension.LOCATION)).containsExactly(
                new PromiseKept(FIRST, LAST, "ST-1", 2, 1, 2, 1, 0.5, Duration.ofHours(16)),
                new PromiseKept(FIRST, LAST, "WH-1", 3, 3, 3, 3, 1.0, Duration.ZERO));
    }

    @Test
    void promise_kept_per_sku_and_category_charges_the_late_parcel_to_the_mug_only() {
        assertThat(measures.promiseKept(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                new PromiseKept(FIRST, LAST, "CAP", 1, 1, 1, 1, 1.0, Duration.ZERO),
                new PromiseKept(FIRST, LAST, "MUG", 2, 1, 2, 1, 0.5, Duration.ofHours(16)),
                new PromiseKept(FIRST, LAST, "TEE", 2, 2, 2, 2, 1.0, Duration.ZERO));
        assertThat(measures.promiseKept(period, Granularity.PERIOD, Dimension.CATEGORY))
                .extracting(PromiseKept::group, PromiseKept::orders, PromiseKept::kept)
                .containsExactly(tuple("accessories", 1L, 1L), tuple("clothing", 2L, 2L), tuple("home", 2L, 1L));
    }

    @Test
    void a_promise_passed_undelivered_counts_late_where_its_goods_wait() {
        Reporting later = Reporting.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-13T00:00:00Z"),
                ShopJourney.ZONE)).zone(ShopJourney.ZONE).catalog(ShopJourney.catalog()).build();
        later.rebuild(ShopJourney.events().events());
        ReportPeriod march = ReportPeriod.of(FIRST, LocalDate.of(2026, 3, 13), ShopJourney.ZONE);

        // F's tee, offered to WH-1 and not shipped, was promised by 12 March 18:00
        assertThat(later.measures().promiseKept(march, Granularity.PERIOD, Dimension.LOCATION))
                .extracting(PromiseKept::group, PromiseKept::orders, PromiseKept::kept)
                .containsExactly(tuple("ST-1", 2L, 1L), tuple("WH-1", 4L, 3L));
        assertThat(later.measures().promiseKept(march, Granularity.PERIOD, Dimension.SKU))
                .extracting(PromiseKept::group, PromiseKept::orders, PromiseKept::kept, PromiseKept::averageLateness)
                .containsExactly(tuple("CAP", 1L, 1L, Duration.ZERO), tuple("MUG", 2L, 1L, Duration.ofHours(16)),
                        tuple("TEE", 3L, 2L, Duration.ZERO));
    }

    @Test
    void fill_rate_per_sku_and_category_counts_the_refused_mugs_against_mugs() {
        assertThat(measures.fillRate(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                new FillRate(FIRST, LAST, "CAP", 1, 1, 1.0),
                new FillRate(FIRST, LAST, "MUG", 5, 3, 0.6),
                new FillRate(FIRST, LAST, "TEE", 3, 3, 1.0));
        assertThat(measures.fillRate(period, Granularity.PERIOD, Dimension.CATEGORY)).containsExactly(
                new FillRate(FIRST, LAST, "accessories", 1, 1, 1.0),
                new FillRate(FIRST, LAST, "clothing", 3, 3, 1.0),
                new FillRate(FIRST, LAST, "home", 5, 3, 0.6));
        long requested = measures.fillRate(period, Granularity.PERIOD, Dimension.SKU).stream().mapToLong(FillRate::requested).sum();
        assertThat(requested).as("line by line adds up to the total").isEqualTo(
                measures.fillRate(period, Granularity.PERIOD, Dimension.TOTAL).get(0).requested());
    }

    @Test
    void split_rate_per_location_and_sku_shows_where_the_split_order_went() {
        assertThat(measures.splitRate(period, Granularity.PERIOD, Dimension.LOCATION)).containsExactly(
                new SplitRate(FIRST, LAST, "ST-1", 2, 3, 1.5, 1),
                new SplitRate(FIRST, LAST, "WH-1", 3, 4, 4.0 / 3, 1));
        assertThat(measures.splitRate(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                new SplitRate(FIRST, LAST, "CAP", 1, 1, 1.0, 0),
                new SplitRate(FIRST, LAST, "MUG", 2, 3, 1.5, 1),
                new SplitRate(FIRST, LAST, "TEE", 2, 3, 1.5, 1));
        assertThat(measures.splitRate(period, Granularity.PERIOD, Dimension.CATEGORY))
                .extracting(SplitRate::group, SplitRate::orders, SplitRate::shipments, SplitRate::splitOrders)
                .containsExactly(tuple("accessories", 1L, 1L, 0L), tuple("clothing", 2L, 3L, 1L), tuple("home", 2L, 3L, 1L));
    }

    @Test
    void the_breakdowns_are_in_the_csv_json_and_html_outputs_with_the_apis_figures() {
        Report report = reporting.report(period);
        Table byLocation = reporting.tables(report).stream().filter(t -> t.name().equals("promise_by_location")).findFirst().orElseThrow();
        assertThat(CsvExport.toCsv(byLocation)).isEqualTo(
                "from,to,group,orders,onTime,inFull,kept,rate,averageLateness\n"
                        + "2026-03-01,2026-03-10,ST-1,2,1,2,1,0.5,PT16H\n"
                        + "2026-03-01,2026-03-10,WH-1,3,3,3,3,1,PT0S\n");
        assertThat(JsonExport.tree(report).at("/split_rate_by_location/1/shipments").asLong()).isEqualTo(4);
        assertThat(JsonExport.tree(report).at("/fill_rate_by_category/2/rate").doubleValue()).isEqualTo(0.6);
        assertThat(reporting.tables(report)).extracting(Table::name).contains("promise_by_category", "split_rate_by_category");
        String page = io.omskit.reporting.html.HtmlReport.html(report);
        assertThat(page).contains("id=\"promise_by_location\"", "id=\"fill_rate_by_category\"", "id=\"split_rate_by_location\"");
    }

    @Test
    void a_breakdown_a_measure_does_not_have_is_refused_naming_it() {
        assertThatThrownBy(() -> measures.splitRate(period, Granularity.PERIOD, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("splitRate rejected")
                .hasMessageContaining("by = null: must be one of [TOTAL, CHANNEL, LOCATION, CATEGORY, SKU]");
    }
}
