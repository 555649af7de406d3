package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeliveryResourcing}. Extend it with one factory method giving a resourcing that plans on the
 * network, live stock and catalog it is handed:
 * <pre>{@code
 * class MyResourcingContractTest extends DeliveryResourcingContract {
 *     protected DeliveryResourcing newResourcing(Network network, InventoryStore inventory, Catalog catalog, Clock clock) {
 *         return new MyResourcing(network, inventory, catalog, clock);
 *     }
 * }
 * }</pre>
 * The world: two warehouses 290 km apart, {@code WH-WEST} at longitude 8 and {@code WH-EAST} at 12, and a store
 * between them, {@code ST-MID}, that stocks nothing; lamps and shades, and a reading set bundling one lamp and two
 * shades. The orders are home deliveries by standard delivery beside {@code WH-EAST}, their units held there by
 * allocations in the inventory. Each test's display name starts with the clause it checks.
 */
public abstract class DeliveryResourcingContract {

    /** A new resourcing planning on {@code network}, the live stock of {@code inventory} and {@code catalog}'s bundles. */
    protected abstract DeliveryResourcing newResourcing(Network network, InventoryStore inventory, Catalog catalog,
                                                        Clock clock);

    protected static final Sku LAMP = Sku.of("LAMP");
    protected static final Sku SHADE = Sku.of("SHADE");
    protected static final Sku READING_SET = Sku.of("READING-SET");
    protected static final LocationId WEST = LocationId.of("WH-WEST");
    protected static final LocationId EAST = LocationId.of("WH-EAST");
    protected static final LocationId MID = LocationId.of("ST-MID");
    private static final LineId L1 = LineId.of("L1");
    private static final Instant NOW = Instant.parse("2030-06-03T10:00:00Z");
    private static final DeliveryWindow PROMISED = new DeliveryWindow(NOW.plusSeconds(86_400), NOW.plusSeconds(3 * 86_400));

