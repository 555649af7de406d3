package io.omskit.atp.spi;

/**
 * Transit times of the host's carriers: a transit table ({@link io.omskit.atp.calendar.TransitTable}) or the
 * carriers' own quoting service. Called on the promise path, so it must be fast (cache remote answers). Thread-safe.
 */
public interface CarrierTransit {

    /**
     * The transit time of {@code query}'s leg.
     *
     * @return the transit time, or null when no carrier offers the service on that leg (for instance no express
     *         delivery to an island)
     * @throws io.omskit.core.spi.SpiException when a remote quoting service cannot be reached
     */
    TransitTime transit(TransitQuery query);
}
