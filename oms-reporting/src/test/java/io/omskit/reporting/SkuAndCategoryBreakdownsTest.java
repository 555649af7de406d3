package io.omskit.reporting;

import static io.omskit.reporting.ShopEvents.line;
import static io.omskit.reporting.ShopJourney.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.order.CancellationReason;
import io.omskit.reporting.export.CsvExport;
import io.omskit.reporting.export.JsonExport;
import io.omskit.reporting.export.Table;
import io.omskit.reporting.html.HtmlReport;
import io.omskit.reporting.measure.Cancellations;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.Granularity;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.ReturnRate;
import io.omskit.reporting.measure.ReturnsValue;
import io.omskit.returns.rma.ReturnReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Cancellations, fulfilment speed, returns value % and return rate by SKU, category and location, on the small shop's
 * fortnight of {@link ShopJourney} with three more orders on 8 March, worked out by hand:
 * <ul>
 * <li>H (web, home, placed 8 March 9:00): a tee (10.00) and a cap (20.00) in one parcel from WH-1, shipped after 3 h;
 *     both come back, 25.00 refunded for the two.</li>
 * <li>I (web, home, placed 8 March 10:00): two tees (10.00 each) and a mug offered to ST-1; ST-1 has no mug (the mug is
 *     cancelled, out of stock, at the store and on the order); the tees ship after 4 h.</li>
 * <li>J (app, home, placed 8 March 13:00): a tee and two scarves, all cancelled by the customer in one go.</li>
 * </ul>
 */
class SkuAndCategoryBreakdownsTest {

    private static final LocalDate FIRST = ShopJourney.FIRST;
    private static final LocalDate LAST = ShopJourney.LAST;
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_8 = LocalDate.of(2026, 3, 8);
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private final Reporting reporting = ShopJourney.reporting(events().events());
    private final Measures measures = reporting.measures();
    private final ReportPeriod period = ShopJourney.period();

    static ShopEvents events() {
        ShopEvents s = ShopJourney.events();
        s.placeHome("H", Channel.WEB, at("08T09:00"), at("10T18:00"), line("TEE", 1, "10.00"), line("CAP", 1, "20.00"));
        s.confirmed("H", at("08T09:01"));
        s.offered("FH1", "H", FulfilmentKind.SHIP_TO_CUSTOMER, "WH-1", at("08T09:05"), 1, 1, 2, 1);
        s.shipped("FH1", at("08T12:00"));
        s.delivered("FH1", at("09T10:00"));
        s.returnedLines("R-H", "H", at("09T12:00"), ReturnReason.DOES_NOT_FIT, "25.00", at("09T15:00"), 1, 1, 2, 1);

        s.placeHome("I", Channel.WEB, at("08T10:00"), at("10T18:00"), line("TEE", 2, "10.00"), line("MUG", 1, "8.00"));
        s.confirmed("I", at("08T10:01"));
        s.offered("FI1", "I", FulfilmentKind.SHIP_TO_CUSTOMER, "ST-1", at("08T10:05"), 1, 2, 2, 1);
        s.fulfilmentCancelled("FI1", at("08T11:00"), CancellationReason.OUT_OF_STOCK, false, 2, 1);
        s.cancelled("I", at("08T11:00"), CancellationReason.OUT_OF_STOCK, 2, 1);
        s.shipped("FI1", at("08T14:00"));

        s.placeHome("J", Channel.APP, at("08T13:00"), at("11T18:00"), line("TEE", 1, "10.00"), line("SCARF", 2, "12.00"));
        s.cancelledLines("J", at("08T13:10"), CancellationReason.CUSTOMER_REQUEST, 1, 1, 2, 2);
        return s;
    }

