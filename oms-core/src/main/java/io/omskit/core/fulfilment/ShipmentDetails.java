package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;

/**
 * The parcel a fulfilment left in.
 *
 * @param shipmentRef    the host's or carrier's reference of the shipment; 1 to 100 characters
 * @param carrier        the carrier's name or code; 1 to 100 characters
 * @param trackingNumber the carrier's tracking number; empty when none
 */
public record ShipmentDetails(String shipmentRef, String carrier, String trackingNumber) {

    public ShipmentDetails {
        Checks.identifier(shipmentRef, "shipmentRef");
        Checks.identifier(carrier, "carrier");
        trackingNumber = trackingNumber == null ? "" : trackingNumber;
        Checks.maxLength(trackingNumber, 100, "trackingNumber");
    }

    /** A shipment with {@code carrier}'s tracking number. */
    public static ShipmentDetails of(String shipmentRef, String carrier, String trackingNumber) {
        return new ShipmentDetails(shipmentRef, carrier, trackingNumber);
    }
}
