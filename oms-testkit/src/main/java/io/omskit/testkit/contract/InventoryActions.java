package io.omskit.testkit.contract;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/** The operations of the stateful inventory property, each a jqwik action on an {@link InventoryModel}. */
final class InventoryActions {

    private InventoryActions() {
    }

    private static Arbitrary<Sku> skus() {
        return Arbitraries.of(InventoryModel.SKUS);
    }

    private static Arbitrary<LocationId> locations() {
        return Arbitraries.of(InventoryModel.LOCATIONS);
    }

    /** Goods received: the supply the other actions draw on. */
    static Action.Independent<InventoryModel> receive() {
        return () -> Combinators.combine(skus(), locations(), Arbitraries.integers().between(1, 12))
                .as((sku, loc, q) -> Transformer.mutate("receive " + q + " " + sku + "@" + loc, m -> {
                    AdjustmentResult r = m.store.adjust(StockAdjustment.of(m.nextKey("rcv"), sku, loc,
                            MovementReason.RECEIPT, q, ""));
                    r.fold(a -> {
                        m.applied(a.movement());
                        return null;
                    }, refused -> {
                        throw new AssertionError("a receipt cannot be refused: " + refused.reason());
                    });
                }));
    }

    /** Any other movement reason, possibly refused. */
    static Action.Independent<InventoryModel> adjust() {
        EnumSet<MovementReason> reasons = EnumSet.allOf(MovementReason.class);
        reasons.remove(MovementReason.SHIPMENT);
        reasons.remove(MovementReason.OPENING_BALANCE);
        return () -> Combinators.combine(skus(), locations(), Arbitraries.of(reasons), Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 3))
                .as((sku, loc, reason, q, reference) -> Transformer.mutate(reason + " " + q + " " + sku + "@" + loc
                        + " ref " + reference, m -> {
                    Instant eta = reason == MovementReason.INBOUND_EXPECTED ? m.now().plus(Duration.ofDays(reference + 1))
                            : null;
                    StockAdjustment a = new StockAdjustment(MovementKey.of(m.nextKey("adj")), sku, loc, reason, q, eta,
                            reference == 0 ? "" : "PO-" + reference);
                    m.store.adjust(a).fold(applied -> {
                        m.applied(applied.movement());
                        return null;
                    }, refused -> null);
                }));
    }

    /** A cart of one to three lines, network-wide or pinned, some with an expiry; may be short. */
    static Action.Independent<InventoryModel> reserve() {
        Arbitrary<ReservationLine> line = Combinators.combine(skus(), locations().injectNull(0.4),
                        Arbitraries.integers().between(1, 5))
                .as(ReservationLine::new);
        return () -> Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(0, 30).injectNull(0.5))
                .as((lines, minutes) -> Transformer.mutate("reserve " + lines
                        + (minutes == null ? "" : " for " + minutes + " min"), m -> {
                    ReservationKey key = ReservationKey.of(m.nextKey("res"));
                    Instant expiry = minutes == null ? null : m.now().plus(Duration.ofMinutes(minutes));
                    if (m.store.reserve(new ReservationRequest(key, "", lines, expiry)).isReserved()) {
                        m.reservations.add(key);
                    }
                }));
    }

    /** Releases a reservation made earlier (maybe already ended). */
    static Action.Dependent<InventoryModel> release() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(InventoryModel m) {
                return !m.reservations.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<InventoryModel>> transformer(InventoryModel m) {
                return Arbitraries.of(m.reservations).map(k -> Transformer.mutate("release " + k,
                        s -> s.store.release(k)));
            }
        };
    }

    /** Releases part of what an active reservation holds of one SKU. */
    static Action.Dependent<InventoryModel> releasePartly() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(InventoryModel m) {
                return !heldPerKey(m).isEmpty();
            }

            @Override
            public Arbitrary<Transformer<InventoryModel>> transformer(InventoryModel m) {
                return Arbitraries.of(heldPerKey(m)).flatMap(e -> Arbitraries.integers().between(1, e.getValue().quantity())
                        .map(q -> Transformer.mutate("release " + q + " " + e.getValue().sku() + " of " + e.getKey(),
                                s -> s.store.release(e.getKey(), e.getValue().sku(), q))));
            }
        };
    }

    private static List<Map.Entry<ReservationKey, ReservationLine>> heldPerKey(InventoryModel m) {
        List<Map.Entry<ReservationKey, ReservationLine>> held = new ArrayList<>();
        for (ReservationKey k : m.reservations) {
            m.store.findReservation(k).filter(r -> r.isActive()).ifPresent(r -> {
                for (Sku sku : InventoryModel.SKUS) {
                    int q = r.heldQuantity(sku);
                    if (q > 0) {
                        held.add(Map.entry(k, ReservationLine.anywhere(sku, q)));
                    }
                }
            });
        }
        return held;
    }

    /** Allocates one or two lines, drawing on a reservation made earlier or on none; may be short. */
    static Action.Dependent<InventoryModel> allocate() {
        Arbitrary<AllocationLine> line = Combinators.combine(skus(), locations(), Arbitraries.integers().between(1, 5))
                .as(AllocationLine::new);
        return m -> {
            Arbitrary<ReservationKey> from = m.reservations.isEmpty() ? Arbitraries.just(null)
                    : Arbitraries.of(m.reservations).injectNull(0.3);
            return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(2), from)
                    .as((lines, reservation) -> Transformer.mutate("allocate " + lines + " from " + reservation, s -> {
                        AllocationKey key = AllocationKey.of(s.nextKey("alloc"));
                        AllocationResult r = s.store.allocate(new AllocationRequest(key, "", lines, reservation));
                        if (r.isAllocated()) {
                            s.allocations.add(key);
                        }
                    }));
        };
    }

    /** Returns part of an open allocation line to availability. */
    static Action.Dependent<InventoryModel> deallocate() {
        return onOpenLine("deallocate", (m, key, line, q) -> m.store.deallocate(key, line.sku(), line.location(), q));
    }

    /** Ships part of an open allocation line. */
    static Action.Dependent<InventoryModel> ship() {
        return onOpenLine("ship", (m, key, line, q) -> m.applied(m.store.ship(key, line.sku(), line.location(), q,
                MovementKey.of(m.nextKey("ship")))));
    }

    /** Something done to some units of an open allocation line. */
    @FunctionalInterface
    private interface OpenLineStep {
        void apply(InventoryModel m, AllocationKey key, AllocationLine line, int quantity);
    }

    private static Action.Dependent<InventoryModel> onOpenLine(String verb, OpenLineStep step) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(InventoryModel m) {
                return !m.openLines().isEmpty();
            }

            @Override
            public Arbitrary<Transformer<InventoryModel>> transformer(InventoryModel m) {
                return Arbitraries.of(m.openLines()).flatMap(e -> Arbitraries.integers().between(1, e.getValue().quantity())
                        .map(q -> Transformer.mutate(verb + " " + q + " of " + e,
                                s -> step.apply(s, e.getKey(), e.getValue(), q))));
            }
        };
    }

    /** Moves the clock on and expires what has lapsed. */
    static Action.Independent<InventoryModel> expire() {
        return () -> Arbitraries.integers().between(1, 20).map(minutes -> Transformer.mutate(
                "advance " + minutes + " min and expire", m -> {
                    m.clock.advance(Duration.ofMinutes(minutes));
                    m.store.expireReservations(m.now());
                }));
    }

    /** Moves the clock on without a sweep: holds that lapse must stop counting on their own (§11). */
    static Action.Independent<InventoryModel> lapse() {
        return () -> Arbitraries.integers().between(1, 20).map(minutes -> Transformer.mutate(
                "advance " + minutes + " min without a sweep", m -> m.clock.advance(Duration.ofMinutes(minutes))));
    }

    /** Changes a reservation in place (a known key, whatever its status, or a new one), possibly refused (§10). */
    static Action.Dependent<InventoryModel> change() {
        Arbitrary<ReservationLine> line = Combinators.combine(skus(), locations().injectNull(0.5),
                        Arbitraries.integers().between(1, 5))
                .as(ReservationLine::new);
        return m -> {
            Arbitrary<ReservationKey> target = m.reservations.isEmpty() ? Arbitraries.just(null)
                    : Arbitraries.of(m.reservations).injectNull(0.2);
            return Combinators.combine(target, line.list().ofMinSize(1).ofMaxSize(3),
                            Arbitraries.integers().between(1, 30).injectNull(0.3))
                    .as((key, lines, minutes) -> Transformer.mutate("change " + key + " to " + lines
                            + (minutes == null ? "" : " for " + minutes + " min"), s -> {
                        ReservationKey k = key != null ? key : ReservationKey.of(s.nextKey("chg"));
                        Instant expiry = minutes == null ? null : s.now().plus(Duration.ofMinutes(minutes));
                        boolean held = s.store.change(new io.omskit.core.inventory.ReservationChange(k, s.nextKey("edit"), "",
                                lines, expiry)).isReserved();
                        if (held && !s.reservations.contains(k)) {
                            s.reservations.add(k);
                        }
                    }));
        };
    }

    /** Reserves network-wide lines drawing on an earlier reservation (an order placed for a held cart) (§12). */
    static Action.Dependent<InventoryModel> reserveDrawingOn() {
        Arbitrary<ReservationLine> line = Combinators.combine(skus(), Arbitraries.integers().between(1, 5))
                .as(ReservationLine::anywhere);
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(InventoryModel m) {
                return !m.reservations.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<InventoryModel>> transformer(InventoryModel m) {
                return Combinators.combine(Arbitraries.of(m.reservations), line.list().ofMinSize(1).ofMaxSize(2))
                        .as((source, lines) -> Transformer.mutate("reserve " + lines + " drawing on " + source, s -> {
                            ReservationKey key = ReservationKey.of(s.nextKey("order"));
                            if (s.store.reserve(new ReservationRequest(key, "", lines, null, source)).isReserved()) {
                                s.reservations.add(key);
                            }
                        }));
            }
        };
    }

    /** Sets a safety stock, which the store may refuse when network-wide reservations would be uncovered. */
    static Action.Independent<InventoryModel> safetyStock() {
        return () -> Combinators.combine(skus(), locations(), Arbitraries.integers().between(0, 4))
                .as((sku, loc, q) -> Transformer.mutate("safety stock " + q + " " + sku + "@" + loc, m -> {
                    try {
                        m.store.setSafetyStock(sku, loc, q);
                    } catch (IllegalStateException refused) {
                        // allowed by the contract when network-wide reservations would be uncovered
                    }
                }));
    }
}
