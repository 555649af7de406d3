package io.omskit.core.spi;

import io.omskit.core.shipping.Lane;
import java.util.List;

/**
 * Where the carriers' on-time record is kept, so that what tracking taught survives a restart and is shared by every
 * node: per carrier service and lane, how many delivered parcels arrived on time and how many late. Thread-safe.
 *
 * <p>Contract:
 * <ol>
 * <li>Recording an observation adds one parcel, on time or late, to its service's tally on its lane and, when the lane
 *     names a postal area, to the tally on the lane's whole country ({@link Lane#wholeCountry()}), both or neither;
 *     it answers true.</li>
 * <li>Recording an observation whose id was recorded before changes nothing and answers false, whatever the rest of
 *     it says.</li>
 * <li>Of concurrent recordings of one id exactly one answers true; concurrent recordings of different ids are all
 *     counted.</li>
 * <li>A tally is read for exactly the lane asked (a lane with a postal area does not include the whole country's
 *     other areas); a service and lane never recorded read as zero.</li>
 * <li>{@link #tallies()} lists every tally with at least one parcel, by carrier, service, origin, country and postal
 *     area (each in {@link String} order).</li>
 * </ol>
 */
public interface OnTimeRecordStore {

    /**
     * Counts one delivered parcel, once per observation id.
     *
     * @return true when counted now, false when that id was counted before (nothing changed)
     * @throws NullPointerException when {@code observation} is null
     * @throws SpiException on infrastructure failure; nothing was counted
     */
    boolean record(DeliveryObservation observation);

    /**
     * What was counted for {@code carrier}'s {@code service} on exactly {@code lane}: zero parcels when nothing was.
     *
     * @throws NullPointerException when an argument is null
     * @throws SpiException on infrastructure failure
     */
    OnTimeTally tally(String carrier, String service, Lane lane);

    /**
     * Every tally with at least one parcel, ordered as clause 5 says: what a node loads when it starts.
     *
     * @throws SpiException on infrastructure failure
     */
    List<OnTimeTally> tallies();
}
