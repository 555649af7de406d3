package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.BOWL;
import static io.omskit.core.workflow.OmsFixture.BREAKFAST_SET;
import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.PLATE;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CartEdit;
import io.omskit.core.CartHolds;
import io.omskit.core.PlacementResult;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.order.DeliveryMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shopper's cart hold follows the cart: grown, shrunk, replaced, extended, released, lapsed, checked out. */
class CartHoldsTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(PLATE, WH, 6);
    private final CartHolds carts = f.oms.carts();

    private Reservation hold(String cartId) {
        return carts.find(cartId).orElseThrow();
    }

    @Test
    void grows_a_hold_when_stock_allows() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);

        ReservationResult grown = carts.hold("cart-1", Map.of(MUG, 5), TTL);

        assertThat(grown.isReserved()).isTrue();
        assertThat(hold("cart-1").heldQuantity(MUG)).isEqualTo(5);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(5);
    }

    @Test
    void a_refused_growth_names_the_shortage_and_leaves_the_hold_exactly_as_it_was() {
        carts.hold("other", Map.of(MUG, 4), TTL);
        carts.hold("cart-1", Map.of(MUG, 3, PLATE, 1), TTL);
        Reservation before = hold("cart-1");
        f.clock.advance(Duration.ofMinutes(5));

        ReservationResult refused = carts.hold("cart-1", Map.of(MUG, 7, PLATE, 1), TTL);

        // 10 on hand, 4 held by the other cart: the cart can have its own 3 plus the 3 for sale, 6 in all
        assertThat(refused.isReserved()).isFalse();
        assertThat(((ReservationResult.Insufficient) refused).shortages()).containsExactly(new Shortage(MUG, null, 7, 6));
        assertThat(hold("cart-1")).isEqualTo(before);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(3);
        assertThat(f.inventory.networkAvailable(PLATE)).isEqualTo(5);
    }

    @Test
    void shrinking_frees_the_units_at_once() {
        carts.hold("cart-1", Map.of(MUG, 5), TTL);

        carts.hold("cart-1", Map.of(MUG, 2), TTL);

        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(8);
        assertThat(carts.hold("cart-2", Map.of(MUG, 8), TTL).isReserved()).isTrue();
    }

    @Test
    void replacing_the_lines_gives_back_the_old_skus_and_holds_the_new_ones() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);

        carts.hold("cart-1", Map.of(PLATE, 2, BREAKFAST_SET, 1), TTL);

        // the breakfast set is two mugs and a plate
        assertThat(hold("cart-1").held()).containsExactlyInAnyOrder(ReservationLine.anywhere(PLATE, 3),
                ReservationLine.anywhere(MUG, 2));
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(8);
        assertThat(f.inventory.networkAvailable(PLATE)).isEqualTo(3);
    }

    @Test
    void extending_a_hold_moves_its_expiry_and_keeps_its_lines() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        f.clock.advance(Duration.ofMinutes(10));

        carts.extend("cart-1", TTL);
        f.clock.advance(Duration.ofMinutes(10));

        assertThat(hold("cart-1").isActive()).isTrue();
        assertThat(hold("cart-1").expiresAt()).isEqualTo(OmsFixture.NOW.plus(Duration.ofMinutes(25)));
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(7);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(10);
    }

    @Test
    void a_released_cart_can_be_held_again_under_the_same_id() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        assertThat(carts.release("cart-1").orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(10);

        ReservationResult again = carts.hold("cart-1", Map.of(MUG, 4), TTL);

        assertThat(again.isReserved()).isTrue();
        assertThat(hold("cart-1").status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(hold("cart-1").heldQuantity(MUG)).isEqualTo(4);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(6);
    }

    @Test
    void a_lapsed_hold_frees_its_units_at_the_moment_it_expires_without_any_sweep() {
        carts.hold("cart-1", Map.of(MUG, 10), TTL);
        assertThat(f.inventory.networkAvailable(MUG)).isZero();
        assertThat(carts.hold("cart-2", Map.of(MUG, 1), TTL).isReserved()).isFalse();

        f.clock.advance(TTL);

        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(10);
        assertThat(f.inventory.position(MUG, WH).reserved()).isZero();
        assertThat(hold("cart-1").status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(carts.hold("cart-2", Map.of(MUG, 10), TTL).isReserved()).isTrue();
        assertThat(f.oms.expireHolds()).as("the sweep only tidies up").isZero();
    }

    @Test
    void a_lapsed_hold_held_again_by_an_extension_when_stock_allows() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        f.clock.advance(Duration.ofMinutes(20));

        assertThat(carts.extend("cart-1", TTL).isReserved()).isTrue();

        assertThat(hold("cart-1").heldQuantity(MUG)).isEqualTo(3);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(7);
    }

    @Test
    void an_express_click_and_collect_hold_takes_the_pickup_stores_own_stock() {
        f.stock(MUG, STORE, 4);

        ReservationResult atStore = carts.hold(CartEdit.of("cart-1", Map.of(MUG, 3), TTL).collectAt(STORE));

        assertThat(atStore.isReserved()).isTrue();
        assertThat(f.inventory.position(MUG, STORE).reserved()).isEqualTo(3);
        assertThat(f.inventory.position(MUG, WH).reserved()).isZero();
        assertThat(carts.availableTo("cart-1", MUG, STORE)).isEqualTo(4);
        ReservationResult tooMany = carts.hold(CartEdit.of("cart-1", Map.of(MUG, 5), TTL).collectAt(STORE));
        assertThat(((ReservationResult.Insufficient) tooMany).shortages()).containsExactly(new Shortage(MUG, STORE, 5, 4));
        assertThat(f.inventory.position(MUG, STORE).reserved()).isEqualTo(3);
    }

    @Test
    void a_pickup_store_customers_cannot_collect_from_is_refused_by_name() {
        assertThatThrownBy(() -> carts.hold(CartEdit.of("cart-1", Map.of(MUG, 1), TTL).collectAt(WH)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pickupStore")
                .hasMessageContaining("WH-1");
        assertThat(carts.find("cart-1")).isEmpty();
    }

    @Test
    void a_checkout_counts_the_carts_own_hold_as_available_to_it() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        carts.hold("cart-2", Map.of(MUG, 7), TTL);

        assertThat(f.inventory.networkAvailable(MUG)).isZero();
        assertThat(carts.availableTo("cart-1", MUG)).isEqualTo(3);
        assertThat(carts.availableTo("cart-2", MUG)).isEqualTo(7);
        assertThat(carts.availableTo("nobody", MUG)).isZero();
    }

    @Test
    void an_order_placed_for_a_held_cart_takes_over_its_hold_even_when_nothing_else_is_for_sale() {
        carts.hold("cart-1", Map.of(MUG, 3, PLATE, 1), TTL);
        carts.hold("cart-2", Map.of(MUG, 7), TTL);

        PlacementResult placed = carts.placeOrder("cart-1", f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(hold("cart-1").status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(f.inventory.networkAvailable(MUG)).isZero();
        assertThat(f.inventory.networkAvailable(PLATE)).as("the plate the order did not take is released").isEqualTo(6);
        assertThat(f.inventory.findReservation(f.oms.reservationKeyOf(placed.order())).orElseThrow().heldQuantity(MUG))
                .isEqualTo(3);
    }

    @Test
    void the_same_order_without_the_cart_is_out_of_stock() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);
        carts.hold("cart-2", Map.of(MUG, 7), TTL);

        PlacementResult placed = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(hold("cart-1").heldQuantity(MUG)).isEqualTo(3);
    }

    @Test
    void an_order_for_more_than_the_cart_holds_takes_the_rest_from_stock_for_sale() {
        carts.hold("cart-1", Map.of(MUG, 3), TTL);

        PlacementResult placed = carts.placeOrder("cart-1", f.pickupOrder("A-1", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 5, eur(8)).build());

        assertThat(placed.outcome()).isEqualTo(PlacementResult.Outcome.CONFIRMED);
        assertThat(hold("cart-1").status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(5);
    }

    @Test
    void an_edit_retried_with_its_key_applies_once() {
        carts.hold(CartEdit.of("cart-1", Map.of(MUG, 3), TTL).withKey("edit-1"));
        carts.hold(CartEdit.of("cart-1", Map.of(MUG, 5), TTL).withKey("edit-2"));

        ReservationResult retried = carts.hold(CartEdit.of("cart-1", Map.of(MUG, 3), TTL).withKey("edit-1"));

        assertThat(((ReservationResult.Reserved) retried).replayed()).isTrue();
        assertThat(hold("cart-1").heldQuantity(MUG)).isEqualTo(5);
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(5);
    }

    @Test
    void holdCart_on_the_entry_point_changes_the_hold_instead_of_refusing_other_lines() {
        f.oms.holdCart("cart-1", Map.of(MUG, 2), TTL);

        assertThat(f.oms.holdCart("cart-1", Map.of(MUG, 4, BOWL, 0 + 1), TTL).isReserved()).isFalse();
        f.stock(BOWL, WH, 1);
        assertThat(f.oms.holdCart("cart-1", Map.of(MUG, 4, BOWL, 1), TTL).isReserved()).isTrue();

        assertThat(f.inventory.findReservation(ReservationKey.of("cart-cart-1")).orElseThrow().heldQuantity(MUG)).isEqualTo(4);
    }

    @Test
    void bad_edits_name_every_field_and_change_nothing() {
        carts.hold("cart-1", Map.of(MUG, 2), TTL);
        Reservation before = hold("cart-1");

        assertThatThrownBy(() -> carts.hold(new CartEdit("cart-1", Map.of(MUG, 0), Duration.ofDays(31), null, " ")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("quantities[MUG]")
                .hasMessageContaining("ttl")
                .hasMessageContaining("editKey");
        assertThatThrownBy(() -> carts.extend("never-held", TTL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("never-held");
        assertThat(hold("cart-1")).isEqualTo(before);
    }
}
