package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Parcel;

/**
 * A request to book one parcel with one carrier service. The idempotency key makes a retry safe: the carrier answers
 * it with the first call's label instead of booking a second parcel.
 *
 * @param idempotencyKey unique per intended booking
 * @param service        the service to book
 * @param parcel         what is sent
 * @param origin         the location it leaves from
 * @param destination    where it goes
 * @param reference      the host's reference printed on the label (the fulfilment's id); 1 to 100 characters
 */
public record BookingRequest(BookingKey idempotencyKey, CarrierService service, Parcel parcel, LocationId origin,
                             Address destination, String reference) {

    public BookingRequest {
        Checks.notNull(idempotencyKey, "idempotencyKey");
        Checks.notNull(service, "service");
        Checks.notNull(parcel, "parcel");
        Checks.notNull(origin, "origin");
        Checks.notNull(destination, "destination");
        Checks.countryCode(Checks.notNull(destination.countryCode(), "destination.countryCode"), "destination.countryCode");
        Checks.identifier(reference, "reference");
    }
}
