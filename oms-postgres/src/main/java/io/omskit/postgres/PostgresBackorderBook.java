package io.omskit.postgres;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import io.omskit.core.spi.SpiException;
import io.omskit.postgres.internal.Sql;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link BackorderBook} on PostgreSQL (tables of migrations V13, V15 and V16). Placing and filling at one SKU and location first
 * lock that position's row in {@code oms_backorder_position}, so several nodes placing while receipts are filled never
 * let more wait than the room, nor fill beyond what arrived. Times are kept to microseconds (what {@code timestamptz}
 * holds); backorders placed within the same microsecond are filled in the order placed.
 *
 * <p>Database failures surface as {@link SpiException} with nothing written. Thread-safe.
 */
public final class PostgresBackorderBook implements BackorderBook {

    private static final String COLUMNS = "b.backorder_id, b.seq, b.order_id, b.line_id, b.sku, b.location_id, b.quantity,"
            + " b.filled, b.cancelled, b.priority, b.placed_at, b.kind, b.expected_at";
    private static final String FILL_ORDER = " order by b.priority desc, b.placed_at, b.seq";

    private final Transactions tx;

    /** A book on {@code dataSource}, migrated by {@link PostgresSchema#migrate}. */
    public PostgresBackorderBook(DataSource dataSource) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
    }

    @Override
    public Optional<BackorderResult> place(Backorder candidate, long room, long receiptsSeen) {
        Checks.notNull(candidate, "candidate");
        return tx.inTransaction("place backorder " + candidate.id(), c -> {
            long receipts = lockPosition(c, candidate.sku(), candidate.location());
            Optional<Backorder> known = find(c, candidate.id());
            if (known.isPresent()) {
                return Optional.of(new BackorderResult.Accepted(known.get(), true));
            }
            if (receipts != receiptsSeen) {
                return Optional.empty();
            }
            long waiting;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(quantity - filled - cancelled), 0) from oms_backorder"
                    + " where sku = ? and location_id = ? and filled + cancelled < quantity")) {
                ps.setString(1, candidate.sku().value());
                ps.setString(2, candidate.location().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    waiting = rs.getLong(1);
                }
            }
            if (waiting + candidate.quantity() > room) {
                long left = Math.max(0, room - waiting);
                return Optional.of(new BackorderResult.Refused(candidate.sku(), candidate.location(), candidate.quantity(),
                        left, "only " + left + " more of " + candidate.sku() + " may wait for supply at "
                        + candidate.location()));
            }
            try (PreparedStatement ps = c.prepareStatement("insert into oms_backorder (backorder_id, order_id, line_id, sku,"
                    + " location_id, quantity, priority, placed_at, kind, expected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, candidate.id().value());
                ps.setString(2, candidate.order().value());
                ps.setString(3, candidate.line().value());
                ps.setString(4, candidate.sku().value());
                ps.setString(5, candidate.location().value());
                ps.setInt(6, candidate.quantity());
                ps.setInt(7, candidate.priority());
                Sql.setInstant(ps, 8, candidate.placedAt());
                ps.setString(9, candidate.kind().name());
                Sql.setInstant(ps, 10, candidate.expectedAt());
                ps.executeUpdate();
            }
            return Optional.of(new BackorderResult.Accepted(find(c, candidate.id()).orElseThrow(), false));
        });
    }

    @Override
    public long receipts(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        return tx.autoCommit("backorder receipts", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select receipts from oms_backorder_position where sku = ? and location_id = ?")) {
                ps.setString(1, sku.value());
                ps.setString(2, location.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public List<BackorderFill> fill(MovementKey receipt, Sku sku, LocationId location, int arrived) {
        Checks.notNull(receipt, "receipt");
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        Checks.positive(arrived, "arrived");
        return tx.inTransaction("fill backorders from " + receipt, c -> {
            lockPosition(c, sku, location);
            try (PreparedStatement ps = c.prepareStatement("insert into oms_backorder_receipt (receipt_key, sku, location_id)"
                    + " values (?, ?, ?) on conflict do nothing")) {
                ps.setString(1, receipt.value());
                ps.setString(2, sku.value());
                ps.setString(3, location.value());
                if (ps.executeUpdate() == 0) {
                    return standing(c, receipt, true);
                }
            }
            List<BackorderFill> made = fillQueue(c, receipt, sku, location, arrived, 0);
            try (PreparedStatement ps = c.prepareStatement("update oms_backorder_position set receipts = receipts + 1"
                    + " where sku = ? and location_id = ?")) {
                ps.setString(1, sku.value());
                ps.setString(2, location.value());
                ps.executeUpdate();
            }
            return List.copyOf(made);
        });
    }

    /** Fills the waiting backorders by priority then age from {@code arrived} units, as fills under {@code key}. */
    private static List<BackorderFill> fillQueue(Connection c, MovementKey key, Sku sku, LocationId location, int arrived,
                                                 int firstRank) throws SQLException {
        List<BackorderFill> made = new ArrayList<>();
        int left = arrived;
        for (Backorder b : waiting(c, sku, location)) {
            if (left == 0) {
                break;
            }
            int units = Math.min(left, b.waiting());
            try (PreparedStatement ps = c.prepareStatement("update oms_backorder set filled = filled + ?,"
                    + " expected_at = case when filled + cancelled + ? = quantity then null else expected_at end"
                    + " where backorder_id = ?")) {
                ps.setInt(1, units);
                ps.setInt(2, units);
                ps.setString(3, b.id().value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into oms_backorder_fill (receipt_key, backorder_id,"
                    + " rank, units) values (?, ?, ?, ?)")) {
                ps.setString(1, key.value());
                ps.setString(2, b.id().value());
                ps.setInt(3, firstRank + made.size());
                ps.setInt(4, units);
                ps.executeUpdate();
            }
            made.add(new BackorderFill(key, b.id(), b.order(), sku, location, units));
            left -= units;
        }
        return List.copyOf(made);
    }

    @Override
    public List<BackorderFill> passOn(BackorderFill fill, int cancelledTotal) {
        Checks.notNull(fill, "fill");
        Checks.notNegative(cancelledTotal, "cancelledTotal");
        MovementKey key = fill.passedOnKey();
        return tx.inTransaction("pass on backorder fill " + fill.receipt() + " of " + fill.backorder(), c -> {
            lockPosition(c, fill.sku(), fill.location());
            try (PreparedStatement ps = c.prepareStatement("select units, reopened, passed_on from oms_backorder_fill"
                    + " where receipt_key = ? and backorder_id = ? for update")) {
                ps.setString(1, fill.receipt().value());
                ps.setString(2, fill.backorder().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != fill.units()) {
                        throw new IllegalArgumentException("no fill " + fill + " was made");
                    }
                    if (rs.getBoolean(3)) {
                        return standing(c, key, false);
                    }
                    if (rs.getBoolean(2)) {
                        return List.<BackorderFill>of();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update oms_backorder_fill set reopened = true, passed_on = true"
                    + " where receipt_key = ? and backorder_id = ?")) {
                ps.setString(1, fill.receipt().value());
                ps.setString(2, fill.backorder().value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update oms_backorder set filled = filled - ? where backorder_id = ?")) {
                ps.setInt(1, fill.units());
                ps.setString(2, fill.backorder().value());
                ps.executeUpdate();
            }
            cancelTo(c, fill.backorder(), cancelledTotal);
            String first;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(first_receipt, receipt_key)"
                    + " from oms_backorder_receipt where receipt_key = ?")) {
                ps.setString(1, fill.receipt().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    first = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into oms_backorder_receipt (receipt_key, sku, location_id,"
                    + " first_receipt) values (?, ?, ?, ?)")) {
                ps.setString(1, key.value());
                ps.setString(2, fill.sku().value());
                ps.setString(3, fill.location().value());
                ps.setString(4, first);
                ps.executeUpdate();
            }
            int nextRank;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(f.rank), -1) + 1 from oms_backorder_fill f"
                    + " join oms_backorder_receipt r using (receipt_key) where r.receipt_key = ? or r.first_receipt = ?")) {
                ps.setString(1, first);
                ps.setString(2, first);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    nextRank = rs.getInt(1);
                }
            }
            return fillQueue(c, key, fill.sku(), fill.location(), fill.units(), nextRank);
        });
    }

    @Override
    public void reopen(BackorderFill fill) {
        Checks.notNull(fill, "fill");
        tx.inTransaction("reopen backorder fill " + fill.receipt() + " of " + fill.backorder(), c -> {
            try (PreparedStatement ps = c.prepareStatement("select units, reopened from oms_backorder_fill"
                    + " where receipt_key = ? and backorder_id = ? for update")) {
                ps.setString(1, fill.receipt().value());
                ps.setString(2, fill.backorder().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != fill.units()) {
                        throw new IllegalArgumentException("no fill " + fill + " was made");
                    }
                    if (rs.getBoolean(2)) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update oms_backorder_fill set reopened = true"
                    + " where receipt_key = ? and backorder_id = ?")) {
                ps.setString(1, fill.receipt().value());
                ps.setString(2, fill.backorder().value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update oms_backorder set filled = filled - ? where backorder_id = ?")) {
                ps.setInt(1, fill.units());
                ps.setString(2, fill.backorder().value());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Backorder> expect(BackorderId id, SupplyKind kind, Instant expectedAt) {
        Checks.notNull(id, "id");
        Checks.notNull(kind, "kind");
        return tx.inTransaction("expect backorder " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update oms_backorder set kind = ?, expected_at = ? where backorder_id = ?")) {
                ps.setString(1, kind.name());
                Sql.setInstant(ps, 2, expectedAt);
                ps.setString(3, id.value());
                ps.executeUpdate();
            }
            return find(c, id);
        });
    }

    @Override
    public Optional<Backorder> cancel(BackorderId id, int total) {
        Checks.notNull(id, "id");
        Checks.notNegative(total, "total");
        return tx.inTransaction("cancel backorder " + id, c -> {
            Optional<Backorder> known = find(c, id);
            if (known.isEmpty()) {
                return known;
            }
            // the position first, as placing and filling lock it: the room freed and the queue change together
            lockPosition(c, known.get().sku(), known.get().location());
            cancelTo(c, id, total);
            return find(c, id);
        });
    }

    private static void cancelTo(Connection c, BackorderId id, int total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update oms_backorder set"
                + " cancelled = greatest(cancelled, least(?, quantity - filled)),"
                + " expected_at = case when filled + greatest(cancelled, least(?, quantity - filled)) = quantity"
                + " then null else expected_at end where backorder_id = ?")) {
            ps.setInt(1, total);
            ps.setInt(2, total);
            ps.setString(3, id.value());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Backorder> find(BackorderId id) {
        Checks.notNull(id, "id");
        return tx.autoCommit("find backorder " + id, c -> find(c, id));
    }

    @Override
    public List<Backorder> waiting(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        return tx.autoCommit("waiting backorders", c -> waiting(c, sku, location));
    }

    @Override
    public int waitingUnits(Sku sku) {
        Checks.notNull(sku, "sku");
        return tx.autoCommit("waiting backorder units", c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(quantity - filled - cancelled), 0) from oms_backorder"
                    + " where sku = ? and filled + cancelled < quantity")) {
                ps.setString(1, sku.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return (int) rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Backorder> forOrder(OrderId order) {
        Checks.notNull(order, "order");
        return tx.autoCommit("backorders of " + order, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_backorder b where b.order_id = ?"
                    + " order by b.seq")) {
                ps.setString(1, order.value());
                return Sql.list(ps, PostgresBackorderBook::backorder);
            }
        });
    }

    private static long lockPosition(Connection c, Sku sku, LocationId location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_backorder_position (sku, location_id) values (?, ?)"
                + " on conflict do nothing")) {
            ps.setString(1, sku.value());
            ps.setString(2, location.value());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select receipts from oms_backorder_position"
                + " where sku = ? and location_id = ? for update")) {
            ps.setString(1, sku.value());
            ps.setString(2, location.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<Backorder> find(Connection c, BackorderId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_backorder b where b.backorder_id = ?")) {
            ps.setString(1, id.value());
            return Sql.list(ps, PostgresBackorderBook::backorder).stream().findFirst();
        }
    }

    private static List<Backorder> waiting(Connection c, Sku sku, LocationId location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_backorder b"
                + " where b.sku = ? and b.location_id = ? and b.filled + b.cancelled < b.quantity" + FILL_ORDER)) {
            ps.setString(1, sku.value());
            ps.setString(2, location.value());
            return Sql.list(ps, PostgresBackorderBook::backorder);
        }
    }

    /**
     * The fills under {@code key} neither reopened nor passed on, in fill order; with {@code passedOn}, also those
     * made when fills of the receipt {@code key} were passed on.
     */
    private static List<BackorderFill> standing(Connection c, MovementKey key, boolean passedOn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select f.receipt_key, f.backorder_id, f.units, b.order_id, b.sku,"
                + " b.location_id from oms_backorder_fill f join oms_backorder b using (backorder_id)"
                + " join oms_backorder_receipt r using (receipt_key)"
                + " where (r.receipt_key = ? or (? and r.first_receipt = ?)) and not f.reopened order by f.rank")) {
            ps.setString(1, key.value());
            ps.setBoolean(2, passedOn);
            ps.setString(3, key.value());
            return Sql.list(ps, rs -> new BackorderFill(MovementKey.of(rs.getString("receipt_key")),
                    BackorderId.of(rs.getString("backorder_id")), OrderId.of(rs.getString("order_id")),
                    Sku.of(rs.getString("sku")), LocationId.of(rs.getString("location_id")), rs.getInt("units")));
        }
    }

    private static Backorder backorder(ResultSet rs) throws SQLException {
        return new Backorder(BackorderId.of(rs.getString("backorder_id")), OrderId.of(rs.getString("order_id")),
                LineId.of(rs.getString("line_id")), Sku.of(rs.getString("sku")), LocationId.of(rs.getString("location_id")),
                rs.getInt("quantity"), rs.getInt("filled"), rs.getInt("cancelled"), rs.getInt("priority"), Sql.getInstant(rs, "placed_at"),
                rs.getLong("seq"), SupplyKind.valueOf(rs.getString("kind")), Sql.getInstant(rs, "expected_at"));
    }
}
