package io.omskit.core;

import io.omskit.core.order.ReshipReason;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.Reshipment;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CommandKey;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderCommand;
import io.omskit.core.order.OrderId;
import io.omskit.core.permission.ActionPolicy;
import io.omskit.core.permission.Verdict;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.core.spi.InventoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-shipping units of a lost or damaged parcel at no charge, in this order:
 * <ol>
 *   <li>the stock for the units is allocated under a key fixed by the caller's key, where the sourcing puts them (the
 *       {@link DeliveryResourcing}, drawing on free stock only) or else at the location the parcel left from; short,
 *       the re-shipment is refused and nothing changed;</li>
 *   <li>the re-shipment is saved as a fulfilment of its own, its id fixed by the caller's key, linked to the parcel:
 *       the commitment;</li>
 *   <li>the order records it ({@code OrderParcelReshipped}, its quantities, totals and payment unchanged) and the
 *       parcel's units are written off at the location they left, against the order and the parcel: one movement per
 *       unit of the parcel, keyed by the parcel, line and the unit's ordinal, for as many units as live re-shipments
 *       send again; a unit sent again after a re-shipment of it was rejected is not written off twice.</li>
 * </ol>
 * A retry with the same key after a failure before step 2 allocates the same stock again (a replay) and goes on; after
 * it, it finishes step 3. Called under the order's lock.
 *
 * <p>Why the write-off changes no stock: the parcel's units left on hand when it shipped (a {@code SHIPMENT}
 * movement); they are gone for good, so the ledger gets a {@code SHIPMENT_WRITE_OFF} naming the order and the parcel,
 * which moves no bucket. The units sent again leave with the re-shipment's own {@code SHIPMENT}: on hand falls once
 * for each unit that physically left.
 */
final class Reshipments {

    /** Parcel statuses at which its goods are with the carrier or the customer: a parcel that can be lost or damaged. */
    private static final Set<FulfilmentStatus> SHIPPED = EnumSet.of(FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED);
    /** Re-shipment statuses at which it no longer sends its units. */
    private static final String LOST_RACE = "reship-lost-race";
    private static final String LOST_RACE_KEY = "cancel/" + LOST_RACE;
    private static final Set<FulfilmentStatus> GIVEN_UP = EnumSet.of(FulfilmentStatus.REJECTED, FulfilmentStatus.CANCELLED);

    private final OrderBook book;
    private final Fulfilments fulfilments;
    private final StockKeeper stock;
    private final InventoryStore inventory;
    private final Network network;
    private final DeliveryResourcing resourcing;
    private final ActionPolicy policy;
    private final Clock clock;

    Reshipments(OrderBook book, Fulfilments fulfilments, StockKeeper stock, InventoryStore inventory, Network network,
                DeliveryResourcing resourcing, ActionPolicy policy, Clock clock) {
        this.book = book;
        this.fulfilments = fulfilments;
        this.stock = stock;
        this.inventory = inventory;
        this.network = network;
        this.resourcing = resourcing;
        this.policy = policy;
        this.clock = clock;
    }

