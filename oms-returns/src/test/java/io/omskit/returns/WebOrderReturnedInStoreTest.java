package io.omskit.returns;

import static io.omskit.returns.Shop.JEANS;
import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.STORE;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A web order delivered to the customer's home is brought back to a store, restocked there and refunded. */
class WebOrderReturnedInStoreTest {

    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");

    private final Shop shop = new Shop();
    private final Returns returns = shop.returns(ReturnPolicy.standard());
    private final Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("80.00")));

    private Return openAtStore(int shirts) {
        shop.clock.advance(Duration.ofDays(3));
        OpenResult result = returns.open(OpenReturnRequest.of(order.id(), "counter-1", Channel.STORE, ReturnMethod.dropOff(STORE),
                List.of(OpenReturnRequest.line(L1, shirts, ReturnReason.DOES_NOT_FIT))));
        assertThat(result.isOpened()).as("opened: %s", result.refused()).isTrue();
        return ((OpenResult.Opened) result).ret();
    }

    @Test
    void a_web_order_is_returned_at_a_store_counter_and_its_units_announced_there() {
        Return ret = openAtStore(1);

        assertThat(ret.status()).isEqualTo(ReturnStatus.AUTHORISED);
        assertThat(ret.openedFrom()).isEqualTo(Channel.STORE);
        assertThat(shop.inventory.position(SHIRT, STORE).returnsInTransit()).as("returns in transit at the store").isEqualTo(1);
        assertThat(shop.events.events(ReturnEvent.ReturnAuthorised.class)).hasSize(1);
    }

    @Test
    void restocked_units_are_sellable_at_the_receiving_store_at_once() {
        Return ret = openAtStore(1);
        assertThat(shop.inventory.position(SHIRT, STORE).availableToSell()).isZero();

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        Return inspected = returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-1");

        assertThat(shop.inventory.position(SHIRT, STORE).availableToSell()).isEqualTo(1);
        assertThat(shop.inventory.position(SHIRT, STORE).returnsInTransit()).isZero();
        assertThat(shop.oms.inventory().positions(SHIRT)).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo(STORE);
            assertThat(p.onHand()).isEqualTo(1);
        });
        List<StockMovement> ledger = shop.inventory.movements(SHIRT, STORE);
        assertThat(ledger).extracting(StockMovement::reason)
                .containsExactly(MovementReason.RETURN_EXPECTED, MovementReason.RETURN_RESTOCKED);
        assertThat(ledger).allSatisfy(m -> assertThat(m.reference()).contains(ret.id().value()).contains(order.id().value()));
        assertThat(inspected.status()).isEqualTo(ReturnStatus.REFUNDED);
    }

    @Test
    void the_refund_after_inspection_goes_back_to_the_card_and_the_order_shows_it() {
        Return ret = openAtStore(2);
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(shop.payments.refunded(order.id())).as("nothing refunded before inspection").isNull();

        Return done = returns.inspect(ret.id(), L1, Grade.GOOD, Disposition.RESTOCK, 2, "inspect-1");

        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(r.amount()).isEqualTo(eur("50.00"));
        });
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));
        Order after = shop.order(order);
        assertThat(after.payment().refunded()).isEqualTo(eur("50.00"));
        assertThat(after.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(after.line(L1).orElseThrow().units().returned()).isEqualTo(2);
        assertThat(shop.events.events(ReturnEvent.ReturnRefunded.class)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(eur("50.00")));
    }

    @Test
    void returning_every_unit_makes_the_order_returned_and_refunds_what_was_paid_shipping_included() {
        Order withShipping = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")).line("2", "JEANS", 1, eur("80.00"))
                .charge("shipping", eur("4.95")));
        OpenResult opened = returns.open(OpenReturnRequest.of(withShipping.id(), "web-1", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND), OpenReturnRequest.line(L2, 1, ReturnReason.CHANGED_MIND))));
        Return ret = ((OpenResult.Opened) opened).ret();

        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1), Arrival.of(JEANS, 1)), "scan-1");
        returns.inspect(ret.id(), L1, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");
        Return done = returns.inspect(ret.id(), L2, Grade.AS_NEW, Disposition.RESTOCK, 1, "i-2");

        assertThat(shop.order(withShipping).status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(shop.payments.refunded(withShipping.id())).isEqualTo(withShipping.total()).isEqualTo(eur("109.95"));
        assertThat(done.status()).isEqualTo(ReturnStatus.REFUNDED);
    }
}
