package io.omskit.reporting.export;

import io.omskit.core.common.Checks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One measure's rows as plain values: a name (used as file name and HTML id), a title for people, column names and
 * cells. Cells are strings, whole numbers ({@link Long}) or decimals ({@link BigDecimal}); dates are ISO days, durations
 * ISO-8601 ({@code PT26H30M}), money its amount (the row's currency is its own column), ratios rounded to 6 decimals,
 * an absent value the empty string.
 *
 * @param name    a short identifier, such as {@code volume_by_day}
 * @param title   what it shows, in words
 * @param columns column names, the row type's component names
 * @param rows    cells, one list per row, as many as columns
 */
public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {

    public Table {
        Checks.notBlank(name, "name");
        Checks.notBlank(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("rows of table " + name + " must have " + columns.size() + " cells, one has " + r.size());
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /** The table of {@code rows}, records of {@code type}, one column per record component. */
    public static <R extends Record> Table of(String name, String title, Class<R> type, List<R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> columns = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            columns.add(c.getName());
        }
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (R row : rows) {
            List<Object> values = new ArrayList<>(components.length);
            for (RecordComponent c : components) {
                try {
                    values.add(cell(c.getAccessor().invoke(row)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + type.getSimpleName(), e);
                }
            }
            cells.add(values);
        }
        return new Table(name, title, columns, cells);
    }

    /** The plain value of {@code value} as a cell. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof String) {
            return value;
        }
        if (value instanceof Integer) {
            return ((Integer) value).longValue();
        }
        if (value instanceof Double) {
            return BigDecimal.valueOf((Double) value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (value instanceof Money) {
            return ((Money) value).getAmount();
        }
        if (value instanceof CurrencyUnit) {
            return ((CurrencyUnit) value).getCode();
        }
        if (value instanceof Duration || value instanceof LocalDate || value instanceof Enum) {
            return value.toString();
        }
        return value.toString();
    }

    /** The index of column {@code name}. @throws IllegalArgumentException when there is none */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("table " + this.name + " has no column " + name + "; columns are " + columns);
        }
        return i;
    }
}
