package io.omskit.core;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.common.Change;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.Goodwill;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.payment.PaymentIntent;
import io.omskit.core.payment.PaymentOutcome;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderAmount;
import io.omskit.core.spi.PaymentGateway;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.permission.ActionPolicy;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.spi.OrderRepository;
import io.omskit.core.timeline.Timeline;
import io.omskit.core.timeline.TimelineEntries;
import io.omskit.core.timeline.TimelineEntry;
import io.omskit.core.timeline.TimelineSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.joda.money.Money;

/**
 * What customer service and stores work with: finding orders, reading an order's whole story, notes, and the commands
 * that carry their {@link Actor}, each checked by the {@link ActionPolicy} before anything changes. A refused command
 * changes nothing and answers {@link Acted#refused()} with the verdict naming the rule; the commands without an actor
 * elsewhere on {@link Oms} act as {@link Actor#SYSTEM} and are not checked. Thread-safe.
 */
public final class CustomerService {

    /**
     * What became of a command an actor asked for: done, with the result, or refused by the policy, with its verdict.
     *
     * @param result  the result when done; null when refused
     * @param verdict the policy's verdict: allowed when done
     * @param <T>     the result's type
     */
    public record Acted<T>(T result, Verdict verdict) {

        public Acted {
            Checks.notNull(verdict, "verdict");
            if (verdict.allowed() == (result == null)) {
                throw new IllegalArgumentException("a done command has a result and a refused one none, was " + verdict);
            }
        }

        /** Whether the policy refused the command: nothing changed. */
        public boolean refused() {
            return verdict.refused();
        }

        /** The result. @throws IllegalStateException naming the rule when the command was refused */
        public T get() {
            if (result == null) {
                throw new IllegalStateException("the command was " + verdict);
            }
            return result;
        }
    }

    private final OrderBook book;
    private final OrderRepository orders;
    private final Cancellation cancellation;
    private final Fulfilments fulfilments;
    private final ActionPolicy policy;
    private final List<TimelineSource> sources;
    private final Clock clock;
    private final PaymentGateway payments;
    private final DeliveryChanges deliveryChanges;
    private final Placement placement;

