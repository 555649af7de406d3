package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.network.LocationId;
import io.omskit.core.transfer.IllegalTransferTransitionException;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferEvent;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferRequest;
import io.omskit.core.transfer.TransferResult;
import io.omskit.core.transfer.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stock moves between locations: held at the source, in transit, inbound at the destination, then on its shelf. */
class StockTransferTest {

    private static final TransferId T1 = TransferId.of("T-1");
    private static final Instant ARRIVAL = NOW.plus(Duration.ofDays(2));

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20).stock(MUG, STORE, 5).stock(PLATE, WH, 10);

    private TransferResult restock(TransferId id, int mugs) {
        return f.oms.transfers().request(new TransferRequest(id, WH, STORE, TransferReason.RESTOCK,
                List.of(TransferLine.of(MUG, mugs), TransferLine.of(PLATE, 2)), ARRIVAL));
    }

    @Test
    void restocking_a_store_holds_the_units_at_the_warehouse_and_announces_them_at_the_store() {
        TransferResult result = restock(T1, 4);

        assertThat(result.isRequested()).isTrue();
        Transfer t = f.oms.transfers().get(T1);
        assertThat(t.status()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(f.inventory.position(MUG, WH).allocated()).isEqualTo(4);
        assertThat(f.inventory.position(MUG, WH).availableToSell()).isEqualTo(16);
        assertThat(f.inventory.inbound(MUG)).containsExactly(new InboundSupply(MUG, STORE, 4, ARRIVAL, "transfer:T-1"));
        assertThat(f.inventory.inbound(PLATE)).containsExactly(new InboundSupply(PLATE, STORE, 2, ARRIVAL, "transfer:T-1"));
        assertThat(f.events.events(TransferEvent.TransferRequested.class)).singleElement()
                .satisfies(e -> assertThat(e.lines()).containsExactly(TransferLine.of(MUG, 4), TransferLine.of(PLATE, 2)));
        assertThat(f.oms.transfers().inboundTo(STORE, 10)).containsExactly(t);
    }

    @Test
    void shipping_takes_the_units_off_the_source_and_receiving_puts_them_on_the_destination_shelf() {
        restock(T1, 4);

        Transfer shipped = f.oms.transfers().ship(T1, ShipmentDetails.of("truck-7", "own fleet", ""));

        assertThat(shipped.status()).isEqualTo(TransferStatus.SHIPPED);
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(16);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.inventory.position(MUG, STORE).inbound()).as("in transit, still expected").isEqualTo(4);

        Transfer received = f.oms.transfers().receive(T1);

        assertThat(received.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(9);
        assertThat(f.inventory.position(MUG, STORE).inbound()).isZero();
        assertThat(f.inventory.position(PLATE, STORE).onHand()).isEqualTo(2);
        assertThat(f.inventory.inbound(MUG)).isEmpty();
        assertThat(f.inventory.networkAvailable(MUG)).as("no unit lost on the way").isEqualTo(25);
        assertThat(f.events.events(TransferEvent.class)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TransferRequested", "TransferShipped", "TransferReceived");
        assertThat(f.oms.transfers().inboundTo(STORE, 10)).isEmpty();
    }

    @Test
    void every_step_repeated_with_the_same_key_moves_nothing_more() {
        restock(T1, 4);
        TransferResult again = restock(T1, 4);
        f.oms.transfers().ship(T1, ShipmentDetails.of("truck-7", "own fleet", ""));
        f.oms.transfers().ship(T1, ShipmentDetails.of("truck-7", "own fleet", ""));
        f.oms.transfers().receive(T1);
        f.oms.transfers().receive(T1);
        f.oms.transfers().sync(T1);

        assertThat(again).isInstanceOfSatisfying(TransferResult.Requested.class, r -> assertThat(r.replayed()).isTrue());
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(16);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(9);
        assertThat(f.events.events(TransferEvent.TransferRequested.class)).as("events of a repeat are published again,"
                + " with the same id").extracting(TransferEvent::eventId).containsOnly(
                f.events.events(TransferEvent.TransferRequested.class).get(0).eventId());
        assertThatThrownBy(() -> restock(T1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transferId T-1 was used for");
    }

    @Test
    void a_source_short_of_stock_refuses_the_transfer_with_its_shortage_and_holds_nothing() {
        TransferResult result = restock(T1, 21);

        assertThat(result).isInstanceOfSatisfying(TransferResult.Refused.class, r -> assertThat(r.shortages())
                .containsExactly(new Shortage(MUG, WH, 21, 20)));
        assertThat(f.oms.transfers().find(T1)).isEmpty();
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.inventory.inbound(MUG)).isEmpty();
    }

    @Test
    void cancelling_before_it_leaves_frees_the_units_and_withdraws_the_inbound_and_once_shipped_it_cannot_be_cancelled() {
        restock(T1, 4);
        restock(TransferId.of("T-2"), 3);

        Transfer cancelled = f.oms.transfers().cancel(T1, "store refitting");
        f.oms.transfers().cancel(T1, "store refitting");
        f.oms.transfers().ship(TransferId.of("T-2"), ShipmentDetails.of("truck-8", "own fleet", ""));

        assertThat(cancelled.status()).isEqualTo(TransferStatus.CANCELLED);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(17);
        assertThat(f.inventory.inbound(MUG)).containsExactly(new InboundSupply(MUG, STORE, 3, ARRIVAL, "transfer:T-2"));
        assertThatThrownBy(() -> f.oms.transfers().cancel(TransferId.of("T-2"), "too late"))
                .isInstanceOf(IllegalTransferTransitionException.class).hasMessageContaining("is SHIPPED and cannot cancel");
        assertThatThrownBy(() -> f.oms.transfers().receive(T1))
                .isInstanceOf(IllegalTransferTransitionException.class).hasMessageContaining("CANCELLED");
    }

    @Test
    void a_bad_request_names_every_problem_and_changes_nothing() {
        TransferRequest bad = new TransferRequest(T1, LocationId.of("NOWHERE"), LocationId.of("NOWHERE"),
                TransferReason.SURPLUS, List.of(TransferLine.of(MUG, 1), TransferLine.of(MUG, 2)), NOW.minusSeconds(1));

        assertThatThrownBy(() -> f.oms.transfers().request(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("to", "from", "to", "lines", "expectedArrival"));
        assertThat(f.oms.transfers().find(T1)).isEmpty();
        assertThat(f.inventory.inbound(MUG)).isEmpty();
    }
    private static final ShipmentDetails TRUCK = ShipmentDetails.of("truck-7", "own fleet", "");

    @Test
    void a_part_receipt_puts_the_counted_units_on_the_shelf_and_keeps_the_rest_inbound_until_a_later_receipt() {
        restock(T1, 4);
        f.oms.transfers().ship(T1, TRUCK);

        Transfer part = f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 3)));

        assertThat(part.status()).isEqualTo(TransferStatus.PART_RECEIVED);
        assertThat(part.outstanding()).containsExactly(TransferLine.of(MUG, 1), TransferLine.of(PLATE, 2));
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(8);
        assertThat(f.inventory.inbound(MUG)).containsExactly(new InboundSupply(MUG, STORE, 1, ARRIVAL, "transfer:T-1"));
        assertThat(f.inventory.inbound(PLATE)).containsExactly(new InboundSupply(PLATE, STORE, 2, ARRIVAL, "transfer:T-1"));
        assertThat(f.oms.transfers().inboundTo(STORE, 10)).containsExactly(part);

        Transfer done = f.oms.transfers().receive(T1, "DN-2", List.of(TransferLine.of(PLATE, 2), TransferLine.of(MUG, 1)));

        assertThat(done.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(done.outstanding()).isEmpty();
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(9);
        assertThat(f.inventory.position(PLATE, STORE).onHand()).isEqualTo(2);
        assertThat(f.inventory.inbound(MUG)).isEmpty();
        assertThat(f.inventory.networkAvailable(MUG)).isEqualTo(25);
        assertThat(f.events.events(TransferEvent.class)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TransferRequested", "TransferShipped", "TransferPartReceived", "TransferReceived");
        assertThat(f.events.events(TransferEvent.TransferReceived.class)).singleElement()
                .satisfies(e -> assertThat(e.receiptKey()).isEqualTo("DN-2"));
    }

    @Test
    void closing_short_writes_off_what_never_arrived_and_keeps_what_was_counted_in() {
        restock(T1, 4);
        f.oms.transfers().ship(T1, TRUCK);
        f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 3)));

        Transfer closed = f.oms.transfers().closeShort(T1, "pallet lost by the haulier");
        f.oms.transfers().closeShort(T1, "pallet lost by the haulier");

        assertThat(closed.status()).isEqualTo(TransferStatus.CLOSED_SHORT);
        assertThat(closed.lost()).containsExactly(TransferLine.of(MUG, 1), TransferLine.of(PLATE, 2));
        assertThat(closed.received(MUG)).isEqualTo(3);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(8);
        assertThat(f.inventory.position(MUG, STORE).inbound()).isZero();
        assertThat(f.inventory.position(PLATE, STORE).onHand()).isZero();
        assertThat(f.inventory.inbound(PLATE)).isEmpty();
        assertThat(f.inventory.position(MUG, WH).onHand()).isEqualTo(16);
        assertThat(f.inventory.networkAvailable(MUG)).as("one mug lost on the way").isEqualTo(24);
        assertThat(f.oms.transfers().inboundTo(STORE, 10)).isEmpty();
        assertThat(f.events.events(TransferEvent.TransferClosedShort.class)).as("a repeat publishes again, same event id")
                .extracting(TransferEvent::eventId).containsOnly(closed.history().get(3).eventId());
        assertThat(f.events.events(TransferEvent.TransferClosedShort.class).get(0).lost())
                .containsExactly(TransferLine.of(MUG, 1), TransferLine.of(PLATE, 2));
        assertThatThrownBy(() -> f.oms.transfers().receive(T1, "DN-3", List.of(TransferLine.of(MUG, 1))))
                .isInstanceOf(IllegalTransferTransitionException.class).hasMessageContaining("is CLOSED_SHORT");
    }

    @Test
    void a_receipt_repeated_under_its_key_changes_nothing_more_and_a_key_reused_for_other_lines_is_refused() {
        restock(T1, 4);
        f.oms.transfers().ship(T1, TRUCK);
        Transfer first = f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 2)));

        Transfer again = f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 2)));

        assertThat(again).isEqualTo(first);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(7);
        assertThatThrownBy(() -> f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("receiptKey")));
        assertThat(f.oms.transfers().get(T1)).isEqualTo(first);
    }

    @Test
    void counting_in_more_than_is_expected_or_a_sku_not_on_the_transfer_is_refused_naming_each_line_and_changes_nothing() {
        TransferId t2 = TransferId.of("T-2");
        f.oms.transfers().request(new TransferRequest(t2, WH, STORE, TransferReason.RESTOCK, List.of(TransferLine.of(MUG, 4)),
                ARRIVAL));
        f.oms.transfers().ship(t2, TRUCK);
        f.oms.transfers().receive(t2, "DN-1", List.of(TransferLine.of(MUG, 3)));

        assertThatThrownBy(() -> f.oms.transfers().receive(t2, "DN-2", List.of(TransferLine.of(MUG, 2), TransferLine.of(PLATE, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("lines[MUG]", "2", "must be at most the 1 units still expected"),
                        new Problem("lines[PLATE]", "1", "must be a SKU of transfer T-2")));
        assertThatThrownBy(() -> f.oms.transfers().receive(t2, " ", List.of(TransferLine.of(MUG, 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("receiptKey");
        assertThat(f.oms.transfers().get(t2).status()).isEqualTo(TransferStatus.PART_RECEIVED);
        assertThat(f.inventory.position(MUG, STORE).onHand()).isEqualTo(8);
        assertThat(f.inventory.position(MUG, STORE).inbound()).isEqualTo(1);
    }

    @Test
    void nothing_is_counted_in_or_written_off_before_the_transfer_ships() {
        restock(T1, 4);

        assertThatThrownBy(() -> f.oms.transfers().receive(T1, "DN-1", List.of(TransferLine.of(MUG, 1))))
                .isInstanceOf(IllegalTransferTransitionException.class).hasMessageContaining("is REQUESTED and cannot receive");
        assertThatThrownBy(() -> f.oms.transfers().closeShort(T1, "lost"))
                .isInstanceOf(IllegalTransferTransitionException.class).hasMessageContaining("cannot closeShort");
        assertThat(f.inventory.position(MUG, STORE).inbound()).isEqualTo(4);
    }
}
