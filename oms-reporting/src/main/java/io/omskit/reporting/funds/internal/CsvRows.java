package io.omskit.reporting.funds.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.omskit.core.common.Problem;
import io.omskit.reporting.funds.SettlementFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A CSV report with a header row, read row by row: each row's cells by column name, with the problems of malformed
 * cells collected (naming line, column and value) and thrown together once the report is read. Not thread-safe; one
 * per read.
 */
public final class CsvRows {

    /** Readers stop collecting problems after this many. */
    public static final int MAX_PROBLEMS = 100;

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES);

    private final String report;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, CurrencyUnit> currencies = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private String[] cells;
    private long line;
    private int problemsBeforeRow;

    private CsvRows(String report) {
        this.report = report;
    }

    /**
     * Reads {@code source}: checks the header has every column of {@code required}, then calls {@code row} once per
     * data row with this object positioned on it.
     *
     * @throws SettlementFormatException naming every missing column or malformed cell, after the whole report was read
     */
    public static void read(String report, Reader source, List<String> required, Consumer<CsvRows> row) {
        CsvRows rows = new CsvRows(report);
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(source)) {
            if (!it.hasNextValue()) {
                throw new SettlementFormatException(report, List.of(new Problem("line 1", "", "must be the header row")));
            }
            String[] header = it.nextValue();
            for (int i = 0; i < header.length; i++) {
                rows.columns.putIfAbsent(header[i].strip().replace("\uFEFF", ""), i);
            }
            List<Problem> missing = new ArrayList<>();
            for (String c : required) {
                if (!rows.columns.containsKey(c)) {
                    missing.add(new Problem("line 1, column '" + c + "'", String.join(",", header), "the header must name this column"));
                }
            }
            if (!missing.isEmpty()) {
                throw new SettlementFormatException(report, missing);
            }
            rows.line = 1;
            while (it.hasNextValue()) {
                rows.cells = it.nextValue();
                rows.line++;
                rows.problemsBeforeRow = rows.problems.size();
                row.accept(rows);
                if (rows.problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (JacksonException e) {
            throw notCsv(report, rows, e);
        } catch (IOException e) {
            throw new UncheckedIOException(report + " could not be read at line " + rows.line + ": " + e.getMessage(), e);
        } catch (RuntimeJsonMappingException e) {
            throw notCsv(report, rows, e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JacksonException j) {
                throw notCsv(report, rows, j);
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(report + " could not be read at line " + rows.line + ": " + io.getMessage(), io);
            }
            throw e;
        }
        if (!rows.problems.isEmpty()) {
            throw new SettlementFormatException(report, rows.problems);
        }
    }

    /** A row that is not CSV at all (an unclosed quote, say): named by the line after the last good row. */
    private static SettlementFormatException notCsv(String report, CsvRows rows, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        List<Problem> all = new ArrayList<>(rows.problems);
        all.add(new Problem("line " + (rows.line + 1), "", "must be a CSV row (" + why + ")"));
        return new SettlementFormatException(report, all);
    }

    /** The line of the file the current row is on (the header is line 1). */
    public long line() {
        return line;
    }

    /** Whether the current row had no malformed cell so far. */
    public boolean rowIsGood() {
        return problems.size() == problemsBeforeRow;
    }

    /** Whether the header names {@code column}. */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cell of {@code column}, stripped; empty when blank or when the column or the cell is missing. */
    public String text(String column) {
        Integer at = columns.get(column);
        if (at == null || at >= cells.length || cells[at] == null) {
            return "";
        }
        return cells[at].strip();
    }

    /** The cell of {@code column}, which must not be blank; null (and a problem) when it is. */
    public String required(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            problem(column, v, "must not be empty");
            return null;
        }
        return v;
    }

    /** The currency in {@code column}, an ISO 4217 code in any case; null (and a problem) when not one. */
    public CurrencyUnit currency(String column) {
        String v = text(column);
        CurrencyUnit c = currencies.get(v);
        if (c != null) {
            return c;
        }
        try {
            c = CurrencyUnit.of(v.toUpperCase(Locale.ROOT));
            currencies.put(v, c);
            return c;
        } catch (IllegalArgumentException e) {
            problem(column, v, "must be an ISO 4217 currency code");
            return null;
        }
    }

    /**
     * The decimal amount in {@code column} in {@code currency}; zero when blank and {@code blankIsZero}. Null (and a
     * problem) when not a number, negative while {@code mustNotBeNegative}, or finer than the currency's minor unit.
     */
    public Money decimal(String column, CurrencyUnit currency, boolean blankIsZero, boolean mustNotBeNegative) {
        String v = text(column);
        if (currency == null) {
            return null;
        }
        if (v.isEmpty()) {
            if (blankIsZero) {
                return Money.zero(currency);
            }
            problem(column, v, "must be an amount");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(v);
        } catch (NumberFormatException e) {
            problem(column, v, "must be a decimal amount such as 12.34");
            return null;
        }
        if (mustNotBeNegative && amount.signum() < 0) {
            problem(column, v, "must be >= 0 (the column says the direction)");
            return null;
        }
        if (amount.scale() > currency.getDecimalPlaces() && amount.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            problem(column, v, "must have at most " + currency.getDecimalPlaces() + " decimals in " + currency);
            return null;
        }
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }

    /** The whole number of minor units in {@code column} in {@code currency}; null (and a problem) when not one. */
    public Money minor(String column, CurrencyUnit currency) {
        String v = text(column);
        if (currency == null) {
            return null;
        }
        try {
            return Money.ofMinor(currency, Long.parseLong(v));
        } catch (NumberFormatException e) {
            problem(column, v, "must be a whole number of minor units (cents)");
            return null;
        }
    }

    /** Records that {@code value} of {@code column} on the current row breaks {@code rule}. */
    public void problem(String column, String value, String rule) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem("line " + line + ", column '" + column + "'", value, rule));
        }
    }
}
