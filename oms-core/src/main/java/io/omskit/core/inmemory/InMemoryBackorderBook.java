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
    private final Set<BackorderFill> passed = new HashSet<>();
    /** The keys of the fills made when fills under a key were passed on, in the order passed. */
    private final Map<MovementKey, List<MovementKey>> passedOnTo = new HashMap<>();
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
            List<BackorderFill> standing = new ArrayList<>();
            collectStanding(receipt, standing);
            return List.copyOf(standing);
        }
        List<BackorderFill> made = fillQueue(receipt, sku, location, arrived);
        receipts.merge(new Position(sku, location), 1L, Long::sum);
        return made;
    }

    /** The fills under {@code key} neither reopened nor passed on, then those of the keys its fills were passed on to. */
    private void collectStanding(MovementKey key, List<BackorderFill> into) {
        for (BackorderFill f : fills.getOrDefault(key, List.of())) {
            if (!reopened.contains(f)) {
                into.add(f);
            }
        }
        for (MovementKey next : passedOnTo.getOrDefault(key, List.of())) {
            collectStanding(next, into);
        }
    }

    private List<BackorderFill> fillQueue(MovementKey key, Sku sku, LocationId location, int arrived) {
        List<BackorderFill> made = new ArrayList<>();
        int left = arrived;
        for (Backorder b : waiting(sku, location)) {
            if (left == 0) {
                break;
            }
            int units = Math.min(left, b.waiting());
            byId.put(b.id(), b.fill(units));
            made.add(new BackorderFill(key, b.id(), b.order(), sku, location, units));
            left -= units;
        }
        fills.put(key, List.copyOf(made));
        return List.copyOf(made);
    }

    @Override
    public synchronized List<BackorderFill> passOn(BackorderFill fill, int cancelledTotal) {
        Checks.notNull(fill, "fill");
        Checks.notNegative(cancelledTotal, "cancelledTotal");
        List<BackorderFill> made = fills.get(fill.receipt());
        if (made == null || !made.contains(fill)) {
            throw new IllegalArgumentException("no fill " + fill + " was made");
        }
        MovementKey key = fill.passedOnKey();
        if (passed.contains(fill)) {
            return fills.getOrDefault(key, List.of()).stream().filter(f -> !reopened.contains(f)).toList();
        }
        if (reopened.contains(fill)) {
            return List.of();
        }
        reopened.add(fill);
        passed.add(fill);
        byId.computeIfPresent(fill.backorder(), (id, b) -> b.unfill(fill.units()).cancelTo(cancelledTotal));
        passedOnTo.computeIfAbsent(fill.receipt(), k -> new ArrayList<>()).add(key);
        return fillQueue(key, fill.sku(), fill.location(), fill.units());
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
