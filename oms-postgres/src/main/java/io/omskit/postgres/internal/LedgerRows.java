package io.omskit.postgres.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the movement ledger ({@code inv_movement}) and of announced inbound supply ({@code inv_inbound}). */
public final class LedgerRows {

    private static final String COLUMNS = "movement_key, sku, location, reason, quantity, on_hand_delta, quarantine_delta,"
            + " inbound_delta, returns_delta, at, reference";

    private LedgerRows() {
    }

    /**
     * Records {@code m} (with {@code eta} for announced inbound supply) unless its key was used.
     *
     * @return false when the key was used (nothing recorded)
     */
    public static boolean insert(Connection c, StockMovement m, Instant eta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inv_movement (" + COLUMNS + ", eta)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (movement_key) do nothing")) {
            bind(ps, m);
            Sql.setInstant(ps, 12, eta);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The statement recording a movement (none announcing inbound supply) unless its key was used, returning one row
     * when it recorded it; its parameters are bound by {@link #bindInsert}.
     */
    public static final String INSERT = "insert into inv_movement (" + COLUMNS + ", eta)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null) on conflict (movement_key) do nothing returning 1";

    /** Binds {@code m} to the parameters of {@link #INSERT}; returns the index of the next parameter. */
    public static int bindInsert(PreparedStatement ps, StockMovement m) throws SQLException {
        bind(ps, m);
        return 12;
    }

    /** Records {@code movements} (none announcing inbound supply), which must have unused keys. */
    public static void insertAll(Connection c, List<StockMovement> movements) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inv_movement (" + COLUMNS + ", eta)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)")) {
            for (StockMovement m : movements) {
                bind(ps, m);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether any position of {@code sku} at {@code locations} has a movement other than an opening balance. */
    public static boolean hasMovements(Connection c, String sku, String[] locations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from inv_movement where sku = ?"
                + " and location = any(?) and reason <> 'OPENING_BALANCE')")) {
            ps.setString(1, sku);
            Sql.setTextArray(ps, 2, locations);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Binds the eleven columns of {@code m} (all but the ETA). */
    private static void bind(PreparedStatement ps, StockMovement m) throws SQLException {
        ps.setString(1, m.key().value());
        ps.setString(2, m.sku().value());
        ps.setString(3, m.location().value());
        ps.setString(4, m.reason().name());
        ps.setInt(5, m.quantity());
        ps.setInt(6, m.onHandDelta());
        ps.setInt(7, m.quarantineDelta());
        ps.setInt(8, m.inboundDelta());
        ps.setInt(9, m.returnsDelta());
        Sql.setInstant(ps, 10, m.at());
        ps.setString(11, m.reference());
    }

    /** The movement recorded under {@code key}. */
    public static Optional<StockMovement> find(Connection c, MovementKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_movement where movement_key = ?")) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The adjustment recorded under {@code key}, as it was asked for (ETA at microsecond precision); empty when the
     * key was never used.
     */
    public static Optional<StockAdjustment> findAdjustment(Connection c, MovementKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sku, location, reason, quantity, eta, reference"
                + " from inv_movement where movement_key = ?")) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StockAdjustment(key, Sku.of(rs.getString(1)), LocationId.of(rs.getString(2)),
                        MovementReason.valueOf(rs.getString(3)), rs.getInt(4), Sql.getInstant(rs, "eta"), rs.getString(6)));
            }
        }
    }

    /** The ledger of one position, oldest first. */
    public static List<StockMovement> ofPosition(Connection c, String sku, String location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inv_movement where sku = ? and location = ?"
                + " order by seq")) {
            ps.setString(1, sku);
            ps.setString(2, location);
            List<StockMovement> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        }
    }

    /** Records newly announced supply under the key of the movement that announced it. */
    public static void insertInbound(Connection c, StockMovement announced, Instant eta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inv_inbound (movement_key, sku, location, remaining, eta,"
                + " reference) values (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, announced.key().value());
            ps.setString(2, announced.sku().value());
            ps.setString(3, announced.location().value());
            ps.setInt(4, announced.quantity());
            Sql.setInstant(ps, 5, eta);
            ps.setString(6, announced.reference());
            ps.executeUpdate();
        }
    }

    /**
     * Takes {@code quantity} units off the open supply of a position (whose SKU the caller has locked): first the
     * supply announced with the same {@code reference}, then the earliest ETA first.
     */
    public static void consumeInbound(Connection c, String sku, String location, String reference, int quantity)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select movement_key, remaining from inv_inbound where sku = ?"
                + " and location = ? and remaining > 0 order by (reference = ?) desc, eta, movement_key")) {
            ps.setString(1, sku);
            ps.setString(2, location);
            ps.setString(3, reference);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                    remaining.add(rs.getInt(2));
                }
            }
        }
        int left = quantity;
        try (PreparedStatement ps = c.prepareStatement("update inv_inbound set remaining = ? where movement_key = ?")) {
            for (int i = 0; i < keys.size() && left > 0; i++) {
                int take = Math.min(left, remaining.get(i));
                ps.setInt(1, remaining.get(i) - take);
                ps.setString(2, keys.get(i));
                ps.addBatch();
                left -= take;
            }
            ps.executeBatch();
        }
    }

    /** Open inbound supply of {@code sku}, earliest ETA first. */
    public static List<InboundSupply> openInbound(Connection c, String sku) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sku, location, remaining, eta, reference from inv_inbound"
                + " where sku = ? and remaining > 0 order by eta, location, movement_key")) {
            ps.setString(1, sku);
            List<InboundSupply> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new InboundSupply(Sku.of(rs.getString(1)), LocationId.of(rs.getString(2)), rs.getInt(3),
                            Sql.getInstant(rs, "eta"), rs.getString(5)));
                }
            }
            return found;
        }
    }

    private static StockMovement read(ResultSet rs) throws SQLException {
        return new StockMovement(MovementKey.of(rs.getString(1)), Sku.of(rs.getString(2)), LocationId.of(rs.getString(3)),
                MovementReason.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                Sql.getInstant(rs, "at"), rs.getString(11));
    }
}
