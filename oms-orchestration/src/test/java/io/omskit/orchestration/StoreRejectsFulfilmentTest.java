package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.Network;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.orchestration.rules.ShippingCost;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A location rejects or short-picks: the units are released, the location excluded for them, and they are sourced again. */
class StoreRejectsFulfilmentTest {

    private final Network network = network(store("STORE", 0.1), warehouse("WH1", 2), warehouse("WH2", 4));
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
    private final Order order = order("o1", home(), "A", 3);

    private SourcingEngine engine(ResourcingPolicy policy) {
        return SourcingEngine.builder().network(network).clock(CLOCK).inventory(store).resourcing(policy)
                .rules(RuleBook.of(RuleSet.builder("home").cost(new ShippingCost(rates())).build())).build();
    }

    private AllocationKey sourced(SourcingEngine engine) {
        SourcingResult.Allocated first = (SourcingResult.Allocated) engine.source(SourcingRequest.of(order));
        assertThat(sources(first.plan())).containsExactly(id("STORE"));
        return first.allocation().key();
    }

    private java.time.LocalDate today(io.omskit.core.network.LocationId location) {
        return java.time.LocalDate.ofInstant(CLOCK.instant(), network.get(location).zone());
    }

    @Test
    void reroutes_the_units_a_store_rejects_to_the_next_best_location() {
        store.load(sku("A"), id("STORE"), 5);
        store.load(sku("A"), id("WH1"), 5);
        SourcingEngine engine = engine(ResourcingPolicy.standard());
        AllocationKey key = sourced(engine);

        ResourcingOutcome outcome = engine.resource(new Rejection(order, key, id("STORE"),
                List.of(LineQuantity.of(LineId.of("L1"), 3)), "no staff today"), ResourcingHistory.none(order.id()));

        ResourcingOutcome.Resourced resourced = (ResourcingOutcome.Resourced) outcome;
        SourcingResult.Allocated again = (SourcingResult.Allocated) resourced.result();
        assertThat(sources(again.plan())).containsExactly(id("WH1"));
        assertThat(again.allocation().key()).isEqualTo(AllocationKey.of("resourcing/o1/1#1"));
        assertThat(store.position(sku("A"), id("STORE")).allocated()).isZero();
        assertThat(store.position(sku("A"), id("STORE")).availableToSell()).isEqualTo(5);
        assertThat(store.position(sku("A"), id("WH1")).allocated()).isEqualTo(3);
        assertThat(resourced.history().refused()).containsEntry(LineId.of("L1"), Set.of(id("STORE")));
        assertThat(engine.capacity().used(id("STORE"), today(id("STORE")))).as("the store's fulfilment is gone").isZero();
        assertThat(engine.capacity().used(id("WH1"), today(id("WH1")))).isEqualTo(1);
        assertThat(again.plan().explanation().verdictOn(id("STORE")).orElseThrow().exclusions())
                .extracting(Exclusion::rule).containsExactly("excluded-by-request");
    }

    @Test
    void reroutes_only_the_units_a_store_short_picked() {
        store.load(sku("A"), id("STORE"), 5);
        store.load(sku("A"), id("WH1"), 5);
        SourcingEngine engine = engine(ResourcingPolicy.standard());
        AllocationKey key = sourced(engine);

        ResourcingOutcome outcome = engine.resource(new Rejection(order, key, id("STORE"),
                List.of(LineQuantity.of(LineId.of("L1"), 1)), "short pick"), ResourcingHistory.none(order.id()));

        SourcingResult.Allocated again = (SourcingResult.Allocated) ((ResourcingOutcome.Resourced) outcome).result();
        assertThat(again.plan().plannedUnits()).isEqualTo(1);
        assertThat(sources(again.plan())).containsExactly(id("WH1"));
        assertThat(store.position(sku("A"), id("STORE")).allocated()).isEqualTo(2);
        assertThat(engine.capacity().used(id("STORE"), today(id("STORE")))).as("the store still ships two").isEqualTo(1);
        assertThat(store.findAllocation(key).orElseThrow().open()).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }

    @Test
    void never_asks_a_location_again_and_gives_up_by_policy_after_the_maximum_attempts() {
        store.load(sku("A"), id("STORE"), 5);
        store.load(sku("A"), id("WH1"), 5);
        store.load(sku("A"), id("WH2"), 5);
        SourcingEngine engine = engine(new ResourcingPolicy(1, ResourcingPolicy.Action.CANCEL));
        AllocationKey key = sourced(engine);
        List<LineQuantity> all = List.of(LineQuantity.of(LineId.of("L1"), 3));

        ResourcingOutcome first = engine.resource(new Rejection(order, key, id("STORE"), all, "rejected"),
                ResourcingHistory.none(order.id()));
        SourcingResult.Allocated atWh1 = (SourcingResult.Allocated) ((ResourcingOutcome.Resourced) first).result();
        ResourcingOutcome second = engine.resource(new Rejection(order, atWh1.allocation().key(), id("WH1"), all, "rejected"),
                first.history());

        assertThat(second).isInstanceOf(ResourcingOutcome.GaveUp.class);
        ResourcingOutcome.GaveUp gaveUp = (ResourcingOutcome.GaveUp) second;
        assertThat(gaveUp.action()).isEqualTo(ResourcingPolicy.Action.CANCEL);
        assertThat(gaveUp.units()).isEqualTo(all);
        assertThat(gaveUp.history().refused().get(LineId.of("L1"))).containsExactlyInAnyOrder(id("STORE"), id("WH1"));
        assertThat(store.position(sku("A"), id("WH1")).allocated()).isZero();
        assertThat(store.position(sku("A"), id("WH2")).allocated()).isZero();
    }

    @Test
    void backorders_when_no_other_location_holds_the_units() {
        store.load(sku("A"), id("STORE"), 5);
        SourcingEngine engine = engine(ResourcingPolicy.standard());
        AllocationKey key = sourced(engine);

        ResourcingOutcome outcome = engine.resource(new Rejection(order, key, id("STORE"),
                List.of(LineQuantity.of(LineId.of("L1"), 3)), "rejected"), ResourcingHistory.none(order.id()));

        ResourcingOutcome.GaveUp gaveUp = (ResourcingOutcome.GaveUp) outcome;
        assertThat(gaveUp.action()).isEqualTo(ResourcingPolicy.Action.BACKORDER);
        assertThat(gaveUp.reason()).contains("no other location");
        assertThat(store.position(sku("A"), id("STORE")).allocated()).isZero();
    }
}
