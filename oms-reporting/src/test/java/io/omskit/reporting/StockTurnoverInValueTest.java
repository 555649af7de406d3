package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.catalog.Sku;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.StockTurnover;
import io.omskit.reporting.measure.StockTurnoverValue;
import io.omskit.reporting.measure.UnitCosts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Stock turnover and days of cover at cost on the small shop's fortnight of {@link ShopJourney}, worked out by hand.
 * The stock over the ten days: WH-1 holds 10 tees from 1 March (2 and 1 ship on 2 March: 7 left) and 4 scarves that
 * never sell; ST-1 holds 5 caps (1 sold on 2 March: 4 left). End-of-day on hand: tees 10 then 7 for nine days (73 in
 * all, 7.3 a day), scarves 4 (4.0), caps 5 then 4 (4.1). A tee cost 4.00, a cap 7.50, a scarf 25.00.
 */
class StockTurnoverInValueTest {

    private final ReportPeriod period = ShopJourney.period();

    private static Reporting reporting(UnitCosts costs) {
        Reporting r = Reporting.builder().clock(Clock.fixed(ShopJourney.NOW, ShopJourney.ZONE)).zone(ShopJourney.ZONE)
                .catalog(ShopJourney.catalog()).unitCosts(costs).build();
        r.rebuild(ShopJourney.events().events());
        return r;
    }

    private static UnitCosts costs() {
        return UnitCosts.of(Map.of(Sku.of("TEE"), Money.parse("EUR 4.00"), Sku.of("CAP"), Money.parse("EUR 7.50"),
                Sku.of("SCARF"), Money.parse("EUR 25.00")));
    }

    @Test
    void turnover_per_sku_values_units_sold_and_on_hand_at_the_skus_cost() {
        List<StockTurnoverValue> rows = reporting(costs()).measures().stockTurnoverValue(period, Dimension.SKU);
        assertThat(rows).extracting(StockTurnoverValue::group, r -> r.costOfGoodsSold().toString(),
                        r -> r.averageInventoryValue().toString(), r -> r.inventoryValueAtEnd().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CAP", "EUR 7.50", "EUR 30.75", "EUR 30.00"),
                        org.assertj.core.groups.Tuple.tuple("SCARF", "EUR 0.00", "EUR 100.00", "EUR 100.00"),
                        org.assertj.core.groups.Tuple.tuple("TEE", "EUR 12.00", "EUR 29.20", "EUR 28.00"));
        assertThat(rows.get(0).turnover()).isCloseTo(7.50 / 30.75, within(1e-9));
        assertThat(rows.get(0).daysOfCover()).isCloseTo(30.00 / (7.50 / 10), within(1e-9));
        assertThat(rows.get(1).turnover()).as("nothing sold").isZero();
        assertThat(rows.get(1).daysOfCover()).as("cover without end").isEqualTo(-1);
        assertThat(rows.get(2).turnover()).isCloseTo(12.00 / 29.20, within(1e-9));
        assertThat(rows.get(2).daysOfCover()).isCloseTo(28.00 / (12.00 / 10), within(1e-9));
    }

