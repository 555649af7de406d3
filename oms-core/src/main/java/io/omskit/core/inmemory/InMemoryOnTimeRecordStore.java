package io.omskit.core.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.Lane;
import io.omskit.core.spi.DeliveryObservation;
import io.omskit.core.spi.OnTimeRecordStore;
import io.omskit.core.spi.OnTimeTally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The thread-safe in-memory {@link OnTimeRecordStore}: one lock, observation ids kept for ever. */
public final class InMemoryOnTimeRecordStore implements OnTimeRecordStore {

    private static final Comparator<OnTimeTally> ORDER = Comparator.comparing(OnTimeTally::carrier)
            .thenComparing(OnTimeTally::service)
            .thenComparing(t -> t.lane().origin().value())
            .thenComparing(t -> t.lane().country())
            .thenComparing(t -> t.lane().postalArea());

    private record Key(String carrier, String service, Lane lane) {
    }

    private final Set<UUID> seen = new HashSet<>();
    // [onTime, late]
    private final Map<Key, long[]> counts = new HashMap<>();

    @Override
    public synchronized boolean record(DeliveryObservation observation) {
        Checks.notNull(observation, "observation");
        if (!seen.add(observation.id())) {
            return false;
        }
        String carrier = observation.service().carrier();
        String service = observation.service().service();
        add(new Key(carrier, service, observation.lane()), observation.onTime());
        if (!observation.lane().postalArea().isEmpty()) {
            add(new Key(carrier, service, observation.lane().wholeCountry()), observation.onTime());
        }
        return true;
    }

    @Override
    public synchronized OnTimeTally tally(String carrier, String service, Lane lane) {
        Checks.notNull(carrier, "carrier");
        Checks.notNull(service, "service");
        Checks.notNull(lane, "lane");
        long[] c = counts.get(new Key(carrier, service, lane));
        return c == null ? new OnTimeTally(carrier, service, lane, 0, 0) : new OnTimeTally(carrier, service, lane, c[0], c[1]);
    }

    @Override
    public synchronized List<OnTimeTally> tallies() {
        List<OnTimeTally> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new OnTimeTally(k.carrier(), k.service(), k.lane(), c[0], c[1])));
        out.sort(ORDER);
        return out;
    }

    private void add(Key key, boolean onTime) {
        counts.computeIfAbsent(key, k -> new long[2])[onTime ? 0 : 1]++;
    }
}
