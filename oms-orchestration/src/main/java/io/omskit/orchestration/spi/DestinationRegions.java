package io.omskit.orchestration.spi;

import io.omskit.core.order.DeliveryChoice;

/**
 * Which region of the host's own map a delivery goes to: the key of its distance or rate tables (a carrier zone, a
 * postal area, a city) and of its demand forecast. Implementations are stateless and thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code DestinationRegionsContract} checks each): any delivery
 * gets a region or null, never an exception, and the same answer again (§1); the region is a matter of where the
 * delivery goes, not of its method or promise (§2); threads asking at once get the answers one thread gets (§3).
 */
@FunctionalInterface
public interface DestinationRegions {

    /**
     * The region {@code delivery} goes to; null when it belongs to none the host knows (rules then fall back to what
     * they do without a table).
     */
    String regionOf(DeliveryChoice delivery);

    /** Regions by the delivery address's city, or the pickup store's id for a collection. */
    static DestinationRegions byCity() {
        return d -> d.address() != null ? d.address().city()
                : d.pickupStore() != null ? d.pickupStore().value() : null;
    }

    /**
     * Regions by the first {@code digits} characters of the postal code, prefixed by the country ("DE-10" for
     * Berlin's 10xxx with 2), or the pickup store's id for a collection.
     */
    static DestinationRegions byPostalPrefix(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, was " + digits);
        }
        return d -> {
            if (d.address() == null) {
                return d.pickupStore() != null ? d.pickupStore().value() : null;
            }
            String code = d.address().postalCode();
            if (code == null || code.isBlank()) {
                return null;
            }
            String c = code.strip();
            return d.address().countryCode() + "-" + c.substring(0, Math.min(digits, c.length()));
        };
    }
}
