package io.omskit.examples;

import io.omskit.core.order.ReshipReason;
import io.omskit.core.CustomerService;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Goodwill;
import io.omskit.core.fulfilment.Reshipment;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.OrderQuery;
import io.omskit.core.timeline.Timeline;
import io.omskit.core.timeline.TimelineEntry;
import io.omskit.orchestration.DeliveryReplanner;
import io.omskit.orchestration.OrderSourcing;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 21 of the demo: customer service changes orders before their goods move. Ben orders from Hamburg; an agent
 * finds his orders and reads the story of one, then he moves to Dresden and the order is sourced again for the new
 * address (the Hamburg DC lets its units go, the nearer location takes them, the promise is recomputed). His second
 * order switches from home delivery to click and collect at a Berlin store: its fulfilment is made anew at the store
 * with a pickup code, and the shipping charge he no longer needs is given back as store credit. The first parcel ships
 * late, and the agent refunds its shipping charge as goodwill; then the carrier loses it, and the agent has it shipped
 * again at no charge. It runs on the demo's own adapters, in memory or on PostgreSQL.
 */
final class CustomerChangeScene {

    /** What the scene did, for the demo's test. */
    record Outcome(List<Order> found, Timeline story, LocationId sourcedAt, LocationId movedTo, Order moved,
                   Fulfilment collection, Order switched, Order refunded, Fulfilment reshipment, Order madeGood) {
    }

    private static final Money SHIPPING = Money.of(CurrencyUnit.EUR, 4.95);
    private static final LocationId MITTE = LocationId.of("ST-MITTE");
    private static final Address HAMBURG = new Address("Ben Demo", "Harbour Road 5", null, "Hamburg", "20095", "DE",
            GeoPoint.of(53.55, 9.99));
    private static final Address DRESDEN = new Address("Ben Demo", "Elbe Street 2", null, "Dresden", "01067", "DE",
            GeoPoint.of(51.05, 13.74));
    private static final Address BERLIN = new Address("Ben Demo", "Spree Way 9", null, "Berlin", "10115", "DE",
            GeoPoint.of(52.53, 13.38));

    private final PrintStream out;
    private final Oms oms;
    private final InventoryStore inventory;
    private final Clock clock;
    private final OrderSourcing sourcing;

    CustomerChangeScene(PrintStream out, Oms oms, InventoryStore inventory, Network network, Catalog catalog, Clock clock) {
        this.out = out;
        this.oms = oms;
        this.inventory = inventory;
        this.clock = clock;
        this.sourcing = new OrderSourcing(oms, engine(network, inventory, catalog, clock));
    }

    /** The home-delivery rules the scene sources with: capable locations within 600 km, cheapest shipping, few splits. */
    static SourcingEngine engine(Network network, InventoryStore inventory, Catalog catalog, Clock clock) {
        RuleSet rules = RuleSet.builder("home-delivery").filter(new CapabilityFilter()).filter(new MaxDistanceFilter(600))
                .cost(new ShippingCost(RateTable.flat(ShippingRate.of(4.0, 0.25, 0.002)))).cost(new SplitPenalty(6))
                .build();
        return SourcingEngine.builder().network(network).inventory(inventory).catalog(catalog).clock(clock)
                .rules(RuleBook.of(rules)).build();
    }

    /**
     * How the demo's {@link Oms} plans an order again when its delivery changes: the same engine, a promise of one to
     * two days from the change (the demo's stand-in for a delivery-promise calculation).
     */
    static DeliveryReplanner replanner(Network network, InventoryStore inventory, Catalog catalog, Clock clock) {
        return DeliveryReplanner.of(engine(network, inventory, catalog, clock)).withCatalog(catalog)
                .withPromise((order, delivery, plan) -> new DeliveryWindow(clock.instant().plus(Duration.ofDays(1)),
                        clock.instant().plus(Duration.ofDays(2))));
    }

    Outcome run() {
        CustomerService cs = oms.customerService();
        Actor agent = Actor.agent("agent-21");
        Sku lamp = DemoNetwork.sku(21);

        Order first = place("WEB-2101", HAMBURG, lamp);
        LocationId sourcedAt = open(first.id()).get(0).location();
        out.println("  WEB-2101, 2 x " + lamp + " to Hamburg: sourced at " + sourcedAt + ", promised by "
                + oms.order(first.id()).orElseThrow().delivery().promised());

        List<Order> found = cs.find(OrderQuery.all().customer(CustomerRef.of("customer-ben"))).orders();
        out.println("  agent-21 finds customer-ben's orders: " + found.stream().map(o -> o.externalRef().value()
                + " " + o.status()).toList());
        Timeline story = cs.timeline(first.id());
        out.println("  the story of WEB-2101 so far (" + story.entries().size() + " entries):");
        print(story, List.of());

        CustomerService.Acted<Order> moved = cs.changeAddress(first.id(), agent, DRESDEN, "call-2101-move");
        Fulfilment now = open(first.id()).get(0);
        out.println("  Ben moves to Dresden: " + (moved.refused() ? moved.verdict() : "re-sourced from " + sourcedAt
                + " to " + now.location() + " (" + now.status() + "), " + sourcedAt + " holds "
                + inventory.position(lamp, sourcedAt).allocated() + " allocated now, promised by "
                + moved.get().delivery().promised().latest()));
        print(cs.timeline(first.id()), List.of("order.delivery-changed", "fulfilment.rejected", "fulfilment.offered"));

        Sku onTheShelf = stockedAt(MITTE);
        Order second = place("WEB-2102", BERLIN, onTheShelf, 1);
        LocationId secondAt = open(second.id()).get(0).location();
        CustomerService.Acted<Order> switched = cs.changeDelivery(second.id(), agent,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, MITTE, null), "call-2102-collect");
        Fulfilment collection = open(second.id()).get(0);
        out.println("  WEB-2102 (" + onTheShelf + ", sourced at " + secondAt + ") switches to click & collect at " + MITTE
                + ": " + (switched.refused() ? switched.verdict() : collection.kind() + " at " + collection.location()
                + ", pickup code " + collection.pickupCode().replaceAll(".", "*") + ", ready by "
                + switched.get().delivery().promised().latest()));
        cs.makeGood(second.id(), agent, Goodwill.storeCredit(SHIPPING, "no shipping for click & collect"),
                "call-2102-shipping").get();
        out.println("  its " + SHIPPING + " shipping charge stays on the order and comes back as store credit");

