package io.omskit.reporting;

import static io.omskit.reporting.ShopEvents.line;

import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.order.CancellationReason;
import io.omskit.returns.rma.ReturnReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A small shop's fortnight with known times (UTC), whose figures the example tests check:
 * <ul>
 * <li>A (web, home, promised by 4 March 18:00): 2 tees from WH-1 shipped after 4 h, delivered 3 March; a mug from ST-1
 *     shipped after 6 h, delivered 5 March 10:00, 16 h late. One tee comes back (does not fit), 10.00 refunded.</li>
 * <li>B (app, home, promised by 4 March 18:00): a tee from WH-1 shipped after 8 h, delivered 3 March.</li>
 * <li>C (web, click &amp; collect at ST-1, promised by 3 March 12:00): ST-1 rejects the two mugs (damaged stock), WH-1
 *     ships them over, ready at ST-1 22 h after placement, on time.</li>
 * <li>D (store, click &amp; collect at ST-1, promised by 2 March 14:00): a cap ready after 1 h, collected.</li>
 * <li>E (web, home): a cap, cancelled by the customer.</li>
 * <li>F (web, home, placed 9 March 10:00, promised by 12 March): a tee offered to WH-1, still waiting.</li>
 * <li>G (web, home, placed 10 March 20:00): a scarf, confirmed, not yet sourced.</li>
 * </ul>
 */
final class ShopJourney {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    static final LocalDate LAST = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-11T00:00:00Z");
    static final ZoneOffset ZONE = ZoneOffset.UTC;

    private ShopJourney() {
    }

    static Instant at(String dayAndTime) {
        return Instant.parse("2026-03-" + dayAndTime + ":00Z");
    }

    /** The catalog's categories: tees and scarves are clothing, mugs home, caps accessories. */
    static io.omskit.core.inmemory.InMemoryCatalog catalog() {
        io.omskit.core.inmemory.InMemoryCatalog c = io.omskit.core.inmemory.InMemoryCatalog.of(java.util.List.of());
        String[][] skus = {{"TEE", "clothing"}, {"SCARF", "clothing"}, {"MUG", "home"}, {"CAP", "accessories"}};
        for (String[] s : skus) {
            c.put(io.omskit.core.catalog.SkuAttributes.of(io.omskit.core.catalog.Sku.of(s[0]), s[0].toLowerCase(java.util.Locale.ROOT),
                    s[1], 200, io.omskit.core.catalog.Dimensions.ofMillimetres(100, 100, 100), true));
        }
        return c;
    }

    /** Reporting at {@link #NOW} with the catalog's categories, fed {@code events}. */
    static Reporting reporting(java.util.List<? extends io.omskit.core.event.DomainEvent> events) {
        Reporting r = Reporting.builder().clock(java.time.Clock.fixed(NOW, ZONE)).zone(ZONE).catalog(catalog()).build();
        r.rebuild(events);
        return r;
    }

    static io.omskit.reporting.measure.ReportPeriod period() {
        return io.omskit.reporting.measure.ReportPeriod.of(FIRST, LAST, ZONE);
    }

    static ShopEvents events() {
        ShopEvents s = new ShopEvents();
        s.stockMoved("TEE", "WH-1", MovementReason.RECEIPT, 10, at("01T00:00"));
        s.stockMoved("SCARF", "WH-1", MovementReason.RECEIPT, 4, at("01T00:00"));
        s.stockMoved("CAP", "ST-1", MovementReason.RECEIPT, 5, at("01T00:00"));

        s.placeHome("A", Channel.WEB, at("02T09:00"), at("04T18:00"), line("TEE", 2, "10.00"), line("MUG", 1, "8.00"));
        s.reserved("res-A", "TEE", at("02T09:00"));
        s.confirmed("A", at("02T09:01"));
        s.offered("FA1", "A", FulfilmentKind.SHIP_TO_CUSTOMER, "WH-1", at("02T09:05"), 1, 2);
        s.reservationReleased("res-A", "TEE", at("02T09:05"));
        s.offered("FA2", "A", FulfilmentKind.SHIP_TO_CUSTOMER, "ST-1", at("02T09:05"), 2, 1);
        s.shipped("FA1", at("02T13:00"));
        s.stockMoved("TEE", "WH-1", MovementReason.SHIPMENT, 2, at("02T13:00"));
        s.shipped("FA2", at("02T15:00"));
        s.delivered("FA1", at("03T12:00"));
        s.delivered("FA2", at("05T10:00"));

        s.placeHome("B", Channel.APP, at("02T10:00"), at("04T18:00"), line("TEE", 1, "10.00"));
        s.confirmed("B", at("02T10:01"));
        s.offered("FB1", "B", FulfilmentKind.SHIP_TO_CUSTOMER, "WH-1", at("02T10:05"), 1, 1);
        s.shipped("FB1", at("02T18:00"));
        s.stockMoved("TEE", "WH-1", MovementReason.SHIPMENT, 1, at("02T18:00"));
        s.delivered("FB1", at("03T10:00"));

        s.placePickup("C", Channel.WEB, at("02T11:00"), at("03T12:00"), "ST-1", line("MUG", 2, "8.00"));
        s.confirmed("C", at("02T11:01"));
        s.offered("FC1", "C", FulfilmentKind.COLLECT_IN_STORE, "ST-1", at("02T11:05"), 1, 2);
        s.rejected("FC1", at("02T11:30"), "damaged stock", true, 1, 2);
        s.level("MUG", null, StockLevel.LOW, StockLevel.OUT_OF_STOCK, at("02T11:30"));
        s.offered("FC2", "C", FulfilmentKind.SHIP_TO_STORE, "WH-1", at("02T11:40"), 1, 2);
        s.shipped("FC2", at("02T14:00"));
        s.arrivedAtStore("FC2", "ST-1", at("03T09:00"));
        s.level("MUG", null, StockLevel.OUT_OF_STOCK, StockLevel.LOW, at("02T17:30"));

        s.placePickup("D", Channel.STORE, at("02T12:00"), at("02T14:00"), "ST-1", line("CAP", 1, "20.00"));
        s.confirmed("D", at("02T12:01"));
        s.offered("FD1", "D", FulfilmentKind.COLLECT_IN_STORE, "ST-1", at("02T12:05"), 1, 1);
        s.readyInStore("FD1", at("02T13:00"));
        s.collected("FD1", "ST-1", at("02T16:00"));
        s.stockMoved("CAP", "ST-1", MovementReason.SHIPMENT, 1, at("02T16:00"));

        s.placeHome("E", Channel.WEB, at("02T13:00"), at("05T18:00"), line("CAP", 1, "20.00"));
        s.cancelled("E", at("02T13:30"), CancellationReason.CUSTOMER_REQUEST, 1, 1);

        s.returned("R-A", "A", at("06T10:00"), 1, 1, ReturnReason.DOES_NOT_FIT, "10.00", at("07T15:00"));

        s.placeHome("F", Channel.WEB, at("09T10:00"), at("12T18:00"), line("TEE", 1, "10.00"));
        s.confirmed("F", at("09T10:01"));
        s.offered("FF1", "F", FulfilmentKind.SHIP_TO_CUSTOMER, "WH-1", at("09T10:05"), 1, 1);

        s.placeHome("G", Channel.WEB, at("10T20:00"), at("13T18:00"), line("SCARF", 1, "12.00"));
        s.confirmed("G", at("10T20:01"));
        return s;
    }
}
