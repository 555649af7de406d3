package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlacedUnits;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A change of an order's delivery that sources its open fulfilments again, all or nothing:
 * <ol>
 *   <li>the {@link DeliveryResourcing} plans the units of the open (offered or accepted) fulfilments for the new
 *       delivery; a fulfilment whose location the plan keeps in full stays as it is, the others are withdrawn;</li>
 *   <li>the units the withdrawn ones held are allocated where the plan puts them, in one inventory allocation: when
 *       the stock is not there, the change is refused and nothing changed;</li>
 *   <li>the order records the change (new delivery and promise, what moves where) under the change key: the
 *       commitment;</li>
 *   <li>the withdrawn fulfilments are rejected under a key of the change (their stock released), and the new
 *       allocation is recorded on the order, which offers the new fulfilments.</li>
 * </ol>
 * A retry with the same key after a failure before step 3 gives back what an earlier attempt allocated and plans
 * again; after step 3 it finishes step 4 from what the order recorded. Called under the order's lock.
 */
final class DeliveryChanges {

    /** The reason the fulfilments a change of delivery withdraws are rejected with; no location refused them. */
    static final String WITHDRAWN_REASON = CustomerService.DELIVERY_CHANGED_REASON;

    private static final Set<FulfilmentStatus> OPEN = java.util.EnumSet.of(FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED);
    private static final int MAX_ATTEMPTS = 50;

    private final OrderBook book;
    private final OrderRepository orders;
    private final Fulfilments fulfilments;
    private final Allocations allocations;
    private final StockKeeper stock;
    private final InventoryStore inventory;
    private final DeliveryResourcing resourcing;
    private final Clock clock;

    DeliveryChanges(OrderBook book, OrderRepository orders, Fulfilments fulfilments, Allocations allocations,
                    StockKeeper stock, InventoryStore inventory, DeliveryResourcing resourcing, Clock clock) {
        this.book = book;
        this.orders = orders;
        this.fulfilments = fulfilments;
        this.allocations = allocations;
        this.stock = stock;
        this.inventory = inventory;
        this.resourcing = resourcing;
        this.clock = clock;
    }

    /** Whether a sourcing was configured to plan changes; without one a change keeps the fulfilments where they are. */
    boolean configured() {
        return resourcing != null;
    }

    /**
     * Changes the order's delivery to {@code newDelivery} under {@code key} (checks of status, goods moving and policy
     * done by the caller), or finishes a change recorded under it.
     *
     * @return the refusal when the plan cannot be made or its stock is not there (nothing changed), else allowed
     */
    Verdict change(OrderId id, Actor actor, DeliveryChoice newDelivery, CommandKey key, String changeKey) {
        return change(id, actor, newDelivery, false, key, changeKey);
    }

