package io.omskit.reporting.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.common.Checks;
import io.omskit.reporting.measure.Report;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a report as one JSON object: {@code period} ({@code from}, {@code to}, {@code zone}), {@code asOf}, and one
 * array per table under the table's name, each row an object of column to value (numbers as JSON numbers, exact).
 */
public final class JsonExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonExport() {
    }

    /** {@code report} as a JSON tree. */
    public static ObjectNode tree(Report report) {
        Checks.notNull(report, "report");
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode period = root.putObject("period");
        period.put("from", report.period().from().toString());
        period.put("to", report.period().to().toString());
        period.put("zone", report.period().zone().getId());
        root.put("asOf", report.asOf().toString());
        for (Table t : ReportTables.of(report)) {
            ArrayNode rows = root.putArray(t.name());
            for (List<Object> r : t.rows()) {
                ObjectNode row = rows.addObject();
                for (int i = 0; i < t.columns().size(); i++) {
                    Object cell = r.get(i);
                    if (cell instanceof Long) {
                        row.put(t.columns().get(i), (Long) cell);
                    } else if (cell instanceof BigDecimal) {
                        row.put(t.columns().get(i), (BigDecimal) cell);
                    } else {
                        row.put(t.columns().get(i), cell.toString());
                    }
                }
            }
        }
        return root;
    }

    /**
     * Writes {@code report} to {@code out}, which it leaves open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(Report report, Writer out) throws IOException {
        MAPPER.writeValue(out, tree(report));
    }
}
