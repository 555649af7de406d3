package io.omskit.core;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderEvent;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backorders and pre-orders: sells units beyond stock where the {@link BackorderPolicy} allows it, fills them from
 * receipts of inbound supply by priority then age, and tells the customer when supply slips. Thread-safe.
 *
 * <p>What it promises:
 * <ul>
 * <li>At a SKU's location, the units waiting never exceed the announced inbound supply there (when the terms allow
 *     pre-orders) plus the backorder limit, at the moment each backorder is placed.</li>
 * <li>A receipt fills waiting units by priority, then age, never beyond the units it brought. Each filled unit becomes
 *     an ordinary reservation for the order at the receipt's location, under {@link #reservationKey}, so sourcing and
 *     fulfilment proceed as for any reserved order. A fill whose reservation is refused (the arrived units were sold
 *     to someone else in between) waits again.</li>
 * <li>Retry-safe: placing an id again replays the first answer; booking a receipt again fills nothing more and
 *     re-reserves under the same keys (which replay). Either publishes its events again under the same event ids, so
 *     that a failure before the first publish loses none (at least once; consumers drop repeats by id).</li>
 * <li>When the waiting units of a backorder become due later (an inbound was moved later or cancelled), a
 *     {@link BackorderEvent.SupplyDateMoved} is published; the {@code Notifier} turns it into a message.</li>
 * </ul>
 */
public final class Backorders {

    private final InventoryStore inventory;
    private final BackorderBook book;
    private final BackorderPolicy policy;
    private final Clock clock;
    private final EventPublisher publisher;
    private final ConcurrentHashMap<String, Object> scheduling = new ConcurrentHashMap<>();
    private final FillTarget target;

    private Backorders(Builder b) {
        this(b.inventory, b.book, b.policy, b.clock, b.publisher, null);
    }

    private Backorders(InventoryStore inventory, BackorderBook book, BackorderPolicy policy, Clock clock,
                       EventPublisher publisher, FillTarget target) {
        this.inventory = inventory;
        this.book = book;
        this.policy = policy;
        this.clock = clock;
        this.publisher = publisher;
        this.target = target;
    }

    /**
     * Where filled units go and dates are told, when the service is joined to an {@link Oms}: the order's own
     * reservation and lines instead of a reservation of their own.
     */
    interface FillTarget {
        /** Holds the units of {@code fill} for its order, or says why not. */
        HoldAnswer hold(BackorderFill fill, Backorder backorder);

        /** The waiting units of {@code backorder} are expected at a new time (or none). */
        void expected(Backorder backorder);

        /** The units of {@code fill} could not be held and wait again (their fill was reopened). */
        void refused(BackorderFill fill, Backorder backorder);
    }

    /**
     * What became of the units of a fill offered to their order: held; waiting again (the order cannot take them
     * now); or given up, because the order cancelled units of the line while the receipt filled them, so that they
     * go to the backorders behind.
     *
     * @param cancelledTotal when given up, the units of the order line cancelled while waiting, in all; else -1
     */
    record HoldAnswer(boolean held, int cancelledTotal) {
        static final HoldAnswer HELD = new HoldAnswer(true, -1);
        static final HoldAnswer WAIT_AGAIN = new HoldAnswer(false, -1);

        static HoldAnswer givenUp(int cancelledTotal) {
            return new HoldAnswer(false, Math.max(0, cancelledTotal));
        }

        boolean givenUp() {
            return !held && cancelledTotal >= 0;
        }
    }

    /** The same service with fills and dates going to {@code fillTarget}. */
    Backorders joinedTo(FillTarget fillTarget) {
        return new Backorders(inventory, book, policy, clock, publisher, fillTarget);
    }

    /** The policy deciding what may be sold beyond stock. */
    public BackorderPolicy policy() {
        return policy;
    }

    /**
     * Cancels waiting units of backorder {@code id} so that {@code total} of its units are cancelled in all (units
     * already filled stay filled); their place in the queue goes to the backorders behind. Idempotent.
     *
     * @return the backorder after the change; empty when unknown
     * @throws ValidationException when {@code total} is negative, before anything changes
     */
    public Optional<Backorder> cancel(BackorderId id, int total) {
        Checks.notNull(id, "id");
        if (total < 0) {
            throw new ValidationException("backorder cancellation", List.of(new Problem("total", String.valueOf(total),
                    "must be at least 0")));
        }
        Optional<Backorder> after = book.cancel(id, total);
        after.ifPresent(b -> schedule(b.sku(), b.location()));
        return after;
    }

