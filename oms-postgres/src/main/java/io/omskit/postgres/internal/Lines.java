package io.omskit.postgres.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.network.LocationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reservation and allocation lines stored as three parallel arrays (sku, location, quantity); a null location is
 * a network-wide reservation line.
 */
public final class Lines {

    private Lines() {
    }

    /** Binds {@code lines} to three consecutive parameters starting at {@code index}. */
    public static void bindReservationLines(Connection c, PreparedStatement ps, int index, List<ReservationLine> lines)
            throws SQLException {
        int n = lines.size();
        String[] skus = new String[n];
        String[] locations = new String[n];
        int[] quantities = new int[n];
        for (int i = 0; i < n; i++) {
            ReservationLine l = lines.get(i);
            skus[i] = l.sku().value();
            locations[i] = l.location() == null ? null : l.location().value();
            quantities[i] = l.quantity();
        }
        bind(c, ps, index, skus, locations, quantities);
    }

    /** Binds {@code lines} to three consecutive parameters starting at {@code index}. */
    public static void bindAllocationLines(Connection c, PreparedStatement ps, int index, List<AllocationLine> lines)
            throws SQLException {
        int n = lines.size();
        String[] skus = new String[n];
        String[] locations = new String[n];
        int[] quantities = new int[n];
        for (int i = 0; i < n; i++) {
            AllocationLine l = lines.get(i);
            skus[i] = l.sku().value();
            locations[i] = l.location().value();
            quantities[i] = l.quantity();
        }
        bind(c, ps, index, skus, locations, quantities);
    }

    private static void bind(Connection c, PreparedStatement ps, int index, String[] skus, String[] locations, int[] quantities)
            throws SQLException {
        Sql.setTextArray(ps, index, skus);
        Sql.setTextArray(ps, index + 1, locations);
        Sql.setIntArray(ps, index + 2, quantities);
    }

    /** Reads reservation lines from the columns {@code prefix}_skus, {@code prefix}_locations, {@code prefix}_quantities. */
    public static List<ReservationLine> readReservationLines(ResultSet rs, String prefix) throws SQLException {
        String[] skus = Sql.getTextArray(rs, prefix + "_skus");
        String[] locations = Sql.getTextArray(rs, prefix + "_locations");
        int[] quantities = Sql.getIntArray(rs, prefix + "_quantities");
        List<ReservationLine> lines = new ArrayList<>(skus.length);
        for (int i = 0; i < skus.length; i++) {
            lines.add(new ReservationLine(Sku.of(skus[i]), locations[i] == null ? null : LocationId.of(locations[i]),
                    quantities[i]));
        }
        return lines;
    }

    /** Reads allocation lines from the columns {@code prefix}_skus, {@code prefix}_locations, {@code prefix}_quantities. */
    public static List<AllocationLine> readAllocationLines(ResultSet rs, String prefix) throws SQLException {
        String[] skus = Sql.getTextArray(rs, prefix + "_skus");
        String[] locations = Sql.getTextArray(rs, prefix + "_locations");
        int[] quantities = Sql.getIntArray(rs, prefix + "_quantities");
        List<AllocationLine> lines = new ArrayList<>(skus.length);
        for (int i = 0; i < skus.length; i++) {
            lines.add(new AllocationLine(Sku.of(skus[i]), LocationId.of(locations[i]), quantities[i]));
        }
        return lines;
    }

    /** The lines added up per (SKU, location), in the order each pair first appears. */
    public static List<ReservationLine> mergeReservationLines(List<ReservationLine> lines) {
        Map<List<Object>, Integer> sums = new LinkedHashMap<>();
        Map<List<Object>, ReservationLine> first = new LinkedHashMap<>();
        for (ReservationLine l : lines) {
            List<Object> k = java.util.Arrays.asList(l.sku(), l.location());
            sums.merge(k, l.quantity(), Math::addExact);
            first.putIfAbsent(k, l);
        }
        List<ReservationLine> merged = new ArrayList<>(sums.size());
        for (Map.Entry<List<Object>, Integer> e : sums.entrySet()) {
            ReservationLine l = first.get(e.getKey());
            merged.add(new ReservationLine(l.sku(), l.location(), e.getValue()));
        }
        return merged;
    }

    /** The lines added up per (SKU, location), in the order each pair first appears. */
    public static List<AllocationLine> mergeAllocationLines(List<AllocationLine> lines) {
        Map<List<Object>, Integer> sums = new LinkedHashMap<>();
        for (AllocationLine l : lines) {
            sums.merge(List.of(l.sku(), l.location()), l.quantity(), Math::addExact);
        }
        List<AllocationLine> merged = new ArrayList<>(sums.size());
        for (Map.Entry<List<Object>, Integer> e : sums.entrySet()) {
            merged.add(new AllocationLine((Sku) e.getKey().get(0), (LocationId) e.getKey().get(1), e.getValue()));
        }
        return merged;
    }

    /** The distinct SKU values of {@code lines}, in order of first appearance. */
    public static List<String> skusOfReservation(List<ReservationLine> lines) {
        return distinctSkus(lines, ReservationLine::sku);
    }

    /** The distinct SKU values of {@code lines}, in order of first appearance. */
    public static List<String> skusOfAllocation(List<AllocationLine> lines) {
        return distinctSkus(lines, AllocationLine::sku);
    }

    private static <L> List<String> distinctSkus(List<L> lines, java.util.function.Function<L, Sku> sku) {
        List<String> skus = new ArrayList<>();
        for (L l : lines) {
            String value = sku.apply(l).value();
            if (!skus.contains(value)) {
                skus.add(value);
            }
        }
        return skus;
    }

}
