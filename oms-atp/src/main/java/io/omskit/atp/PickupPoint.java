package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One store near the shopper and what it can do for the cart.
 *
 * @param store       the store
 * @param distanceKm  great-circle distance from the shopper, in km
 * @param zone        the store's time zone, in which its ready day is counted
 * @param express     express click and collect from the store's shelf, ready after its pick time in its opening hours
 * @param shipToStore ship-to-store: the store's shelf first, the rest transferred, ready when the last transfer is
 *                    received
 */
public record PickupPoint(LocationId store, double distanceKm, ZoneId zone, PickupOffer express, PickupOffer shipToStore) {

    public PickupPoint {
        Checks.notNull(store, "store");
        Checks.notNull(zone, "zone");
        Checks.notNull(express, "express");
        Checks.notNull(shipToStore, "shipToStore");
    }

    /** Whether the store gives the whole cart one way or the other. */
    public boolean givesAll() {
        return express.isComplete() || shipToStore.isComplete();
    }

    /** The way that gives the whole cart soonest (express on a tie); empty when neither gives all of it. */
    public Optional<PickupOffer> best() {
        if (express.isComplete() && (!shipToStore.isComplete() || !shipToStore.readyAt().isBefore(express.readyAt()))) {
            return Optional.of(express);
        }
        return shipToStore.isComplete() ? Optional.of(shipToStore) : Optional.empty();
    }

    /** When the whole cart is ready to collect here, the soonest way; null when the store cannot give all of it. */
    public Instant readyAt() {
        return best().map(PickupOffer::readyAt).orElse(null);
    }

    /** The day, in the store's zone, the whole cart is ready here; null when the store cannot give all of it. */
    public LocalDate readyDay() {
        Instant ready = readyAt();
        return ready == null ? null : LocalDate.ofInstant(ready, zone);
    }
}