    @Test
    void in_value_the_dear_scarves_nobody_buys_weigh_more_than_in_units() {
        Reporting reporting = reporting(costs());
        StockTurnover units = reporting.measures().stockTurnover(period, Dimension.CATEGORY).stream()
                .filter(r -> r.group().equals("clothing")).findFirst().orElseThrow();
        StockTurnoverValue value = reporting.measures().stockTurnoverValue(period, Dimension.CATEGORY).stream()
                .filter(r -> r.group().equals("clothing")).findFirst().orElseThrow();
        // units: 3 sold over 7.3 + 4.0 on hand a day; value: 12.00 sold over 29.20 + 100.00
        assertThat(units.turnover()).isCloseTo(3 / 11.3, within(1e-9));
        assertThat(units.daysOfCover()).isCloseTo(11 / 0.3, within(1e-9));
        assertThat(value.averageInventoryValue()).isEqualTo(Money.parse("EUR 129.20"));
        assertThat(value.inventoryValueAtEnd()).isEqualTo(Money.parse("EUR 128.00"));
        assertThat(value.turnover()).isCloseTo(12.00 / 129.20, within(1e-9)).isLessThan(units.turnover() / 2);
        assertThat(value.daysOfCover()).isCloseTo(128.00 / 1.20, within(1e-9)).isGreaterThan(units.daysOfCover() * 2);

        StockTurnoverValue total = reporting.measures().stockTurnoverValue(period, Dimension.TOTAL).get(0);
        assertThat(total.costOfGoodsSold()).isEqualTo(Money.parse("EUR 19.50"));
        assertThat(total.averageInventoryValue()).isEqualTo(Money.parse("EUR 159.95"));
        assertThat(total.turnover()).isCloseTo(19.50 / 159.95, within(1e-9));
        assertThat(reporting.measures().stockTurnoverValue(period, Dimension.LOCATION))
                .extracting(StockTurnoverValue::group, r -> r.costOfGoodsSold().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ST-1", "EUR 7.50"),
                        org.assertj.core.groups.Tuple.tuple("WH-1", "EUR 12.00"));
    }

    @Test
    void skus_without_a_cost_are_left_out_and_each_currency_of_the_costs_has_its_row() {
        UnitCosts costs = UnitCosts.of(Map.of(Sku.of("TEE"), Money.parse("EUR 4.00"), Sku.of("SCARF"), Money.parse("USD 30.00")));
        List<StockTurnoverValue> total = reporting(costs).measures().stockTurnoverValue(period, Dimension.TOTAL);
        assertThat(total).extracting(r -> r.currency().getCode(), r -> r.costOfGoodsSold().toString(),
                        r -> r.averageInventoryValue().toString(), r -> Math.round(r.daysOfCover() * 1e6) / 1e6)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EUR", "EUR 12.00", "EUR 29.20", 23.333333),
                        org.assertj.core.groups.Tuple.tuple("USD", "USD 0.00", "USD 120.00", -1.0));
        assertThat(reporting(costs).measures().stockTurnoverValue(period, Dimension.LOCATION))
                .as("the caps of ST-1 have no cost").extracting(StockTurnoverValue::group).containsExactly("WH-1", "WH-1");
    }

    @Test
    void without_costs_the_stock_measures_stay_in_units() {
        Reporting inUnits = reporting(UnitCosts.none());
        Reporting atCost = reporting(costs());
        assertThat(inUnits.measures().stockTurnoverValue(period, Dimension.SKU)).isEmpty();
        assertThat(inUnits.measures().stockTurnover(period, Dimension.SKU))
                .isEqualTo(atCost.measures().stockTurnover(period, Dimension.SKU));
        assertThat(inUnits.report(period).stockTurnoverValue()).isEmpty();
    }

    @Test
    void the_value_table_of_the_html_page_is_the_apis() {
        Reporting reporting = reporting(costs());
        Report report = reporting.report(period);
        assertThat(report.stockTurnoverValue()).isEqualTo(reporting.measures().stockTurnoverValue(period, Dimension.SKU));
        Element table = Jsoup.parse(io.omskit.reporting.html.HtmlReport.html(report)).getElementById("stock_turnover_value");
        assertThat(table.select("thead th").eachText()).containsExactly("from", "to", "group", "currency", "costOfGoodsSold",
                "averageInventoryValue", "inventoryValueAtEnd", "turnover", "daysOfCover");
        assertThat(table.select("tbody tr")).hasSize(3);
        assertThat(table.select("tbody tr").get(2).select("td").eachAttr("data-value")).containsExactly(
                "2026-03-01", "2026-03-10", "TEE", "EUR", "12.00", "29.20", "28.00", "0.410959", "23.333333");
    }

    @Test
    void a_negative_cost_is_refused_naming_the_sku() {
        assertThatThrownBy(() -> UnitCosts.of(Map.of(Sku.of("TEE"), Money.parse("EUR -1.00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit cost of TEE").hasMessageContaining("EUR -1.00");
    }
}
