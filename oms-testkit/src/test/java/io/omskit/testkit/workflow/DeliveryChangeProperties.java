package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CustomerService;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.orchestration.DeliveryReplanner;
import io.omskit.orchestration.OrderSourcing;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of delivery changes on two orders (new addresses east and west, click and collect at a store with a
 * few lamps, back home), each first tried while the adapters fail at random and then retried with the same key until
 * it is done or refused: whatever happened, every allocated lamp belongs to exactly one open fulfilment, the orders
 * hold their units in those fulfilments only, nothing was captured or lost, and a refused change changed nothing.
 */
class DeliveryChangeProperties {

    private static final Sku LAMP = Sku.of("LAMP");
    private static final LocationId WEST = LocationId.of("WH-WEST");
    private static final LocationId EAST = LocationId.of("WH-EAST");
    private static final LocationId STORE = LocationId.of("ST-MAIN");
    private static final List<LocationId> ALL = List.of(WEST, EAST, STORE);
    private static final int ON_HAND = 6 + 6 + 2;

    /** One change asked by an agent: which order, and to what. */
    record Ask(int order, int to) {
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        return Arbitraries.integers().between(0, 1).flatMap(o -> Arbitraries.integers().between(0, 4).map(t -> new Ask(o, t)))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    /** Found by the property: back home from click and collect after faults, in the same store's neighbourhood. */
    @net.jqwik.api.Example
    void home_again_after_click_and_collect_with_faults() {
        stock_orders_and_fulfilments_agree_after_every_change_whatever_failed(
                List.of(new Ask(0, 0), new Ask(1, 2), new Ask(1, 0)), 2L);
    }

