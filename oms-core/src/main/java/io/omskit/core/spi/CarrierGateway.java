package io.omskit.core.spi;

import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.QuoteResult;
import java.util.List;

/**
 * The host's carriers: one gateway in front of every carrier account the host has (directly or through a
 * multi-carrier API). Thread-safe.
 *
 * <p>A booking and a cancellation carry an idempotency key; calling again with the same key must return the first
 * call's answer (the same label) without booking or cancelling again, which is how an
 * {@link io.omskit.core.shipping.CarrierOutcome#UNKNOWN} outcome is reconciled and why a parcel never gets two labels.
 * Implementations report carrier refusals and transport failures as outcomes, never as exceptions: declined, not
 * attempted (nothing reached the carrier) or unknown (timeout after sending).
 */
public interface CarrierGateway {

    /** Every service the host can book, in the host's order of preference; never null. */
    List<CarrierService> services();

    /**
     * What each service that would take the parcel charges and how long it takes, cheapest first; never null, never
     * throws for carrier trouble. A service that does not serve the lane or takes nothing that heavy is left out.
     */
    QuoteResult quote(QuoteRequest request);

    /**
     * Books the parcel with the service and issues its label; never null, never throws for carrier trouble. Called
     * again with the same idempotency key it returns the first booking.
     */
    BookingResult book(BookingRequest request);

    /**
     * Cancels a booking (voids its label); never null, never throws for carrier trouble. Cancelling a booking that is
     * already cancelled succeeds; one the carrier has collected is declined.
     */
    CancellationResult cancel(CancelBookingRequest request);
}
