package io.omskit.returns.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.spi.ReturnRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Returns kept in memory; thread-safe (one lock). */
public final class InMemoryReturnRepository implements ReturnRepository {

    private final Map<ReturnId, Return> byId = new LinkedHashMap<>();
    private final Map<OrderId, List<ReturnId>> byOrder = new HashMap<>();

    @Override
    public synchronized Optional<Return> find(ReturnId id) {
        return Optional.ofNullable(byId.get(Checks.notNull(id, "id")));
    }

    @Override
    public synchronized List<Return> findByOrder(OrderId order) {
        List<Return> out = new ArrayList<>();
        for (ReturnId id : byOrder.getOrDefault(Checks.notNull(order, "order"), List.of())) {
            out.add(byId.get(id));
        }
        return out;
    }

    @Override
    public synchronized int countByCustomerSince(CustomerRef customer, Instant since) {
        Checks.notNull(customer, "customer");
        Checks.notNull(since, "since");
        int n = 0;
        for (Return r : byId.values()) {
            if (r.customer().equals(customer) && !r.openedAt().isBefore(since)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<ReturnId> findWithOpenRefund(int limit) {
        return oldestFirst(limit, r -> r.openRefund().isPresent());
    }

    @Override
    public List<ReturnId> findWithOpenLabel(int limit) {
        return oldestFirst(limit, Return::labelOpen);
    }

    private synchronized List<ReturnId> oldestFirst(int limit, java.util.function.Predicate<Return> wanted) {
        Checks.positive(limit, "limit");
        List<Return> open = new ArrayList<>();
        for (Return r : byId.values()) {
            if (wanted.test(r)) {
                open.add(r);
            }
        }
        open.sort(java.util.Comparator.comparing(Return::openedAt).thenComparing(Return::id));
        List<ReturnId> ids = new ArrayList<>();
        for (int i = 0; i < open.size() && i < limit; i++) {
            ids.add(open.get(i).id());
        }
        return ids;
    }

    @Override
    public synchronized SaveOutcome save(Return ret, List<ReturnEvent> events) {
        Checks.notNull(ret, "ret");
        Checks.notNull(events, "events");
        Return stored = byId.get(ret.id());
        long expected = stored == null ? 0 : stored.version();
        if (ret.version() != expected + 1) {
            return SaveOutcome.VERSION_CONFLICT;
        }
        byId.put(ret.id(), ret);
        if (stored == null) {
            byOrder.computeIfAbsent(ret.orderId(), o -> new ArrayList<>()).add(ret.id());
        }
        return SaveOutcome.SAVED;
    }
}
