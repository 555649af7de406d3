package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.UnitState;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import io.omskit.orchestration.engine.staged.WhenNothing;
import io.omskit.orchestration.resourcing.ResourcingOutcome;
import io.omskit.orchestration.resourcing.ResourcingPolicy;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.result.UnsourcedDisposition;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * What staged routing rules decide for units they do not ship reaches the order through {@link OrderSourcing}: a wait
 * says until when (counted per stage, from when the order first reached it, across restarts), a cancel cancels, a
 * backorder says so.
 */
class RoutingRulesReachTheOrderTest {

    private static final class MovingClock extends Clock {
        private volatile Instant now = NOW;

        void moveTo(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final Network network = network(store("STORE", 0.1), warehouse("WH1", 2), warehouse("DROP", 4));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .put(SkuAttributes.of(sku("A"), "A", "c", 100, Dimensions.ofMillimetres(10, 10, 10), true));
    /** Orders kept in memory, whose next saves can be told to fail before or after writing. */
    private static final class FailingOrders implements io.omskit.core.spi.OrderRepository {
        private final InMemoryOrderRepository delegate = new InMemoryOrderRepository();
        private boolean armed;
        private boolean afterWriting;

        /** The next save fails, {@code after} writing or before. */
        void failNextSave(boolean after) {
            armed = true;
            afterWriting = after;
        }

        @Override
        public io.omskit.core.spi.SaveOutcome save(Order order) {
            if (armed && !afterWriting) {
                armed = false;
                throw new io.omskit.core.spi.SpiException("injected: save failed before writing", null);
            }
            io.omskit.core.spi.SaveOutcome out = delegate.save(order);
            if (armed) {
                armed = false;
                throw new io.omskit.core.spi.SpiException("injected: save failed after writing", null);
            }
            return out;
        }

        @Override
        public java.util.Optional<Order> find(OrderId id) {
            return delegate.find(id);
        }

        @Override
        public java.util.Optional<Order> findByExternalRef(Channel channel, io.omskit.core.order.ExternalOrderRef ref) {
            return delegate.findByExternalRef(channel, ref);
        }

        @Override
        public java.util.List<OrderId> findAwaitingConfirmation(int limit) {
            return delegate.findAwaitingConfirmation(limit);
        }

        @Override
        public io.omskit.core.spi.OrderPage search(io.omskit.core.spi.OrderQuery query) {
            return delegate.search(query);
        }

        @Override
        public java.util.List<io.omskit.core.order.OrderEvent> history(OrderId id) {
            return delegate.history(id);
        }
    }

    private final FailingOrders orders = new FailingOrders();
    private final FakePaymentGateway payments = new FakePaymentGateway();
    private final Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
            .orders(orders).payments(payments).build();
    private final SourcingEngine optimiser = SourcingEngine.builder().network(network).clock(clock).inventory(inventory)
            .catalog(catalog).rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build();

    private final Stage offerStore = Stage.named("offer-store").locationTypes(LocationType.STORE)
            .split(StageSplit.none()).whenNothing(WhenNothing.waitFor(Duration.ofHours(2))).build();
    // WH1 is about 222 km away, DROP about 444 km
    private final Stage offerWarehouse = Stage.named("offer-warehouse").locationTypes(LocationType.WAREHOUSE)
            .maxKm(300).split(StageSplit.none()).whenNothing(WhenNothing.waitFor(Duration.ofHours(1))).build();
    private final Stage dropShip = Stage.named("any-warehouse").locationTypes(LocationType.WAREHOUSE)
            .split(StageSplit.none()).whenNothing(WhenNothing.backorder()).build();

    private OrderSourcing sourcing(Stage... stages) {
        StagedEngine.Builder b = StagedEngine.builder("merchant-rules", optimiser);
        for (Stage s : stages) {
            b.stage(s);
        }
        return new OrderSourcing(oms, optimiser.routedBy(b.build()));
    }

    private OrderId place(String ref) {
        return place(ref, 2);
    }

    private OrderId place(String ref, int units) {
        return oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c")
                .currency("EUR").delivery(home()).line("L1", "A", units, Money.of(CurrencyUnit.EUR, 10))
                .paymentRef("tok").build()).order().id();
    }

    private final Stage storeAnyOfIt = Stage.named("store-any-of-it").locationTypes(LocationType.STORE)
            .split(StageSplit.none()).shipWhatItFinds().build();

