package io.omskit.orchestration.carrier;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.inmemory.InMemoryOnTimeRecordStore;
import io.omskit.core.network.LocationId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.spi.DeliveryObservation;
import io.omskit.core.spi.OnTimeRecordStore;
import io.omskit.core.spi.OnTimeTally;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How often each carrier service kept the promised day, per lane: learnt from the
 * {@link FulfilmentEvent.ParcelDeliveryRecorded} events tracking raises (feed them with {@link #observe(DomainEvent)}),
 * or recorded directly. A projection: rebuild it by replaying the events. Thread-safe.
 *
 * <p>The probability of being on time is smoothed, so that one late parcel does not ban a carrier and a carrier new on
 * a lane is neither trusted nor distrusted blindly: on a lane (origin, country, postal area) the record's on-time share
 * is pulled towards the service's share on the whole country from that origin with the weight of
 * {@code laneStrength} parcels, and that share towards {@code prior} with the weight of {@code priorStrength} parcels
 * (a Beta prior: with no history the probability is {@code prior}).
 *
 * <p>Where the counts are kept: a record {@link #keptIn(OnTimeRecordStore) kept in} an {@link OnTimeRecordStore}
 * (PostgreSQL, say) loads the store's tallies when made and writes every parcel to the store before counting it, so a
 * restarted node or another node starts from what was learnt; reads stay in memory (carrier choice sits on the hot
 * path), and {@link #refresh()} takes in what other nodes recorded since. Without a store the counts live in memory
 * only. Either way a parcel is counted once per observation id (the tracking event's id), so replaying events that
 * were counted already changes nothing.
 */
public final class OnTimeRecord {

    /** What a new record assumes with no history: on time 90% of the time, worth 10 parcels of evidence. */
    public static final double DEFAULT_PRIOR = 0.90;
    /** See {@link #DEFAULT_PRIOR}. */
    public static final double DEFAULT_PRIOR_STRENGTH = 10;
    /** How many parcels of evidence the service's record on the whole country weighs on one of its lanes. */
    public static final double DEFAULT_LANE_STRENGTH = 5;

    private record Key(String carrier, String service, LocationId origin, String country, String postalArea) {
    }

    /**
     * The parcels recorded on one service and lane.
     *
     * @param onTime how many were delivered on or before the promised day
     * @param late   how many after it
     */
    public record Tally(long onTime, long late) {
        public Tally {
            if (onTime < 0 || late < 0) {
                throw new IllegalArgumentException("onTime and late must be >= 0, were " + onTime + " and " + late);
            }
        }

        /** How many parcels were recorded. */
        public long parcels() {
            return onTime + late;
        }
    }

    private final double prior;
    private final double priorStrength;
    private final double laneStrength;
    private final OnTimeRecordStore store;
    // [onTime, late] per key: what the store holds, as last loaded, plus what this record counted since
    private volatile ConcurrentHashMap<Key, AtomicLongArray> tallies = new ConcurrentHashMap<>();

    private OnTimeRecord(double prior, double priorStrength, double laneStrength, OnTimeRecordStore store) {
        this.prior = prior;
        this.priorStrength = priorStrength;
        this.laneStrength = laneStrength;
        this.store = store;
    }

    private OnTimeRecord(double prior, double priorStrength, double laneStrength) {
        this(prior, priorStrength, laneStrength, new InMemoryOnTimeRecordStore());
    }

    /** An empty record with the default prior (90% on time, worth 10 parcels) and lane strength (5 parcels). */
    public static OnTimeRecord create() {
        return new OnTimeRecord(DEFAULT_PRIOR, DEFAULT_PRIOR_STRENGTH, DEFAULT_LANE_STRENGTH);
    }

    /**
     * An empty record with its own smoothing.
     *
     * @param prior         the on-time probability assumed with no history; 0 to 1
     * @param priorStrength how many parcels of evidence the prior weighs; positive
     * @param laneStrength  how many parcels of evidence the whole-country record weighs on a lane; positive
     * @throws IllegalArgumentException naming the argument when one is out of range
     */
    public static OnTimeRecord withPrior(double prior, double priorStrength, double laneStrength) {
        if (!(prior >= 0 && prior <= 1)) {
            throw new IllegalArgumentException("prior must be between 0 and 1, was " + prior);
        }
        if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be positive and finite, was " + priorStrength);
        }
        if (!(laneStrength > 0) || Double.isInfinite(laneStrength)) {
            throw new IllegalArgumentException("laneStrength must be positive and finite, was " + laneStrength);
        }
        return new OnTimeRecord(prior, priorStrength, laneStrength);
    }

    /**
     * A record with this one's smoothing whose counts are kept in {@code store}: it starts from the store's tallies
     * (nothing of this record's own counts is copied).
     *
     * @throws NullPointerException when {@code store} is null
     * @throws io.omskit.core.spi.SpiException when the store cannot be read
     */
    public OnTimeRecord keptIn(OnTimeRecordStore store) {
        OnTimeRecord kept = new OnTimeRecord(prior, priorStrength, laneStrength, Checks.notNull(store, "store"));
        kept.refresh();
        return kept;
    }

    /**
     * Reloads the counts from the store this record is kept in, taking in what other nodes recorded; a record without
     * a store of its own keeps its counts.
     *
     * @throws io.omskit.core.spi.SpiException when the store cannot be read (the counts are left as they were)
     */
    public void refresh() {
        ConcurrentHashMap<Key, AtomicLongArray> loaded = new ConcurrentHashMap<>();
        for (OnTimeTally t : store.tallies()) {
            Lane lane = t.lane();
            loaded.put(new Key(t.carrier(), t.service(), lane.origin(), lane.country(), lane.postalArea()),
                    new AtomicLongArray(new long[] {t.onTime(), t.late()}));
        }
        tallies = loaded;
    }

    /**
     * Records one delivered parcel of {@code service} on {@code lane}, on time or late, under a new observation id
     * (so a retry counts it again: prefer {@link #record(DeliveryObservation)} with the tracking event's id).
     *
     * @throws io.omskit.core.spi.SpiException when the store failed; the parcel was not counted
     */
    public void record(CarrierService service, Lane lane, boolean onTime) {
        record(new DeliveryObservation(UUID.randomUUID(), service, lane, onTime));
    }

    /**
     * Records one delivered parcel, once per observation id: an id counted before (by this node or, when kept in a
     * shared store, by another) changes nothing.
     *
     * @return whether it was counted now
     * @throws NullPointerException when {@code observation} is null
     * @throws io.omskit.core.spi.SpiException when the store failed; the parcel was not counted
     */
    public boolean record(DeliveryObservation observation) {
        Checks.notNull(observation, "observation");
        if (!store.record(observation)) {
            return false;
        }
        add(key(observation.service(), observation.lane()), observation.onTime());
        if (!observation.lane().postalArea().isEmpty()) {
            add(key(observation.service(), observation.lane().wholeCountry()), observation.onTime());
        }
        return true;
    }

    /**
     * Learns from {@code event} when it is a {@link FulfilmentEvent.ParcelDeliveryRecorded} (once per event id);
     * ignores any other.
     */
    public void observe(DomainEvent event) {
        if (event instanceof FulfilmentEvent.ParcelDeliveryRecorded d) {
            record(new DeliveryObservation(d.eventId(), d.service(), d.lane(), d.onTime()));
        }
    }

    /** {@link #observe(DomainEvent)} for each of {@code events}, in order. */
    public void observeAll(Iterable<? extends DomainEvent> events) {
        for (DomainEvent e : Checks.notNull(events, "events")) {
            observe(e);
        }
    }

    /** What was recorded for {@code service} on exactly {@code lane}. */
    public Tally tally(CarrierService service, Lane lane) {
        AtomicLongArray t = tallies.get(key(Checks.notNull(service, "service"), Checks.notNull(lane, "lane")));
        return t == null ? new Tally(0, 0) : new Tally(t.get(0), t.get(1));
    }

    /** The smoothed probability that {@code service} delivers on the promised day on {@code lane}: 0 to 1. */
    public double onTimeProbability(CarrierService service, Lane lane) {
        Tally country = tally(service, lane.wholeCountry());
        double countryShare = (country.onTime() + prior * priorStrength) / (country.parcels() + priorStrength);
        if (lane.postalArea().isEmpty()) {
            return countryShare;
        }
        Tally onLane = tally(service, lane);
        return (onLane.onTime() + countryShare * laneStrength) / (onLane.parcels() + laneStrength);
    }

    private static Key key(CarrierService service, Lane lane) {
        return new Key(service.carrier(), service.service(), lane.origin(), lane.country(), lane.postalArea());
    }

    private void add(Key key, boolean onTime) {
        tallies.computeIfAbsent(key, k -> new AtomicLongArray(2)).incrementAndGet(onTime ? 0 : 1);
    }
}
