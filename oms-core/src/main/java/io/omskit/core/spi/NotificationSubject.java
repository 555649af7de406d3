package io.omskit.core.spi;

import io.omskit.core.order.OrderStatus;

/**
 * What a message tells the customer about: a customer-visible status of the order, or a tracking milestone of one of its
 * parcels. With the channel and locale it is what the host's templates are keyed by.
 *
 * @param kind   a status or a tracking milestone
 * @param name   the status' name ({@link OrderStatus#name()}) or the milestone's name (such as {@code OUT_FOR_DELIVERY}):
 *               1 to 100 characters, no control characters
 * @param parcel the parcel a milestone is about (its shipment reference); empty for an order status
 */
public record NotificationSubject(Kind kind, String name, String parcel) {

    /** What kind of change a message is about. */
    public enum Kind {
        /** The order's customer-visible status changed. */
        ORDER_STATUS,
        /** A parcel reached a tracking milestone. */
        TRACKING_MILESTONE
    }

    public NotificationSubject {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        io.omskit.core.common.Checks.identifier(name, "name");
        parcel = parcel == null ? "" : parcel;
        io.omskit.core.common.Checks.text(parcel, "parcel", 100);
        if (kind == Kind.ORDER_STATUS && !parcel.isEmpty()) {
            throw new IllegalArgumentException("parcel of an order status subject must be empty, was '" + parcel + "'");
        }
        if (kind == Kind.TRACKING_MILESTONE && parcel.isBlank()) {
            throw new IllegalArgumentException("parcel of a tracking milestone subject must not be blank");
        }
    }

    /** A message about the order reaching {@code status}. */
    public static NotificationSubject orderStatus(OrderStatus status) {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        return new NotificationSubject(Kind.ORDER_STATUS, status.name(), "");
    }

    /** A message about parcel {@code parcel} reaching tracking milestone {@code milestone}. */
    public static NotificationSubject trackingMilestone(String parcel, String milestone) {
        return new NotificationSubject(Kind.TRACKING_MILESTONE, milestone, parcel);
    }

    /**
     * The sequence of changes this subject belongs to within its order: the order's statuses form one, each parcel's
     * milestones another. A message is never sent for a change older than one already claimed in its sequence.
     */
    public String stream() {
        return kind == Kind.ORDER_STATUS ? "" : parcel;
    }
}
