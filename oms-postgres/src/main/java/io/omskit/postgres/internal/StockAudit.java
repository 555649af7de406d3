package io.omskit.postgres.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks the stock tables against the invariants the store keeps, each as one query counting offending rows. */
public final class StockAudit {

    private static final String[][] CHECKS = {
        {"positions oversold (on hand < reserved + allocated)",
            "select count(*) from inv_position where on_hand < reserved + allocated"},
        {"SKUs whose network-wide reservations are not covered",
            "select count(*) from inv_sku where network_reserved > positions_ats"},
        {"positions whose ledger does not sum to on hand",
            "select count(*) from inv_position p left join (select sku, location, sum(on_hand_delta) d from inv_movement"
                    + " group by sku, location) m using (sku, location) where p.on_hand <> coalesce(m.d, 0)"},
        {"SKUs whose totals are out of step with their positions",
            "select count(*) from inv_sku k left join (select sku, sum(greatest(0, on_hand - reserved - allocated - safety))"
                    + " ats, sum(on_hand) oh from inv_position group by sku) p using (sku)"
                    + " where k.positions_ats <> coalesce(p.ats, 0) or k.on_hand <> coalesce(p.oh, 0)"},
        {"SKUs whose network reserved differs from the active network-wide reservation lines",
            "select count(*) from inv_sku k left join (select h.sku, sum(h.q) q from inv_reservation r,"
                    + " unnest(r.held_skus, r.held_locations, r.held_quantities) as h(sku, loc, q)"
                    + " where r.status = 'ACTIVE' and h.loc is null group by h.sku) r using (sku)"
                    + " where k.network_reserved <> coalesce(r.q, 0)"},
        {"positions whose reserved differs from the active pinned reservation lines",
            "select count(*) from inv_position p left join (select h.sku, h.loc, sum(h.q) q from inv_reservation r,"
                    + " unnest(r.held_skus, r.held_locations, r.held_quantities) as h(sku, loc, q)"
                    + " where r.status = 'ACTIVE' and h.loc is not null group by h.sku, h.loc) r"
                    + " on r.sku = p.sku and r.loc = p.location where p.reserved <> coalesce(r.q, 0)"},
        {"positions whose allocated differs from the open allocation lines",
            "select count(*) from inv_position p left join (select o.sku, o.loc, sum(o.q) q from inv_allocation a,"
                    + " unnest(a.open_skus, a.open_locations, a.open_quantities) as o(sku, loc, q) group by o.sku, o.loc) a"
                    + " on a.sku = p.sku and a.loc = p.location where p.allocated <> coalesce(a.q, 0)"},
        {"active reservations holding nothing",
            "select count(*) from inv_reservation where status = 'ACTIVE' and cardinality(held_skus) = 0"},
    };

    private StockAudit() {
    }

    /** The broken invariants, each with the number of offending rows; empty when all hold. */
    public static List<String> broken(Connection c) throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String[] check : CHECKS) {
                try (ResultSet rs = s.executeQuery(check[1])) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        broken.add(check[0] + ": " + rs.getLong(1));
                    }
                }
            }
        }
        return broken;
    }
}
