package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A place that holds stock and can fulfil orders.
 *
 * @param id                 unique within the network
 * @param name               display name
 * @param type               warehouse, store or drop-shipper
 * @param position           where it is, for distance and transit
 * @param zone               its time zone: hours, cut-offs and calendars are local to it
 * @param capabilities       what it can do for an order
 * @param openingHours       weekly hours, local time
 * @param holidays           public holidays and own closures
 * @param orderCutOff        orders released after this local time are processed the next working day
 * @param processingLeadTime time from release to ready to ship (or ready for pickup)
 * @param dailyCapacity      the number of fulfilments it can take per local day; at least 0
 */
public record Location(LocationId id, String name, LocationType type, GeoPoint position, ZoneId zone,
                       Set<Capability> capabilities, OpeningHours openingHours, HolidayCalendar holidays,
                       LocalTime orderCutOff, Duration processingLeadTime, int dailyCapacity) {

    public Location {
        Checks.notNull(id, "id");
        Checks.notBlank(name, "name");
        Checks.notNull(type, "type");
        Checks.notNull(position, "position");
        Checks.notNull(zone, "zone");
        Checks.notNull(capabilities, "capabilities");
        // An EnumSet keeps declaration order, so the set iterates (and serialises) the same way in every JVM.
        capabilities = Collections.unmodifiableSet(
                capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
        Checks.notNull(openingHours, "openingHours");
        Checks.notNull(holidays, "holidays");
        Checks.notNull(orderCutOff, "orderCutOff");
        Checks.notNull(processingLeadTime, "processingLeadTime");
        if (processingLeadTime.isNegative()) {
            throw new IllegalArgumentException("processingLeadTime must not be negative, was " + processingLeadTime);
        }
        Checks.notNegative(dailyCapacity, "dailyCapacity");
    }

    /** Whether the location has {@code capability}. */
    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** A builder with sensible defaults for everything but id, type and position. */
    public static Builder builder(LocationId id, LocationType type, GeoPoint position) {
        return new Builder(id, type, position);
    }

    /** Builds a {@link Location}; defaults: name = id, UTC, capabilities by type, always open, cut-off 15:00, 4 h lead time, capacity 1000/day. */
    public static final class Builder {
        private final LocationId id;
        private final LocationType type;
        private final GeoPoint position;
        private String name;
        private ZoneId zone = ZoneId.of("UTC");
        private Set<Capability> capabilities;
        private OpeningHours openingHours = OpeningHours.alwaysOpen();
        private HolidayCalendar holidays = HolidayCalendar.none();
        private LocalTime orderCutOff = LocalTime.of(15, 0);
        private Duration processingLeadTime = Duration.ofHours(4);
        private int dailyCapacity = 1000;

        private Builder(LocationId id, LocationType type, GeoPoint position) {
            this.id = id;
            this.type = type;
            this.position = position;
            this.name = id == null ? null : id.value();
            this.capabilities = switch (type) {
                case WAREHOUSE -> EnumSet.of(Capability.SHIP);
                case STORE -> EnumSet.of(Capability.SHIP, Capability.PICKUP, Capability.RECEIVE_TRANSFER, Capability.ACCEPT_RETURNS);
                case DROP_SHIPPER -> EnumSet.of(Capability.SHIP);
            };
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder zone(ZoneId zone) { this.zone = zone; return this; }
        public Builder capabilities(Set<Capability> capabilities) { this.capabilities = capabilities; return this; }
        public Builder openingHours(OpeningHours openingHours) { this.openingHours = openingHours; return this; }
        public Builder holidays(HolidayCalendar holidays) { this.holidays = holidays; return this; }
        public Builder orderCutOff(LocalTime orderCutOff) { this.orderCutOff = orderCutOff; return this; }
        public Builder processingLeadTime(Duration processingLeadTime) { this.processingLeadTime = processingLeadTime; return this; }
        public Builder dailyCapacity(int dailyCapacity) { this.dailyCapacity = dailyCapacity; return this; }

        /** The location. @throws IllegalArgumentException naming the bad field */
        public Location build() {
            return new Location(id, name, type, position, zone, capabilities, openingHours, holidays, orderCutOff,
                    processingLeadTime, dailyCapacity);
        }
    }
}
