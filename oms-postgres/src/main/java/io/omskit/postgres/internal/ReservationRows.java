package io.omskit.postgres.internal;

import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the {@code inv_reservation} table. */
public final class ReservationRows {

    private static final String COLUMNS = "reservation_key, reference, status, created_at, expires_at, req_skus, req_locations,"
            + " req_quantities, held_skus, held_locations, held_quantities";

    private ReservationRows() {
    }

    /**
     * Inserts {@code r} unless its key exists. A concurrent insert of the same key makes this wait for that
     * transaction to end.
     *
     * @return false when the key existed (nothing inserted)
     */
    public static boolean insert(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bindInsert(c, ps, r);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The statement of {@link #insert}, returning one row when it inserted; its parameters are bound by {@link #bindInsert}. */
    public static final String INSERT = "insert into inv_reservation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (reservation_key) do nothing returning 1";

    /** Binds {@code r} to the parameters of {@link #INSERT}; returns the index of the next parameter. */
    public static int bindInsert(Connection c, PreparedStatement ps, Reservation r) throws SQLException {
        ps.setString(1, r.key().value());
        ps.setString(2, r.reference());
        ps.setString(3, r.status().name());
        Sql.setInstant(ps, 4, r.createdAt());
        Sql.setInstant(ps, 5, r.expiresAt());
        Lines.bindReservationLines(c, ps, 6, r.requested());
        Lines.bindReservationLines(c, ps, 9, r.held());
        return 12;
    }

    /** The reservation with {@code key}, locked for update when {@code lock}. */
    public static Optional<Reservation> find(Connection c, ReservationKey key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_reservation where reservation_key = ?"
                + (lock ? " for update" : ""))) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Locks up to {@code limit} active reservations expiring at or before {@code now}, in key order, skipping
     * those another transaction holds when {@code skipLocked}, else waiting for it (and leaving out those it ended).
     */
    public static List<Reservation> lockExpired(Connection c, Instant now, int limit, boolean skipLocked) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_reservation where status = 'ACTIVE'"
                + " and expires_at is not null and expires_at <= ? order by reservation_key limit ? for update"
                + (skipLocked ? " skip locked" : ""))) {
            Sql.setInstant(ps, 1, now);
            ps.setInt(2, limit);
            return Sql.list(ps, ReservationRows::read);
        }
    }

    /**
     * The active reservations made for {@code reference}, oldest first (by creation, then key). References are
     * compared byte for byte (collation "C"), as the index of V5__held_by_reference.sql has them.
     */
    public static List<Reservation> activeFor(Connection c, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_reservation"
                + " where reference collate \"C\" = ? and status = 'ACTIVE' order by created_at, reservation_key collate \"C\"")) {
            ps.setString(1, reference);
            return Sql.list(ps, ReservationRows::read);
        }
    }

    /**
     * A one-row derived table {@code d} whose column {@code due} says whether any active reservation expires at or
     * before its one parameter, to join a read to, so that the read and {@link #anyDue} are one statement.
     */
    public static final String DUE = "(select exists (select 1 from inv_reservation where status = 'ACTIVE'"
            + " and expires_at is not null and expires_at <= ?) as due) d";

    /**
     * In one read: whether any active reservation expires at or before {@code now} (as {@link #anyDue}) and, as of the
     * same moment, the reservation with {@code key} (null when there is none), locked for update when {@code lock}.
     */
    public static DueAndFound findUnlessAnyDue(Connection c, ReservationKey key, Instant now, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select d.due, r.* from " + DUE + " left join lateral (select "
                + COLUMNS + " from inv_reservation where reservation_key = ?" + (lock ? " for update" : "") + ") r on true")) {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DueAndFound(rs.getBoolean(1), rs.getString("reservation_key") == null ? null : read(rs));
            }
        }
    }

    /** Whether a hold was due, and the reservation read in the same statement (null when there is none). */
    public record DueAndFound(boolean anyDue, Reservation reservation) {
    }

    /** Whether any active reservation expires at or before {@code now} (through the partial index of expiries). */
    public static boolean anyDue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select d.due from " + DUE)) {
            Sql.setInstant(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The keys of the latest changes applied to the reservation {@code key}, oldest first; empty when none. */
    public static List<String> changeKeys(Connection c, ReservationKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select change_keys from inv_reservation where reservation_key = ?")) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                java.sql.Array a = rs.getArray(1);
                return a == null ? List.of() : List.of((String[]) a.getArray());
            }
        }
    }

    /** Stores everything of {@code r} (a change in place or a hold anew) with the change keys to remember. */
    public static void updateChanged(Connection c, Reservation r, List<String> changeKeys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update inv_reservation set reference = ?, status = ?, created_at = ?,"
                + " expires_at = ?, req_skus = ?, req_locations = ?, req_quantities = ?, held_skus = ?, held_locations = ?,"
                + " held_quantities = ?, change_keys = ? where reservation_key = ?")) {
            ps.setString(1, r.reference());
            ps.setString(2, r.status().name());
            Sql.setInstant(ps, 3, r.createdAt());
            Sql.setInstant(ps, 4, r.expiresAt());
            Lines.bindReservationLines(c, ps, 5, r.requested());
            Lines.bindReservationLines(c, ps, 8, r.held());
            Sql.setTextArray(ps, 11, changeKeys.toArray(new String[0]));
            ps.setString(12, r.key().value());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("reservation " + r.key() + " vanished while locked");
            }
        }
    }

    /** Stores the status and held lines of {@code r}. */
    public static void updateHeld(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update inv_reservation set status = ?, held_skus = ?, held_locations = ?,"
                + " held_quantities = ? where reservation_key = ?")) {
            ps.setString(1, r.status().name());
            Lines.bindReservationLines(c, ps, 2, r.held());
            ps.setString(5, r.key().value());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("reservation " + r.key() + " vanished while locked");
            }
        }
    }

    private static Reservation read(ResultSet rs) throws SQLException {
        List<ReservationLine> requested = Lines.readReservationLines(rs, "req");
        List<ReservationLine> held = Lines.readReservationLines(rs, "held");
        return new Reservation(ReservationKey.of(rs.getString("reservation_key")), rs.getString("reference"), requested, held,
                ReservationStatus.valueOf(rs.getString("status")), Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "expires_at"));
    }
}
