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
 * @param reference      the host's reference printed on the label (the fulfilment's or the return's id); 1 to 100
 *                       characters
 * @param direction      which way the parcel travels: {@link Direction#OUTBOUND} from {@code origin} to
 *                       {@code destination}, {@link Direction#RETURN} back from {@code destination} (the customer) to
 *                       {@code origin} (the location that receives the return)
 */
public record BookingRequest(BookingKey idempotencyKey, CarrierService service, Parcel parcel, LocationId origin,
                             Address destination, String reference, Direction direction) {

    /** Which way a booked parcel travels. */
    public enum Direction {
        /** From the host's location to the customer: a shipment. */
        OUTBOUND,
        /** From the customer back to the host's location: a return label, the host paying for it. */
        RETURN
    }

    /** An outbound booking: from {@code origin} to {@code destination}. */
    public BookingRequest(BookingKey idempotencyKey, CarrierService service, Parcel parcel, LocationId origin, Address destination,
                          String reference) {
        this(idempotencyKey, service, parcel, origin, destination, reference, Direction.OUTBOUND);
    }

    public BookingRequest {
        Checks.notNull(idempotencyKey, "idempotencyKey");
        Checks.notNull(service, "service");
        Checks.notNull(parcel, "parcel");
        Checks.notNull(origin, "origin");
        Checks.notNull(destination, "destination");
        Checks.countryCode(Checks.notNull(destination.countryCode(), "destination.countryCode"), "destination.countryCode");
        Checks.identifier(reference, "reference");
        Checks.notNull(direction, "direction");
    }
}