    /** See {@link CustomerService#reship}. */
    CustomerService.Acted<Fulfilment> reship(OrderId id, FulfilmentId parcel, List<LineQuantity> units,
                                             ReshipReason reason, Actor actor, String reshipKey) {
        Checks.notNull(id, "id");
        Checks.notNull(parcel, "parcel");
        Checks.notNull(units, "units");
        Checks.notNull(reason, "reason");
        Checks.notNull(actor, "actor");
        Checks.identifier(reshipKey, "reshipKey");
        return book.locked(id, () -> {
            Order order = book.find(id).orElseThrow(() -> new IllegalArgumentException("order " + id + " is unknown"));
            Fulfilment original = fulfilments.find(parcel).orElseThrow(() -> new IllegalArgumentException("parcel "
                    + parcel + " is not a known fulfilment"));
            if (!original.orderId().equals(id)) {
                throw new IllegalArgumentException("parcel " + parcel + " must be a fulfilment of order " + id + ", it is "
                        + original.orderId() + "'s");
            }
            List<LineQuantity> asked = asked(original, units);
            FulfilmentId replacementId = replacementId(id, reshipKey);
            Optional<Fulfilment> made = fulfilments.find(replacementId);
            if (made.isPresent()) {
                requireSame(made.get(), parcel, asked, reason, reshipKey);
                if (made.get().applied(LOST_RACE_KEY)) {
                    return lostRace(parcel, made.get());
                }
                return claim(order, original, made.get(), actor, Verdict.allow());
            }
            Verdict verdict = policy.mayReship(actor, order, original);
            if (verdict.refused()) {
                return new CustomerService.Acted<>(null, verdict);
            }
            if (!SHIPPED.contains(original.status()) || original.kind().isCollected()) {
                return refused(CustomerService.RESHIP_SHIPPED_PARCEL, "parcel " + parcel + " of order " + id + " is "
                        + original.status() + " (" + original.kind() + "): only a parcel shipped by carrier is re-shipped");
            }
            Map<LineId, Integer> already = alreadyReshipped(original);
            for (LineQuantity q : asked) {
                int before = already.getOrDefault(q.line(), 0);
                if (before + q.quantity() > held(original, q.line())) {
                    return refused(CustomerService.RESHIP_ONCE_PER_UNIT, "parcel " + parcel + " held " + held(original, q.line())
                            + " unit(s) of line " + q.line() + ", " + before + " re-shipped already; " + q.quantity() + " asked");
                }
            }
            AllocationKey allocationKey = AllocationKey.of(replacementId.value());
            LocationId location = allocatedAt(allocationKey).orElseGet(() -> source(order, original, asked));
            List<AllocationLine> lines = new ArrayList<>();
            stock.stockUnits(order, asked).forEach((sku, n) -> lines.add(new AllocationLine(sku, location, n)));
            AllocationResult result = inventory.allocate(new AllocationRequest(allocationKey, stockReference(id), lines, null));
            if (result instanceof AllocationResult.Insufficient insufficient) {
                return refused(CustomerService.RESHIP_STOCK_SHORT, "the stock to re-ship " + asked + " of parcel " + parcel
                        + " from " + location + " is not there: " + insufficient.shortages());
            }
            LocationType type = network.find(location).map(Location::type).orElse(LocationType.WAREHOUSE);
            List<FulfilmentLine> fulfilmentLines = new ArrayList<>();
            for (LineQuantity q : asked) {
                fulfilmentLines.add(FulfilmentLine.of(q.line(), order.line(q.line()).orElseThrow().sku(), q.quantity()));
            }
            Fulfilment replacement = fulfilments.offerReshipment(Fulfilment.offerReshipment(replacementId, id,
                    FulfilmentKind.of(order.delivery(), location, type), location, allocationKey, fulfilmentLines,
                    new Reshipment(parcel, reason, actor, reshipKey), clock.instant()));
            return claim(order, original, replacement, actor, verdict);
        });
    }

    /**
     * Step 2: the re-shipment is saved; it keeps its units unless re-shipments of the same parcel saved by other
     * requests at the same moment (another node: this node's lock does not hold them back) now send more of a line than
     * the parcel held. Each request checks after its own save, so of two racing requests at least one sees the other:
     * the one that sees too much gives its re-shipment up (its stock freed) and is refused, and both may be (the agents
     * ask again). A re-shipment the order recorded already won earlier and is not checked again.
     */
    private CustomerService.Acted<Fulfilment> claim(Order order, Fulfilment original, Fulfilment replacement, Actor actor,
                                                    Verdict verdict) {
        if (!GIVEN_UP.contains(replacement.status()) && !order.applied(recordKey(replacement.reshipment()))) {
            Map<LineId, Integer> claimed = alreadyReshipped(original);
            for (Map.Entry<LineId, Integer> e : claimed.entrySet()) {
                if (e.getValue() > held(original, e.getKey())) {
                    Fulfilment given = fulfilments.cancel(replacement.id(), null, CancellationReason.OTHER, LOST_RACE, actor);
                    return lostRace(original.id(), given);
                }
            }
        }
        return new CustomerService.Acted<>(finish(replacement), verdict);
    }

