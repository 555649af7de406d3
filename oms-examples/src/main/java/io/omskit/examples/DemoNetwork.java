package io.omskit.examples;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.network.Capability;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.network.TimeRange;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * The demo's retailer: two warehouses, eight stores and a drop-shipper across Germany, a catalog of a few hundred
 * SKUs (with a bundle) and a deterministic stock picture.
 */
public final class DemoNetwork {

    /** The SKU everybody wants on launch day; only {@link #HOT_STOCK} units exist. */
    public static final Sku HOT = Sku.of("SNEAKER-LIMITED");
    /** Units of {@link #HOT} in the network. */
    public static final int HOT_STOCK = 25;
    /** A bundle of two mugs and a plate. */
    public static final Sku BREAKFAST_SET = Sku.of("BREAKFAST-SET");
    /** The number of ordinary SKUs. */
    public static final int SKU_COUNT = 300;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoNetwork() {
    }

    /** The SKU of ordinary item {@code i}, from 0. */
    public static Sku sku(int i) {
        return Sku.of(String.format("SKU-%04d", i));
    }

    /** The network. */
    public static Network network() {
        List<Location> locations = new ArrayList<>();
        locations.add(warehouse("WH-BERLIN", "Berlin DC", 52.40, 13.52));
        locations.add(warehouse("WH-HAMBURG", "Hamburg DC", 53.55, 10.00));
        String[][] stores = {
            {"ST-MITTE", "Berlin Mitte", "52.52", "13.40"}, {"ST-KREUZBERG", "Berlin Kreuzberg", "52.50", "13.42"},
            {"ST-ALTONA", "Hamburg Altona", "53.55", "9.93"}, {"ST-MUNICH", "Munich", "48.14", "11.58"},
            {"ST-COLOGNE", "Cologne", "50.94", "6.96"}, {"ST-FRANKFURT", "Frankfurt", "50.11", "8.68"},
            {"ST-LEIPZIG", "Leipzig", "51.34", "12.37"}, {"ST-DRESDEN", "Dresden", "51.05", "13.74"}};
        for (String[] s : stores) {
            locations.add(Location.builder(LocationId.of(s[0]), LocationType.STORE,
                            GeoPoint.of(Double.parseDouble(s[2]), Double.parseDouble(s[3])))
                    .name(s[1]).zone(BERLIN)
                    .openingHours(OpeningHours.mondayToSaturday(TimeRange.of("09:00", "20:00"), null))
                    .holidays(HolidayCalendar.of("DE", null))
                    .orderCutOff(LocalTime.of(18, 0)).processingLeadTime(Duration.ofHours(1)).dailyCapacity(40)
                    .build());
        }
        locations.add(Location.builder(LocationId.of("DS-FURNITURE"), LocationType.DROP_SHIPPER, GeoPoint.of(49.45, 11.08))
                .name("Nuremberg furniture supplier").zone(BERLIN).capabilities(EnumSet.of(Capability.SHIP))
                .processingLeadTime(Duration.ofDays(2)).dailyCapacity(200).build());
        return Network.of(locations);
    }

    private static Location warehouse(String id, String name, double lat, double lon) {
        return Location.builder(LocationId.of(id), LocationType.WAREHOUSE, GeoPoint.of(lat, lon))
                .name(name).zone(BERLIN).holidays(HolidayCalendar.of("DE", null))
                .orderCutOff(LocalTime.of(16, 0)).processingLeadTime(Duration.ofHours(6)).dailyCapacity(5000)
                .build();
    }

    /** The catalog: {@link #SKU_COUNT} items, the hot sneaker and a bundle. */
    public static InMemoryCatalog catalog() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        String[] categories = {"kitchen", "apparel", "toys", "garden", "furniture"};
        for (int i = 0; i < SKU_COUNT; i++) {
            String category = categories[i % categories.length];
            catalog.put(SkuAttributes.of(sku(i), category + " item " + i, category, 200 + (i % 40) * 50,
                    Dimensions.ofMillimetres(100 + i % 300, 80 + i % 200, 20 + i % 100), !"furniture".equals(category)));
        }
        catalog.put(SkuAttributes.of(HOT, "Limited sneaker", "apparel", 900, Dimensions.ofMillimetres(330, 220, 120), true));
        catalog.put(new SkuAttributes(BREAKFAST_SET, "Breakfast set", "kitchen", 1500, Dimensions.ofMillimetres(300, 300, 150),
                true, List.of(new BundleComponent(sku(0), 2), new BundleComponent(sku(5), 1))));
        return catalog;
    }

    /**
     * What a unit of each item cost the retailer, for the report's stock turnover at cost: ordinary items 2.00 to 16.25
     * euros, the sneaker 45.00; the bundle has none (its components hold the stock).
     */
    public static io.omskit.reporting.measure.UnitCosts unitCosts() {
        return sku -> {
            if (sku.equals(HOT)) {
                return java.util.Optional.of(org.joda.money.Money.of(org.joda.money.CurrencyUnit.EUR, 45));
            }
            if (!sku.value().startsWith("SKU-")) {
                return java.util.Optional.empty();
            }
            int i = Integer.parseInt(sku.value().substring(4));
            return java.util.Optional.of(org.joda.money.Money.of(org.joda.money.CurrencyUnit.EUR,
                    java.math.BigDecimal.valueOf(200 + (i % 20) * 75L, 2)));
        };
    }

    /**
     * Opening stock, deterministic: warehouses carry most items, stores a few, the drop-shipper only furniture.
     * Calls {@code load(sku, location, units)} for every position with stock.
     */
    public static void seedStock(Network network, StockLoader load) {
        Random random = new Random(42);
        for (int i = 0; i < SKU_COUNT; i++) {
            boolean furniture = i % 5 == 4;
            for (Location l : network.locations()) {
                int units = switch (l.type()) {
                    case WAREHOUSE -> furniture ? 0 : 20 + random.nextInt(200);
                    case STORE -> furniture || random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                    case DROP_SHIPPER -> furniture ? 50 + random.nextInt(50) : 0;
                };
                if (units > 0) {
                    load.load(sku(i), l.id(), units);
                }
            }
        }
        load.load(HOT, LocationId.of("WH-BERLIN"), 15);
        load.load(HOT, LocationId.of("ST-MITTE"), 10);
    }

    /** Where {@link #seedStock} puts opening balances. */
    @FunctionalInterface
    public interface StockLoader {
        void load(Sku sku, LocationId location, int units);
    }
}
