package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import java.util.List;

/**
 * The stock an owner (an order, a cart) still holds: its active reservations and its allocations with open units.
 *
 * @param reference    the owner's reference, as given in the requests that made them
 * @param reservations active reservations made for it, oldest first
 * @param allocations  allocations made for it that still hold units, oldest first
 */
public record HeldStock(String reference, List<Reservation> reservations, List<Allocation> allocations) {

    public HeldStock {
        Checks.notNull(reference, "reference");
        reservations = List.copyOf(Checks.notNull(reservations, "reservations"));
        allocations = List.copyOf(Checks.notNull(allocations, "allocations"));
    }

    /** Whether nothing is held. */
    public boolean isEmpty() {
        return reservations.isEmpty() && allocations.isEmpty();
    }
}