    private Order order(OrderId id) {
        return oms.order(id).orElseThrow();
    }

    @Test
    void each_waiting_stage_counts_its_wait_from_when_the_order_reached_it_even_after_a_restart() {
        inventory.load(sku("A"), id("DROP"), 5);
        OrderId id = place("W-1");

        SourcingResult first = sourcing(offerStore, offerWarehouse, dropShip).source(id);
        assertThat(first).isInstanceOf(SourcingResult.NothingAllocated.class);
        assertThat(first.unsourced().action()).isEqualTo(UnsourcedDisposition.Action.WAIT);
        assertThat(first.unsourced().step()).isEqualTo("offer-store");
        assertThat(first.retryAt()).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(order(id).units(UnitState.ALLOCATED)).isZero();

        // asked again meanwhile, by a new engine (a restart): the store's wait still ends two hours after placement
        clock.moveTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(sourcing(offerStore, offerWarehouse, dropShip).source(id).retryAt())
                .contains(NOW.plus(Duration.ofHours(2)));

        // the store's wait is over, late: the warehouse gets its full hour from now, not from placement
        Instant reachedWarehouse = NOW.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(40));
        clock.moveTo(reachedWarehouse);
        SourcingResult second = sourcing(offerStore, offerWarehouse, dropShip).source(id);
        assertThat(second.unsourced().step()).isEqualTo("offer-warehouse");
        assertThat(second.unsourced().waitingSince()).isEqualTo(reachedWarehouse);
        assertThat(second.retryAt()).contains(reachedWarehouse.plus(Duration.ofHours(1)));

        clock.moveTo(reachedWarehouse.plus(Duration.ofMinutes(59)));
        assertThat(sourcing(offerStore, offerWarehouse, dropShip).source(id).retryAt())
                .contains(reachedWarehouse.plus(Duration.ofHours(1)));

        clock.moveTo(reachedWarehouse.plus(Duration.ofHours(1)));
        SourcingResult third = sourcing(offerStore, offerWarehouse, dropShip).source(id);
        assertThat(third).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(((SourcingResult.Allocated) third).plan().fulfilments()).extracting(f -> f.location())
                .containsExactly(id("DROP"));
        assertThat(order(id).units(UnitState.ALLOCATED)).isEqualTo(2);
    }

    @Test
    void a_stage_that_cancels_cancels_the_order_and_voids_its_payment_naming_the_stage() {
        Stage storesOrCancel = Stage.named("stores-or-cancel").locationTypes(LocationType.STORE)
                .whenNothing(WhenNothing.cancel()).build();
        inventory.load(sku("A"), id("WH1"), 5);
        OrderId id = place("W-2");

        SourcingResult result = sourcing(storesOrCancel).source(id);

        assertThat(result.unsourced().cancels()).isTrue();
        assertThat(result.unsourced().decidedBy()).isEqualTo("stage 1 'stores-or-cancel'");
        Order cancelled = order(id);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(payments.voided(id)).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
        assertThat(cancelled.notes()).anySatisfy(n -> assertThat(n.text())
                .isEqualTo("Cancelled by the routing rules: stage 1 'stores-or-cancel' found nothing to ship"));
        assertThat(inventory.position(sku("A"), id("WH1")).reserved()).isZero();
    }

