package io.omskit.postgres.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC conversions shared by the PostgreSQL adapters. */
public final class Sql {

    private Sql() {
    }

    /**
     * {@code instant} at the precision PostgreSQL keeps ({@code timestamptz}: microseconds), so that what an adapter
     * returns equals what it later reads back; null stays null.
     */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds {@code instant} (may be null) as a {@code timestamptz}, truncated to microseconds. */
    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
        }
    }

    /** Reads a {@code timestamptz} column; null stays null. */
    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Binds {@code values} (elements may be null) as a text array. The driver encodes a {@code String[]} itself, which
     * costs far less than building a {@link Array} through the connection; the parameter's type is {@code varchar[]},
     * which PostgreSQL casts to {@code text[]} wherever a {@code text[]} is expected.
     */
    public static void setTextArray(PreparedStatement ps, int index, String[] values) throws SQLException {
        ps.setObject(index, values);
    }

    /** Binds {@code values} as an {@code integer[]}, encoded by the driver without boxing. */
    public static void setIntArray(PreparedStatement ps, int index, int[] values) throws SQLException {
        ps.setObject(index, values);
    }

    /** Runs the query of {@code ps} and reads each row of its result with {@code row}, in order. */
    public static <T> List<T> list(PreparedStatement ps, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(row.read(rs));
            }
        }
        return found;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        /** The value of the row {@code rs} stands on. */
        T read(ResultSet rs) throws SQLException;
    }

    /** Reads a {@code text[]} column; never null. */
    public static String[] getTextArray(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    /** Reads an {@code integer[]} column; never null. */
    public static int[] getIntArray(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return new int[0];
        }
        Integer[] boxed = (Integer[]) a.getArray();
        int[] values = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
