package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import io.omskit.core.spi.SpiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A receipt fills units of an order the customer cancels at that very moment (the cancellation lands between the
 * book's fill and the order taking the units): the arrived units go to the next order waiting, by priority then age,
 * never beyond what arrived, never twice, also when the receipt is booked again after a failure.
 */
class ReceiptRacingCancellationTest {

    private static final LineId L1 = LineId.of("1");

    private final OmsFixture f = new OmsFixture().stock(PLATE, WH, 1);
    private final InMemoryBackorderBook book = new InMemoryBackorderBook();
    /** Runs right after the book filled a receipt, before any order takes its units: where the cancellation lands. */
    private Runnable afterFill = () -> { };
    private boolean failAfterPassOn;
    private Oms oms;

    private Oms oms() {
        oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .payments(f.payments).backorderBook(new CancellingBook())
                .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(20)).build()).build();
        return soldOut();
    }

    /** The one plate on the shelf sold: every order after waits for supply. */
    private Oms soldOut() {
        plates("WEB-0", 1);
        return oms;
    }

    private Order plates(String ref, int plates) {
        PlacementResult r = oms.placeOrder(f.webOrder(ref).line("1", "PLATE", plates, eur(10)).build());
        assertThat(r.isConfirmed()).as("%s", r).isTrue();
        return r.order();
    }

    private void receive(String key, int units) {
        oms.adjustStock(new StockAdjustment(MovementKey.of(key + "-asn"), PLATE, WH, MovementReason.INBOUND_EXPECTED, units,
                f.clock.instant().plusSeconds(86_400), "po-1"));
        oms.adjustStock(new StockAdjustment(MovementKey.of(key), PLATE, WH, MovementReason.INBOUND_RECEIVED, units, null, "po-1"));
    }

    private Order now(Order o) {
        return oms.order(o.id()).orElseThrow();
    }

    @Test
    void units_filled_for_an_order_cancelled_meanwhile_go_to_the_next_order_waiting() {
        oms();
        Order first = plates("WEB-1", 3);
        Order second = plates("WEB-2", 2);
        afterFill = () -> oms.cancel(first.id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST, "c-1");

        receive("grn-1", 3);

        assertThat(now(first).line(L1).orElseThrow().units().cancelled()).isEqualTo(3);
        assertThat(now(first).line(L1).orElseThrow().units().reserved()).isZero();
        assertThat(now(second).line(L1).orElseThrow().units().reserved()).as("the next order waiting got the units").isEqualTo(2);
        assertThat(now(second).line(L1).orElseThrow().awaitingStock()).isZero();
        assertThat(book.forOrder(first.id())).singleElement()
                .satisfies(b -> assertThat(List.of(b.waiting(), b.filled(), b.cancelled())).containsExactly(0, 0, 3));
        assertThat(book.forOrder(second.id())).singleElement().satisfies(b -> assertThat(b.filled()).isEqualTo(2));
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(2);
        assertThat(f.inventory.networkAvailable(PLATE)).as("only what nobody waits for is free").isEqualTo(1);
    }

    @Test
    void a_partly_cancelled_order_keeps_its_place_for_the_units_it_still_wants_and_the_rest_goes_on() {
        oms();
        Order first = plates("WEB-1", 3);
        Order second = plates("WEB-2", 2);
        afterFill = () -> oms.cancel(first.id(), List.of(LineQuantity.of(L1, 1)), CancellationReason.CUSTOMER_REQUEST, "c-1");

        receive("grn-1", 3);

        assertThat(now(first).line(L1).orElseThrow().units().reserved()).as("older, so filled first").isEqualTo(2);
        assertThat(now(first).line(L1).orElseThrow().units().cancelled()).isEqualTo(1);
        assertThat(now(second).line(L1).orElseThrow().units().reserved()).isEqualTo(1);
        assertThat(now(second).line(L1).orElseThrow().awaitingStock()).isEqualTo(1);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(3);
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
    }

    @Test
    void the_units_go_on_by_priority_then_age() {
        oms = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders).inventory(f.inventory)
                .payments(f.payments).backorderBook(new CancellingBook())
                .backorderPriority(o -> o.externalRef().value().startsWith("VIP") ? 500 : 0)
                .backorderPolicy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(20)).build()).build();
        soldOut();
        Order first = plates("VIP-1", 3);
        Order older = plates("WEB-2", 3);
        Order vip = plates("VIP-3", 1);
        afterFill = () -> oms.cancel(first.id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST, "c-1");

        receive("grn-1", 3);

        assertThat(now(vip).line(L1).orElseThrow().units().reserved()).as("higher priority, placed later").isEqualTo(1);
        assertThat(now(older).line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(now(older).line(L1).orElseThrow().awaitingStock()).isEqualTo(1);
        assertThat(f.inventory.networkAvailable(PLATE)).isZero();
    }

    @Test
    void a_retry_after_a_failure_once_the_units_were_passed_on_holds_them_once() {
        oms();
        Order first = plates("WEB-1", 3);
        Order second = plates("WEB-2", 2);
        afterFill = () -> oms.cancel(first.id(), List.of(LineQuantity.of(L1, 3)), CancellationReason.CUSTOMER_REQUEST, "c-1");
        failAfterPassOn = true;

        assertThatThrownBy(() -> receive("grn-1", 3)).isInstanceOf(SpiException.class);
        assertThat(now(second).line(L1).orElseThrow().awaitingStock()).as("not held yet").isEqualTo(2);
        receive("grn-1", 3);
        receive("grn-1", 3);

        assertThat(now(second).line(L1).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(book.forOrder(second.id()).get(0).filled()).isEqualTo(2);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(2);
        assertThat(f.inventory.position(PLATE, WH).onHand()).as("the receipt booked once").isEqualTo(1 + 3);
    }

    /** The in-memory book, with the cancellation landing right after the first fill of each receipt. */
    private final class CancellingBook implements BackorderBook {
        public Optional<BackorderResult> place(Backorder c, long room, long seen) { return book.place(c, room, seen); }
        public long receipts(Sku sku, LocationId at) { return book.receipts(sku, at); }
        public List<BackorderFill> fill(MovementKey r, Sku sku, LocationId at, int arrived) {
            List<BackorderFill> made = book.fill(r, sku, at, arrived);
            Runnable once = afterFill;
            afterFill = () -> { };
            once.run();
            return made;
        }
        public List<BackorderFill> passOn(BackorderFill fill, int cancelledTotal) {
            List<BackorderFill> made = book.passOn(fill, cancelledTotal);
            if (failAfterPassOn) {
                failAfterPassOn = false;
                throw new SpiException("book unreachable after passing on", null, true);
            }
            return made;
        }
        public void reopen(BackorderFill fill) { book.reopen(fill); }
        public Optional<Backorder> expect(BackorderId id, SupplyKind kind, Instant at) { return book.expect(id, kind, at); }
        public Optional<Backorder> cancel(BackorderId id, int total) { return book.cancel(id, total); }
        public Optional<Backorder> find(BackorderId id) { return book.find(id); }
        public List<Backorder> waiting(Sku sku, LocationId at) { return book.waiting(sku, at); }
        public int waitingUnits(Sku sku) { return book.waitingUnits(sku); }
        public List<Backorder> forOrder(OrderId order) { return book.forOrder(order); }
    }
}