    @Test
    void a_stage_that_backorders_says_so_and_leaves_the_units_open() {
        Stage storesOrBackorder = Stage.named("stores-or-backorder").locationTypes(LocationType.STORE)
                .whenNothing(WhenNothing.backorder()).build();
        inventory.load(sku("A"), id("WH1"), 5);
        OrderId id = place("W-3");

        SourcingResult result = sourcing(storesOrBackorder).source(id);

        assertThat(result.unsourced().action()).isEqualTo(UnsourcedDisposition.Action.BACKORDER);
        assertThat(result.unsourced().step()).isEqualTo("stores-or-backorder");
        assertThat(result.retryAt()).isEmpty();
        assertThat(order(id).status()).isNotEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_rejection_re_sourced_into_a_waiting_stage_says_until_when_and_the_wait_counts_from_the_rejection() {
        inventory.load(sku("A"), id("STORE"), 5);
        OrderId id = place("W-4");
        OrderSourcing sourcing = sourcing(offerStore, offerWarehouse, dropShip);
        assertThat(sourcing.source(id).isAllocated()).isTrue();
        Fulfilment atStore = oms.fulfilments().forOrder(id).get(0);

        Instant rejected = NOW.plus(Duration.ofHours(5));
        clock.moveTo(rejected);
        ResourcingOutcome outcome = sourcing.reject(atStore.id(), atStore.units(), "flooded", "task-1");

        // the store's two hours, counted from placement, are long over (and it is excluded now); the warehouse, reached
        // only now, is offered the units for an hour from now
        assertThat(outcome).isInstanceOf(ResourcingOutcome.GaveUp.class);
        ResourcingOutcome.GaveUp gaveUp = (ResourcingOutcome.GaveUp) outcome;
        assertThat(gaveUp.action()).isEqualTo(ResourcingPolicy.Action.BACKORDER);
        assertThat(gaveUp.retryTime()).contains(rejected.plus(Duration.ofHours(1)));
        assertThat(gaveUp.reason()).contains("stage 2 'offer-warehouse' waits until");
        assertThat(order(id).units(UnitState.OPEN)).isEqualTo(2);
    }

    @Test
    void a_stage_that_ships_what_it_finds_allocates_it_and_the_rules_cancel_the_rest() {
        Stage storeOrCancel = Stage.named("store-any-of-it-or-cancel").locationTypes(LocationType.STORE)
                .split(StageSplit.none()).shipWhatItFinds().whenNothing(WhenNothing.cancel()).build();
        inventory.load(sku("A"), id("STORE"), 1);
        inventory.load(sku("A"), id("DROP"), 5);
        OrderId id = place("W-5", 3);

        SourcingResult result = sourcing(storeOrCancel).source(id);

        assertThat(result).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(result.unsourced().cancels()).isTrue();
        Order after = order(id);
        assertThat(after.units(UnitState.ALLOCATED)).isEqualTo(1);
        assertThat(after.units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(after.units(UnitState.OPEN) + after.units(UnitState.RESERVED)).isZero();
        assertThat(payments.voided(id)).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
        assertThat(inventory.position(sku("A"), id("STORE")).allocated()).isEqualTo(1);
        assertThat(inventory.position(sku("A"), id("DROP")).reserved() + inventory.position(sku("A"), id("DROP"))
                .allocated()).isZero();
    }

    @Test
    void a_stage_that_ships_what_it_finds_allocates_it_while_the_rest_waits_at_the_next_stage() {
        inventory.load(sku("A"), id("STORE"), 1);
        inventory.load(sku("A"), id("DROP"), 5);
        OrderId id = place("W-6", 3);

        SourcingResult first = sourcing(storeAnyOfIt, offerWarehouse, dropShip).source(id);

        assertThat(first).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(first.unsourced().step()).isEqualTo("offer-warehouse");
        assertThat(first.retryAt()).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(order(id).units(UnitState.ALLOCATED)).isEqualTo(1);

        clock.moveTo(NOW.plus(Duration.ofHours(1)));
        SourcingResult second = sourcing(storeAnyOfIt, offerWarehouse, dropShip).source(id);

        assertThat(second).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(((SourcingResult.Allocated) second).plan().fulfilments()).extracting(f -> f.location())
                .containsExactly(id("DROP"));
        assertThat(order(id).units(UnitState.ALLOCATED)).isEqualTo(3);
    }

    @Test
    void a_cancellation_by_the_rules_whose_void_failed_is_finished_by_sourcing_again() {
        Stage storesOrCancel = Stage.named("stores-or-cancel").locationTypes(LocationType.STORE)
                .whenNothing(WhenNothing.cancel()).build();
        inventory.load(sku("A"), id("WH1"), 5);
        OrderId id = place("W-7");
        payments.unreachableNext();

        assertThatThrownBy(() -> sourcing(storesOrCancel).source(id)).isInstanceOf(io.omskit.core.spi.SpiException.class);
        assertThat(order(id).units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(payments.voided(id)).isNull();

        // the retry finds nothing to source: it finishes the cancellation, then says the order takes no allocation
        assertThatThrownBy(() -> sourcing(storesOrCancel).source(id))
                .isInstanceOf(io.omskit.core.order.IllegalTransitionException.class);
        assertThat(payments.voided(id)).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
        assertThat(order(id).notes()).filteredOn(n -> n.text().startsWith("Cancelled by the routing rules")).hasSize(1);
    }

    @Test
    void a_wait_whose_record_failed_to_save_is_kept_by_the_retry_with_the_same_end() {
        inventory.load(sku("A"), id("DROP"), 5);
        OrderId id = place("W-8");
        OrderSourcing sourcing = sourcing(offerStore, offerWarehouse, dropShip);
        orders.failNextSave(false);

        assertThatThrownBy(() -> sourcing.source(id)).isInstanceOf(io.omskit.core.spi.SpiException.class);
        assertThat(order(id).notes()).isEmpty();

        // the retry (the store's wait counts from placement) records it; a later call reads it back
        assertThat(sourcing.source(id).retryAt()).contains(NOW.plus(Duration.ofHours(2)));
        Instant reached = NOW.plus(Duration.ofHours(2));
        clock.moveTo(reached);
        orders.failNextSave(true);
        assertThatThrownBy(() -> sourcing.source(id)).isInstanceOf(io.omskit.core.spi.SpiException.class);
        clock.moveTo(reached.plus(Duration.ofMinutes(10)));
        // the warehouse's wait was saved before the failure: the retry keeps its start
        assertThat(sourcing.source(id).retryAt()).contains(reached.plus(Duration.ofHours(1)));
        assertThat(order(id).notes()).filteredOn(n -> n.text().contains("offer-warehouse")).hasSize(1);
    }

    @Test
    void a_rejection_re_sourced_into_a_cancelling_stage_cancels_the_refused_units() {
        Stage storeThenCancel = Stage.named("store").locationTypes(LocationType.STORE).split(StageSplit.none())
                .whenNothing(WhenNothing.cancel()).build();
        inventory.load(sku("A"), id("STORE"), 5);
        inventory.load(sku("A"), id("WH1"), 5);
        OrderId id = place("W-9");
        OrderSourcing sourcing = sourcing(storeThenCancel);
        assertThat(sourcing.source(id).isAllocated()).isTrue();
        Fulfilment atStore = oms.fulfilments().forOrder(id).get(0);

        ResourcingOutcome outcome = sourcing.reject(atStore.id(), atStore.units(), "flooded", "task-9");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.GaveUp.class);
        assertThat(((ResourcingOutcome.GaveUp) outcome).action()).isEqualTo(ResourcingPolicy.Action.CANCEL);
        assertThat(((ResourcingOutcome.GaveUp) outcome).reason()).startsWith("stage 1 'store' cancels them");
        assertThat(order(id).units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(order(id).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_rejection_re_sourced_into_a_stage_that_ships_what_it_finds_then_cancels_allocates_that_and_cancels_the_rest() {
        Stage store = Stage.named("store").locationTypes(LocationType.STORE).split(StageSplit.none()).build();
        Stage warehouseAnyOfIt = Stage.named("near-warehouse-any-of-it").locationTypes(LocationType.WAREHOUSE).maxKm(300)
                .split(StageSplit.none()).shipWhatItFinds().whenNothing(WhenNothing.cancel()).build();
        inventory.load(sku("A"), id("STORE"), 5);
        inventory.load(sku("A"), id("WH1"), 1);
        OrderId id = place("W-10", 3);
        OrderSourcing sourcing = sourcing(store, warehouseAnyOfIt);
        assertThat(sourcing.source(id).isAllocated()).isTrue();
        Fulfilment atStore = oms.fulfilments().forOrder(id).get(0);

        ResourcingOutcome outcome = sourcing.reject(atStore.id(), atStore.units(), "flooded", "task-10");
        // a retry of the same rejection changes nothing more
        sourcing.reject(atStore.id(), atStore.units(), "flooded", "task-10");

        assertThat(outcome).isInstanceOf(ResourcingOutcome.Resourced.class);
        assertThat(((ResourcingOutcome.Resourced) outcome).result().unsourced().cancels()).isTrue();
        Order after = order(id);
        assertThat(after.units(UnitState.ALLOCATED)).isEqualTo(1);
        assertThat(after.units(UnitState.CANCELLED)).isEqualTo(2);
        assertThat(after.units(UnitState.OPEN)).isZero();
        assertThat(inventory.position(sku("A"), id("WH1")).allocated()).isEqualTo(1);
        assertThat(payments.voided(id)).isEqualTo(Money.of(CurrencyUnit.EUR, 20));
    }
}
