package io.omskit.reporting.measure;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.UnitMove;
import io.omskit.reporting.projection.EventProjection;
import io.omskit.reporting.projection.FulfilmentFacts;
import io.omskit.reporting.projection.OrderFacts;
import io.omskit.reporting.projection.ReturnFacts;
import io.omskit.reporting.projection.StockFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Every measure, computed live from the projection's facts when asked (nothing is precomputed, so each answer holds
 * every event applied so far). Each method's row type defines the measure: numerator, denominator, and which event
 * stamps which time. Rows come sorted by bucket, then group, then any further key. Thread-safe.
 */
public final class Measures {

    /** The group of a measure that is not broken down. */
    public static final String ALL = "all";
    /** The group of facts whose order (so channel, SKU or category) is not known yet. */
    public static final String UNKNOWN = "unknown";

    private final EventProjection projection;
    private final Function<Sku, String> categories;
    private final UnitCosts unitCosts;
    private final Clock clock;

    /**
     * Measures over {@code projection}.
     *
     * @param categories the merchandising category of a SKU (for {@link Dimension#CATEGORY}); never returns null
     * @param clock      what "now" is for measures that depend on it (promises passed, backlog ages, running stock-outs)
     */
    public Measures(EventProjection projection, Function<Sku, String> categories, Clock clock) {
        this(projection, categories, UnitCosts.none(), clock);
    }

    /**
     * Measures over {@code projection}, with the stock measures also in value.
     *
     * @param categories the merchandising category of a SKU (for {@link Dimension#CATEGORY}); never returns null
     * @param unitCosts  what a unit of each SKU cost, for {@link #stockTurnoverValue}
     * @param clock      what "now" is for measures that depend on it (promises passed, backlog ages, running stock-outs)
     */
    public Measures(EventProjection projection, Function<Sku, String> categories, UnitCosts unitCosts, Clock clock) {
        this.projection = Checks.notNull(projection, "projection");
        this.categories = Checks.notNull(categories, "categories");
        this.unitCosts = Checks.notNull(unitCosts, "unitCosts");
        this.clock = Checks.notNull(clock, "clock");
    }

    /** The clock the measures read "now" from. */
    public Clock clock() {
        return clock;
    }

    // ---- order volume ----

    /** Order volume and value; see {@link OrderVolume}. */
    public List<OrderVolume> orderVolume(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "orderVolume", Dimension.TOTAL, Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SKU);
        return projection.read(p -> {
            Map<List<Object>, long[]> counts = new TreeMap<>(KEY_ORDER);
            Map<List<Object>, Money> values = new HashMap<>();
            for (OrderFacts o : p.orders()) {
                if (!o.isPlaced() || !period.contains(o.placedAt())) {
                    continue;
                }
                LocalDate[] b = bucket(period, granularity, o.placedAt());
                if (by == Dimension.TOTAL || by == Dimension.CHANNEL) {
                    List<Object> key = List.of(b[0], b[1], by == Dimension.TOTAL ? ALL : o.channel().name(), o.currency().getCode());
                    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                    c[0]++;
                    c[1] += o.units();
                    values.merge(key, o.total(), Money::plus);
                } else {
                    Set<String> seen = new HashSet<>();
                    for (OrderFacts.PlacedLine l : o.lines()) {
                        String group = by == Dimension.SKU ? l.sku().value() : categories.apply(l.sku());
                        List<Object> key = List.of(b[0], b[1], group, o.currency().getCode());
                        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                        if (seen.add(group)) {
                            c[0]++;
                        }
                        c[1] += l.quantity();
                        values.merge(key, l.total(), Money::plus);
                    }
                }
            }
            List<OrderVolume> rows = new ArrayList<>();
            counts.forEach((k, c) -> rows.add(new OrderVolume((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    CurrencyUnit.of((String) k.get(3)), c[0], c[1], values.get(k))));
            return List.copyOf(rows);
        });
    }

    // ---- fulfilment speed ----

