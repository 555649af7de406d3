package io.omskit.returns.policy;

import static io.omskit.returns.policy.ReturnPolicyVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.Address;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.ReturnReason;
import java.time.Duration;
import java.time.Instant;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Each rule of a return policy, checked in one line with the verifier. */
class ReturnPolicyTest {

    private static final Instant DELIVERED = Instant.parse("2026-03-02T10:00:00Z");
    private static final LineId L1 = LineId.of("1");

    private final Order order = Order.place(OrderId.of("o-1"), PlaceOrderRequest.builder()
            .channel(Channel.MARKETPLACE).externalRef("M-1").customer("c-1").currency("EUR")
            .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                    new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
            .line("1", "DRESS", 2, Money.of(CurrencyUnit.EUR, 40)).build(), DELIVERED).state();

    private static SkuAttributes sku(String category, boolean returnable) {
        return SkuAttributes.of(Sku.of("DRESS"), "Dress", category, 300, Dimensions.ofMillimetres(300, 200, 50), returnable);
    }

    @Test
    void a_return_within_the_window_is_accepted() {
        verifyThat(ReturnPolicy.standard()).given(order, L1).deliveredAt(DELIVERED).on(DELIVERED.plus(Duration.ofDays(30))).accepts();
    }

    @Test
    void a_return_beyond_the_window_is_refused_naming_the_window_and_its_end() {
        Refusal r = verifyThat(ReturnPolicy.standard()).given(order, L1).deliveredAt(DELIVERED)
                .on(DELIVERED.plus(Duration.ofDays(30)).plusSeconds(1)).refuses(Refusal.Reason.OUTSIDE_WINDOW);

        assertThat(r.detail()).contains("30-day window").contains("2026-04-01T10:00:00Z");
    }

    @Test
    void the_most_specific_window_wins_channel_and_category_over_category_over_channel() {
        ReturnPolicy policy = ReturnPolicy.builder()
                .window(Channel.MARKETPLACE, null, Duration.ofDays(14))
                .window(null, "evening-wear", Duration.ofDays(60))
                .window(Channel.MARKETPLACE, "evening-wear", Duration.ofDays(7))
                .build();

        assertThat(policy.window(Channel.MARKETPLACE, "evening-wear")).isEqualTo(Duration.ofDays(7));
        assertThat(policy.window(Channel.WEB, "evening-wear")).isEqualTo(Duration.ofDays(60));
        assertThat(policy.window(Channel.MARKETPLACE, "shoes")).isEqualTo(Duration.ofDays(14));
        assertThat(policy.window(Channel.WEB, "shoes")).isEqualTo(Duration.ofDays(30));
        verifyThat(policy).given(order, L1).sku(sku("evening-wear", true)).on(DELIVERED.plus(Duration.ofDays(8)))
                .refuses(Refusal.Reason.OUTSIDE_WINDOW);
    }

    @Test
    void a_sku_the_catalog_marks_not_returnable_is_refused() {
        verifyThat(ReturnPolicy.standard()).given(order, L1).sku(sku("hygiene", false)).refuses(Refusal.Reason.NOT_RETURNABLE);
        verifyThat(ReturnPolicy.standard()).given(order, L1).sku(null).refuses(Refusal.Reason.NOT_RETURNABLE);
    }

    @Test
    void a_final_sale_sku_is_refused() {
        verifyThat(ReturnPolicy.builder().finalSale(Sku.of("DRESS")).build()).given(order, L1).refuses(Refusal.Reason.FINAL_SALE);
    }

    @Test
    void a_line_not_yet_delivered_is_refused() {
        verifyThat(ReturnPolicy.standard()).given(order, L1).deliveredAt(null).refuses(Refusal.Reason.NOT_DELIVERED);
    }

    @Test
    void more_units_than_delivered_and_not_being_returned_are_refused() {
        Refusal r = verifyThat(ReturnPolicy.standard()).given(order, L1).requesting(2).returnable(1)
                .refuses(Refusal.Reason.QUANTITY_EXCEEDED);
        assertThat(r.detail()).contains("2 unit(s)").contains("1 delivered");
    }

    @Test
    void a_customer_at_their_limit_is_refused() {
        ReturnPolicy policy = ReturnPolicy.builder().customerLimit(3, Duration.ofDays(90)).build();

        verifyThat(policy).given(order, L1).customerReturns(2).accepts();
        verifyThat(policy).given(order, L1).customerReturns(3).refuses(Refusal.Reason.CUSTOMER_LIMIT_REACHED);
    }

    @Test
    void condition_rules_refund_units_in_good_enough_condition_or_the_retailers_fault() {
        ReturnPolicy policy = ReturnPolicy.builder().minimumRefundableGrade(Grade.GOOD).build();

        assertThat(policy.refunds(ReturnReason.CHANGED_MIND, Grade.GOOD)).isTrue();
        assertThat(policy.refunds(ReturnReason.CHANGED_MIND, Grade.WORN)).isFalse();
        assertThat(policy.refunds(ReturnReason.DAMAGED_IN_TRANSIT, Grade.UNUSABLE)).isTrue();
    }

    @Test
    void trusted_customers_are_refunded_at_once() {
        ReturnPolicy policy = ReturnPolicy.builder().trusted(CustomerRef.of("vip-1")).build();

        assertThat(policy.timingFor(CustomerRef.of("vip-1"))).isEqualTo(RefundTiming.AT_ONCE);
        assertThat(policy.timingFor(CustomerRef.of("c-2"))).isEqualTo(RefundTiming.AFTER_INSPECTION);
    }

    @Test
    void fees_are_kept_back_unless_the_retailer_is_at_fault() {
        ReturnPolicy policy = ReturnPolicy.builder().restockingFeeRate("0.15").build();

        assertThat(policy.restockingFee(Money.of(CurrencyUnit.EUR, 33.33), ReturnReason.CHANGED_MIND))
                .isEqualTo(Money.of(CurrencyUnit.EUR, 5.00));
        assertThat(policy.restockingFee(Money.of(CurrencyUnit.EUR, 33.33), ReturnReason.DEFECTIVE)).isEqualTo(Money.zero(CurrencyUnit.EUR));
    }

    @Test
    void the_verifier_fails_naming_the_actual_answer() {
        assertThatThrownBy(() -> verifyThat(ReturnPolicy.standard()).given(order, L1).refuses(Refusal.Reason.FINAL_SALE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("was accepted");
        assertThatThrownBy(() -> verifyThat(ReturnPolicy.standard()).given(order, L1).deliveredAt(null).accepts())
                .isInstanceOf(AssertionError.class).hasMessageContaining("NOT_DELIVERED");
    }

    @Test
    void out_of_range_policy_values_are_refused_naming_them() {
        assertThatThrownBy(() -> ReturnPolicy.builder().restockingFeeRate("1.5").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restockingFeeRate must be from 0 to 1, was 1.5");
        assertThatThrownBy(() -> ReturnPolicy.builder().window(null, null, Duration.ZERO).build())
                .hasMessageContaining("window must be positive, was PT0S");
    }
}
