package io.omskit.reporting.html;

import io.omskit.core.common.Checks;
import io.omskit.reporting.export.ReportTables;
import io.omskit.reporting.export.Table;
import io.omskit.reporting.measure.FillRate;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.OrderVolume;
import io.omskit.reporting.measure.PromiseKept;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReturnRate;
import io.omskit.reporting.measure.ReturnsValue;
import io.omskit.reporting.measure.SplitRate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report as one HTML page that needs nothing else: headline figures, bar charts drawn in inline SVG, and every
 * table of the report. No script, no font, style sheet or image is fetched. Each headline figure carries
 * {@code data-measure}; each table has the id of its {@link Table#name()} and each cell its exact value in
 * {@code data-value} (what the CSV export writes), so a program can read the page back.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The page for {@code report}. */
    public static String html(Report report) {
        StringWriter w = new StringWriter();
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes the page for {@code report} to {@code out}, which it leaves open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(Report report, Writer out) throws IOException {
        Checks.notNull(report, "report");
        Checks.notNull(out, "out");
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>OMS Kit report ").append(report.period().from()).append(" to ").append(report.period().to())
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>OMS Kit report</h1><p>").append(report.period().from()).append(" to ")
                .append(report.period().to()).append(" (").append(esc(report.period().zone().getId()))
                .append("), as of <time>").append(report.asOf()).append("</time></p></header>\n");
        headlines(report, h);
        charts(report, h);
        for (Table t : ReportTables.of(report)) {
            table(t, h);
        }
        h.append("<footer>Definitions: each measure's Javadoc in io.omskit.reporting.measure. Money per currency, never converted.</footer>\n");
        h.append("</body></html>\n");
        out.write(h.toString());
    }

    // ---- headline figures ----

    private static void headlines(Report r, StringBuilder h) {
        h.append("<section class=\"cards\">\n");
        long orders = 0;
        for (OrderVolume v : r.volumeTotal()) {
            orders += v.orders();
        }
        card(h, "orders", "Orders placed", Long.toString(orders));
        for (OrderVolume v : r.volumeTotal()) {
            card(h, "value-" + v.currency().getCode(), "Order value " + v.currency().getCode(), v.value().getAmount().toPlainString());
        }
        for (FulfilmentSpeed s : r.speedTotal()) {
            String label = s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED ? "Placed to shipped, p50" : "Placed to ready for pickup, p50";
            card(h, "p50-" + s.leg().name(), label, duration(s.p50()));
        }
        for (PromiseKept p : r.promiseTotal()) {
            card(h, "otif", "Promise kept (OTIF), " + p.kept() + " of " + p.orders(), percent(p.rate()));
        }
        for (FillRate f : r.fillRateTotal()) {
            card(h, "fill-rate", "Fill rate, " + f.filled() + " of " + f.requested() + " units", percent(f.rate()));
        }
        for (SplitRate s : r.splitRateTotal()) {
            card(h, "split-rate", "Shipments per order", String.format(Locale.ROOT, "%.2f", s.shipmentsPerOrder()));
        }
        for (ReturnRate rr : r.returnRateTotal()) {
            card(h, "return-rate", "Return rate, " + rr.returned() + " of " + rr.fulfilled() + " units", percent(rr.rate()));
        }
        for (ReturnsValue v : r.returnsValue()) {
            card(h, "returns-value-" + v.currency().getCode(), "Returns value % (" + v.currency().getCode() + ")",
                    String.format(Locale.ROOT, "%.1f%%", v.percent()));
        }
        long waiting = 0;
        long awaitingStock = 0;
        long unitsAwaitingStock = 0;
        for (var b : r.backlog()) {
            if (b.queue() == io.omskit.reporting.measure.Backlog.Queue.AWAITING_STOCK) {
                awaitingStock += b.waiting();
                unitsAwaitingStock += b.units();
            } else {
                waiting += b.waiting();
            }
        }
        card(h, "backlog", "Waiting now", Long.toString(waiting));
        card(h, "awaiting-stock", "Orders awaiting stock, " + unitsAwaitingStock + " units", Long.toString(awaitingStock));
        h.append("</section>\n");
    }

    private static void card(StringBuilder h, String measure, String label, String figure) {
        h.append("<div class=\"card\" data-measure=\"").append(esc(measure)).append("\"><div class=\"figure\">")
                .append(esc(figure)).append("</div><div class=\"label\">").append(esc(label)).append("</div></div>\n");
    }

    /** {@code rate} (0..1) as a percentage with one decimal, as the page shows it. */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** {@code d} as hours and minutes, as the page shows it: {@code 26h 05m}. */
    public static String duration(Duration d) {
        long minutes = d.toMinutes();
        return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }

    // ---- charts ----

    private static void charts(Report r, StringBuilder h) {
        h.append("<section class=\"charts\">\n");
        Map<String, Double> orders = new LinkedHashMap<>();
        for (LocalDate d = r.period().from(); !d.isAfter(r.period().to()); d = d.plusDays(1)) {
            orders.put(d.toString(), 0.0);
        }
        Map<String, Double> p50 = new LinkedHashMap<>(orders);
        Map<String, Double> otif = new LinkedHashMap<>();
        for (OrderVolume v : r.volumeByDay()) {
            orders.merge(v.from().toString(), (double) v.orders(), Double::sum);
        }
        for (FulfilmentSpeed s : r.speedByDay()) {
            if (s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED) {
                p50.put(s.from().toString(), s.p50().toMinutes() / 60.0);
            }
        }
        for (PromiseKept p : r.promiseByDay()) {
            otif.put(p.from().toString(), p.rate() * 100);
        }
        bars(h, "chart-orders", "Orders placed per day", orders, "%.0f");
        bars(h, "chart-speed", "Placed to shipped, median hours per day", p50, "%.1f");
        bars(h, "chart-otif", "Promise kept (OTIF) % per day of promise", otif, "%.0f");
        h.append("</section>\n");
    }

    private static void bars(StringBuilder h, String id, String title, Map<String, Double> series, String format) {
        int width = 640;
        int height = 220;
        int left = 40;
        int bottom = 40;
        int top = 24;
        double max = 0;
        for (double v : series.values()) {
            max = Math.max(max, v);
        }
        List<Map.Entry<String, Double>> points = new ArrayList<>(series.entrySet());
        int n = Math.max(1, points.size());
        double slot = (double) (width - left - 8) / n;
        h.append("<figure><figcaption>").append(esc(title)).append("</figcaption>")
                .append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        h.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width - 4)
                .append("\" y2=\"").append(height - bottom).append("\" class=\"axis\"/>");
        if (points.isEmpty()) {
            h.append("<text x=\"").append(left + 8).append("\" y=\"").append(height / 2).append("\">nothing to show</text>");
        }
        for (int i = 0; i < points.size(); i++) {
            double v = points.get(i).getValue();
            double barHeight = max <= 0 ? 0 : (height - bottom - top) * v / max;
            double x = left + i * slot + slot * 0.15;
            double y = height - bottom - barHeight;
            h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" data-label=\"%s\" data-value=\"%s\"><title>%s: %s</title></rect>",
                    x, y, slot * 0.7, barHeight, esc(points.get(i).getKey()), String.format(Locale.ROOT, format, v),
                    esc(points.get(i).getKey()), String.format(Locale.ROOT, format, v)));
            if (n <= 31) {
                h.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + slot * 0.35, y - 4,
                        String.format(Locale.ROOT, format, v)));
                String label = points.get(i).getKey();
                h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x + slot * 0.35,
                        height - bottom + 16, esc(label.length() == 10 ? label.substring(5) : label)));
            }
        }
        h.append("</svg></figure>\n");
    }

    // ---- tables ----

    private static void table(Table t, StringBuilder h) {
        h.append("<section class=\"measure\"><h2>").append(esc(t.title())).append("</h2>");
        if (t.rows().isEmpty()) {
            h.append("<p class=\"empty\" id=\"").append(esc(t.name())).append("\">Nothing in this period.</p></section>\n");
            return;
        }
        h.append("<table id=\"").append(esc(t.name())).append("\"><thead><tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (Object cell : row) {
                String raw = cell instanceof BigDecimal ? ((BigDecimal) cell).toPlainString() : cell.toString();
                h.append("<td data-value=\"").append(esc(raw)).append("\"");
                if (cell instanceof Long || cell instanceof BigDecimal) {
                    h.append(" class=\"num\"");
                }
                h.append('>').append(esc(shown(raw))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String shown(String raw) {
        if (raw.startsWith("PT") || raw.startsWith("P") && raw.contains("T")) {
            try {
                return duration(Duration.parse(raw));
            } catch (RuntimeException notADuration) {
                return raw;
            }
        }
        return raw;
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = String.join("",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1d2433;background:#fafbfc}",
            "header h1{margin:0 0 4px;font-size:26px}header p{margin:0 0 16px;color:#5b6475}",
            ".cards{margin-bottom:14px}",
            ".card{display:inline-block;vertical-align:top;margin:0 10px 10px 0;background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:12px 16px;min-width:150px}",
            ".figure{font-size:24px;font-weight:600;color:#1f5fbf}.label{font-size:12px;color:#5b6475;margin-top:4px}",
            "figure{display:inline-block;vertical-align:top;margin:0 12px 12px 0;background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:8px}",
            "figcaption{font-size:13px;font-weight:600;margin:4px 8px}svg .bar{fill:#3b82d6}svg .axis{stroke:#8a93a3}",
            "svg text{font-size:10px;fill:#3c4454;text-anchor:middle}",
            "section.measure{margin-top:22px}h2{font-size:16px;margin:0 0 6px}",
            "table{border-collapse:collapse;background:#fff;font-size:12px;width:100%}",
            "th,td{border:1px solid #dfe3ea;padding:4px 8px;text-align:left}th{background:#eef1f6}td.num{text-align:right;font-variant-numeric:tabular-nums}",
            "p.empty{color:#8a93a3;font-size:12px}footer{margin-top:28px;font-size:11px;color:#8a93a3}");
}
