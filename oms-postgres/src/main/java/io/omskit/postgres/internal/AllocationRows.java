package io.omskit.postgres.internal;

import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.ReservationKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the {@code inv_allocation} table. */
public final class AllocationRows {

    private static final String COLUMNS = "allocation_key, reference, reservation_key, created_at, req_skus, req_locations,"
            + " req_quantities, open_skus, open_locations, open_quantities";

    private AllocationRows() {
    }

    /**
     * Inserts {@code a} unless its key exists; a concurrent insert of the same key makes this wait for that
     * transaction to end.
     *
     * @return false when the key existed (nothing inserted)
     */
    public static boolean insert(Connection c, Allocation a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inv_allocation (" + COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (allocation_key) do nothing")) {
            ps.setString(1, a.key().value());
            ps.setString(2, a.reference());
            ps.setString(3, a.reservation() == null ? null : a.reservation().value());
            Sql.setInstant(ps, 4, a.createdAt());
            Lines.bindAllocationLines(c, ps, 5, a.requested());
            Lines.bindAllocationLines(c, ps, 8, a.open());
            return ps.executeUpdate() == 1;
        }
    }

    /** The allocation with {@code key}, locked for update when {@code lock}. */
    public static Optional<Allocation> find(Connection c, AllocationKey key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_allocation where allocation_key = ?"
                + (lock ? " for update" : ""))) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The allocation of the first of {@code keys} that was used, in the order given, read in one statement. */
    public static Optional<Allocation> findFirst(Connection c, List<AllocationKey> keys) throws SQLException {
        String[] values = new String[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = keys.get(i).value();
        }
        // joined to the keys rather than "= any(?)", so that the statement is planned once, not on every call
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_allocation a"
                + " join unnest(?::text[]) with ordinality k(key, n) on a.allocation_key = k.key order by k.n limit 1")) {
            Sql.setTextArray(ps, 1, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The allocations made for {@code reference} that still have open units, oldest first (by creation, then key).
     * References are compared byte for byte (collation "C"), as the index of V5__held_by_reference.sql has them.
     */
    public static List<Allocation> openFor(Connection c, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_allocation"
                + " where reference collate \"C\" = ? and cardinality(open_quantities) > 0"
                + " order by created_at, allocation_key collate \"C\"")) {
            ps.setString(1, reference);
            return Sql.list(ps, AllocationRows::read);
        }
    }

    /** Stores the open lines of {@code a}. */
    public static void updateOpen(Connection c, Allocation a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update inv_allocation set open_skus = ?, open_locations = ?,"
                + " open_quantities = ? where allocation_key = ?")) {
            Lines.bindAllocationLines(c, ps, 1, a.open());
            ps.setString(4, a.key().value());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("allocation " + a.key() + " vanished while locked");
            }
        }
    }

    private static Allocation read(ResultSet rs) throws SQLException {
        String reservation = rs.getString("reservation_key");
        List<AllocationLine> requested = Lines.readAllocationLines(rs, "req");
        List<AllocationLine> open = Lines.readAllocationLines(rs, "open");
        return new Allocation(AllocationKey.of(rs.getString("allocation_key")), rs.getString("reference"), requested, open,
                reservation == null ? null : ReservationKey.of(reservation), Sql.getInstant(rs, "created_at"));
    }
}
