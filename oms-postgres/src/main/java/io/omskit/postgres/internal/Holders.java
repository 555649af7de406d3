package io.omskit.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Who still holds stock: the references of active reservations and of allocations with open units, read from
 * {@code inv_reservation} and {@code inv_allocation} together for a reconciliation sweep.
 *
 * <p>References are compared and ordered byte for byte (collation "C"), whatever the database's default collation:
 * that is the order of {@link String#compareTo} (but for characters outside the Basic Multilingual Plane), and the
 * order of the indexes of V5__held_by_reference.sql.
 */
public final class Holders {

    private static final String REFERENCES = "select distinct reference collate \"C\" as reference from %s"
            + " where %s and created_at <= ?%s order by 1 limit ?";

    private Holders() {
    }

    /**
     * Up to {@code limit} distinct references, ascending, of active reservations and allocations with open units
     * created at or before {@code madeAtOrBefore}, after {@code after} (null for from the start). Each table gives
     * its first {@code limit} references (an ordered walk of its index that stops there), and the page is the first
     * {@code limit} of the two lists merged: one statement, so one snapshot of both tables.
     */
    public static List<String> page(Connection c, Instant madeAtOrBefore, String after, int limit) throws SQLException {
        String from = after == null ? "" : " and reference collate \"C\" > ?";
        String sql = "select reference from ((" + String.format(REFERENCES, "inv_reservation", "status = 'ACTIVE'", from)
                + ") union (" + String.format(REFERENCES, "inv_allocation", "cardinality(open_quantities) > 0", from)
                + ")) h order by reference limit ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int table = 0; table < 2; table++) {
                Sql.setInstant(ps, i++, madeAtOrBefore);
                if (after != null) {
                    ps.setString(i++, after);
                }
                ps.setInt(i++, limit);
            }
            ps.setInt(i, limit);
            return Sql.list(ps, rs -> rs.getString(1));
        }
    }
}
