package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitMove;
import io.omskit.core.order.UnitState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
     * @param moves  the units cancelled per line and the state they were in (awaiting stock, open, reserved...)
     */
    public record Cancellation(Instant at, CancellationReason reason, int units, List<UnitMove> moves) {
        public Cancellation {
            moves = List.copyOf(moves);
        }
    }

    /**
     * Units of a line waiting for inbound stock at an instant ({@code OrderUnitsBackordered} less
     * {@code OrderBackorderFilled} and the units cancelled while awaiting stock).
     *
     * @param line     the order line
     * @param sku      its SKU; null when the order's placement is unknown
     * @param location where the supply arrives (the backorder's location)
     * @param units    units still waiting, at least 1
     * @param since    when the line's units were backordered
     */
    public record AwaitingStock(LineId line, Sku sku, String location, int units, Instant since) {
    }

    /** One change of a line's units awaiting stock, by one event. */
    private record StockWait(Instant at, List<UnitMove> moves, String location) {
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
    private final Map<Long, StockWait> stockWaits = new TreeMap<>();

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

    /**
     * The lines with units waiting for inbound stock at {@code asOf}, in line order: what backorders added, less what
     * receipts filled and cancellations took from units awaiting stock, counting the events stamped at or before
     * {@code asOf}.
     */
    public List<AwaitingStock> awaitingStockAt(Instant asOf) {
        if (stockWaits.isEmpty()) {
            return List.of();
        }
        Map<LineId, int[]> units = new TreeMap<>();
        Map<LineId, StockWait> backordered = new HashMap<>();
        for (StockWait w : stockWaits.values()) {
            if (w.at().isAfter(asOf)) {
                continue;
            }
            for (UnitMove m : w.moves()) {
                if (m.to() == UnitState.AWAITING_STOCK) {
                    units.computeIfAbsent(m.line(), k -> new int[1])[0] += m.quantity();
                    backordered.put(m.line(), w);
                } else if (m.from() == UnitState.AWAITING_STOCK) {
                    units.computeIfAbsent(m.line(), k -> new int[1])[0] -= m.quantity();
                }
            }
        }
        for (Cancellation c : cancellations.values()) {
            if (c.at().isAfter(asOf)) {
                continue;
            }
            for (UnitMove m : c.moves()) {
                if (m.from() == UnitState.AWAITING_STOCK) {
                    units.computeIfAbsent(m.line(), k -> new int[1])[0] -= m.quantity();
                }
            }
        }
        List<AwaitingStock> out = new ArrayList<>();
        units.forEach((line, n) -> {
            StockWait w = backordered.get(line);
            if (n[0] > 0 && w != null) {
                out.add(new AwaitingStock(line, skuOf(line), w.location(), n[0], w.at()));
            }
        });
        return out;
    }

    private Sku skuOf(LineId line) {
        for (PlacedLine l : lines) {
            if (l.line().equals(line)) {
                return l.sku();
            }
        }
        return null;
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

    /** Units moved into or out of awaiting stock by a backorder or its fill; {@code location} null for a fill. */
    boolean stockWait(long version, Instant at, List<UnitMove> moves, String location) {
        return stockWaits.putIfAbsent(version, new StockWait(at, List.copyOf(moves), location)) == null;
    }
}
