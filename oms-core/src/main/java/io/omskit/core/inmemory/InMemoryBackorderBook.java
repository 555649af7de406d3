package io.omskit.core.inmemory;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thread-safe in-memory {@link BackorderBook}: one lock for everything (backorders are few beside stock
 * operations), finished backorders and receipts kept for ever.
 */
public final class InMemoryBackorderBook implements BackorderBook {

    private final Map<BackorderId, Backorder> byId = new LinkedHashMap<>();
    private final Map<Position, Long> receipts = new HashMap<>();
    private final Map<MovementKey, List<BackorderFill>> fills = new HashMap<>();
    private final Set<BackorderFill> reopened = new HashSet<>();
    private long sequence;

    private record Position(Sku sku, LocationId location) {
    }

    @Override
    public synchronized Optional<BackorderResult> place(Backorder candidate, long room, long receiptsSeen) {
        Checks.notNull(candidate, "candidate");
        Backorder known = byId.get(candidate.id());
        if (known != null) {
            return Optional.of(new BackorderResult.Accepted(known, true));
        }
        if (receipts(candidate.sku(), candidate.location()) != receiptsSeen) {
            return Optional.empty();
        }
        long waiting = waitingAt(candidate.sku(), candidate.location());
        if (waiting + candidate.quantity() > room) {
            return Optional.of(new BackorderResult.Refused(candidate.sku(), candidate.location(), candidate.quantity(),
                    Math.max(0, room - waiting), "only " + Math.max(0, room - waiting) + " more of " + candidate.sku()
                    + " may wait for supply at " + candidate.location()));
        }
        Backorder placed = new Backorder(candidate.id(), candidate.order(), candidate.line(), candidate.sku(),
                candidate.location(), candidate.quantity(), 0, candidate.priority(), candidate.placedAt(), ++sequence,
                candidate.kind(), candidate.expectedAt());
        byId.put(placed.id(), placed);
        return Optional.of(new BackorderResult.Accepted(placed, false));
    }

    @Override
    public synchronized long receipts(Sku sku, LocationId location) {
        return receipts.getOrDefault(new Position(sku, location), 0L);
    }

    @Override
    public synchronized List<BackorderFill> fill(MovementKey receipt, Sku sku, LocationId location, int arrived) {
        Checks.notNull(receipt, "receipt");
        Checks.positive(arrived, "arrived");
        List<BackorderFill> done = fills.get(receipt);
        if (done != null) {
            return done.stream().filter(f -> !reopened.contains(f)).toList();
        }
        List<BackorderFill> made = new ArrayList<>();
        int left = arrived;
        for (Backorder b : waiting(sku, location)) {
            if (left == 0) {
                break;
            }
            int units = Math.min(left, b.waiting());
            byId.put(b.id(), b.fill(units));
            made.add(new BackorderFill(receipt, b.id(), b.order(), sku, location, units));
            left -= units;
        }
        fills.put(receipt, List.copyOf(made));
        receipts.merge(new Position(sku, location), 1L, Long::sum);
        return List.copyOf(made);
    }

    @Override
    public synchronized void reopen(BackorderFill fill) {
        List<BackorderFill> made = fills.get(fill.receipt());
        if (made == null || !made.contains(fill)) {
            throw new IllegalArgumentException("no fill " + fill + " was made");
        }
        if (reopened.add(fill)) {
            byId.computeIfPresent(fill.backorder(), (id, b) -> b.unfill(fill.units()));
        }
    }

    @Override
    public synchronized Optional<Backorder> expect(BackorderId id, SupplyKind kind, Instant expectedAt) {
        Checks.notNull(kind, "kind");
        return Optional.ofNullable(byId.computeIfPresent(id, (k, b) -> b.expect(kind, expectedAt)));
    }

    @Override
    public synchronized Optional<Backorder> cancel(BackorderId id, int total) {
        Checks.notNull(id, "id");
        Checks.notNegative(total, "total");
        return Optional.ofNullable(byId.computeIfPresent(id, (k, b) -> b.cancelTo(total)));
    }

    @Override
    public synchronized Optional<Backorder> find(BackorderId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Backorder> waiting(Sku sku, LocationId location) {
        return byId.values().stream().filter(b -> b.waiting() > 0 && b.sku().equals(sku)
                && b.location().equals(location)).sorted(Backorder.FILL_ORDER).toList();
    }

    @Override
    public synchronized int waitingUnits(Sku sku) {
        return byId.values().stream().filter(b -> b.sku().equals(sku)).mapToInt(Backorder::waiting).sum();
    }

    @Override
    public synchronized List<Backorder> forOrder(OrderId order) {
        return byId.values().stream().filter(b -> b.order().equals(order)).toList();
    }

    private long waitingAt(Sku sku, LocationId location) {
        long n = 0;
        for (Backorder b : byId.values()) {
            if (b.sku().equals(sku) && b.location().equals(location)) {
                n += b.waiting();
            }
        }
        return n;
    }
}
