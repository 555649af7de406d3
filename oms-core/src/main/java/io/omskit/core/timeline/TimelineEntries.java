package io.omskit.core.timeline;

import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentAccepted;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentArrivedAtStore;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentCancelled;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentCollected;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentDelivered;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentExpired;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentOffered;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentPacked;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentPickingStarted;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentRejected;
import io.omskit.core.fulfilment.FulfilmentEvent.FulfilmentShipped;
import io.omskit.core.fulfilment.FulfilmentEvent.ParcelBooked;
import io.omskit.core.fulfilment.FulfilmentEvent.ParcelBookingDeclined;
import io.omskit.core.fulfilment.FulfilmentEvent.ParcelDelayed;
import io.omskit.core.fulfilment.FulfilmentEvent.ParcelTracked;
import io.omskit.core.fulfilment.FulfilmentEvent.DeliveryFailed;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.order.Actor;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderEvent.OrderConfirmed;
import io.omskit.core.order.OrderEvent.OrderHoldReleased;
import io.omskit.core.order.OrderEvent.OrderNoteAdded;
import io.omskit.core.order.OrderEvent.OrderPaymentUpdated;
import io.omskit.core.order.OrderEvent.OrderPlaced;
import io.omskit.core.order.OrderEvent.OrderPutOnHold;
import io.omskit.core.order.OrderEvent.OrderStatusChanged;
import io.omskit.core.order.OrderEvent.OrderStockReconciled;
import io.omskit.core.order.OrderEvent.OrderUnitsCancelled;
import io.omskit.core.order.OrderEvent.UnitsMoved;
import io.omskit.core.order.UnitMove;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The timeline entry of each order and fulfilment event: one function, used both to rebuild a timeline from stored
 * events and to follow them live, so that both read the same. Entries name lines, SKUs, locations and amounts, never
 * the customer's name or address.
 */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    /** The entry of an order event. */
    public static TimelineEntry of(OrderEvent event) {
        String key = event.eventId().toString();
        if (event instanceof OrderPlaced p) {
            Order o = p.order();
            return entry(p, p.placedBy() == null ? Actor.customer(o.customer()) : p.placedBy(), "order.placed",
                    "Placed in " + o.channel() + " with "
                    + o.lines().size() + " line(s), " + o.total() + ", " + o.delivery().method()
                    + (o.delivery().pickupStore() == null ? "" : " at " + o.delivery().pickupStore()), "");
        }
        if (event instanceof OrderUnitsCancelled c) {
            return entry(c, c.actor(), "order.units-cancelled", "Cancelled " + units(c), c.reason().name());
        }
        if (event instanceof UnitsMoved m) {
            String verb = m.command().name().toLowerCase(Locale.ROOT).replace('_', '-');
            return entry(m, Actor.SYSTEM, "order.units-" + verb, capitalised(m.command().name()) + ": " + units(m)
                    + (m.reference().isEmpty() ? "" : " (" + m.reference() + ")"), "");
        }
        if (event instanceof OrderConfirmed c) {
            return entry(c, Actor.SYSTEM, "order.confirmed", "Confirmed: payment secured", "");
        }
        if (event instanceof OrderPutOnHold h) {
            return entry(h, Actor.SYSTEM, "order.put-on-hold", "Put on hold", h.hold().reason().name()
                    + (h.hold().detail() == null || h.hold().detail().isBlank() ? "" : ": " + h.hold().detail()));
        }
        if (event instanceof OrderHoldReleased r) {
            return entry(r, Actor.SYSTEM, "order.hold-released", "Hold lifted", r.reason().name());
        }
        if (event instanceof OrderPaymentUpdated p) {
            return entry(p, Actor.SYSTEM, "payment." + p.operation(), "Payment " + p.operation() + ": " + p.outcome()
                    + "; authorised " + p.payment().authorised() + ", captured " + p.payment().captured() + ", refunded "
                    + p.payment().refunded(), p.payment().message() == null ? "" : p.payment().message());
        }
        if (event instanceof OrderStatusChanged s) {
            return entry(s, Actor.SYSTEM, "order.status-changed", "Status " + s.from() + " -> " + s.to(), "");
        }
        if (event instanceof OrderStockReconciled r) {
            return entry(r, Actor.SYSTEM, "order.stock-reconciled", "Stock the order did not account for was given back: "
                    + r.reservations().size() + " reservation(s), " + r.allocations().size() + " allocation(s)", "");
        }
        if (event instanceof OrderNoteAdded n) {
            return entry(n, n.note().author(), "order.note-added", "Note: " + n.note().text(), "");
        }
        if (event instanceof OrderEvent.OrderGoodwillGranted g) {
            String what = g.goodwill().form() == io.omskit.core.order.Goodwill.Form.REFUND
                    ? "Goodwill refund of " + g.goodwill().amount() + (g.reference().isEmpty() ? "" : " (" + g.reference() + ")")
                    : "Goodwill store credit of " + g.goodwill().amount();
            return entry(g, g.actor(), "order.goodwill-granted", what, g.goodwill().reason());
        }
        if (event instanceof OrderEvent.OrderParcelReshipped r) {
            return entry(r, r.actor(), "order.parcel-reshipped", "Parcel " + r.parcel() + " " + r.reason().name()
                    .toLowerCase(Locale.ROOT) + ": " + quantities(r.units()) + " re-shipped at no charge as " + r.replacement(),
                    r.reason().name());
        }
        if (event instanceof OrderEvent.OrderAddressChanged a) {
            // the address itself is personal data: its country and masked postal code only
            return entry(a, a.actor(), "order.address-changed", "Delivery address changed to " + a.delivery().address(), "");
        }
        if (event instanceof OrderEvent.OrderLinesEdited l) {
            List<String> what = new java.util.ArrayList<>();
            for (io.omskit.core.order.LineEdit e : l.edits()) {
                what.add(e.toString());
            }
            return entry(l, l.actor(), "order.lines-edited", "Lines edited (" + String.join("; ", what) + "): worth "
                    + l.valueBefore() + " before, " + l.valueAfter() + " after", "");
        }
        if (event instanceof OrderEvent.OrderDeliveryChanged d) {
            return entry(d, d.actor(), "order.delivery-changed", deliveryChanged(d), "");
        }
        return new TimelineEntry(event.occurredAt(), Actor.SYSTEM, "order.other", "order", event.getClass().getSimpleName(), "", key);
    }

    /** The new delivery (a home address masked as {@code Address} prints itself), its promise and what moved where. */
    private static String deliveryChanged(OrderEvent.OrderDeliveryChanged d) {
        io.omskit.core.order.DeliveryChoice to = d.delivery();
        StringBuilder text = new StringBuilder("Delivery changed to ").append(to.method())
                .append(to.pickupStore() == null ? " to " + to.address() : " at " + to.pickupStore());
        if (to.promised() != null) {
            text.append(", promised by ").append(to.promised().latest());
        }
        if (d.placed().isEmpty()) {
            return text.append("; sourcing unchanged").toString();
        }
        text.append("; re-sourced: ").append(String.join(", ", d.withdrawn())).append(" withdrawn, ");
        StringJoiner placed = new StringJoiner(", ");
        for (io.omskit.core.order.PlacedUnits p : d.placed()) {
            StringJoiner units = new StringJoiner(", ");
            p.units().forEach(q -> units.add(q.quantity() + " of line " + q.line()));
            placed.add(units + " at " + p.location());
        }
        return text.append(placed).toString();
    }

    /** The entry of a fulfilment event. */
    public static TimelineEntry of(FulfilmentEvent event) {
        String subject = "fulfilment " + event.fulfilmentId();
        if (event instanceof FulfilmentOffered o) {
            return entry(o, subject, "fulfilment.offered", "Offered to " + o.location() + " (" + o.kind() + "): "
                    + lines(o.lines()), "");
        }
        if (event instanceof FulfilmentAccepted a) {
            return entry(a, a.actor(), subject, "fulfilment.accepted", "Accepted by its location", "");
        }
        if (event instanceof FulfilmentRejected r) {
            return entry(r, subject, "fulfilment.rejected", "Rejected " + (r.whole() ? "whole" : quantities(r.units())), r.reason());
        }
        if (event instanceof FulfilmentPickingStarted p) {
            return entry(p, p.actor(), subject, "fulfilment.picking-started", "Picking started", "");
        }
        if (event instanceof FulfilmentPacked p) {
            return entry(p, p.actor(), subject, "fulfilment.packed", "Packed: " + p.status()
                    + (p.collectBy() == null ? "" : ", to be collected by " + p.collectBy()), "");
        }
        if (event instanceof FulfilmentShipped s) {
            return entry(s, subject, "fulfilment.shipped", "Shipped with " + s.shipment().carrier()
                    + (s.shipment().trackingNumber().isEmpty() ? "" : ", tracking " + s.shipment().trackingNumber()), "");
        }
        if (event instanceof FulfilmentArrivedAtStore a) {
            return entry(a, subject, "fulfilment.arrived-at-store", "Arrived at " + a.store() + ", to be collected by "
                    + a.collectBy(), "");
        }
        if (event instanceof FulfilmentCollected c) {
            return entry(c, c.actor(), subject, "fulfilment.collected", "Collected by the customer at " + c.store(), "");
        }
        if (event instanceof FulfilmentDelivered d) {
            return entry(d, subject, "fulfilment.delivered", "Delivered", "");
        }
        if (event instanceof FulfilmentCancelled c) {
            return new TimelineEntry(c.occurredAt(), c.actor(), "fulfilment.cancelled", subject, "Cancelled "
                    + (c.whole() ? "whole" : quantities(c.units())), c.reason().name(), c.eventId().toString());
        }
        if (event instanceof FulfilmentExpired x) {
            return entry(x, subject, "fulfilment.expired", "Not collected in time: " + quantities(x.units())
                    + " went back to the shelf", "");
        }
        if (event instanceof ParcelBooked b) {
            return entry(b, subject, "fulfilment.parcel-booked", "Label booked with " + b.service().carrier() + " "
                    + b.service().service() + ", tracking " + b.trackingNumber() + ", expected " + b.expectedDelivery(), "");
        }
        if (event instanceof ParcelBookingDeclined d) {
            return entry(d, subject, "fulfilment.parcel-booking-declined", "Label declined by " + d.service().carrier(),
                    d.reason());
        }
        if (event instanceof ParcelTracked t) {
            return entry(t, subject, "fulfilment.parcel-tracked", "Parcel " + t.trackingNumber() + ": " + t.status(),
                    t.detail() == null ? "" : t.detail());
        }
        if (event instanceof ParcelDelayed d) {
            return entry(d, subject, "fulfilment.parcel-delayed", "Parcel " + d.trackingNumber() + " late: promised by "
                    + d.promisedBy() + ", now expected " + d.expectedDelivery(), "");
        }
        if (event instanceof DeliveryFailed f) {
            return entry(f, subject, "fulfilment.delivery-failed", "Delivery of parcel " + f.trackingNumber() + " failed: "
                    + f.status(), f.detail() == null ? "" : f.detail());
        }
        String name = event.getClass().getSimpleName();
        return new TimelineEntry(event.occurredAt(), Actor.SYSTEM, "fulfilment." + kebab(name), subject,
                name.replaceAll("([a-z])([A-Z])", "$1 $2"), "", event.eventId().toString());
    }

    private static TimelineEntry entry(OrderEvent e, Actor actor, String kind, String text, String reason) {
        return new TimelineEntry(e.occurredAt(), actor, kind, "order", text, reason, e.eventId().toString());
    }

    private static TimelineEntry entry(FulfilmentEvent e, String subject, String kind, String text, String reason) {
        return entry(e, Actor.SYSTEM, subject, kind, text, reason);
    }

    private static TimelineEntry entry(FulfilmentEvent e, Actor actor, String subject, String kind, String text,
                                       String reason) {
        return new TimelineEntry(e.occurredAt(), actor, kind, subject, text, reason, e.eventId().toString());
    }

    private static String units(UnitsMoved m) {
        StringJoiner out = new StringJoiner(", ");
        for (UnitMove move : m.moves()) {
            out.add(move.quantity() + " of line " + move.line());
        }
        return out.toString();
    }

    private static String quantities(List<LineQuantity> units) {
        StringJoiner out = new StringJoiner(", ");
        for (LineQuantity q : units) {
            out.add(q.quantity() + " of line " + q.line());
        }
        return out.toString();
    }

    private static String lines(List<FulfilmentLine> lines) {
        StringJoiner out = new StringJoiner(", ");
        for (FulfilmentLine l : lines) {
            out.add(l.quantity() + " x " + l.sku());
        }
        return out.toString();
    }

    private static String capitalised(String command) {
        String words = command.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
