package io.omskit.testkit.workflow;

import io.omskit.core.order.ReshipReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CustomerService;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.Reshipment;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Re-shipping a lost parcel while the adapters fail: a web order of 3 lamps at 40.00 shipped from the warehouse (20 on
 * hand, 17 after; 120.00 captured). Each fault before or after one call of the inventory, the order repository or the
 * fulfilment repository is finished by a retry with the same key, exactly once; and over random sequences of
 * re-shipments and their steps with random faults, the money captured never changes and every lamp is accounted for.
 */
class ReshipFaultProperties {

    private static final Sku LAMP = Sku.of("LAMP");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LineId LINE = LineId.of("L1");
    private static final int ON_HAND = 20;
    private static final int PARCEL = 3;
    private static final Set<FulfilmentStatus> HOLDING = EnumSet.of(FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED,
            FulfilmentStatus.PICKING, FulfilmentStatus.READY_TO_SHIP);
    private static final Set<FulfilmentStatus> GONE = EnumSet.of(FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED);

    /** One world: the adapters behind faults, the order shipped, and what it looked like then. */
    private static final class World {
        final FaultPlan faults;
        final InMemoryInventoryStore inventory;
        final InMemoryOrderRepository orders = new InMemoryOrderRepository();
        final FakePaymentGateway payments = new FakePaymentGateway();
        final Oms oms;
        final Order shipped;
        final FulfilmentId parcel;
        final long paymentCalls;

