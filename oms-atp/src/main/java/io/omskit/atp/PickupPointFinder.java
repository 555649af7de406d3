package io.omskit.atp;

import io.omskit.atp.spi.TransitTime;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.stock.SkuStock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Answers pickup-point questions from the availability index and the promise calendar, without planning: a
 * checkout page asks it for dozens of stores at once. Every store with the pickup capability is a pickup point.
 * Express collection takes the store's shelf (after safety stock, through the channel's exposure); ship-to-store
 * takes the shelf first and transfers the rest from the location that gets it to the store soonest (one location
 * for all of it when one can, else the soonest per SKU), as the calendar times a transfer.
 */
final class PickupPointFinder {

    private static final double KM_PER_DEGREE = 111.2;

    private final Network network;
    private final PromiseCalendar calendar;
    private final AvailabilityIndex index;
    private final Function<Sku, List<BundleComponent>> components;
    /** Dense indexes of the stores that hand goods to customers, with their positions in degrees. */
    private final int[] stores;
    private final double[] latitude;
    private final double[] longitude;
    private final boolean[] ships;
    private final boolean[] receives;
    private final LegWindows windows;
    private final LegWindows.Area nowhere;
    /**
     * Per location, its timing class: locations alike in zone, opening hours, holidays, cut-off, lead time and carrier
     * pickups dispatch an order at the same moment, so one question times each class once.
     */
    private final int[] timingClass;
    private final int timingClasses;
    /** Transfer transits per store and source, read from the carrier transit once and kept (rows made on first use). */
    private final AtomicReferenceArray<Object[]> transits;
    private static final Object NO_TRANSIT = new Object();
    /**
     * The distinct transits met so far, each with a small number: a transfer window depends only on the store, the
     * source's dispatch and the transit, so windows are kept per store by (timing class, transit number).
     */
    private final java.util.concurrent.ConcurrentHashMap<TransitTime, Transit> transitNumbers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger transitCount = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Per store, the transfer windows computed by earlier questions: a direct-mapped table of {@value #KEPT_WINDOWS}
     * slots, each holding the window of one (timing class, transit) for the dispatch it was computed for. Successive
     * questions mostly share a dispatch (it moves at cut-offs and openings), so most windows are read, not computed;
     * a slot holding another key or another dispatch is computed again and replaced.
     */
    private final AtomicReferenceArray<KeptWindow[]> keptWindows;
    private static final int KEPT_WINDOWS = 128;

    /** A transit with its number among the distinct transits met. */
    private record Transit(TransitTime time, int number) {
    }

    /** The window of the transfers of one timing class and transit number dispatched at {@code dispatch}. */
    private record KeptWindow(long key, Instant dispatch, DeliveryWindow window) {
    }

    /** What a location's dispatch depends on. */
    private record Timing(java.time.ZoneId zone, io.omskit.core.network.OpeningHours hours,
                          io.omskit.core.network.HolidayCalendar holidays, java.time.LocalTime cutOff,
                          java.time.Duration lead, io.omskit.atp.calendar.PickupSchedule pickup) {
    }

    PickupPointFinder(Network network, PromiseCalendar calendar, LegWindows windows, AvailabilityIndex index,
                      Function<Sku, List<BundleComponent>> components) {
        this.network = network;
        this.windows = windows;
        this.nowhere = windows.area(null);
        this.calendar = calendar;
        this.index = index;
        this.components = components;
        int n = network.size();
        int[] found = new int[n];
        int count = 0;
        ships = new boolean[n];
        receives = new boolean[n];
        for (int i = 0; i < n; i++) {
            Location l = network.at(i);
            ships[i] = l.can(Capability.SHIP);
            receives[i] = l.can(Capability.RECEIVE_TRANSFER);
            if (l.type() == LocationType.STORE && l.can(Capability.PICKUP)) {
                found[count++] = i;
            }
        }
        stores = Arrays.copyOf(found, count);
        timingClass = new int[n];
        java.util.Map<Timing, Integer> classes = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            Location l = network.at(i);
            Timing t = new Timing(l.zone(), l.openingHours(), l.holidays(), l.orderCutOff(), l.processingLeadTime(),
                    calendar.pickup(i));
            timingClass[i] = classes.computeIfAbsent(t, k -> classes.size());
        }
        timingClasses = classes.size();
        transits = new AtomicReferenceArray<>(n);
        keptWindows = new AtomicReferenceArray<>(n);
        latitude = new double[count];
        longitude = new double[count];
        for (int k = 0; k < count; k++) {
            GeoPoint p = network.at(stores[k]).position();
            latitude[k] = p.latitude();
            longitude[k] = p.longitude();
        }
    }