    CustomerService(OrderBook book, OrderRepository orders, Cancellation cancellation, Fulfilments fulfilments,
                    ActionPolicy policy, List<TimelineSource> sources, Clock clock, PaymentGateway payments,
                    Placement placement, DeliveryChanges deliveryChanges) {
        this.placement = placement;
        this.payments = payments;
        this.deliveryChanges = deliveryChanges;
        this.book = book;
        this.orders = orders;
        this.cancellation = cancellation;
        this.fulfilments = fulfilments;
        this.policy = policy;
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    // ---- finding ----

    /**
     * One page of the orders {@code query} finds (see {@link OrderQuery}); the next page with
     * {@code query.after(page.next())}.
     *
     * @throws io.omskit.core.spi.SpiException when the repository failed
     */
    public OrderPage find(OrderQuery query) {
        return orders.search(Checks.notNull(query, "query"));
    }

    // ---- placing for the customer ----

    /**
     * Places an order a contact-centre agent takes for the customer on the phone, as {@link Oms#placeOrder} does; its
     * timeline shows the agent as who placed it (an order placed otherwise shows its customer). A retry with the same
     * channel and external reference answers the order placed first, as placing does.
     *
     * @param agent the agent taking the order: an {@link Actor.Kind#AGENT}
     * @throws IllegalArgumentException when {@code agent} is not an agent or the request's channel is not
     *                                  {@link io.omskit.core.channel.Channel#CONTACT_CENTRE}; nothing placed
     * @throws io.omskit.core.common.ValidationException naming every problem of the request, as placing does
     */
    public PlacementResult placeOrder(io.omskit.core.order.PlaceOrderRequest request, Actor agent) {
        Checks.notNull(request, "request");
        Checks.notNull(agent, "agent");
        if (agent.kind() != Actor.Kind.AGENT) {
            throw new IllegalArgumentException("agent must be an AGENT taking the order for the customer, was " + agent.kind());
        }
        if (request.channel() != io.omskit.core.channel.Channel.CONTACT_CENTRE) {
            throw new IllegalArgumentException("request.channel must be CONTACT_CENTRE for an order an agent places, was "
                    + request.channel());
        }
        return placement.placeOrder(request, null, agent);
    }

    // ---- the order's story ----

    /**
     * The order's whole story, rebuilt from what is stored: the order's events, each of its fulfilments' events, and
     * the entries of every registered {@link TimelineSource} (returns, messages sent), oldest first.
     *
     * @throws IllegalArgumentException when the order is unknown
     */
    public Timeline timeline(OrderId id) {
        Checks.notNull(id, "id");
        if (book.find(id).isEmpty()) {
            throw new IllegalArgumentException("order " + id + " is unknown");
        }
        List<List<TimelineEntry>> parts = new ArrayList<>();
        List<TimelineEntry> ofOrder = new ArrayList<>();
        for (OrderEvent e : orders.history(id)) {
            ofOrder.add(TimelineEntries.of(e));
        }
        parts.add(ofOrder);
        List<Fulfilment> ofOrderFulfilments = new ArrayList<>(fulfilments.forOrder(id));
        ofOrderFulfilments.sort(Comparator.comparing(Fulfilment::id));
        for (Fulfilment f : ofOrderFulfilments) {
            List<TimelineEntry> entries = new ArrayList<>();
            for (FulfilmentEvent e : f.history()) {
                entries.add(TimelineEntries.of(e));
            }
            parts.add(entries);
        }
        for (TimelineSource source : sources) {
            parts.add(source.entries(id));
        }
        return Timeline.merge(id, parts);
    }

    /** The timeline sources registered with the builder, in order: for a {@code TimelineProjection} to add. */
    public List<TimelineSource> timelineSources() {
        return sources;
    }

    // ---- notes ----

    /**
     * Adds a note by {@code actor} to the order, if the policy allows. Each call adds a note.
     *
     * @throws IllegalArgumentException when the order is unknown or the text is blank, too long or holds control
     *                                  characters other than line feeds; nothing changed
     */
    public Acted<Order> addNote(OrderId id, Actor actor, String text) {
        Checks.notNull(actor, "actor");
        io.omskit.core.order.OrderNote checked = new io.omskit.core.order.OrderNote(actor, text, clock.instant());
        return book.locked(id, () -> {
            Verdict verdict = policy.mayAddNote(actor, current(id));
            if (verdict.refused()) {
                return new Acted<>(null, verdict);
            }
            return new Acted<>(book.apply(id, o -> o.addNote(actor, checked.text(), clock.instant())), verdict);
        });
    }

    // ---- cancelling ----

    /**
     * Cancels every unit of the order not yet shipped or collected, as {@link Oms#cancelOrder} does, if the policy lets
     * {@code actor} cancel; the cancellation's event names the actor.
     *
     * @throws io.omskit.core.order.IllegalTransitionException when no unit was ever cancellable
     * @throws IllegalArgumentException when the order is unknown
     * @throws io.omskit.core.spi.SpiException when an adapter failed; calling again finishes the work
     */
    public Acted<Order> cancelOrder(OrderId id, Actor actor, CancellationReason reason) {
        Checks.notNull(reason, "reason");
        return checked(id, actor, () -> cancellation.cancelOrder(id, reason, actor));
    }

    /**
     * Cancels units no fulfilment holds yet, as {@link Oms#cancel(OrderId, List, CancellationReason, String)} does, if
     * the policy lets {@code actor} cancel.
     *
     * @param cancellationKey the caller's key for this cancellation; null for none (not safe to retry)
     * @throws io.omskit.core.order.IllegalTransitionException when the order's status forbids it or too few units are cancellable
     * @throws io.omskit.core.spi.SpiException when an adapter failed; calling again finishes the work
     */
    public Acted<Order> cancel(OrderId id, Actor actor, List<LineQuantity> quantities, CancellationReason reason,
                               String cancellationKey) {
        Checks.notNull(quantities, "quantities");
        Checks.notNull(reason, "reason");
        return checked(id, actor, () -> cancellation.cancel(id, quantities, reason, cancellationKey, actor));
    }

    private Acted<Order> checked(OrderId id, Actor actor, Supplier<Order> command) {
        Checks.notNull(actor, "actor");
        return book.locked(id, () -> {
            Verdict verdict = policy.mayCancel(actor, current(id), fulfilments.forOrder(id));
            return verdict.refused() ? new Acted<>(null, verdict) : new Acted<>(command.get(), verdict);
        });
    }

    // ---- changes before the goods move ----

    /** The rule that an order is changed only before any of its goods are picked. */
    public static final String CHANGE_BEFORE_PICKING = "change-before-picking";
    /** The rule that only a home-delivered order that is not cancelled has an address to change. */
    public static final String ADDRESS_OF_OPEN_HOME_DELIVERY = "address-of-open-home-delivery";

    /**
     * The rule that a change of delivery is made only when every open unit of the order can be sourced for the new
     * delivery (stock where the plan puts it, no rule forbidding it).
     */
    public static final String DELIVERY_CHANGE_SOURCEABLE = "delivery-change-sourceable";
    /**
     * The reason a fulfilment withdrawn by a change of delivery is rejected with: no location refused it, so re-sourcing
     * does not count it as an attempt nor exclude its location.
     */
    public static final String DELIVERY_CHANGED_REASON = "withdrawn: the order's delivery changed";

    /** Fulfilment statuses at which the goods have begun to move: from picking on. */
    private static final java.util.Set<FulfilmentStatus> MOVING = java.util.EnumSet.of(FulfilmentStatus.PICKING,
            FulfilmentStatus.READY_TO_SHIP, FulfilmentStatus.READY_FOR_COLLECTION, FulfilmentStatus.SHIPPED,
            FulfilmentStatus.DELIVERED, FulfilmentStatus.COLLECTED);

    /**
     * Delivers a home-delivered order to {@code address} from now on, as {@code actor} asked.
     *
     * <p>With a {@link io.omskit.core.spi.DeliveryResourcing} given to the builder, the order's open (offered or
     * accepted) fulfilments are planned again for the new address by the sourcing: the units they hold count as
     * available where they are, a fulfilment the new plan keeps stays as it is, the others are withdrawn (rejected for
     * {@value #DELIVERY_CHANGED_REASON}) and their units allocated where the plan puts them, the new stock held before
     * the old is let go; the promise becomes the planner's. The timeline shows {@code OrderDeliveryChanged} with the
     * actor. When the plan cannot be made or its stock is gone, the change is refused
     * ({@value #DELIVERY_CHANGE_SOURCEABLE}) and nothing changed. Without one, the order's delivery is updated (method
     * and promise stay, {@code OrderAddressChanged}) and the open fulfilments follow as they are: the carrier label,
     * booked once a parcel is packed, takes the order's address then.
     *
     * <p>Refused, changing nothing, once any fulfilment of the order is being picked or further on
     * ({@value #CHANGE_BEFORE_PICKING}), when the order is collected or cancelled
     * ({@value #ADDRESS_OF_OPEN_HOME_DELIVERY}), or when the policy refuses ({@link ActionPolicy#mayChange}). A second
     * call with the same {@code changeKey} finishes what the first recorded (the withdrawals, the new fulfilments) and
     * answers the order as it is.
     *
     * @param changeKey the caller's key of this change, unique per order
     * @throws io.omskit.core.common.ValidationException naming each field of the address that is wrong (values
     *         masked), before anything changed
     * @throws IllegalArgumentException when the order is unknown or the key is blank or too long
     * @throws io.omskit.core.spi.SpiException when an adapter failed; calling again with the same key finishes the change
     */
    public Acted<Order> changeAddress(OrderId id, Actor actor, Address address, String changeKey) {
        Checks.notNull(id, "id");
        Checks.notNull(actor, "actor");
        List<Problem> problems = OrderValidator.addressProblems(address);
        if (!problems.isEmpty()) {
            throw new ValidationException("the new delivery address of order " + id, problems);
        }
        CommandKey key = CommandKey.of(OrderCommand.RECORD_PAYMENT, "address:" + Checks.identifier(changeKey, "changeKey"));
        return book.locked(id, () -> {
            Order order = current(id);
            if (order.applied(key)) {
                if (deliveryChanges.configured()) {
                    // a retry finishes what the first call recorded: withdrawn fulfilments, the new allocation
                    deliveryChanges.change(id, actor, order.delivery(), key, changeKey);
                    return new Acted<>(current(id), Verdict.allow());
                }
                return new Acted<>(order, Verdict.allow());
            }
            if (!order.delivery().method().isHomeDelivery() || order.status() == OrderStatus.CANCELLED) {
                return new Acted<>(null, Verdict.refuse(ADDRESS_OF_OPEN_HOME_DELIVERY, "order " + id + " is "
                        + (order.status() == OrderStatus.CANCELLED ? "cancelled" : "collected (" + order.delivery().method() + ")")
                        + ": it has no delivery address to change"));
            }
            List<Fulfilment> ofOrder = fulfilments.forOrder(id);
            Verdict moving = goodsMoving(order, ofOrder);
            if (moving.refused()) {
                return new Acted<>(null, moving);
            }
            Verdict verdict = policy.mayChange(actor, order, ofOrder);
            if (verdict.refused()) {
                return new Acted<>(null, verdict);
            }
            if (deliveryChanges.configured()) {
                Verdict sourced = deliveryChanges.change(id, actor, new io.omskit.core.order.DeliveryChoice(
                        order.delivery().method(), address, null, order.delivery().promised()), key, changeKey);
                return sourced.refused() ? new Acted<>(null, sourced) : new Acted<>(current(id), verdict);
            }
            return new Acted<>(book.apply(id, o -> o.applied(key) ? Change.unchanged(o)
                    : OrderBook.withKey(o.changeAddress(actor, address, clock.instant()), key)), verdict);
        });
    }

    /** The rule that a cancelled order has no delivery to change. */
    public static final String DELIVERY_OF_OPEN_ORDER = "delivery-of-open-order";
    /** The rule that a change of method or pickup store of a sourced order needs a sourcing to make its fulfilments anew. */
    public static final String DELIVERY_CHANGE_NEEDS_SOURCING = "delivery-change-needs-sourcing";

    /**
     * Delivers the order as {@code newDelivery} from now on, as {@code actor} asked: home delivery instead of click and
     * collect or back, express instead of ship-to-store, another pickup store. Every open fulfilment of the order
     * (offered or accepted) is made anew by the {@link io.omskit.core.spi.DeliveryResourcing} given to the builder: the
     * new plan's stock is allocated first, then the old fulfilments are withdrawn (rejected for
     * {@value #DELIVERY_CHANGED_REASON}, their stock released) and the new ones offered, collections with a new pickup
     * code. The promise is the planner's for the new delivery (or {@code newDelivery.promised()} when it gives none).
     * The timeline shows the change with the actor ({@code OrderDeliveryChanged}).
     *
     * <p>The order's charges stay as placed: when the new method costs less, make good the difference with
     * {@link #makeGood} (a goodwill refund of the shipping charge); OMS Kit does not authorise more for a dearer one.
     *
     * <p>Refused, changing nothing, once any fulfilment is being picked or further on ({@value #CHANGE_BEFORE_PICKING}),
     * for a cancelled order ({@value #DELIVERY_OF_OPEN_ORDER}), when the units cannot all be sourced for the new delivery
     * on free stock ({@value #DELIVERY_CHANGE_SOURCEABLE}), when the order has open fulfilments and no sourcing was
     * configured ({@value #DELIVERY_CHANGE_NEEDS_SOURCING}), or when the policy refuses ({@link ActionPolicy#mayChange}).
     * A second call with the same {@code changeKey} finishes what the first recorded and answers the order.
     *
     * @param changeKey the caller's key of this change, unique per order
     * @throws io.omskit.core.common.ValidationException naming each field of {@code newDelivery} that is wrong (an
     *         address for home delivery, values masked; a pickup store of the network that offers pickup), before
     *         anything changed
     * @throws IllegalArgumentException when the order is unknown or the key is blank or too long
     * @throws io.omskit.core.spi.SpiException when an adapter failed; calling again with the same key finishes the change
     */
    public Acted<Order> changeDelivery(OrderId id, Actor actor, io.omskit.core.order.DeliveryChoice newDelivery,
                                       String changeKey) {
        Checks.notNull(id, "id");
        Checks.notNull(actor, "actor");
        Checks.notNull(newDelivery, "newDelivery");
        List<Problem> problems = placement.validator().deliveryProblems(newDelivery);
        if (!problems.isEmpty()) {
            throw new ValidationException("the new delivery of order " + id, problems);
        }
        CommandKey key = CommandKey.of(OrderCommand.RECORD_PAYMENT, "delivery:" + Checks.identifier(changeKey, "changeKey"));
        return book.locked(id, () -> {
            Order order = current(id);
            if (order.applied(key)) {
                if (deliveryChanges.configured()) {
                    deliveryChanges.change(id, actor, order.delivery(), true, key, changeKey);
                }
                return new Acted<>(current(id), Verdict.allow());
            }
            if (order.status() == OrderStatus.CANCELLED) {
                return new Acted<>(null, Verdict.refuse(DELIVERY_OF_OPEN_ORDER, "order " + id
                        + " is cancelled: it has no delivery to change"));
            }
            List<Fulfilment> ofOrder = fulfilments.forOrder(id);
            Verdict moving = goodsMoving(order, ofOrder);
            if (moving.refused()) {
                return new Acted<>(null, moving);
            }
            Verdict verdict = policy.mayChange(actor, order, ofOrder);
            if (verdict.refused()) {
                return new Acted<>(null, verdict);
            }
            boolean sourced = ofOrder.stream().anyMatch(f -> f.status() == FulfilmentStatus.OFFERED
                    || f.status() == FulfilmentStatus.ACCEPTED);
            if (sourced && !deliveryChanges.configured()) {
                return new Acted<>(null, Verdict.refuse(DELIVERY_CHANGE_NEEDS_SOURCING, "order " + id + " has fulfilments "
                        + "for its current delivery and no sourcing was configured to make them anew"));
            }
            if (!deliveryChanges.configured()) {
                return new Acted<>(book.apply(id, o -> o.applied(key) ? Change.unchanged(o) : OrderBook.withKey(
                        o.changeDelivery(actor, newDelivery, changeKey, List.of(), List.of(), "", clock.instant()), key)),
                        verdict);
            }
            Verdict sourcedAgain = deliveryChanges.change(id, actor, newDelivery, true, key, changeKey);
            return sourcedAgain.refused() ? new Acted<>(null, sourcedAgain) : new Acted<>(current(id), verdict);
        });
    }

    private static Verdict goodsMoving(Order order, List<Fulfilment> ofOrder) {
        for (Fulfilment f : ofOrder) {
            if (MOVING.contains(f.status())) {
                return Verdict.refuse(CHANGE_BEFORE_PICKING, "fulfilment " + f.id() + " of order " + order.id() + " is "
                        + f.status() + ": an order is changed only before its goods are picked");
            }
        }
        return Verdict.allow();
    }

    // ---- refunds ----

    /**
     * Whether {@code actor} may refund {@code amount} of the order as goodwill: for the command that makes good to ask
     * before it moves money.
     *
     * @throws IllegalArgumentException when the order is unknown
     */
    public Verdict mayRefund(OrderId id, Actor actor, Money amount) {
        Checks.notNull(actor, "actor");
        Checks.notNull(amount, "amount");
        return policy.mayRefund(actor, current(id), amount);
    }

    /** The rule that a goodwill refund gives back at most what the order captured and has not refunded. */
    public static final String GOODWILL_WITHIN_PAID = "goodwill-within-paid";
    /** The rule that a goodwill refund the payment provider declined is not granted. */
    public static final String GOODWILL_REFUND_DECLINED = "goodwill-refund-declined";

    /**
     * Makes good to the customer of the order, as {@code actor}, if the policy lets the actor refund the amount
     * ({@link ActionPolicy#mayRefund}): a {@link Goodwill.Form#REFUND} is refunded through the payment provider (split
     * over the order's tenders in their refund order, one request per tender, under the key
     * {@code goodwill:<order id>:<goodwillKey>[:<tender id>]}) and then recorded on the order; a
     * {@link Goodwill.Form#STORE_CREDIT} is only recorded, for the host to issue on the event. Either way the order's
     * timeline shows it with the actor and the reason ({@code OrderGoodwillGranted}).
     *
     * <p>Refused (nothing changed, nothing refunded) when the policy refuses, when a refund is more than the order
     * captured and has not refunded ({@value #GOODWILL_WITHIN_PAID}), or when the provider declined it
     * ({@value #GOODWILL_REFUND_DECLINED}). Before the provider is asked, each request is recorded on the order as a
     * refund intent under a key derived from {@code goodwillKey}: what it promises is no longer refundable by other
     * refunds while its outcome is in doubt. Calling again with the same key after any failure (an unknown outcome, a
     * crash, a failed save) asks the provider again with the recorded requests, and it answers with its first result:
     * the customer is refunded once, and a refund that did move money is finished (not refused) even when other
     * refunds came between. A call with a key already granted answers the order as it is.
     *
     * @param goodwillKey the caller's key of this goodwill, unique per order
     * @return the order after the goodwill was recorded, or the refusal
     * @throws IllegalArgumentException when the order is unknown, the amount is in another currency than the order's,
     *                                  or the key is blank or too long
     * @throws io.omskit.core.spi.SpiException when the provider's answer was unknown or it was not reached (call again
     *         with the same key to settle it), or when it declined one tender after refunding another (people must
     *         resolve it), or when saving the order failed (call again with the same key)
     */
    public Acted<Order> makeGood(OrderId id, Actor actor, Goodwill goodwill, String goodwillKey) {
        Checks.notNull(id, "id");
        Checks.notNull(actor, "actor");
        Checks.notNull(goodwill, "goodwill");
        CommandKey key = CommandKey.of(OrderCommand.RECORD_PAYMENT, "goodwill:" + Checks.identifier(goodwillKey, "goodwillKey"));
        return book.locked(id, () -> {
            Order order = current(id);
            if (!goodwill.amount().getCurrencyUnit().equals(order.currency())) {
                throw new IllegalArgumentException("goodwill.amount must be in the order's currency " + order.currency()
                        + ", was " + goodwill.amount());
            }
            int longestTender = order.payment().tenders().stream().mapToInt(t -> t.id().length() + 1).max().orElse(0);
            int room = 100 - providerKey(order, "").length() - longestTender;
            if (goodwillKey.length() > room) {
                throw new IllegalArgumentException("goodwillKey must be at most " + room + " characters for order " + id
                        + " (the provider's key holds the order and tender ids too), was " + goodwillKey.length());
            }
            if (order.applied(key)) {
                return new Acted<>(order, Verdict.allow());
            }
            List<PaymentIntent> asked = refundsOf(order, goodwillKey);
            Verdict verdict = Verdict.allow();
            if (asked.isEmpty()) {
                // decided once: a retry finishes the refunds recorded, whatever happened to the order meanwhile
                verdict = policy.mayRefund(actor, order, goodwill.amount());
                if (verdict.refused()) {
                    return new Acted<>(null, verdict);
                }
            }
            String reference = "";
            PaymentSummary after = order.payment();
            if (goodwill.form() == Goodwill.Form.REFUND) {
                if (asked.isEmpty()) {
                    if (goodwill.amount().isGreaterThan(order.payment().refundable())) {
                        return new Acted<>(null, Verdict.refuse(GOODWILL_WITHIN_PAID, "order " + id + " has "
                                + order.payment().refundable() + " captured and not refunded; " + goodwill.amount() + " asked"));
                    }
                    asked = recordRefunds(order, goodwill.amount(), goodwillKey);
                }
                Refunded refunded = refund(order, asked);
                if (refunded.declined() != null) {
                    List<PaymentIntent> dropped = asked;
                    book.apply(id, o -> {
                        PaymentSummary p = o.payment();
                        for (PaymentIntent i : dropped) {
                            if (p.intents().contains(i)) {
                                p = p.withoutIntent(i);
                            }
                        }
                        return p.equals(o.payment()) ? Change.unchanged(o)
                                : o.recordPayment("goodwill refund", PaymentOutcome.DECLINED, p, clock.instant());
                    });
                    return new Acted<>(null, Verdict.refuse(GOODWILL_REFUND_DECLINED, "the payment provider declined the "
                            + "goodwill refund of " + goodwill.amount() + " for order " + id + ": " + refunded.declined()));
                }
                reference = refunded.reference();
            }
            String ref = reference;
            List<PaymentIntent> done = asked;
            return new Acted<>(book.apply(id, o -> {
                if (o.applied(key)) {
                    return Change.unchanged(o);
                }
                PaymentSummary paid = o.payment();
                for (PaymentIntent i : done) {
                    paid = paid.answered(i, PaymentResult.succeeded(ref));
                }
                return OrderBook.withKey(o.grantGoodwill(actor, goodwill, ref, paid, clock.instant()), key);
            }), verdict);
        });
    }

    /** What the provider did with a goodwill refund: the references, or why it declined before any money moved. */
    private record Refunded(String reference, String declined) {
    }

    /** The provider's idempotency key of a goodwill refund: unique across orders, as the provider sees all of them. */
    private static String providerKey(Order order, String goodwillKey) {
        return "goodwill:" + order.id() + ":" + goodwillKey;
    }

    /** The refunds recorded for the goodwill keyed {@code goodwillKey} and not yet answered; empty when none. */
    private static List<PaymentIntent> refundsOf(Order order, String goodwillKey) {
        String prefix = providerKey(order, goodwillKey);
        List<PaymentIntent> mine = new ArrayList<>();
        for (PaymentIntent i : order.payment().intents()) {
            if (i.kind() == PaymentIntent.Kind.REFUND && (i.key().equals(prefix) || i.key().startsWith(prefix + ":"))) {
                mine.add(i);
            }
        }
        return mine;
    }

    /**
     * Records on the order, before the provider is asked, one refund intent per tender (in refund order) or one for an
     * order paid with one payment: what they promise is no longer refundable by anything else.
     */
    private List<PaymentIntent> recordRefunds(Order order, Money amount, String goodwillKey) {
        List<PaymentIntent> parts = new ArrayList<>();
        if (order.payment().hasTenders()) {
            for (TenderAmount split : order.payment().refundSplit(amount)) {
                parts.add(PaymentIntent.onTender(PaymentIntent.Kind.REFUND, providerKey(order, goodwillKey) + ":" + split.tender(),
                        split.amount(), split.tender()));
            }
        } else {
            parts.add(PaymentIntent.of(PaymentIntent.Kind.REFUND, providerKey(order, goodwillKey), amount));
        }
        book.apply(order.id(), o -> {
            PaymentSummary p = o.payment();
            for (PaymentIntent i : parts) {
                p = p.withIntent(i);
            }
            return o.recordPayment("goodwill refund requested", PaymentOutcome.NOT_ATTEMPTED, p, clock.instant());
        });
        return parts;
    }

    private Refunded refund(Order order, List<PaymentIntent> parts) {
        List<String> references = new ArrayList<>();
        for (PaymentIntent p : parts) {
            String authorisation = p.tender() == null ? order.payment().authorisationRef()
                    : order.payment().tender(p.tender()).map(Tender::authorisationRef).orElse(null);
            PaymentResult result = payments.execute(new PaymentRequest(PaymentRequest.Kind.REFUND, p.key(), order.id(),
                    p.amount(), authorisation));
            if (result.outcome() == PaymentOutcome.UNKNOWN || result.outcome() == PaymentOutcome.NOT_ATTEMPTED) {
                throw new SpiException("goodwill refund " + p.key() + " of " + p.amount() + " for order " + order.id()
                        + " ended " + result.outcome() + "; call makeGood again with the same key to settle it", null, true);
            }
            if (!result.succeeded()) {
                String why = (p.tender() == null ? "" : "tender " + p.tender() + ": ")
                        + (result.message().isEmpty() ? "declined" : result.message());
                if (references.isEmpty() && p == parts.get(0)) {
                    return new Refunded("", why);
                }
                throw new SpiException("goodwill refund " + p.key() + " for order " + order.id() + " was declined after "
                        + "other tenders were refunded (" + why + "); people must resolve it", null, false);
            }
            references.add(result.reference());
        }
        return new Refunded(String.join(",", references), null);
    }

    // ---- re-shipping a lost or damaged parcel (see Reshipments) ----

    /** The rule that only a parcel shipped by carrier (shipped or delivered) is re-shipped. */
    public static final String RESHIP_SHIPPED_PARCEL = "reship-shipped-parcel";
    /** The rule that each unit of a parcel is re-shipped at most once (a re-shipment rejected or cancelled not counting). */
    public static final String RESHIP_ONCE_PER_UNIT = "reship-once-per-unit";
    /** The rule that a re-shipment needs the stock where it is sent from. */
    public static final String RESHIP_STOCK_SHORT = "reship-stock-short";

    private volatile Reshipments reshipments;

    /** Wires re-shipping in; called once by the builder before the service is handed out. */
    void reshipments(Reshipments wired) {
        this.reshipments = Checks.notNull(wired, "reshipments");
    }

    /**
     * Ships {@code units} of a lost or damaged parcel again, at no charge, as {@code actor} asked: a new fulfilment (a
     * {@link io.omskit.core.fulfilment.Reshipment}, linked to {@code parcel}) is offered where the sourcing puts the
     * units from free stock ({@link io.omskit.core.spi.DeliveryResourcing}, when one is configured and it puts them at
     * one location), else at the location the parcel left from, and its stock is allocated there. It goes through the
     * usual steps (accept, pick, pack, book, ship, deliver, through {@link Fulfilments} or this service); its stock
     * leaves its location when it ships, its delivery delivers the order's units still counted as shipped. It never
     * captures money and never changes the order's quantities, totals or payment. The order's timeline shows
     * {@code order.parcel-reshipped} with the actor and the reason; the parcel's units are written off in the stock
     * ledger where they left ({@link io.omskit.core.inventory.MovementReason#SHIPMENT_WRITE_OFF}, naming the order and
     * the parcel; on hand does not change again, it fell when the parcel shipped).
     *
     * <p>Refused, nothing changed: when the policy refuses ({@link ActionPolicy#mayReship}), when the parcel is not
     * shipped or delivered by carrier ({@value #RESHIP_SHIPPED_PARCEL}), when some of the units were re-shipped already
     * by another request ({@value #RESHIP_ONCE_PER_UNIT}), or when the stock is not there
     * ({@value #RESHIP_STOCK_SHORT}, naming the shortages). A second call with the same {@code reshipKey} and the same
     * request finishes what the first started and answers the same re-shipment as it is now. Two requests for the same
     * units at the same moment on two nodes (whose locks do not hold each other back) never both keep them: each checks
     * after saving its re-shipment, and one that sees the other gives its re-shipment up (stock freed) and is refused
     * ({@value #RESHIP_ONCE_PER_UNIT}); both may be, and the agent asks again.
     *
     * @param parcel    the shipped fulfilment whose parcel was lost or damaged
     * @param units     the units to ship again, per line, each line once; empty for everything the parcel held
     * @param reshipKey the caller's key of this re-shipment, unique per order, 1 to 100 characters
     * @return the re-shipment (offered to its location), or the refusal
     * @throws IllegalArgumentException when the order or parcel is unknown, the parcel is another order's, a line is
     *                                  not in the parcel or asks more units than it held, or the key was used for
     *                                  another request; nothing changed
     * @throws io.omskit.core.spi.SpiException when an adapter failed: call again with the same key
     */
    public Acted<Fulfilment> reship(OrderId id, FulfilmentId parcel, List<LineQuantity> units,
                                    io.omskit.core.order.ReshipReason reason, Actor actor, String reshipKey) {
        return reshipments.reship(id, parcel, units, reason, actor, reshipKey);
    }

    // ---- fulfilment steps ----

    /** {@link Fulfilments#accept} as {@code actor}, if the policy allows; the timeline names the actor. */
    public Acted<Fulfilment> accept(FulfilmentId id, Actor actor) {
        return step(id, actor, FulfilmentCommand.ACCEPT, () -> fulfilments.accept(id, actor));
    }

    /** {@link Fulfilments#reject} as {@code actor}, if the policy allows. */
    public Acted<Fulfilment> reject(FulfilmentId id, Actor actor, List<LineQuantity> units, String reason, String rejectionKey) {
        return step(id, actor, FulfilmentCommand.REJECT, () -> fulfilments.reject(id, units, reason, rejectionKey));
    }

    /** {@link Fulfilments#startPicking} as {@code actor}, if the policy allows; the timeline names the actor. */
    public Acted<Fulfilment> startPicking(FulfilmentId id, Actor actor) {
        return step(id, actor, FulfilmentCommand.START_PICKING, () -> fulfilments.startPicking(id, actor));
    }

    /** {@link Fulfilments#pack} as {@code actor}, if the policy allows; the timeline names the actor. */
    public Acted<Fulfilment> pack(FulfilmentId id, Actor actor) {
        return step(id, actor, FulfilmentCommand.PACK, () -> fulfilments.pack(id, actor));
    }

    /**
     * {@link Fulfilments#collect} as {@code actor}, if the policy allows: the customer collected the goods at
     * {@code store} with {@code pickupCode}, handed over by the actor (the timeline names them).
     */
    public Acted<Fulfilment> collect(FulfilmentId id, Actor actor, io.omskit.core.network.LocationId store, String pickupCode) {
        return step(id, actor, FulfilmentCommand.COLLECT, () -> fulfilments.collect(id, store, pickupCode, actor));
    }

    /** {@link Fulfilments#cancel} as {@code actor}, if the policy allows. */
    public Acted<Fulfilment> cancelFulfilment(FulfilmentId id, Actor actor, List<LineQuantity> units, CancellationReason reason,
                                              String cancellationKey) {
        return step(id, actor, FulfilmentCommand.CANCEL, () -> fulfilments.cancel(id, units, reason, cancellationKey, actor));
    }

    private Acted<Fulfilment> step(FulfilmentId id, Actor actor, FulfilmentCommand command, Supplier<Fulfilment> work) {
        Checks.notNull(actor, "actor");
        Verdict verdict = policy.mayActOn(actor, fulfilments.get(id), command);
        return verdict.refused() ? new Acted<>(null, verdict) : new Acted<>(work.get(), verdict);
    }

    private Order current(OrderId id) {
        return book.find(id).orElseThrow(() -> new IllegalArgumentException("order " + id + " is unknown"));
    }

    // ---- editing lines (see OrderEdits) ----

    /** The rule that lines are edited only on a confirmed order that is not on hold, cancelled or handed over. */
    public static final String EDIT_OPEN_ORDER = "edit-open-order";
    /** The rule that an edit needing more stock than the network has available is refused. */
    public static final String EDIT_STOCK_SHORT = "edit-stock-short";
    /** The rule that an edit whose extra payment the provider declined is refused. */
    public static final String EDIT_PAYMENT_DECLINED = "edit-payment-declined";
    /** The rule that an edit is not made while the provider declined to settle part of the order's payment. */
    public static final String EDIT_PAYMENT_IN_LINE = "edit-payment-in-line";
    /** The rule that an edit whose payment was undone (another edit or a cancellation came first) is not made. */
    public static final String EDIT_UNDONE = "edit-undone";

    private volatile OrderEdits edits;

    /** Wires the line edits in; called once by the builder before the service is handed out. */
    void lineEdits(OrderEdits lineEdits) {
        this.edits = Checks.notNull(lineEdits, "lineEdits");
    }

    /**
     * Edits the order's lines as {@code actor} asked, all or nothing: {@link LineEdit#add added} lines and raised
     * quantities are reserved (the new units wait for the normal sourcing, as the order's other reserved units do);
     * {@link LineEdit#remove removed} lines and lowered quantities are cancelled, open and reserved units first, then
     * units a fulfilment holds, through the fulfilment as a part cancellation is, their stock released. The payment
     * follows: when the edit costs more, the difference is authorised as a new tender of the order, charged last and
     * paid with the payment method the order charges last ({@link Order#paymentRef()}; an order paid with one payment
     * gets its payment as a first tender), under a key derived from {@code editKey}; when it costs less, what is no
     * longer owed is voided, tender by tender in reverse charge order, never below what was captured. An order whose
     * channel collects the payment (no payment method) moves no money. The timeline shows the edit with the actor
     * ({@code OrderLinesEdited}).
     *
     * <p>Refused, nothing changed: when the order is not confirmed or is on hold, cancelled or handed over
     * ({@value #EDIT_OPEN_ORDER}), when an edit would cancel units of a fulfilment that has begun picking
     * ({@value #CHANGE_BEFORE_PICKING}), when the policy refuses ({@link ActionPolicy#mayChange}), when the network
     * lacks the stock ({@value #EDIT_STOCK_SHORT}, naming SKU, available and needed), when the provider declines the
     * difference ({@value #EDIT_PAYMENT_DECLINED}; the stock is put back), when part of the order's payment waits for
     * people ({@value #EDIT_PAYMENT_IN_LINE}), or when the edit's payment was undone ({@value #EDIT_UNDONE}).
     *
     * <p>When the provider's answer is unknown or it cannot be reached, or an adapter fails, the stock is put back and
     * the call throws: calling again with the same {@code editKey} asks the provider again under the same key and
     * finishes the edit exactly once. Left alone, the next edit of the order (or its cancellation) asks instead and
     * gives back what was authorised. A second call with a key already applied changes nothing and answers the order.
     *
     * @param edits   at least one edit, each line at most once
     * @param editKey the caller's key of this edit, unique per order, 1 to 80 characters
     * @return the order after the edit, or the refusal
     * @throws ValidationException naming each bad edit (unknown line, an added line's taken id, unknown SKU, quantity
     *         not positive or above the line limit, price in another currency or negative, a quantity below the units
     *         already picked, shipped or collected), before anything changed
     * @throws IllegalArgumentException when the order is unknown or the key is blank or too long
     * @throws io.omskit.core.spi.SpiException when an adapter failed or the payment's outcome is unknown: call again
     *         with the same key
     */
    public Acted<Order> editLines(OrderId id, Actor actor, List<LineEdit> edits, String editKey) {
        return this.edits.editLines(id, actor, edits, editKey);
    }
}
