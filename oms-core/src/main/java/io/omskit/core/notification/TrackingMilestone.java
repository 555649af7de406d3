package io.omskit.core.notification;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A parcel of an order reached a milestone the customer hears about (out for delivery, available for pickup, failed
 * attempt, delayed, ...), as the host's tracking feed reports it.
 *
 * @param orderId        the order
 * @param parcel         the parcel: its shipment reference, 1 to 100 characters
 * @param milestone      the milestone's name, 1 to 100 characters, such as {@code OUT_FOR_DELIVERY}
 * @param occurredAt     when the carrier saw it; orders the parcel's milestones (an older one arriving later is not sent)
 * @param carrier        the carrier, 1 to 100 characters
 * @param trackingNumber the carrier's tracking number; empty when none
 * @param revisedDate    the carrier's revised delivery date; null when not revised
 */
public record TrackingMilestone(OrderId orderId, String parcel, String milestone, Instant occurredAt, String carrier,
                                String trackingNumber, LocalDate revisedDate) {

    public TrackingMilestone {
        Checks.notNull(orderId, "orderId");
        Checks.identifier(parcel, "parcel");
        Checks.identifier(milestone, "milestone");
        Checks.moment(occurredAt, "occurredAt");
        Checks.identifier(carrier, "carrier");
        trackingNumber = trackingNumber == null ? "" : Checks.text(trackingNumber, "trackingNumber", 100);
    }
}
