package io.omskit.atp;

import com.google.common.base.Suppliers;
import io.omskit.atp.calendar.JollydayHolidays;
import io.omskit.atp.internal.BoundedCache;
import io.omskit.atp.spi.BackorderLedger;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Checks;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.DemandLine;
import io.omskit.orchestration.explain.Exclusion;
import io.omskit.orchestration.result.ItemPlan;
import io.omskit.orchestration.ItemPlanning;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.plan.PlannedLine;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.stock.StockExposure;
import io.omskit.orchestration.stock.StockSnapshot;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.WhatIfSeries;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.explain.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Available-to-promise: the delivery options and promised dates of a product page and a cart. Every promise is a
 * what-if plan of the {@link SourcingEngine} that will later source the order (same rules, same channel exposure and
 * safety stock, same instant), timed by the {@link PromiseCalendar}'s date arithmetic: what the page promises is
 * what the OMS then does. Stock comes from an {@link AvailabilityIndex} kept current by inventory events, so no call
 * reads the store or scans the network.
 *
 * <pre>{@code
 * Atp atp = Atp.builder()
 *         .engine(sourcingEngine)
 *         .inventory(inventoryStore)
 *         .catalog(catalog)
 *         .clock(clock)
 *         .calendar(PromiseCalendar.builder(network).holidays(new JollydayHolidays()).build())
 *         .charges(charges)
 *         .build();
 * // the inventory store's publisher must hand inventory events to atp.index()
 * ProductPromise page = atp.productPage(ProductPageRequest.of(sku, 1, Channel.WEB).to(destination).collectingAt(store));
 * }</pre>
 *
 * <p><b>Plans are cached</b> per question (lines, channel, destination, store): a cached plan is reused while none
 * of its SKUs' stock changed, no location holding them crossed an opening, closing, cut-off or midnight, its
 * locations still have daily capacity, and it is younger than the cache's time to live; its windows are recomputed
 * for the moment of every call. Rules whose answers change with time in other ways call for a time to live of zero.
 * A cart's methods that the engine sources alike ({@link SourcingEngine#sourcesAlike}, typically standard and
 * express delivery under one rule set) are planned once, each still timed and charged as itself.
 * A product page of a SKU sourced as itself is planned at every call, by the engine's what-if for one item; what it
 * needs of its destination, pickup store and channel (the customer's zone, the methods that cannot be offered there,
 * the engine's preparation per method) is settled once and kept, as are leg windows while they provably hold.
 * Thread-safe.
 */
public final class Atp {

    private static final String PAGE_LINE = "1";
    private static final Logger LOG = LoggerFactory.getLogger(Atp.class);
    private static final int BACK_IN_STOCK_TRIES = 8;
    private static final int MAX_AREAS = 8_192;
    private static final int MAX_PLACES = 16_384;

    private final SourcingEngine engine;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;
    private final PromiseCalendar calendar;
    private final AvailabilityIndex index;
    private final StockExposure exposure;
    private final DeliveryCharges charges;
    private final BackorderLedger backorders;
    private final List<DeliveryMethod> methods;
    private final int lowStockThreshold;
    private final long cacheTtlMillis;
    private final int maxCacheEntries;
    private final ChangeTimes changeTimes;
    private final LegWindows windows;
    private final boolean quickPages;
    private final BoundedCache<Object, Planned> cache;
    private final java.util.concurrent.ConcurrentHashMap<PlaceKey, Place> places = new java.util.concurrent.ConcurrentHashMap<>();
    private final Money[] onePartCharge;
    /** Per channel and delivery method (ordinals), whether its rule set enforces daily capacity: rules never change. */
    private final boolean[][] capacityEnforced;
    private final PickupPointFinder pickupPoints;

    private Atp(Builder b) {
        this.engine = b.engine;
        this.network = engine.network();
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.calendar = b.calendar != null ? b.calendar
                : PromiseCalendar.builder(network).holidays(new JollydayHolidays()).build();
        if (calendar.network().size() != network.size()) {
            throw new IllegalArgumentException("calendar must be built over the engine's network of " + network.size()
                    + " locations, has " + calendar.network().size());
        }
        this.exposure = engine.exposure();
        this.index = b.index != null ? b.index : new AvailabilityIndex(b.inventory, network, exposure);
        this.charges = b.charges;
        this.backorders = b.backorders;
        this.methods = List.copyOf(b.methods);
        this.lowStockThreshold = b.lowStockThreshold;
        this.cacheTtlMillis = b.cacheTtl.toMillis();
        this.maxCacheEntries = b.maxCacheEntries;
        this.cache = BoundedCache.ofMaximumSize(maxCacheEntries);
        io.omskit.atp.calendar.WorkingCalendar[] calendars = new io.omskit.atp.calendar.WorkingCalendar[network.size()];
        for (int i = 0; i < calendars.length; i++) {
            calendars[i] = calendar.calendar(i);
        }
        this.changeTimes = new ChangeTimes(calendars);
        this.windows = new LegWindows(calendar, MAX_AREAS);
        this.capacityEnforced = new boolean[Channel.values().length][DeliveryMethod.values().length];
        for (Channel c : Channel.values()) {
            for (DeliveryMethod m : DeliveryMethod.values()) {
                capacityEnforced[c.ordinal()][m.ordinal()] = engine.rules().ruleSetFor(c, m).needs()
                        .contains(RuleNeed.DAILY_CAPACITY);
            }
        }
        this.onePartCharge = new Money[methods.size()];
        for (int m = 0; m < onePartCharge.length; m++) {
            onePartCharge[m] = charges.charge(methods.get(m), 1, null);
        }
        this.quickPages = b.quickPages;
        this.pickupPoints = new PickupPointFinder(network, calendar, windows, index, this::components);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The availability index: register it with the inventory store's event publisher. */
    public AvailabilityIndex index() {
        return index;
    }

    /** The date arithmetic. */
    public PromiseCalendar calendar() {
        return calendar;
    }

    /** The delivery methods offered, in the order promises list them. */
    public List<DeliveryMethod> methods() {
        return methods;
    }

    /**
     * Forgets every cached plan and kept transit (for instance after changing rules, capacities or the carriers' transit
     * times behind the engine's back).
     */
    public void clearCache() {
        cache.clear();
        places.clear();
        windows.clear();
        pickupPoints.clear();
    }

    /**
     * The product page: the stock signal, and for every delivery method whether it is available, from when to
     * when, and at what charge.
     *
     * @throws IllegalArgumentException when the request names no moment and the clock's is outside the range of
     *                                  {@link Checks#moment}
     */
    public ProductPromise productPage(ProductPageRequest request) {
        Checks.notNull(request, "request");
        Instant now = now(request.now());
        Place place = place(request.destination(), request.store(), request.channel());
        Line line = new Line(PAGE_LINE, request.sku(), request.quantity(), null);
        boolean plain = isPlain(request.sku());
        RecordingSnapshot reads = new RecordingSnapshot(request.channel());
        SkuAvailability a = plain ? reads.read(request.sku()) : null;
        StockSignal signal = plain ? plainSignal(line, a, request.channel(), place.zone, reads)
                : signal(line, request.channel(), place.zone, reads);
        boolean hopeless = signal.units() < request.quantity();
        List<MethodPromise> promises = hopeless || !quickPages || !plain ? null : quickPage(request, a, place, now);
        if (promises == null) {
            Question q = new Question(request.sku(), request.quantity(), request.channel(), request.destination(),
                    request.store());
            promises = promise(q, new Line[] {line}, request.channel(), request.destination(), request.store(), now,
                    hopeless, null, reads);
        }
        return new ProductPromise(request.sku(), request.quantity(), now, signal, promises);
    }

    /**
     * The cart: per delivery method whether everything comes together or in parts, each part's window and the
     * charge; and a stock signal per line.
     *
     * @throws IllegalArgumentException when a line's price is not in the currency of the {@link DeliveryCharges}, or
     *                                  the request names no moment and the clock's is outside the range of
     *                                  {@link Checks#moment}
     */
    public CartPromise cart(CartRequest request) {
        Checks.notNull(request, "request");
        Instant now = now(request.now());
        checkCurrency(request.lines());
        Line[] lines = new Line[request.lines().size()];
        List<StockSignal> signals = new ArrayList<>(lines.length);
        ZoneId zone = customerZone(request.destination(), request.store());
        boolean hopeless = false;
        Money merchandise = Money.zero(charges.currency());
        RecordingSnapshot reads = new RecordingSnapshot(request.channel());
        reads.readAll(request.lines());
        for (int k = 0; k < lines.length; k++) {
            CartLine l = request.lines().get(k);
            lines[k] = new Line(l.id(), l.sku(), l.quantity(), l.unitPrice());
            StockSignal s = signal(lines[k], request.channel(), zone, reads);
            hopeless |= s.units() < l.quantity();
            signals.add(s);
            if (merchandise != null && l.unitPrice() != null) {
                merchandise = merchandise.plus(l.unitPrice().multipliedBy(l.quantity()));
            } else {
                merchandise = null;
            }
        }
        Question q = new Question(request.lines(), 0, request.channel(), request.destination(), request.store());
        return new CartPromise(now, signals,
                promise(q, lines, request.channel(), request.destination(), request.store(), now, hopeless, merchandise,
                        reads));
    }

    /**
     * The stores near the shopper that can give the cart, and from when: for each store within the request's reach
     * (every store with the pickup capability), express click and collect from its shelf (ready after its pick time
     * in its opening hours) and ship-to-store (its shelf first, the rest transferred from the location whose transfer
     * the calendar gets there soonest), each saying which lines it cannot give. Ranked as {@link PickupPoints} says.
     * Answered from the availability index and the calendar without planning, so that a checkout page can list many
     * stores at once: the stock is what orders from the channel may source (after safety stock and exposure), while
     * the sourcing rules, costs and daily capacities that the order's own plan applies are not judged here.
     *
     * @throws IllegalArgumentException when the request names no moment and the clock's is outside the range of
     *                                  {@link Checks#moment}
     */
    public PickupPoints pickupPoints(PickupPointsRequest request) {
        Checks.notNull(request, "request");
        return pickupPoints.find(request, now(request.now()));
    }

    /** The moment of a question: the one asked at, else the clock's, which must be in the range a request's may be. */
    private Instant now(Instant asked) {
        return asked != null ? asked : Checks.moment(clock.instant(), "the clock's instant (now)");
    }

    /** Line prices count towards free delivery: they must be in the currency of the charges. */
    private void checkCurrency(List<CartLine> lines) {
        for (int k = 0; k < lines.size(); k++) {
            Money price = lines.get(k).unitPrice();
            if (price != null && !price.getCurrencyUnit().equals(charges.currency())) {
                throw new IllegalArgumentException("lines[" + k + "].unitPrice must be in " + charges.currency()
                        + ", the currency of the delivery charges, was " + price);
            }
        }
    }

    // ------------------------------------------------------------------ promising

    /**
     * The product page from the engine's what-if for one item ({@link ItemPlanning}), method by method, for a SKU
     * sourced as itself; null when a method needs the full engine (the page is then promised the general way).
     */
    private List<MethodPromise> quickPage(ProductPageRequest request, SkuAvailability a, Place place, Instant now) {
        SkuStock stock = a.stock(request.channel());
        int quantity = request.quantity();
        List<PartLine> partLines = null;
        MethodPromise[] out = new MethodPromise[methods.size()];
        for (int m = 0; m < out.length; m++) {
            DeliveryMethod method = methods.get(m);
            if (place.unavailable[m] != null) {
                out[m] = place.unavailable[m];
                continue;
            }
            if (method == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT) {
                int onShelf = stock.unitsAt(place.storeIndex);
                if (onShelf < quantity) {
                    out[m] = noShelfStock(place.storeIndex, request.sku(), onShelf, quantity);
                    continue;
                }
            }
            ItemPlan plan = place.planning(m).plan(request.sku(), quantity, stock, now);
            if (plan == null) {
                return null;
            }
            int location = plan.locationIndex();
            LegWindows.Window w = windows.at(method, plan.kind(), location, place.storeIndex, place.area, now);
            if (w == null) {
                LegTiming t = calendar.leg(method, plan.kind(), location, place.storeIndex, request.destination(), now);
                out[m] = MethodPromise.unavailable(method, Unavailability.NO_SERVICE, t.problem());
                continue;
            }
            if (partLines == null) {
                partLines = List.of(new PartLine(PAGE_LINE, request.sku(), quantity));
            }
            Location l = network.at(location);
            out[m] = new MethodPromise(method, PromiseStatus.AVAILABLE,
                    List.of(new PromisedPart(l.id(), l.type(), plan.kind(), partLines, w.dispatch(), w.window())),
                    w.window(), onePartCharge[m], null, "");
        }
        return List.of(out);
    }

    /**
     * What a product page asks of one destination, pickup store and channel, settled once: the customer's zone,
     * the methods that cannot be offered there and why, the engine's prepared what-if per method, and the delivery
     * legs to the destination.
     */
    private final class Place {
        final Channel channel;
        final Destination destination;
        final LocationId store;
        final int storeIndex;
        final ZoneId zone;
        final MethodPromise[] unavailable;
        final LegWindows.Area area;
        private final ItemPlanning[] planning;

        Place(PlaceKey key) {
            this.channel = key.channel;
            this.destination = key.destination;
            this.store = key.store;
            this.storeIndex = store == null ? -1 : network.indexOf(store);
            this.zone = customerZone(destination, store);
            this.unavailable = new MethodPromise[methods.size()];
            this.planning = new ItemPlanning[methods.size()];
            for (int m = 0; m < unavailable.length; m++) {
                MethodPlan p = precondition(methods.get(m), destination, store, storeIndex);
                unavailable[m] = p == null ? null : p.unavailable;
            }
            this.area = windows.area(destination);
        }

        /** The engine's prepared what-if for the {@code m}-th method, which must be possible here. */
        ItemPlanning planning(int m) {
            ItemPlanning p = planning[m];
            if (p == null) {
                p = engine.itemPlanning(channel, delivery(methods.get(m), destination, store));
                planning[m] = p;
            }
            return p;
        }
    }

    private record PlaceKey(Destination destination, LocationId store, Channel channel) {
    }

    private Place place(Destination destination, LocationId store, Channel channel) {
        PlaceKey key = new PlaceKey(destination, store, channel);
        Place p = places.get(key);
        if (p == null) {
            // emptied when full, not a bounded cache: read for every line of every question, and cheap to rebuild
            if (places.size() >= MAX_PLACES) {
                places.clear();
            }
            p = places.computeIfAbsent(key, Place::new);
        }
        return p;
    }

    /** Whether the SKU is sourced as itself (not a bundle of the catalog). */
    private boolean isPlain(Sku sku) {
        if (catalog == null) {
            return true;
        }
        Optional<SkuAttributes> a = catalog.find(sku);
        return a.isEmpty() || !a.get().isBundle();
    }

    /** A line asked about; its price null when not known. */
    private record Line(String id, Sku sku, int quantity, Money unitPrice) {
    }

    /** A cache key: what was asked, without the moment. */
    private record Question(Object what, int quantity, Channel channel, Destination destination, LocationId store) {
    }

    /** A leg of a plan, enough to time it again at another moment. */
    private record Leg(int location, LegKind kind, int pickupStore, List<PartLine> lines) {
    }

    /** What the engine decided for one method. */
    private record MethodPlan(PromiseStatus status, Leg[] legs, Instant start, List<PromisedPart> laterParts,
                              MethodPromise unavailable) {
    }

    /** A cached answer: the plans per method and what they depended on. */
    private record Planned(Sku[] skus, long[] versions, long from, long until, boolean checkCapacity, MethodPlan[] plans) {
    }

    private List<MethodPromise> promise(Question q, Line[] lines, Channel channel, Destination destination,
                                        LocationId store, Instant now, boolean hopeless, Money merchandise,
                                        RecordingSnapshot reads) {
        Planned planned = cacheTtlMillis > 0 ? cache.get(q) : null;
        if (planned == null || !valid(planned, now)) {
            if (LOG.isDebugEnabled()) {
                // the destination is left out: it is the shopper's address
                LOG.debug("planning the promise of {} line(s) on {} ({})", lines.length, channel,
                        planned == null ? "not cached" : "cached plan no longer holds");
            }
            planned = plan(lines, channel, destination, store, now, hopeless, reads);
            if (cacheTtlMillis > 0) {
                cache.put(q, planned);
            }
        }
        List<MethodPromise> out = new ArrayList<>(methods.size());
        LegWindows.Area area = windows.area(destination);
        for (int m = 0; m < methods.size(); m++) {
            out.add(toPromise(methods.get(m), planned.plans[m], area, now, merchandise));
        }
        return out;
    }

    private boolean valid(Planned p, Instant now) {
        long t = now.toEpochMilli();
        if (t < p.from || t >= p.until) {
            return false;
        }
        for (int k = 0; k < p.skus.length; k++) {
            if (index.availability(p.skus[k]).version() != p.versions[k]) {
                return false;
            }
        }
        if (p.checkCapacity) {
            for (MethodPlan mp : p.plans) {
                if (mp.legs != null) {
                    for (Leg leg : mp.legs) {
                        Location l = network.at(leg.location);
                        if (engine.capacity().used(l.id(), LocalDate.ofInstant(now, l.zone())) >= l.dailyCapacity()) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private MethodPromise toPromise(DeliveryMethod method, MethodPlan plan, LegWindows.Area area, Instant now,
                                    Money merchandise) {
        switch (plan.status) {
            case UNAVAILABLE:
                return plan.unavailable;
            case LATER:
                return MethodPromise.of(method, PromiseStatus.LATER, plan.laterParts,
                        charges.charge(method, plan.laterParts.size(), merchandise));
            default:
                List<PromisedPart> parts = new ArrayList<>(plan.legs.length);
                for (Leg leg : plan.legs) {
                    LegWindows.Window w = windows.at(method, leg.kind, leg.location, leg.pickupStore, area, now);
                    if (w == null) {
                        LegTiming t = calendar.leg(method, leg.kind, leg.location, leg.pickupStore, area.destination(), now);
                        return MethodPromise.unavailable(method, Unavailability.NO_SERVICE, t.problem());
                    }
                    Location l = network.at(leg.location);
                    parts.add(new PromisedPart(l.id(), l.type(), leg.kind, leg.lines, w.dispatch(), w.window()));
                }
                return MethodPromise.of(method, PromiseStatus.AVAILABLE, parts, charges.charge(method, parts.size(), merchandise));
        }
    }

    /**
     * Runs the engine for every method at {@code now} against {@code snapshot} (holding what the stock signals read),
     * recording what the answers depend on.
     */
    private Planned plan(Line[] lines, Channel channel, Destination destination, LocationId store, Instant now,
                         boolean hopeless, RecordingSnapshot snapshot) {
        MethodPlan[] plans = new MethodPlan[methods.size()];
        Completion[] asked = new Completion[plans.length];
        Supplier<List<DemandLine>> demandLines = Suppliers.memoize(() -> demandLines(lines));
        Needs needs = needs(lines);
        WhatIfSeries series = engine.whatIfSeries();
        long until = cacheTtlMillis > 0 ? now.toEpochMilli() + cacheTtlMillis : now.toEpochMilli();
        boolean checkCapacity = false;
        int storeIndex = store == null ? -1 : network.indexOf(store);
        for (int m = 0; m < plans.length; m++) {
            DeliveryMethod method = methods.get(m);
            MethodPlan mp = precondition(method, destination, store, storeIndex);
            if (mp == null && method == DeliveryMethod.EXPRESS_CLICK_AND_COLLECT) {
                mp = shelfCheck(needs, snapshot, storeIndex);
            }
            if (mp == null && hopeless) {
                mp = futurePlan(method, lines, needs, channel, destination, store, now, snapshot,
                        MethodPromise.unavailable(method, Unavailability.NO_STOCK, "not enough stock in the network for "
                                + channel + " and no inbound supply covers it"));
            }
            if (mp == null) {
                int alike = alikeEarlier(asked, m, channel);
                Completion completion = alike >= 0 ? asked[alike] : null;
                // a method sourced alike an earlier one needs its own demand only to say why it is unavailable
                Supplier<SourcingRequest> request = Suppliers.memoize(() -> SourcingRequest.of(Demand.whatIf(channel,
                        delivery(method, destination, store), demandLines.get(), now)));
                if (completion == null) {
                    completion = series.planIfComplete(request.get(), snapshot, now);
                }
                asked[m] = completion;
                SourcingPlan plan = completion.plan();
                if (plan != null && plan.isComplete()) {
                    // the same plan has the same legs
                    Leg[] legs = alike >= 0 && plans[alike].legs != null ? plans[alike].legs : legs(plan);
                    mp = new MethodPlan(PromiseStatus.AVAILABLE, legs, now, null, null);
                    checkCapacity |= enforcesCapacity(channel, method);
                } else {
                    MethodPromise otherwise;
                    if (plan != null) {
                        Unsourced u = plan.unsourced().get(0);
                        otherwise = unavailable(method, u.reason(), u.detail(), () -> plan.explanation().locations(), storeIndex);
                    } else {
                        otherwise = unavailable(method, completion.reason(), completion.detail(),
                                () -> series.firstExclusion(request.get(), snapshot, now).map(List::of).orElse(List.of()),
                                storeIndex);
                    }
                    mp = futurePlan(method, lines, needs, channel, destination, store, now, snapshot, otherwise);
                }
            }
            if (mp.status == PromiseStatus.LATER && mp.start.toEpochMilli() < until) {
                until = mp.start.toEpochMilli();
            }
            plans[m] = mp;
        }
        // time rules (open now, cut-off, capacity per day) can change their verdict at any holder's next change;
        // without a cache nothing is kept, so the moment it stops holding is not needed
        if (cacheTtlMillis > 0) {
            for (int x = 0; x < snapshot.count; x++) {
                SkuStock stock = snapshot.read[x].stock(channel);
                for (int k = 0; k < stock.size(); k++) {
                    until = Math.min(until, changeTimes.nextChange(stock.location(k), now));
                }
            }
            if (storeIndex >= 0) {
                until = Math.min(until, changeTimes.nextChange(storeIndex, now));
            }
        }
        Sku[] skus = new Sku[snapshot.count];
        long[] versions = new long[skus.length];
        for (int k = 0; k < skus.length; k++) {
            skus[k] = snapshot.read[k].sku();
            versions[k] = snapshot.read[k].version();
        }
        return new Planned(skus, versions, now.toEpochMilli(), until, checkCapacity, plans);
    }

    /**
     * The index of an earlier method asked of the engine (at the same moment against the same snapshot) that it
     * sources alike method {@code m}, whose answer is then {@code m}'s; -1 when none.
     */
    private int alikeEarlier(Completion[] asked, int m, Channel channel) {
        for (int k = 0; k < m; k++) {
            if (asked[k] != null && engine.sourcesAlike(channel, methods.get(k), methods.get(m))) {
                return k;
            }
        }
        return -1;
    }

    private boolean enforcesCapacity(Channel channel, DeliveryMethod method) {
        return capacityEnforced[channel.ordinal()][method.ordinal()];
    }

    private MethodPlan precondition(DeliveryMethod method, Destination destination, LocationId store, int storeIndex) {
        if (method.isHomeDelivery() && destination == null) {
            return unavailablePlan(MethodPromise.unavailable(method, Unavailability.NO_DESTINATION, "no destination given"));
        }
        if (method.isPickup()) {
            if (store == null) {
                return unavailablePlan(MethodPromise.unavailable(method, Unavailability.NO_PICKUP_STORE, "no pickup store chosen"));
            }
            if (storeIndex < 0 || !network.at(storeIndex).can(Capability.PICKUP)) {
                return unavailablePlan(MethodPromise.unavailable(method, Unavailability.NO_PICKUP_STORE,
                        store + " is not a pickup store of the network"));
            }
        }
        return null;
    }

    /**
     * Express click and collect takes only the pickup store's own stock (the engine adds that filter for the method):
     * a store without enough of every SKU cannot be planned, so the engine is not asked.
     */
    private MethodPlan shelfCheck(Needs needs, StockSnapshot snapshot, int storeIndex) {
        for (int k = 0; k < needs.skus.size(); k++) {
            Sku sku = needs.skus.get(k);
            long needed = needs.units[k];
            int onShelf = snapshot.stock(sku).unitsAt(storeIndex);
            if (onShelf < needed) {
                return unavailablePlan(noShelfStock(storeIndex, sku, onShelf, needed));
            }
        }
        return null;
    }

    private MethodPromise noShelfStock(int storeIndex, Sku sku, int onShelf, long needed) {
        return MethodPromise.unavailable(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, Unavailability.NO_STOCK,
                network.at(storeIndex).id() + " has " + onShelf + " unit(s) of " + sku + " on its shelf, " + needed + " needed");
    }

    private static MethodPlan unavailablePlan(MethodPromise p) {
        return new MethodPlan(PromiseStatus.UNAVAILABLE, null, null, null, p);
    }

    private Leg[] legs(SourcingPlan plan) {
        List<PlannedFulfilment> fulfilments = plan.fulfilments();
        Leg[] legs = new Leg[fulfilments.size()];
        for (int k = 0; k < legs.length; k++) {
            PlannedFulfilment f = fulfilments.get(k);
            List<PartLine> lines = new ArrayList<>(f.lines().size());
            for (PlannedLine l : f.lines()) {
                lines.add(new PartLine(l.line().value(), l.sku(), l.quantity()));
            }
            legs[k] = new Leg(network.indexOf(f.location()), f.kind(),
                    f.destination() == null ? -1 : network.indexOf(f.destination()), List.copyOf(lines));
        }
        return legs;
    }

    /**
     * Why the engine could not plan everything now; for a pickup method that the rules prevent, with the first
     * exclusion of the {@code verdicts} (asked only then), the pickup store's if it has one.
     */
    private MethodPromise unavailable(DeliveryMethod method, UnsourcedReason unsourced, String detail,
                                      Supplier<List<LocationVerdict>> verdicts, int storeIndex) {
        Unavailability reason = unavailability(unsourced);
        if (reason == Unavailability.EXCLUDED_BY_RULES && method.isPickup()) {
            String why = firstExclusion(verdicts.get(), storeIndex);
            if (why != null) {
                detail = detail + "; " + why;
            }
        }
        return MethodPromise.unavailable(method, reason, detail);
    }

    private static Unavailability unavailability(UnsourcedReason reason) {
        return switch (reason) {
            case NO_STOCK -> Unavailability.NO_STOCK;
            case EXCLUDED_BY_RULES -> Unavailability.EXCLUDED_BY_RULES;
            default -> Unavailability.TOO_MANY_PARTS;
        };
    }

    private String firstExclusion(List<LocationVerdict> verdicts, int storeIndex) {
        LocationVerdict pick = null;
        for (LocationVerdict v : verdicts) {
            if (v.verdict() == Verdict.EXCLUDED && !v.exclusions().isEmpty()) {
                if (storeIndex >= 0 && v.location().equals(network.at(storeIndex).id())) {
                    pick = v;
                    break;
                }
                if (pick == null) {
                    pick = v;
                }
            }
        }
        if (pick == null) {
            return null;
        }
        Exclusion e = pick.exclusions().get(0);
        return e.why().summary();
    }

    // ------------------------------------------------------------------ future stock

    /**
     * Tries the inbound supply of the lines' SKUs, earliest ETA first (net of backorders already waiting for it):
     * the first ETA at which the engine plans everything gives a later promise, timed from that ETA.
     */
    private MethodPlan futurePlan(DeliveryMethod method, Line[] lines, Needs needs, Channel channel,
                                  Destination destination, LocationId store, Instant now, RecordingSnapshot current,
                                  MethodPromise otherwise) {
        List<Sku> skus = needs.skus;
        List<Instant> etas = new ArrayList<>();
        for (Sku sku : skus) {
            for (InboundSupply s : netInbound(current.read(sku))) {
                Instant eta = s.eta().isBefore(now) ? now : s.eta();
                if (!etas.contains(eta)) {
                    etas.add(eta);
                }
            }
        }
        if (etas.isEmpty()) {
            return unavailablePlan(otherwise);
        }
        etas.sort(null);
        SourcingRequest request = null;
        for (int k = 0; k < etas.size() && k < BACK_IN_STOCK_TRIES; k++) {
            Instant eta = etas.get(k);
            Map<Sku, SkuStock> future = new HashMap<>();
            boolean enough = true;
            for (int x = 0; x < skus.size(); x++) {
                Sku sku = skus.get(x);
                SkuAvailability a = current.read(sku);
                SkuStock s = futureStock(a, channel, eta);
                enough &= s.total() - a.networkReserved() >= needs.units[x];
                future.put(sku, s);
            }
            if (!enough) {
                continue;
            }
            StockSnapshot snapshot = sku -> {
                SkuStock s = future.get(sku);
                return s != null ? s : current.stock(sku);
            };
            if (request == null) {
                request = SourcingRequest.of(Demand.whatIf(channel, delivery(method, destination, store),
                        demandLines(lines), now));
            }
            SourcingPlan plan = engine.plan(request, snapshot, eta);
            if (!plan.isComplete()) {
                continue;
            }
            List<PromisedPart> parts = new ArrayList<>();
            boolean ok = true;
            for (Leg leg : legs(plan)) {
                LegTiming t = calendar.leg(method, leg.kind, leg.location, leg.pickupStore, destination, eta);
                if (!t.isPromisable()) {
                    ok = false;
                    break;
                }
                Location l = network.at(leg.location);
                parts.add(new PromisedPart(l.id(), l.type(), leg.kind, leg.lines, t.dispatch(), t.window()));
            }
            if (ok) {
                return new MethodPlan(PromiseStatus.LATER, null, eta, List.copyOf(parts), null);
            }
        }
        return unavailablePlan(otherwise);
    }

    /** The SKUs the lines draw on (each line's SKU, or its bundle's components), each with the units they need. */
    private record Needs(List<Sku> skus, long[] units) {
    }

    private Needs needs(Line[] lines) {
        Sku[] skus = new Sku[lines.length];
        long[] units = new long[lines.length];
        int n = 0;
        for (Line l : lines) {
            for (BundleComponent c : components(l.sku)) {
                int k = indexOf(skus, n, c.sku());
                if (k < 0) {
                    if (n == skus.length) {
                        skus = Arrays.copyOf(skus, 2 * n + 1);
                        units = Arrays.copyOf(units, 2 * n + 1);
                    }
                    k = n++;
                    skus[k] = c.sku();
                }
                units[k] += (long) l.quantity * c.quantity();
            }
        }
        return new Needs(List.of(Arrays.copyOf(skus, n)), units);
    }

    /** The index of {@code sku} among {@code skus[0..n)} (by identity, else by value); -1 when absent. */
    private static int indexOf(Sku[] skus, int n, Sku sku) {
        int hash = sku.hashCode();
        for (int k = 0; k < n; k++) {
            Sku other = skus[k];
            if (other == sku || other.hashCode() == hash && other.equals(sku)) {
                return k;
            }
        }
        return -1;
    }

    private List<BundleComponent> components(Sku sku) {
        if (catalog != null) {
            Optional<SkuAttributes> a = catalog.find(sku);
            if (a.isPresent() && a.get().isBundle()) {
                return a.get().components();
            }
        }
        return List.of(new BundleComponent(sku, 1));
    }

    /** Inbound supply of the SKU left after the backorders already waiting took the earliest units. */
    private List<InboundSupply> netInbound(SkuAvailability a) {
        List<InboundSupply> inbound = a.inbound();
        if (inbound.isEmpty()) {
            return inbound;
        }
        int waiting = backorders.waiting(a.sku());
        if (waiting <= 0) {
            return inbound;
        }
        List<InboundSupply> net = new ArrayList<>(inbound.size());
        for (InboundSupply s : inbound) {
            if (waiting >= s.quantity()) {
                waiting -= s.quantity();
            } else {
                net.add(waiting == 0 ? s : new InboundSupply(s.sku(), s.location(), s.quantity() - waiting, s.eta(), s.reference()));
                waiting = 0;
            }
        }
        return net;
    }

    /** What {@code channel} may source of the SKU once the net inbound supply due by {@code eta} has arrived. */
    private SkuStock futureStock(SkuAvailability a, Channel channel, Instant eta) {
        Map<Integer, Integer> arriving = new HashMap<>();
        for (InboundSupply s : netInbound(a)) {
            if (!s.eta().isAfter(eta)) {
                arriving.merge(network.indexOf(s.location()), s.quantity(), Integer::sum);
            }
        }
        if (arriving.isEmpty()) {
            return a.stock(channel);
        }
        Map<Integer, StockPosition> positions = new HashMap<>();
        for (StockPosition p : a.positions()) {
            positions.put(network.indexOf(p.location()), p);
        }
        for (Integer i : arriving.keySet()) {
            positions.putIfAbsent(i, StockPosition.empty(a.sku(), network.at(i).id()));
        }
        int[] l = new int[positions.size()];
        int[] u = new int[positions.size()];
        int n = 0;
        for (Map.Entry<Integer, StockPosition> e : positions.entrySet()) {
            StockPosition p = e.getValue();
            int more = arriving.getOrDefault(e.getKey(), 0);
            StockPosition after = more == 0 ? p : new StockPosition(p.sku(), p.location(), p.onHand() + more, p.reserved(),
                    p.allocated(), p.safetyStock(), Math.max(0, p.inbound() - more), p.returnsInTransit(), p.quarantine());
            l[n] = e.getKey();
            u[n++] = Math.max(0, exposure.exposed(channel, network.at(e.getKey()), after));
        }
        return SkuStock.of(Arrays.copyOf(l, n), Arrays.copyOf(u, n));
    }

    // ------------------------------------------------------------------ stock signal

    /** The signal of a line whose SKU is sourced as itself, from its availability. */
    private StockSignal plainSignal(Line line, SkuAvailability a, Channel channel, ZoneId zone, RecordingSnapshot reads) {
        long units = a.available(channel);
        if (units >= line.quantity) {
            return new StockSignal(units <= lowStockThreshold ? StockSignal.Kind.ONLY_FEW_LEFT : StockSignal.Kind.IN_STOCK,
                    units, null);
        }
        return signal(line, channel, zone, reads);
    }

    /** The signal of a line, its SKUs' availability read through {@code reads}. */
    private StockSignal signal(Line line, Channel channel, ZoneId zone, RecordingSnapshot reads) {
        List<BundleComponent> components = components(line.sku);
        long units = Long.MAX_VALUE;
        for (BundleComponent c : components) {
            units = Math.min(units, reads.read(c.sku()).available(channel) / c.quantity());
        }
        if (units >= line.quantity) {
            return new StockSignal(units <= lowStockThreshold ? StockSignal.Kind.ONLY_FEW_LEFT : StockSignal.Kind.IN_STOCK,
                    units, null);
        }
        Instant back = null;
        for (BundleComponent c : components) {
            SkuAvailability a = reads.read(c.sku());
            long need = (long) line.quantity * c.quantity() + a.networkReserved();
            if (a.total(channel) >= need) {
                continue;
            }
            Instant when = null;
            List<InboundSupply> inbound = netInbound(a);
            int tries = 0;
            for (int k = 0; k < inbound.size() && tries < BACK_IN_STOCK_TRIES; k++) {
                Instant eta = inbound.get(k).eta();
                if (k + 1 < inbound.size() && !inbound.get(k + 1).eta().isAfter(eta)) {
                    continue;
                }
                tries++;
                if (futureStock(a, channel, eta).total() >= need) {
                    when = eta;
                    break;
                }
            }
            if (when == null) {
                return new StockSignal(StockSignal.Kind.OUT_OF_STOCK, units, null);
            }
            back = back == null || when.isAfter(back) ? when : back;
        }
        if (back == null) {
            return new StockSignal(StockSignal.Kind.OUT_OF_STOCK, units, null);
        }
        return new StockSignal(StockSignal.Kind.BACK_IN_STOCK, units, LocalDate.ofInstant(back, zone));
    }

    private ZoneId customerZone(Destination destination, LocationId store) {
        if (destination != null && destination.zone() != null) {
            return destination.zone();
        }
        if (store != null) {
            int i = network.indexOf(store);
            if (i >= 0) {
                return network.at(i).zone();
            }
        }
        return calendar.customerZone();
    }

    // ------------------------------------------------------------------ demands for the engine

    private static DeliveryChoice delivery(DeliveryMethod method, Destination destination, LocationId store) {
        if (method.isPickup()) {
            return DeliveryChoice.pickup(method, store, null);
        }
        return DeliveryChoice.home(method, new Address(null, null, null, null, destination.postalCode(),
                destination.countryCode(), destination.position()), null);
    }

    /** The lines of the engine's demands for {@code lines}: the same for every method asked. */
    private static List<DemandLine> demandLines(Line[] lines) {
        List<DemandLine> out = new ArrayList<>(lines.length);
        for (Line l : lines) {
            out.add(new DemandLine(LineId.of(l.id), l.sku, l.quantity, l.unitPrice, null));
        }
        return List.copyOf(out);
    }

    /**
     * Reads through the index, each SKU once, and remembers what was read (at which version): the stock signals and
     * the engine see the same stock, and a cached answer knows what it depended on.
     */
    private final class RecordingSnapshot implements StockSnapshot {
        private final Channel channel;
        /** The SKUs asked for, as given (compared by identity first: the engine asks with the lines' own). */
        private Sku[] asked = new Sku[8];
        SkuAvailability[] read = new SkuAvailability[8];
        int count;

        RecordingSnapshot(Channel channel) {
            this.channel = channel;
        }

        /** Reads the SKUs of {@code lines} all at once; a bundle's components are read when asked for. */
        void readAll(List<CartLine> lines) {
            Sku[] skus = new Sku[lines.size()];
            int n = 0;
            for (CartLine l : lines) {
                // a bundle holds no stock of its own
                if (isPlain(l.sku()) && indexOf(asked, count, l.sku()) < 0 && indexOf(skus, n, l.sku()) < 0) {
                    skus[n++] = l.sku();
                }
            }
            SkuAvailability[] found = new SkuAvailability[n];
            index.availabilities(skus, n, found);
            int touched = 0;
            for (int k = 0; k < n; k++) {
                // the stock the engine reads next, every cache line of it (8 entries each) fetched for every SKU together
                SkuStock stock = found[k].stock(channel);
                for (int x = 0, size = stock.size(); x < size; x += 8) {
                    touched += stock.location(x);
                }
                record(skus[k], found[k]);
            }
            this.touched = touched;
        }

        /** What {@link #readAll} summed of what it touched: kept so the touching reads are not dropped as unused. */
        @SuppressWarnings("unused")
        private int touched;

        private void record(Sku sku, SkuAvailability a) {
            if (count == read.length) {
                read = Arrays.copyOf(read, count * 2);
                asked = Arrays.copyOf(asked, count * 2);
            }
            asked[count] = sku;
            read[count++] = a;
        }

        SkuAvailability read(Sku sku) {
            int k = indexOf(asked, count, sku);
            if (k >= 0) {
                return read[k];
            }
            SkuAvailability a = index.availability(sku);
            record(sku, a);
            return a;
        }

        @Override
        public SkuStock stock(Sku sku) {
            return read(sku).stock(channel);
        }
    }

    /** Builds an {@link Atp}. The engine and, unless an index is given, the inventory store are required. */
    public static final class Builder {
        private SourcingEngine engine;
        private InventoryStore inventory;
        private AvailabilityIndex index;
        private Catalog catalog;
        private Clock clock = Clock.systemUTC();
        private PromiseCalendar calendar;
        private DeliveryCharges charges = DeliveryCharges.free(CurrencyUnit.EUR);
        private BackorderLedger backorders = BackorderLedger.none();
        private List<DeliveryMethod> methods = List.of(DeliveryMethod.values());
        private int lowStockThreshold = 5;
        private Duration cacheTtl = Duration.ofMinutes(5);
        private int maxCacheEntries = 200_000;
        private boolean quickPages = true;

        private Builder() {
        }

        /** Whether product pages use the engine's what-if for one item; off only to compare with the general way. */
        Builder quickPages(boolean quick) {
            this.quickPages = quick;
            return this;
        }

        /** The sourcing engine whose what-if plans the promises are. */
        public Builder engine(SourcingEngine engine) {
            this.engine = Checks.notNull(engine, "engine");
            return this;
        }

        /** The inventory store the index reads. */
        public Builder inventory(InventoryStore inventory) {
            this.inventory = Checks.notNull(inventory, "inventory");
            return this;
        }

        /** An index to share (built over the engine's network and exposure); by default one is built from the store. */
        public Builder index(AvailabilityIndex index) {
            this.index = Checks.notNull(index, "index");
            return this;
        }

        /** The catalog, to see bundles as their components in stock signals; the engine's own catalog sources them. */
        public Builder catalog(Catalog catalog) {
            this.catalog = Checks.notNull(catalog, "catalog");
            return this;
        }

        /** The clock for requests without a moment; the system UTC clock by default. Use the engine's clock. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The date arithmetic, over the engine's network; by default with Jollyday's holidays and the standard transit table. */
        public Builder calendar(PromiseCalendar calendar) {
            this.calendar = Checks.notNull(calendar, "calendar");
            return this;
        }

        /** What customers pay per method; all free in EUR by default. */
        public Builder charges(DeliveryCharges charges) {
            this.charges = Checks.notNull(charges, "charges");
            return this;
        }

        /** Units already promised from inbound supply; none by default. */
        public Builder backorders(BackorderLedger backorders) {
            this.backorders = Checks.notNull(backorders, "backorders");
            return this;
        }

        /** The delivery methods to offer, in display order; all by default. */
        public Builder methods(List<DeliveryMethod> methods) {
            Checks.list(methods, "methods");
            if (methods.isEmpty() || methods.stream().distinct().count() != methods.size()) {
                throw new IllegalArgumentException("methods must be distinct and not empty, were " + methods);
            }
            this.methods = List.copyOf(methods);
            return this;
        }

        /** "Only N left" is shown from this many units down; 5 by default, at least 0. */
        public Builder lowStockThreshold(int units) {
            this.lowStockThreshold = Checks.notNegative(units, "lowStockThreshold");
            return this;
        }

        /** How long a cached plan may be reused at most; zero disables the cache. 5 minutes by default. */
        public Builder cacheTtl(Duration ttl) {
            Checks.notNull(ttl, "cacheTtl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl must not be negative, was " + ttl);
            }
            this.cacheTtl = ttl;
            return this;
        }

        /**
         * The most questions kept in the cache; when it is full, the least useful question (by how lately and how
         * often it was asked) makes room for a new one. 200,000 by default.
         */
        public Builder maxCacheEntries(int entries) {
            this.maxCacheEntries = Checks.positive(entries, "maxCacheEntries");
            return this;
        }

        /**
         * The ATP.
         *
         * @throws IllegalStateException when the engine, or both the inventory store and an index, are missing
         */
        public Atp build() {
            if (engine == null) {
                throw new IllegalStateException("engine is required");
            }
            if (inventory == null && index == null) {
                throw new IllegalStateException("inventory (or an index) is required");
            }
            return new Atp(this);
        }
    }
}
