package io.omskit.core.spi;

import io.omskit.core.order.OrderStatus;

/**
 * What a message tells the customer about: a customer-visible status of the order, a tracking milestone of one of its
 * parcels, or a step of one of its returns. With the channel and locale it is what the host's templates are keyed by.
 *
 * @param kind   a status, a tracking milestone or a return step
 * @param name   the status' name ({@link OrderStatus#name()}), the milestone's name (such as {@code OUT_FOR_DELIVERY})
 *               or the return step's name (such as {@code RECEIVED}): 1 to 100 characters, no control characters
 * @param parcel the parcel a milestone is about (its shipment reference), or the return a return step is about (its
 *               id, and for a step that can happen more than once, which time: {@code <return>/<refund>}); empty for an
 *               order status
 */
public record NotificationSubject(Kind kind, String name, String parcel) {

    /** What kind of change a message is about. */
    public enum Kind {
        /** The order's customer-visible status changed. */
        ORDER_STATUS,
        /** A parcel reached a tracking milestone. */
        TRACKING_MILESTONE,
        /** A return of the order reached a step (authorised, received, refunded, ...). */
        RETURN_STEP,
        /** Units of the order waiting for supply are now expected at another date, or without a date. */
        SUPPLY_DATE,
        /** Customer service changed the order's delivery and the promised date moved with it. */
        DELIVERY_CHANGED,
        /** Customer service has units of a lost or damaged parcel shipped again, at no charge. */
        PARCEL_RESHIPPED
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
        if (kind == Kind.SUPPLY_DATE && parcel.isBlank()) {
            throw new IllegalArgumentException("parcel (the backorder) of a supply date subject must not be blank");
        }
        if (kind == Kind.DELIVERY_CHANGED && parcel.isBlank()) {
            throw new IllegalArgumentException("parcel (the change) of a delivery change subject must not be blank");
        }
        if (kind == Kind.PARCEL_RESHIPPED && parcel.isBlank()) {
            throw new IllegalArgumentException("parcel (the re-shipment) of a parcel re-shipped subject must not be blank");
        }
        if (kind == Kind.RETURN_STEP && parcel.isBlank()) {
            throw new IllegalArgumentException("parcel (the return) of a return step subject must not be blank");
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
     * A message about {@code step} of return {@code returnRef} (its id, or {@code <return>/<refund>} for a step that
     * happens once per refund).
     *
     * @throws IllegalArgumentException when either is blank, longer than 100 characters or holds control characters
     */
    public static NotificationSubject returnStep(String returnRef, String step) {
        return new NotificationSubject(Kind.RETURN_STEP, step, returnRef);
    }

    /**
     * A message that customer service changed the order's delivery and its promise moved: {@code change} names which
     * change (such as the order's version after it), so that each is told once.
     *
     * @throws IllegalArgumentException when it is blank, longer than 100 characters or holds control characters
     */
    public static NotificationSubject deliveryChanged(String change) {
        return new NotificationSubject(Kind.DELIVERY_CHANGED, "DELIVERY_CHANGED", change);
    }

    /**
     * A message that units of a lost or damaged parcel are shipped again by the re-shipment {@code reshipment} (its
     * fulfilment id), so that each re-shipment is told once.
     *
     * @throws IllegalArgumentException when it is blank, longer than 100 characters or holds control characters
     */
    public static NotificationSubject parcelReshipped(String reshipment) {
        return new NotificationSubject(Kind.PARCEL_RESHIPPED, "PARCEL_RESHIPPED", reshipment);
    }

    /**
     * A message that the units of backorder {@code backorder} waiting for supply are now expected at another date:
     * {@code change} names which change (such as the new date), so that each slip is told once.
     *
     * @throws IllegalArgumentException when either is blank, too long or holds control characters
     */
    public static NotificationSubject supplyDate(String backorder, String change) {
        return new NotificationSubject(Kind.SUPPLY_DATE, "SUPPLY_DELAYED", backorder + "/" + change);
    }

    /**
     * The sequence of changes this subject belongs to within its order: the order's statuses form one, each parcel's
     * milestones another. A message is never sent for a change older than one already claimed in its sequence. Each
     * step of a return is a sequence of its own: every step is told once, in whatever order its news arrives.
     */
    public String stream() {
        return switch (kind) {
            case ORDER_STATUS -> "";
            case TRACKING_MILESTONE -> parcel;
            case RETURN_STEP -> "return/" + parcel + "/" + name;
            case SUPPLY_DATE -> "supply/" + parcel;
            case DELIVERY_CHANGED -> "delivery/" + parcel;
            case PARCEL_RESHIPPED -> "reship/" + parcel;
        };
    }
}