    @Test
    void cancellations_per_sku_and_category_count_each_line_and_an_order_once_per_group() {
        assertThat(measures.cancellations(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                new Cancellations(FIRST, LAST, "CAP", "CUSTOMER_REQUEST", 1, 1),
                new Cancellations(FIRST, LAST, "MUG", "OUT_OF_STOCK", 1, 1),
                new Cancellations(FIRST, LAST, "SCARF", "CUSTOMER_REQUEST", 1, 2),
                new Cancellations(FIRST, LAST, "TEE", "CUSTOMER_REQUEST", 1, 1));
        assertThat(measures.cancellations(period, Granularity.PERIOD, Dimension.CATEGORY)).as("J's tee and scarves are one clothing order")
                .containsExactly(
                        new Cancellations(FIRST, LAST, "accessories", "CUSTOMER_REQUEST", 1, 1),
                        new Cancellations(FIRST, LAST, "clothing", "CUSTOMER_REQUEST", 1, 3),
                        new Cancellations(FIRST, LAST, "home", "OUT_OF_STOCK", 1, 1));
        assertThat(measures.cancellations(period, Granularity.PERIOD, Dimension.TOTAL)).containsExactly(
                new Cancellations(FIRST, LAST, Measures.ALL, "CUSTOMER_REQUEST", 2, 4),
                new Cancellations(FIRST, LAST, Measures.ALL, "OUT_OF_STOCK", 1, 1));
    }

    @Test
    void cancellations_per_category_by_day_stamp_the_day_of_the_cancellation() {
        assertThat(measures.cancellations(period, Granularity.DAY, Dimension.CATEGORY)).containsExactly(
                new Cancellations(MARCH_2, MARCH_2, "accessories", "CUSTOMER_REQUEST", 1, 1),
                new Cancellations(MARCH_8, MARCH_8, "clothing", "CUSTOMER_REQUEST", 1, 3),
                new Cancellations(MARCH_8, MARCH_8, "home", "OUT_OF_STOCK", 1, 1));
    }

    @Test
    void cancellations_per_location_count_only_units_the_location_held_not_its_refusals() {
        // E and J were cancelled before any location had them; ST-1's refusal of C's mugs is a rejection
        assertThat(measures.cancellations(period, Granularity.PERIOD, Dimension.LOCATION)).containsExactly(
                new Cancellations(FIRST, LAST, "ST-1", "OUT_OF_STOCK", 1, 1));
        assertThat(measures.rejections(period, Granularity.PERIOD)).extracting(r -> r.location() + " " + r.units())
                .containsExactly("ST-1 2");
    }

    @Test
    void fulfilment_speed_per_sku_counts_the_parcel_for_each_sku_it_carried() {
        assertThat(measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                speed("CAP", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 1, 3, 3, 3, Duration.ofHours(3)),
                speed("CAP", FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP, 1, 1, 1, 1, Duration.ofHours(1)),
                // I's mug was cancelled before its parcel left: the parcel is no sample of mugs
                speed("MUG", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 1, 6, 6, 6, Duration.ofHours(6)),
                speed("MUG", FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP, 1, 22, 22, 22, Duration.ofHours(22)),
                // A 4 h, B 8 h, H 3 h, I 4 h
                speed("TEE", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 4, 4, 8, 8, Duration.ofMinutes(4 * 60 + 45)));
        long bySku = measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.SKU).stream()
                .filter(s -> s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED).mapToLong(FulfilmentSpeed::samples).sum();
        long total = measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.TOTAL).stream()
                .filter(s -> s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED).mapToLong(FulfilmentSpeed::samples).sum();
        assertThat(bySku).as("H's parcel is a sample of tees and of caps").isEqualTo(total + 1).isEqualTo(6);
    }

    @Test
    void fulfilment_speed_per_category_and_day() {
        assertThat(measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.CATEGORY))
                .extracting(FulfilmentSpeed::group, FulfilmentSpeed::leg, FulfilmentSpeed::samples, FulfilmentSpeed::p50)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accessories", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 1L, Duration.ofHours(3)),
                        org.assertj.core.groups.Tuple.tuple("accessories", FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP, 1L, Duration.ofHours(1)),
                        org.assertj.core.groups.Tuple.tuple("clothing", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 4L, Duration.ofHours(4)),
                        org.assertj.core.groups.Tuple.tuple("home", FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 1L, Duration.ofHours(6)),
                        org.assertj.core.groups.Tuple.tuple("home", FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP, 1L, Duration.ofHours(22)));
        assertThat(measures.fulfilmentSpeed(period, Granularity.DAY, Dimension.CATEGORY))
                .filteredOn(s -> s.from().equals(MARCH_8))
                .extracting(FulfilmentSpeed::group, FulfilmentSpeed::samples, FulfilmentSpeed::p50, FulfilmentSpeed::p90)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accessories", 1L, Duration.ofHours(3), Duration.ofHours(3)),
                        org.assertj.core.groups.Tuple.tuple("clothing", 2L, Duration.ofHours(3), Duration.ofHours(4)));
    }

    @Test
    void returns_value_per_sku_shares_a_refund_of_two_skus_by_their_value_to_the_cent() {
        // R-H refunds 25.00 for a tee (10.00) and a cap (20.00): the cap 16.67, the tee what is left, 8.33
        assertThat(measures.returnsValue(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                value("CAP", "40.00", "16.67", 41.675),
                value("MUG", "24.00", "0.00", 0),
                value("TEE", "60.00", "18.33", 30.55));
        assertThat(measures.returnsValue(period, Granularity.PERIOD, Dimension.CATEGORY)).containsExactly(
                value("accessories", "40.00", "16.67", 41.675),
                value("clothing", "60.00", "18.33", 30.55),
                value("home", "24.00", "0.00", 0));
        ReturnsValue total = measures.returnsValue(period, Granularity.PERIOD, Dimension.TOTAL).get(0);
        Money returned = measures.returnsValue(period, Granularity.PERIOD, Dimension.SKU).stream()
                .map(ReturnsValue::returnedValue).reduce(Money.zero(EUR), Money::plus);
        assertThat(returned).as("the shares add up to the refunds").isEqualTo(total.returnedValue()).isEqualTo(Money.parse("EUR 35.00"));
    }

    @Test
    void returns_value_per_sku_by_day_stamps_revenue_on_its_shipment_and_value_on_its_refund() {
        assertThat(measures.returnsValue(period, Granularity.DAY, Dimension.SKU))
                .filteredOn(v -> v.group().equals("TEE"))
                .extracting(v -> v.from() + " " + v.fulfilledRevenue().getAmount() + " " + v.returnedValue().getAmount())
                .containsExactly("2026-03-02 30.00 0.00", "2026-03-07 0.00 10.00", "2026-03-08 30.00 0.00",
                        "2026-03-09 0.00 8.33");
    }

    @Test
    void return_rate_per_sku() {
        assertThat(measures.returnRate(period, Granularity.PERIOD, Dimension.SKU)).containsExactly(
                new ReturnRate(FIRST, LAST, "CAP", 2, 1, 0.5),
                new ReturnRate(FIRST, LAST, "MUG", 3, 0, 0),
                new ReturnRate(FIRST, LAST, "TEE", 6, 2, 2.0 / 6));
    }

    @Test
    void the_new_tables_are_in_the_csv_json_and_parsed_html_with_the_apis_figures() {
        Report report = reporting.report(period);
        assertThat(report.cancellationsByCategory()).isEqualTo(measures.cancellations(period, Granularity.PERIOD, Dimension.CATEGORY));
        assertThat(report.cancellationsByLocation()).isEqualTo(measures.cancellations(period, Granularity.PERIOD, Dimension.LOCATION));
        assertThat(report.speedByCategory()).isEqualTo(measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.CATEGORY));
        assertThat(report.returnRateBySku()).isEqualTo(measures.returnRate(period, Granularity.PERIOD, Dimension.SKU));
        assertThat(report.returnsValueByCategory()).isEqualTo(measures.returnsValue(period, Granularity.PERIOD, Dimension.CATEGORY));

        assertThat(CsvExport.toCsv(table(report, "cancellations_by_location"))).isEqualTo(
                "from,to,group,reason,orders,units\n2026-03-01,2026-03-10,ST-1,OUT_OF_STOCK,1,1\n");
        assertThat(CsvExport.toCsv(table(report, "returns_value_by_category"))).isEqualTo(
                "from,to,group,currency,fulfilledRevenue,returnedValue,percent\n"
                        + "2026-03-01,2026-03-10,accessories,EUR,40.00,16.67,41.675\n"
                        + "2026-03-01,2026-03-10,clothing,EUR,60.00,18.33,30.55\n"
                        + "2026-03-01,2026-03-10,home,EUR,24.00,0.00,0\n");
        JsonNode json = JsonExport.tree(report);
        assertThat(json.at("/cancellations_by_category/1/units").asLong()).isEqualTo(3);
        assertThat(json.at("/speed_by_category/2/p90").asText()).isEqualTo("PT8H");
        assertThat(json.at("/return_rate_by_sku/0/rate").doubleValue()).isEqualTo(0.5);

        Document page = Jsoup.parse(HtmlReport.html(report));
        for (String name : List.of("cancellations_by_category", "cancellations_by_location", "speed_by_category",
                "return_rate_by_sku", "returns_value_by_category")) {
            Table t = table(report, name);
            Element html = page.getElementById(name);
            assertThat(html).as(name).isNotNull();
            assertThat(html.select("thead th").eachText()).isEqualTo(t.columns());
            List<Element> rows = html.select("tbody tr");
            assertThat(rows).as(name).hasSize(t.rows().size()).isNotEmpty();
            for (int r = 0; r < rows.size(); r++) {
                assertThat(rows.get(r).select("td").eachAttr("data-value")).as(name + " row " + r).isEqualTo(t.rows().get(r).stream()
                        .map(c -> c instanceof BigDecimal ? ((BigDecimal) c).toPlainString() : c.toString()).toList());
            }
        }
        Element accessories = page.getElementById("returns_value_by_category").select("tbody tr").get(0);
        assertThat(accessories.select("td").eachAttr("data-value")).containsExactly(
                "2026-03-01", "2026-03-10", "accessories", "EUR", "40.00", "16.67", "41.675");
        Element clothing = page.getElementById("speed_by_category").select("tbody tr").get(2);
        assertThat(clothing.select("td").eachAttr("data-value")).containsExactly(
                "2026-03-01", "2026-03-10", "clothing", "PLACED_TO_SHIPPED", "4", "PT4H", "PT8H", "PT8H", "PT4H45M");
    }

    private static Table table(Report report, String name) {
        return io.omskit.reporting.export.ReportTables.of(report).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static FulfilmentSpeed speed(String group, FulfilmentSpeed.Leg leg, long samples, int p50Hours, int p90Hours,
                                         int p99Hours, Duration mean) {
        return new FulfilmentSpeed(FIRST, LAST, group, leg, samples, Duration.ofHours(p50Hours), Duration.ofHours(p90Hours),
                Duration.ofHours(p99Hours), mean);
    }

    private static ReturnsValue value(String group, String revenue, String returned, double percent) {
        return new ReturnsValue(FIRST, LAST, group, EUR, Money.of(EUR, new BigDecimal(revenue)), Money.of(EUR, new BigDecimal(returned)),
                percent);
    }
}