    /** What one question needs: its distinct SKUs, the units of each, and each line's units of each SKU. */
    private static final class Cart {
        final String[] lineIds;
        final Sku[] skus;
        final long[] units;
        final int skuCount;
        /** Per line: the SKUs it draws on (indexes into {@link #skus}) and the units of each. */
        final int[][] lineSkus;
        final long[][] lineUnits;
        final SkuStock[] stock;

        Cart(List<CartLine> lines, Function<Sku, List<BundleComponent>> components, AvailabilityIndex index,
             Channel channel) {
            int n = lines.size();
            lineIds = new String[n];
            lineSkus = new int[n][];
            lineUnits = new long[n][];
            Sku[] s = new Sku[n];
            long[] u = new long[n];
            int count = 0;
            for (int k = 0; k < n; k++) {
                CartLine line = lines.get(k);
                lineIds[k] = line.id();
                List<BundleComponent> parts = components.apply(line.sku());
                lineSkus[k] = new int[parts.size()];
                lineUnits[k] = new long[parts.size()];
                for (int c = 0; c < parts.size(); c++) {
                    BundleComponent part = parts.get(c);
                    int at = -1;
                    for (int x = 0; x < count; x++) {
                        if (s[x].equals(part.sku())) {
                            at = x;
                            break;
                        }
                    }
                    if (at < 0) {
                        if (count == s.length) {
                            s = Arrays.copyOf(s, 2 * count);
                            u = Arrays.copyOf(u, 2 * count);
                        }
                        at = count++;
                        s[at] = part.sku();
                    }
                    long units = (long) line.quantity() * part.quantity();
                    u[at] += units;
                    lineSkus[k][c] = at;
                    lineUnits[k][c] = units;
                }
            }
            skus = s;
            units = u;
            skuCount = count;
            stock = new SkuStock[count];
            for (int x = 0; x < count; x++) {
                stock[x] = index.availability(skus[x]).stock(channel);
            }
        }

        /**
         * The ids of the lines that {@code given[sku]} units cannot serve, each line served whole in cart order; the
         * units given to served lines are taken from {@code given}.
         */
        List<String> missing(long[] given) {
            List<String> missing = new ArrayList<>(0);
            for (int k = 0; k < lineIds.length; k++) {
                boolean enough = true;
                for (int c = 0; c < lineSkus[k].length && enough; c++) {
                    enough = given[lineSkus[k][c]] >= lineUnits[k][c];
                }
                if (!enough) {
                    missing.add(lineIds[k]);
                    continue;
                }
                for (int c = 0; c < lineSkus[k].length; c++) {
                    given[lineSkus[k][c]] -= lineUnits[k][c];
                }
            }
            return missing;
        }
    }

    /** Forgets the kept transfer transits and windows. */
    void clear() {
        for (int i = 0; i < transits.length(); i++) {
            transits.set(i, null);
            keptWindows.set(i, null);
        }
    }