        Fulfilment parcel = open(first.id()).get(0);
        Actor picker = Actor.storeAssociate("picker-5", parcel.location());
        cs.accept(parcel.id(), picker).get();
        cs.startPicking(parcel.id(), picker).get();
        cs.pack(parcel.id(), picker).get();
        oms.fulfilments().ship(parcel.id(), ShipmentDetails.of("DHL-2101", "DHL", ""));
        Order refunded = cs.makeGood(first.id(), agent, Goodwill.refund(SHIPPING, "parcel two days late"),
                "call-2101-late").get();
        out.println("  the parcel leaves " + parcel.location() + " two days late: agent-21 refunds the " + SHIPPING
                + " shipping as goodwill; captured " + refunded.payment().captured() + ", refunded "
                + refunded.payment().refunded());
        print(cs.timeline(first.id()), List.of("fulfilment.accepted", "fulfilment.packed", "order.goodwill-granted"));

        // a week on, the parcel has not arrived: the carrier reports it lost
        Fulfilment reshipment = cs.reship(first.id(), parcel.id(), List.of(), ReshipReason.LOST, agent,
                "call-2101-lost").get();
        LocationId from = reshipment.location();
        int before = inventory.position(lamp, from).onHand();
        oms.fulfilments().accept(reshipment.id());
        oms.fulfilments().startPicking(reshipment.id());
        oms.fulfilments().pack(reshipment.id());
        oms.fulfilments().ship(reshipment.id(), ShipmentDetails.of("DHL-2101-2", "DHL", ""));
        oms.fulfilments().deliver(reshipment.id(), "signed by B. Demo");
        Order madeGood = oms.order(first.id()).orElseThrow();
        out.println("  the parcel is lost: agent-21 re-ships it at no charge as " + reshipment.id() + " from " + from
                + " (on hand " + before + " -> " + inventory.position(lamp, from).onHand() + "); order " + madeGood.status()
                + ", captured still " + madeGood.payment().captured() + ", total still " + madeGood.total());
        print(cs.timeline(first.id()), List.of("order.parcel-reshipped"));
        return new Outcome(found, story, sourcedAt, open(first.id()).isEmpty() ? null : now.location(),
                oms.order(first.id()).orElseThrow(), collection, oms.order(second.id()).orElseThrow(), refunded,
                oms.fulfilments().get(reshipment.id()), madeGood);
    }

    private Order place(String ref, Address to, Sku sku) {
        return place(ref, to, sku, 2);
    }

    private Order place(String ref, Address to, Sku sku, int units) {
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref)
                .customer("customer-ben").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, to, new DeliveryWindow(
                        clock.instant().plus(Duration.ofDays(2)), clock.instant().plus(Duration.ofDays(3)))))
                .line("1", sku.value(), units, Money.of(CurrencyUnit.EUR, 39.90)).charge("shipping", SHIPPING).build())
                .order();
        sourcing.source(order.id());
        return oms.order(order.id()).orElseThrow();
    }

    /** The order's fulfilments still to be picked or on their way, oldest first. */
    private List<Fulfilment> open(OrderId id) {
        return oms.fulfilments().forOrder(id).stream().filter(f -> f.status() != FulfilmentStatus.REJECTED
                && f.status() != FulfilmentStatus.CANCELLED && f.quantity() > 0).toList();
    }

    /** The first item of the catalog the store has on its shelf to sell. */
    private Sku stockedAt(LocationId store) {
        for (int i = 0; i < DemoNetwork.SKU_COUNT; i++) {
            Sku sku = DemoNetwork.sku(i);
            if (i % 5 != 4 && inventory.position(sku, store).availableToSell() >= 3) {
                return sku;
            }
        }
        throw new IllegalStateException("the demo network has nothing left on " + store + "'s shelf");
    }

    private void print(Timeline story, List<String> kinds) {
        for (TimelineEntry e : story.entries()) {
            if (kinds.isEmpty() ? !e.kind().equals("order.status-changed") && !e.kind().startsWith("order.units-")
                    && !e.kind().startsWith("payment.") : kinds.contains(e.kind())) {
                out.println("    " + e.actor() + " | " + e.subject() + " | " + e.text()
                        + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
            }
        }
    }
}
