package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.PLATE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.catalog.Sku;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderType;
import io.omskit.core.permission.DefaultActionPolicy;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.spi.SpiException;
import java.math.BigDecimal;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * An agent edits orders of mugs at 10.00 and plates at 5.00 before the goods move: more units reserve stock and
 * authorise the difference as a new tender, fewer units release stock and void, units a fulfilment holds are cancelled
 * through it, and every refusal or failure leaves order, stock and payment as they were, or the retry finishes once.
 */
class OrderLineEditTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10).stock(PLATE, WH, 5);
    private final CustomerService cs = f.oms.customerService();
    private final Actor agent = Actor.agent("agent-7");
    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private Order mugs(String ref, int n) {
        Order order = f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", n, eur("10.00")).build()).order();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        return order;
    }

    private Order current(Order order) {
        return f.oms.order(order.id()).orElseThrow();
    }

    private long authorisations() {
        return f.payments.calls().stream().filter(c -> c.kind() == PaymentRequest.Kind.AUTHORISE).count();
    }

    private int held(Sku sku) {
        return f.inventory.networkReserved(sku) + f.inventory.position(sku, WH).allocated();
    }

    @Test
    void more_mugs_and_a_new_plate_line_reserve_stock_and_authorise_the_difference_as_a_tender_charged_last() {
        Order order = mugs("e-1", 2);
        assertThat(order.payment().authorised()).isEqualTo(eur("20.00"));

        Acted<Order> acted = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3),
                LineEdit.add(L2, PLATE, 2, eur("5.00"))), "call-1");

        Order after = acted.get();
        assertThat(after.line(L1).orElseThrow().units().reserved()).isEqualTo(3);
        assertThat(after.line(L2).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(after.valueNotCancelled()).isEqualTo(eur("40.00"));
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(3);
        assertThat(f.inventory.networkReserved(PLATE)).isEqualTo(2);
        assertThat(after.payment().tenders()).extracting(Tender::id).first().isEqualTo(Order.SINGLE_PAYMENT);
        Tender edit = after.payment().tenders().get(1);
        assertThat(edit.authorised()).as("40.00 - 20.00").isEqualTo(eur("20.00"));
        assertThat(edit.paymentRef()).as("paid with the payment method charged last").isEqualTo("tok-visa");
        assertThat(after.payment().authorised()).isEqualTo(eur("40.00"));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("40.00"));
        assertThat(f.events.events(OrderEvent.OrderLinesEdited.class)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.valueBefore()).isEqualTo(eur("20.00"));
            assertThat(e.valueAfter()).isEqualTo(eur("40.00"));
        });
        assertThat(cs.timeline(order.id()).ofKind("order.lines-edited")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.text()).contains("line 1 to 3 unit(s)").contains("add line 2: 2 x PLATE at EUR 5.00")
                    .doesNotContain("A. Person").doesNotContain("Main Street");
        });
    }

    @Test
    void fewer_mugs_release_their_stock_and_void_what_they_were_authorised_for() {
        Order order = mugs("e-2", 4);

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 1)), "call-2").get();

        assertThat(after.line(L1).orElseThrow().units().cancelled()).isEqualTo(3);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(1);
        assertThat(after.payment().authorised()).isEqualTo(eur("10.00"));
        assertThat(f.payments.voided(order.id())).isEqualTo(eur("30.00"));
        assertThat(after.payment().hasTenders()).as("no money added, no tender").isFalse();
        assertThat(authorisations()).isEqualTo(1);
    }

    @Test
    void removing_a_line_a_fulfilment_holds_cancels_it_through_the_fulfilment_and_releases_the_allocation() {
        Order order = f.oms.placeOrder(f.webOrder("e-3").line("1", "MUG", 3, eur("10.00")).line("2", "PLATE", 1, eur("5.00"))
                .build()).order();
        f.oms.allocate(order.id(), "e-3-WH", WH, List.of(LineQuantity.of(L1, 3)));
        FulfilmentId fid = FulfilmentId.of("e-3-WH");

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.remove(L1)), "drop-mugs").get();

        assertThat(after.line(L1).orElseThrow().units().cancelled()).isEqualTo(3);
        assertThat(f.oms.fulfilments().get(fid).status()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(f.inventory.position(MUG, WH).allocated()).isZero();
        assertThat(held(MUG)).isZero();
        assertThat(after.payment().authorised()).isEqualTo(eur("5.00"));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("5.00"));
    }

    @Test
    void swapping_an_allocated_line_for_a_dearer_one_authorises_only_what_the_new_line_costs_beyond_the_old() {
        Order order = f.oms.placeOrder(f.webOrder("e-4").line("1", "MUG", 1, eur("10.00")).build()).order();
        f.oms.allocate(order.id(), "e-4-WH", WH, List.of(LineQuantity.of(L1, 1)));

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.remove(L1), LineEdit.add(L2, PLATE, 3, eur("5.00"))),
                "swap").get();

        assertThat(after.valueNotCancelled()).isEqualTo(eur("15.00"));
        assertThat(after.payment().authorised()).as("authorised ends at what the order owes").isEqualTo(eur("15.00"));
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("15.00"));
        assertThat(held(MUG)).isZero();
        assertThat(held(PLATE)).isEqualTo(3);
    }

    @Test
    void a_line_being_picked_cannot_lose_units_but_may_get_more_and_a_refusal_changes_nothing() {
        Order order = mugs("e-5", 2);
        f.oms.allocate(order.id(), "e-5-WH", WH, List.of(LineQuantity.of(L1, 2)));
        FulfilmentId fid = FulfilmentId.of("e-5-WH");
        f.oms.fulfilments().accept(fid);
        f.oms.fulfilments().startPicking(fid);
        Order before = current(order);

        Acted<Order> lower = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 1)), "lower");

        assertThat(lower.refused()).isTrue();
        assertThat(lower.verdict().rule()).isEqualTo(CustomerService.CHANGE_BEFORE_PICKING);
        assertThat(lower.verdict().reason()).contains("e-5-WH").contains("PICKING");
        assertThat(current(order)).isEqualTo(before);

        Order raised = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3)), "raise").get();
        assertThat(raised.line(L1).orElseThrow().units().reserved()).isEqualTo(1);
        assertThat(raised.line(L1).orElseThrow().units().allocated()).isEqualTo(2);
        assertThat(raised.status()).as("a unit waits for sourcing").isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void a_declined_difference_refuses_the_edit_and_puts_stock_and_payment_back_as_they_were() {
        Order order = mugs("e-6", 2);
        f.payments.declineNext("insufficient funds");

        Acted<Order> acted = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 5)), "call-6");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.EDIT_PAYMENT_DECLINED);
        assertThat(acted.verdict().reason()).contains("EUR 30.00").contains("insufficient funds");
        Order after = current(order);
        assertThat(after.lines()).isEqualTo(order.lines());
        assertThat(after.payment()).isEqualTo(order.payment());
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(2);
        assertThat(f.payments.openAuthorisation(order.id())).isEqualTo(eur("20.00"));
    }

    @Test
    void an_unknown_answer_puts_the_stock_back_and_the_retry_with_the_same_key_finishes_the_edit_once() {
        Order order = mugs("e-7", 2);
        f.payments.timeOutNext(true);

        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3)), "call-7"))
                .isInstanceOf(SpiException.class).hasMessageContaining("same key");
        assertThat(f.inventory.networkReserved(MUG)).as("put back until the edit is finished").isEqualTo(2);
        assertThat(current(order).lines()).isEqualTo(order.lines());

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3)), "call-7").get();
        Order again = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3)), "call-7").get();

        assertThat(again).isEqualTo(after);
        assertThat(after.line(L1).orElseThrow().units().reserved()).isEqualTo(3);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(3);
        assertThat(f.payments.authorisedInTotal(order.id())).as("10.00 authorised once").isEqualTo(eur("30.00"));
        assertThat(after.payment().authorised()).isEqualTo(eur("30.00"));
        assertThat(f.events.events(OrderEvent.OrderLinesEdited.class)).hasSize(1);
    }

    @Test
    void an_unknown_edit_left_alone_is_undone_by_the_next_edit_and_its_retry_is_refused() {
        Order order = mugs("e-8", 2);
        f.payments.timeOutNext(true);
        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 4)), "first"))
                .isInstanceOf(SpiException.class);

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 1)), "second").get();

        assertThat(after.payment().authorised()).isEqualTo(eur("10.00"));
        assertThat(f.payments.openAuthorisation(order.id())).as("the 20.00 the first edit got is voided").isEqualTo(eur("10.00"));
        Acted<Order> retry = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 4)), "first");
        assertThat(retry.verdict().rule()).isEqualTo(CustomerService.EDIT_UNDONE);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(1);
    }

    @Test
    void an_unreachable_provider_changes_nothing_and_the_retry_finishes() {
        Order order = mugs("e-9", 1);
        f.payments.unreachableNext();

        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.add(L2, PLATE, 1, eur("5.00"))), "k"))
                .isInstanceOf(SpiException.class);
        assertThat(f.inventory.networkReserved(PLATE)).isZero();

        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.add(L2, PLATE, 1, eur("5.00"))), "k").get();
        assertThat(after.payment().authorised()).isEqualTo(eur("15.00"));
        assertThat(f.inventory.networkReserved(PLATE)).isEqualTo(1);
    }

    @Test
    void not_enough_stock_refuses_naming_the_sku_and_changes_nothing() {
        Order order = mugs("e-10", 2);

        Acted<Order> acted = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 20)), "many");

        assertThat(acted.verdict().rule()).isEqualTo(CustomerService.EDIT_STOCK_SHORT);
        assertThat(acted.verdict().reason()).contains("MUG: 10 available, 20 needed");
        assertThat(current(order)).isEqualTo(order);
        assertThat(f.inventory.networkReserved(MUG)).isEqualTo(2);
        assertThat(authorisations()).isEqualTo(1);
    }

    @Test
    void bad_edits_are_named_field_by_field_before_anything_changes() {
        Order order = mugs("e-11", 2);

        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(LineId.of("9"), 1),
                LineEdit.add(L1, PLATE, 0, eur("5.00")), LineEdit.add(L2, Sku.of("NOPE"), 1, Money.parse("USD 5.00"))), "bad"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("edits[0].line", "edits[1].line", "edits[1].quantity", "edits[2].sku", "edits[2].unitPrice"))
                .hasMessageContaining("NOPE").hasMessageContaining("USD 5.00");
        assertThat(current(order)).isEqualTo(order);
    }

    @Test
    void a_quantity_below_what_was_picked_is_bad_input() {
        FulfilmentId fid = f.packedParcel("e-12", 3);
        Order order = f.oms.order(f.oms.fulfilments().get(fid).orderId()).orElseThrow();

        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 2)), "below"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("edits[0].quantity = 2")
                .hasMessageContaining("3 unit(s) of line 1 already picked");
        assertThatThrownBy(() -> cs.editLines(order.id(), agent, List.of(LineEdit.remove(L1)), "gone"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 3");
    }

    @Test
    void a_customer_may_edit_until_picking_starts_and_a_cancelled_order_is_not_edited() {
        Order order = mugs("e-13", 1);
        f.oms.allocate(order.id(), "e-13-WH", WH, List.of(LineQuantity.of(L1, 1)));
        f.oms.fulfilments().accept(FulfilmentId.of("e-13-WH"));
        Actor owner = Actor.customer(CustomerRef.of("customer-1"));
        assertThat(cs.editLines(order.id(), owner, List.of(LineEdit.changeQuantity(L1, 2)), "before-picking").refused()).isFalse();
        f.oms.fulfilments().startPicking(FulfilmentId.of("e-13-WH"));
        Actor customer = Actor.customer(CustomerRef.of("customer-1"));

        Acted<Order> acted = cs.editLines(order.id(), customer, List.of(LineEdit.changeQuantity(L1, 3)), "mine");
        assertThat(acted.refused()).isTrue();
        assertThat(acted.verdict().rule()).isEqualTo(DefaultActionPolicy.CUSTOMER_CANCELS_BEFORE_PREPARATION);

        Order other = mugs("e-14", 1);
        f.oms.cancelOrder(other.id(), io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST);
        assertThat(cs.editLines(other.id(), agent, List.of(LineEdit.changeQuantity(L1, 2)), "late").verdict().rule())
                .isEqualTo(CustomerService.EDIT_OPEN_ORDER);
    }

    @Test
    void with_a_gift_card_and_a_card_the_difference_is_a_third_tender_on_the_card_and_fewer_units_void_it_first() {
        Order order = f.oms.placeOrder(f.webOrder("e-15").paymentRef(null).line("1", "MUG", 4, eur("12.50"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa")
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00")).build()).order();

        Order raised = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 6)), "more").get();
        assertThat(raised.payment().tenders()).extracting(Tender::id).startsWith("gift", "card").hasSize(3);
        Tender edit = raised.payment().tenders().get(2);
        assertThat(edit.type()).isEqualTo(TenderType.CARD);
        assertThat(edit.paymentRef()).isEqualTo("tok-visa");
        assertThat(edit.authorised()).isEqualTo(eur("25.00"));

        Order lowered = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 3)), "fewer").get();
        assertThat(lowered.payment().tender(edit.id()).orElseThrow().status()).as("voided first: 37.50 less")
                .isEqualTo(PaymentStatus.VOIDED);
        assertThat(lowered.payment().tender("card").orElseThrow().authorised()).isEqualTo(eur("17.50"));
        assertThat(lowered.payment().tender("gift").orElseThrow().authorised()).isEqualTo(eur("20.00"));
        assertThat(lowered.payment().authorised()).isEqualTo(eur("37.50"));
    }

    @Test
    void the_event_and_the_order_with_its_edit_tender_read_back_from_json_as_they_were_written() throws Exception {
        Order order = mugs("e-16", 1);
        Order after = cs.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(L1, 2),
                LineEdit.add(L2, PLATE, 1, eur("5.00"))), "json-1").get();
        com.fasterxml.jackson.databind.ObjectMapper mapper = io.omskit.core.jackson.OmsJson.newMapper();

        assertThat(f.events.events(OrderEvent.OrderLinesEdited.class)).singleElement().satisfies(e ->
                assertThat(mapper.readValue(mapper.writeValueAsString(e), OrderEvent.class)).isEqualTo(e));
        assertThat(mapper.readValue(mapper.writeValueAsString(after), Order.class)).isEqualTo(after);
    }
}
