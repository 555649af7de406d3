package io.omskit.reporting.projection;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** What the reports know of one return: its lines and reasons, what arrived and what was refunded for the goods. */
public final class ReturnFacts {

    /** Units of an order line authorised to come back, and why. */
    public record AuthorisedLine(LineId line, Sku sku, int quantity, ReturnReason reason) {
    }

    private final ReturnId id;
    private OrderId orderId;
    private Channel openedFrom;
    private Instant authorisedAt;
    private List<AuthorisedLine> lines = List.of();
    private Instant cancelledAt;
    private final Map<Integer, Integer> receivedByReceipt = new TreeMap<>();
    private final Map<String, Money> goodsByRefund = new HashMap<>();
    private final Map<String, List<LineQuantity>> unitsByRefund = new HashMap<>();
    private final Map<String, Instant> refundedAt = new HashMap<>();

    ReturnFacts(ReturnId id) {
        this.id = id;
    }

    /** The return. */
    public ReturnId id() {
        return id;
    }

    /** Whether its authorisation is known; until then order, lines and times are null or empty. */
    public boolean isAuthorised() {
        return authorisedAt != null;
    }

    /** The order it belongs to; null until authorised. */
    public OrderId orderId() {
        return orderId;
    }

    /** The channel it was opened from; null until authorised. */
    public Channel openedFrom() {
        return openedFrom;
    }

    /** When it was authorised ({@code ReturnAuthorised}); null before. */
    public Instant authorisedAt() {
        return authorisedAt;
    }

    /** Its lines as authorised. */
    public List<AuthorisedLine> lines() {
        return lines;
    }

    /** Whether it was withdrawn before anything arrived or was refunded. */
    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Units matched against its lines over every receipt ({@code ReturnReceived}). */
    public int unitsReceived() {
        int n = 0;
        for (int u : receivedByReceipt.values()) {
            n += u;
        }
        return n;
    }

    /**
     * The value of the goods refunded: the {@code goods} part (units net of discounts, before shipping refunds and
     * fees) of every refund the provider made or store credit issued; zero in {@code currency} when none.
     */
    public Money goodsRefunded(CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (Map.Entry<String, Instant> done : refundedAt.entrySet()) {
            Money goods = goodsByRefund.get(done.getKey());
            if (goods != null && goods.getCurrencyUnit().equals(currency)) {
                sum = sum.plus(goods);
            }
        }
        return sum;
    }

    /**
     * One refund of the goods that the provider made, or store credit issued.
     *
     * @param key   the refund's key
     * @param at    when it was made ({@code ReturnRefunded} or {@code StoreCreditIssued})
     * @param goods the value of the goods it paid back (units net of discounts, before shipping refunds and fees)
     * @param units the units it paid back, per order line
     */
    public record RefundedGoods(String key, Instant at, Money goods, List<LineQuantity> units) {
        public RefundedGoods {
            units = List.copyOf(units);
        }
    }

    /** Every refund made for it whose request is known, by key. */
    public List<RefundedGoods> refundedGoods() {
        List<RefundedGoods> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Instant> done : new TreeMap<>(refundedAt).entrySet()) {
            Money goods = goodsByRefund.get(done.getKey());
            if (goods != null) {
                out.add(new RefundedGoods(done.getKey(), done.getValue(), goods,
                        unitsByRefund.getOrDefault(done.getKey(), List.of())));
            }
        }
        return out;
    }

    /** The currency of its refunds; null when no refund was requested. */
    public CurrencyUnit refundCurrency() {
        for (Money m : goodsByRefund.values()) {
            return m.getCurrencyUnit();
        }
        return null;
    }

    boolean authorise(OrderId orderId, Channel openedFrom, Instant at, List<AuthorisedLine> lines) {
        if (authorisedAt != null) {
            return false;
        }
        this.orderId = orderId;
        this.openedFrom = openedFrom;
        this.authorisedAt = at;
        this.lines = List.copyOf(lines);
        return true;
    }

    boolean cancelled(Instant at) {
        boolean first = cancelledAt == null;
        if (first || at.isBefore(cancelledAt)) {
            cancelledAt = at;
        }
        return first;
    }

    boolean received(int receipt, int units) {
        return receivedByReceipt.putIfAbsent(receipt, units) == null;
    }

    boolean refundRequested(String key, Money goods, List<LineQuantity> units) {
        unitsByRefund.putIfAbsent(key, List.copyOf(units));
        return goodsByRefund.putIfAbsent(key, goods) == null;
    }

    boolean refunded(String key, Instant at) {
        Instant before = refundedAt.get(key);
        if (before == null || at.isBefore(before)) {
            refundedAt.put(key, at);
        }
        return before == null;
    }
}
