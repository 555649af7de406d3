package io.omskit.reporting.export;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.omskit.core.common.Checks;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes a table as CSV (RFC 4180: comma-separated, quoted where needed), header row first. */
public final class CsvExport {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvExport() {
    }

    /**
     * Writes {@code table} to {@code out}, which it leaves open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(Table table, Writer out) throws IOException {
        Checks.notNull(table, "table");
        Checks.notNull(out, "out");
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String c : table.columns()) {
            schema.addColumn(c);
        }
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> r : table.rows()) {
            List<String> cells = new ArrayList<>(r.size());
            for (Object cell : r) {
                cells.add(cell instanceof java.math.BigDecimal ? ((java.math.BigDecimal) cell).toPlainString() : cell.toString());
            }
            rows.add(cells);
        }
        MAPPER.writer(schema.build().withHeader()).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, rows);
    }

    /** {@code table} as CSV text. */
    public static String toCsv(Table table) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(table, w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }
}
