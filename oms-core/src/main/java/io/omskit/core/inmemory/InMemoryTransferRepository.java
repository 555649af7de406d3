package io.omskit.core.inmemory;

import io.omskit.core.network.LocationId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.TransferRepository;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Thread-safe in-memory {@link TransferRepository}: the reference adapter, and the default of {@link io.omskit.core.Oms}. */
public final class InMemoryTransferRepository implements TransferRepository {

    private final ConcurrentHashMap<TransferId, Transfer> transfers = new ConcurrentHashMap<>();

    @Override
    public SaveOutcome save(Transfer transfer) {
        if (transfer.version() == 1) {
            return transfers.putIfAbsent(transfer.id(), transfer) == null ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
        }
        boolean[] saved = {false};
        transfers.computeIfPresent(transfer.id(), (id, current) -> {
            if (current.version() == transfer.version() - 1) {
                saved[0] = true;
                return transfer;
            }
            return current;
        });
        return saved[0] ? SaveOutcome.SAVED : SaveOutcome.VERSION_CONFLICT;
    }

    @Override
    public Optional<Transfer> find(TransferId id) {
        return Optional.ofNullable(transfers.get(id));
    }

    @Override
    public List<Transfer> inbound(LocationId destination, TransferStatus status, int limit) {
        return select(t -> t.to().equals(destination) && t.status() == status,
                Comparator.comparing(Transfer::expectedArrival).thenComparing(Transfer::id), limit);
    }

    @Override
    public List<Transfer> outbound(LocationId source, TransferStatus status, int limit) {
        return select(t -> t.from().equals(source) && t.status() == status,
                Comparator.comparing(Transfer::requestedAt).thenComparing(Transfer::id), limit);
    }

    private List<Transfer> select(Predicate<Transfer> which, Comparator<Transfer> order, int limit) {
        List<Transfer> found = new ArrayList<>();
        for (Transfer t : transfers.values()) {
            if (which.test(t)) {
                found.add(t);
            }
        }
        found.sort(order);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }
}
