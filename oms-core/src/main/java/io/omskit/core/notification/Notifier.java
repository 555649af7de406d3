package io.omskit.core.notification;

import com.google.common.hash.Hashing;
import io.omskit.core.Oms;
import io.omskit.core.backorder.BackorderEvent;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.TimeRange;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.shipping.TrackingStatus;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.LoggedNotification;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.NotificationClaim;
import io.omskit.core.spi.NotificationLog;
import io.omskit.core.spi.NotificationResult;
import io.omskit.core.spi.NotificationSender;
import io.omskit.core.spi.NotificationSubject;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells customers what happens to their orders: exactly one message per order and customer-visible status, and per
 * parcel and tracking milestone, through the host's {@link NotificationSender}.
 *
 * <p><b>Fed by published events only.</b> Add it as a subscriber of what the library publishes (the outbox relay's
 * publisher, or a {@code RecordingEventPublisher} listener), so that a change that rolled back never sends anything.
 * It reacts to {@link OrderEvent.OrderStatusChanged} into one of its statuses (by default confirmed, ready for pickup,
 * shipped, picked up, delivered, partially cancelled, cancelled and returned; never "order placed", which a placement
 * can still undo: the first message is the confirmation), to {@link #trackingMilestone(TrackingMilestone)}, to
 * {@link io.omskit.core.backorder.BackorderEvent.SupplyDateMoved} (supply for waiting units slipped), and to
 * {@link OrderEvent.OrderParcelReshipped} (a lost or damaged parcel sent again).
 *
 * <p><b>Exactly once.</b> Every message has an idempotency key fixed by its order, subject and channel. It is claimed in
 * the {@link NotificationLog} before it is sent and marked sent after, so that
 * <ul>
 * <li>an event delivered twice, or by many threads at once, sends one message (the others find it sent or in
 *     flight);</li>
 * <li>an older status arriving after a newer one was claimed sends nothing;</li>
 * <li>a message whose sender crashed, failed or timed out, or whose sent-mark was not written, stays claimed and is sent
 *     again with the same key after the claim's lease by {@link #retryUnsent(int)} or the event's next delivery; the
 *     provider drops the repeat of a message it already took.</li>
 * </ul>
 * Thread-safe.
 */
public final class Notifier implements EventPublisher {

    /**
     * The carriers' scans a customer hears of as tracking milestones (the milestone named after the status): on its way,
     * out for delivery, available for pickup, a failed attempt, an exception, returned to the sender. Delivery is told as
     * the order's status.
     */
    public static final Set<TrackingStatus> TOLD_SCANS = Set.copyOf(EnumSet.of(TrackingStatus.IN_TRANSIT,
            TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.AVAILABLE_FOR_PICKUP, TrackingStatus.FAILED_ATTEMPT,
            TrackingStatus.EXCEPTION, TrackingStatus.RETURNED_TO_SENDER));
    /** The milestone of a parcel that will miss, or has missed, the promised day ({@code ParcelDelayed}). */
    public static final String DELAYED = "DELAYED";

    /** The statuses a notifier tells the customer about unless configured otherwise. */
    public static final Set<OrderStatus> DEFAULT_STATUSES = Set.copyOf(EnumSet.of(OrderStatus.CONFIRMED,
            OrderStatus.READY_FOR_PICKUP, OrderStatus.SHIPPED, OrderStatus.PICKED_UP, OrderStatus.DELIVERED,
            OrderStatus.PARTIALLY_CANCELLED, OrderStatus.CANCELLED, OrderStatus.RETURNED, OrderStatus.AWAITING_STOCK));

    private final Oms oms;
    private final NotificationSender sender;
    private final NotificationLog log;
    private final Set<OrderStatus> statuses;
    private final ContactPreferences contacts;
    private final TrackingLinks links;
    private final Duration lease;
    private final int maxAttempts;

    private Notifier(Builder b) {
        this.oms = b.oms;
        this.sender = b.sender;
        this.log = b.log;
        this.statuses = Set.copyOf(b.statuses);
        this.contacts = b.contacts;
        this.links = b.links;
        this.lease = b.lease;
        this.maxAttempts = b.maxAttempts;
    }

    /**
     * A builder of a notifier that reads orders, fulfilments and stores from {@code oms} and sends with {@code sender},
     * recording messages in {@code log}.
     */
    public static Builder builder(Oms oms, NotificationSender sender, NotificationLog log) {
        return new Builder(oms, sender, log);
    }

    /**
     * Sends the messages {@code events} call for: what {@link #accept(DomainEvent)} does for each.
     *
     * @throws io.omskit.core.spi.SpiException when the log failed: delivering the events again finishes the work
     */
    @Override
    public void publish(List<? extends DomainEvent> events) {
        for (DomainEvent e : events) {
            accept(e);
        }
    }

    /**
     * Sends the messages {@code event} calls for, if any, to each of the customer's contacts.
     *
     * @return what became of each message; empty when the event calls for none (or the order is unknown)
     * @throws io.omskit.core.spi.SpiException when the log failed: delivering the event again finishes the work
     */
    public List<NotificationAttempt> accept(DomainEvent event) {
        Checks.notNull(event, "event");
        if (event instanceof FulfilmentEvent.ParcelTracked t && TOLD_SCANS.contains(t.status())) {
            return trackingMilestone(new TrackingMilestone(t.orderId(), t.fulfilmentId().value(), t.status().name(),
                    t.reportedAt(), t.service().carrier(), t.trackingNumber(), t.expectedDelivery()));
        }
        if (event instanceof FulfilmentEvent.ParcelDelayed d) {
            // its own sequence: a delay is found when a report is processed, later than the scans it comes with
            return trackingMilestone(new TrackingMilestone(d.orderId(), d.fulfilmentId().value() + "/delay", DELAYED,
                    d.occurredAt(), d.service().carrier(), d.trackingNumber(), d.expectedDelivery()));
        }
        if (event instanceof BackorderEvent.SupplyDateMoved moved) {
            return supplyDateMoved(moved);
        }
        if (event instanceof OrderEvent.OrderDeliveryChanged changed) {
            return deliveryChanged(changed);
        }
        if (event instanceof OrderEvent.OrderParcelReshipped reshipped) {
            return parcelReshipped(reshipped);
        }
        if (!(event instanceof OrderEvent.OrderStatusChanged changed) || !statuses.contains(changed.to())) {
            return List.of();
        }
        Optional<Order> order = oms.order(changed.orderId());
        if (order.isEmpty()) {
            return List.of();
        }
        NotificationSubject subject = NotificationSubject.orderStatus(changed.to());
        return notifyAll(order.get(), subject, changed.version(), statusData(order.get(), changed.to()));
    }

    /**
     * Tells the customer that units of the order waiting for supply are now expected later, or without a date: once per
     * backorder and new date, under the subject {@link NotificationSubject#supplyDate}.
     *
     * @return what became of each message; empty when the order is unknown
     */
    public List<NotificationAttempt> supplyDateMoved(BackorderEvent.SupplyDateMoved moved) {
        Checks.notNull(moved, "moved");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(MessageData.SKU, moved.sku().value());
        if (moved.to() != null) {
            data.put(MessageData.EXPECTED_AT, moved.to().toString());
        }
        if (moved.from() != null) {
            data.put(MessageData.PREVIOUSLY_EXPECTED_AT, moved.from().toString());
        }
        String change = moved.to() == null ? "undated-" + moved.occurredAt().toEpochMilli()
                : String.valueOf(moved.to().toEpochMilli());
        return tell(moved.orderId(), NotificationSubject.supplyDate(moved.backorder().value(), change),
                moved.occurredAt().toEpochMilli(), data);
    }

    /**
     * Tells the customer that customer service changed the order's delivery and its promised date moved: once per
     * change, under the subject {@link NotificationSubject#deliveryChanged}, with the new method, pickup store and
     * promise and the promise before. Nothing when the promise stayed.
     *
     * @return what became of each message; empty when the promise stayed or the order is unknown
     */
    public List<NotificationAttempt> deliveryChanged(OrderEvent.OrderDeliveryChanged changed) {
        Checks.notNull(changed, "changed");
        if (!changed.promiseMoved()) {
            return List.of();
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put(MessageData.DELIVERY_METHOD, changed.delivery().method().name());
        if (changed.delivery().promised() != null) {
            data.put(MessageData.PROMISED_BY, changed.delivery().promised().latest().toString());
        }
        if (changed.previousPromise() != null) {
            data.put(MessageData.PREVIOUSLY_PROMISED_BY, changed.previousPromise().latest().toString());
        }
        if (changed.delivery().pickupStore() != null) {
            data.put(MessageData.PICKUP_STORE, changed.delivery().pickupStore().value());
        }
        return tell(changed.orderId(), NotificationSubject.deliveryChanged("v" + changed.version()), changed.version(), data);
    }

    /**
     * Tells the customer that customer service has units of a lost or damaged parcel shipped again, at no charge: once
     * per re-shipment, under the subject {@link NotificationSubject#parcelReshipped}, with the parcel, the reason and
     * the units. The new parcel's tracking milestones follow as any parcel's do.
     *
     * @return what became of each message; empty when the order is unknown
     */
    public List<NotificationAttempt> parcelReshipped(OrderEvent.OrderParcelReshipped reshipped) {
        Checks.notNull(reshipped, "reshipped");
        Map<String, String> data = new LinkedHashMap<>();
        data.put(MessageData.RESHIPPED_PARCEL, reshipped.parcel());
        data.put(MessageData.RESHIP_REASON, reshipped.reason().name());
        java.util.StringJoiner units = new java.util.StringJoiner(", ");
        reshipped.units().forEach(q -> units.add(q.quantity() + " x " + q.line().value()));
        data.put(MessageData.RESHIPPED_UNITS, units.toString());
        return tell(reshipped.orderId(), NotificationSubject.parcelReshipped(reshipped.replacement()),
                reshipped.version(), data);
    }

    /**
     * Tells the customer a parcel reached a milestone: once per order, parcel and milestone, and not at all when a later
     * milestone of the parcel was told already.
     *
     * @return what became of each message; empty when the order is unknown
     */
    public List<NotificationAttempt> trackingMilestone(TrackingMilestone milestone) {
        Checks.notNull(milestone, "milestone");
        Optional<Order> order = oms.order(milestone.orderId());
        if (order.isEmpty()) {
            return List.of();
        }
        Map<String, String> data = baseData(order.get());
        data.put(MessageData.CARRIER, milestone.carrier());
        putTracking(data, milestone.carrier(), milestone.trackingNumber());
        data.put(MessageData.MILESTONE_AT, milestone.occurredAt().toString());
        if (milestone.revisedDate() != null) {
            data.put(MessageData.REVISED_DATE, milestone.revisedDate().toString());
        }
        NotificationSubject subject = NotificationSubject.trackingMilestone(milestone.parcel(), milestone.milestone());
        return notifyAll(order.get(), subject, milestone.occurredAt().toEpochMilli(), data);
    }

    /**
     * Tells the customer of order {@code orderId} about {@code subject}, once per order, subject and channel, with
     * {@code data} for the template beside what every message carries ({@link MessageData#ORDER_ID} and the like): the
     * entry point for news the notifier does not read from core's events, such as the steps of a return. A message is
     * not sent when a change later than {@code sequence} was claimed already in the subject's
     * {@link NotificationSubject#stream() stream}.
     *
     * @param sequence orders the changes of one stream (an event's version or time); later is greater
     * @param data     names and values for the template (names of 1 to 100 characters); copied
     * @return what became of each message; empty when the order is unknown
     * @throws IllegalArgumentException when {@code orderId}, {@code subject} or {@code data} is null, or a name or
     *                                  value of {@code data} is invalid
     * @throws io.omskit.core.spi.SpiException when the log failed: telling again finishes the work
     */
    public List<NotificationAttempt> tell(OrderId orderId, NotificationSubject subject, long sequence, Map<String, String> data) {
        Checks.notNull(orderId, "orderId");
        Checks.notNull(subject, "subject");
        Checks.notNull(data, "data");
        Optional<Order> order = oms.order(orderId);
        if (order.isEmpty()) {
            return List.of();
        }
        Map<String, String> all = baseData(order.get());
        all.putAll(data);
        return notifyAll(order.get(), subject, sequence, all);
    }

    /**
     * Sends again, with their first idempotency keys, up to {@code limit} messages claimed at least a lease ago and
     * never marked sent (their sender crashed, failed or timed out, or the mark was not written), each fewer than the
     * configured attempts. Call it from a scheduler.
     *
     * @return what became of each
     */
    public List<NotificationAttempt> retryUnsent(int limit) {
        Checks.positive(limit, "limit");
        Instant now = oms.clock().instant();
        List<NotificationAttempt> attempts = new ArrayList<>();
        for (LoggedNotification n : log.unsent(now.minus(lease), maxAttempts, limit)) {
            attempts.add(claimAndSend(n.notification(), n.sequence()));
        }
        return attempts;
    }

    /** The idempotency key of the message about {@code subject} of {@code order} on {@code channel}. */
    public static String keyOf(OrderId order, NotificationSubject subject, NotificationChannel channel) {
        String identity = order.value() + '\u0000' + subject.kind() + '\u0000' + subject.name() + '\u0000'
                + subject.parcel() + '\u0000' + channel;
        return "ntf-" + Hashing.sha256().hashString(identity, StandardCharsets.UTF_8).toString().substring(0, 40);
    }

    // ---- internals ----

    private List<NotificationAttempt> notifyAll(Order order, NotificationSubject subject, long sequence,
                                                Map<String, String> data) {
        List<NotificationAttempt> attempts = new ArrayList<>();
        for (Contact c : contacts.contactsFor(order)) {
            Notification n = new Notification(keyOf(order.id(), subject, c.channel()), order.id(), order.customer(),
                    c.channel(), c.locale(), subject, data);
            attempts.add(claimAndSend(n, sequence));
        }
        return attempts;
    }

    private NotificationAttempt claimAndSend(Notification n, long sequence) {
        NotificationClaim claim = log.claim(n, sequence, oms.clock().instant(), lease);
        if (!claim.mustSend()) {
            return new NotificationAttempt(n, claim, null);
        }
        NotificationResult result = sender.send(n);
        if (result == null) {
            result = NotificationResult.unknown("the sender answered null");
        }
        if (result.isSent()) {
            log.markSent(n.idempotencyKey(), oms.clock().instant());
        }
        // a failed or unknown message stays claimed: retryUnsent sends it again, with the same key, after the lease
        return new NotificationAttempt(n, claim, result);
    }

    private Map<String, String> baseData(Order order) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(MessageData.ORDER_ID, order.id().value());
        data.put(MessageData.EXTERNAL_REF, order.externalRef().value());
        data.put(MessageData.DELIVERY_METHOD, order.delivery().method().name());
        if (order.delivery().promised() != null) {
            data.put(MessageData.PROMISED_BY, order.delivery().promised().latest().toString());
        }
        return data;
    }

    private Map<String, String> statusData(Order order, OrderStatus status) {
        Map<String, String> data = baseData(order);
        LocationId store = order.delivery().pickupStore();
        if (store != null) {
            data.put(MessageData.PICKUP_STORE, store.value());
            oms.network().find(store).ifPresent(l -> {
                data.put(MessageData.PICKUP_STORE_NAME, l.name());
                data.put(MessageData.OPENING_HOURS, openingHours(l));
            });
        }
        List<Fulfilment> fulfilments = oms.fulfilments().forOrder(order.id());
        if (status == OrderStatus.READY_FOR_PICKUP) {
            fulfilments.stream().filter(f -> f.status() == FulfilmentStatus.READY_FOR_COLLECTION).reduce((a, b) -> b)
                    .ifPresent(f -> {
                        data.put(MessageData.PICKUP_CODE, f.pickupCode());
                        data.put(MessageData.COLLECT_BY, f.collectBy().toString());
                    });
        }
        if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) {
            fulfilments.stream().filter(f -> f.shipment() != null && !f.kind().isCollected()).reduce((a, b) -> b)
                    .ifPresent(f -> {
                        data.put(MessageData.CARRIER, f.shipment().carrier());
                        putTracking(data, f.shipment().carrier(), f.shipment().trackingNumber());
                    });
        }
        return data;
    }

    private void putTracking(Map<String, String> data, String carrier, String trackingNumber) {
        if (trackingNumber.isEmpty()) {
            return;
        }
        data.put(MessageData.TRACKING_NUMBER, trackingNumber);
        String link = links.linkFor(carrier, trackingNumber);
        if (link != null && !link.isBlank()) {
            data.put(MessageData.TRACKING_LINK, link);
        }
    }

    private static String openingHours(Location location) {
        StringBuilder text = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = location.openingHours().on(day);
            if (ranges.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(day);
            for (TimeRange r : ranges) {
                text.append(' ').append(r.from()).append('-').append(r.to());
            }
        }
        return text.toString();
    }

    /** Configures a {@link Notifier}. Not thread-safe. */
    public static final class Builder {
        private final Oms oms;
        private final NotificationSender sender;
        private final NotificationLog log;
        private Set<OrderStatus> statuses = DEFAULT_STATUSES;
        private ContactPreferences contacts = order -> List.of(Contact.of(NotificationChannel.EMAIL, Locale.ROOT));
        private TrackingLinks links = TrackingLinks.none();
        private Duration lease = Duration.ofMinutes(2);
        private int maxAttempts = 10;

        private Builder(Oms oms, NotificationSender sender, NotificationLog log) {
            this.oms = Checks.notNull(oms, "oms");
            this.sender = Checks.notNull(sender, "sender");
            this.log = Checks.notNull(log, "log");
        }

        /**
         * The customer-visible statuses that send a message; default {@link #DEFAULT_STATUSES}.
         *
         * @throws IllegalArgumentException when it holds {@link OrderStatus#AWAITING_CONFIRMATION}: an order still
         *                                  awaiting confirmation may yet be undone, so it is never told
         */
        public Builder statuses(Set<OrderStatus> statuses) {
            Checks.notNull(statuses, "statuses");
            if (statuses.contains(OrderStatus.AWAITING_CONFIRMATION)) {
                throw new IllegalArgumentException("statuses must not contain AWAITING_CONFIRMATION: the placement may"
                        + " still be undone; the confirmation is the first message");
            }
            this.statuses = Set.copyOf(statuses);
            return this;
        }

        /** How each order's customer is reached; default one e-mail in {@link Locale#ROOT}. */
        public Builder contacts(ContactPreferences contacts) {
            this.contacts = Checks.notNull(contacts, "contacts");
            return this;
        }

        /** The host's tracking page for a parcel; default none. */
        public Builder trackingLinks(TrackingLinks links) {
            this.links = Checks.notNull(links, "trackingLinks");
            return this;
        }

        /**
         * How long a claimed message keeps others from sending it (longer than a send takes); after it, an unsent
         * message is sent again with the same key. Default 2 minutes.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder lease(Duration lease) {
            Checks.notNull(lease, "lease");
            if (lease.isZero() || lease.isNegative()) {
                throw new IllegalArgumentException("lease must be positive, was " + lease);
            }
            this.lease = lease;
            return this;
        }

        /** How many times {@link #retryUnsent(int)} tries one message in all before leaving it; default 10. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.positive(maxAttempts, "maxAttempts");
            return this;
        }

        /** The notifier. */
        public Notifier build() {
            return new Notifier(this);
        }
    }
}