    /**
     * As {@link #change(OrderId, Actor, DeliveryChoice, CommandKey, String)}; with {@code remake} (a new method or
     * pickup store: the fulfilments' kind or destination changes) every open fulfilment is withdrawn and made anew.
     */
    Verdict change(OrderId id, Actor actor, DeliveryChoice newDelivery, boolean remake, CommandKey key, String changeKey) {
        Order order = book.current(id);
        if (order.applied(key)) {
            recorded(id, changeKey).ifPresent(c -> finish(id, c));
            return Verdict.allow();
        }
        List<Fulfilment> open = new ArrayList<>();
        for (Fulfilment f : fulfilments.forOrder(id)) {
            if (OPEN.contains(f.status()) && f.quantity() > 0) {
                open.add(f);
            }
        }
        String base = "delivery/" + id.value() + "/" + digest(changeKey);
        AllocationKey allocationKey = freshKey(base);
        Map<LocationId, List<LineQuantity>> held = new LinkedHashMap<>();
        for (Fulfilment f : open) {
            held.computeIfAbsent(f.location(), k -> new ArrayList<>()).addAll(f.units());
        }
        DeliveryReplan replan = open.isEmpty() ? DeliveryReplan.placed(Map.of(), null)
                : resourcing.replan(order, newDelivery, held, !remake);
        if (replan.isRefused()) {
            return Verdict.refuse(CustomerService.DELIVERY_CHANGE_SOURCEABLE, "the units of order " + id
                    + " cannot be sourced for the new delivery: " + replan.refusal());
        }
        Map<LocationId, Map<LineId, Integer>> planned = new LinkedHashMap<>();
        replan.placement().forEach((l, units) -> units.forEach(q ->
                planned.computeIfAbsent(l, k -> new LinkedHashMap<>()).merge(q.line(), q.quantity(), Integer::sum)));
        List<String> withdrawn = new ArrayList<>();
        for (Fulfilment f : open) {
            Map<LineId, Integer> there = planned.getOrDefault(f.location(), new LinkedHashMap<>());
            boolean kept = !remake && f.units().stream().allMatch(q -> there.getOrDefault(q.line(), 0) >= q.quantity());
            if (kept) {
                f.units().forEach(q -> there.merge(q.line(), -q.quantity(), Integer::sum));
            } else {
                withdrawn.add(f.id().value());
            }
        }
        List<PlacedUnits> placed = new ArrayList<>();
        planned.forEach((l, lines) -> {
            List<LineQuantity> units = new ArrayList<>();
            lines.forEach((line, n) -> {
                if (n > 0) {
                    units.add(LineQuantity.of(line, n));
                }
            });
            if (!units.isEmpty()) {
                placed.add(new PlacedUnits(l, units));
            }
        });
        if (withdrawn.isEmpty() != placed.isEmpty()) {
            return Verdict.refuse(CustomerService.DELIVERY_CHANGE_SOURCEABLE, "the sourcing placed " + placed
                    + " for order " + id + " but the fulfilments it replaces hold other units");
        }
        if (!placed.isEmpty()) {
            List<AllocationLine> lines = new ArrayList<>();
            for (PlacedUnits p : placed) {
                stock.stockUnits(order, p.units()).forEach((sku, n) -> lines.add(new AllocationLine(sku, p.location(), n)));
            }
            AllocationResult result = inventory.allocate(new AllocationRequest(allocationKey,
                    StockKeeper.stockReference(id), lines, null));
            if (result instanceof AllocationResult.Insufficient insufficient) {
                return Verdict.refuse(CustomerService.DELIVERY_CHANGE_SOURCEABLE, "the stock planned for the new delivery"
                        + " of order " + id + " is not there now: " + insufficient.shortages());
            }
        }
        DeliveryChoice promised = replan.promised() == null ? newDelivery : new DeliveryChoice(newDelivery.method(),
                newDelivery.address(), newDelivery.pickupStore(), replan.promised());
        String allocation = placed.isEmpty() ? "" : allocationKey.value();
        book.apply(id, o -> o.applied(key) ? Change.unchanged(o) : OrderBook.withKey(o.changeDelivery(actor, promised,
                changeKey, withdrawn, placed, allocation, clock.instant()), key));
        finish(id, recorded(id, changeKey).orElseThrow(() -> new IllegalStateException("order " + id
                + " applied delivery change " + changeKey + " but its history does not show it")));
        return Verdict.allow();
    }

    /** Rejects the fulfilments the change withdrew and records where their units went; each step once. */
    private void finish(OrderId id, OrderEvent.OrderDeliveryChanged change) {
        if (change.placed().isEmpty()) {
            return;
        }
        String rejectionKey = "delivery-" + digest(change.changeKey());
        for (String withdrawn : change.withdrawn()) {
            Fulfilment f = fulfilments.get(FulfilmentId.of(withdrawn));
            // called again when applied too: it brings the order and the stock in line with a rejection saved before
            fulfilments.reject(f.id(), f.units(), WITHDRAWN_REASON, rejectionKey);
        }
        Map<LocationId, List<LineQuantity>> byLocation = new LinkedHashMap<>();
        for (PlacedUnits p : change.placed()) {
            byLocation.put(p.location(), p.units());
        }
        allocations.recordAllocation(id, AllocationKey.of(change.allocationKey()), byLocation, true);
    }

    /** The change recorded on the order under {@code changeKey}. */
    private Optional<OrderEvent.OrderDeliveryChanged> recorded(OrderId id, String changeKey) {
        List<OrderEvent> history = orders.history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof OrderEvent.OrderDeliveryChanged c && c.changeKey().equals(changeKey)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The first allocation key of the change no attempt used yet; what an earlier attempt, which stopped before the
     * order recorded it, allocated is given back first, so a retry plans and allocates afresh.
     */
    private AllocationKey freshKey(String base) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            AllocationKey key = AllocationKey.of(base + "#" + attempt);
            Optional<Allocation> earlier = inventory.findAllocation(key);
            if (earlier.isEmpty()) {
                return key;
            }
            for (AllocationLine l : earlier.get().open()) {
                inventory.deallocate(key, l.sku(), l.location(), l.quantity());
            }
        }
        throw new IllegalStateException("delivery change " + base + " was tried " + MAX_ATTEMPTS + " times; it is given up");
    }

    private static String digest(String changeKey) {
        return com.google.common.hash.Hashing.sha256().hashString(changeKey, StandardCharsets.UTF_8).toString().substring(0, 16);
    }
}
