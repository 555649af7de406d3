package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.ShippingRate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What shipping costs on each lane (from a location to a destination region) by the host's own figures: road
 * distances, carrier zone tables, negotiated lane rates. A lane is given either as a rate (per shipment and per unit)
 * or as a distance priced by a {@link ShippingRate} ({@code perUnitKm} then being per unit of that distance, km or
 * miles as the host's table is). Immutable and thread-safe; read by {@link LaneCost} and by look-ahead sourcing.
 *
 * <pre>{@code
 * LaneTable lanes = LaneTable.builder()
 *         .distance(LocationId.of("DC-EAST"), "Boston", 215, ShippingRate.of(8.76, 0.423, 0.000541))
 *         .lane(LocationId.of("DC-WEST"), "Boston", ShippingRate.of(12, 1.90, 0))   // a zone-8 contract rate
 *         .build();
 * }</pre>
 */
public final class LaneTable {

    /** One lane's figures: the cost per shipment, the cost per unit (distance included), and the distance if given. */
    public record Lane(double perShipment, double perUnit, double distance) {
    }

    private final Map<String, Map<LocationId, Lane>> byRegion;

    private LaneTable(Builder b) {
        Map<String, Map<LocationId, Lane>> copy = new HashMap<>();
        b.byRegion.forEach((region, lanes) -> copy.put(region, Map.copyOf(lanes)));
        this.byRegion = Map.copyOf(copy);
    }

    /** A builder of an empty table. */
    public static Builder builder() {
        return new Builder();
    }

    /** The lane from {@code from} to {@code region}; empty when the table does not have it (or region is null). */
    public Optional<Lane> lane(LocationId from, String region) {
        return Optional.ofNullable(find(from, region));
    }

    /** The lane, or null: for the rules' pricing, asked for every candidate location of every order. */
    Lane find(LocationId from, String region) {
        if (region == null) {
            return null;
        }
        Map<LocationId, Lane> lanes = byRegion.get(region);
        return lanes == null ? null : lanes.get(from);
    }

    /** The regions the table has lanes to. */
    public Set<String> regions() {
        return byRegion.keySet();
    }

    /** Builds a {@link LaneTable}; a lane given twice keeps the last figures. */
    public static final class Builder {
        private final Map<String, Map<LocationId, Lane>> byRegion = new HashMap<>();

        private Builder() {
        }

        /** The lane from {@code from} to {@code region} costs {@code rate} per shipment and per unit; its per-unit-km is ignored. */
        public Builder lane(LocationId from, String region, ShippingRate rate) {
            Checks.notNull(rate, "rate");
            return put(from, region, new Lane(rate.perShipment(), rate.perUnit(), Double.NaN));
        }

        /**
         * The lane from {@code from} to {@code region} is {@code distance} long and priced by {@code rate}: per shipment,
         * and per unit plus per unit and distance.
         *
         * @throws IllegalArgumentException when {@code distance} is negative, infinite or NaN
         */
        public Builder distance(LocationId from, String region, double distance, ShippingRate rate) {
            Checks.notNull(rate, "rate");
            if (!(distance >= 0) || Double.isInfinite(distance)) {
                throw new IllegalArgumentException("distance from " + from + " to " + region
                        + " must be finite and >= 0, was " + distance);
            }
            return put(from, region, new Lane(rate.perShipment(), rate.perUnit() + rate.perUnitKm() * distance, distance));
        }

        private Builder put(LocationId from, String region, Lane lane) {
            Checks.notNull(from, "from");
            Checks.notBlank(region, "region");
            byRegion.computeIfAbsent(region, r -> new HashMap<>()).put(from, lane);
            return this;
        }

        /** The table. */
        public LaneTable build() {
            return new LaneTable(this);
        }
    }
}
