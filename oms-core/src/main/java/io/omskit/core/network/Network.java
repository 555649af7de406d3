package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fulfilment network: every location, each with a dense index from 0 that hot paths use
 * instead of hashing ids. Immutable; {@link #with(Location)} returns a new network.
 */
public final class Network {

    private final List<Location> locations;
    private final Map<LocationId, Integer> indexById;

    private Network(List<Location> locations) {
        this.locations = List.copyOf(locations);
        Map<LocationId, Integer> index = new HashMap<>(locations.size() * 2);
        for (int i = 0; i < this.locations.size(); i++) {
            Integer previous = index.put(this.locations.get(i).id(), i);
            if (previous != null) {
                throw new IllegalArgumentException("locations must have unique ids, " + this.locations.get(i).id() + " appears twice");
            }
        }
        this.indexById = Collections.unmodifiableMap(index);
    }

    /** A network of the given locations, indexed in the given order. */
    public static Network of(Collection<Location> locations) {
        return new Network(new ArrayList<>(Checks.notNull(locations, "locations")));
    }

    /** A network with no location. */
    public static Network empty() {
        return new Network(List.of());
    }

    /** This network with {@code location} added, or replacing the location of the same id (keeping its index). */
    public Network with(Location location) {
        List<Location> copy = new ArrayList<>(locations);
        Integer i = indexById.get(location.id());
        if (i == null) {
            copy.add(location);
        } else {
            copy.set(i, location);
        }
        return new Network(copy);
    }

    /** Every location, in index order. */
    public List<Location> locations() {
        return locations;
    }

    /** The number of locations. */
    public int size() {
        return locations.size();
    }

    /** The location with {@code id}, if present. */
    public Optional<Location> find(LocationId id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(locations.get(i));
    }

    /** The location with {@code id}. @throws IllegalArgumentException when unknown */
    public Location get(LocationId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("locationId " + id + " is not in the network"));
    }

    /** The dense index of {@code id}, or -1 when unknown. */
    public int indexOf(LocationId id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** The location at dense index {@code index}. */
    public Location at(int index) {
        return locations.get(index);
    }

    /** The locations of {@code type}, in index order. */
    public List<Location> ofType(LocationType type) {
        List<Location> result = new ArrayList<>();
        for (Location l : locations) {
            if (l.type() == type) {
                result.add(l);
            }
        }
        return result;
    }
}
