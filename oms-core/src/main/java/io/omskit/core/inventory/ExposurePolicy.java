package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What stock a sales channel is shown: the positions at locations of the given types (minus excluded locations),
 * each reduced by a buffer so that the channel cannot sell the last units of a location.
 *
 * @param locationTypes     the location types the channel sees; empty: it sees nothing
 * @param bufferPerLocation units subtracted from each visible position's available to sell (never below zero); &gt;= 0
 * @param excludedLocations locations the channel never sees, whatever their type; null means none
 */
public record ExposurePolicy(Set<LocationType> locationTypes, int bufferPerLocation, Set<LocationId> excludedLocations) {

    public ExposurePolicy {
        Checks.notNull(locationTypes, "locationTypes");
        // Ordered sets, so that the policy iterates (and serialises) the same way in every JVM.
        locationTypes = Collections.unmodifiableSet(
                locationTypes.isEmpty() ? EnumSet.noneOf(LocationType.class) : EnumSet.copyOf(locationTypes));
        Checks.notNegative(bufferPerLocation, "bufferPerLocation");
        excludedLocations = excludedLocations == null
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(excludedLocations));
    }

    /** Every location, no buffer: the default for channels without a policy of their own. */
    public static ExposurePolicy everything() {
        return new ExposurePolicy(EnumSet.allOf(LocationType.class), 0, Set.of());
    }

    /** The locations of {@code types}, each reduced by {@code bufferPerLocation}. */
    public static ExposurePolicy of(Set<LocationType> types, int bufferPerLocation) {
        return new ExposurePolicy(types, bufferPerLocation, Set.of());
    }

    /** This policy also hiding {@code locations}. */
    public ExposurePolicy excluding(LocationId... locations) {
        Set<LocationId> more = new HashSet<>(excludedLocations);
        more.addAll(List.of(locations));
        return new ExposurePolicy(locationTypes, bufferPerLocation, more);
    }

    /** Whether the channel sees stock at {@code location}. */
    public boolean sees(Location location) {
        return locationTypes.contains(location.type()) && !excludedLocations.contains(location.id());
    }

    /** What the channel is shown of a visible position with {@code availableToSell} units. */
    public int exposed(int availableToSell) {
        return Math.max(0, availableToSell - bufferPerLocation);
    }
}
