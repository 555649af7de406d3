package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.Parcel;

/**
 * A request for quotes for one parcel.
 *
 * @param parcel      what is sent
 * @param origin      the location it leaves from
 * @param destination where it goes
 */
public record QuoteRequest(Parcel parcel, LocationId origin, Address destination) {

    public QuoteRequest {
        Checks.notNull(parcel, "parcel");
        Checks.notNull(origin, "origin");
        Checks.notNull(destination, "destination");
        Checks.countryCode(Checks.notNull(destination.countryCode(), "destination.countryCode"), "destination.countryCode");
    }
}
