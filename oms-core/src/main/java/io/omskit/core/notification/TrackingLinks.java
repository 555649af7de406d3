package io.omskit.core.notification;

/** Where a customer follows a parcel: the host's tracking page for a carrier and tracking number. Thread-safe. */
@FunctionalInterface
public interface TrackingLinks {

    /** The link for {@code trackingNumber} of {@code carrier}; null or empty when there is none. */
    String linkFor(String carrier, String trackingNumber);

    /** No links: messages carry the carrier and tracking number only. */
    static TrackingLinks none() {
        return (carrier, number) -> null;
    }
}
