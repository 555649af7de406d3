package io.omskit.core.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ParcelBooking;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Thread-safe in-memory {@link FulfilmentRepository}: the reference adapter, and the default of
 * {@link io.omskit.core.Oms}. The work-queue and expiry queries scan every fulfilment.
 */
public final class InMemoryFulfilmentRepository implements FulfilmentRepository {

    private static final Comparator<Fulfilment> OLDEST_FIRST =
            Comparator.comparing(Fulfilment::createdAt).thenComparing(Fulfilment::id);
    private static final Comparator<Fulfilment> MOST_RECENTLY_BOOKED_FIRST =
            Comparator.comparing((Fulfilment f) -> f.booking().bookedAt()).reversed().thenComparing(Fulfilment::id);

    private final ConcurrentHashMap<FulfilmentId, Fulfilment> fulfilments;
    /** Each order's fulfilments, oldest first: an array replaced whole (orders have one or two), no list or lock kept. */
    private final ConcurrentHashMap<OrderId, FulfilmentId[]> byOrder;
    private final ConcurrentHashMap<List<String>, List<FulfilmentId>> byTrackingNumber = new ConcurrentHashMap<>();

    /** An empty repository that grows as fulfilments come. */
    public InMemoryFulfilmentRepository() {
        this(0);
    }

    /**
     * An empty repository with room for about {@code expectedFulfilments} fulfilments before it has to grow: a host
     * that knows it will keep many saves the time of growing there, a small one passes nothing and pays nothing up
     * front.
     *
     * @throws IllegalArgumentException if {@code expectedFulfilments} is negative
     */
    public InMemoryFulfilmentRepository(int expectedFulfilments) {
        Checks.notNegative(expectedFulfilments, "expectedFulfilments");
        this.fulfilments = new ConcurrentHashMap<>(expectedFulfilments);
        this.byOrder = new ConcurrentHashMap<>(expectedFulfilments);
    }

    @Override
    public SaveOutcome save(Fulfilment fulfilment) {
        if (fulfilment.version() == 1) {
            if (fulfilments.putIfAbsent(fulfilment.id(), fulfilment) != null) {
                return SaveOutcome.VERSION_CONFLICT;
            }
            byOrder.merge(fulfilment.orderId(), new FulfilmentId[] {fulfilment.id()}, InMemoryFulfilmentRepository::joined);
            indexLabel(fulfilment);
            return SaveOutcome.SAVED;
        }
        boolean[] saved = {false};
        fulfilments.computeIfPresent(fulfilment.id(), (id, current) -> {
            if (current.version() == fulfilment.version() - 1) {
                saved[0] = true;
                return fulfilment;
            }
            return current;
        });
        if (saved[0]) {
            indexLabel(fulfilment);
        }
        return saved[0] ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
    }

    private static FulfilmentId[] joined(FulfilmentId[] earlier, FulfilmentId[] added) {
        FulfilmentId[] all = Arrays.copyOf(earlier, earlier.length + added.length);
        System.arraycopy(added, 0, all, earlier.length, added.length);
        return all;
    }

    private void indexLabel(Fulfilment f) {
        ParcelBooking b = f.booking();
        if (b != null && b.label() != null) {
            List<FulfilmentId> ids = byTrackingNumber.computeIfAbsent(List.of(b.service().carrier(), b.trackingNumber()),
                    k -> new CopyOnWriteArrayList<>());
            if (!ids.contains(f.id())) {
                ids.add(f.id());
            }
        }
    }

    @Override
    public Optional<Fulfilment> find(FulfilmentId id) {
        return Optional.ofNullable(fulfilments.get(id));
    }

    @Override
    public List<Fulfilment> forOrder(OrderId orderId) {
        FulfilmentId[] ids = byOrder.get(orderId);
        if (ids == null) {
            return List.of();
        }
        List<Fulfilment> found = new ArrayList<>(ids.length);
        for (FulfilmentId id : ids) {
            found.add(fulfilments.get(id));
        }
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public List<Fulfilment> atLocation(LocationId location, FulfilmentStatus status, int limit) {
        List<Fulfilment> found = new ArrayList<>();
        for (Fulfilment f : fulfilments.values()) {
            if (f.location().equals(location) && f.status() == status) {
                found.add(f);
            }
        }
        found.sort(OLDEST_FIRST);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public List<Fulfilment> workQueue(LocationId location, java.util.Set<FulfilmentStatus> statuses,
                                      io.omskit.core.spi.WorkQueuePosition after, int limit) {
        List<Fulfilment> found = new ArrayList<>();
        for (Fulfilment f : fulfilments.values()) {
            if (f.location().equals(location) && statuses.contains(f.status())
                    && (after == null || io.omskit.core.spi.WorkQueuePosition.of(f).compareTo(after) > 0)) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparing(io.omskit.core.spi.WorkQueuePosition::of));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public List<Fulfilment> dueForExpiry(Instant now, int limit) {
        List<Fulfilment> found = new ArrayList<>();
        for (Fulfilment f : fulfilments.values()) {
            if (f.status() == FulfilmentStatus.READY_FOR_COLLECTION && !f.collectBy().isAfter(now)) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparing(Fulfilment::collectBy).thenComparing(Fulfilment::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public List<Fulfilment> withTrackingNumber(String carrier, String trackingNumber) {
        List<FulfilmentId> ids = byTrackingNumber.get(List.of(carrier, trackingNumber));
        if (ids == null) {
            return List.of();
        }
        List<Fulfilment> found = new ArrayList<>(ids.size());
        for (FulfilmentId id : ids) {
            Fulfilment f = fulfilments.get(id);
            ParcelBooking b = f.booking();
            // a fulfilment booked again since keeps only its newest label
            if (b != null && b.label() != null && b.service().carrier().equals(carrier)
                    && b.trackingNumber().equals(trackingNumber)) {
                found.add(f);
            }
        }
        found.sort(MOST_RECENTLY_BOOKED_FIRST);
        return found;
    }

    /** Every stored fulfilment, in no particular order. */
    public List<Fulfilment> all() {
        return List.copyOf(fulfilments.values());
    }
}
