package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.Lane;

/**
 * The parcels an {@link OnTimeRecordStore} counted for one carrier service on one lane.
 *
 * @param carrier the carrier's code
 * @param service the service's code at that carrier
 * @param lane    the lane; one without a postal area counts the whole country
 * @param onTime  how many arrived on or before the promised day; not negative
 * @param late    how many arrived after it; not negative
 */
public record OnTimeTally(String carrier, String service, Lane lane, long onTime, long late) {

    public OnTimeTally {
        Checks.identifier(carrier, "carrier");
        Checks.identifier(service, "service");
        Checks.notNull(lane, "lane");
        if (onTime < 0 || late < 0) {
            throw new IllegalArgumentException("onTime and late must be >= 0, were " + onTime + " and " + late);
        }
    }

    /** How many parcels were counted. */
    public long parcels() {
        return onTime + late;
    }
}