    /** A builder; inventory, book and clock are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Places units of an order line to wait for supply at the request's location: as a pre-order when announced
     * inbound covers them (with the date it is expected), else as a backorder within the limit.
     *
     * @return accepted with the backorder and its expected date, or refused when the terms do not allow it or the
     *         units do not fit
     * @throws io.omskit.core.spi.SpiException on infrastructure failure; placing again finishes the work
     */
    public BackorderResult place(BackorderRequest request) {
        Checks.notNull(request, "request");
        Optional<Backorder> known = book.find(request.id());
        if (known.isPresent()) {
            finishPlacing(known.get());
            return new BackorderResult.Accepted(book.find(request.id()).orElse(known.get()), true);
        }
        SupplyTerms terms = policy.terms(request.sku(), request.location());
        if (terms.sellsOnlyStock()) {
            return new BackorderResult.Refused(request.sku(), request.location(), request.quantity(), 0,
                    request.sku() + " sells only stock on hand at " + request.location());
        }
        Instant now = clock.instant();
        while (true) {
            long seen = book.receipts(request.sku(), request.location());
            long announced = inbound(request.sku(), request.location()).stream().mapToLong(InboundSupply::quantity).sum();
            Backorder candidate = new Backorder(request.id(), request.order(), request.line(), request.sku(),
                    request.location(), request.quantity(), 0, request.priority(), now, 0, SupplyKind.BACKORDER, null);
            Optional<BackorderResult> answer = book.place(candidate, terms.room(announced), seen);
            if (answer.isEmpty()) {
                continue;
            }
            if (answer.get() instanceof BackorderResult.Accepted a) {
                finishPlacing(a.backorder());
                return new BackorderResult.Accepted(book.find(request.id()).orElse(a.backorder()), a.replayed());
            }
            return answer.get();
        }
    }

    /**
     * Fills waiting units from a booked receipt of inbound supply and reserves them for their orders. Units whose
     * order cancelled them while they were being filled go on to the backorders behind, by priority then age (on
     * whichever node the cancellation ran), never beyond what arrived.
     *
     * @param receipt an {@link MovementReason#INBOUND_RECEIVED} movement the inventory store recorded
     * @return the fills now held by reservations, in fill order
     * @throws ValidationException when {@code receipt} is null or of another reason, before anything changes
     * @throws io.omskit.core.spi.SpiException on infrastructure failure; booking again finishes the work
     */
    public List<BackorderFill> receiptBooked(StockMovement receipt) {
        if (receipt == null || receipt.reason() != MovementReason.INBOUND_RECEIVED) {
            throw new ValidationException("backorder fill", List.of(new Problem("receipt.reason",
                    receipt == null ? null : String.valueOf(receipt.reason()),
                    "must be a movement of " + MovementReason.INBOUND_RECEIVED)));
        }
        List<BackorderFill> held = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        Instant now = clock.instant();
        java.util.Deque<BackorderFill> toHold = new java.util.ArrayDeque<>(
                book.fill(receipt.key(), receipt.sku(), receipt.location(), receipt.quantity()));
        BackorderFill f;
        while ((f = toHold.poll()) != null) {
            BackorderFill fill = f;
            ReservationKey key = reservationKey(f);
            HoldAnswer answer;
            if (target != null) {
                answer = book.find(f.backorder()).map(b -> target.hold(fill, b)).orElse(HoldAnswer.WAIT_AGAIN);
            } else {
                answer = inventory.reserve(new ReservationRequest(key, f.order().value(),
                        List.of(ReservationLine.at(f.sku(), f.location(), f.units())), null)).isReserved()
                        ? HoldAnswer.HELD : HoldAnswer.WAIT_AGAIN;
            }
            if (answer.givenUp()) {
                // a replay of the receipt answers with these fills too, so a retry holds them
                toHold.addAll(book.passOn(f, answer.cancelledTotal()));
            } else if (answer.held()) {
                held.add(f);
                // published again when the receipt is booked again, under the same id: a crash before the first
                // publish loses nothing, and consumers drop the repeat
                events.add(new BackorderEvent.BackorderFilled(eventId("filled", key.value()), now, f.order(), f, key));
            } else {
                book.reopen(f);
                if (target != null) {
                    book.find(f.backorder()).ifPresent(b -> target.refused(fill, b));
                }
            }
        }
        publish(events);
        schedule(receipt.sku(), receipt.location());
        return held;
    }

    /**
     * Dates the waiting units of {@code sku} at {@code location} again from the inbound supply announced there now.
     * Call it when an inbound was moved or cancelled (a receipt and a placement do it themselves).
     *
     * @return the slips found: one event per backorder now expected later or without a date, also published
     */
    public List<BackorderEvent.SupplyDateMoved> supplyChanged(Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        return schedule(sku, location);
    }

