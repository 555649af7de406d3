package io.omskit.atp.spi;

/**
 * Transit times of the host's carriers: a transit table ({@link io.omskit.atp.calendar.TransitTable}) or the
 * carriers' own quoting service. Called on the promise path, so it must be fast (cache remote answers). Thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code CarrierTransitContract} checks each): a served leg
 * has a transit time (§1); a leg no carrier serves is null, which drops the service from the promise (§2); the same
 * leg gets the same answer, from any number of threads (§3); a remote service that cannot be reached is a
 * {@link io.omskit.core.spi.SpiException}, never null, and the failure is not remembered: the next call asks again (§4).
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
