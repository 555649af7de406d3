package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Applying a plan: one all-or-nothing allocation, recomputed when stock moved, never half-applied. */
class AllocatingPlansTest {

    private final Network network = network(warehouse("W1", 1), warehouse("W2", 3));
    private final RuleSet rules = RuleSet.builder("home").cost(new ShippingCost(rates())).cost(new SplitPenalty(2))
            .maxShipments(2).build();
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);

    private SourcingEngine engine(InventoryStore inventory) {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK).inventory(inventory).build();
    }

    /** The store, but before its first allocation {@code grab} units of A at W1 go to another order. */
    private InventoryStore stockMovesBeforeFirstAllocation(int grab, int times) {
        AtomicInteger allocations = new AtomicInteger();
        return (InventoryStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {InventoryStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("allocate") && allocations.getAndIncrement() < times) {
                        store.allocate(new AllocationRequest(AllocationKey.of("rival-" + allocations.get()), "rival",
                                List.of(AllocationLine.of(sku("A"), id("W1"), grab)), null));
                    }
                    return method.invoke(store, args);
                });
    }

    /** The store, but its next {@code times} allocations are refused as if stock had moved meanwhile. */
    private InventoryStore refusingAllocations(int times) {
        AtomicInteger allocations = new AtomicInteger();
        return (InventoryStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {InventoryStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("allocate") && allocations.getAndIncrement() < times) {
                        return new AllocationResult.Insufficient(List.of(new Shortage(sku("A"), id("W1"), 2, 0)));
                    }
                    return method.invoke(store, args);
                });
    }

    @Test
    void allocates_every_fulfilment_of_the_plan_at_once() {
        store.load(sku("A"), id("W1"), 1);
        store.load(sku("A"), id("W2"), 5);
        store.load(sku("B"), id("W1"), 4);
        Order order = order("o1", home(), "A", 3, "B", 2);

        SourcingResult result = engine(store).source(SourcingRequest.of(order));

        SourcingResult.Allocated allocated = (SourcingResult.Allocated) result;
        assertThat(allocated.attempts()).isEqualTo(1);
        assertThat(allocated.allocation().open()).containsExactlyInAnyOrderElementsOf(allocated.plan().allocationLines());
        assertThat(store.position(sku("A"), id("W2")).allocated() + store.position(sku("A"), id("W1")).allocated()).isEqualTo(3);
        assertThat(store.position(sku("B"), id("W1")).allocated() + store.position(sku("B"), id("W2")).allocated()).isEqualTo(2);
    }

    @Test
    void what_if_plans_allocate_nothing() {
        store.load(sku("A"), id("W1"), 5);

        SourcingPlan plan = engine(store).plan(SourcingRequest.of(order("o1", home(), "A", 2)));

        assertThat(plan.plannedUnits()).isEqualTo(2);
        assertThat(store.position(sku("A"), id("W1")).allocated()).isZero();
        assertThat(store.position(sku("A"), id("W1")).availableToSell()).isEqualTo(5);
    }

    @Test
    void recomputes_the_plan_when_stock_moved_between_planning_and_allocating() {
        store.load(sku("A"), id("W1"), 2);
        store.load(sku("A"), id("W2"), 2);

        SourcingResult result = engine(stockMovesBeforeFirstAllocation(2, 1)).source(SourcingRequest.of(order("o1", home(), "A", 2)));

        SourcingResult.Allocated allocated = (SourcingResult.Allocated) result;
        assertThat(allocated.attempts()).isEqualTo(2);
        assertThat(sources(allocated.plan())).containsExactly(id("W2"));
        assertThat(store.position(sku("A"), id("W2")).allocated()).isEqualTo(2);
    }

    @Test
    void gives_up_after_the_maximum_attempts_holding_nothing() {
        store.load(sku("A"), id("W1"), 9);
        SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK)
                .inventory(refusingAllocations(3)).maxAttempts(3).build();

        SourcingResult result = engine.source(SourcingRequest.of(order("o1", home(), "A", 2)));

        assertThat(result).isInstanceOf(SourcingResult.Contended.class);
        assertThat(((SourcingResult.Contended) result).attempts()).isEqualTo(3);
        assertThat(((SourcingResult.Contended) result).shortages()).isNotEmpty();
        assertThat(store.position(sku("A"), id("W1")).allocated()).isZero();
        assertThat(engine.capacity().used(id("W1"), NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate())).isZero();
    }

    @Test
    void reports_nothing_allocated_when_no_unit_can_be_sourced() {
        SourcingResult result = engine(store).source(SourcingRequest.of(order("o1", home(), "A", 2)));

        assertThat(result).isInstanceOf(SourcingResult.NothingAllocated.class);
        assertThat(((SourcingResult.NothingAllocated) result).plan().unsourced())
                .singleElement().satisfies(u -> assertThat(u.reason()).isEqualTo(UnsourcedReason.NO_STOCK));
    }

    @Test
    void a_second_call_with_the_same_key_returns_the_first_allocation() {
        store.load(sku("A"), id("W1"), 5);
        SourcingEngine engine = engine(store);
        Order order = order("o1", home(), "A", 2);

        SourcingResult first = engine.source(SourcingRequest.of(order));
        SourcingResult second = engine.source(SourcingRequest.of(order));

        assertThat(((SourcingResult.Allocated) second).replayed()).isTrue();
        assertThat(((SourcingResult.Allocated) second).allocation()).isEqualTo(((SourcingResult.Allocated) first).allocation());
        assertThat(store.position(sku("A"), id("W1")).allocated()).isEqualTo(2);
    }
}
