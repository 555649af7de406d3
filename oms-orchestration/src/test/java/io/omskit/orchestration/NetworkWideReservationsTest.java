package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.stock.SkuStock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Carts and orders may hold stock network-wide, without naming a location: the engine sees those holds in the live
 * stock, so it never plans units the store would refuse to allocate, and an order still sees what it holds itself.
 */
class NetworkWideReservationsTest {

    private final Network network = network(warehouse("W1", 1), warehouse("W2", 3));
    private final RuleSet rules = RuleSet.builder("home").cost(new ShippingCost(rates())).cost(new SplitPenalty(2))
            .maxShipments(2).build();
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
    private final SourcingEngine engine = SourcingEngine.builder().network(network).rules(RuleBook.of(rules))
            .clock(CLOCK).inventory(store).build();

    private void holdAnywhere(String key, String sku, int units) {
        ReservationResult held = store.reserve(new ReservationRequest(ReservationKey.of(key), key,
                List.of(ReservationLine.anywhere(sku(sku), units)), null));
        assertThat(held).isInstanceOf(ReservationResult.Reserved.class);
    }

    @Test
    void plans_no_more_units_than_other_orders_network_wide_holds_leave() {
        store.load(sku("A"), id("W1"), 2);
        store.load(sku("A"), id("W2"), 2);
        holdAnywhere("cart-1", "A", 3);
        Order order = order("o1", home(), "A", 2);

        SourcingPlan plan = engine.plan(SourcingRequest.of(order));

        assertThat(plan.plannedUnits()).isEqualTo(1);
        assertThat(plan.unsourced()).singleElement().satisfies(u -> {
            assertThat(u.quantity()).isEqualTo(1);
            assertThat(u.reason()).isEqualTo(UnsourcedReason.NO_STOCK);
            assertThat(u.detail()).contains("network-wide reservations");
        });
    }

    @Test
    void allocates_at_the_first_attempt_what_network_wide_holds_leave() {
        store.load(sku("A"), id("W1"), 2);
        store.load(sku("A"), id("W2"), 2);
        holdAnywhere("cart-1", "A", 3);

        SourcingResult result = engine.source(SourcingRequest.of(order("o1", home(), "A", 2)));

        assertThat(result).isInstanceOf(SourcingResult.Allocated.class);
        SourcingResult.Allocated allocated = (SourcingResult.Allocated) result;
        assertThat(allocated.attempts()).isEqualTo(1);
        assertThat(allocated.allocation().open()).extracting(l -> l.quantity()).containsExactly(1);
        assertThat(store.networkAvailable(sku("A"))).isZero();
    }

    @Test
    void an_order_draws_on_what_its_own_reservation_holds_network_wide() {
        store.load(sku("A"), id("W1"), 1);
        store.load(sku("A"), id("W2"), 1);
        holdAnywhere("cart-1", "A", 2);
        SourcingRequest request = SourcingRequest.of(order("o1", home(), "A", 2)).withReservation(ReservationKey.of("cart-1"));

        SourcingResult result = engine.source(request);

        assertThat(result).isInstanceOf(SourcingResult.Allocated.class);
        assertThat(((SourcingResult.Allocated) result).plan().plannedUnits()).isEqualTo(2);
        assertThat(store.networkReserved(sku("A"))).isZero();
    }

    @Test
    void an_order_draws_on_what_its_own_reservation_holds_at_a_location() {
        store.load(sku("A"), id("W2"), 2);
        ReservationResult held = store.reserve(new ReservationRequest(ReservationKey.of("cart-1"), "cart-1",
                List.of(ReservationLine.at(sku("A"), id("W2"), 2)), null));
        assertThat(held).isInstanceOf(ReservationResult.Reserved.class);
        SourcingRequest request = SourcingRequest.of(order("o1", home(), "A", 2)).withReservation(ReservationKey.of("cart-1"));

        assertThat(engine.plan(SourcingRequest.of(order("o2", home(), "A", 2))).plannedUnits()).isZero();
        SourcingPlan plan = engine.plan(request);

        assertThat(plan.plannedUnits()).isEqualTo(2);
        assertThat(sources(plan)).containsExactly(id("W2"));
    }

    @Test
    void a_limit_at_or_above_the_locations_units_limits_nothing() {
        SkuStock stock = SkuStock.of(new int[] {0, 1}, new int[] {2, 3});

        assertThat(stock.withNetworkLimit(5)).isEqualTo(stock);
        assertThat(stock.withNetworkLimit(4).networkLimit()).isEqualTo(4);
        assertThat(stock.withNetworkLimit(4).withNetworkLimit(9).networkLimit()).isEqualTo(Integer.MAX_VALUE);
    }
}