        World(long seed) {
            ContractClock clock = new ContractClock(Instant.parse("2026-06-01T10:00:00Z"));
            faults = FaultPlan.seeded(seed);
            inventory = InMemoryInventoryStore.builder().clock(clock).build();
            Network network = Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(50.0, 8.0)).build()));
            InMemoryCatalog catalog = new InMemoryCatalog()
                    .put(SkuAttributes.of(LAMP, "Lamp", "home", 1200, Dimensions.ofMillimetres(300, 300, 500), true));
            oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).orders(faults.orders(orders))
                    .fulfilments(faults.fulfilments(new InMemoryFulfilmentRepository())).inventory(faults.inventory(inventory))
                    .payments(payments).events(new RecordingEventPublisher()).build();
            inventory.adjust(StockAdjustment.of("r-1", LAMP, WH, MovementReason.RECEIPT, ON_HAND, "po"));
            Order placed = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("W-1").customer("c-1")
                    .currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("A. Customer", "1 Main Street", null, "Town", "12345", "DE", GeoPoint.of(50.0, 8.1)),
                            null)).line("L1", "LAMP", PARCEL, org.joda.money.Money.parse("EUR 40.00")).build()).order();
            oms.allocate(placed.id(), "W-1-WH", WH, List.of(LineQuantity.of(LINE, PARCEL)));
            parcel = FulfilmentId.of("W-1-WH");
            oms.fulfilments().accept(parcel);
            oms.fulfilments().startPicking(parcel);
            oms.fulfilments().pack(parcel);
            oms.fulfilments().ship(parcel, ShipmentDetails.of("parcel-1", "DHL", "T-1"));
            shipped = oms.order(placed.id()).orElseThrow();
            paymentCalls = payments.calls().size();
        }

        /** Calls {@code command} until it answers, the faults left on for two attempts. */
        <T> T retried(Supplier<T> command) {
            RuntimeException last = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    return command.get();
                } catch (RuntimeException failed) {
                    last = failed;
                    if (attempt >= 2) {
                        faults.off();
                    }
                }
            }
            throw new AssertionError("the command never finished", last);
        }

        List<Fulfilment> reshipments() {
            return oms.fulfilments().forOrder(shipped.id()).stream().filter(Fulfilment::reshipsParcel).toList();
        }

        long writeOffs() {
            return inventory.movements(LAMP, WH).stream().filter(m -> m.reason() == MovementReason.SHIPMENT_WRITE_OFF)
                    .mapToInt(m -> m.quantity()).sum();
        }

        long reshippedEvents() {
            return orders.history(shipped.id()).stream().filter(e -> e instanceof OrderEvent.OrderParcelReshipped).count();
        }

        /** The money and the order's quantities as they were; every lamp on hand, held, gone or written off once. */
        void check(String when) {
            Order order = oms.order(shipped.id()).orElseThrow();
            assertThat(order.lines()).as(when + ": quantities").extracting(l -> l.quantity())
                    .isEqualTo(shipped.lines().stream().map(l -> l.quantity()).toList());
            assertThat(order.total()).as(when).isEqualTo(shipped.total());
            assertThat(order.payment().captured()).as(when + ": captured").isEqualTo(shipped.payment().captured());
            assertThat(payments.calls().stream().filter(c -> c.kind() == PaymentRequest.Kind.CAPTURE).count())
                    .as(when + ": capture calls").isEqualTo(1);
            int held = 0;
            int gone = 0;
            int live = 0;
            for (Fulfilment r : reshipments()) {
                if (HOLDING.contains(r.status())) {
                    held += r.quantity();
                }
                if (GONE.contains(r.status())) {
                    gone += r.quantity();
                }
                if (HOLDING.contains(r.status()) || GONE.contains(r.status())) {
                    live += r.quantity();
                }
            }
            StockPosition at = inventory.position(LAMP, WH);
            assertThat(at.onHand()).as(when + ": on hand").isEqualTo(ON_HAND - PARCEL - gone);
            assertThat(at.allocated()).as(when + ": allocated").isEqualTo(held);
            assertThat(live).as(when + ": a unit is re-shipped once").isLessThanOrEqualTo(PARCEL);
            assertThat(writeOffs()).as(when + ": written off").isBetween((long) live, (long) PARCEL);
            assertThat(reshippedEvents()).as(when + ": each re-shipment recorded once").isEqualTo(reshipments().size());
            assertThat(inventory.heldFor(shipped.id().value()).allocations()).as(when + ": nothing left held for the order")
                    .isEmpty();
        }
    }

    @Provide
    Arbitrary<String> calls() {
        return Arbitraries.of("allocate", "findAllocation", "saveFulfilment", "findFulfilment", "fulfilmentsForOrder", "save",
                "find", "adjust", "history", "ship", "deallocate");
    }

    @Property(tries = 80)
    void a_fault_before_or_after_any_call_is_finished_by_a_retry_with_the_same_key_exactly_once(
            @ForAll("calls") String call, @ForAll FaultPlan.Point point, @ForAll @IntRange(min = 1, max = 3) int nth) {
        World w = new World(nth);
        Actor agent = Actor.agent("agent-1");
        w.faults.failNth(call, nth, point);

        Fulfilment replacement = w.retried(() -> w.oms.customerService().reship(w.shipped.id(), w.parcel, List.of(),
                ReshipReason.LOST, agent, "ticket-1")).get();
        Fulfilment again = w.retried(() -> w.oms.customerService().reship(w.shipped.id(), w.parcel, List.of(),
                ReshipReason.LOST, agent, "ticket-1")).get();

        String when = call + " " + point + " #" + nth;
        assertThat(again.id()).isEqualTo(replacement.id());
        assertThat(w.reshipments()).as(when).singleElement().satisfies(r -> assertThat(r.units())
                .containsExactly(LineQuantity.of(LINE, PARCEL)));
        assertThat(w.writeOffs()).as(when).isEqualTo(PARCEL);
        w.check(when + ", reshipped");
        FulfilmentId id = replacement.id();
        w.retried(() -> w.oms.fulfilments().accept(id));
        w.retried(() -> w.oms.fulfilments().startPicking(id));
        w.retried(() -> w.oms.fulfilments().pack(id));
        w.retried(() -> w.oms.fulfilments().ship(id, ShipmentDetails.of("again-1", "DHL", "T-2")));
        w.check(when + ", shipped again");
        w.retried(() -> w.oms.fulfilments().deliver(id, "signed"));
        w.faults.off();
        w.retried(() -> w.oms.fulfilments().sync(w.shipped.id()));

        w.check(when + ", delivered");
        Order after = w.oms.order(w.shipped.id()).orElseThrow();
        assertThat(after.status()).as(when).isEqualTo(OrderStatus.DELIVERED);
        assertThat(w.inventory.position(LAMP, WH).onHand()).as(when).isEqualTo(ON_HAND - 2 * PARCEL);
    }

    /** An agent's request, or a step of one of the re-shipments. */
    record Action(int kind, int units, int key, int target) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, PARCEL),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5)).as(Action::new)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void money_captured_never_changes_and_every_unit_is_accounted_for(@ForAll("actions") List<Action> actions,
                                                                      @ForAll long seed) {
        World w = new World(seed);
        Actor agent = Actor.agent("agent-1");
        List<String> story = new ArrayList<>();
        int n = 0;
        for (Action a : actions) {
            String what;
            if (a.kind() <= 1) {
                // a key names one request: the same key always asks the same
                String key = "ticket-" + a.key();
                List<LineQuantity> units = List.of(LineQuantity.of(LINE, 1 + a.key() % PARCEL));
                ReshipReason reason = a.key() % 2 == 0 ? ReshipReason.LOST : ReshipReason.DAMAGED;
                w.faults.failWith(0.2);
                CustomerService.Acted<Fulfilment> acted = w.retried(() -> w.oms.customerService().reship(w.shipped.id(),
                        w.parcel, units, reason, agent, key));
                what = "reship " + key + " " + units + " -> " + (acted.refused() ? acted.verdict().rule() : acted.get().id());
            } else {
                List<Fulfilment> all = w.reshipments();
                if (all.isEmpty()) {
                    continue;
                }
                Fulfilment r = all.get(a.target() % all.size());
                FulfilmentId id = r.id();
                String task = "task-" + n++;
                Supplier<Fulfilment> step = switch (r.status()) {
                    case OFFERED -> a.kind() == 3 ? () -> w.oms.fulfilments().reject(id, r.units(), "none left", task)
                            : () -> w.oms.fulfilments().accept(id);
                    case ACCEPTED -> () -> w.oms.fulfilments().startPicking(id);
                    case PICKING -> a.kind() == 3 ? () -> w.oms.fulfilments().reject(id, r.units(), "not found", task)
                            : () -> w.oms.fulfilments().pack(id);
                    case READY_TO_SHIP -> () -> w.oms.fulfilments().ship(id, ShipmentDetails.of("again-" + id, "DHL", ""));
                    case SHIPPED -> () -> w.oms.fulfilments().deliver(id, "signed");
                    default -> null;
                };
                if (step == null) {
                    continue;
                }
                w.faults.failWith(0.2);
                w.retried(step);
                what = "step " + r.status() + " of " + id;
            }
            w.faults.off();
            story.add(what);
            w.check(String.join("; ", story) + " (faults " + w.faults.injectedByCall() + ")");
        }
    }
}
