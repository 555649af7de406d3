package io.omskit.reporting.funds.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.SellerRef;

/**
 * A party that order money is owed to: the retailer, one of its stores, a marketplace seller or a drop-shipper.
 *
 * @param role what kind of party it is
 * @param id   the party's identifier within its role (a location id for stores and drop-shippers, the seller's
 *             reference for sellers, the retailer's name): 1 to 100 characters, not blank, no control characters
 */
public record Stakeholder(Role role, String id) implements Comparable<Stakeholder> {

    /** The kinds of party. */
    public enum Role {
        /** The retailer that runs the shop: keeps what nobody else is owed. */
        RETAILER,
        /** One of the retailer's stores, paid a commission for shipping from its shelves or handing over collections. */
        STORE,
        /** A seller on the retailer's marketplace, paid the price of its lines less the marketplace commission. */
        MARKETPLACE_SELLER,
        /** A supplier that ships from its own stock, paid its cost price. */
        DROP_SHIPPER,
        /**
         * An outside marketplace the retailer sells on that collects the customer's payment itself and keeps a
         * commission ({@link MarketplaceCollection}).
         */
        MARKETPLACE
    }

    public Stakeholder {
        Checks.notNull(role, "role");
        Checks.identifier(id, "id");
    }

    /** The retailer, named {@code name}. */
    public static Stakeholder retailer(String name) {
        return new Stakeholder(Role.RETAILER, name);
    }

    /** The store at {@code location}. */
    public static Stakeholder store(LocationId location) {
        return new Stakeholder(Role.STORE, Checks.notNull(location, "location").value());
    }

    /** The marketplace seller {@code seller}. */
    public static Stakeholder seller(SellerRef seller) {
        return new Stakeholder(Role.MARKETPLACE_SELLER, Checks.notNull(seller, "seller").value());
    }

    /** The drop-shipper at {@code location}. */
    public static Stakeholder dropShipper(LocationId location) {
        return new Stakeholder(Role.DROP_SHIPPER, Checks.notNull(location, "location").value());
    }

    /** The outside marketplace named {@code name}. */
    public static Stakeholder marketplace(String name) {
        return new Stakeholder(Role.MARKETPLACE, name);
    }

    @Override
    public int compareTo(Stakeholder other) {
        int byRole = role.compareTo(other.role);
        return byRole != 0 ? byRole : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
