package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One scan or status report of a parcel, as a carrier's webhook tells it. The same report may arrive several times,
 * out of order, or inside a full re-sent history: two reports are the same when they name the same carrier, tracking
 * number, time and status ({@link #sameReport(TrackingEvent)}).
 *
 * @param carrier           the carrier's code, as in {@link CarrierService#carrier()}; 1 to 100 characters
 * @param trackingNumber    the parcel's tracking number; 1 to 100 characters
 * @param status            where the parcel is, in the common vocabulary
 * @param detail            the carrier's own wording or substatus; empty when none; at most 500 characters
 * @param occurredAt        when the carrier saw it happen (not when the webhook arrived)
 * @param estimatedDelivery the carrier's current estimate of the delivery day; null when the report gives none
 */
public record TrackingEvent(String carrier, String trackingNumber, TrackingStatus status, String detail,
                            Instant occurredAt, LocalDate estimatedDelivery) {

    /** The longest detail kept. */
    public static final int MAX_DETAIL_LENGTH = 500;

    public TrackingEvent {
        Checks.identifier(carrier, "carrier");
        Checks.identifier(trackingNumber, "trackingNumber");
        Checks.notNull(status, "status");
        detail = detail == null ? "" : Checks.text(detail, "detail", MAX_DETAIL_LENGTH);
        Checks.moment(occurredAt, "occurredAt");
    }

    /** A report without an estimated delivery day. */
    public static TrackingEvent of(String carrier, String trackingNumber, TrackingStatus status, String detail,
                                   Instant occurredAt) {
        return new TrackingEvent(carrier, trackingNumber, status, detail, occurredAt, null);
    }

    /** This report with the carrier's estimate of the delivery day. */
    public TrackingEvent withEstimatedDelivery(LocalDate day) {
        return new TrackingEvent(carrier, trackingNumber, status, detail, occurredAt, day);
    }

    /** Whether {@code other} is the same report: same carrier, tracking number, time and status. */
    public boolean sameReport(TrackingEvent other) {
        return other != null && carrier.equals(other.carrier) && trackingNumber.equals(other.trackingNumber)
                && occurredAt.equals(other.occurredAt) && status == other.status;
    }
}
