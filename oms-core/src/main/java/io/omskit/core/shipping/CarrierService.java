package io.omskit.core.shipping;

import io.omskit.core.common.Checks;

/**
 * One service of one carrier, as the host's {@link io.omskit.core.spi.CarrierGateway} offers it.
 *
 * @param carrier the carrier's code ("DHL", "UPS"); 1 to 100 characters
 * @param service the service's code at that carrier ("PAKET", "EXPRESS-12"); 1 to 100 characters
 * @param level   how fast the carrier sells it as
 */
public record CarrierService(String carrier, String service, ServiceLevel level) {

    public CarrierService {
        Checks.identifier(carrier, "carrier");
        Checks.identifier(service, "service");
        Checks.notNull(level, "level");
    }

    /** The service {@code service} of {@code carrier}. */
    public static CarrierService of(String carrier, String service, ServiceLevel level) {
        return new CarrierService(carrier, service, level);
    }

    /** Whether this is {@code other}'s carrier and service code (the level is a description, not part of the identity). */
    public boolean sameAs(CarrierService other) {
        return other != null && carrier.equals(other.carrier) && service.equals(other.service);
    }

    /** "carrier service", for people. */
    @Override
    public String toString() {
        return carrier + " " + service;
    }
}
