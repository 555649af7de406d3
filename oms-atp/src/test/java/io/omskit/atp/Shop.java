package io.omskit.atp;

import io.omskit.atp.calendar.Berlin;
import io.omskit.atp.calendar.PickupSchedule;
import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.EventPublisher;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.SplitPenalty;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A small retailer in Germany for ATP scenarios: warehouses in Berlin and Munich (carrier pickup weekdays at
 * 17:00), stores in Berlin Mitte, Berlin Kreuzberg and Munich, and a Berlin outlet that receives no transfers. Home delivery ships from warehouses only; the
 * marketplace sees warehouse stock minus 2 units.
 */
final class Shop {

    static final LocationId WH_BERLIN = LocationId.of("WH-BERLIN");
    static final LocationId WH_MUNICH = LocationId.of("WH-MUNICH");
    static final LocationId MITTE = LocationId.of("ST-MITTE");
    static final LocationId KREUZBERG = LocationId.of("ST-KREUZBERG");
    static final LocationId MUNICH = LocationId.of("ST-MUNICH");
    /** A Berlin outlet that hands over orders but receives no transfers. */
    static final LocationId OUTLET = LocationId.of("ST-OUTLET");
    static final Destination BERLIN_HOME = Destination.of("DE", "10115", GeoPoint.of(52.53, 13.38), Berlin.ZONE);
    static final CurrencyUnit EUR = CurrencyUnit.EUR;
    /** Homes in Berlin, Munich and Hamburg. */
    static final GeoPoint[] HOMES = {GeoPoint.of(52.53, 13.38), GeoPoint.of(48.14, 11.58), GeoPoint.of(53.55, 10.0)};
    /** Starts of periods around daylight-saving changes, a regional holiday and Christmas. */
    private static final String[] PERIODS = {"2026-03-25T00:00", "2026-03-30T00:00", "2026-10-22T00:00", "2026-12-21T00:00"};

    /** A random moment within nine days of one of {@link #PERIODS}. */
    static Instant randomMoment(java.util.Random r) {
        return java.time.LocalDateTime.parse(PERIODS[r.nextInt(PERIODS.length)]).plusMinutes(r.nextInt(9 * 24 * 60))
                .atZone(Berlin.ZONE).toInstant();
    }

    final Network network = Network.of(List.of(
            Berlin.warehouse("WH-BERLIN").build(),
            Berlin.warehouse("WH-MUNICH", GeoPoint.of(48.20, 11.60)).holidays(HolidayCalendar.of("DE", "by")).build(),
            Berlin.store("ST-MITTE").build(),
            Berlin.store("ST-KREUZBERG", GeoPoint.of(52.50, 13.42)).build(),
            Berlin.store("ST-MUNICH", GeoPoint.of(48.14, 11.58)).holidays(HolidayCalendar.of("DE", "by")).build(),
            Berlin.store("ST-OUTLET", GeoPoint.of(52.46, 13.33)).capabilities(Set.of(Capability.SHIP, Capability.PICKUP)).build()));
    final List<EventPublisher> listeners = new ArrayList<>();
    final InMemoryInventoryStore store;
    final SourcingEngine engine;
    final Atp atp;
    private final AtomicInteger keys = new AtomicInteger();

    private final Catalog catalog;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

    Shop() {
        this(SplitPolicy.SHIP_PARTIAL, false);
    }

    Shop(SplitPolicy homeSplit) {
        this(homeSplit, false);
    }

    /**
     * @param timeRules whether express delivery excludes locations past their cut-off and express click and
     *                  collect excludes a closed store (otherwise the promise waits for the next opening)
     */
    Shop(SplitPolicy homeSplit, boolean timeRules) {
        this(homeSplit, timeRules, null);
    }

    /** A shop whose engine and ATP know {@code catalog}'s bundles. */
    Shop(Catalog catalog) {
        this(SplitPolicy.SHIP_PARTIAL, false, catalog);
    }