    private static CustomerService.Acted<Fulfilment> lostRace(FulfilmentId parcel, Fulfilment given) {
        return new CustomerService.Acted<>(null, Verdict.refuse(CustomerService.RESHIP_ONCE_PER_UNIT, "parcel " + parcel
                + " was re-shipped by another request at the same moment; re-shipment " + given.id() + " gave its units up"));
    }

    private static CommandKey recordKey(Reshipment r) {
        return CommandKey.of(OrderCommand.RECORD_PAYMENT, "reship:" + r.key());
    }

    /**
     * Step 3: the order records the re-shipment under its key, and the parcel's units are written off where they left
     * (keyed by the re-shipment); each once. Answers the re-shipment as it is now.
     */
    private Fulfilment finish(Fulfilment replacement) {
        Reshipment r = replacement.reshipment();
        Fulfilment original = fulfilments.get(r.original());
        List<LineQuantity> units = offered(replacement);
        CommandKey key = recordKey(r);
        Order order = book.apply(replacement.orderId(), o -> o.applied(key) ? io.omskit.core.common.Change.unchanged(o)
                : OrderBook.withKey(o.recordReshipment(r.actor(), r.original().value(), replacement.id().value(), units, r.reason(),
                clock.instant()), key));
        // the same for every re-shipment of the parcel: the movement of a unit is keyed by the parcel, not the request
        String note = "order " + order.id() + " parcel " + original.id() + " lost or damaged in transit";
        // one movement per unit of the parcel, keyed by its ordinal: a unit re-shipped again after a re-shipment was
        // rejected (or by a retry) replays its write-off, so no unit of the parcel is written off twice
        // only re-shipments that won: one racing this one that has not given up yet is not counted
        Map<LineId, Integer> declared = reshipped(original, f -> order.applied(recordKey(f.reshipment())));
        for (LineQuantity q : units) {
            declared.merge(q.line(), 0, Integer::sum);
        }
        declared.forEach((line, n) -> {
            for (int k = 1; k <= Math.min(n, held(original, line)); k++) {
                stock.writeOff(order, List.of(LineQuantity.of(line, 1)), original.location(),
                        "reship-write-off-" + original.id() + "-" + line + "-" + k, note);
            }
        });
        return fulfilments.get(replacement.id());
    }

