package io.omskit.core.order;

import io.omskit.core.event.EventIds;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderOrder;
import io.omskit.core.payment.TenderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An order: immutable. Every command returns a {@link Change} holding the new order (with its
 * version one higher) and the events it raised; the order it was called on is left as it was.
 * The customer-visible {@link #status()} is derived from the lines' units, the payment and the hold.
 *
 * @param id          identity
 * @param version     1 when placed, one more after every command that changed it
 * @param channel     where it was taken
 * @param externalRef the channel's order number; unique per channel
 * @param customer    the host's customer reference
 * @param currency    the one currency of every amount of the order
 * @param delivery    how the customer receives it
 * @param lines       at least one line, ids unique
 * @param discounts   order-level discounts
 * @param charges     order-level charges such as shipping
 * @param paymentRef  the host's tokenised payment method, passed to the payment gateway; never card data. On an order
 *                    paid with several tenders, the ref of the last one charged (the one that pays the rest)
 * @param payment     payment state
 * @param hold        the current hold; null when not on hold
 * @param placedAt    when it was placed
 * @param confirmedAt when payment was secured; null before
 * @param allocations where allocated and ready units are held, per line and allocation; consistent with the units
 * @param commandKeys the keys of the keyed commands applied so far (shipments, keyed cancellations and allocations,
 *                    payment calls), so that a retry of one of them is recognised
 * @param pendingEvents the events of the change that produced this version, kept with it so that they are published
 *                    at least once even when the process stops between saving and publishing (see
 *                    {@link io.omskit.core.Oms}); empty when the repository keeps them in an outbox
 * @param shipping    shipments recorded on the order whose stock movements may not have been made yet
 * @param notes       notes customer service added, oldest first ({@link #addNote})
 */
public record Order(OrderId id, long version, Channel channel, ExternalOrderRef externalRef, CustomerRef customer,
                    CurrencyUnit currency, DeliveryChoice delivery, List<OrderLine> lines, List<Adjustment> discounts,
                    List<Adjustment> charges, String paymentRef, PaymentSummary payment, Hold hold, Instant placedAt,
                    Instant confirmedAt, List<LineAllocation> allocations, List<CommandKey> commandKeys,
                    List<OrderEvent> pendingEvents, List<ShipmentIntent> shipping, List<OrderNote> notes) {

    public Order {
        Checks.notNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Checks.notNull(channel, "channel");
        Checks.notNull(externalRef, "externalRef");
        Checks.notNull(customer, "customer");
        Checks.notNull(currency, "currency");
        Checks.notNull(delivery, "delivery");
        lines = List.copyOf(Checks.notNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
        // every command rebuilds the order: a few lines are compared with each other faster than they are hashed
        Set<LineId> ids = lines.size() <= FEW_LINES ? null : new HashSet<>();
        for (int x = 0; x < lines.size(); x++) {
            OrderLine line = lines.get(x);
            if (ids != null ? !ids.add(line.id()) : indexOf(lines, line.id()) < x) {
                throw new IllegalArgumentException("lines must have unique ids, " + line.id() + " appears twice");
            }
            if (!line.unitPrice().getCurrencyUnit().equals(currency)) {
                throw new IllegalArgumentException("line " + line.id() + " must be priced in " + currency + ", was " + line.unitPrice());
            }
        }
        discounts = List.copyOf(Checks.notNull(discounts, "discounts"));
        charges = List.copyOf(Checks.notNull(charges, "charges"));
        // indexed loops here and below: every command rebuilds the order, and the iterators were not optimised away
        for (int i = 0; i < discounts.size(); i++) {
            requireCurrency(discounts.get(i), currency, "discounts");
        }
        for (int i = 0; i < charges.size(); i++) {
            requireCurrency(charges.get(i), currency, "charges");
        }
        paymentRef = paymentRef == null ? "" : paymentRef;
        Checks.notNull(payment, "payment");
        Checks.notNull(placedAt, "placedAt");
        allocations = List.copyOf(Checks.notNull(allocations, "allocations"));
        for (int x = 0; x < lines.size(); x++) {
            OrderLine line = lines.get(x);
            int allocated = 0;
            int ready = 0;
            for (int i = 0; i < allocations.size(); i++) {
                LineAllocation a = allocations.get(i);
                if (a.line().equals(line.id())) {
                    allocated += a.allocated();
                    ready += a.ready();
                }
            }
            if (allocated != line.units().allocated() || ready != line.units().ready()) {
                throw new IllegalArgumentException("allocations of line " + line.id() + " must hold its " + line.units().allocated()
                        + " allocated and " + line.units().ready() + " ready units, hold " + allocated + " and " + ready);
            }
        }
        for (int i = 0; i < allocations.size(); i++) {
            LineAllocation a = allocations.get(i);
            if (ids != null ? !ids.contains(a.line()) : indexOf(lines, a.line()) < 0) {
                throw new IllegalArgumentException("allocation " + a.allocationKey() + " refers to unknown line " + a.line());
            }
        }
        // null reads as none: documents written before these fields existed
        commandKeys = commandKeys == null ? List.of() : List.copyOf(commandKeys);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
        shipping = shipping == null ? List.of() : List.copyOf(shipping);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An order without notes; the other components as in the canonical constructor. */
    public Order(OrderId id, long version, Channel channel, ExternalOrderRef externalRef, CustomerRef customer,
                 CurrencyUnit currency, DeliveryChoice delivery, List<OrderLine> lines, List<Adjustment> discounts,
                 List<Adjustment> charges, String paymentRef, PaymentSummary payment, Hold hold, Instant placedAt,
                 Instant confirmedAt, List<LineAllocation> allocations, List<CommandKey> commandKeys,
                 List<OrderEvent> pendingEvents, List<ShipmentIntent> shipping) {
        this(id, version, channel, externalRef, customer, currency, delivery, lines, discounts, charges, paymentRef, payment,
                hold, placedAt, confirmedAt, allocations, commandKeys, pendingEvents, shipping, List.of());
    }

    private static final int FEW_LINES = 16;

    private static void requireCurrency(Adjustment a, CurrencyUnit currency, String field) {
        // the sign of the exact amount: comparing Money with zero builds a BigDecimal comparison on every command
        if (!a.amount().getCurrencyUnit().equals(currency) || a.amount().getAmount().signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 in " + currency + ", was " + a.code() + " " + a.amount());
        }
    }

    /**
     * Creates a newly placed order from a request that {@link OrderValidator} accepted.
     *
     * @throws IllegalArgumentException when the request breaks an invariant of the order
     */
    public static Change<Order, OrderEvent> place(OrderId id, PlaceOrderRequest request, Instant now) {
        return place(id, request, TenderOrder.DEFAULT, AuthorisationTolerance.NONE, now);
    }

    /**
     * Creates a newly placed order from a request that {@link OrderValidator} accepted, its tenders (if any) charged
     * and refunded in {@code tenderOrder}, authorised up to the request's tolerance or else {@code channelTolerance}
     * above the total.
     *
     * @throws IllegalArgumentException when the request breaks an invariant of the order
     */
    public static Change<Order, OrderEvent> place(OrderId id, PlaceOrderRequest request, TenderOrder tenderOrder,
                                                  AuthorisationTolerance channelTolerance, Instant now) {
        Checks.notNull(tenderOrder, "tenderOrder");
        Checks.notNull(channelTolerance, "channelTolerance");
        List<OrderLine> lines = new ArrayList<>(request.lines().size());
        for (LineRequest l : request.lines()) {
            lines.add(new OrderLine(l.id(), l.sku(), l.quantity(), l.unitPrice(), l.discounts(), l.seller(),
                    UnitCounts.allOpen(l.quantity())));
        }
        Order order = new Order(id, 1, request.channel(), request.externalRef(), request.customer(), request.currency(),
                request.delivery(), lines, request.discounts(), request.charges(), request.paymentRef(),
                PaymentSummary.none(request.currency()), null, now, null, List.of(), List.of(), List.of(), List.of(), List.of());
        AuthorisationTolerance tolerance = request.authorisationTolerance() != null ? request.authorisationTolerance() : channelTolerance;
        List<Tender> tenders = tenderOrder.plan(request.tenders(), request.paymentRef(), order.total(), tolerance);
        if (!tenders.isEmpty()) {
            order = new Order(id, 1, request.channel(), request.externalRef(), request.customer(), request.currency(),
                    request.delivery(), lines, request.discounts(), request.charges(), tenders.get(tenders.size() - 1).paymentRef(),
                    PaymentSummary.none(request.currency(), tenders), null, now, null, List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        return new Change<>(order, List.of(new OrderEvent.OrderPlaced(EventIds.next(), id, 1, now, order)));
    }

    // ---- derived values ----

    /**
     * The customer-visible status, derived from the units, the payment and the hold; after allocation the units are
     * moved only by the order's fulfilments, so it follows them. On hold wins; then cancelled (every unit), awaiting
     * confirmation (payment not secured); then the part of the order furthest from the customer decides: units sold
     * beyond stock and awaiting inbound supply make it awaiting stock (whatever the other units do), units waiting
     * for stock make it confirmed (partially cancelled when some units were cancelled), units a fulfilment is offering,
     * picking or carrying to the pickup store make it in preparation, ready units ready for pickup (a pickup order: the
     * goods are at the pickup store) or ready to ship; then shipped, returned (every unit not cancelled), partially returned
     * (some), picked up and delivered. So an order with one parcel shipped and one part ready for pickup is ready for pickup. Each
     * fulfilment's own status is its {@code Fulfilment.status()}.
     */
    public OrderStatus status() {
        if (hold != null) {
            return OrderStatus.ON_HOLD;
        }
        int quantity = 0;
        int awaitingStock = 0;
        int waiting = 0;
        int allocated = 0;
        int ready = 0;
        int shipped = 0;
        int pickedUp = 0;
        int cancelled = 0;
        int returned = 0;
        for (OrderLine line : lines) {
            UnitCounts u = line.units();
            quantity += line.quantity();
            awaitingStock += u.awaitingStock();
            waiting += u.open() + u.reserved();
            allocated += u.allocated();
            ready += u.ready();
            shipped += u.shipped();
            pickedUp += u.pickedUp();
            cancelled += u.cancelled();
            returned += u.returned();
        }
        if (cancelled == quantity) {
            return OrderStatus.CANCELLED;
        }
        if (confirmedAt == null) {
            return OrderStatus.AWAITING_CONFIRMATION;
        }
        if (awaitingStock > 0) {
            return OrderStatus.AWAITING_STOCK;
        }
        if (waiting > 0) {
            return cancelled > 0 ? OrderStatus.PARTIALLY_CANCELLED : OrderStatus.CONFIRMED;
        }
        if (allocated > 0) {
            return OrderStatus.IN_PREPARATION;
        }
        if (ready > 0) {
            return delivery.method().isPickup() ? OrderStatus.READY_FOR_PICKUP : OrderStatus.READY_TO_SHIP;
        }
        if (shipped > 0) {
            return OrderStatus.SHIPPED;
        }
        if (returned == quantity - cancelled) {
            return OrderStatus.RETURNED;
        }
        if (returned > 0) {
            return OrderStatus.PARTIALLY_RETURNED;
        }
        return pickedUp > 0 ? OrderStatus.PICKED_UP : OrderStatus.DELIVERED;
    }

    /** The line with {@code lineId}. */
    public Optional<OrderLine> line(LineId lineId) {
        for (OrderLine l : lines) {
            if (l.id().equals(lineId)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Units of the whole order in {@code state}. */
    public int units(UnitState state) {
        int n = 0;
        for (OrderLine l : lines) {
            n += l.units().get(state);
        }
        return n;
    }

    /** Sum of the line totals (after line discounts). */
    public Money linesTotal() {
        Money sum = Money.zero(currency);
        for (OrderLine l : lines) {
            sum = sum.plus(l.total());
        }
        return sum;
    }

    /** What the customer pays: lines total minus order discounts plus charges, never below zero. */
    public Money total() {
        Money sum = linesTotal();
        for (Adjustment d : discounts) {
            sum = sum.minus(d.amount());
        }
        for (Adjustment c : charges) {
            sum = sum.plus(c.amount());
        }
        return sum.isNegative() ? Money.zero(currency) : sum;
    }

    /**
     * What the customer keeps buying: the units not cancelled at what they were paid net of every discount
     * ({@link PaidPerUnit}), with the order's charges while any unit is not cancelled. The total when nothing is
     * cancelled, zero when everything is.
     */
    public Money valueNotCancelled() {
        if (units(UnitState.CANCELLED) == 0) {
            return total();
        }
        Money zero = Money.zero(currency);
        int quantity = 0;
        for (OrderLine l : lines) {
            quantity += l.quantity();
        }
        if (units(UnitState.CANCELLED) == quantity) {
            return zero;
        }
        PaidPerUnit paid = PaidPerUnit.of(this);
        Money value = total();
        for (OrderLine l : lines) {
            if (l.units().cancelled() > 0) {
                value = value.minus(paid.cancelledGoods(l.id(), l.units().cancelled()));
            }
        }
        return value.isNegative() ? zero : value;
    }

    /**
     * What the customer still owes or is owed now, after cancellations, captures and refunds: see {@link Balance}.
     * Refunds up to what the returned units were paid settle those units (so they change nothing, and whatever fees
     * a return kept back stay charged); refunds beyond that pay back what was captured.
     */
    public Balance balance() {
        Money refunded = payment.refunded();
        Money forReturns = returnedValue();
        Money settled = refunded.isGreaterThan(forReturns) ? forReturns : refunded;
        return new Balance(valueNotCancelled().minus(settled), payment.captured().minus(refunded), payment.authorised());
    }

    /**
     * What the returned units were paid: their goods net of every discount and their share of the order's charges, all
     * of the charges once every unit not cancelled is returned ({@link PaidPerUnit}, units counted from the start of
     * each line as refunds count them). The most a return's refunds can pay back.
     */
    public Money returnedValue() {
        int returned = units(UnitState.RETURNED);
        if (returned == 0) {
            return Money.zero(currency);
        }
        PaidPerUnit paid = PaidPerUnit.of(this);
        Money value = Money.zero(currency);
        Money charges = Money.zero(currency);
        int notCancelled = 0;
        for (OrderLine l : lines) {
            notCancelled += l.quantity() - l.units().cancelled();
            if (l.units().returned() > 0) {
                value = value.plus(paid.goods(l.id(), 0, l.units().returned()));
                charges = charges.plus(paid.charges(l.id(), 0, l.units().returned()));
            }
        }
        return value.plus(returned == notCancelled ? paid.chargesTotal() : charges);
    }

    /** What the customer still owes: {@code balance().due()}. */
    public Money balanceDue() {
        return balance().due();
    }

    /** What the customer is owed back: {@code balance().credit()}. */
    public Money creditOwed() {
        return balance().credit();
    }

    /**
     * The tenders the order is paid with, in the order they are charged: its several tenders, or else one view of its
     * single payment (id {@value #SINGLE_PAYMENT}, type {@link TenderType#OTHER}, the whole total); empty when the
     * channel collected the payment.
     */
    public List<Tender> tenders() {
        if (payment.hasTenders()) {
            return payment.tenders();
        }
        if (paymentRef.isEmpty()) {
            return List.of();
        }
        return List.of(new Tender(SINGLE_PAYMENT, TenderType.OTHER, paymentRef, total(), Money.zero(currency), 0, payment.status(),
                payment.authorisationRef(), payment.authorised(), payment.captured(), payment.refunded(), payment.message()));
    }

    /** The id {@link #tenders()} gives the single payment of an order paid without several tenders. */
    public static final String SINGLE_PAYMENT = "payment";

    /** Whether the command keyed {@code key} was applied to this order. */
    public boolean applied(CommandKey key) {
        return commandKeys.contains(key);
    }

    /** Whether no unit waits for stock any more: none open, reserved, allocated or ready. */
    public boolean needsNoStock() {
        return units(UnitState.OPEN) + units(UnitState.RESERVED) + units(UnitState.ALLOCATED) + units(UnitState.READY)
                + units(UnitState.AWAITING_STOCK) == 0;
    }

    /**
     * This version with {@code events} as the events of the change that produced it (see {@link #pendingEvents()});
     * the version stays the same. The workflows call it just before saving.
     */
    public Order withPendingEvents(List<? extends OrderEvent> events) {
        return new Order(id, version, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.copyOf(events), shipping, notes);
    }

    /**
     * This order with the command keyed {@code key} marked as applied; the version stays the same. Used inside a
     * change: {@code order.ship(...).then(o -> Change.unchanged(o.withCommandKey(key)))}.
     */
    public Order withCommandKey(CommandKey key) {
        Checks.notNull(key, "key");
        if (commandKeys.contains(key)) {
            return this;
        }
        return new Order(id, version, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, appended(commandKeys, key), pendingEvents,
                shipping, notes);
    }

    /** {@code list} with {@code element} at its end, immutable, built with one copy (every command rebuilds it). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> appended(List<T> list, T element) {
        Object[] all = list.toArray(new Object[list.size() + 1]);
        all[list.size()] = element;
        return (List<T>) List.of(all);
    }

    /** This order with {@code intent} recorded among its shipments in progress; the version stays the same. */
    public Order withShipping(ShipmentIntent intent) {
        Checks.notNull(intent, "intent");
        List<ShipmentIntent> more = new ArrayList<>(shipping);
        more.add(intent);
        return new Order(id, version, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, pendingEvents, more, notes);
    }

    /** This order with no shipment in progress (their stock movements were made); the version stays the same. */
    public Order withoutShipping() {
        return shipping.isEmpty() ? this : new Order(id, version, channel, externalRef, customer, currency, delivery, lines,
                discounts, charges, paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, pendingEvents, List.of(), notes);
    }

    /** Whether the order is on hold. */
    public boolean isOnHold() {
        return hold != null;
    }

    // ---- commands ----

    /** Holds stock in the network for every open unit. */
    public Change<Order, OrderEvent> reserveAll(Instant now) {
        return moveAll(OrderCommand.RESERVE, UnitState.OPEN, UnitState.RESERVED, "", null, now);
    }

    /** Holds stock for the given open units. */
    public Change<Order, OrderEvent> reserve(List<LineQuantity> quantities, Instant now) {
        return move(OrderCommand.RESERVE, quantities, List.of(UnitState.OPEN), UnitState.RESERVED, null, "", null, now);
    }

    /**
     * Open units of {@code line} sold beyond stock: they await inbound supply at the backorder's location, promised as
     * {@code backorder} says. The line's units already awaiting stock are kept (their backorder is replaced).
     *
     * @throws IllegalArgumentException naming the line when it is unknown, has fewer open units than
     *                                  {@code backorder.quantity() - backorder.filled()}, or already awaits stock
     */
    public Change<Order, OrderEvent> awaitStock(LineId line, LineBackorder backorder, Instant now) {
        Checks.notNull(line, "line");
        Checks.notNull(backorder, "backorder");
        require(OrderCommand.RESERVE, null);
        int index = indexOf(lines, line);
        if (index < 0) {
            throw new IllegalArgumentException("line " + line + " is not a line of order " + id);
        }
        OrderLine l = lines.get(index);
        int units = backorder.quantity() - backorder.filled();
        if (l.backorder() != null || l.units().open() < units || units < 1) {
            throw new IllegalArgumentException("line " + line + " of order " + id + " cannot await " + units
                    + " unit(s): it has " + l.units().open() + " open" + (l.backorder() == null ? "" : " and a backorder already"));
        }
        List<OrderLine> newLines = new ArrayList<>(lines);
        newLines.set(index, l.withBackorder(l.units().move(UnitState.OPEN, UnitState.AWAITING_STOCK, units), backorder));
        Order next = withLines(newLines);
        return withStatusEvent(next, new OrderEvent.OrderUnitsBackordered(EventIds.next(), id, next.version, now,
                List.of(new UnitMove(line, UnitState.OPEN, UnitState.AWAITING_STOCK, units)), backorder.location().value()), now);
    }

    /**
     * {@code units} of {@code line} awaiting stock arrived and are held for the order now: they become reserved.
     * Allowed in every status with units awaiting stock (a receipt is a fact), on hold too.
     *
     * @throws IllegalArgumentException naming the line when it is unknown or has fewer units awaiting stock
     */
    public Change<Order, OrderEvent> fillBackorder(LineId line, int units, String reference, Instant now) {
        Checks.notNull(line, "line");
        Checks.positive(units, "units");
        int index = indexOf(lines, line);
        if (index < 0 || lines.get(index).units().awaitingStock() < units) {
            throw new IllegalArgumentException("line " + line + " of order " + id + " has "
                    + (index < 0 ? "no" : String.valueOf(lines.get(index).units().awaitingStock()))
                    + " unit(s) awaiting stock, " + units + " filled");
        }
        OrderLine l = lines.get(index);
        List<OrderLine> newLines = new ArrayList<>(lines);
        newLines.set(index, l.withBackorder(l.units().move(UnitState.AWAITING_STOCK, UnitState.RESERVED, units),
                l.backorder().filledMore(units)));
        Order next = withLines(newLines);
        return withStatusEvent(next, new OrderEvent.OrderBackorderFilled(EventIds.next(), id, next.version, now,
                List.of(new UnitMove(line, UnitState.AWAITING_STOCK, UnitState.RESERVED, units)),
                reference == null ? "" : reference), now);
    }

    /**
     * The units of {@code line} awaiting stock are now sold against {@code preorder} supply expected at
     * {@code expectedAt} (null: none announced), promised by {@code promisedBy}. Unchanged when they were already.
     *
     * @throws IllegalArgumentException naming the line when it is unknown or was not backordered
     */
    public Change<Order, OrderEvent> expectStock(LineId line, boolean preorder, Instant expectedAt, Instant promisedBy,
                                                 Instant now) {
        Checks.notNull(line, "line");
        int index = indexOf(lines, line);
        if (index < 0 || lines.get(index).backorder() == null) {
            throw new IllegalArgumentException("line " + line + " of order " + id + " was not backordered");
        }
        OrderLine l = lines.get(index);
        LineBackorder moved = l.backorder().expected(preorder, expectedAt, promisedBy);
        if (moved.equals(l.backorder())) {
            return Change.unchanged(this);
        }
        List<OrderLine> newLines = new ArrayList<>(lines);
        newLines.set(index, l.withBackorder(l.units(), moved));
        Order next = withLines(newLines);
        return new Change<>(next, List.of(new OrderEvent.OrderSupplyDateChanged(EventIds.next(), id, next.version, now, line,
                l.backorder().promisedBy(), moved)));
    }

    private Order withLines(List<OrderLine> newLines) {
        return new Order(id, version + 1, channel, externalRef, customer, currency, delivery, newLines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping, notes);
    }

    /** Lets go of the stock held for every reserved unit; the units become open again. */
    public Change<Order, OrderEvent> releaseAllReservations(Instant now) {
        return moveAll(OrderCommand.RELEASE_RESERVATION, UnitState.RESERVED, UnitState.OPEN, "", null, now);
    }

    /** Lets go of the stock held for the given reserved units. */
    public Change<Order, OrderEvent> releaseReservation(List<LineQuantity> quantities, Instant now) {
        return move(OrderCommand.RELEASE_RESERVATION, quantities, List.of(UnitState.RESERVED), UnitState.OPEN, null, "", null, now);
    }

    /**
     * Allocates reserved (or else open) units at {@code location} under {@code allocationKey}, which is also the key
     * of the matching inventory allocation.
     */
    public Change<Order, OrderEvent> allocate(LocationId location, String allocationKey, List<LineQuantity> quantities,
                                              Instant now) {
        return allocate(location, allocationKey, allocationKey, quantities, now);
    }

    /**
     * Allocates reserved (or else open) units at {@code location} as the fulfilment {@code allocationKey}, whose stock
     * is held by the inventory allocation {@code inventoryKey} (which may span several locations).
     */
    public Change<Order, OrderEvent> allocate(LocationId location, String allocationKey, String inventoryKey,
                                              List<LineQuantity> quantities, Instant now) {
        return allocate(location, allocationKey, inventoryKey, quantities, false, now);
    }

    /**
     * As {@link #allocate(LocationId, String, String, List, Instant)}, taking open units before reserved ones when
     * {@code openUnitsFirst}: for stock allocated fresh, without drawing on the order's reservation.
     */
    public Change<Order, OrderEvent> allocate(LocationId location, String allocationKey, String inventoryKey,
                                              List<LineQuantity> quantities, boolean openUnitsFirst, Instant now) {
        Checks.notNull(location, "location");
        Checks.identifier(allocationKey, "allocationKey");
        Checks.identifier(inventoryKey, "inventoryKey");
        return move(OrderCommand.ALLOCATE, quantities, openUnitsFirst ? List.of(UnitState.OPEN, UnitState.RESERVED)
                        : List.of(UnitState.RESERVED, UnitState.OPEN), UnitState.ALLOCATED,
                new Target(location, allocationKey, inventoryKey), allocationKey, null, now);
    }

    /** Takes allocated (not yet ready) units of an allocation back to open, for instance after the location rejected them. */
    public Change<Order, OrderEvent> deallocate(String allocationKey, List<LineQuantity> quantities, Instant now) {
        return move(OrderCommand.DEALLOCATE, quantities, List.of(UnitState.ALLOCATED), UnitState.OPEN,
                new Target(null, allocationKey, null), allocationKey, null, now);
    }

    /** Records allocated units of an allocation as picked and packed. */
    public Change<Order, OrderEvent> markReady(String allocationKey, List<LineQuantity> quantities, Instant now) {
        return move(OrderCommand.MARK_READY, quantities, List.of(UnitState.ALLOCATED), UnitState.READY,
                new Target(null, allocationKey, null), allocationKey, null, now);
    }

    /** Records ready (or else allocated) units of an allocation as handed to the carrier; {@code shipmentRef} names the shipment. */
    public Change<Order, OrderEvent> ship(String allocationKey, List<LineQuantity> quantities, String shipmentRef, Instant now) {
        return move(OrderCommand.SHIP, quantities, List.of(UnitState.READY, UnitState.ALLOCATED), UnitState.SHIPPED,
                new Target(null, allocationKey, null), shipmentRef, null, now);
    }

    /** Records ready units of an allocation as collected by the customer. */
    public Change<Order, OrderEvent> pickUp(String allocationKey, List<LineQuantity> quantities, Instant now) {
        return move(OrderCommand.PICK_UP, quantities, List.of(UnitState.READY), UnitState.PICKED_UP,
                new Target(null, allocationKey, null), allocationKey, null, now);
    }

    /**
     * Cancels units the fulfilment {@code allocationKey} holds (allocated or ready), after the fulfilment itself was
     * cancelled or expired.
     */
    public Change<Order, OrderEvent> cancelHeld(String allocationKey, List<LineQuantity> quantities, CancellationReason reason,
                                                Instant now) {
        return cancelHeld(allocationKey, quantities, reason, Actor.SYSTEM, now);
    }

    /** {@link #cancelHeld(String, List, CancellationReason, Instant)} as {@code actor} asked: the event names them. */
    public Change<Order, OrderEvent> cancelHeld(String allocationKey, List<LineQuantity> quantities, CancellationReason reason,
                                                Actor actor, Instant now) {
        Checks.notNull(reason, "reason");
        return askedBy(move(OrderCommand.CANCEL, quantities, List.of(UnitState.ALLOCATED, UnitState.READY), UnitState.CANCELLED,
                new Target(null, allocationKey, null), allocationKey, reason, now), actor);
    }

    /** Records shipped units as delivered. */
    public Change<Order, OrderEvent> deliver(List<LineQuantity> quantities, String reference, Instant now) {
        return move(OrderCommand.DELIVER, quantities, List.of(UnitState.SHIPPED), UnitState.DELIVERED, null, reference, null, now);
    }

    /** Records delivered, collected or shipped units as returned. */
    public Change<Order, OrderEvent> returnUnits(List<LineQuantity> quantities, String reference, Instant now) {
        return move(OrderCommand.RETURN, quantities,
                List.of(UnitState.DELIVERED, UnitState.PICKED_UP, UnitState.SHIPPED), UnitState.RETURNED, null, reference, null,
                now);
    }

    /**
     * Cancels the given units that no fulfilment holds yet: open units go first, then reserved ones. Units a
     * fulfilment holds (allocated, ready) are cancelled through it ({@link #cancelHeld}), so that a cancellation and
     * the fulfilment's own steps (a collection, a shipment) never both take them. The event's moves say which units
     * moved, so the caller can release the matching stock.
     *
     * @throws IllegalTransitionException when the order's status does not allow cancelling or too few units are open or reserved
     */
    public Change<Order, OrderEvent> cancel(List<LineQuantity> quantities, CancellationReason reason, Instant now) {
        return cancel(quantities, reason, Actor.SYSTEM, now);
    }

    /** {@link #cancel(List, CancellationReason, Instant)} as {@code actor} asked: the event names them. */
    public Change<Order, OrderEvent> cancel(List<LineQuantity> quantities, CancellationReason reason, Actor actor, Instant now) {
        Checks.notNull(reason, "reason");
        Checks.notNull(actor, "actor");
        return askedBy(move(OrderCommand.CANCEL, quantities, CANCELLABLE, UnitState.CANCELLED, null, "", reason, now), actor);
    }

    /** {@code moved} with its cancellation event naming {@code actor}. */
    private static Change<Order, OrderEvent> askedBy(Change<Order, OrderEvent> moved, Actor actor) {
        Checks.notNull(actor, "actor");
        if (actor.equals(Actor.SYSTEM)) {
            return moved;
        }
        List<OrderEvent> events = new ArrayList<>(moved.events().size());
        for (OrderEvent e : moved.events()) {
            events.add(e instanceof OrderEvent.OrderUnitsCancelled c ? c.askedBy(actor) : e);
        }
        return new Change<>(moved.state(), events);
    }

    /** Cancels every unit no fulfilment holds yet (open and reserved). */
    public Change<Order, OrderEvent> cancelAll(CancellationReason reason, Instant now) {
        return cancelAll(reason, Actor.SYSTEM, now);
    }

    /** {@link #cancelAll(CancellationReason, Instant)} as {@code actor} asked: the event names them. */
    public Change<Order, OrderEvent> cancelAll(CancellationReason reason, Actor actor, Instant now) {
        Checks.notNull(reason, "reason");
        List<LineQuantity> all = new ArrayList<>();
        for (OrderLine l : lines) {
            int n = 0;
            for (UnitState s : CANCELLABLE) {
                n += l.units().get(s);
            }
            if (n > 0) {
                all.add(new LineQuantity(l.id(), n));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalTransitionException(id, status(), OrderCommand.CANCEL, "no open or reserved unit left to cancel");
        }
        return cancel(all, reason, actor, now);
    }

    /**
     * Edits the lines as {@code actor} asked: an added line gets its units reserved, a line given more units gets the
     * extra ones reserved (the caller has reserved their stock), a removed line or one given fewer units has the
     * difference cancelled from its open, then reserved units. Units a fulfilment holds are not cancelled here: cancel
     * them through the fulfilment first. Raises {@link OrderEvent.OrderLinesEdited} with what the order is worth
     * before and after, then {@link OrderEvent.OrderUnitsCancelled} for the units cancelled.
     *
     * @throws IllegalTransitionException when the order's status does not allow editing, or a line would need units
     *                                    cancelled that are not open or reserved
     * @throws IllegalArgumentException   when an added line's id is taken, its price is not in the order's currency or
     *                                    its quantity is not positive, or a changed line is unknown
     */
    public Change<Order, OrderEvent> editLines(Actor actor, List<LineEdit> edits, Instant now) {
        Checks.notNull(actor, "actor");
        Checks.notNull(now, "now");
        Checks.notNull(edits, "edits");
        require(OrderCommand.EDIT_LINES, null);
        List<OrderLine> newLines = new ArrayList<>(lines);
        List<LineQuantity> cancels = new ArrayList<>();
        for (LineEdit e : edits) {
            int at = indexOf(newLines, e.line());
            if (e.kind() == LineEdit.Kind.ADD) {
                if (at >= 0) {
                    throw new IllegalArgumentException("line " + e.line() + " is already a line of order " + id);
                }
                Checks.positive(e.quantity(), "quantity");
                newLines.add(new OrderLine(e.line(), e.sku(), e.quantity(), e.unitPrice(), List.of(), null,
                        UnitCounts.allOpen(e.quantity()).move(UnitState.OPEN, UnitState.RESERVED, e.quantity())));
                continue;
            }
            if (at < 0) {
                throw new IllegalArgumentException("line " + e.line() + " is not a line of order " + id);
            }
            OrderLine line = newLines.get(at);
            int more = e.target() - line.units().active();
            if (more > 0) {
                UnitCounts u = line.units();
                newLines.set(at, new OrderLine(line.id(), line.sku(), line.quantity() + more, line.unitPrice(), line.discounts(),
                        line.seller(), new UnitCounts(u.open(), u.reserved() + more, u.allocated(), u.ready(), u.shipped(),
                        u.pickedUp(), u.delivered(), u.cancelled(), u.returned())));
            } else if (more < 0) {
                cancels.add(LineQuantity.of(line.id(), -more));
            }
        }
        Order raised = new Order(id, version + 1, channel, externalRef, customer, currency, delivery, newLines, discounts,
                charges, paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping, notes);
        Change<Order, OrderEvent> change = cancels.isEmpty() ? Change.unchanged(raised)
                : askedBy(raised.move(OrderCommand.CANCEL, cancels, CANCELLABLE, UnitState.CANCELLED, null, "",
                CancellationReason.CUSTOMER_REQUEST, now), actor);
        Order after = change.state();
        OrderEvent edited = new OrderEvent.OrderLinesEdited(EventIds.next(), id, version + 1, now, actor, edits,
                valueNotCancelled(), after.valueNotCancelled());
        List<OrderEvent> events = new ArrayList<>();
        events.add(edited);
        for (OrderEvent e : change.events()) {
            if (!(e instanceof OrderEvent.OrderStatusChanged)) {
                events.add(e);
            }
        }
        Order next = after.version() == version + 1 ? after : new Order(id, version + 1, channel, externalRef, customer,
                currency, delivery, after.lines(), discounts, charges, paymentRef, payment, hold, placedAt, confirmedAt,
                after.allocations(), commandKeys, List.of(), shipping, notes);
        OrderStatus before = status();
        if (before != next.status()) {
            events.add(new OrderEvent.OrderStatusChanged(EventIds.next(), id, next.version, now, before, next.status()));
        }
        return new Change<>(next, events);
    }

    /** Marks payment as secured; the order is confirmed. */
    public Change<Order, OrderEvent> confirm(Instant now) {
        require(OrderCommand.CONFIRM, null);
        if (payment.status() != PaymentStatus.AUTHORISED && payment.status() != PaymentStatus.CAPTURED) {
            throw new IllegalTransitionException(id, status(), OrderCommand.CONFIRM, "payment is " + payment.status());
        }
        Order next = copy(payment, hold, now);
        return withStatusEvent(next, new OrderEvent.OrderConfirmed(EventIds.next(), id, next.version, now), now);
    }

    /** Puts the order on hold; commands other than release, cancel and payment bookkeeping are refused until released. */
    public Change<Order, OrderEvent> hold(HoldReason reason, String detail, Instant now) {
        require(OrderCommand.HOLD, null);
        Hold h = new Hold(reason, detail, now);
        Order next = copy(payment, h, confirmedAt);
        return withStatusEvent(next, new OrderEvent.OrderPutOnHold(EventIds.next(), id, next.version, now, h), now);
    }

    /** Lifts the hold. */
    public Change<Order, OrderEvent> releaseHold(Instant now) {
        require(OrderCommand.RELEASE_HOLD, null);
        Order next = copy(payment, null, confirmedAt);
        return withStatusEvent(next, new OrderEvent.OrderHoldReleased(EventIds.next(), id, next.version, now, hold.reason()), now);
    }

    /** Records the result of a payment call ({@code operation} such as "authorise") and the payment state after it. */
    public Change<Order, OrderEvent> recordPayment(String operation, PaymentOutcome outcome, PaymentSummary newPayment,
                                                   Instant now) {
        require(OrderCommand.RECORD_PAYMENT, null);
        Checks.notBlank(operation, "operation");
        Checks.notNull(outcome, "outcome");
        Checks.notNull(newPayment, "newPayment");
        if (!newPayment.authorised().getCurrencyUnit().equals(currency)) {
            throw new IllegalArgumentException("payment must be in " + currency + ", was " + newPayment.authorised());
        }
        Order next = copy(newPayment, hold, confirmedAt);
        return withStatusEvent(next,
                new OrderEvent.OrderPaymentUpdated(EventIds.next(), id, next.version, now, operation, outcome, newPayment), now);
    }

    /**
     * Adds a note by {@code author}. Allowed in every status, a cancelled or returned order included: customers call
     * about those too.
     *
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the text is blank, longer than {@value OrderNote#MAX_LENGTH} characters or
     *                                  holds control characters other than line feeds
     */
    public Change<Order, OrderEvent> addNote(Actor author, String text, Instant now) {
        OrderNote note = new OrderNote(author, text, now);
        List<OrderNote> more = new ArrayList<>(notes.size() + 1);
        more.addAll(notes);
        more.add(note);
        Order next = new Order(id, version + 1, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping, more);
        return new Change<>(next, List.of(new OrderEvent.OrderNoteAdded(EventIds.next(), id, next.version, now, note)));
    }

    /**
     * Records that {@code actor} had {@code units} of the parcel of fulfilment {@code parcel} (its id) shipped again by
     * fulfilment {@code replacement}, at no charge: only the version and the history change (lines, totals and payment stay).
     * Allowed in every status: a parcel is made good after it was shipped, delivered or returned.
     *
     * @throws IllegalArgumentException when {@code units} is empty or names a line the order does not have
     */
    public Change<Order, OrderEvent> recordReshipment(Actor actor, String parcel, String replacement, List<LineQuantity> units,
                                                      ReshipReason reason, Instant now) {
        Checks.notNull(units, "units");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("units re-shipped for order " + id + " must not be empty");
        }
        for (LineQuantity q : units) {
            if (line(q.line()).isEmpty()) {
                throw new IllegalArgumentException("units re-shipped must name lines of order " + id + ", line " + q.line()
                        + " is not one of them");
            }
        }
        Order next = new Order(id, version + 1, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping, notes);
        return new Change<>(next, List.of(new OrderEvent.OrderParcelReshipped(EventIds.next(), id, next.version, now, actor,
                parcel, replacement, units, reason)));
    }

    /**
     * Records goodwill {@code actor} granted: for a refund, {@code newPayment} is the payment after the provider refunded
     * it; for store credit the payment stays as it is. Allowed in every status: customers are made good after delivery,
     * cancellation or return too.
     *
     * @param reference the provider's references of the refund; empty for store credit
     * @throws IllegalArgumentException when the amount is not in the order's currency, or a refund exceeds what the
     *                                  order captured and has not refunded
     */
    public Change<Order, OrderEvent> grantGoodwill(Actor actor, Goodwill goodwill, String reference, Instant now) {
        Checks.notNull(goodwill, "goodwill");
        if (!goodwill.amount().getCurrencyUnit().equals(currency)) {
            throw new IllegalArgumentException("goodwill.amount must be in the order's currency " + currency + ", was "
                    + goodwill.amount());
        }
        return grantGoodwill(actor, goodwill, reference,
                goodwill.form() == Goodwill.Form.REFUND ? payment.refundedAmount(goodwill.amount()) : payment, now);
    }

    /**
     * Records goodwill {@code actor} granted, the payment being {@code after} from now on: for a refund, the payment
     * once the provider refunded it (its refund intents answered, see
     * {@link PaymentSummary#answered(io.omskit.core.payment.PaymentIntent, io.omskit.core.payment.PaymentResult)}).
     *
     * @throws IllegalArgumentException when the amount or the payment is not in the order's currency
     */
    public Change<Order, OrderEvent> grantGoodwill(Actor actor, Goodwill goodwill, String reference, PaymentSummary after,
                                                   Instant now) {
        Checks.notNull(actor, "actor");
        Checks.notNull(goodwill, "goodwill");
        Checks.notNull(after, "after");
        if (!goodwill.amount().getCurrencyUnit().equals(currency) || !after.captured().getCurrencyUnit().equals(currency)) {
            throw new IllegalArgumentException("goodwill.amount must be in the order's currency " + currency + ", was "
                    + goodwill.amount());
        }
        Order next = copy(after, hold, confirmedAt);
        return withStatusEvent(next, new OrderEvent.OrderGoodwillGranted(EventIds.next(), id, next.version, now, actor,
                goodwill, reference, after), now);
    }

    /**
     * Delivers the order to {@code address} from now on, as {@code actor} asked; the method and promise stay. Whether
     * the goods have moved is the caller's to check (fulfilments are aggregates of their own).
     *
     * @throws IllegalArgumentException when the order is not delivered home, or is cancelled
     */
    public Change<Order, OrderEvent> changeAddress(Actor actor, Address address, Instant now) {
        Checks.notNull(actor, "actor");
        Checks.notNull(address, "address");
        if (!delivery.method().isHomeDelivery()) {
            throw new IllegalArgumentException("order " + id + " is collected (" + delivery.method() + "), it has no address");
        }
        if (status() == OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("order " + id + " is cancelled");
        }
        DeliveryChoice moved = new DeliveryChoice(delivery.method(), address, null, delivery.promised());
        Order next = new Order(id, version + 1, channel, externalRef, customer, currency, moved, lines, discounts, charges,
                paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping, notes);
        return new Change<>(next, List.of(new OrderEvent.OrderAddressChanged(EventIds.next(), id, next.version, now, actor, moved)));
    }

    /**
     * Delivers the order as {@code newDelivery} from now on, as {@code actor} asked, its open fulfilments sourced again
     * for it: {@code withdrawn} give their units back and {@code placed} takes them (recorded on the order by the
     * allocation that follows, under {@code allocationKey}). Whether the goods have moved, and whether the new plan
     * holds, is the caller's to check.
     *
     * @throws IllegalArgumentException when the order is cancelled, or {@code newDelivery} is not of the kind its
     *                                  method needs (an address for home delivery, a store for a collection)
     */
    public Change<Order, OrderEvent> changeDelivery(Actor actor, DeliveryChoice newDelivery, String changeKey,
                                                    List<String> withdrawn, List<PlacedUnits> placed,
                                                    String allocationKey, Instant now) {
        Checks.notNull(actor, "actor");
        Checks.notNull(newDelivery, "newDelivery");
        if (status() == OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("order " + id + " is cancelled");
        }
        Order next = new Order(id, version + 1, channel, externalRef, customer, currency, newDelivery, lines, discounts,
                charges, paymentRef, payment, hold, placedAt, confirmedAt, allocations, commandKeys, List.of(), shipping,
                notes);
        return new Change<>(next, List.of(new OrderEvent.OrderDeliveryChanged(EventIds.next(), id, next.version, now,
                actor, newDelivery, changeKey, withdrawn, placed, allocationKey, delivery.promised())));
    }

    // ---- internals ----

    // units awaiting stock go first: a customer shortening a line keeps the units that are in stock
    private static final List<UnitState> CANCELLABLE = List.of(UnitState.AWAITING_STOCK, UnitState.OPEN, UnitState.RESERVED);

    private void require(OrderCommand command, String detail) {
        OrderStatus s = status();
        if (!OrderTransitions.isAllowed(s, command)) {
            throw new IllegalTransitionException(id, s, command, detail);
        }
    }

    private Order copy(PaymentSummary newPayment, Hold newHold, Instant newConfirmedAt) {
        return new Order(id, version + 1, channel, externalRef, customer, currency, delivery, lines, discounts, charges,
                paymentRef, newPayment, newHold, placedAt, newConfirmedAt, allocations, commandKeys, List.of(), shipping, notes);
    }

    private Change<Order, OrderEvent> withStatusEvent(Order next, OrderEvent event, Instant now) {
        OrderStatus before = status();
        OrderStatus after = next.status();
        if (before == after) {
            return new Change<>(next, List.of(event));
        }
        return new Change<>(next, List.of(event,
                new OrderEvent.OrderStatusChanged(EventIds.next(), id, next.version, now, before, after)));
    }

    private Change<Order, OrderEvent> moveAll(OrderCommand command, UnitState from, UnitState to, String reference,
                                              CancellationReason reason, Instant now) {
        List<LineQuantity> all = new ArrayList<>();
        for (OrderLine l : lines) {
            if (l.units().get(from) > 0) {
                all.add(new LineQuantity(l.id(), l.units().get(from)));
            }
        }
        if (all.isEmpty()) {
            require(command, null);
            return Change.unchanged(this);
        }
        return move(command, all, List.of(from), to, null, reference, reason, now);
    }

    /** The allocation a command works on; {@code location} only when allocating. */
    private record Target(LocationId location, String allocationKey, String inventoryKey) {
    }

    private Change<Order, OrderEvent> move(OrderCommand command, List<LineQuantity> quantities, List<UnitState> from,
                                           UnitState to, Target target, String reference, CancellationReason reason,
                                           Instant now) {
        Checks.notNull(quantities, "quantities");
        Checks.notNull(now, "now");
        require(command, null);
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must not be empty for " + command);
        }
        List<OrderLine> newLines = new ArrayList<>(lines);
        List<LineAllocation> newAllocations = new ArrayList<>(allocations);
        List<UnitMove> moves = new ArrayList<>();
        for (LineQuantity q : quantities) {
            int index = indexOf(newLines, q.line());
            if (index < 0) {
                throw new IllegalArgumentException("line " + q.line() + " is not a line of order " + id);
            }
            OrderLine line = newLines.get(index);
            UnitCounts units = line.units();
            int remaining = q.quantity();
            int[] take = new int[from.size()];
            for (int i = 0; i < from.size() && remaining > 0; i++) {
                take[i] = Math.min(remaining, available(units, newAllocations, q.line(), from.get(i), target));
                remaining -= take[i];
            }
            if (remaining > 0) {
                throw new IllegalTransitionException(id, status(), command, "line " + q.line() + " has "
                        + (q.quantity() - remaining) + " unit(s) in " + from
                        + (target == null || target.location != null ? "" : " of allocation " + target.allocationKey)
                        + ", " + q.quantity() + " requested");
            }
            for (int i = 0; i < from.size(); i++) {
                if (take[i] > 0) {
                    units = units.move(from.get(i), to, take[i]);
                    moves.add(new UnitMove(q.line(), from.get(i), to, take[i]));
                    shiftAllocations(newAllocations, q.line(), from.get(i), to, take[i], target);
                }
            }
            newLines.set(index, line.withUnits(units));
        }
        Order next = new Order(id, version + 1, channel, externalRef, customer, currency, delivery, newLines, discounts,
                charges, paymentRef, payment, hold, placedAt, confirmedAt, newAllocations, commandKeys, List.of(), shipping, notes);
        return withStatusEvent(next,
                OrderEvent.UnitsMoved.of(command, EventIds.next(), id, next.version, now, moves, reference, reason), now);
    }

    /** Units of {@code line} in {@code state} that a command on {@code target} may take. */
    private static int available(UnitCounts units, List<LineAllocation> allocations, LineId line, UnitState state,
                                 Target target) {
        boolean held = state == UnitState.ALLOCATED || state == UnitState.READY;
        if (!held || target == null || target.location != null) {
            return units.get(state);
        }
        int n = 0;
        for (LineAllocation a : allocations) {
            if (a.line().equals(line) && a.allocationKey().equals(target.allocationKey)) {
                n += state == UnitState.ALLOCATED ? a.allocated() : a.ready();
            }
        }
        return n;
    }

    /** Keeps the allocations in step with a move of {@code quantity} units from one state to another. */
    private static void shiftAllocations(List<LineAllocation> allocations, LineId line, UnitState from, UnitState to,
                                         int quantity, Target target) {
        boolean fromHeld = from == UnitState.ALLOCATED || from == UnitState.READY;
        if (to == UnitState.ALLOCATED) {
            for (int i = 0; i < allocations.size(); i++) {
                LineAllocation a = allocations.get(i);
                if (a.line().equals(line) && a.allocationKey().equals(target.allocationKey)) {
                    if (!a.location().equals(target.location) || !a.inventoryKey().equals(target.inventoryKey)) {
                        throw new IllegalArgumentException("allocationKey " + target.allocationKey + " is already used at "
                                + a.location() + " for " + a.inventoryKey() + ", not " + target.location + " for " + target.inventoryKey);
                    }
                    allocations.set(i, new LineAllocation(line, a.location(), a.allocationKey(), a.inventoryKey(), a.allocated() + quantity,
                            a.ready()));
                    return;
                }
            }
            allocations.add(new LineAllocation(line, target.location, target.allocationKey, target.inventoryKey, quantity, 0));
            return;
        }
        if (!fromHeld) {
            return;
        }
        int remaining = quantity;
        for (int i = 0; i < allocations.size() && remaining > 0; i++) {
            LineAllocation a = allocations.get(i);
            if (!a.line().equals(line) || (target != null && !a.allocationKey().equals(target.allocationKey))) {
                continue;
            }
            int have = from == UnitState.ALLOCATED ? a.allocated() : a.ready();
            int n = Math.min(have, remaining);
            if (n == 0) {
                continue;
            }
            remaining -= n;
            int allocated = a.allocated() - (from == UnitState.ALLOCATED ? n : 0);
            int ready = a.ready() - (from == UnitState.READY ? n : 0) + (to == UnitState.READY ? n : 0);
            if (allocated + ready == 0) {
                allocations.remove(i--);
            } else {
                allocations.set(i, new LineAllocation(line, a.location(), a.allocationKey(), a.inventoryKey(), allocated, ready));
            }
        }
    }

    private static int indexOf(List<OrderLine> lines, LineId lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).id().equals(lineId)) {
                return i;
            }
        }
        return -1;
    }
}
