/**
 * Shipping: the carriers' services ({@link io.omskit.core.shipping.CarrierService}), what is sent
 * ({@link io.omskit.core.shipping.Parcel}), what a carrier offers ({@link io.omskit.core.shipping.Quote}), the label it
 * issues ({@link io.omskit.core.shipping.Label}) and the tracking vocabulary every carrier's webhooks are mapped to
 * ({@link io.omskit.core.shipping.TrackingStatus}, {@link io.omskit.core.shipping.TrackingEvent}). The host's carriers
 * are plugged in through {@link io.omskit.core.spi.CarrierGateway}; the booking and tracking of a fulfilment's parcel
 * run through {@link io.omskit.core.Fulfilments}.
 */
package io.omskit.core.shipping;