    /** The units asked for, checked against the parcel: all it held when none are named. */
    private static List<LineQuantity> asked(Fulfilment original, List<LineQuantity> units) {
        if (units.isEmpty()) {
            return original.units();
        }
        Map<LineId, Integer> merged = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (LineQuantity q : Checks.list(units, "units")) {
            if (merged.containsKey(q.line())) {
                problems.add("line " + q.line() + " appears twice");
                continue;
            }
            merged.put(q.line(), q.quantity());
            int held = held(original, q.line());
            if (q.quantity() > held) {
                problems.add("line " + q.line() + " must be <= the " + held + " unit(s) parcel " + original.id()
                        + " held, was " + q.quantity());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("units to re-ship of parcel " + original.id() + ": " + String.join("; ", problems));
        }
        return List.copyOf(units);
    }

    /** The units of {@code line} the parcel held; 0 when it held none. */
    private static int held(Fulfilment original, LineId line) {
        for (FulfilmentLine l : original.lines()) {
            if (l.line().equals(line)) {
                return l.quantity();
            }
        }
        return 0;
    }

    /** The units of the parcel that live re-shipments (not rejected or cancelled) send again, per line. */
    private Map<LineId, Integer> alreadyReshipped(Fulfilment original) {
        return reshipped(original, f -> true);
    }

    /** {@link #alreadyReshipped} counting only the live re-shipments {@code counted} accepts. */
    private Map<LineId, Integer> reshipped(Fulfilment original, java.util.function.Predicate<Fulfilment> counted) {
        Map<LineId, Integer> sent = new LinkedHashMap<>();
        for (Fulfilment f : fulfilments.forOrder(original.orderId())) {
            if (f.reshipsParcel() && f.reshipment().original().equals(original.id()) && !GIVEN_UP.contains(f.status())
                    && counted.test(f)) {
                f.units().forEach(q -> sent.merge(q.line(), q.quantity(), Integer::sum));
            }
        }
        return sent;
    }

    /** A second call with the key must ask for what the first did. */
    private static void requireSame(Fulfilment made, FulfilmentId parcel, List<LineQuantity> asked, ReshipReason reason,
                                    String reshipKey) {
        Reshipment r = made.reshipment();
        if (r == null || !r.original().equals(parcel) || r.reason() != reason || !sameUnits(offered(made), asked)) {
            throw new IllegalArgumentException("reshipKey " + Checks.quote(reshipKey) + " was used for re-shipping "
                    + (r == null ? "nothing" : offered(made) + " of parcel " + r.original() + " (" + r.reason() + ")")
                    + ", not " + asked + " of parcel " + parcel + " (" + reason + ")");
        }
    }

    /** The units the re-shipment was offered with. */
    private static List<LineQuantity> offered(Fulfilment replacement) {
        List<LineQuantity> units = new ArrayList<>();
        for (io.omskit.core.fulfilment.FulfilmentEvent e : replacement.history()) {
            if (e instanceof io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentOffered o) {
                o.lines().forEach(l -> units.add(LineQuantity.of(l.line(), l.quantity())));
            }
        }
        return units;
    }

    private static boolean sameUnits(List<LineQuantity> a, List<LineQuantity> b) {
        Map<LineId, Integer> left = new LinkedHashMap<>();
        a.forEach(q -> left.merge(q.line(), q.quantity(), Integer::sum));
        Map<LineId, Integer> right = new LinkedHashMap<>();
        b.forEach(q -> right.merge(q.line(), q.quantity(), Integer::sum));
        return left.equals(right);
    }

    /** Where an earlier attempt under this key allocated the stock (a retry re-allocates there, as a replay). */
    private Optional<LocationId> allocatedAt(AllocationKey key) {
        return inventory.findAllocation(key).map(Allocation::requested).filter(l -> !l.isEmpty()).map(l -> l.get(0).location());
    }

    /**
     * Where the units are sent from: the sourcing's choice from free stock, when one is configured and it puts them all
     * at one location; else the location the parcel left from.
     */
    private LocationId source(Order order, Fulfilment original, List<LineQuantity> units) {
        if (resourcing != null) {
            DeliveryReplan plan = resourcing.replan(order, order.delivery(), Map.of(original.location(), units), false);
            if (!plan.isRefused() && plan.placement().size() == 1) {
                return plan.placement().keySet().iterator().next();
            }
        }
        return original.location();
    }

    /**
     * The reference of a re-shipment's allocation. Not the order's own: the order's stock sync and the reconciliation
     * sweep give back what the order's lines do not account for, and a re-shipment's stock is no line's.
     */
    static String stockReference(OrderId id) {
        return STOCK_REFERENCE_PREFIX + id.value();
    }

    /** What the stock reference of every re-shipment's allocation starts with, the order's id following. */
    static final String STOCK_REFERENCE_PREFIX = "reship ";

    /** The id of the re-shipment asked for under {@code reshipKey}: the same for every retry. */
    private static FulfilmentId replacementId(OrderId id, String reshipKey) {
        String digest = com.google.common.hash.Hashing.sha256().hashString(id.value() + "\n" + reshipKey, StandardCharsets.UTF_8)
                .toString().substring(0, 24);
        return FulfilmentId.of("reship-" + digest);
    }

    private static CustomerService.Acted<Fulfilment> refused(String rule, String reason) {
        return new CustomerService.Acted<>(null, Verdict.refuse(rule, reason));
    }
}
