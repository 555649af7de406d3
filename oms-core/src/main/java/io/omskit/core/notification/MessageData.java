package io.omskit.core.notification;

/**
 * The names of the data a {@link Notifier} puts into a message, for the host's templates. A message carries the names
 * that apply to it; every message carries {@link #ORDER_ID}, {@link #EXTERNAL_REF} and {@link #DELIVERY_METHOD}.
 */
public final class MessageData {

    /** The order's id. */
    public static final String ORDER_ID = "orderId";
    /** The channel's own order reference (what the customer saw at checkout). */
    public static final String EXTERNAL_REF = "externalRef";
    /** The delivery method ({@link io.omskit.core.order.DeliveryMethod} name). */
    public static final String DELIVERY_METHOD = "deliveryMethod";
    /** The latest moment of the window promised at checkout, ISO-8601; only when one was promised. */
    public static final String PROMISED_BY = "promisedBy";
    /** The store of collection's id, for a pickup order. */
    public static final String PICKUP_STORE = "pickupStore";
    /** The store of collection's name, for a pickup order. */
    public static final String PICKUP_STORE_NAME = "pickupStoreName";
    /** The code the customer shows to collect, once ready for pickup. */
    public static final String PICKUP_CODE = "pickupCode";
    /** Until when the customer may collect, ISO-8601, once ready for pickup. */
    public static final String COLLECT_BY = "collectBy";
    /** The store's opening hours, one line per open day such as {@code MONDAY 09:00-18:00}. */
    public static final String OPENING_HOURS = "openingHours";
    /** The carrier of the parcel. */
    public static final String CARRIER = "carrier";
    /** The carrier's tracking number; only when there is one. */
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** Where the customer follows the parcel; only when the host configured tracking links. */
    public static final String TRACKING_LINK = "trackingLink";
    /** When a tracking milestone happened, ISO-8601. */
    public static final String MILESTONE_AT = "milestoneAt";
    /** The revised delivery date of a parcel, ISO-8601 date; only when the carrier revised it. */
    public static final String REVISED_DATE = "revisedDate";
    /** The SKU of units waiting for supply; in supply date messages. */
    public static final String SKU = "sku";
    /** When units waiting for supply are now expected, ISO-8601 instant; absent when no supply is announced now. */
    public static final String EXPECTED_AT = "expectedAt";
    /** When they were expected before, ISO-8601 instant; in supply date messages. */
    public static final String PREVIOUSLY_EXPECTED_AT = "previouslyExpectedAt";
    /** The latest moment promised before a change of delivery, ISO-8601 instant; in delivery change messages. */
    public static final String PREVIOUSLY_PROMISED_BY = "previouslyPromisedBy";

    private MessageData() {
    }
    /** The parcel (fulfilment id) lost or damaged that a re-shipment makes good. */
    public static final String RESHIPPED_PARCEL = "reshippedParcel";
    /** Why a parcel is shipped again: {@code LOST} or {@code DAMAGED}. */
    public static final String RESHIP_REASON = "reshipReason";
    /** The units shipped again, as {@code <quantity> x <line>} joined by commas. */
    public static final String RESHIPPED_UNITS = "reshippedUnits";
}
