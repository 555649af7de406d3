package io.omskit.core.workflow;

import io.omskit.core.order.ReshipReason;
import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.Oms;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.Reshipment;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.spi.DeliveryReplan;
import io.omskit.core.spi.PaymentRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Making good a lost or damaged parcel: an agent has the parcel's units shipped again as a new fulfilment, at no
 * charge. A web order of 3 mugs at 10.00 ships from the warehouse (50 mugs on hand before, 47 after; 30.00 captured);
 * the re-shipment takes 3 more mugs when it ships (44), captures nothing, leaves the order's lines and totals as they
 * were, and its delivery delivers the order.
 */
class ReshipLostParcelTest {

    private static final LineId LINE = LineId.of("1");

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 50).stock(MUG, STORE, 5);
    private final Actor agent = Actor.agent("agent-7");
    private final CustomerService cs = f.oms.customerService();

    private FulfilmentId shipped(String ref, int mugs) {
        FulfilmentId parcel = f.packedParcel(ref, mugs);
        f.oms.fulfilments().ship(parcel, ShipmentDetails.of("parcel-" + ref, "DHL", "TRACK-" + ref));
        return parcel;
    }

    private Order order(FulfilmentId parcel) {
        return f.oms.order(f.oms.fulfilments().get(parcel).orderId()).orElseThrow();
    }

    private long paymentCalls() {
        return f.payments.calls().stream().filter(c -> c.kind() != PaymentRequest.Kind.AUTHORISE).count();
    }

    private Fulfilment walk(Fulfilment replacement) {
        FulfilmentId id = replacement.id();
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        f.oms.fulfilments().pack(id);
        return f.oms.fulfilments().ship(id, ShipmentDetails.of("again-" + id, "DHL", "TRACK-AGAIN"));
    }

    private List<StockMovement> writeOffs() {
        return f.inventory.movements(MUG, WH).stream().filter(m -> m.reason() == MovementReason.SHIPMENT_WRITE_OFF).toList();
    }

    @Test
    void an_agent_reships_a_lost_parcel_at_no_charge_and_its_delivery_delivers_the_order() {
        FulfilmentId parcel = shipped("r-1", 3);
        Order before = order(parcel);
        assertThat(before.payment().captured()).isEqualTo(eur(30));
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(47);
        long paymentCallsBefore = paymentCalls();

        Acted<Fulfilment> acted = cs.reship(before.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-1");

        Fulfilment replacement = acted.get();
        assertThat(replacement.reshipsParcel()).isTrue();
        assertThat(replacement.reshipment().original()).isEqualTo(parcel);
        assertThat(replacement.status()).isEqualTo(FulfilmentStatus.OFFERED);
        assertThat(replacement.location()).as("no sourcing configured: the parcel's location").isEqualTo(WH);
        assertThat(replacement.units()).containsExactly(LineQuantity.of(LINE, 3));
        assertThat(f.inventory.position(MUG, WH).allocated()).as("held for the re-shipment").isEqualTo(3);
        assertThat(f.inventory.position(MUG, WH).onHand()).as("the lost units are not taken off twice").isEqualTo(47);
        assertThat(writeOffs()).as("one per unit of the parcel").hasSize(3).allSatisfy(m -> {
            assertThat(m.quantity()).isEqualTo(1);
            assertThat(m.onHandDelta()).isZero();
            assertThat(m.reference()).contains(before.id().value()).contains(parcel.value());
        });
        Order recorded = order(parcel);
        assertThat(recorded.lines()).isEqualTo(before.lines());
        assertThat(recorded.total()).isEqualTo(before.total());
        assertThat(recorded.payment()).isEqualTo(before.payment());
        assertThat(cs.timeline(before.id()).ofKind("order.parcel-reshipped")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.reason()).isEqualTo("LOST");
            assertThat(e.text()).contains(parcel.value()).contains("3 of line 1").contains(replacement.id().value());
        });

        walk(replacement);
        assertThat(f.inventory.position(MUG, WH).onHand()).as("the units sent again leave once").isEqualTo(44);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(order(parcel).status()).isEqualTo(OrderStatus.SHIPPED);
        f.oms.fulfilments().deliver(replacement.id(), "signed by A. Person");

        Order after = order(parcel);
        assertThat(after.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(after.lines().get(0).units().delivered()).isEqualTo(3);
        assertThat(after.lines().get(0).quantity()).isEqualTo(3);
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.payment().captured()).as("nothing captured for the re-shipment").isEqualTo(eur(30));
        assertThat(paymentCalls()).isEqualTo(paymentCallsBefore);
        assertThat(f.events.events(OrderEvent.OrderParcelReshipped.class)).singleElement()
                .satisfies(e -> assertThat(e.replacement()).isEqualTo(replacement.id().value()));
    }

    @Test
    void a_damaged_delivered_parcel_is_made_good_in_part_and_the_order_stays_delivered() {
        FulfilmentId parcel = shipped("r-2", 3);
        f.oms.fulfilments().deliver(parcel, "left at the door");
        Order before = order(parcel);

        Fulfilment replacement = cs.reship(before.id(), parcel, List.of(LineQuantity.of(LINE, 1)), ReshipReason.DAMAGED,
                agent, "ticket-2").get();
        walk(replacement);
        f.oms.fulfilments().deliver(replacement.id(), "");

        Order after = order(parcel);
        assertThat(after.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(after.lines()).isEqualTo(before.lines());
        assertThat(after.payment()).isEqualTo(before.payment());
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(46);
        assertThat(writeOffs()).singleElement().satisfies(m -> assertThat(m.reference()).contains(parcel.value()));
        assertThat(f.inventory.position(MUG, WH).onHand()).as("only the unit sent again left on hand").isEqualTo(46);
    }

    @Test
    void a_retry_with_the_same_key_answers_the_same_reshipment_and_another_request_for_the_same_units_is_refused() {
        FulfilmentId parcel = shipped("r-3", 3);
        Order order = order(parcel);
        Fulfilment first = cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 2)), ReshipReason.LOST, agent,
                "ticket-3").get();

        Fulfilment again = cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 2)), ReshipReason.LOST, agent,
                "ticket-3").get();
        Acted<Fulfilment> other = cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 2)), ReshipReason.LOST,
                agent, "ticket-4");

        assertThat(again).isEqualTo(first);
        assertThat(other.verdict().rule()).isEqualTo(CustomerService.RESHIP_ONCE_PER_UNIT);
        assertThat(other.verdict().reason()).contains("2 re-shipped already").contains("2 asked");
        assertThat(cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 1)), ReshipReason.LOST, agent, "ticket-5")
                .refused()).as("the third unit is still the parcel's to make good").isFalse();
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(3);
        assertThat(writeOffs()).extracting(StockMovement::quantity).containsExactly(1, 1, 1);
        assertThat(f.events.events(OrderEvent.OrderParcelReshipped.class)).hasSize(2);
        assertThatThrownBy(() -> cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 1)), ReshipReason.LOST,
                agent, "ticket-3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticket-3")
                .hasMessageContaining("was used for");
    }

    @Test
    void a_parcel_not_shipped_yet_is_not_reshipped() {
        FulfilmentId packed = f.packedParcel("r-4", 2);
        Order order = order(packed);

        Acted<Fulfilment> acted = cs.reship(order.id(), packed, List.of(), ReshipReason.LOST, agent, "ticket-6");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.RESHIP_SHIPPED_PARCEL);
        assertThat(acted.verdict().reason()).contains("READY_TO_SHIP");
        assertThat(f.oms.fulfilments().forOrder(order.id())).hasSize(1);
        assertThat(order(packed)).isEqualTo(order);
    }

    @Test
    void more_units_than_the_parcel_held_or_a_line_it_did_not_hold_are_bad_input_and_change_nothing() {
        FulfilmentId parcel = shipped("r-5", 2);
        Order order = order(parcel);

        assertThatThrownBy(() -> cs.reship(order.id(), parcel, List.of(LineQuantity.of(LINE, 3)), ReshipReason.LOST,
                agent, "ticket-7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 must be <= the 2 unit(s)").hasMessageContaining("was 3");
        assertThatThrownBy(() -> cs.reship(order.id(), parcel, List.of(LineQuantity.of(LineId.of("9"), 1)),
                ReshipReason.LOST, agent, "ticket-8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 9 must be <= the 0 unit(s)");
        assertThatThrownBy(() -> cs.reship(order.id(), FulfilmentId.of("nope"), List.of(), ReshipReason.LOST, agent,
                "ticket-9")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThat(order(parcel)).isEqualTo(order);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(writeOffs()).isEmpty();
    }

    @Test
    void customers_may_not_reship_and_store_associates_only_parcels_of_their_store() {
        FulfilmentId parcel = shipped("r-6", 1);
        Order order = order(parcel);

        Acted<Fulfilment> byCustomer = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                Actor.customer(CustomerRef.of("customer-1")), "self-1");
        Acted<Fulfilment> byStore = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                Actor.storeAssociate("sa-1", STORE), "store-1");
        Acted<Fulfilment> byWarehouse = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                Actor.storeAssociate("wh-1", WH), "wh-1");

        assertThat(byCustomer.verdict().rule()).isEqualTo(DefaultActionPolicy.STAFF_RESHIPS_ONLY);
        assertThat(byStore.verdict().rule()).isEqualTo(DefaultActionPolicy.OWN_STORE_ONLY);
        assertThat(byWarehouse.refused()).isFalse();
        assertThat(f.events.events(OrderEvent.OrderParcelReshipped.class)).hasSize(1);
    }

    @Test
    void without_the_stock_the_reshipment_is_refused_naming_the_shortage_and_nothing_changes() {
        FulfilmentId parcel = shipped("r-7", 3);
        Order order = order(parcel);
        f.inventory.adjust(io.omskit.core.inventory.StockAdjustment.of("count-1", MUG, WH, MovementReason.COUNT_LOSS, 46, "count"));

        Acted<Fulfilment> acted = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-10");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.RESHIP_STOCK_SHORT);
        assertThat(acted.verdict().reason()).contains("MUG");
        assertThat(f.oms.fulfilments().forOrder(order.id())).hasSize(1);
        assertThat(order(parcel)).isEqualTo(order);
        assertThat(writeOffs()).isEmpty();
    }

    @Test
    void a_rejected_reshipment_gives_its_stock_back_and_the_units_may_be_reshipped_again() {
        FulfilmentId parcel = shipped("r-8", 2);
        Order order = order(parcel);
        Fulfilment first = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-11").get();

        f.oms.fulfilments().reject(first.id(), first.units(), "shelf empty", "task-1");

        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(48);
        assertThat(order(parcel).lines()).isEqualTo(order.lines());
        Acted<Fulfilment> second = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-12");
        assertThat(second.refused()).isFalse();
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(2);
        assertThat(writeOffs()).as("the 2 lost units are written off once").hasSize(2);
    }

    @Test
    void with_a_sourcing_configured_the_reshipment_is_sent_from_where_it_plans_from_free_stock() {
        FulfilmentId parcel = shipped("r-9", 2);
        Order order = order(parcel);
        Oms sourced = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders)
                .inventory(f.inventory).fulfilments(f.fulfilments).carriers(f.carriers).payments(f.payments).events(f.events)
                .deliveryResourcing((o, delivery, held, mayStay) -> {
                    assertThat(mayStay).as("free stock only: the lost units are nowhere").isFalse();
                    assertThat(held).containsEntry(WH, List.of(LineQuantity.of(LINE, 2)));
                    return DeliveryReplan.placed(Map.of(STORE, List.of(LineQuantity.of(LINE, 2))), null);
                }).build();

        Fulfilment replacement = sourced.customerService().reship(order.id(), parcel, List.of(), ReshipReason.LOST,
                agent, "ticket-13").get();

        assertThat(replacement.location()).isEqualTo(STORE);
        assertThat(f.inventory.position(MUG, STORE).allocated()).isEqualTo(2);
        assertThat(writeOffs()).as("written off where the parcel left").hasSize(2);
    }

    @Test
    void the_customer_is_told_once_that_the_parcel_is_on_its_way_again() {
        io.omskit.core.inmemory.RecordingNotificationSender sender = new io.omskit.core.inmemory.RecordingNotificationSender();
        io.omskit.core.notification.Notifier notifier = io.omskit.core.notification.Notifier.builder(f.oms, sender,
                new io.omskit.core.inmemory.InMemoryNotificationLog()).build();
        f.events.subscribe(notifier::accept);
        FulfilmentId parcel = shipped("r-10", 2);
        Order order = order(parcel);

        Fulfilment replacement = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-14").get();
        cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-14");
        OrderEvent.OrderParcelReshipped event = f.events.events(OrderEvent.OrderParcelReshipped.class).get(0);
        notifier.accept(event);

        assertThat(sender.delivered(order.id())).filteredOn(n -> n.subject().kind()
                        == io.omskit.core.spi.NotificationSubject.Kind.PARCEL_RESHIPPED).singleElement()
                .satisfies(n -> {
                    assertThat(n.subject()).isEqualTo(io.omskit.core.spi.NotificationSubject.parcelReshipped(
                            replacement.id().value()));
                    assertThat(n.data()).containsEntry(io.omskit.core.notification.MessageData.RESHIPPED_PARCEL, parcel.value())
                            .containsEntry(io.omskit.core.notification.MessageData.RESHIP_REASON, "LOST")
                            .containsEntry(io.omskit.core.notification.MessageData.RESHIPPED_UNITS, "2 x 1");
                });
    }

    @Test
    void a_lost_parcel_that_turns_up_after_its_reshipment_was_delivered_is_delivered_too_and_nothing_moves_twice() {
        FulfilmentId parcel = shipped("r-11", 2);
        Order before = order(parcel);
        Fulfilment replacement = cs.reship(before.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-15").get();
        walk(replacement);
        f.oms.fulfilments().deliver(replacement.id(), "signed");

        Fulfilment found = f.oms.fulfilments().deliver(parcel, "the lost parcel arrived after all");

        assertThat(found.status()).isEqualTo(FulfilmentStatus.DELIVERED);
        Order after = order(parcel);
        assertThat(after.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(after.lines().get(0).units().delivered()).isEqualTo(2);
        assertThat(after.payment().captured()).isEqualTo(eur(20));
        assertThat(f.oms.fulfilments().sync(before.id()).payment()).isEqualTo(after.payment());
    }

    @Test
    void two_agents_reshipping_the_same_parcel_at_once_send_it_once() throws Exception {
        FulfilmentId parcel = shipped("r-12", 3);
        Order order = order(parcel);
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Acted<Fulfilment>>> calls = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            // half of them retry the same call (one key), the others are other agents' calls (their own keys)
            String key = t % 2 == 0 ? "ticket-shared" : "ticket-" + t;
            Actor who = Actor.agent("agent-" + t);
            calls.add(pool.submit(() -> {
                start.await();
                return cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, who, key);
            }));
        }
        start.countDown();
        List<Acted<Fulfilment>> answers = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Acted<Fulfilment>> c : calls) {
            answers.add(c.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> !a.refused()).map(a -> a.get().id()).distinct()).hasSize(1);
        assertThat(answers).filteredOn(Acted::refused)
                .allSatisfy(a -> assertThat(a.verdict().rule()).isEqualTo(CustomerService.RESHIP_ONCE_PER_UNIT));
        assertThat(f.oms.fulfilments().forOrder(order.id())).filteredOn(Fulfilment::reshipsParcel).hasSize(1);
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(3);
        assertThat(writeOffs()).hasSize(3);
        assertThat(f.events.events(OrderEvent.OrderParcelReshipped.class)).hasSize(1);
    }
    @Test
    void two_nodes_reshipping_the_same_parcel_at_once_under_their_own_keys_never_send_it_twice() throws Exception {
        // a second node on the same storage: its own locks, so only what the storage serialises keeps them apart
        Oms other = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .fulfilments(f.fulfilments).carriers(f.carriers).payments(f.payments).events(f.events).build();
        f.stock(MUG, WH, 400);
        int won = 0;
        for (int round = 0; round < 30; round++) {
            FulfilmentId parcel = shipped("race-" + round, 3);
            Order order = order(parcel);
            int allocatedBefore = f.inventory.position(MUG, WH).allocated();
            int writtenOffBefore = writeOffs().size();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<Acted<Fulfilment>>> calls = new java.util.ArrayList<>();
            int node = 0;
            for (Oms oms : List.of(f.oms, other)) {
                String key = "ticket-" + round + "-node-" + node++;
                calls.add(pool.submit(() -> {
                    start.await();
                    return oms.customerService().reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, key);
                }));
            }
            List<Acted<Fulfilment>> answers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Acted<Fulfilment>> c : calls) {
                answers.add(c.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();

            long winners = answers.stream().filter(a -> !a.refused()).count();
            won += (int) winners;
            assertThat(winners).as("round %d", round).isLessThanOrEqualTo(1);
            assertThat(answers).filteredOn(Acted::refused)
                    .allSatisfy(a -> assertThat(a.verdict().rule()).isEqualTo(CustomerService.RESHIP_ONCE_PER_UNIT));
            List<Fulfilment> live = f.oms.fulfilments().forOrder(order.id()).stream().filter(Fulfilment::reshipsParcel)
                    .filter(x -> x.status() != FulfilmentStatus.CANCELLED && x.status() != FulfilmentStatus.REJECTED).toList();
            assertThat(live).as("round %d: live re-shipments", round).hasSize((int) winners);
            assertThat(f.inventory.position(MUG, WH).allocated() - allocatedBefore).as("a loser's stock is given back")
                    .isEqualTo(3 * (int) winners);
            assertThat(writeOffs().size() - writtenOffBefore).as("the parcel written off once, by the winner").isEqualTo(3 * (int) winners);
            // both nodes publish to the one recorder: count events, not deliveries
            assertThat(f.events.events(OrderEvent.OrderParcelReshipped.class).stream().filter(e -> e.orderId().equals(order.id()))
                    .map(OrderEvent::eventId).distinct()).hasSize((int) winners);
            Order after = f.oms.order(order.id()).orElseThrow();
            assertThat(after.lines()).isEqualTo(order.lines());
            for (Acted<Fulfilment> a : answers) {
                if (a.refused()) {
                    String key = "ticket-" + round + "-node-" + answers.indexOf(a);
                    Acted<Fulfilment> again = (answers.indexOf(a) == 0 ? f.oms : other).customerService()
                            .reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, key);
                    assertThat(again.refused()).as("a loser's retry is refused again").isTrue();
                }
            }
        }
        assertThat(won).as("most rounds have a winner").isGreaterThan(0);
    }
    @Test
    void the_stock_of_a_reshipment_never_saved_and_never_retried_is_given_back_by_the_reconciliation_sweep() {
        FulfilmentId parcel = shipped("r-20", 2);
        Order order = order(parcel);
        int allocatedBefore = f.inventory.position(MUG, WH).allocated();
        java.util.concurrent.atomic.AtomicBoolean failNextSave = new java.util.concurrent.atomic.AtomicBoolean(true);
        io.omskit.core.spi.FulfilmentRepository failing = (io.omskit.core.spi.FulfilmentRepository) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.omskit.core.spi.FulfilmentRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("save") && failNextSave.getAndSet(false)) {
                        throw new io.omskit.core.spi.SpiException("fulfilment store unreachable", null, true);
                    }
                    try {
                        return method.invoke(f.fulfilments, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Oms flaky = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .fulfilments(failing).carriers(f.carriers).payments(f.payments).events(f.events).build();

        assertThatThrownBy(() -> flaky.customerService().reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent,
                "ticket-20")).isInstanceOf(io.omskit.core.spi.SpiException.class);
        assertThat(f.inventory.position(MUG, WH).allocated()).as("allocated, never saved").isEqualTo(allocatedBefore + 2);

        assertThat(f.oms.reconcileStock(java.time.Duration.ofMinutes(10), 50)).as("too young: may be a call in flight").isEmpty();
        f.clock.advance(java.time.Duration.ofMinutes(11));
        assertThat(f.oms.reconcileStock(java.time.Duration.ofMinutes(10), 50)).containsExactly(order.id());

        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(allocatedBefore);
        assertThat(f.oms.fulfilments().forOrder(order.id())).noneMatch(Fulfilment::reshipsParcel);
        assertThat(f.oms.reconcileStock(java.time.Duration.ofMinutes(10), 50)).as("nothing left").isEmpty();
        Acted<Fulfilment> later = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-21");
        assertThat(later.refused()).as("the parcel may still be re-shipped").isFalse();
        assertThat(f.oms.reconcileStock(java.time.Duration.ofMinutes(0), 50)).as("a saved re-shipment's stock is kept").isEmpty();
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(allocatedBefore + 2);
    }
    @Test
    void cancelling_an_order_whose_units_all_shipped_leaves_its_pending_reshipment_alone() {
        FulfilmentId parcel = shipped("r-30", 2);
        Order order = order(parcel);
        Fulfilment replacement = cs.reship(order.id(), parcel, List.of(), ReshipReason.LOST, agent, "ticket-30").get();
        int allocated = f.inventory.position(MUG, WH).allocated();

        assertThatThrownBy(() -> f.oms.cancelOrder(order.id(), io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST))
                .isInstanceOf(io.omskit.core.order.IllegalTransitionException.class);

        assertThat(f.oms.fulfilments().get(replacement.id()).status()).as("refused: nothing changed").isEqualTo(FulfilmentStatus.OFFERED);
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(allocated);
    }
}