    private Shop(SplitPolicy homeSplit, boolean timeRules, Catalog catalog) {
        this.catalog = catalog;
        store = InMemoryInventoryStore.builder().clock(clock).publisher(this::publish).build();
        RuleSet home = RuleSet.builder("home")
                .filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(null, null, LocationType.WAREHOUSE).build())
                .filter(new DailyCapacityFilter())
                .cost(new DistanceCost(0.01))
                .cost(new SplitPenalty(5))
                .split(homeSplit)
                .build();
        RuleSet.Builder collectRules = RuleSet.builder("collect").filter(new CapabilityFilter());
        RuleSet.Builder expressRules = RuleSet.builder("express").filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(null, null, LocationType.WAREHOUSE).build())
                .cost(new DistanceCost(0.01)).split(SplitPolicy.SHIP_COMPLETE);
        if (timeRules) {
            collectRules.filter(new OpenNowFilter());
            expressRules.filter(new CutOffFilter());
        }
        RuleSet collect = collectRules.build();
        RuleSet shipToStore = RuleSet.builder("ship-to-store").filter(new CapabilityFilter())
                .cost(new DistanceCost(0.01)).cost(new SplitPenalty(5)).build();
        SourcingEngine.Builder engineBuilder = SourcingEngine.builder();
        if (catalog != null) {
            engineBuilder.catalog(catalog);
        }
        engine = engineBuilder.network(network).clock(clock).inventory(store)
                .rules(RuleBook.builder().byDefault(home)
                        .forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, collect)
                        .forMethod(DeliveryMethod.EXPRESS_DELIVERY, expressRules.build())
                        .forMethod(DeliveryMethod.SHIP_TO_STORE, shipToStore).build())
                .exposure(ChannelExposure.everything()
                        .with(Channel.MARKETPLACE, ExposurePolicy.of(Set.of(LocationType.WAREHOUSE), 2)))
                .build();
        atp = atpBuilder().build();
        listeners.add(atp.index());
    }

    /** A builder of the shop's ATP (over its engine, store, calendar and charges). */
    Atp.Builder atpBuilder() {
        Atp.Builder b = Atp.builder();
        if (catalog != null) {
            b.catalog(catalog);
        }
        return b.engine(engine).inventory(store).clock(clock)
                .calendar(PromiseCalendar.builder(network).holidays(Berlin.HOLIDAYS)
                        .pickup(LocationType.WAREHOUSE, PickupSchedule.weekdaysAt(LocalTime.of(17, 0))).build())
                .charges(DeliveryCharges.builder(EUR)
                        .fee(DeliveryMethod.STANDARD_DELIVERY, eur(4.95))
                        .freeFrom(DeliveryMethod.STANDARD_DELIVERY, eur(50))
                        .perExtraPart(DeliveryMethod.STANDARD_DELIVERY, eur(2))
                        .fee(DeliveryMethod.EXPRESS_DELIVERY, eur(9.95))
                        .fee(DeliveryMethod.SHIP_TO_STORE, eur(1.95))
                        .build())
                .lowStockThreshold(5);
    }

    private void publish(List<? extends DomainEvent> events) {
        for (EventPublisher l : listeners) {
            l.publish(events);
        }
    }

    static Money eur(double amount) {
        return Money.of(EUR, amount);
    }

    /** Receives {@code units} of {@code sku} at {@code location} (raising events). */
    Shop receive(Sku sku, LocationId location, int units) {
        store.adjust(StockAdjustment.of("rcv-" + keys.incrementAndGet(), sku, location, MovementReason.RECEIPT, units, "test"));
        return this;
    }

    /** Announces {@code units} of {@code sku} arriving at {@code location} at {@code eta}. */
    Shop expect(Sku sku, LocationId location, int units, Instant eta) {
        store.adjust(new StockAdjustment(MovementKey.of("inb-" + keys.incrementAndGet()), sku, location,
                MovementReason.INBOUND_EXPECTED, units, eta, "PO-" + keys.get()));
        return this;
    }

    /** Removes {@code units} of {@code sku} at {@code location} as damaged. */
    Shop damage(Sku sku, LocationId location, int units) {
        store.adjust(StockAdjustment.of("dmg-" + keys.incrementAndGet(), sku, location, MovementReason.DAMAGE, units, "test"));
        return this;
    }
}