    /** Every backorder of {@code order}: which units of which line wait for supply, and until when. */
    public List<Backorder> forOrder(OrderId order) {
        return book.forOrder(Checks.notNull(order, "order"));
    }

    /** The backorder with {@code id}; empty when never placed. */
    public Optional<Backorder> find(BackorderId id) {
        return book.find(Checks.notNull(id, "id"));
    }

    /** Units of {@code sku} waiting for supply anywhere (what ATP must not promise twice). */
    public int waiting(Sku sku) {
        return book.waitingUnits(Checks.notNull(sku, "sku"));
    }

    /** The key of the reservation that holds the units of {@code fill} for its order. */
    public static ReservationKey reservationKey(BackorderFill fill) {
        String text = fill.backorder().value() + '\u0000' + fill.receipt().value();
        return ReservationKey.of("bo-" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes the placing (again, under the same id, on a retry) and dates the waiting units. */
    private void finishPlacing(Backorder b) {
        publish(List.of(new BackorderEvent.BackorderPlaced(eventId("placed", b.id().value()), b.placedAt(), b.order(), b)));
        schedule(b.sku(), b.location());
    }

    private List<BackorderEvent.SupplyDateMoved> schedule(Sku sku, LocationId location) {
        Object lock = scheduling.computeIfAbsent(sku.value() + '\u0000' + location.value(), k -> new Object());
        List<BackorderEvent.SupplyDateMoved> slips = new ArrayList<>();
        synchronized (lock) {
            List<InboundSupply> supply = inbound(sku, location);
            Instant now = clock.instant();
            long covered = 0;
            int next = 0;
            long cumulative = 0;
            for (Backorder b : book.waiting(sku, location)) {
                cumulative += b.waiting();
                while (next < supply.size() && covered < cumulative) {
                    covered += supply.get(next++).quantity();
                }
                boolean coveredNow = covered >= cumulative && next > 0;
                SupplyKind kind = coveredNow ? SupplyKind.PREORDER : SupplyKind.BACKORDER;
                Instant expected = coveredNow ? supply.get(next - 1).eta() : null;
                if (kind == b.kind() && java.util.Objects.equals(expected, b.expectedAt())) {
                    continue;
                }
                Optional<Backorder> now1 = book.expect(b.id(), kind, expected);
                if (target != null) {
                    now1.ifPresent(target::expected);
                }
                boolean slipped = b.expectedAt() != null && (expected == null || expected.isAfter(b.expectedAt()));
                if (slipped) {
                    slips.add(new BackorderEvent.SupplyDateMoved(
                            eventId("slip", b.id().value() + '\u0000' + b.expectedAt() + '\u0000' + expected), now,
                            b.order(), b.id(), sku, location, b.expectedAt(), expected));
                }
            }
        }
        publish(slips);
        return slips;
    }

    private List<InboundSupply> inbound(Sku sku, LocationId location) {
        return inventory.inbound(sku).stream().filter(s -> s.location().equals(location)).toList();
    }

    private void publish(List<? extends DomainEvent> events) {
        if (!events.isEmpty() && publisher != null) {
            publisher.publish(events);
        }
    }

    private static UUID eventId(String kind, String identity) {
        return UUID.nameUUIDFromBytes(("backorder-" + kind + '\u0000' + identity).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds {@link Backorders}. Not thread-safe. */
    public static final class Builder {
        private InventoryStore inventory;
        private BackorderBook book;
        private BackorderPolicy policy = BackorderPolicy.none();
        private Clock clock;
        private EventPublisher publisher;

        private Builder() {
        }

        /** The stock whose inbound supply backorders wait for and where filled units are reserved. Required. */
        public Builder inventory(InventoryStore inventory) {
            this.inventory = Checks.notNull(inventory, "inventory");
            return this;
        }

        /** Where waiting units are kept. Required. */
        public Builder book(BackorderBook book) {
            this.book = Checks.notNull(book, "book");
            return this;
        }

        /** Which SKUs and locations may sell beyond stock; {@link BackorderPolicy#none()} by default. */
        public Builder policy(BackorderPolicy policy) {
            this.policy = Checks.notNull(policy, "policy");
            return this;
        }

        /** The clock stamping backorders and events. Required. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Receives the {@link BackorderEvent}s (a {@code Notifier} among them); none by default. */
        public Builder publisher(EventPublisher publisher) {
            this.publisher = Checks.notNull(publisher, "publisher");
            return this;
        }

        /** The service. @throws NullPointerException when inventory, book or clock is missing */
        public Backorders build() {
            Checks.notNull(inventory, "inventory");
            Checks.notNull(book, "book");
            Checks.notNull(clock, "clock");
            return new Backorders(this);
        }
    }
}
