package io.omskit.reporting;

import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.OrderStatus;
import io.omskit.returns.rma.ReturnReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Random shop histories: orders of every channel and delivery method, split, shipped, rejected, cancelled (whole lines,
 * several lines at once, units a location held), backordered (waiting, filled, cancelled while waiting), returned (one
 * line, or several in one refund).
 */
final class RandomShop {

    static final Instant START = Instant.parse("2026-03-01T06:00:00Z");
    private static final String[] SKUS = {"TEE", "MUG", "CAP", "SCARF", "BAG"};
    private static final String[] LOCATIONS = {"WH-1", "WH-2", "ST-1", "ST-2"};
    private static final Channel[] CHANNELS = Channel.values();

    private RandomShop() {
    }

    /** A history of {@code orders} orders drawn from {@code random}, over about ten days. */
    static ShopEvents history(Random random, int orders) {
        ShopEvents s = new ShopEvents();
        for (String sku : SKUS) {
            for (String location : LOCATIONS) {
                if (random.nextBoolean()) {
                    s.stockMoved(sku, location, MovementReason.RECEIPT, 1 + random.nextInt(20), START.minus(Duration.ofHours(1)));
                }
            }
        }
        for (int i = 0; i < orders; i++) {
            String id = "O" + i;
            Instant placed = START.plus(Duration.ofMinutes(random.nextInt(8 * 24 * 60)));
            Instant promise = random.nextInt(4) == 0 ? null : placed.plus(Duration.ofHours(2 + random.nextInt(96)));
            boolean pickup = random.nextInt(3) == 0;
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            int lines = 1 + random.nextInt(3);
            ShopEvents.Line[] ls = new ShopEvents.Line[lines];
            for (int l = 0; l < lines; l++) {
                ls[l] = ShopEvents.line(SKUS[random.nextInt(SKUS.length)], 1 + random.nextInt(3),
                        (1 + random.nextInt(50)) + "." + (10 + random.nextInt(90)));
            }
            String store = "ST-" + (1 + random.nextInt(2));
            if (pickup) {
                s.placePickup(id, channel, placed, promise, store, ls);
            } else {
                s.placeHome(id, channel, placed, promise, ls);
            }
            if (random.nextInt(8) == 0) {
                s.cancelled(id, placed.plusSeconds(600), random.nextBoolean() ? CancellationReason.CUSTOMER_REQUEST
                        : CancellationReason.OUT_OF_STOCK, 1, ls[0].quantity());
                continue;
            }
            if (lines > 1 && random.nextInt(10) == 0) {
                int[] all = new int[2 * lines];
                for (int l = 0; l < lines; l++) {
                    all[2 * l] = l + 1;
                    all[2 * l + 1] = ls[l].quantity();
                }
                s.cancelledLines(id, placed.plusSeconds(300), CancellationReason.CUSTOMER_REQUEST, all);
                continue;
            }
            s.confirmed(id, placed.plusSeconds(30));
            if (random.nextInt(5) == 0) {
                // the first line sold beyond stock: it waits, is filled in part, or the waiting units are cancelled
                int waiting = ls[0].quantity();
                Instant backordered = placed.plusSeconds(60);
                s.backordered(id, backordered, 1, waiting, LOCATIONS[random.nextInt(LOCATIONS.length)]);
                s.status(id, backordered, OrderStatus.CONFIRMED, OrderStatus.AWAITING_STOCK);
                Instant later = backordered.plus(Duration.ofHours(1 + random.nextInt(72)));
                int outcome = random.nextInt(3);
                if (outcome == 0) {
                    s.cancelledAwaitingStock(id, later, CancellationReason.OUT_OF_STOCK, 1, waiting);
                    s.status(id, later, OrderStatus.AWAITING_STOCK, OrderStatus.PARTIALLY_CANCELLED);
                } else if (outcome == 1) {
                    s.backorderFilled(id, later, 1, 1 + random.nextInt(waiting));
                } else {
                    continue;
                }
            }
            Instant t = placed.plus(Duration.ofMinutes(5 + random.nextInt(120)));
            for (int l = 0; l < lines; l++) {
                String f = id + "-F" + l;
                String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
                FulfilmentKind kind = pickup ? (location.equals(store) ? FulfilmentKind.COLLECT_IN_STORE : FulfilmentKind.SHIP_TO_STORE)
                        : FulfilmentKind.SHIP_TO_CUSTOMER;
                s.reserved("res-" + f, ls[l].sku(), placed);
                s.offered(f, id, kind, location, t, l + 1, ls[l].quantity());
                s.reservationReleased("res-" + f, ls[l].sku(), t);
                int outcome = random.nextInt(6);
                Instant step = t.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
                if (outcome == 0) {
                    s.rejected(f, step, random.nextBoolean() ? "damaged" : "not found", true, l + 1, ls[l].quantity());
                    continue;
                }
                if (outcome == 1) {
                    s.fulfilmentCancelled(f, step, CancellationReason.CUSTOMER_REQUEST, true, l + 1, ls[l].quantity());
                    continue;
                }
                if (outcome == 2) {
                    continue;
                }
                if (ls[l].quantity() > 1 && random.nextInt(5) == 0) {
                    s.fulfilmentCancelled(f, step.minusSeconds(120), CancellationReason.OUT_OF_STOCK, false, l + 1, 1);
                }
                if (ls[l].quantity() > 1 && random.nextBoolean()) {
                    s.rejected(f, step.minusSeconds(60), "short pick", false, l + 1, 1);
                }
                if (kind == FulfilmentKind.COLLECT_IN_STORE) {
                    s.readyInStore(f, step);
                } else {
                    s.shipped(f, step);
                    s.stockMoved(ls[l].sku(), location, MovementReason.SHIPMENT, ls[l].quantity(), step);
                    if (kind == FulfilmentKind.SHIP_TO_STORE) {
                        s.arrivedAtStore(f, store, step.plus(Duration.ofHours(random.nextInt(48))));
                    }
                }
                Instant handed = step.plus(Duration.ofHours(1 + random.nextInt(72)));
                if (kind.isCollected()) {
                    s.collected(f, store, handed);
                } else if (random.nextInt(4) > 0) {
                    s.delivered(f, handed);
                    if (random.nextInt(4) == 0) {
                        s.returned("R-" + f, id, handed.plus(Duration.ofDays(1)), l + 1, 1,
                                ReturnReason.values()[random.nextInt(ReturnReason.values().length)],
                                random.nextBoolean() ? ls[l].price() : null, handed.plus(Duration.ofDays(2)));
                    }
                }
            }
            if (lines > 1 && random.nextInt(6) == 0) {
                // one refund for a unit of every line: its goods are shared among the SKUs
                int[] each = new int[2 * lines];
                for (int l = 0; l < lines; l++) {
                    each[2 * l] = l + 1;
                    each[2 * l + 1] = 1;
                }
                Instant back = t.plus(Duration.ofDays(2 + random.nextInt(3)));
                s.returnedLines("RM-" + id, id, back, ReturnReason.CHANGED_MIND, (1 + random.nextInt(60)) + "." + (10 + random.nextInt(90)),
                        back.plus(Duration.ofHours(random.nextInt(30))), each);
            }
            if (random.nextInt(5) == 0) {
                String sku = SKUS[random.nextInt(SKUS.length)];
                Instant out = placed.plus(Duration.ofMinutes(random.nextInt(600)));
                s.level(sku, random.nextBoolean() ? null : LOCATIONS[random.nextInt(LOCATIONS.length)], StockLevel.LOW,
                        StockLevel.OUT_OF_STOCK, out);
            }
        }
        return s;
    }
}
