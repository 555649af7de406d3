package io.omskit.returns.rma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The return aggregate's own rules: its transition table, what a receipt matches and what inspection accepts. */
class ReturnLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");
    private static final Sku SHIRT = Sku.of("SHIRT");
    private static final Sku JEANS = Sku.of("JEANS");

    private final Return authorised = Return.authorise(ReturnId.of("r-1"), OrderId.of("o-1"), CustomerRef.of("c-1"), Channel.WEB,
            ReturnMethod.carrierCollection(LocationId.of("WH-1")), RefundTender.ORIGINAL_PAYMENT,
            List.of(ReturnLine.of(L1, SHIRT, 2, ReturnReason.DOES_NOT_FIT), ReturnLine.of(L2, JEANS, 1, ReturnReason.DEFECTIVE)), T0).state();

    private static Refund refund(String key, int units) {
        Money m = Money.of(CurrencyUnit.EUR, 10);
        Money zero = Money.zero(CurrencyUnit.EUR);
        return new Refund(key, RefundTender.ORIGINAL_PAYMENT, List.of(new Refund.RefundedUnits(L1, 0, units)), m, zero, zero, zero, m,
                RefundStatus.REQUESTED, "", "", T0);
    }

    @Test
    void the_goods_go_authorised_in_transit_received_inspected_then_refunded() {
        Return r = authorised.markInTransit("track-1", T0).state();
        assertThat(r.status()).isEqualTo(ReturnStatus.IN_TRANSIT);
        r = r.receive("scan-1", List.of(Arrival.of(SHIRT, 2), Arrival.of(JEANS, 1)), T0).state();
        assertThat(r.status()).isEqualTo(ReturnStatus.RECEIVED);
        r = r.inspect("i-1", L1, Grade.AS_NEW, Disposition.RESTOCK, 2, T0).state();
        assertThat(r.status()).as("line 2 not inspected yet").isEqualTo(ReturnStatus.RECEIVED);
        r = r.inspect("i-2", L2, Grade.DAMAGED, Disposition.RETURN_TO_VENDOR, 1, T0).state();
        assertThat(r.status()).isEqualTo(ReturnStatus.INSPECTED);
        r = r.requestRefund(refund("k-1", 2), T0).state();
        r = r.recordRefund("k-1", true, "ref-1", "", T0).state();
        r = r.finish(T0).state();

        assertThat(r.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(r.version()).isEqualTo(8);
        assertThat(r.refundedAmount()).contains(Money.of(CurrencyUnit.EUR, 10));
    }

    @Test
    void a_finished_return_accepts_no_command_but_tidying_its_label_and_says_which_it_would() {
        Return cancelled = authorised.cancel("changed their mind", T0).state();

        assertThat(ReturnTransitions.allowed(ReturnStatus.CANCELLED)).as("the answer to a label asked for, voiding it")
                .containsExactlyInAnyOrder(ReturnCommand.RECORD_LABEL, ReturnCommand.VOID_LABEL);
        assertThatThrownBy(() -> cancelled.requestLabelVoid(T0)).isInstanceOf(IllegalReturnTransitionException.class)
                .hasMessageContaining("it has no booked label");
        assertThatThrownBy(() -> cancelled.markInTransit("t", T0)).isInstanceOfSatisfying(IllegalReturnTransitionException.class, e -> {
            assertThat(e.status()).isEqualTo(ReturnStatus.CANCELLED);
            assertThat(e.command()).isEqualTo(ReturnCommand.MARK_IN_TRANSIT);
            assertThat(e).hasMessageContaining("return r-1 in status CANCELLED cannot MARK_IN_TRANSIT");
        });
    }

    @Test
    void nothing_can_be_inspected_before_it_arrived() {
        assertThatThrownBy(() -> authorised.inspect("i-1", L1, Grade.GOOD, Disposition.RESTOCK, 1, T0))
                .isInstanceOf(IllegalReturnTransitionException.class)
                .hasMessageContaining("allowed commands: " + ReturnTransitions.allowed(ReturnStatus.AUTHORISED));
    }

    @Test
    void a_refund_may_precede_the_goods_but_a_return_with_refunds_is_closed_not_cancelled() {
        Return refunded = authorised.requestRefund(refund("k-1", 1), T0).state().recordRefund("k-1", true, "ref", "", T0).state();

        assertThat(refunded.status()).isEqualTo(ReturnStatus.AUTHORISED);
        assertThatThrownBy(() -> refunded.cancel("no", T0)).hasMessageContaining("close it instead");
        assertThat(refunded.close(T0).state().status()).isEqualTo(ReturnStatus.CLOSED);
    }

    @Test
    void one_refund_at_a_time_and_never_more_units_than_authorised() {
        Return pending = authorised.requestRefund(refund("k-1", 1), T0).state();

        assertThatThrownBy(() -> pending.requestRefund(refund("k-2", 1), T0)).hasMessageContaining("refund k-1 waits");
        Return answered = pending.recordRefund("k-1", true, "ref", "", T0).state();
        assertThatThrownBy(() -> answered.requestRefund(refund("k-2", 2), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 2 authorised");
        assertThatThrownBy(() -> answered.requestRefund(refund("k-1", 1), T0)).hasMessageContaining("k-1 was used before");
        assertThat(answered.recordRefund("k-1", false, "", "late", T0).changed()).as("an answered refund stays answered").isFalse();
    }

    @Test
    void a_second_receipt_with_the_same_key_records_nothing() {
        Return once = authorised.receive("scan-1", List.of(Arrival.of(SHIRT, 1)), T0).state();

        assertThat(once.receive("scan-1", List.of(Arrival.of(SHIRT, 1)), T0).changed()).isFalse();
        assertThat(once.line(L1).orElseThrow().received()).isEqualTo(1);
    }

    @Test
    void closing_waits_for_received_units_to_be_inspected() {
        Return received = authorised.receive("scan-1", List.of(Arrival.of(SHIRT, 1)), T0).state();

        assertThatThrownBy(() -> received.close(T0)).hasMessageContaining("line 1 has 1 received unit(s) to inspect");
    }

    @Test
    void every_status_is_in_the_table_and_only_unfinished_ones_accept_commands_on_their_goods_or_money() {
        EnumSet<ReturnCommand> labelOnly = EnumSet.of(ReturnCommand.RECORD_LABEL, ReturnCommand.VOID_LABEL);
        for (ReturnStatus s : ReturnStatus.values()) {
            assertThat(ReturnTransitions.allowed(s)).as("%s", s).isNotNull();
            EnumSet<ReturnCommand> onGoodsOrMoney = EnumSet.noneOf(ReturnCommand.class);
            onGoodsOrMoney.addAll(ReturnTransitions.allowed(s));
            onGoodsOrMoney.removeAll(labelOnly);
            onGoodsOrMoney.removeAll(EnumSet.of(ReturnCommand.REFUND_SHIPPING, ReturnCommand.RECORD_REFUND));
            assertThat(onGoodsOrMoney.isEmpty()).as("%s", s).isEqualTo(s.isFinished());
        }
        // a finished return only carries the order's shipping refund that falls due after it (issue 18)
        assertThat(ReturnTransitions.allowed(ReturnStatus.REFUNDED)).containsExactlyInAnyOrder(ReturnCommand.REFUND_SHIPPING, ReturnCommand.RECORD_REFUND);
        assertThat(ReturnTransitions.allowed(ReturnStatus.CLOSED)).containsExactlyInAnyOrder(ReturnCommand.REFUND_SHIPPING, ReturnCommand.RECORD_REFUND);
        assertThat(ReturnTransitions.allowed(ReturnStatus.CANCELLED)).doesNotContain(ReturnCommand.REFUND_SHIPPING);
        assertThat(ReturnTransitions.allowed(ReturnStatus.RECEIVED)).isEqualTo(EnumSet.of(ReturnCommand.RECORD_LABEL, ReturnCommand.RECEIVE, ReturnCommand.INSPECT,
                ReturnCommand.REQUEST_REFUND, ReturnCommand.RECORD_REFUND, ReturnCommand.RECORD_REPLACEMENT, ReturnCommand.CLOSE,
                ReturnCommand.REFUND_SHIPPING));
    }
}
