package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;

/**
 * A request to cancel a booking.
 *
 * @param idempotencyKey unique per intended cancellation
 * @param service        the service it was booked with
 * @param bookingRef     the carrier's reference of the booking, from its {@link io.omskit.core.shipping.Label}
 */
public record CancelBookingRequest(BookingKey idempotencyKey, CarrierService service, String bookingRef) {

    public CancelBookingRequest {
        Checks.notNull(idempotencyKey, "idempotencyKey");
        Checks.notNull(service, "service");
        Checks.identifier(bookingRef, "bookingRef");
    }
}
