package io.omskit.atp.calendar;

import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transit times from a table: by zone (an origin zone per location, a destination zone per country and postal-code
 * prefix, the longest prefix winning) where the table has the pair, otherwise by distance band (the first band whose
 * limit covers the distance), otherwise the service's fallback. A service without an answer is not offered on that
 * leg. Immutable and thread-safe.
 *
 * <pre>{@code
 * TransitTable table = TransitTable.builder()
 *         .band(ServiceLevel.STANDARD, 200, TransitTime.days(1, 2))
 *         .band(ServiceLevel.STANDARD, 1_000, TransitTime.days(2, 3))
 *         .band(ServiceLevel.EXPRESS, 800, TransitTime.days(1))
 *         .originZone(LocationId.of("WH-BERLIN"), "east")
 *         .postalZone("DE", "8", "south")
 *         .zone(ServiceLevel.STANDARD, "east", "south", TransitTime.days(2, 3))
 *         .build();
 * }</pre>
 */
public final class TransitTable implements CarrierTransit {

    private record Band(double maxKm, TransitTime transit) {
    }

    private final Map<ServiceLevel, List<Band>> bands;
    private final Map<ServiceLevel, TransitTime> fallback;
    private final Map<LocationId, String> originZones;
    private final Map<String, String> postalZones;
    private final int longestPrefix;
    private final Map<ServiceLevel, Map<String, TransitTime>> zones;

    private TransitTable(Builder b) {
        this.bands = new EnumMap<>(ServiceLevel.class);
        b.bands.forEach((s, list) -> {
            List<Band> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(Band::maxKm));
            bands.put(s, List.copyOf(sorted));
        });
        this.fallback = new EnumMap<>(b.fallback);
        this.originZones = Map.copyOf(b.originZones);
        this.postalZones = Map.copyOf(b.postalZones);
        this.longestPrefix = b.longestPrefix;
        this.zones = new EnumMap<>(ServiceLevel.class);
        b.zones.forEach((s, m) -> zones.put(s, Map.copyOf(m)));
    }

    /** A builder of an empty table. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A plain table for a national network: standard 1–2 days up to 300 km and 2–3 beyond, express next day up to
     * 800 km (not offered beyond), transfers 1 day up to 300 km and 1–2 beyond.
     */
    public static TransitTable standard() {
        return builder()
                .band(ServiceLevel.STANDARD, 300, TransitTime.days(1, 2))
                .fallback(ServiceLevel.STANDARD, TransitTime.days(2, 3))
                .band(ServiceLevel.EXPRESS, 800, TransitTime.days(1))
                .band(ServiceLevel.TRANSFER, 300, TransitTime.days(1))
                .fallback(ServiceLevel.TRANSFER, TransitTime.days(1, 2))
                .build();
    }

    @Override
    public TransitTime transit(TransitQuery query) {
        String from = originZones.get(query.origin().id());
        if (from != null) {
            String to = destinationZone(query.countryCode(), query.postalCode());
            if (to != null) {
                Map<String, TransitTime> byPair = zones.get(query.service());
                TransitTime t = byPair == null ? null : byPair.get(from + '\u0000' + to);
                if (t != null) {
                    return t;
                }
            }
        }
        double km = query.distanceKm();
        if (!Double.isNaN(km)) {
            List<Band> list = bands.get(query.service());
            if (list != null) {
                for (int k = 0; k < list.size(); k++) {
                    if (km <= list.get(k).maxKm) {
                        return list.get(k).transit;
                    }
                }
            }
        }
        return fallback.get(query.service());
    }

    /** The zone of a destination, by its country and the longest matching postal-code prefix; null when none. */
    public String destinationZone(String countryCode, String postalCode) {
        if (countryCode == null || postalZones.isEmpty()) {
            return null;
        }
        String country = countryCode.toUpperCase(Locale.ROOT) + ':';
        String code = postalCode == null ? "" : postalCode.replace(" ", "").toUpperCase(Locale.ROOT);
        for (int len = Math.min(longestPrefix, code.length()); len >= 0; len--) {
            String zone = postalZones.get(country + code.substring(0, len));
            if (zone != null) {
                return zone;
            }
        }
        return null;
    }

    /** Builds a {@link TransitTable}. */
    public static final class Builder {
        private final Map<ServiceLevel, List<Band>> bands = new EnumMap<>(ServiceLevel.class);
        private final Map<ServiceLevel, TransitTime> fallback = new EnumMap<>(ServiceLevel.class);
        private final Map<LocationId, String> originZones = new HashMap<>();
        private final Map<String, String> postalZones = new HashMap<>();
        private int longestPrefix;
        private final Map<ServiceLevel, Map<String, TransitTime>> zones = new EnumMap<>(ServiceLevel.class);

        private Builder() {
        }

        /** Legs of {@code service} up to {@code maxKm} (and beyond the previous band) take {@code transit}. */
        public Builder band(ServiceLevel service, double maxKm, TransitTime transit) {
            Checks.notNull(service, "service");
            if (!(maxKm > 0)) {
                throw new IllegalArgumentException("maxKm must be > 0, was " + maxKm);
            }
            bands.computeIfAbsent(service, s -> new ArrayList<>()).add(new Band(maxKm, Checks.notNull(transit, "transit")));
            return this;
        }

        /** Legs of {@code service} that no zone pair or band covers (or whose distance is unknown) take {@code transit}. */
        public Builder fallback(ServiceLevel service, TransitTime transit) {
            fallback.put(Checks.notNull(service, "service"), Checks.notNull(transit, "transit"));
            return this;
        }

        /** Parcels leaving {@code location} start in {@code zone}. */
        public Builder originZone(LocationId location, String zone) {
            originZones.put(Checks.notNull(location, "location"), Checks.notBlank(zone, "zone"));
            return this;
        }

        /** Destinations in {@code countryCode} whose postal code starts with {@code prefix} (may be empty) are in {@code zone}. */
        public Builder postalZone(String countryCode, String prefix, String zone) {
            Checks.notBlank(countryCode, "countryCode");
            Checks.notNull(prefix, "prefix");
            String p = prefix.replace(" ", "").toUpperCase(Locale.ROOT);
            postalZones.put(countryCode.toUpperCase(Locale.ROOT) + ':' + p, Checks.notBlank(zone, "zone"));
            longestPrefix = Math.max(longestPrefix, p.length());
            return this;
        }

        /** Legs of {@code service} from zone {@code from} to zone {@code to} take {@code transit}. */
        public Builder zone(ServiceLevel service, String from, String to, TransitTime transit) {
            zones.computeIfAbsent(Checks.notNull(service, "service"), s -> new HashMap<>())
                    .put(Checks.notBlank(from, "from") + '\u0000' + Checks.notBlank(to, "to"), Checks.notNull(transit, "transit"));
            return this;
        }

        /** The table. */
        public TransitTable build() {
            return new TransitTable(this);
        }
    }
}