    protected final Network network = Network.of(List.of(
            Location.builder(WEST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 8.0)).build(),
            Location.builder(EAST, LocationType.WAREHOUSE, GeoPoint.of(50.0, 12.0)).build(),
            Location.builder(MID, LocationType.STORE, GeoPoint.of(50.0, 10.0)).build()));
    protected final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(LAMP, "Lamp", "home", 1200, Dimensions.ofMillimetres(300, 300, 500), true))
            .put(SkuAttributes.of(SHADE, "Shade", "home", 300, Dimensions.ofMillimetres(300, 300, 200), true))
            .put(new SkuAttributes(READING_SET, "Reading set", "home", 1800, Dimensions.ofMillimetres(400, 400, 600), true,
                    List.of(new BundleComponent(LAMP, 1), new BundleComponent(SHADE, 2))));
    protected ContractClock clock;
    protected InventoryStore inventory;
    protected DeliveryResourcing resourcing;
    private final AtomicInteger keys = new AtomicInteger();

    /** The inventory the resourcing reads; by default a new in-memory store. Override to plan on the host's store. */
    protected InventoryStore newInventory(Clock clock) {
        return InMemoryInventoryStore.builder().clock(clock).build();
    }

    @BeforeEach
    void createWorld() {
        clock = new ContractClock(NOW);
        inventory = newInventory(clock);
        for (LocationId warehouse : List.of(WEST, EAST)) {
            for (Sku sku : List.of(LAMP, SHADE)) {
                assertThat(inventory.adjust(StockAdjustment.of("receipt-" + sku.value() + "-" + warehouse.value(), sku,
                        warehouse, MovementReason.RECEIPT, 10, "po")).isApplied()).isTrue();
            }
        }
        resourcing = newResourcing(network, inventory, catalog, clock);
    }

    private static Address livingAt(double longitude) {
        return new Address("A. Customer", "1 Main Street", null, "Town", "12345", "DE", GeoPoint.of(50.0, longitude));
    }

    private static DeliveryChoice homeAt(double longitude) {
        return DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, livingAt(longitude), PROMISED);
    }

    /** A placed order of {@code quantity} of {@code sku} on line L1, delivered beside WH-EAST. */
    private Order order(Sku sku, int quantity) {
        PlaceOrderRequest request = PlaceOrderRequest.builder().channel(Channel.WEB)
                .externalRef("WEB-" + keys.incrementAndGet()).customer("c-1").currency("EUR").delivery(homeAt(12.1))
                .line("L1", sku.value(), quantity, Money.of(CurrencyUnit.EUR, 40)).paymentRef("tok").build();
        return Order.place(OrderId.of("contract-order-" + keys.incrementAndGet()), request, NOW).state();
    }

    /** Allocates {@code quantity} of {@code sku} at {@code location}, as a fulfilment holding them does. */
    private void hold(Sku sku, LocationId location, int quantity) {
        if (quantity == 0) {
            return;
        }
        String key = "held-" + keys.incrementAndGet();
        assertThat(inventory.allocate(new AllocationRequest(AllocationKey.of(key), key,
                List.of(AllocationLine.of(sku, location, quantity)), null)).isAllocated()).isTrue();
    }

    /** Allocates every free unit of the warehouses, as other orders would. */
    private void sellOutTheRest() {
        for (LocationId warehouse : List.of(WEST, EAST)) {
            for (Sku sku : List.of(LAMP, SHADE)) {
                hold(sku, warehouse, inventory.position(sku, warehouse).availableToSell());
            }
        }
    }

    private Map<String, StockPosition> positions() {
        Map<String, StockPosition> all = new HashMap<>();
        for (LocationId location : List.of(WEST, EAST, MID)) {
            for (Sku sku : List.of(LAMP, SHADE)) {
                all.put(sku.value() + "@" + location.value(), inventory.position(sku, location));
            }
        }
        return all;
    }

    private static Map<LineId, Integer> unitsPerLine(Map<LocationId, List<LineQuantity>> placement) {
        Map<LineId, Integer> units = new HashMap<>();
        placement.values().forEach(qs -> qs.forEach(q -> units.merge(q.line(), q.quantity(), Integer::sum)));
        return units;
    }

    @Test
    @DisplayName("DeliveryResourcing §1: every held unit is placed at a location of the network, each line as many as"
            + " held")
    void places_every_held_unit() {
        Order order = order(LAMP, 3);
        hold(LAMP, EAST, 3);

        DeliveryReplan replan = resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 3))), true);

        assertThat(replan.isRefused()).as(replan.refusal()).isFalse();
        assertThat(unitsPerLine(replan.placement())).isEqualTo(Map.of(L1, 3));
        assertThat(replan.placement().keySet()).allSatisfy(l -> assertThat(network.find(l)).isPresent());
    }

    @Test
    @DisplayName("DeliveryResourcing §2: it only plans: no stock position changes")
    void only_plans() {
        Order order = order(LAMP, 3);
        hold(LAMP, EAST, 3);
        Map<String, StockPosition> before = positions();

        resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 3))), true);
        resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 3))), false);

        assertThat(positions()).isEqualTo(before);
    }

    @Test
    @DisplayName("DeliveryResourcing §3: when the units may stay, the units held count as available where they are:"
            + " with no free stock anywhere they are placed there")
    void held_units_may_stay() {
        Order order = order(LAMP, 3);
        hold(LAMP, EAST, 3);
        sellOutTheRest();

        DeliveryReplan replan = resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 3))), true);

        assertThat(replan.isRefused()).as(replan.refusal()).isFalse();
        assertThat(replan.placement()).isEqualTo(Map.of(EAST, List.of(LineQuantity.of(L1, 3))));
    }

    @Test
    @DisplayName("DeliveryResourcing §4: when every fulfilment is made anew, only free stock counts: with none, a"
            + " refusal with a reason and no placement, not an exception")
    void made_anew_draws_on_free_stock_only() {
        Order order = order(LAMP, 3);
        hold(LAMP, EAST, 3);
        sellOutTheRest();

        DeliveryReplan replan = resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 3))),
                false);

        assertThat(replan.isRefused()).isTrue();
        assertThat(replan.refusal()).isNotBlank();
        assertThat(replan.placement()).isEmpty();
    }

    @Test
    @DisplayName("DeliveryResourcing §4: when free stock covers them, units made anew are placed on it")
    void made_anew_with_free_stock_is_placed() {
        Order order = order(LAMP, 3);
        hold(LAMP, EAST, 3);
        hold(LAMP, EAST, 7);

        DeliveryReplan replan = resourcing.replan(order, homeAt(12.1), Map.of(EAST, List.of(LineQuantity.of(L1, 3))),
                false);

        assertThat(replan.isRefused()).as(replan.refusal()).isFalse();
        assertThat(replan.placement()).isEqualTo(Map.of(WEST, List.of(LineQuantity.of(L1, 3))));
    }

    @Test
    @DisplayName("DeliveryResourcing §5: a bundle line is placed in whole bundles, counted in the line's units")
    void bundles_are_placed_whole() {
        Order order = order(READING_SET, 2);
        hold(LAMP, EAST, 2);
        hold(SHADE, EAST, 4);

        DeliveryReplan replan = resourcing.replan(order, homeAt(7.9), Map.of(EAST, List.of(LineQuantity.of(L1, 2))), true);

        assertThat(replan.isRefused()).as(replan.refusal()).isFalse();
        assertThat(unitsPerLine(replan.placement())).isEqualTo(Map.of(L1, 2));
    }

    @Test
    @DisplayName("DeliveryResourcing §6: nothing held is nothing to place: placed, with an empty placement")
    void nothing_held_nothing_placed() {
        DeliveryReplan replan = resourcing.replan(order(LAMP, 3), homeAt(7.9), Map.of(), true);

        assertThat(replan.isRefused()).isFalse();
        assertThat(replan.placement()).isEmpty();
    }

    @Test
    @DisplayName("DeliveryResourcing §7: held units naming a line the order does not have are an IllegalArgumentException"
            + " naming the line")
    void unknown_line_is_refused_as_bad_input() {
        Order order = order(LAMP, 3);

        assertThatThrownBy(() -> resourcing.replan(order, homeAt(7.9),
                Map.of(EAST, List.of(LineQuantity.of(LineId.of("L9"), 1))), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L9");
    }

    @Test
    @DisplayName("DeliveryResourcing §8: 8 threads replanning orders at once each get every unit placed")
    void concurrent_replans() throws Exception {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(order(LAMP, 1));
            hold(LAMP, EAST, 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<DeliveryReplan>>> futures = new ArrayList<>();
            for (Order order : orders) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<DeliveryReplan> replans = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        replans.add(resourcing.replan(order, homeAt(7.9 + i * 0.1),
                                Map.of(EAST, List.of(LineQuantity.of(L1, 1))), i % 2 == 0));
                    }
                    return replans;
                }));
            }
            start.countDown();
            for (Future<List<DeliveryReplan>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).allSatisfy(r -> {
                    assertThat(r.isRefused()).as(r.refusal()).isFalse();
                    assertThat(unitsPerLine(r.placement())).isEqualTo(Map.of(L1, 1));
                });
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
