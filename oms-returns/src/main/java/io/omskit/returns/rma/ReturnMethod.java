package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * How the goods come back, and the location that receives them (which must accept returns).
 *
 * @param kind        drop-off, carrier collection or mail-in
 * @param destination the store or warehouse that receives and inspects them
 */
public record ReturnMethod(Kind kind, LocationId destination) {

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
