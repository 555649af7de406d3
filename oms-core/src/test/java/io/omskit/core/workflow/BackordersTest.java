package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderEvent;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.Backorders;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.notification.MessageData;
import io.omskit.core.notification.Notifier;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationSubject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backorders and pre-orders: sold beyond stock within the terms, filled from receipts, slips told to the customer. */
class BackordersTest {

    private static final Instant MARCH_20 = Instant.parse("2026-03-20T08:00:00Z");
    private static final Instant MARCH_27 = Instant.parse("2026-03-27T08:00:00Z");

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20);
    private final InMemoryBackorderBook book = new InMemoryBackorderBook();
    private int movements;

    private Backorders backorders(BackorderPolicy policy) {
        return Backorders.builder().inventory(f.inventory).book(book).policy(policy).clock(f.clock).publisher(f.events)
                .build();
    }

    private StockMovement move(MovementReason reason, int quantity, Instant eta, String po) {
        AdjustmentResult r = f.inventory.adjust(new StockAdjustment(MovementKey.of("mv-" + ++movements), PLATE, WH, reason,
                quantity, eta, po));
        assertThat(r.isApplied()).as("movement %s of %d applied", reason, quantity).isTrue();
        return ((AdjustmentResult.Applied) r).movement();
    }

    private static BackorderRequest request(String id, String order, int quantity) {
        return BackorderRequest.of(id, OrderId.of(order), LineId.of("1"), PLATE, WH, quantity);
    }

    @Test
    void a_preorder_of_3_against_10_inbound_is_promised_for_the_inbound_date() {
        Backorders service = backorders(BackorderPolicy.builder().sku(PLATE, SupplyTerms.preordersOnly()).build());
        move(MovementReason.INBOUND_EXPECTED, 10, MARCH_20, "po-7");

        BackorderResult result = service.place(request("bo-1", "order-1", 3));

        assertThat(result.isAccepted()).isTrue();
        Backorder b = ((BackorderResult.Accepted) result).backorder();
        assertThat(b.kind()).isEqualTo(SupplyKind.PREORDER);
        assertThat(b.expectedAt()).isEqualTo(MARCH_20);
        assertThat(b.waiting()).isEqualTo(3);
        assertThat(service.forOrder(OrderId.of("order-1"))).extracting(Backorder::line, Backorder::waiting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineId.of("1"), 3));
        assertThat(service.waiting(PLATE)).isEqualTo(3);
        assertThat(f.events.events(BackorderEvent.BackorderPlaced.class)).hasSize(1);

        BackorderResult tooMany = service.place(request("bo-2", "order-2", 8));
        assertThat(tooMany.isAccepted()).isFalse();
        assertThat(((BackorderResult.Refused) tooMany).room()).isEqualTo(7);
        assertThat(service.place(request("bo-3", "order-3", 7)).isAccepted()).isTrue();
    }

    @Test
    void a_backorder_limit_of_5_refuses_6_and_accepts_5_without_a_date() {
        Backorders service = backorders(BackorderPolicy.builder().skuAt(PLATE, WH, SupplyTerms.backorders(5)).build());

        BackorderResult six = service.place(request("bo-1", "order-1", 6));
        assertThat(six.isAccepted()).isFalse();
        assertThat(((BackorderResult.Refused) six).room()).isEqualTo(5);
        assertThat(((BackorderResult.Refused) six).reason()).contains("only 5 more");

        BackorderResult five = service.place(request("bo-2", "order-2", 5));
        assertThat(five.isAccepted()).isTrue();
        Backorder b = ((BackorderResult.Accepted) five).backorder();
        assertThat(b.kind()).isEqualTo(SupplyKind.BACKORDER);
        assertThat(b.expectedAt()).isNull();

        BackorderResult one = service.place(request("bo-3", "order-3", 1));
        assertThat(((BackorderResult.Refused) one).room()).isZero();
    }

    @Test
    void nothing_is_sold_beyond_stock_by_default() {
        Backorders service = backorders(BackorderPolicy.none());
        move(MovementReason.INBOUND_EXPECTED, 10, MARCH_20, "po-7");

        BackorderResult r = service.place(request("bo-1", "order-1", 1));

        assertThat(r.isAccepted()).isFalse();
        assertThat(((BackorderResult.Refused) r).reason()).contains("sells only stock on hand");
        assertThat(service.waiting(PLATE)).isZero();
    }

    @Test
    void a_receipt_of_4_fills_the_two_oldest_backorders_of_2_and_leaves_the_third_waiting() {
        Backorders service = backorders(BackorderPolicy.builder().location(WH, SupplyTerms.preordersOnly()).build());
        move(MovementReason.INBOUND_EXPECTED, 10, MARCH_20, "po-7");
        for (int i = 1; i <= 3; i++) {
            assertThat(service.place(request("bo-" + i, "order-" + i, 2)).isAccepted()).isTrue();
            f.clock.advance(Duration.ofMinutes(1));
        }

        StockMovement receipt = move(MovementReason.INBOUND_RECEIVED, 4, null, "po-7");
        List<BackorderFill> fills = service.receiptBooked(receipt);

        assertThat(fills).extracting(BackorderFill::backorder, BackorderFill::units).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BackorderId.of("bo-1"), 2),
                org.assertj.core.groups.Tuple.tuple(BackorderId.of("bo-2"), 2));
        assertThat(service.find(BackorderId.of("bo-1")).orElseThrow().isFilled()).isTrue();
        assertThat(service.find(BackorderId.of("bo-3")).orElseThrow().waiting()).isEqualTo(2);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(4);
        assertThat(f.inventory.findReservation(Backorders.reservationKey(fills.get(0))).orElseThrow().reference())
                .isEqualTo("order-1");
        assertThat(f.events.events(BackorderEvent.BackorderFilled.class)).hasSize(2);

        List<BackorderFill> again = service.receiptBooked(receipt);

        assertThat(again).isEqualTo(fills);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(4);
        assertThat(service.find(BackorderId.of("bo-3")).orElseThrow().waiting()).isEqualTo(2);
        assertThat(f.events.events(BackorderEvent.BackorderFilled.class).stream().map(BackorderEvent::eventId).distinct())
                .as("the fills published again under the same ids").hasSize(2);
        assertThat(f.events.events(BackorderEvent.BackorderFilled.class)).hasSize(4);
    }

    @Test
    void priority_goes_before_age() {
        Backorders service = backorders(BackorderPolicy.builder().defaults(SupplyTerms.backorders(10)).build());
        service.place(request("bo-old", "order-1", 2));
        f.clock.advance(Duration.ofMinutes(5));
        service.place(new BackorderRequest(BackorderId.of("bo-vip"), OrderId.of("order-2"), LineId.of("1"), PLATE, WH, 2, 5));
        move(MovementReason.INBOUND_EXPECTED, 3, MARCH_20, "po-8");

        List<BackorderFill> fills = service.receiptBooked(move(MovementReason.INBOUND_RECEIVED, 3, null, "po-8"));

        assertThat(fills).extracting(BackorderFill::backorder, BackorderFill::units).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BackorderId.of("bo-vip"), 2),
                org.assertj.core.groups.Tuple.tuple(BackorderId.of("bo-old"), 1));
        assertThat(service.find(BackorderId.of("bo-old")).orElseThrow().waiting()).isEqualTo(1);
    }

    @Test
    void a_fill_whose_units_were_sold_in_between_waits_again() {
        Backorders service = backorders(BackorderPolicy.builder().defaults(SupplyTerms.preordersOnly()).build());
        move(MovementReason.INBOUND_EXPECTED, 2, MARCH_20, "po-9");
        service.place(request("bo-1", "order-1", 2));
        StockMovement receipt = move(MovementReason.INBOUND_RECEIVED, 2, null, "po-9");
        f.inventory.reserve(new ReservationRequest(ReservationKey.of("walk-in"), "someone else",
                List.of(ReservationLine.at(PLATE, WH, 2)), null));

        assertThat(service.receiptBooked(receipt)).isEmpty();

        assertThat(service.find(BackorderId.of("bo-1")).orElseThrow().waiting()).isEqualTo(2);
        assertThat(f.inventory.position(PLATE, WH).reserved()).isEqualTo(2);
    }

    @Test
    void a_slip_tells_the_customer_the_new_date() {
        RecordingNotificationSender sender = new RecordingNotificationSender();
        Notifier notifier = Notifier.builder(f.oms, sender, new InMemoryNotificationLog()).build();
        Backorders service = Backorders.builder().inventory(f.inventory).book(book).clock(f.clock).publisher(notifier)
                .policy(BackorderPolicy.builder().sku(PLATE, SupplyTerms.preordersOnly()).build()).build();
        Order order = f.oms.placeOrder(f.webOrder("web-1").line("1", "MUG", 1, eur(12)).build()).order();
        move(MovementReason.INBOUND_EXPECTED, 10, MARCH_20, "po-7");
        BackorderId id = ((BackorderResult.Accepted) service.place(new BackorderRequest(BackorderId.of("bo-1"), order.id(),
                LineId.of("2"), PLATE, WH, 3, 0))).backorder().id();

        move(MovementReason.INBOUND_CANCELLED, 10, null, "po-7");
        move(MovementReason.INBOUND_EXPECTED, 10, MARCH_27, "po-7");
        List<BackorderEvent.SupplyDateMoved> slips = service.supplyChanged(PLATE, WH);

        assertThat(slips).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(MARCH_20);
            assertThat(s.to()).isEqualTo(MARCH_27);
        });
        assertThat(service.find(id).orElseThrow().expectedAt()).isEqualTo(MARCH_27);
        List<Notification> told = sender.delivered(order.id()).stream()
                .filter(n -> n.subject().kind() == NotificationSubject.Kind.SUPPLY_DATE).toList();
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.subject().name()).isEqualTo("SUPPLY_DELAYED");
            assertThat(n.data()).containsEntry(MessageData.EXPECTED_AT, MARCH_27.toString())
                    .containsEntry(MessageData.PREVIOUSLY_EXPECTED_AT, MARCH_20.toString())
                    .containsEntry(MessageData.SKU, "PLATE");
        });

        assertThat(service.supplyChanged(PLATE, WH)).as("nothing moved since").isEmpty();
        move(MovementReason.INBOUND_CANCELLED, 10, null, "po-7");
        assertThat(service.supplyChanged(PLATE, WH)).singleElement().satisfies(s -> assertThat(s.to()).isNull());
        assertThat(service.find(id).orElseThrow().kind()).isEqualTo(SupplyKind.BACKORDER);
        assertThat(sender.delivered(order.id()).stream()
                .filter(n -> n.subject().kind() == NotificationSubject.Kind.SUPPLY_DATE)).hasSize(2);
    }

    @Test
    void an_earlier_date_is_not_a_slip() {
        Backorders service = backorders(BackorderPolicy.builder().sku(PLATE, SupplyTerms.preordersOnly()).build());
        move(MovementReason.INBOUND_EXPECTED, 5, MARCH_27, "po-7");
        service.place(request("bo-1", "order-1", 3));
        move(MovementReason.INBOUND_EXPECTED, 5, MARCH_20, "po-8");

        assertThat(service.supplyChanged(PLATE, WH)).isEmpty();
        assertThat(service.find(BackorderId.of("bo-1")).orElseThrow().expectedAt()).isEqualTo(MARCH_20);
    }

    @Test
    void placing_the_same_id_again_replays() {
        Backorders service = backorders(BackorderPolicy.builder().sku(PLATE, SupplyTerms.backorders(5)).build());
        service.place(request("bo-1", "order-1", 3));

        BackorderResult again = service.place(request("bo-1", "order-1", 3));

        assertThat(((BackorderResult.Accepted) again).replayed()).isTrue();
        assertThat(service.waiting(PLATE)).isEqualTo(3);
        assertThat(f.events.events(BackorderEvent.BackorderPlaced.class)).hasSize(2)
                .extracting(BackorderEvent::eventId).containsOnly(f.events.events(BackorderEvent.BackorderPlaced.class)
                        .get(0).eventId());
    }

    @Test
    void bad_input_names_field_value_and_rule() {
        assertThatThrownBy(() -> new BackorderRequest(BackorderId.of("bo-1"), OrderId.of("o"), LineId.of("1"), PLATE, null,
                0, -1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("location = null: must not be null")
                .hasMessageContaining("quantity = 0: must be from 1 to 100000000")
                .hasMessageContaining("priority = -1: must be from 0 to 1000");
        assertThatThrownBy(() -> SupplyTerms.backorders(-2)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("backorderLimit = -2: must be from 0 to 100000000");
        assertThatThrownBy(() -> BackorderPolicy.builder().sku(null, SupplyTerms.NONE).skuAt(PLATE, WH, null).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("settings[0].sku = null")
                .hasMessageContaining("settings[1].terms = null");
        Backorders service = backorders(BackorderPolicy.none());
        StockMovement count = move(MovementReason.COUNT_GAIN, 1, null, "count");
        assertThatThrownBy(() -> service.receiptBooked(count)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("receipt.reason = COUNT_GAIN: must be a movement of INBOUND_RECEIVED");
    }

    @Test
    void the_most_specific_setting_wins() {
        BackorderPolicy policy = BackorderPolicy.builder().defaults(SupplyTerms.backorders(1))
                .location(STORE, SupplyTerms.backorders(2)).sku(PLATE, SupplyTerms.backorders(3))
                .skuAt(PLATE, STORE, SupplyTerms.preordersOnly()).build();

        assertThat(policy.terms(MUG, WH)).isEqualTo(SupplyTerms.backorders(1));
        assertThat(policy.terms(MUG, STORE)).isEqualTo(SupplyTerms.backorders(2));
        assertThat(policy.terms(PLATE, WH)).isEqualTo(SupplyTerms.backorders(3));
        assertThat(policy.terms(PLATE, STORE)).isEqualTo(SupplyTerms.preordersOnly());
        assertThat(BackorderPolicy.none().terms(PLATE, WH)).isEqualTo(SupplyTerms.NONE);
    }
}
