package io.omskit.returns.rma;

import io.omskit.core.order.Address;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * How the goods come back, the location that receives them (which must accept returns) and, for goods that travel by
 * carrier, where from.
 *
 * @param kind        drop-off, carrier collection or mail-in
 * @param destination the store or warehouse that receives and inspects them
 * @param from        where the carrier collects the goods or the customer posts them from; null means the order's
 *                    delivery address (required for an order collected in store, which has none); ignored for drop-off
 */
public record ReturnMethod(Kind kind, LocationId destination, Address from) {

    /** How the goods travel. */
    public enum Kind {
        /** The customer brings them to the destination (a store counter, a warehouse desk). */
        DROP_OFF,
        /** A carrier collects them from the customer. */
        CARRIER_COLLECTION,
        /** The customer posts them with a return label. */
        MAIL_IN;

        /** Whether the goods travel with a carrier (and may cost return shipping). */
        public boolean isShipped() {
            return this != DROP_OFF;
        }
    }

    public ReturnMethod {
        Checks.notNull(kind, "kind");
        Checks.notNull(destination, "destination");
        if (kind == Kind.DROP_OFF) {
            from = null;
        }
    }

    /** {@code kind} to {@code destination}, from the order's delivery address when the goods travel by carrier. */
    public ReturnMethod(Kind kind, LocationId destination) {
        this(kind, destination, null);
    }

    /** This method with the goods travelling from {@code address} (for orders without a delivery address). */
    public ReturnMethod from(Address address) {
        return new ReturnMethod(kind, destination, Checks.notNull(address, "from"));
    }

    /** The customer brings the goods to {@code location}. */
    public static ReturnMethod dropOff(LocationId location) {
        return new ReturnMethod(Kind.DROP_OFF, location);
    }

    /** A carrier collects the goods and takes them to {@code destination}. */
    public static ReturnMethod carrierCollection(LocationId destination) {
        return new ReturnMethod(Kind.CARRIER_COLLECTION, destination);
    }

    /** The customer posts the goods to {@code destination}. */
    public static ReturnMethod mailIn(LocationId destination) {
        return new ReturnMethod(Kind.MAIL_IN, destination);
    }
}
