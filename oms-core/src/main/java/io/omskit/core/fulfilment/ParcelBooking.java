package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.TrackingEvent;
import java.time.Instant;
import java.time.LocalDate;
import org.joda.money.Money;

/**
 * A fulfilment's booking with a carrier, from the intent recorded before the carrier is asked to the label and what the
 * carrier reported since. One booking is live at a time: a parcel never gets two labels.
 *
 * @param key          the idempotency key the carrier is asked (and asked again) with
 * @param attempt      1 for the first booking of the fulfilment, one more after each declined or cancelled one
 * @param service      the carrier service booked
 * @param parcel       what was booked
 * @param destination  where the parcel goes (the order's delivery address when it was booked)
 * @param lane         from the fulfilment's location to the destination's country and postal area
 * @param promisedBy   the day delivery was promised to the customer (the end of the promised window, or the quoted
 *                     day when none was promised)
 * @param quotedDelivery the day the carrier's quote expected delivery on
 * @param state        requested, booked, declined, cancellation requested or cancelled
 * @param label        the carrier's label; null until booked
 * @param price        what the carrier charges; null until booked
 * @param message      the carrier's explanation of a declined booking or cancellation; empty otherwise
 * @param requestedAt  when the booking was recorded
 * @param bookedAt     when the label was recorded; null until booked
 * @param tracking     what the carrier reported since
 */
public record ParcelBooking(BookingKey key, int attempt, CarrierService service, Parcel parcel,
                           Address destination, Lane lane, LocalDate promisedBy, LocalDate quotedDelivery, BookingState state, Label label, Money price,
                           String message, Instant requestedAt, Instant bookedAt, ParcelTracking tracking) {

    public ParcelBooking {
        Checks.notNull(key, "key");
        Checks.positive(attempt, "attempt");
        Checks.notNull(service, "service");
        Checks.notNull(parcel, "parcel");
        Checks.notNull(destination, "destination");
        Checks.notNull(lane, "lane");
        Checks.notNull(promisedBy, "promisedBy");
        Checks.notNull(quotedDelivery, "quotedDelivery");
        Checks.notNull(state, "state");
        Checks.notNull(requestedAt, "requestedAt");
        if ((state == BookingState.BOOKED || state == BookingState.CANCEL_REQUESTED) && (label == null || price == null || bookedAt == null)) {
            throw new IllegalArgumentException("label, price and bookedAt of booking " + key + " must be given when it is "
                    + state);
        }
        message = message == null ? "" : message;
        tracking = tracking == null ? ParcelTracking.expecting(quotedDelivery) : tracking;
    }

    static ParcelBooking requested(BookingKey key, int attempt, CarrierService service, Parcel parcel,
                                   Address destination, LocalDate promisedBy, LocalDate quotedDelivery, Lane lane,
                                   Instant now) {
        return new ParcelBooking(key, attempt, service, parcel, destination, lane, promisedBy, quotedDelivery, BookingState.REQUESTED,
                null, null, "", now, null, null);
    }

    ParcelBooking booked(Label label, Money price, Instant now) {
        return new ParcelBooking(key, attempt, service, parcel, destination, lane, promisedBy, quotedDelivery, BookingState.BOOKED,
                label, price, "", requestedAt, now, tracking);
    }

    ParcelBooking declined(String reason) {
        return new ParcelBooking(key, attempt, service, parcel, destination, lane, promisedBy, quotedDelivery, BookingState.DECLINED,
                null, null, reason, requestedAt, null, tracking);
    }

    ParcelBooking cancelled() {
        return inState(BookingState.CANCELLED, message);
    }

    ParcelBooking inState(BookingState to, String why) {
        return new ParcelBooking(key, attempt, service, parcel, destination, lane, promisedBy, quotedDelivery, to,
                label, price, why, requestedAt, bookedAt, tracking);
    }

    ParcelBooking tracked(TrackingEvent report) {
        return new ParcelBooking(key, attempt, service, parcel, destination, lane, promisedBy, quotedDelivery, state, label, price,
                message, requestedAt, bookedAt, tracking.with(report, quotedDelivery));
    }

    /** The tracking number on the label; null until booked. */
    public String trackingNumber() {
        return label == null ? null : label.trackingNumber();
    }

    /**
     * Whether it will miss, or has missed, the day promised to the customer: not delivered, and the carrier's latest
     * estimate is later than that day, or the carrier still reported it on its way after that day (UTC).
     */
    public boolean late() {
        if (tracking.deliveredAt() != null) {
            return false;
        }
        LocalDate expected = tracking.expectedDelivery();
        TrackingEvent latest = tracking.latest();
        return expected != null && expected.isAfter(promisedBy)
                || latest != null && latest.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(promisedBy);
    }

    /** Whether it was delivered on or before the promised day; null while it is not delivered. */
    public Boolean deliveredOnTime() {
        LocalDate on = tracking.deliveredOn();
        return on == null ? null : !on.isAfter(promisedBy);
    }
}
