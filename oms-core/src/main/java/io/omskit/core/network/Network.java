package io.omskit.core.network;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The fulfilment network: every location, each with a dense index from 0 that hot paths use
 * instead of hashing ids. Immutable; {@link #with(Location)} returns a new network.
 */
public final class Network {

    private final List<Location> locations;
    /**
     * The dense index by id, open addressing with linear probing: an id's slot holds the id and its index side by
     * side, so a lookup reads two arrays instead of a hash map's table, node and boxed value.
     */
    private final LocationId[] slotIds;
    private final int[] slotIndex;
    private final int mask;

    private Network(List<Location> locations) {
        this.locations = List.copyOf(locations);
        int capacity = Integer.highestOneBit(Math.max(2, this.locations.size() * 2 - 1)) << 1;
        this.slotIds = new LocationId[capacity];
        this.slotIndex = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < this.locations.size(); i++) {
            LocationId id = this.locations.get(i).id();
            if (indexOf(id) >= 0) {
                throw new IllegalArgumentException("locations must have unique ids, " + id + " appears twice");
            }
            int s = slot(id);
            while (slotIds[s] != null) {
                s = (s + 1) & mask;
            }
            slotIds[s] = id;
            slotIndex[s] = i;
        }
    }

    private int slot(LocationId id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        return (h ^ (h >>> 16)) & mask;
    }

    /** A network of the given locations, indexed in the given order. */
    public static Network of(Collection<Location> locations) {
        return new Network(Checks.list(new ArrayList<>(Checks.notNull(locations, "locations")), "locations"));
    }

    /** A network with no location. */
    public static Network empty() {
        return new Network(List.of());
    }

    /** This network with {@code location} added, or replacing the location of the same id (keeping its index). */
    public Network with(Location location) {
        List<Location> copy = new ArrayList<>(locations);
        int i = indexOf(location.id());
        if (i < 0) {
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
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(locations.get(i));
    }

    /** The location with {@code id}. @throws IllegalArgumentException when unknown */
    public Location get(LocationId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("locationId " + id + " is not in the network"));
    }

    /** The dense index of {@code id}, or -1 when unknown. */
    public int indexOf(LocationId id) {
        if (id == null) {
            return -1;
        }
        for (int s = slot(id); ; s = (s + 1) & mask) {
            LocationId at = slotIds[s];
            if (at == null) {
                return -1;
            }
            if (at == id || at.equals(id)) {
                return slotIndex[s];
            }
        }
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
