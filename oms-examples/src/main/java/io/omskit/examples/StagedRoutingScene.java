package io.omskit.examples;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.engine.DecisionStep;
import io.omskit.orchestration.engine.EngineDecision;
import io.omskit.orchestration.engine.shadow.OrderDifference;
import io.omskit.orchestration.engine.shadow.ReplayedDemand;
import io.omskit.orchestration.engine.shadow.ShadowReport;
import io.omskit.orchestration.engine.shadow.ShadowRun;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.StagedRoutingJson;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.stock.StockExposure;
import io.omskit.orchestration.stock.StockSnapshot;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 23 of the demo: routing rules as a merchant writes them, in JSON (stores near the customer first, offered for
 * two hours; then warehouses by the merchant's priority, Hamburg first; then any split, else backorder), sourcing
 * eight web orders live while the optimiser plans the same orders in the shadow, never allocating; the report says
 * what the rules cost against the optimiser and in which stage, and replaying the recorded orders gives the same
 * report. Then the same order under rules whose first stage ships whatever near stores hold, warehouses shipping the
 * rest. It runs on a store of its own, so the other scenes' stock is untouched.
 */
final class StagedRoutingScene {

    /** What the scene did, for the demo's test. */
    record Outcome(EngineDecision waiting, ShadowReport live, ShadowReport replayed, List<SourcingResult> results,
                   EngineDecision anyOfIt) {
    }

    /** Stores near the customer ship whatever of the order they hold; warehouses ship the rest. */
    static final String ANY_OF_IT = """
            { "name": "any-of-it",
              "stages": [
                { "name": "stores-any-of-it",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["STORE"]} ]}, {"rule": "max-distance", "maxKm": 30} ],
                  "sort": "DISTANCE", "split": "NONE", "shipWhatItFinds": true },
                { "name": "warehouses-for-the-rest",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["WAREHOUSE"]} ]} ],
                  "sort": "PRIORITY", "ranked": ["WH-HAMBURG", "WH-BERLIN"], "split": "NONE", "whenNothing": "BACKORDER" }
              ] }
            """;

    static final String RULES = """
            { "name": "merchant-rules",
              "stages": [
                { "name": "stores-nearby",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["STORE"]} ]}, {"rule": "max-distance", "maxKm": 30} ],
                  "sort": "DISTANCE", "split": "NONE", "whenNothing": "WAIT", "waitMinutes": 120 },
                { "name": "warehouses-by-priority",
                  "filters": [ {"rule": "location-type", "allow": [ {"types": ["WAREHOUSE"]} ]} ],
                  "sort": "PRIORITY", "ranked": ["WH-HAMBURG", "WH-BERLIN"], "split": "UP_TO", "maxParcels": 2 },
                { "name": "any-split", "sort": "COST", "split": "ANY", "whenNothing": "BACKORDER" }
              ] }
            """;

    private static final Instant PLACED = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant SOURCED = PLACED.plus(Duration.ofHours(3));
    private static final Sku KETTLE = DemoNetwork.sku(1);
    private static final Sku TOASTER = DemoNetwork.sku(2);
    private static final Sku LAMP = DemoNetwork.sku(3);
    private static final GeoPoint BERLIN = GeoPoint.of(52.53, 13.38);
    private static final GeoPoint HAMBURG = GeoPoint.of(53.56, 9.95);
    private static final GeoPoint MUNICH = GeoPoint.of(48.14, 11.58);
    private static final GeoPoint LEIPZIG = GeoPoint.of(51.34, 12.37);

    private final PrintStream out;
    private final Network network;
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(Clock.fixed(SOURCED, ZoneOffset.UTC));
    private final SourcingEngine optimiser;

    StagedRoutingScene(PrintStream out, Network network, InMemoryCatalog catalog) {
        this.out = out;
        this.network = network;
        RuleSet home = RuleSet.builder("home-delivery").filter(new CapabilityFilter())
                .cost(new ShippingCost(RateTable.flat(ShippingRate.of(4.0, 0.25, 0.002)))).cost(new SplitPenalty(6))
                .maxShipments(3).build();
        this.optimiser = SourcingEngine.builder().network(network).rules(RuleBook.of(home)).catalog(catalog)
                .inventory(inventory).clock(Clock.fixed(SOURCED, ZoneOffset.UTC)).build();
        load(KETTLE, "ST-MITTE", 3);
        load(KETTLE, "ST-ALTONA", 2);
        load(TOASTER, "ST-ALTONA", 1);
        for (String wh : List.of("WH-BERLIN", "WH-HAMBURG")) {
            load(KETTLE, wh, 50);
            load(TOASTER, wh, 50);
        }
    }

    private void load(Sku sku, String location, int units) {
        inventory.load(sku, LocationId.of(location), units);
    }

    Outcome run() {
        StagedEngine rules = StagedRoutingJson.reader().read(RULES, optimiser);
        out.println("  the merchant's rules, read from JSON:");
        rules.stages().forEach(s -> out.println("    " + s));
        List<Order> orders = List.of(
                order(2301, BERLIN, KETTLE, 1), order(2302, BERLIN, KETTLE, 1, TOASTER, 1), order(2303, HAMBURG, KETTLE, 2),
                order(2304, MUNICH, TOASTER, 2), order(2305, LEIPZIG, KETTLE, 1), order(2306, HAMBURG, KETTLE, 1, TOASTER, 1),
                order(2307, BERLIN, LAMP, 1), order(2308, BERLIN, KETTLE, 60));

        EngineDecision waiting = rules.decide(SourcingRequest.of(orders.get(3)), liveCopy(),
                PLACED.plus(Duration.ofMinutes(30)));
        out.printf("  half an hour after placement, WEB-2304 (Munich, no store near) -> %s, retry at %s%n",
                waiting.steps().get(0).outcome(), waiting.retryAt().orElseThrow());

        ShadowRun shadow = ShadowRun.of(rules, optimiser);
        SourcingEngine live = optimiser.routedBy(shadow);
        List<ReplayedDemand> history = new ArrayList<>();
        List<SourcingResult> results = new ArrayList<>();
        out.println("  three hours later the rules source every order, the optimiser plans each in the shadow:");
        for (Order order : orders) {
            SourcingRequest request = SourcingRequest.of(order);
            history.add(new ReplayedDemand(request, liveCopy(), SOURCED));
            results.add(live.source(request));
        }
        ShadowReport report = shadow.report();
        for (int k = 0; k < orders.size(); k++) {
            OrderDifference d = report.orders().get(k);
            SourcingResult r = results.get(k);
            String allocated = r instanceof SourcingResult.Allocated a ? a.plan().fulfilments().stream()
                    .map(f -> f.location().value() + " " + f.units()).toList().toString() : "nothing (backordered)";
            out.printf("    %-9s %-36s %-28s rules %7.2f  optimiser %7.2f  parcels %d/%d  km %5.0f/%5.0f%n",
                    orders.get(k).externalRef(), d.decidedBy(), allocated, d.liveCost(), d.shadowCost(), d.liveParcels(),
                    d.shadowParcels(), d.liveKm(), d.shadowKm());
        }
        EngineDecision lamp = rules.decide(history.get(6).request(), history.get(6).snapshot(), SOURCED);
        out.println("  why WEB-2307 is backordered:");
        for (DecisionStep step : lamp.steps()) {
            out.println("    " + step);
        }
        out.println("  " + report.summary());
        ShadowReport replayed = ShadowRun.replay(rules, optimiser, history);
        out.println("  replaying the recorded orders gives the same report: " + replayed.equals(report));
        StagedEngine anyOfIt = StagedRoutingJson.reader().read(ANY_OF_IT, optimiser);
        EngineDecision split = anyOfIt.decide(history.get(1).request(), history.get(1).snapshot(), SOURCED);
        out.println("  WEB-2302 under \"stores near me with any of it, then warehouses for the rest\" (planned only):");
        for (DecisionStep step : split.steps()) {
            out.println("    " + step);
        }
        return new Outcome(waiting, report, replayed, results, split);
    }

    /** What the store holds now, frozen: the stock a replay of this moment sees. */
    private StockSnapshot liveCopy() {
        return StockSnapshot.copyOf(inventory, network, Channel.WEB, StockExposure.availableToSell(),
                Set.of(KETTLE, TOASTER, LAMP));
    }

    private static Order order(int ref, GeoPoint to, Object... skuQuantities) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-" + ref)
                .customer("customer-" + ref).currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("Demo Customer", "Demo Street 1", null, "Town", "10115", "DE", to), null));
        for (int k = 0; k < skuQuantities.length; k += 2) {
            b.line(String.valueOf(k / 2 + 1), ((Sku) skuQuantities[k]).value(), (Integer) skuQuantities[k + 1],
                    Money.of(CurrencyUnit.EUR, 20));
        }
        return Order.place(OrderId.of("order-" + ref), b.build(), PLACED).state();
    }
}