    @Property(tries = 60)
    void stock_orders_and_fulfilments_agree_after_every_change_whatever_failed(@ForAll("asks") List<Ask> asks,
                                                                              @ForAll long seed) {
        ContractClock clock = new ContractClock(Instant.parse("2026-06-01T10:00:00Z"));
        FaultPlan faults = FaultPlan.seeded(seed);
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Network network = Network.of(List.of(
                Location.builder(WEST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 8.0)).build(),
                Location.builder(EAST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 12.0)).build(),
                Location.builder(STORE, LocationType.STORE, GeoPoint.of(50.0, 10.0)).build()));
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(SkuAttributes.of(LAMP, "Lamp", "home", 1200, Dimensions.ofMillimetres(300, 300, 500), true));
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(faults.inventory(inventory))
                .catalog(catalog).rules(RuleBook.of(RuleSet.builder("near").filter(new MaxDistanceFilter(250))
                        .cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.10, 0.01)))).build())).build();
        FakePaymentGateway payments = new FakePaymentGateway();
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).orders(faults.orders(orders))
                .fulfilments(faults.fulfilments(new InMemoryFulfilmentRepository())).inventory(faults.inventory(inventory))
                .payments(payments).events(new RecordingEventPublisher())
                .deliveryResourcing(DeliveryReplanner.of(engine).withCatalog(catalog)).build();
        OrderSourcing sourcing = new OrderSourcing(oms, engine);
        inventory.adjust(StockAdjustment.of("r-w", LAMP, WEST, MovementReason.RECEIPT, 6, "po"));
        inventory.adjust(StockAdjustment.of("r-e", LAMP, EAST, MovementReason.RECEIPT, 6, "po"));
        inventory.adjust(StockAdjustment.of("r-s", LAMP, STORE, MovementReason.RECEIPT, 2, "po"));
        List<OrderId> ids = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Order placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-" + k)
                    .customer("c-" + k).currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(
                            DeliveryMethod.STANDARD_DELIVERY, at(k == 0 ? 12.1 : 7.9), null))
                    .line("L1", "LAMP", 2, org.joda.money.Money.parse("EUR 40.00")).build()).order();
            sourcing.source(placed.id());
            ids.add(placed.id());
        }
        check(oms, inventory, ids, "after sourcing");
        Actor agent = Actor.agent("agent-1");
        int n = 0;
        for (Ask ask : asks) {
            String key = "change-" + n++;
            OrderId id = ids.get(ask.order());
            Order before = oms.order(id).orElseThrow();
            List<Fulfilment> fulfilmentsBefore = oms.fulfilments().forOrder(id);
            faults.failWith(0.15);
            // the agent's command is chosen once: a retry repeats the same command with the same key
            java.util.function.Supplier<CustomerService.Acted<Order>> command = command(oms, before, agent, ask.to(), key);
            CustomerService.Acted<Order> acted = null;
            for (int attempt = 0; attempt < 30 && acted == null; attempt++) {
                try {
                    acted = command.get();
                } catch (RuntimeException failed) {
                    if (attempt >= 2) {
                        faults.off();
                    }
                }
            }
            faults.off();
            assertThat(acted).as("change %s finished", key).isNotNull();
            if (acted.refused()) {
                // a refused first try may follow a failed one that had already been refused: nothing moved either way
                assertThat(oms.order(id).orElseThrow().delivery()).as(key + " refused: " + acted.verdict())
                        .isEqualTo(before.delivery());
                assertThat(oms.fulfilments().forOrder(id)).as(key + " refused").isEqualTo(fulfilmentsBefore);
            }
            check(oms, inventory, ids, key + " " + ask + " " + acted.verdict() + " (" + story(oms, id)
                    + "; faults " + faults.injectedByCall() + ")");
        }
        for (OrderId id : ids) {
            assertThat(payments.captured(id) == null || payments.captured(id).isZero()).as("nothing captured").isTrue();
        }
    }

    /** The command an agent gives for {@code to}: a new address while delivered home, else a new delivery. */
    private static java.util.function.Supplier<CustomerService.Acted<Order>> command(Oms oms, Order order, Actor agent,
                                                                                      int to, String key) {
        CustomerService cs = oms.customerService();
        OrderId id = order.id();
        boolean home = order.delivery().method().isHomeDelivery();
        return switch (to) {
            case 0, 1 -> home ? () -> cs.changeAddress(id, agent, at(to == 0 ? 7.9 : 12.1), key)
                    : () -> cs.changeDelivery(id, agent, DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            at(to == 0 ? 7.9 : 12.1), null), key);
            case 2 -> () -> cs.changeDelivery(id, agent, DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT,
                    STORE, null), key);
            case 3 -> () -> cs.changeDelivery(id, agent, DeliveryChoice.home(DeliveryMethod.EXPRESS_DELIVERY, at(10.0),
                    null), key);
            default -> home ? () -> cs.changeAddress(id, agent, at(9.9), key)
                    : () -> cs.changeDelivery(id, agent, DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, at(9.9),
                            null), key);
        };
    }

    /** The order's fulfilments and units, for a failure's message. */
    private static String story(Oms oms, OrderId id) {
        Order order = oms.order(id).orElseThrow();
        return oms.fulfilments().forOrder(id).stream().map(f -> f.id().value() + " " + f.kind() + " " + f.status() + " "
                + f.units()).toList() + ", order " + order.delivery().method() + " " + order.units(UnitState.ALLOCATED)
                + " allocated, " + order.units(UnitState.OPEN) + " open, allocations " + order.allocations()
                + ", keys " + order.commandKeys();
    }

    private static Address at(double longitude) {
        return new Address("A. Customer", "1 Main Street", null, "Town", "12345", "DE", GeoPoint.of(50.0, longitude));
    }

    /** Every allocated lamp is in one open fulfilment; each order holds its 2 lamps there; nothing was lost. */
    private static void check(Oms oms, InMemoryInventoryStore inventory, List<OrderId> ids, String when) {
        Map<LocationId, Integer> held = new TreeMap<>();
        for (OrderId id : ids) {
            int open = 0;
            for (Fulfilment f : oms.fulfilments().forOrder(id)) {
                if (f.status() == FulfilmentStatus.OFFERED || f.status() == FulfilmentStatus.ACCEPTED) {
                    held.merge(f.location(), f.quantity(), Integer::sum);
                    open += f.quantity();
                }
            }
            Order order = oms.order(id).orElseThrow();
            assertThat(open).as(when + ": order " + id + " has its 2 lamps in open fulfilments, never more").isEqualTo(2);
            assertThat(order.units(UnitState.ALLOCATED)).as(when + ": the order agrees").isEqualTo(2);
            assertThat(order.payment().captured().isZero()).as(when).isTrue();
        }
        int onHand = 0;
        for (LocationId l : ALL) {
            assertThat(inventory.position(LAMP, l).allocated()).as(when + ": allocated at " + l)
                    .isEqualTo(held.getOrDefault(l, 0));
            onHand += inventory.position(LAMP, l).onHand();
        }
        assertThat(onHand).as(when + ": no lamp lost").isEqualTo(ON_HAND);
    }
}
