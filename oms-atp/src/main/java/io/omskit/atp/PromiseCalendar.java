package io.omskit.atp;

import io.omskit.atp.calendar.DeliveryDays;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.atp.calendar.TransitTable;
import io.omskit.atp.calendar.WorkingCalendar;
import io.omskit.atp.internal.CountryHolidays;
import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.HolidaySource;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.common.Checks;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The date arithmetic of promises over one network. For each leg a sourcing plan can have:
 * <ul>
 * <li><b>Deliver</b> (home delivery from a warehouse, a store or a drop-shipper): the location releases the order
 *     ({@link WorkingCalendar#release}: at once before its cut-off on a working day, else at the next working day's
 *     opening), processes it for its lead time in opening hours, hands it to the carrier at the next pickup of its
 *     {@link PickupSchedule} (at once when it has none), and the carrier delivers within the transit time in
 *     delivery days and hours ({@link DeliveryDays}) counted in the customer's zone, skipping the destination
 *     country's public holidays.</li>
 * <li><b>Collect</b> (express click and collect, or ship-to-store from the store's own shelf): ready after the
 *     store's lead time in opening hours; the window closes the collect spread (opening hours again) later.</li>
 * <li><b>Transfer</b> (ship-to-store): the source releases, processes and dispatches as for delivery; the transfer
 *     arrives at the store's opening on the n-th store working day of the transfer transit, and is ready for
 *     collection after the store's receipt time in opening hours.</li>
 * </ul>
 * Thread-safe; calendars are built once per location.
 */
public final class PromiseCalendar {

    private final Network network;
    private final HolidaySource holidays;
    private final CarrierTransit transit;
    private final WorkingCalendar[] calendars;
    private final PickupSchedule[] pickups;
    private final Map<ServiceLevel, DeliveryDays> deliveryDays;
    private final Duration collectSpread;
    private final Duration transferReceipt;
    private final ZoneId customerZone;
    private final Map<Area, CountryHolidays> countries = new ConcurrentHashMap<>();

    /** A country, or one region of it (null for nationwide only), whose public holidays are kept together. */
    private record Area(String countryCode, String region) {
    }

    private PromiseCalendar(Builder b) {
        this.network = b.network;
        this.holidays = b.holidays;
        this.transit = b.transit;
        this.calendars = new WorkingCalendar[network.size()];
        this.pickups = new PickupSchedule[network.size()];
        for (int i = 0; i < network.size(); i++) {
            Location l = network.at(i);
            calendars[i] = WorkingCalendar.of(l, holidays);
            PickupSchedule p = b.pickupByLocation.get(l.id());
            pickups[i] = p != null ? p : b.pickupByType.get(l.type());
        }
        this.deliveryDays = new EnumMap<>(b.deliveryDays);
        this.collectSpread = b.collectSpread;
        this.transferReceipt = b.transferReceipt;
        this.customerZone = b.customerZone != null ? b.customerZone
                : network.size() > 0 ? network.at(0).zone() : ZoneId.of("UTC");
    }

    /** A builder over {@code network}. */
    public static Builder builder(Network network) {
        return new Builder(network);
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /** The zone of customers whose destination names none. */
    public ZoneId customerZone() {
        return customerZone;
    }

    /** The working calendar of the location at dense index {@code location}. */
    public WorkingCalendar calendar(int location) {
        return calendars[location];
    }

    /** The working calendar of {@code location}. @throws IllegalArgumentException when not in the network */
    public WorkingCalendar calendar(LocationId location) {
        int i = network.indexOf(location);
        if (i < 0) {
            throw new IllegalArgumentException("location " + location + " is not in the network");
        }
        return calendars[i];
    }

    /**
     * The timing of one leg of a plan for {@code method}, the order being placed (or its stock arriving) at
     * {@code start}.
     *
     * @param kind        what the leg does
     * @param location    the dense index of the fulfilling location
     * @param pickupStore the dense index of the pickup store for collect and transfer legs; ignored for delivery
     * @param destination the customer's destination for delivery legs; ignored otherwise
     */
    public LegTiming leg(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                         Instant start) {
        return switch (kind) {
            case DELIVER -> deliver(service(method), location, destination, start);
            case COLLECT -> collect(location, start);
            case TRANSFER -> transfer(location, pickupStore, start);
        };
    }

    /**
     * The window of a leg handed over at {@code dispatch}: what {@link #leg} gives for a start whose {@link #dispatch}
     * this is (the same parameters). Null when the leg cannot be promised from that dispatch.
     */
    public DeliveryWindow window(DeliveryMethod method, LegKind kind, int location, int pickupStore, Destination destination,
                                 Instant dispatch) {
        return switch (kind) {
            case DELIVER -> {
                TransitTime t = transit(service(method), network.at(location), destination);
                yield t == null ? null : window(service(method), t, destination, dispatch);
            }
            case COLLECT -> collectWindow(calendars[location], dispatch);
            case TRANSFER -> {
                TransitTime t = transferTransit(network.at(location), network.at(pickupStore));
                yield t == null ? null : transferWindow(calendars[pickupStore], t, dispatch);
            }
        };
    }

    private static ServiceLevel service(DeliveryMethod method) {
        return method == DeliveryMethod.EXPRESS_DELIVERY ? ServiceLevel.EXPRESS : ServiceLevel.STANDARD;
    }

    /**
     * When the location hands over an order placed (or its stock arriving) at {@code start}: the carrier pickup of a
     * delivery or transfer leg, the moment a collection is ready. Every leg's window is a function of it (see
     * {@link #leg}); null when the location cannot release, process or dispatch the order.
     */
    public Instant dispatch(LegKind kind, int location, Instant start) {
        WorkingCalendar cal = calendars[location];
        Instant release = cal.release(start);
        Instant ready = release == null ? null : cal.addWorkingTime(release, network.at(location).processingLeadTime());
        if (ready == null || kind == LegKind.COLLECT || pickups[location] == null) {
            return ready;
        }
        return pickups[location].next(cal, ready);
    }

    /**
     * The latest start up to which the dispatch of {@code kind} at {@code location} provably moves with the start as
     * it does at {@code start}: for every start {@code s} from {@code start} to the result, {@link #dispatch} is
     * {@code s} plus the location's processing lead time. That holds while the order is released at once and the
     * location stays open throughout the processing; {@code start} itself when it does not hold at {@code start} (the
     * dispatch then waits for a release, an opening or a carrier pickup, or is checked at {@code start} only).
     */
    public Instant movingDispatchUntil(LegKind kind, int location, Instant start) {
        if (kind != LegKind.COLLECT && pickups[location] != null) {
            return start;
        }
        WorkingCalendar cal = calendars[location];
        Duration lead = network.at(location).processingLeadTime();
        if (!start.equals(cal.release(start))) {
            return start;
        }
        // no opening, closing, cut-off or midnight before the next change: every start up to it is released at once,
        // and a closing within the processing of one of them would be within that of the last (or before the change).
        // The calendar's changes fall on whole seconds, so a start's millisecond behaves as the start.
        Instant last = cal.nextChange(start).minusMillis(1).truncatedTo(ChronoUnit.MILLIS);
        if (!last.isAfter(start) || !last.plus(lead).equals(cal.addWorkingTime(last, lead))) {
            return start;
        }
        return last;
    }

    /** Home delivery from {@code location} with {@code service}. */
    public LegTiming deliver(ServiceLevel service, int location, Destination destination, Instant start) {
        Location l = network.at(location);
        WorkingCalendar cal = calendars[location];
        Instant release = cal.release(start);
        if (release == null) {
            return LegTiming.failed(null, null, null, l.id() + " never opens");
        }
        Instant ready = cal.addWorkingTime(release, l.processingLeadTime());
        if (ready == null) {
            return LegTiming.failed(release, null, null, l.id() + " does not open long enough to process the order");
        }
        Instant dispatch = pickups[location] == null ? ready : pickups[location].next(cal, ready);
        if (dispatch == null) {
            return LegTiming.failed(release, ready, null, "no carrier pickup at " + l.id());
        }
        TransitTime t = transit(service, l, destination);
        if (t == null) {
            return LegTiming.failed(release, ready, dispatch, "no " + service + " service from " + l.id() + " to the destination");
        }
        DeliveryWindow window = window(service, t, destination, dispatch);
        if (window == null) {
            return LegTiming.failed(release, ready, dispatch, "no delivery day within reach");
        }
        return new LegTiming(release, ready, dispatch, window, null);
    }

    private TransitTime transit(ServiceLevel service, Location l, Destination destination) {
        GeoPoint to = destination == null ? null : destination.position();
        return transit.transit(new TransitQuery(service, l,
                destination == null ? null : destination.countryCode(), destination == null ? null : destination.postalCode(),
                to, to == null ? Double.NaN : l.position().distanceKm(to)));
    }

    private DeliveryWindow window(ServiceLevel service, TransitTime t, Destination destination, Instant dispatch) {
        ZoneId zone = destination == null || destination.zone() == null ? customerZone : destination.zone();
        return deliveryDays.get(service).window(dispatch, t, zone,
                destination == null ? holidays(null, null) : holidays(destination.countryCode(), destination.region()));
    }

    /** Collection at {@code store} from its own stock. */
    public LegTiming collect(int store, Instant start) {
        Location l = network.at(store);
        WorkingCalendar cal = calendars[store];
        Instant release = cal.release(start);
        if (release == null) {
            return LegTiming.failed(null, null, null, l.id() + " never opens");
        }
        Instant ready = cal.addWorkingTime(release, l.processingLeadTime());
        DeliveryWindow window = ready == null ? null : collectWindow(cal, ready);
        if (window == null) {
            return LegTiming.failed(release, ready, null, l.id() + " does not open long enough to prepare the order");
        }
        return new LegTiming(release, ready, ready, window, null);
    }

    /** Collection of an order ready at {@code ready}, within the collection spread; null when the store does not open for it. */
    private DeliveryWindow collectWindow(WorkingCalendar store, Instant ready) {
        Instant latest = store.addWorkingTime(ready, collectSpread);
        return latest == null ? null : new DeliveryWindow(ready, latest);
    }

    /** A transfer from {@code location} to {@code store}, collected there. */
    public LegTiming transfer(int location, int store, Instant start) {
        Location l = network.at(location);
        Location s = network.at(store);
        WorkingCalendar cal = calendars[location];
        WorkingCalendar storeCal = calendars[store];
        Instant release = cal.release(start);
        if (release == null) {
            return LegTiming.failed(null, null, null, l.id() + " never opens");
        }
        Instant ready = cal.addWorkingTime(release, l.processingLeadTime());
        if (ready == null) {
            return LegTiming.failed(release, null, null, l.id() + " does not open long enough to process the order");
        }
        Instant dispatch = pickups[location] == null ? ready : pickups[location].next(cal, ready);
        if (dispatch == null) {
            return LegTiming.failed(release, ready, null, "no carrier pickup at " + l.id());
        }
        TransitTime t = transferTransit(l, s);
        if (t == null) {
            return LegTiming.failed(release, ready, dispatch, "no transfer service from " + l.id() + " to " + s.id());
        }
        DeliveryWindow window = transferWindow(storeCal, t, dispatch);
        if (window == null) {
            return LegTiming.failed(release, ready, dispatch, s.id() + " does not open to receive the transfer");
        }
        return new LegTiming(release, ready, dispatch, window, null);
    }

    private TransitTime transferTransit(Location from, Location store) {
        return transit.transit(new TransitQuery(ServiceLevel.TRANSFER, from, store.holidays().countryCode(), null,
                store.position(), from.position().distanceKm(store.position())));
    }

    /**
     * Collection at {@code store} of a transfer dispatched at {@code dispatch} taking {@code t}: from its earliest
     * arrival and receipt to the collection spread after its latest; null when the store does not open to receive it.
     */
    private DeliveryWindow transferWindow(WorkingCalendar store, TransitTime t, Instant dispatch) {
        Instant first = arrival(store, dispatch, t.minDays());
        Instant last = arrival(store, dispatch, t.maxDays());
        Instant earliest = first == null ? null : store.addWorkingTime(first, transferReceipt);
        Instant latest = last == null ? null : store.addWorkingTime(last, transferReceipt);
        if (earliest == null || latest == null) {
            return null;
        }
        Instant collectBy = store.addWorkingTime(latest, collectSpread);
        return new DeliveryWindow(earliest, collectBy == null ? latest : collectBy);
    }

    /** When a transfer dispatched at {@code dispatch} taking {@code days} store working days arrives (at opening). */
    private static Instant arrival(WorkingCalendar store, Instant dispatch, int days) {
        if (days == 0) {
            return store.nextOpen(dispatch);
        }
        LocalDate day = store.nextWorkingDay(LocalDate.ofInstant(dispatch, store.zone()), days);
        return day == null ? null : store.opening(day);
    }

    /** The carrier pickups of the location at {@code location}; null when the carrier takes goods as soon as they are ready. */
    PickupSchedule pickup(int location) {
        return pickups[location];
    }

    /** The transit of a transfer from the location at {@code from} to the store at {@code store}; null when there is none. */
    TransitTime transferTransit(int from, int store) {
        return transferTransit(network.at(from), network.at(store));
    }

    /**
     * The collection window at {@code store} of a transfer dispatched at {@code dispatch} taking {@code t}, as
     * {@link #transfer} computes it; null when the store does not open to receive it.
     */
    DeliveryWindow transferWindow(int store, TransitTime t, Instant dispatch) {
        return transferWindow(calendars[store], t, dispatch);
    }

    /** Which dates are public holidays in a destination country (none for null), nationwide. */
    public Predicate<LocalDate> countryHolidays(String countryCode) {
        return holidays(countryCode, null);
    }

    /**
     * Which dates are public holidays in {@code region} of a destination country: the nationwide ones and the
     * region's own (none for a null country; the nationwide ones for a null region).
     */
    public Predicate<LocalDate> holidays(String countryCode, String region) {
        if (countryCode == null) {
            return CountryHolidays.of(null, null, holidays);
        }
        Area key = new Area(countryCode, region);
        CountryHolidays c = countries.get(key);
        if (c == null) {
            c = countries.computeIfAbsent(key, k -> CountryHolidays.of(countryCode, region, holidays));
        }
        return c;
    }

    /** Builds a {@link PromiseCalendar}. */
    public static final class Builder {
        private final Network network;
        private HolidaySource holidays = HolidaySource.none();
        private CarrierTransit transit = TransitTable.standard();
        private final Map<LocationId, PickupSchedule> pickupByLocation = new HashMap<>();
        private final Map<LocationType, PickupSchedule> pickupByType = new EnumMap<>(LocationType.class);
        private final Map<ServiceLevel, DeliveryDays> deliveryDays = new EnumMap<>(ServiceLevel.class);
        private Duration collectSpread = Duration.ofHours(1);
        private Duration transferReceipt = Duration.ofHours(2);
        private ZoneId customerZone;

        private Builder(Network network) {
            this.network = Checks.notNull(network, "network");
            deliveryDays.put(ServiceLevel.STANDARD, DeliveryDays.mondayToSaturday(LocalTime.of(8, 0), LocalTime.of(20, 0)));
            deliveryDays.put(ServiceLevel.EXPRESS, DeliveryDays.mondayToSaturday(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        }

        /** Public holidays; none by default (each location's own closures still apply). */
        public Builder holidays(HolidaySource holidays) {
            this.holidays = Checks.notNull(holidays, "holidays");
            return this;
        }

        /** Transit times; {@link TransitTable#standard()} by default. */
        public Builder transit(CarrierTransit transit) {
            this.transit = Checks.notNull(transit, "transit");
            return this;
        }

        /** The carrier pickups at {@code location}; without one the carrier takes parcels as soon as they are ready. */
        public Builder pickup(LocationId location, PickupSchedule schedule) {
            pickupByLocation.put(Checks.notNull(location, "location"), Checks.notNull(schedule, "schedule"));
            return this;
        }

        /** The carrier pickups at every location of {@code type} without a schedule of its own. */
        public Builder pickup(LocationType type, PickupSchedule schedule) {
            pickupByType.put(Checks.notNull(type, "type"), Checks.notNull(schedule, "schedule"));
            return this;
        }

        /** The delivery days and hours of a home-delivery service; Monday to Saturday 08–20 (standard) and 08–12 (express) by default. */
        public Builder deliveryDays(ServiceLevel service, DeliveryDays days) {
            if (Checks.notNull(service, "service") == ServiceLevel.TRANSFER) {
                throw new IllegalArgumentException("service must be a home-delivery service, was TRANSFER (transfers arrive on the store's working days)");
            }
            deliveryDays.put(service, Checks.notNull(days, "days"));
            return this;
        }

        /** How long after it is ready a collection window stays promised, in opening hours; 1 hour by default. */
        public Builder collectSpread(Duration spread) {
            this.collectSpread = nonNegative(spread, "collectSpread");
            return this;
        }

        /** How long a store takes to receive a transfer before it can be collected, in opening hours; 2 hours by default. */
        public Builder transferReceipt(Duration receipt) {
            this.transferReceipt = nonNegative(receipt, "transferReceipt");
            return this;
        }

        /** The customers' zone when a destination names none; the zone of the network's first location by default. */
        public Builder customerZone(ZoneId zone) {
            this.customerZone = Checks.notNull(zone, "zone");
            return this;
        }

        private static Duration nonNegative(Duration d, String name) {
            Checks.notNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }

        /** The calendar. */
        public PromiseCalendar build() {
            return new PromiseCalendar(this);
        }
    }
}
