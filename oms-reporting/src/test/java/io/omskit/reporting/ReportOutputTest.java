package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.reporting.export.CsvExport;
import io.omskit.reporting.export.Table;
import io.omskit.reporting.html.HtmlReport;
import io.omskit.reporting.measure.FillRate;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.OrderVolume;
import io.omskit.reporting.measure.PromiseKept;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReturnsValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page, the CSV files and the JSON document say what the Java API says. */
class ReportOutputTest {

    private final Reporting reporting = ShopJourney.reporting(ShopJourney.events().events());
    private final Report report = reporting.report(ShopJourney.period());

    @TempDir
    Path dir;

    private Document page() throws Exception {
        Path file = reporting.writeHtml(report, dir.resolve("report/oms-report.html"));
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String figure(Document page, String measure) {
        Element card = page.selectFirst("[data-measure=" + measure + "] .figure");
        assertThat(card).as("card " + measure).isNotNull();
        return card.text();
    }

    @Test
    void the_headline_figures_of_the_page_are_the_apis() throws Exception {
        Document page = page();
        OrderVolume volume = report.volumeTotal().get(0);
        assertThat(figure(page, "orders")).isEqualTo(Long.toString(volume.orders())).isEqualTo("7");
        assertThat(figure(page, "value-EUR")).isEqualTo(volume.value().getAmount().toPlainString()).isEqualTo("116.00");
        FulfilmentSpeed shipped = report.speedTotal().stream()
                .filter(s -> s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED).findFirst().orElseThrow();
        assertThat(figure(page, "p50-PLACED_TO_SHIPPED")).isEqualTo(HtmlReport.duration(shipped.p50())).isEqualTo("6h 00m");
        PromiseKept otif = report.promiseTotal().get(0);
        assertThat(figure(page, "otif")).isEqualTo(HtmlReport.percent(otif.rate())).isEqualTo("75.0%");
        FillRate fill = report.fillRateTotal().get(0);
        assertThat(figure(page, "fill-rate")).isEqualTo(HtmlReport.percent(fill.rate())).isEqualTo("77.8%");
        assertThat(figure(page, "split-rate")).isEqualTo("1.25");
        assertThat(figure(page, "return-rate")).isEqualTo("14.3%");
        ReturnsValue value = report.returnsValue().get(0);
        assertThat(figure(page, "returns-value-EUR")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", value.percent()))
                .isEqualTo("13.5%");
        assertThat(figure(page, "backlog")).isEqualTo("2");
    }

    @Test
    void every_table_of_the_page_holds_the_cells_of_the_api() throws Exception {
        Document page = page();
        for (Table t : reporting.tables(report)) {
            Element table = page.getElementById(t.name());
            assertThat(table).as("table " + t.name()).isNotNull();
            if (t.rows().isEmpty()) {
                continue;
            }
            List<String> headers = table.select("thead th").eachText();
            assertThat(headers).isEqualTo(t.columns());
            List<Element> rows = table.select("tbody tr");
            assertThat(rows).hasSize(t.rows().size());
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r).select("td").eachAttr("data-value");
                List<String> expected = t.rows().get(r).stream()
                        .map(c -> c instanceof java.math.BigDecimal ? ((java.math.BigDecimal) c).toPlainString() : c.toString()).toList();
                assertThat(cells).as(t.name() + " row " + r).isEqualTo(expected);
            }
        }
        Element fillRates = page.getElementById("fill_rate_by_location");
        assertThat(fillRates.select("tbody tr").get(0).select("td").eachText()).containsExactly(
                "2026-03-01", "2026-03-10", "ST-1", "4", "2", "0.5");
    }

    @Test
    void the_page_is_self_contained_with_svg_charts() throws Exception {
        Document page = page();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("link, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("[src]")).isEmpty();
        assertThat(page.html()).doesNotContain("@import").doesNotContain("url(");
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("svg")).hasSize(3);
        Element orders = page.getElementById("chart-orders");
        assertThat(orders.select("rect.bar")).hasSize(10);
        assertThat(orders.select("rect.bar[data-label=2026-03-02]").attr("data-value")).isEqualTo("5");
    }

    @Test
    void csv_files_have_a_header_and_the_apis_rows() throws Exception {
        List<Path> files = reporting.writeCsv(report, dir.resolve("csv"));
        assertThat(files).hasSize(reporting.tables(report).size());
        List<String> lines = Files.readAllLines(dir.resolve("csv/volume_by_channel.csv"));
        assertThat(lines).containsExactly(
                "from,to,group,currency,orders,units,value",
                "2026-03-01,2026-03-10,APP,EUR,1,1,10.00",
                "2026-03-01,2026-03-10,STORE,EUR,1,1,20.00",
                "2026-03-01,2026-03-10,WEB,EUR,5,8,86.00");
        Table rejections = reporting.tables(report).stream().filter(t -> t.name().equals("rejections")).findFirst().orElseThrow();
        assertThat(CsvExport.toCsv(rejections)).isEqualTo(
                "from,to,location,reason,fulfilments,units,whole\n2026-03-01,2026-03-10,ST-1,\"damaged stock\",1,2,1\n");
    }

    @Test
    void json_has_the_period_and_every_table_with_exact_numbers() throws Exception {
        Path file = reporting.writeJson(report, dir.resolve("report.json"));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/period/from").asText()).isEqualTo("2026-03-01");
        assertThat(json.at("/period/zone").asText()).isEqualTo("Z");
        assertThat(json.at("/volume_total/0/value").decimalValue()).isEqualByComparingTo("116.00");
        assertThat(json.at("/volume_total/0/orders").asLong()).isEqualTo(7);
        assertThat(json.at("/promise_total/0/rate").doubleValue()).isEqualTo(0.75);
        assertThat(json.at("/speed_total/0/p50").asText()).isEqualTo("PT6H");
        for (Table t : reporting.tables(report)) {
            assertThat(json.get(t.name())).as(t.name()).hasSize(t.rows().size());
        }
    }
}
