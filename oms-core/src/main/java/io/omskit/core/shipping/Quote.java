package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import java.time.Instant;
import org.joda.money.Money;

/**
 * What one carrier service would charge for a parcel and how long it would take.
 *
 * @param service          the service quoted
 * @param price            what the carrier charges; not negative
 * @param transitDays      days from collection to delivery; not negative
 * @param collectionCutOff the latest hand-over for that transit time; a parcel handed over later leaves a day later
 */
public record Quote(CarrierService service, Money price, int transitDays, Instant collectionCutOff) {

    public Quote {
        Checks.notNull(service, "service");
        Checks.notNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("price of " + service + " must be >= 0, was " + price);
        }
        Checks.notNegative(transitDays, "transitDays");
        Checks.notNull(collectionCutOff, "collectionCutOff");
    }
}