    /** Fulfilment speed; see {@link FulfilmentSpeed}. Rows for both legs, where there are samples. */
    public List<FulfilmentSpeed> fulfilmentSpeed(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "fulfilmentSpeed", Dimension.TOTAL, Dimension.CHANNEL, Dimension.LOCATION,
                Dimension.CATEGORY, Dimension.SKU);
        return projection.read(p -> {
            Map<List<Object>, List<Long>> samples = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                Instant done = f.fulfilledAt();
                if (done == null || !period.contains(done)) {
                    continue;
                }
                OrderFacts o = p.order(f.orderId());
                if (o == null || !o.isPlaced()) {
                    continue;
                }
                LocalDate[] b = bucket(period, granularity, done);
                Set<String> groups = new TreeSet<>();
                if (by == Dimension.CATEGORY || by == Dimension.SKU) {
                    // one sample per SKU (category) the fulfilment carried, however many of its lines hold it
                    for (FulfilmentFacts.OfferedLine l : f.lines()) {
                        if (f.unitsKept(l.line()) > 0) {
                            groups.add(group(by, o, l.sku()));
                        }
                    }
                } else {
                    groups.add(by == Dimension.TOTAL ? ALL : by == Dimension.CHANNEL ? o.channel().name() : f.location().value());
                }
                FulfilmentSpeed.Leg leg = f.isHomeDelivery() ? FulfilmentSpeed.Leg.PLACED_TO_SHIPPED
                        : FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP;
                long millis = Math.max(0, done.toEpochMilli() - o.placedAt().toEpochMilli());
                for (String group : groups) {
                    samples.computeIfAbsent(List.of(b[0], b[1], group, leg.ordinal()), k -> new ArrayList<>()).add(millis);
                }
            }
            List<FulfilmentSpeed> rows = new ArrayList<>();
            samples.forEach((k, list) -> {
                long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
                long sum = 0;
                for (long s : sorted) {
                    sum += s;
                }
                rows.add(new FulfilmentSpeed((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                        FulfilmentSpeed.Leg.values()[(Integer) k.get(3)], sorted.length,
                        Duration.ofMillis(percentile(sorted, 50)), Duration.ofMillis(percentile(sorted, 90)),
                        Duration.ofMillis(percentile(sorted, 99)), Duration.ofMillis(sum / sorted.length)));
            });
            return List.copyOf(rows);
        });
    }

    // ---- promise kept ----

    /** Promise kept (OTIF) and average lateness; see {@link PromiseKept}. */
    public List<PromiseKept> promiseKept(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "promiseKept", Dimension.TOTAL, Dimension.CHANNEL, Dimension.LOCATION, Dimension.CATEGORY,
                Dimension.SKU);
        Instant now = clock.instant();
        return projection.read(p -> {
            Map<OrderId, List<FulfilmentFacts>> byOrder = fulfilmentsByOrder(p);
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (OrderFacts o : p.orders()) {
                if (!o.isPlaced() || o.promisedBy() == null || !period.contains(o.promisedBy())) {
                    continue;
                }
                int cancelled = 0;
                boolean inFull = true;
                for (OrderFacts.Cancellation c : o.cancellations()) {
                    cancelled += c.units();
                    if (c.reason() != CancellationReason.CUSTOMER_REQUEST) {
                        inFull = false;
                    }
                }
                if (cancelled >= o.units()) {
                    continue;
                }
                List<FulfilmentFacts> fulfilments = byOrder.getOrDefault(o.id(), List.of());
                Instant completed = completion(o, fulfilments);
                if (completed == null && !now.isAfter(o.promisedBy())) {
                    continue;
                }
                LocalDate[] b = bucket(period, granularity, o.promisedBy());
                Map<String, List<FulfilmentFacts>> groups = new TreeMap<>();
                if (by == Dimension.TOTAL || by == Dimension.CHANNEL) {
                    groups.put(by == Dimension.TOTAL ? ALL : o.channel().name(), fulfilments);
                } else if (by == Dimension.LOCATION) {
                    for (FulfilmentFacts f : fulfilments) {
                        if (f.unitsKept() > 0) {
                            groups.computeIfAbsent(f.location().value(), k -> new ArrayList<>()).add(f);
                        }
                    }
                } else {
                    for (OrderFacts.PlacedLine l : o.lines()) {
                        List<FulfilmentFacts> holding = groups.computeIfAbsent(group(by, o, l.sku()), k -> new ArrayList<>());
                        for (FulfilmentFacts f : fulfilments) {
                            if (f.unitsKept(l.line()) > 0 && !holding.contains(f)) {
                                holding.add(f);
                            }
                        }
                    }
                    // a group whose units were all cancelled while the rest of the order arrived has no outcome of its own
                    groups.values().removeIf(held -> held.isEmpty() && completed != null);
                }
                for (Map.Entry<String, List<FulfilmentFacts>> g : groups.entrySet()) {
                    Instant groupCompleted = g.getValue().isEmpty() ? null : completion(o, g.getValue());
                    boolean onTime = groupCompleted != null && !groupCompleted.isAfter(o.promisedBy());
                    long[] a = acc.computeIfAbsent(List.of(b[0], b[1], g.getKey()), k -> new long[6]);
                    a[0]++;
                    a[1] += onTime ? 1 : 0;
                    a[2] += inFull ? 1 : 0;
                    a[3] += onTime && inFull ? 1 : 0;
                    if (groupCompleted != null && !onTime) {
                        a[4]++;
                        a[5] += groupCompleted.toEpochMilli() - o.promisedBy().toEpochMilli();
                    }
                }
            }
            List<PromiseKept> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new PromiseKept((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    a[0], a[1], a[2], a[3], ratio(a[3], a[0]), Duration.ofMillis(a[4] == 0 ? 0 : a[5] / a[4]))));
            return List.copyOf(rows);
        });
    }

    /**
     * When the order reached the customer as its delivery method counts it: the latest delivery (home) or
     * ready-for-collection time (pickup) of its fulfilments that kept units; null while one of them has not, or none has.
     */
    private static Instant completion(OrderFacts o, List<FulfilmentFacts> fulfilments) {
        boolean pickup = o.method() != null && o.method().isPickup();
        Instant last = null;
        for (FulfilmentFacts f : fulfilments) {
            if (f.unitsKept() == 0) {
                continue;
            }
            Instant at = pickup ? f.readyForCollectionAt() : f.deliveredAt();
            if (at == null) {
                return null;
            }
            last = last == null || at.isAfter(last) ? at : last;
        }
        return last;
    }

    // ---- fill rate ----

    /** Fill rate; see {@link FillRate}. */
    public List<FillRate> fillRate(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "fillRate", Dimension.TOTAL, Dimension.CHANNEL, Dimension.LOCATION, Dimension.CATEGORY,
                Dimension.SKU);
        if (by == Dimension.CATEGORY || by == Dimension.SKU) {
            return fillRateByLine(period, granularity, by);
        }
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                if (!f.isOffered() || !period.contains(f.offeredAt()) || !f.isClosed()) {
                    continue;
                }
                String group;
                if (by == Dimension.CHANNEL) {
                    OrderFacts o = p.order(f.orderId());
                    if (o == null || !o.isPlaced()) {
                        continue;
                    }
                    group = o.channel().name();
                } else {
                    group = by == Dimension.TOTAL ? ALL : f.location().value();
                }
                int customerCancelled = 0;
                for (FulfilmentFacts.Removal c : f.cancellations()) {
                    if (c.reason().equals(CancellationReason.CUSTOMER_REQUEST.name())) {
                        customerCancelled += c.total();
                    }
                }
                long requested = Math.max(0, f.unitsOffered() - customerCancelled);
                long filled = f.fulfilledAt() != null ? f.unitsKept() : 0;
                LocalDate[] b = bucket(period, granularity, f.offeredAt());
                long[] a = acc.computeIfAbsent(List.of(b[0], b[1], group), k -> new long[2]);
                a[0] += requested;
                a[1] += Math.min(filled, requested);
            }
            List<FillRate> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new FillRate((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    a[0], a[1], ratio(a[1], a[0]))));
            return List.copyOf(rows);
        });
    }

    /** Fill rate by the SKU or category of each line a fulfilment was offered: {@link #fillRate} counted line by line. */
    private List<FillRate> fillRateByLine(ReportPeriod period, Granularity granularity, Dimension by) {
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                if (!f.isOffered() || !period.contains(f.offeredAt()) || !f.isClosed()) {
                    continue;
                }
                LocalDate[] b = bucket(period, granularity, f.offeredAt());
                for (FulfilmentFacts.OfferedLine l : f.lines()) {
                    int customerCancelled = 0;
                    for (FulfilmentFacts.Removal c : f.cancellations()) {
                        if (c.reason().equals(CancellationReason.CUSTOMER_REQUEST.name())) {
                            for (LineQuantity q : c.units()) {
                                customerCancelled += q.line().equals(l.line()) ? q.quantity() : 0;
                            }
                        }
                    }
                    long requested = Math.max(0, l.quantity() - customerCancelled);
                    long filled = f.fulfilledAt() != null ? Math.max(0, f.unitsKept(l.line())) : 0;
                    long[] a = acc.computeIfAbsent(List.of(b[0], b[1], group(by, null, l.sku())), k -> new long[2]);
                    a[0] += requested;
                    a[1] += Math.min(filled, requested);
                }
            }
            List<FillRate> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new FillRate((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    a[0], a[1], ratio(a[1], a[0]))));
            return List.copyOf(rows);
        });
    }

    // ---- split rate ----

    /** Split rate (shipments per order); see {@link SplitRate}. */
    public List<SplitRate> splitRate(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "splitRate", Dimension.TOTAL, Dimension.CHANNEL, Dimension.LOCATION, Dimension.CATEGORY,
                Dimension.SKU);
        return projection.read(p -> {
            Map<OrderId, List<FulfilmentFacts>> byOrder = fulfilmentsByOrder(p);
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (OrderFacts o : p.orders()) {
                if (!o.isPlaced() || !period.contains(o.placedAt())) {
                    continue;
                }
                long shipments = 0;
                Set<String> groups = new TreeSet<>();
                for (FulfilmentFacts f : byOrder.getOrDefault(o.id(), List.of())) {
                    if (f.fulfilledAt() != null) {
                        shipments++;
                        if (by == Dimension.LOCATION) {
                            groups.add(f.location().value());
                        }
                    }
                }
                if (shipments == 0) {
                    continue;
                }
                if (by == Dimension.TOTAL || by == Dimension.CHANNEL) {
                    groups.add(by == Dimension.TOTAL ? ALL : o.channel().name());
                } else if (by != Dimension.LOCATION) {
                    for (OrderFacts.PlacedLine l : o.lines()) {
                        groups.add(group(by, o, l.sku()));
                    }
                }
                LocalDate[] b = bucket(period, granularity, o.placedAt());
                for (String group : groups) {
                    long[] a = acc.computeIfAbsent(List.of(b[0], b[1], group), k -> new long[3]);
                    a[0]++;
                    a[1] += shipments;
                    a[2] += shipments > 1 ? 1 : 0;
                }
            }
            List<SplitRate> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new SplitRate((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    a[0], a[1], ratio(a[1], a[0]), a[2])));
            return List.copyOf(rows);
        });
    }

    // ---- cancellations and rejections ----

    /** Cancellations per reason; see {@link Cancellations}. */
    public List<Cancellations> cancellations(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "cancellations", Dimension.TOTAL, Dimension.CHANNEL, Dimension.LOCATION,
                Dimension.CATEGORY, Dimension.SKU);
        if (by == Dimension.LOCATION) {
            return cancellationsByLocation(period, granularity);
        }
        if (by == Dimension.CATEGORY || by == Dimension.SKU) {
            return cancellationsByLine(period, granularity, by);
        }
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (OrderFacts o : p.orders()) {
                Set<List<Object>> counted = new HashSet<>();
                for (OrderFacts.Cancellation c : o.cancellations()) {
                    if (!period.contains(c.at())) {
                        continue;
                    }
                    String group = by == Dimension.TOTAL ? ALL : o.isPlaced() ? o.channel().name() : "unknown";
                    LocalDate[] b = bucket(period, granularity, c.at());
                    List<Object> key = List.of(b[0], b[1], group, c.reason().name());
                    long[] a = acc.computeIfAbsent(key, k -> new long[2]);
                    if (counted.add(key)) {
                        a[0]++;
                    }
                    a[1] += c.units();
                }
            }
            List<Cancellations> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new Cancellations((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    (String) k.get(3), a[0], a[1])));
            return List.copyOf(rows);
        });
    }

    /** Cancellations by the SKU or category of each line cancelled: {@link #cancellations} counted line by line. */
    private List<Cancellations> cancellationsByLine(ReportPeriod period, Granularity granularity, Dimension by) {
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (OrderFacts o : p.orders()) {
                Set<List<Object>> counted = new HashSet<>();
                for (OrderFacts.Cancellation c : o.cancellations()) {
                    if (!period.contains(c.at())) {
                        continue;
                    }
                    LocalDate[] b = bucket(period, granularity, c.at());
                    for (UnitMove m : c.moves()) {
                        Sku sku = skuOf(o, m.line());
                        String group = sku == null ? UNKNOWN : group(by, o, sku);
                        List<Object> key = List.of(b[0], b[1], group, c.reason().name());
                        long[] a = acc.computeIfAbsent(key, k -> new long[2]);
                        if (counted.add(key)) {
                            a[0]++;
                        }
                        a[1] += m.quantity();
                    }
                }
            }
            return cancellationRows(acc);
        });
    }

    /** Cancellations of units offered to a location ({@code FulfilmentCancelled}), per location and reason. */
    private List<Cancellations> cancellationsByLocation(ReportPeriod period, Granularity granularity) {
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            Map<List<Object>, Set<OrderId>> orders = new HashMap<>();
            for (FulfilmentFacts f : p.fulfilments()) {
                if (!f.isOffered()) {
                    continue;
                }
                for (FulfilmentFacts.Removal c : f.cancellations()) {
                    if (!period.contains(c.at())) {
                        continue;
                    }
                    LocalDate[] b = bucket(period, granularity, c.at());
                    List<Object> key = List.of(b[0], b[1], f.location().value(), c.reason());
                    long[] a = acc.computeIfAbsent(key, k -> new long[2]);
                    if (orders.computeIfAbsent(key, k -> new HashSet<>()).add(f.orderId())) {
                        a[0]++;
                    }
                    a[1] += c.total();
                }
            }
            return cancellationRows(acc);
        });
    }

    private static List<Cancellations> cancellationRows(Map<List<Object>, long[]> acc) {
        List<Cancellations> rows = new ArrayList<>();
        acc.forEach((k, a) -> rows.add(new Cancellations((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                (String) k.get(3), a[0], a[1])));
        return List.copyOf(rows);
    }

    private static Sku skuOf(OrderFacts o, LineId line) {
        for (OrderFacts.PlacedLine l : o.lines()) {
            if (l.line().equals(line)) {
                return l.sku();
            }
        }
        return null;
    }

    /** Rejections by locations, per location and reason; see {@link Rejections}. */
    public List<Rejections> rejections(ReportPeriod period, Granularity granularity) {
        check(period, granularity, Dimension.LOCATION, "rejections", Dimension.LOCATION);
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                if (!f.isOffered()) {
                    continue;
                }
                Set<List<Object>> counted = new HashSet<>();
                for (FulfilmentFacts.Removal r : f.rejections()) {
                    if (!period.contains(r.at())) {
                        continue;
                    }
                    LocalDate[] b = bucket(period, granularity, r.at());
                    List<Object> key = List.of(b[0], b[1], f.location().value(), r.reason());
                    long[] a = acc.computeIfAbsent(key, k -> new long[3]);
                    if (counted.add(key)) {
                        a[0]++;
                    }
                    a[1] += r.total();
                    a[2] += r.whole() ? 1 : 0;
                }
            }
            List<Rejections> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new Rejections((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    (String) k.get(3), a[0], a[1], a[2])));
            return List.copyOf(rows);
        });
    }

    // ---- returns ----

    /** Return rate by units; see {@link ReturnRate}. */
    public List<ReturnRate> returnRate(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "returnRate", Dimension.TOTAL, Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SKU);
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                Instant done = f.fulfilledAt();
                if (done == null || !period.contains(done)) {
                    continue;
                }
                OrderFacts o = p.order(f.orderId());
                LocalDate[] b = bucket(period, granularity, done);
                for (FulfilmentFacts.OfferedLine l : f.lines()) {
                    int units = f.unitsKept(l.line());
                    if (units > 0) {
                        acc.computeIfAbsent(List.of(b[0], b[1], group(by, o, l.sku())), k -> new long[2])[0] += units;
                    }
                }
            }
            for (ReturnFacts r : p.returns()) {
                if (!r.isAuthorised() || r.isCancelled() || !period.contains(r.authorisedAt())) {
                    continue;
                }
                OrderFacts o = p.order(r.orderId());
                LocalDate[] b = bucket(period, granularity, r.authorisedAt());
                for (ReturnFacts.AuthorisedLine l : r.lines()) {
                    acc.computeIfAbsent(List.of(b[0], b[1], group(by, o, l.sku())), k -> new long[2])[1] += l.quantity();
                }
            }
            List<ReturnRate> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new ReturnRate((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    a[0], a[1], ratio(a[1], a[0]))));
            return List.copyOf(rows);
        });
    }

    /** Return reasons; see {@link ReturnReasons}. */
    public List<ReturnReasons> returnReasons(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "returnReasons", Dimension.TOTAL, Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SKU);
        return projection.read(p -> {
            Map<List<Object>, long[]> acc = new TreeMap<>(KEY_ORDER);
            Map<List<Object>, long[]> totals = new HashMap<>();
            for (ReturnFacts r : p.returns()) {
                if (!r.isAuthorised() || r.isCancelled() || !period.contains(r.authorisedAt())) {
                    continue;
                }
                OrderFacts o = p.order(r.orderId());
                LocalDate[] b = bucket(period, granularity, r.authorisedAt());
                for (ReturnFacts.AuthorisedLine l : r.lines()) {
                    String group = group(by, o, l.sku());
                    acc.computeIfAbsent(List.of(b[0], b[1], group, l.reason().name()), k -> new long[1])[0] += l.quantity();
                    totals.computeIfAbsent(List.of(b[0], b[1], group), k -> new long[1])[0] += l.quantity();
                }
            }
            List<ReturnReasons> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new ReturnReasons((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    (String) k.get(3), a[0], ratio(a[0], totals.get(k.subList(0, 3))[0]))));
            return List.copyOf(rows);
        });
    }

    /**
     * Returns value %; see {@link ReturnsValue}. By SKU or category, each line's kept value counts in its own group,
     * and each refund's goods are split over the SKUs it paid back.
     */
    public List<ReturnsValue> returnsValue(ReportPeriod period, Granularity granularity, Dimension by) {
        check(period, granularity, by, "returnsValue", Dimension.TOTAL, Dimension.CHANNEL, Dimension.CATEGORY, Dimension.SKU);
        boolean byLine = by == Dimension.CATEGORY || by == Dimension.SKU;
        return projection.read(p -> {
            Map<List<Object>, Money[]> acc = new TreeMap<>(KEY_ORDER);
            for (FulfilmentFacts f : p.fulfilments()) {
                Instant done = f.fulfilledAt();
                if (done == null || !period.contains(done)) {
                    continue;
                }
                OrderFacts o = p.order(f.orderId());
                if (o == null || !o.isPlaced()) {
                    continue;
                }
                LocalDate[] b = bucket(period, granularity, done);
                String currency = o.currency().getCode();
                if (!byLine) {
                    // a fulfilment that kept nothing still shows its order's group in the period
                    acc.computeIfAbsent(List.of(b[0], b[1], group(by, o, null), currency), k -> zeros(o.currency()));
                }
                for (FulfilmentFacts.OfferedLine l : f.lines()) {
                    int units = f.unitsKept(l.line());
                    OrderFacts.PlacedLine placed = placedLine(o, l);
                    if (units > 0 && placed != null) {
                        Money[] a = acc.computeIfAbsent(List.of(b[0], b[1], group(by, o, l.sku()), currency),
                                k -> zeros(o.currency()));
                        a[0] = a[0].plus(placed.total().multipliedBy(
                                BigDecimal.valueOf(units).divide(BigDecimal.valueOf(placed.quantity()), 12, RoundingMode.HALF_EVEN),
                                RoundingMode.HALF_EVEN));
                    }
                }
            }
            for (ReturnFacts r : p.returns()) {
                OrderFacts o = r.isAuthorised() ? p.order(r.orderId()) : null;
                for (ReturnFacts.RefundedGoods g : r.refundedGoods()) {
                    if (!period.contains(g.at())) {
                        continue;
                    }
                    LocalDate[] b = bucket(period, granularity, g.at());
                    CurrencyUnit currency = g.goods().getCurrencyUnit();
                    Map<String, Money> shares = byLine ? splitGoods(g, r, o) : Map.of(group(by, o, null), g.goods());
                    shares.forEach((group, share) -> {
                        String key = by == Dimension.CATEGORY ? categoryOf(group) : group;
                        Money[] a = acc.computeIfAbsent(List.of(b[0], b[1], key, currency.getCode()), k -> zeros(currency));
                        a[1] = a[1].plus(share);
                    });
                }
            }
            return returnsValueRows(acc);
        });
    }

    private String categoryOf(String sku) {
        return sku.equals(UNKNOWN) ? UNKNOWN : categories.apply(Sku.of(sku));
    }

    /**
     * The goods of one refund per SKU: in proportion to the value of the units it paid back (their line's price per
     * unit, or one per unit when the order is unknown), each share rounded half-even to the minor unit and the last SKU
     * taking what rounding left, so that the shares add up to the refund to the cent.
     */
    private static Map<String, Money> splitGoods(ReturnFacts.RefundedGoods g, ReturnFacts r, OrderFacts o) {
        Map<String, BigDecimal> weights = new TreeMap<>();
        for (LineQuantity q : g.units()) {
            Sku sku = null;
            BigDecimal unitPrice = BigDecimal.ONE;
            OrderFacts.PlacedLine placed = null;
            if (o != null && o.isPlaced()) {
                for (OrderFacts.PlacedLine l : o.lines()) {
                    placed = l.line().equals(q.line()) ? l : placed;
                }
            }
            if (placed != null) {
                sku = placed.sku();
                unitPrice = placed.total().getAmount().divide(BigDecimal.valueOf(placed.quantity()), 12, RoundingMode.HALF_EVEN);
            } else {
                for (ReturnFacts.AuthorisedLine l : r.lines()) {
                    sku = l.line().equals(q.line()) ? l.sku() : sku;
                }
            }
            weights.merge(sku == null ? UNKNOWN : sku.value(), unitPrice.multiply(BigDecimal.valueOf(q.quantity())), BigDecimal::add);
        }
        if (weights.isEmpty()) {
            return Map.of(UNKNOWN, g.goods());
        }
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Money> shares = new TreeMap<>();
        Money left = g.goods();
        int i = 0;
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            Money share;
            if (++i == weights.size()) {
                share = left;
            } else if (total.signum() == 0) {
                share = Money.zero(g.goods().getCurrencyUnit());
            } else {
                share = g.goods().multipliedBy(w.getValue().divide(total, 12, RoundingMode.HALF_EVEN), RoundingMode.HALF_EVEN);
            }
            shares.put(w.getKey(), share);
            left = left.minus(share);
        }
        return shares;
    }

    private static List<ReturnsValue> returnsValueRows(Map<List<Object>, Money[]> acc) {
        List<ReturnsValue> rows = new ArrayList<>();
        acc.forEach((k, a) -> rows.add(new ReturnsValue((LocalDate) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                CurrencyUnit.of((String) k.get(3)), a[0], a[1], a[0].isZero() ? 0
                : a[1].getAmount().multiply(BigDecimal.valueOf(100)).divide(a[0].getAmount(), 6, RoundingMode.HALF_EVEN).doubleValue())));
        return List.copyOf(rows);
    }

    private static OrderFacts.PlacedLine placedLine(OrderFacts o, FulfilmentFacts.OfferedLine l) {
        for (OrderFacts.PlacedLine placed : o.lines()) {
            if (placed.line().equals(l.line())) {
                return placed;
            }
        }
        return null;
    }

    private static Money[] zeros(CurrencyUnit currency) {
        return new Money[] {Money.zero(currency), Money.zero(currency)};
    }

    // ---- stock ----

    /** Inventory turnover and days of cover over the whole period; see {@link StockTurnover}. */
    public List<StockTurnover> stockTurnover(ReportPeriod period, Dimension by) {
        check(period, Granularity.PERIOD, by, "stockTurnover", Dimension.TOTAL, Dimension.LOCATION, Dimension.CATEGORY,
                Dimension.SKU);
        int days = period.days();
        return projection.read(p -> {
            Map<String, long[]> sums = new TreeMap<>();
            for (PositionFigures f : positionFigures(p, period, by)) {
                long[] a = sums.computeIfAbsent(f.group(), k -> new long[3]);
                a[0] += f.unitsSold();
                a[1] += f.onHandAtEnd();
                a[2] += f.dayEndSum();
            }
            List<StockTurnover> rows = new ArrayList<>();
            sums.forEach((group, a) -> {
                double average = (double) a[2] / days;
                double turnover = average <= 0 ? 0 : a[0] / average;
                double cover = a[0] == 0 ? -1 : a[1] / ((double) a[0] / days);
                rows.add(new StockTurnover(period.from(), period.to(), group, a[0], average, a[1], turnover, cover));
            });
            return List.copyOf(rows);
        });
    }

    /** Inventory turnover and days of cover in value, at the SKUs' unit costs; see {@link StockTurnoverValue}. */
    public List<StockTurnoverValue> stockTurnoverValue(ReportPeriod period, Dimension by) {
        check(period, Granularity.PERIOD, by, "stockTurnoverValue", Dimension.TOTAL, Dimension.LOCATION, Dimension.CATEGORY,
                Dimension.SKU);
        BigDecimal days = BigDecimal.valueOf(period.days());
        return projection.read(p -> {
            // exact sums at cost: sold, on hand at the end, and the sum of the end-of-day values
            Map<List<Object>, BigDecimal[]> sums = new TreeMap<>(KEY_ORDER);
            for (PositionFigures f : positionFigures(p, period, by)) {
                Money cost = unitCosts.unitCost(f.sku()).orElse(null);
                if (cost == null) {
                    continue;
                }
                BigDecimal c = cost.getAmount();
                BigDecimal[] a = sums.computeIfAbsent(List.of(f.group(), cost.getCurrencyUnit().getCode()),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                a[0] = a[0].add(c.multiply(BigDecimal.valueOf(f.unitsSold())));
                a[1] = a[1].add(c.multiply(BigDecimal.valueOf(f.onHandAtEnd())));
                a[2] = a[2].add(c.multiply(BigDecimal.valueOf(f.dayEndSum())));
            }
            List<StockTurnoverValue> rows = new ArrayList<>();
            sums.forEach((k, a) -> {
                CurrencyUnit currency = CurrencyUnit.of((String) k.get(1));
                BigDecimal average = a[2].divide(days, 12, RoundingMode.HALF_EVEN);
                double turnover = average.signum() <= 0 ? 0 : a[0].divide(average, 12, RoundingMode.HALF_EVEN).doubleValue();
                double cover = a[0].signum() == 0 ? -1
                        : a[1].multiply(days).divide(a[0], 12, RoundingMode.HALF_EVEN).doubleValue();
                rows.add(new StockTurnoverValue(period.from(), period.to(), (String) k.get(0), currency,
                        Money.of(currency, a[0], RoundingMode.HALF_EVEN), Money.of(currency, average, RoundingMode.HALF_EVEN),
                        Money.of(currency, a[1], RoundingMode.HALF_EVEN), turnover, cover));
            });
            return List.copyOf(rows);
        });
    }

    /** One stock position over a period: units shipped to customers, on hand at the end, sum of end-of-day on hand. */
    private record PositionFigures(String group, Sku sku, long unitsSold, long onHandAtEnd, long dayEndSum) {
    }

    private List<PositionFigures> positionFigures(EventProjection p, ReportPeriod period, Dimension by) {
        int days = period.days();
        List<PositionFigures> out = new ArrayList<>();
        for (StockFacts s : p.stock()) {
            if (s.location() == null || s.entries().isEmpty()) {
                continue;
            }
            String group = by == Dimension.TOTAL ? ALL : by == Dimension.LOCATION ? s.location().value()
                    : by == Dimension.SKU ? s.sku().value() : categories.apply(s.sku());
            StockFacts.Entry[] entries = s.entries().toArray(new StockFacts.Entry[0]);
            Arrays.sort(entries, Comparator.comparing(StockFacts.Entry::at));
            long units = 0;
            long onHand = 0;
            long dayEndSum = 0;
            int next = 0;
            for (int d = 0; d < days; d++) {
                Instant dayEnd = period.from().plusDays(d + 1L).atStartOfDay(period.zone()).toInstant();
                while (next < entries.length && entries[next].at().isBefore(dayEnd)) {
                    StockFacts.Entry e = entries[next++];
                    onHand += e.onHandDelta();
                    if (e.reason() == MovementReason.SHIPMENT && period.contains(e.at())) {
                        units += e.quantity();
                    }
                }
                dayEndSum += onHand;
            }
            out.add(new PositionFigures(group, s.sku(), units, onHand, dayEndSum));
        }
        return out;
    }

    /** Time out of stock, per SKU network-wide and per location; see {@link TimeOutOfStock}. Only rows with time out. */
    public List<TimeOutOfStock> timeOutOfStock(ReportPeriod period, Granularity granularity) {
        check(period, granularity, Dimension.SKU, "timeOutOfStock", Dimension.SKU);
        Instant now = clock.instant();
        return projection.read(p -> {
            List<TimeOutOfStock> rows = new ArrayList<>();
            for (StockFacts s : p.stock()) {
                if (!s.hasLevels()) {
                    continue;
                }
                String location = s.location() == null ? "network" : s.location().value();
                int buckets = granularity == Granularity.DAY ? period.days() : 1;
                for (int i = 0; i < buckets; i++) {
                    LocalDate from = granularity == Granularity.DAY ? period.from().plusDays(i) : period.from();
                    LocalDate to = granularity == Granularity.DAY ? from : period.to();
                    Instant start = from.atStartOfDay(period.zone()).toInstant();
                    Instant end = to.plusDays(1).atStartOfDay(period.zone()).toInstant();
                    if (end.isAfter(now)) {
                        end = now;
                    }
                    if (!end.isAfter(start)) {
                        continue;
                    }
                    Duration out = s.outOfStockBetween(start, end);
                    if (!out.isZero()) {
                        rows.add(new TimeOutOfStock(from, to, s.sku().value(), location, out,
                                (double) out.toMillis() / (end.toEpochMilli() - start.toEpochMilli())));
                    }
                }
            }
            rows.sort(Comparator.comparing(TimeOutOfStock::from).thenComparing(TimeOutOfStock::sku)
                    .thenComparing(TimeOutOfStock::location));
            return List.copyOf(rows);
        });
    }

    /**
     * Fast sellers as of the period's last day; see {@link FastSeller}. Sorted by the rise in units, largest first.
     *
     * @param windowDays days of each of the two windows compared, at least 1
     * @param minUnits   fewest units the recent window must have sold, at least 1
     */
    public List<FastSeller> fastSellers(ReportPeriod period, int windowDays, int minUnits) {
        Checks.notNull(period, "period");
        checkPositive("windowDays", windowDays, "fastSellers");
        checkPositive("minUnits", minUnits, "fastSellers");
        Instant recentStart = period.to().minusDays(windowDays - 1L).atStartOfDay(period.zone()).toInstant();
        Instant beforeStart = period.to().minusDays(2L * windowDays - 1).atStartOfDay(period.zone()).toInstant();
        Instant end = period.end();
        return projection.read(p -> {
            Map<String, long[]> units = new TreeMap<>();
            for (OrderFacts o : p.orders()) {
                if (!o.isPlaced() || o.placedAt().isBefore(beforeStart) || !o.placedAt().isBefore(end)) {
                    continue;
                }
                int slot = o.placedAt().isBefore(recentStart) ? 1 : 0;
                for (OrderFacts.PlacedLine l : o.lines()) {
                    units.computeIfAbsent(l.sku().value(), k -> new long[2])[slot] += l.quantity();
                }
            }
            List<FastSeller> rows = new ArrayList<>();
            units.forEach((sku, u) -> {
                if (u[0] >= minUnits && u[0] > u[1]) {
                    rows.add(new FastSeller(sku, u[0], u[1], (double) u[0] / windowDays, (double) u[1] / windowDays));
                }
            });
            rows.sort(Comparator.comparingLong((FastSeller f) -> f.unitsBefore() - f.unitsRecent()).thenComparing(FastSeller::sku));
            return List.copyOf(rows);
        });
    }

    /**
     * Slow movers as of the end of the period; see {@link SlowMover}. Sorted by last sale, never-sold first, then SKU.
     *
     * @param days how many days without a sale make a slow mover, at least 1
     */
    public List<SlowMover> slowMovers(ReportPeriod period, int days) {
        Checks.notNull(period, "period");
        checkPositive("days", days, "slowMovers");
        Instant end = period.end();
        LocalDate since = period.to().minusDays(days - 1L);
        return projection.read(p -> {
            Map<String, long[]> onHand = new TreeMap<>();
            Map<String, Instant> lastSale = new HashMap<>();
            for (StockFacts s : p.stock()) {
                if (s.location() == null) {
                    continue;
                }
                long units = 0;
                for (StockFacts.Entry e : s.entries()) {
                    if (e.at().isBefore(end)) {
                        units += e.onHandDelta();
                        if (e.reason() == MovementReason.SHIPMENT) {
                            lastSale.merge(s.sku().value(), e.at(), (a, b) -> a.isAfter(b) ? a : b);
                        }
                    }
                }
                onHand.computeIfAbsent(s.sku().value(), k -> new long[1])[0] += units;
            }
            List<SlowMover> rows = new ArrayList<>();
            onHand.forEach((sku, u) -> {
                Instant last = lastSale.get(sku);
                LocalDate lastDay = last == null ? null : period.dayOf(last);
                if (u[0] > 0 && (lastDay == null || lastDay.isBefore(since))) {
                    rows.add(new SlowMover(sku, u[0], lastDay));
                }
            });
            rows.sort(Comparator.comparing(SlowMover::lastSale, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(SlowMover::sku));
            return List.copyOf(rows);
        });
    }

    // ---- backlog ----

    /** The backlog per location and queue at {@code asOf}; see {@link Backlog}. Sorted by location, then queue. */
    public List<Backlog> backlog(Instant asOf) {
        Checks.notNull(asOf, "asOf");
        return projection.read(p -> {
            Map<List<Object>, List<Long>> ages = new TreeMap<>(KEY_ORDER);
            Map<List<Object>, long[]> units = new HashMap<>();
            Map<OrderId, long[]> sourced = new HashMap<>();
            for (FulfilmentFacts f : p.fulfilments()) {
                if (!f.isOffered() || f.offeredAt().isAfter(asOf)) {
                    continue;
                }
                int kept = unitsKeptAt(f, asOf);
                sourced.computeIfAbsent(f.orderId(), k -> new long[1])[0] += kept;
                if (closedBy(f, asOf)) {
                    continue;
                }
                OrderFacts o = p.order(f.orderId());
                Instant since = o != null && o.isPlaced() ? o.placedAt() : f.offeredAt();
                List<Object> key = List.of(f.location().value(), Backlog.Queue.FULFILMENT.ordinal());
                ages.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.max(0, asOf.toEpochMilli() - since.toEpochMilli()));
                units.computeIfAbsent(key, k -> new long[1])[0] += kept;
            }
            for (OrderFacts o : p.orders()) {
                boolean placed = o.isPlaced() && !o.placedAt().isAfter(asOf);
                if (placed && (o.status() == OrderStatus.CONFIRMED || o.status() == OrderStatus.PARTIALLY_CANCELLED)) {
                    List<Object> key = List.of(Backlog.NOT_SOURCED, Backlog.Queue.NOT_SOURCED.ordinal());
                    ages.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.max(0, asOf.toEpochMilli() - o.placedAt().toEpochMilli()));
                    long cancelled = 0;
                    for (OrderFacts.Cancellation c : o.cancellations()) {
                        cancelled += c.at().isAfter(asOf) ? 0 : c.units();
                    }
                    long offered = sourced.getOrDefault(o.id(), new long[1])[0];
                    units.computeIfAbsent(key, k -> new long[1])[0] += Math.max(0, o.units() - cancelled - offered);
                }
                Map<String, long[]> waitingAt = new TreeMap<>();
                Map<String, Instant> sinceAt = new HashMap<>();
                for (OrderFacts.AwaitingStock w : o.awaitingStockAt(asOf)) {
                    waitingAt.computeIfAbsent(w.location(), k -> new long[1])[0] += w.units();
                    sinceAt.merge(w.location(), w.since(), (a, b) -> a.isBefore(b) ? a : b);
                }
                waitingAt.forEach((location, n) -> {
                    Instant since = placed ? o.placedAt() : sinceAt.get(location);
                    List<Object> key = List.of(location, Backlog.Queue.AWAITING_STOCK.ordinal());
                    ages.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.max(0, asOf.toEpochMilli() - since.toEpochMilli()));
                    units.computeIfAbsent(key, k -> new long[1])[0] += n[0];
                });
            }
            List<Backlog> rows = new ArrayList<>();
            ages.forEach((key, list) -> {
                long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
                rows.add(new Backlog((String) key.get(0), Backlog.Queue.values()[(Integer) key.get(1)], sorted.length,
                        units.get(key)[0], Duration.ofMillis(sorted[sorted.length - 1]), Duration.ofMillis(percentile(sorted, 50))));
            });
            return List.copyOf(rows);
        });
    }

    /** Units offered to {@code f} less those refused or cancelled at or before {@code asOf}. */
    private static int unitsKeptAt(FulfilmentFacts f, Instant asOf) {
        int n = f.unitsOffered();
        for (FulfilmentFacts.Removal r : f.rejections()) {
            n -= r.at().isAfter(asOf) ? 0 : r.total();
        }
        for (FulfilmentFacts.Removal r : f.cancellations()) {
            n -= r.at().isAfter(asOf) ? 0 : r.total();
        }
        return Math.max(0, n);
    }

    private static boolean closedBy(FulfilmentFacts f, Instant asOf) {
        if (before(f.fulfilledAt(), asOf) || before(f.expiredAt(), asOf)) {
            return true;
        }
        int removed = 0;
        for (FulfilmentFacts.Removal r : f.rejections()) {
            if (!r.at().isAfter(asOf)) {
                if (r.whole()) {
                    return true;
                }
                removed += r.total();
            }
        }
        for (FulfilmentFacts.Removal r : f.cancellations()) {
            if (!r.at().isAfter(asOf)) {
                if (r.whole()) {
                    return true;
                }
                removed += r.total();
            }
        }
        return removed >= f.unitsOffered();
    }

    private static boolean before(Instant at, Instant asOf) {
        return at != null && !at.isAfter(asOf);
    }

    // ---- helpers ----

    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private String group(Dimension by, OrderFacts o, Sku sku) {
        switch (by) {
            case TOTAL:
                return ALL;
            case CHANNEL:
                return o != null && o.isPlaced() ? o.channel().name() : "unknown";
            case SKU:
                return sku.value();
            default:
                return categories.apply(sku);
        }
    }

    private static Map<OrderId, List<FulfilmentFacts>> fulfilmentsByOrder(EventProjection p) {
        Map<OrderId, List<FulfilmentFacts>> byOrder = new HashMap<>();
        for (FulfilmentFacts f : p.fulfilments()) {
            if (f.isOffered()) {
                byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f);
            }
        }
        return byOrder;
    }

    private static LocalDate[] bucket(ReportPeriod period, Granularity granularity, Instant at) {
        if (granularity == Granularity.PERIOD) {
            return new LocalDate[] {period.from(), period.to()};
        }
        LocalDate day = period.dayOf(at);
        return new LocalDate[] {day, day};
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static void check(ReportPeriod period, Granularity granularity, Dimension by, String measure,
                              Dimension... supported) {
        List<Problem> problems = new ArrayList<>();
        if (period == null) {
            problems.add(new Problem("period", null, "must be given"));
        }
        if (granularity == null) {
            problems.add(new Problem("granularity", null, "must be given"));
        }
        if (by == null || !EnumSet.copyOf(Arrays.asList(supported)).contains(by)) {
            problems.add(new Problem("by", String.valueOf(by), "must be one of " + Arrays.toString(supported)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(measure, problems);
        }
    }

    private static void checkPositive(String field, int value, String measure) {
        if (value < 1) {
            throw new ValidationException(measure, List.of(new Problem(field, String.valueOf(value), "must be at least 1")));
        }
    }
}
