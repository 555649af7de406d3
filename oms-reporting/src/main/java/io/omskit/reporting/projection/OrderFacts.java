package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What the reports know of one order. Its placement is known once {@code OrderPlaced} arrived ({@link #isPlaced()});
 * the other facts may arrive before it.
 */
public final class OrderFacts {

    /**
     * One line as placed.
     *
     * @param line     the order line
     * @param sku      its SKU
     * @param quantity units ordered
     * @param total    what the customer pays for the line, net of its own discounts
     */
    public record PlacedLine(LineId line, Sku sku, int quantity, Money total) {
    }

    /**
     * Units cancelled by one cancellation of the order.
     *
     * @param at     when
     * @param reason why
     * @param units  units cancelled, over every line
     */
    public record Cancellation(Instant at, CancellationReason reason, int units) {
    }

    private final OrderId id;
    private Channel channel;
    private CurrencyUnit currency;
    private Instant placedAt;
    private DeliveryMethod method;
    private Instant promisedBy;
    private List<PlacedLine> lines = List.of();
    private Money total;
    private Instant firstAllocatedAt;
    private Instant confirmedAt;
    private final Map<Long, HoldReason> holds = new TreeMap<>();
    private long statusVersion = -1;
    private OrderStatus status;
    private final Map<Long, Cancellation> cancellations = new TreeMap<>();

    OrderFacts(OrderId id) {
        this.id = id;
    }

    /** The order. */
    public OrderId id() {
        return id;
    }

    /** Whether its placement is known; until then channel, currency, lines and times are null or empty. */
    public boolean isPlaced() {
        return placedAt != null;
    }

    /** Where it was taken; null until placed. */
    public Channel channel() {
        return channel;
    }

    /** Its one currency; null until placed. */
    public CurrencyUnit currency() {
        return currency;
    }

    /** When it was placed ({@code OrderPlaced}); null until then. */
    public Instant placedAt() {
        return placedAt;
    }

    /** How the customer receives it; null until placed. */
    public DeliveryMethod method() {
        return method;
    }

    /** The latest instant of the window promised at checkout; null when none was promised or not yet placed. */
    public Instant promisedBy() {
        return promisedBy;
    }

    /** Its lines as placed; empty until placed. */
    public List<PlacedLine> lines() {
        return lines;
    }

    /** Units ordered over every line. */
    public int units() {
        int n = 0;
        for (PlacedLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** What the customer pays for it as placed (lines less order discounts plus charges); null until placed. */
    public Money total() {
        return total;
    }

    /** When units were first given to a fulfilment ({@code OrderUnitsAllocated}); null before. */
    public Instant firstAllocatedAt() {
        return firstAllocatedAt;
    }

    /** When payment was secured ({@code OrderConfirmed}); null before. */
    public Instant confirmedAt() {
        return confirmedAt;
    }

    /** Why it was put on hold, each time it was, oldest version first. */
    public Collection<HoldReason> holds() {
        return Collections.unmodifiableCollection(holds.values());
    }

    /** Its customer-visible status after the latest status change seen; null when none was seen. */
    public OrderStatus status() {
        return status;
    }

    /** Its cancellations, oldest version first. */
    public Collection<Cancellation> cancellations() {
        return Collections.unmodifiableCollection(cancellations.values());
    }

    boolean place(Channel channel, CurrencyUnit currency, Instant placedAt, DeliveryMethod method, Instant promisedBy,
                  List<PlacedLine> lines, Money total) {
        if (this.placedAt != null) {
            return false;
        }
        this.channel = channel;
        this.currency = currency;
        this.placedAt = placedAt;
        this.method = method;
        this.promisedBy = promisedBy;
        this.lines = List.copyOf(lines);
        this.total = total;
        return true;
    }

    boolean allocated(Instant at) {
        if (firstAllocatedAt == null || at.isBefore(firstAllocatedAt)) {
            boolean first = firstAllocatedAt == null;
            firstAllocatedAt = at;
            return first;
        }
        return false;
    }

    boolean confirmed(Instant at) {
        boolean first = confirmedAt == null;
        if (first || at.isBefore(confirmedAt)) {
            confirmedAt = at;
        }
        return first;
    }

    boolean held(long version, HoldReason reason) {
        return holds.putIfAbsent(version, reason) == null;
    }

    boolean status(long version, OrderStatus to) {
        if (version <= statusVersion) {
            return false;
        }
        statusVersion = version;
        status = to;
        return true;
    }

    boolean cancelled(long version, Cancellation cancellation) {
        return cancellations.putIfAbsent(version, cancellation) == null;
    }
}