    PickupPoints find(PickupPointsRequest request, Instant now) {
        Cart cart = new Cart(request.lines(), components, index, request.channel());
        GeoPoint near = request.near();
        double maxKm = request.maxKm();
        double latSpan = maxKm / KM_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(near.latitude()) + latSpan)));
        double lonSpan = cos <= 0 ? 360 : latSpan / cos;
        Timings timings = new Timings(now);
        List<Ranked> points = new ArrayList<>();
        for (int k = 0; k < stores.length; k++) {
            // a box around the shopper first: most stores of a country are settled by two subtractions
            if (Math.abs(latitude[k] - near.latitude()) > latSpan) {
                continue;
            }
            double dLon = Math.abs(longitude[k] - near.longitude());
            if (Math.min(dLon, 360 - dLon) > lonSpan) {
                continue;
            }
            int store = stores[k];
            double km = network.at(store).position().distanceKm(near);
            if (km > maxKm) {
                continue;
            }
            points.add(new Ranked(point(cart, store, km, timings)));
        }
        points.sort(Ranked::compare);
        List<PickupPoint> ranked = new ArrayList<>(Math.min(points.size(), request.limit()));
        for (int k = 0; k < points.size() && k < request.limit(); k++) {
            ranked.add(points.get(k).point);
        }
        return new PickupPoints(now, ranked);
    }

    /** A point with what ranks it, read once: soonest ready day, then nearest, then soonest; else fewest missing. */
    private static final class Ranked {
        final PickupPoint point;
        final Instant readyAt;
        final java.time.LocalDate readyDay;
        final int missing;

        Ranked(PickupPoint point) {
            this.point = point;
            this.readyAt = point.readyAt();
            this.readyDay = readyAt == null ? null : point.readyDay();
            this.missing = readyAt == null ? fewestMissing(point) : 0;
        }

        int compare(Ranked b) {
            if ((readyAt == null) != (b.readyAt == null)) {
                return readyAt != null ? -1 : 1;
            }
            if (readyAt != null) {
                int byDay = readyDay.compareTo(b.readyDay);
                if (byDay != 0) {
                    return byDay;
                }
                int byDistance = Double.compare(point.distanceKm(), b.point.distanceKm());
                return byDistance != 0 ? byDistance : readyAt.compareTo(b.readyAt);
            }
            int byMissing = Integer.compare(missing, b.missing);
            return byMissing != 0 ? byMissing : Double.compare(point.distanceKm(), b.point.distanceKm());
        }
    }

    private static int fewestMissing(PickupPoint p) {
        return Math.min(p.express().missingLines().size(), p.shipToStore().missingLines().size());
    }

    private PickupPoint point(Cart cart, int store, double km, Timings timings) {
        int n = cart.skuCount;
        long[] shelf = new long[n];
        for (int x = 0; x < n; x++) {
            shelf[x] = cart.stock[x].unitsAt(store);
        }
        LegTiming collect = timings.collect(store);
        PickupOffer express = express(cart, shelf.clone(), collect);
        PickupOffer shipToStore = shipToStore(cart, store, shelf, collect, timings);
        Location l = network.at(store);
        return new PickupPoint(l.id(), km, l.zone(), express, shipToStore);
    }

    private static PickupOffer express(Cart cart, long[] shelf, LegTiming collect) {
        List<String> missing = cart.missing(shelf);
        DeliveryMethod method = DeliveryMethod.EXPRESS_CLICK_AND_COLLECT;
        if (missing.size() == cart.lineIds.length) {
            return new PickupOffer(method, missing, null, List.of(), null);
        }
        if (!collect.isPromisable()) {
            return PickupOffer.refused(method, Arrays.asList(cart.lineIds), collect.problem());
        }
        return new PickupOffer(method, missing, collect.window(), List.of(), null);
    }

    private PickupOffer shipToStore(Cart cart, int store, long[] shelf, LegTiming collect, Timings timings) {
        DeliveryMethod method = DeliveryMethod.SHIP_TO_STORE;
        int n = cart.skuCount;
        long[] rest = new long[n];
        boolean fromShelf = false;
        boolean transfer = false;
        for (int x = 0; x < n; x++) {
            long taken = Math.min(shelf[x], cart.units[x]);
            fromShelf |= taken > 0;
            rest[x] = cart.units[x] - taken;
            transfer |= rest[x] > 0;
        }
        if (!transfer) {
            return collect.isPromisable() ? new PickupOffer(method, List.of(), collect.window(), List.of(), null)
                    : PickupOffer.refused(method, Arrays.asList(cart.lineIds), collect.problem());
        }
        if (!receives[store]) {
            return PickupOffer.refused(method, Arrays.asList(cart.lineIds),
                    network.at(store).id() + " cannot receive transfers");
        }
        if (fromShelf && !collect.isPromisable()) {
            return PickupOffer.refused(method, Arrays.asList(cart.lineIds), collect.problem());
        }
        Transfers t = new Transfers(store, timings, cart);
        int[] sources = new int[4];
        int sourceCount = 0;
        DeliveryWindow window = fromShelf ? collect.window() : null;
        int single = t.singleSource(cart, rest);
        if (single >= 0) {
            sources[sourceCount++] = single;
            window = later(window, t.window(single));
            for (int x = 0; x < n; x++) {
                if (rest[x] > 0 && t.coverable(cart, x, rest[x])) {
                    rest[x] = 0;
                }
            }
        }
        // what one location could not give alone: the soonest source per SKU, as many as it takes
        for (int x = 0; x < n; x++) {
            SkuStock st = cart.stock[x];
            while (rest[x] > 0) {
                int best = -1;
                DeliveryWindow bestWindow = null;
                for (int e = 0; e < st.size(); e++) {
                    int source = st.location(e);
                    if (st.units(e) <= 0 || !t.usable(source) || t.left(x, e, st) <= 0) {
                        continue;
                    }
                    DeliveryWindow w = t.window(source);
                    if (w != null && (bestWindow == null || w.earliest().isBefore(bestWindow.earliest()))) {
                        best = e;
                        bestWindow = w;
                    }
                }
                if (best < 0) {
                    break;
                }
                long take = Math.min(rest[x], t.left(x, best, st));
                t.take(x, best, take);
                rest[x] -= take;
                int source = st.location(best);
                boolean known = false;
                for (int k = 0; k < sourceCount && !known; k++) {
                    known = sources[k] == source;
                }
                if (!known) {
                    if (sourceCount == sources.length) {
                        sources = Arrays.copyOf(sources, 2 * sourceCount);
                    }
                    sources[sourceCount++] = source;
                }
                window = later(window, bestWindow);
            }
        }
        long[] given = new long[n];
        for (int x = 0; x < n; x++) {
            given[x] = cart.units[x] - rest[x];
        }
        List<String> missing = cart.missing(given);
        if (missing.size() == cart.lineIds.length) {
            return new PickupOffer(method, missing, null, List.of(), null);
        }
        List<LocationId> from = new ArrayList<>(sourceCount);
        for (int k = 0; k < sourceCount; k++) {
            from.add(network.at(sources[k]).id());
        }
        return new PickupOffer(method, missing, window, from, null);
    }

    /** The window covering both: ready when the later is, collectable until the later closes. */
    private static DeliveryWindow later(DeliveryWindow a, DeliveryWindow b) {
        if (a == null) {
            return b;
        }
        Instant earliest = a.earliest().isAfter(b.earliest()) ? a.earliest() : b.earliest();
        Instant latest = a.latest().isAfter(b.latest()) ? a.latest() : b.latest();
        return new DeliveryWindow(earliest, latest);
    }

    /**
     * The leg timings of one question at its moment: collections from the ATP's leg windows (kept while a store's
     * readiness stays the same), transfers from one dispatch per timing class and one window per store, dispatch and
     * transit, so that the dozens of sources a cart's SKUs have are timed with little date arithmetic.
     */
    private final class Timings {
        private final Instant now;
        private final Instant[] dispatch = new Instant[timingClasses];
        private final boolean[] dispatched = new boolean[timingClasses];

        Timings(Instant now) {
            this.now = now;
        }

        LegTiming collect(int store) {
            LegWindows.Window w = windows.at(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LegKind.COLLECT, store, store,
                    nowhere, now);
            // the calendar says why only when there is no window: the rare path
            return w == null ? calendar.collect(store, now) : new LegTiming(null, w.dispatch(), w.dispatch(), w.window(), null);
        }

        /** The collection window at {@code store} of a transfer from {@code source}; null when none can be made. */
        DeliveryWindow transfer(int source, int store) {
            int c = timingClass[source];
            if (!dispatched[c]) {
                dispatched[c] = true;
                dispatch[c] = calendar.dispatch(LegKind.TRANSFER, source, now);
            }
            Instant d = dispatch[c];
            Transit transit = d == null ? null : transit(source, store);
            if (transit == null) {
                return null;
            }
            KeptWindow[] kept = keptWindows.get(store);
            if (kept == null) {
                keptWindows.compareAndSet(store, null, new KeptWindow[KEPT_WINDOWS]);
                kept = keptWindows.get(store);
            }
            long key = (long) c << 32 | transit.number();
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 57);
            KeptWindow k = kept[slot];
            if (k != null && k.key() == key && k.dispatch().equals(d)) {
                return k.window();
            }
            DeliveryWindow w = calendar.transferWindow(store, transit.time(), d);
            // racing writers write equal windows for one key and dispatch: a record's final fields publish safely
            kept[slot] = new KeptWindow(key, d, w);
            return w;
        }
    }

    /** The transit of a transfer from {@code source} to {@code store}, asked of the carrier transit once per pair. */
    private Transit transit(int source, int store) {
        Object[] row = transits.get(store);
        if (row == null) {
            transits.compareAndSet(store, null, new Object[network.size()]);
            row = transits.get(store);
        }
        Object t = row[source];
        if (t == null) {
            TransitTime asked = calendar.transferTransit(source, store);
            Transit numbered = asked == null ? null
                    : transitNumbers.computeIfAbsent(asked, time -> new Transit(time, transitCount.getAndIncrement()));
            // racing writers write equal values: a record's final fields are safe to publish this way
            row[source] = numbered == null ? NO_TRANSIT : numbered;
            return numbered;
        }
        return t == NO_TRANSIT ? null : (Transit) t;
    }

    /** The transfers to one store of one question: windows per source, and the units taken from each. */
    private final class Transfers {
        private final int store;
        private final Timings timings;
        private final Cart cart;
        private long[][] taken;

        Transfers(int store, Timings timings, Cart cart) {
            this.cart = cart;
            this.store = store;
            this.timings = timings;
        }

        boolean usable(int source) {
            return source != store && ships[source];
        }

        /** The collection window at the store of a transfer from {@code source}; null when none can be made. */
        DeliveryWindow window(int source) {
            return timings.transfer(source, store);
        }

        /** Whether the usable sources together hold {@code units} of the cart's SKU {@code x}. */
        boolean coverable(Cart cart, int x, long units) {
            SkuStock st = cart.stock[x];
            long held = 0;
            for (int e = 0; e < st.size() && held < units; e++) {
                held += usable(st.location(e)) ? st.units(e) : 0;
            }
            return held >= units;
        }

        /**
         * The usable source holding every unit of {@code rest} of each SKU the network can cover, whose transfer is
         * ready soonest; -1 when none (a SKU nobody holds is left to be reported missing, it does not spoil the search).
         */
        int singleSource(Cart cart, long[] rest) {
            int fewest = -1;
            boolean[] needed = new boolean[cart.skuCount];
            for (int x = 0; x < cart.skuCount; x++) {
                needed[x] = rest[x] > 0 && coverable(cart, x, rest[x]);
                if (needed[x] && (fewest < 0 || cart.stock[x].size() < cart.stock[fewest].size())) {
                    fewest = x;
                }
            }
            if (fewest < 0) {
                return -1;
            }
            SkuStock st = cart.stock[fewest];
            int best = -1;
            DeliveryWindow bestWindow = null;
            for (int e = 0; e < st.size(); e++) {
                int source = st.location(e);
                if (!usable(source) || st.units(e) < rest[fewest]) {
                    continue;
                }
                boolean all = true;
                for (int x = 0; x < cart.skuCount && all; x++) {
                    all = !needed[x] || cart.stock[x].unitsAt(source) >= rest[x];
                }
                DeliveryWindow w = all ? window(source) : null;
                if (w != null && (bestWindow == null || w.earliest().isBefore(bestWindow.earliest()))) {
                    best = source;
                    bestWindow = w;
                }
            }
            return best;
        }

        long left(int sku, int entry, SkuStock st) {
            return st.units(entry) - (taken == null || taken[sku] == null ? 0 : taken[sku][entry]);
        }

        void take(int sku, int entry, long units) {
            if (taken == null) {
                taken = new long[cart.skuCount][];
            }
            if (taken[sku] == null) {
                taken[sku] = new long[cart.stock[sku].size()];
            }
            taken[sku][entry] += units;
        }
    }
}
