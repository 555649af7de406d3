package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
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
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.core.spi.SpiException;
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
import io.omskit.testkit.faults.FaultPlan.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A customer moves: the agent changes the delivery address of an order not yet picked, and the order is sourced again
 * for the new destination by the engine that sourced it. Two warehouses 440 km apart (WEST at longitude 8, EAST at
 * 12); the customer first lives beside EAST, then moves beside WEST.
 */
class DeliveryChangeResourcingTest {

    private static final Sku LAMP = Sku.of("LAMP");
    private static final LocationId WEST = LocationId.of("WH-WEST");
    private static final LocationId EAST = LocationId.of("WH-EAST");
    private static final LocationId STORE = LocationId.of("ST-MAIN");
    private static final Actor AGENT = Actor.agent("agent-7");
    private static final LineId L1 = LineId.of("L1");

    private final ContractClock clock = new ContractClock(Instant.parse("2026-06-01T10:00:00Z"));
    private FaultPlan faults;
    private InMemoryOrderRepository orders;
    private InMemoryInventoryStore inventory;
    private InMemoryFulfilmentRepository fulfilmentRepository;
    private final Network network = Network.of(List.of(
            Location.builder(WEST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 8.0)).build(),
            Location.builder(EAST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 12.0)).build(),
            Location.builder(STORE, LocationType.STORE, GeoPoint.of(50.0, 10.0)).build()));
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(LAMP, "Lamp", "home", 1200, Dimensions.ofMillimetres(300, 300, 500), true));

    private Oms oms;
    private OrderSourcing sourcing;

    /** A fresh world sourcing with {@code rules}: 10 lamps in each warehouse. */
    private void start(RuleSet rules) {
        faults = FaultPlan.seeded(21);
        orders = new InMemoryOrderRepository();
        inventory = InMemoryInventoryStore.builder().clock(clock).build();
        fulfilmentRepository = new InMemoryFulfilmentRepository();
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(faults.inventory(inventory))
                .catalog(catalog).rules(RuleBook.of(rules)).build();
        // the promise for the new delivery: two days after the change from the nearer warehouse, three from farther
        DeliveryReplanner replanner = DeliveryReplanner.of(engine).withCatalog(catalog).withPromise((order, delivery, plan) -> {
            Instant now = clock.instant();
            return new DeliveryWindow(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
        });
        oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).orders(faults.orders(orders))
                .fulfilments(faults.fulfilments(fulfilmentRepository)).inventory(faults.inventory(inventory))
                .payments(new FakePaymentGateway()).events(new RecordingEventPublisher()).deliveryResourcing(replanner)
                .build();
        sourcing = new OrderSourcing(oms, engine);
        inventory.adjust(StockAdjustment.of("receipt-w", LAMP, WEST, MovementReason.RECEIPT, 10, "po-1"));
        inventory.adjust(StockAdjustment.of("receipt-e", LAMP, EAST, MovementReason.RECEIPT, 10, "po-2"));
    }

    private static RuleSet cheapestShipping() {
        return RuleSet.builder("home").cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.10, 0.01)))).build();
    }

    private static Address livingAt(double longitude) {
        return new Address("A. Customer", "1 Main Street", null, "Town", "12345", "DE", GeoPoint.of(50.0, longitude));
    }

    private Order placeAndSource(String ref, int lamps) {
        PlacementResult placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref)
                .customer("c-1").currency("EUR").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        livingAt(12.1), new DeliveryWindow(Instant.parse("2026-06-03T08:00:00Z"),
                                Instant.parse("2026-06-04T18:00:00Z"))))
                .line("L1", "LAMP", lamps, Money.of(CurrencyUnit.EUR, 40)).paymentRef("tok").build());
        assertThat(placed.isConfirmed()).isTrue();
        sourcing.source(placed.order().id());
        return oms.order(placed.order().id()).orElseThrow();
    }

    private List<Fulfilment> live(OrderId id) {
        return oms.fulfilments().forOrder(id).stream()
                .filter(f -> f.status() != FulfilmentStatus.REJECTED && f.quantity() > 0).toList();
    }

    @Test
    void moving_house_next_to_the_other_warehouse_moves_the_order_there() {
        start(cheapestShipping());
        Order order = placeAndSource("WEB-1", 3);
        assertThat(live(order.id())).singleElement().extracting(Fulfilment::location).isEqualTo(EAST);
        assertThat(inventory.position(LAMP, EAST).allocated()).isEqualTo(3);

        CustomerService.Acted<Order> changed = oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-1");

        assertThat(changed.refused()).isFalse();
        Order after = changed.get();
        assertThat(after.delivery().address().position().longitude()).isEqualTo(7.9);
        assertThat(after.delivery().promised().latest()).as("promise recomputed for the new plan")
                .isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(live(order.id())).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(WEST);
            assertThat(f.units()).containsExactly(LineQuantity.of(L1, 3));
            assertThat(f.status()).isEqualTo(FulfilmentStatus.OFFERED);
        });
        assertThat(inventory.position(LAMP, EAST).allocated()).as("EAST let its 3 lamps go").isZero();
        assertThat(inventory.position(LAMP, WEST).allocated()).isEqualTo(3);
        assertThat(after.units(UnitState.ALLOCATED)).isEqualTo(3);
        assertThat(after.units(UnitState.OPEN)).isZero();
        assertThat(sourcing.historyOf(order.id()).attempts()).as("no location refused anything").isZero();
        io.omskit.core.inmemory.RecordingNotificationSender sender = new io.omskit.core.inmemory.RecordingNotificationSender();
        io.omskit.core.notification.Notifier notifier = io.omskit.core.notification.Notifier.builder(oms, sender,
                new io.omskit.core.inmemory.InMemoryNotificationLog()).build();
        orders.history(order.id()).forEach(notifier::accept);
        orders.history(order.id()).forEach(notifier::accept);
        assertThat(sender.delivered(order.id())).as("the moved promise is told once")
                .filteredOn(n -> n.subject().kind() == io.omskit.core.spi.NotificationSubject.Kind.DELIVERY_CHANGED)
                .singleElement().satisfies(n -> {
                    assertThat(n.data()).containsEntry("promisedBy", clock.instant().plus(Duration.ofDays(2)).toString())
                            .containsEntry("previouslyPromisedBy", "2026-06-04T18:00:00Z");
                });
        assertThat(oms.customerService().timeline(order.id()).entries())
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("order.delivery-changed");
                    assertThat(e.actor()).isEqualTo(AGENT);
                    assertThat(e.text()).contains("re-sourced").contains("3 of line L1 at WH-WEST")
                            .doesNotContain("Main Street").doesNotContain("A. Customer");
                });
    }

    @Test
    void a_new_address_the_same_warehouse_still_serves_best_keeps_the_fulfilment() {
        start(cheapestShipping());
        Order order = placeAndSource("WEB-2", 2);
        Fulfilment before = live(order.id()).get(0);

        Order after = oms.customerService().changeAddress(order.id(), AGENT, livingAt(11.5), "move-2").get();

        assertThat(live(order.id())).containsExactly(oms.fulfilments().get(before.id()));
        assertThat(oms.fulfilments().get(before.id()).version()).isEqualTo(before.version());
        assertThat(inventory.position(LAMP, EAST).allocated()).isEqualTo(2);
        assertThat(inventory.position(LAMP, WEST).allocated()).isZero();
        OrderEvent.OrderDeliveryChanged event = (OrderEvent.OrderDeliveryChanged) orders.history(order.id())
                .get(orders.history(order.id()).size() - 1);
        assertThat(event.withdrawn()).isEmpty();
        assertThat(event.placed()).isEmpty();
        assertThat(after.delivery().address().position().longitude()).isEqualTo(11.5);
    }

    @Test
    void a_destination_no_warehouse_may_serve_with_stock_is_refused_and_nothing_changes() {
        // only locations within 100 km may ship: WEST is 7 km from the new address but has no lamps left
        start(RuleSet.builder("near").filter(new MaxDistanceFilter(100))
                .cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.10, 0.01)))).build());
        Order order = placeAndSource("WEB-3", 3);
        inventory.adjust(StockAdjustment.of("shrink-w", LAMP, WEST, MovementReason.SHRINKAGE, 10, "count-1"));
        Fulfilment before = live(order.id()).get(0);

        CustomerService.Acted<Order> changed = oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-3");

        assertThat(changed.refused()).isTrue();
        assertThat(changed.verdict().rule()).isEqualTo(CustomerService.DELIVERY_CHANGE_SOURCEABLE);
        assertThat(changed.verdict().reason()).contains("cannot be sourced for the new delivery").contains("L1");
        assertThat(oms.order(order.id()).orElseThrow()).isEqualTo(order);
        assertThat(oms.fulfilments().get(before.id())).isEqualTo(before);
        assertThat(inventory.position(LAMP, EAST).allocated()).isEqualTo(3);
        assertThat(inventory.position(LAMP, WEST).allocated()).isZero();
    }

    @Test
    void once_a_fulfilment_is_picking_the_address_stays() {
        start(cheapestShipping());
        Order order = placeAndSource("WEB-4", 1);
        Fulfilment f = live(order.id()).get(0);
        oms.fulfilments().accept(f.id());
        oms.fulfilments().startPicking(f.id());

        CustomerService.Acted<Order> changed = oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-4");

        assertThat(changed.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
        assertThat(oms.order(order.id()).orElseThrow().delivery()).isEqualTo(order.delivery());
        assertThat(inventory.position(LAMP, EAST).allocated()).isEqualTo(1);
    }

    @Test
    void a_bad_address_is_named_and_nothing_changes() {
        start(cheapestShipping());
        Order order = placeAndSource("WEB-5", 1);

        assertThatThrownBy(() -> oms.customerService().changeAddress(order.id(), AGENT,
                new Address("A. Customer", "", null, "Town", "12345", "DE", GeoPoint.of(50.0, 8.0)), "move-5"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("delivery.address.line1");
        assertThat(oms.order(order.id()).orElseThrow()).isEqualTo(order);
    }

    @Test
    void a_failure_before_or_after_any_adapter_call_is_finished_once_by_a_retry_with_the_same_key() {
        String[] calls = {"allocate", "deallocate", "save", "saveFulfilment"};
        int story = 0;
        for (String call : calls) {
            for (Point point : Point.values()) {
                for (int nth = 1; nth <= 3; nth++) {
                    story++;
                    start(cheapestShipping());
                    Order order = placeAndSource("WEB-F" + story, 3);
                    faults.failNth(call, nth, point);
                    boolean failed = false;
                    try {
                        oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-f");
                    } catch (SpiException | IllegalStateException e) {
                        failed = true;
                    }
                    faults.off();
                    Order after = oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-f").get();
                    Order again = oms.customerService().changeAddress(order.id(), AGENT, livingAt(7.9), "move-f").get();

                    String at = call + " #" + nth + " " + point + (failed ? " (failed)" : " (not reached)");
                    assertThat(again).as(at).isEqualTo(after);
                    assertThat(live(order.id())).as(at).singleElement().satisfies(f -> {
                        assertThat(f.location()).isEqualTo(WEST);
                        assertThat(f.units()).containsExactly(LineQuantity.of(L1, 3));
                    });
                    assertThat(inventory.position(LAMP, WEST).allocated()).as(at).isEqualTo(3);
                    assertThat(inventory.position(LAMP, EAST).allocated()).as(at).isZero();
                    assertThat(inventory.position(LAMP, WEST).onHand() + inventory.position(LAMP, EAST).onHand())
                            .as(at + ": no lamp lost").isEqualTo(20);
                    assertThat(after.units(UnitState.ALLOCATED)).as(at).isEqualTo(3);
                    assertThat(orders.history(order.id()).stream().filter(e -> e instanceof OrderEvent.OrderDeliveryChanged))
                            .as(at + ": changed once").hasSize(1);
                }
            }
        }
    }

    @Test
    void switching_a_home_delivery_to_click_and_collect_makes_its_fulfilment_anew_at_the_store_with_a_pickup_code() {
        start(cheapestShipping());
        inventory.adjust(StockAdjustment.of("receipt-s", LAMP, STORE, MovementReason.RECEIPT, 5, "po-3"));
        Order order = placeAndSource("WEB-6", 3);
        Fulfilment before = live(order.id()).get(0);
        assertThat(before.location()).isEqualTo(EAST);

        CustomerService.Acted<Order> changed = oms.customerService().changeDelivery(order.id(), AGENT,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null), "to-store-1");

        assertThat(changed.refused()).as(String.valueOf(changed.verdict())).isFalse();
        assertThat(changed.get().delivery().method()).isEqualTo(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT);
        assertThat(changed.get().delivery().pickupStore()).isEqualTo(STORE);
        assertThat(changed.get().delivery().promised()).isNotNull();
        assertThat(oms.fulfilments().get(before.id()).status()).isEqualTo(FulfilmentStatus.REJECTED);
        assertThat(live(order.id())).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(STORE);
            assertThat(f.kind()).isEqualTo(io.omskit.core.fulfilment.FulfilmentKind.COLLECT_IN_STORE);
            assertThat(f.pickupCode()).isNotBlank();
            assertThat(f.units()).containsExactly(LineQuantity.of(L1, 3));
        });
        assertThat(inventory.position(LAMP, EAST).allocated()).isZero();
        assertThat(inventory.position(LAMP, STORE).allocated()).isEqualTo(3);
        assertThat(changed.get().units(UnitState.ALLOCATED)).isEqualTo(3);
        assertThat(sourcing.historyOf(order.id()).attempts()).isZero();

        Order again = oms.customerService().changeDelivery(order.id(), AGENT,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null), "to-store-1").get();
        assertThat(again).isEqualTo(oms.order(order.id()).orElseThrow());
        assertThat(live(order.id())).hasSize(1);
    }

    @Test
    void click_and_collect_at_a_store_without_the_lamps_is_refused_and_nothing_changes() {
        start(RuleSet.builder("home").filter(new MaxDistanceFilter(100))
                .cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.10, 0.01)))).build());
        Order order = placeAndSource("WEB-7", 3);
        Fulfilment before = live(order.id()).get(0);

        CustomerService.Acted<Order> changed = oms.customerService().changeDelivery(order.id(), AGENT,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null), "to-store-2");

        assertThat(changed.refused()).isTrue();
        assertThat(changed.verdict().rule()).isEqualTo(CustomerService.DELIVERY_CHANGE_SOURCEABLE);
        assertThat(oms.order(order.id()).orElseThrow()).isEqualTo(order);
        assertThat(oms.fulfilments().get(before.id())).isEqualTo(before);
        assertThat(inventory.position(LAMP, EAST).allocated()).isEqualTo(3);
    }

    @Test
    void a_pickup_store_outside_the_network_is_named_and_nothing_changes() {
        start(cheapestShipping());
        Order order = placeAndSource("WEB-8", 1);

        assertThatThrownBy(() -> oms.customerService().changeDelivery(order.id(), AGENT,
                DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("ST-NOWHERE"), null), "k"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("delivery.pickupStore")
                .hasMessageContaining("ST-NOWHERE").hasMessageContaining("must be a location of the network");
        assertThat(oms.order(order.id()).orElseThrow()).isEqualTo(order);
    }
}
