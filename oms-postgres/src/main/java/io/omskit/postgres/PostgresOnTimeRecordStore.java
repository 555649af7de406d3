package io.omskit.postgres;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.shipping.Lane;
import io.omskit.core.spi.DeliveryObservation;
import io.omskit.core.spi.OnTimeRecordStore;
import io.omskit.core.spi.OnTimeTally;
import io.omskit.postgres.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An {@link OnTimeRecordStore} on PostgreSQL (tables of migration V14). Recording inserts the observation's id and, only
 * when that insert added a row, adds the parcel to its tallies, all in one transaction: the primary key on the id
 * makes concurrent recordings of one observation count it once, and the additions are made by the database
 * ({@code on_time = on_time + 1}), so concurrent recordings from several nodes lose none.
 *
 * <p>Database failures surface as {@link io.omskit.core.spi.SpiException} with nothing written. Thread-safe.
 */
public final class PostgresOnTimeRecordStore implements OnTimeRecordStore {

    private static final String COLUMNS = "carrier, service, origin, country, postal_area, on_time, late";

    private final Transactions tx;

    /** A store on {@code dataSource}, migrated by {@link PostgresSchema#migrate}. */
    public PostgresOnTimeRecordStore(DataSource dataSource) {
        this.tx = new Transactions(Checks.notNull(dataSource, "dataSource"), 10);
    }

    @Override
    public boolean record(DeliveryObservation observation) {
        Checks.notNull(observation, "observation");
        return tx.inTransaction("record delivery " + observation.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into oms_delivery_observation (observation_id) values (?) on conflict do nothing")) {
                ps.setObject(1, observation.id());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            add(c, observation, observation.lane());
            if (!observation.lane().postalArea().isEmpty()) {
                add(c, observation, observation.lane().wholeCountry());
            }
            return true;
        });
    }

    @Override
    public OnTimeTally tally(String carrier, String service, Lane lane) {
        Checks.notNull(carrier, "carrier");
        Checks.notNull(service, "service");
        Checks.notNull(lane, "lane");
        return tx.autoCommit("read on-time tally", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_on_time_tally"
                    + " where carrier = ? and service = ? and origin = ? and country = ? and postal_area = ?")) {
                ps.setString(1, carrier);
                ps.setString(2, service);
                ps.setString(3, lane.origin().value());
                ps.setString(4, lane.country());
                ps.setString(5, lane.postalArea());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? tally(rs) : new OnTimeTally(carrier, service, lane, 0, 0);
                }
            }
        });
    }

    @Override
    public List<OnTimeTally> tallies() {
        return tx.autoCommit("read on-time tallies", c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from oms_on_time_tally"
                    + " where on_time + late > 0 order by carrier, service, origin, country, postal_area");
                 ResultSet rs = ps.executeQuery()) {
                List<OnTimeTally> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(tally(rs));
                }
                return out;
            }
        });
    }

    private static void add(Connection c, DeliveryObservation observation, Lane lane) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into oms_on_time_tally (" + COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (carrier, service, origin, country, postal_area)"
                + " do update set on_time = oms_on_time_tally.on_time + excluded.on_time,"
                + " late = oms_on_time_tally.late + excluded.late")) {
            ps.setString(1, observation.service().carrier());
            ps.setString(2, observation.service().service());
            ps.setString(3, lane.origin().value());
            ps.setString(4, lane.country());
            ps.setString(5, lane.postalArea());
            ps.setLong(6, observation.onTime() ? 1 : 0);
            ps.setLong(7, observation.onTime() ? 0 : 1);
            ps.executeUpdate();
        }
    }

    private static OnTimeTally tally(ResultSet rs) throws SQLException {
        Lane lane = new Lane(LocationId.of(rs.getString(3)), rs.getString(4), rs.getString(5));
        return new OnTimeTally(rs.getString(1), rs.getString(2), lane, rs.getLong(6), rs.getLong(7));
    }
}
