package io.omskit.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The arithmetic of tenders: planning splits the total exactly and puts the tolerance on the tender that pays the
 * rest, in charge order; a refund split gives each tender at most what it has left, in refund order, and adds up.
 */
class TenderArithmeticProperties {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    record Asked(TenderType type, int percent) {
    }

    @Provide
    Arbitrary<List<Asked>> asked() {
        return Combinators.combine(Arbitraries.of(TenderType.class), Arbitraries.integers().between(1, 40)).as(Asked::new)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 100)
    void a_plan_splits_the_total_exactly_in_charge_order_with_the_tolerance_on_the_rest(
            @ForAll("asked") List<Asked> asked, @ForAll @LongRange(min = 1, max = 5_000_000) long totalMinor,
            @ForAll boolean lastPaysTheRest, @ForAll @IntRange(min = 0, max = 20) int percent,
            @ForAll @LongRange(min = 0, max = 500) long fixedMinor) {
        Money total = Money.ofMinor(EUR, totalMinor);
        List<TenderRequest> requests = new ArrayList<>();
        long left = totalMinor;
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            String id = "t" + i;
            if (i == asked.size() - 1) {
                requests.add(lastPaysTheRest ? TenderRequest.rest(id, a.type(), "tok-" + id)
                        : TenderRequest.of(id, a.type(), "tok-" + id, Money.ofMinor(EUR, left)));
            } else {
                long share = totalMinor * a.percent() / 100;
                if (share > 0 && share < left) {
                    requests.add(TenderRequest.of(id, a.type(), "tok-" + id, Money.ofMinor(EUR, share)));
                    left -= share;
                }
            }
        }
        AuthorisationTolerance tolerance = new AuthorisationTolerance(BigDecimal.valueOf(percent), Money.ofMinor(EUR, fixedMinor));

        List<Tender> plan = TenderOrder.DEFAULT.plan(requests, "", total, tolerance);

        assertThat(plan).hasSize(requests.size());
        assertThat(plan.stream().map(Tender::amount).reduce(Money.zero(EUR), Money::plus)).isEqualTo(total);
        assertThat(plan.stream().map(Tender::tolerance).reduce(Money.zero(EUR), Money::plus)).isEqualTo(tolerance.extraFor(total));
        assertThat(plan.stream().filter(t -> t.tolerance().isPositive()).count()).isLessThanOrEqualTo(1);
        if (lastPaysTheRest && tolerance.extraFor(total).isPositive()) {
            assertThat(plan.stream().filter(t -> t.tolerance().isPositive()).findFirst().orElseThrow().id())
                    .isEqualTo("t" + (asked.size() - 1));
        }
        for (int i = 1; i < plan.size(); i++) {
            assertThat(TenderOrder.DEFAULT.chargeRank(plan.get(i - 1).type())).isLessThanOrEqualTo(TenderOrder.DEFAULT.chargeRank(plan.get(i).type()));
        }
        assertThat(plan.stream().map(Tender::refundRank).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.range(0, plan.size()).boxed().toList());
        PaymentSummary p = PaymentSummary.none(EUR, plan);
        for (int i = 1; i < plan.size(); i++) {
            assertThat(TenderOrder.DEFAULT.refundRank(p.inRefundOrder().get(i - 1).type()))
                    .isLessThanOrEqualTo(TenderOrder.DEFAULT.refundRank(p.inRefundOrder().get(i).type()));
        }
    }

    @Provide
    Arbitrary<List<long[]>> captures() {
        return Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(0, 100))
                .as((captured, refundedPct) -> new long[] {captured, captured * refundedPct / 100})
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 100)
    void a_refund_split_adds_up_and_never_exceeds_what_a_tender_has_left_taking_them_in_refund_order(
            @ForAll("captures") List<long[]> captures, @ForAll("asked") List<Asked> types,
            @ForAll @IntRange(min = 1, max = 100) int percentOfRefundable) {
        List<Tender> tenders = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            TenderType type = types.get(i % types.size()).type();
            Money captured = Money.ofMinor(EUR, captures.get(i)[0]);
            Money refunded = Money.ofMinor(EUR, captures.get(i)[1]);
            tenders.add(new Tender("t" + i, type, "tok", captured, Money.zero(EUR), captures.size() - 1 - i, PaymentStatus.CAPTURED,
                    "a-" + i, Money.zero(EUR), captured, refunded, ""));
        }
        PaymentSummary p = PaymentSummary.none(EUR, tenders);
        long refundable = p.refundable().getAmountMinorLong();
        long amount = refundable * percentOfRefundable / 100;
        if (amount == 0) {
            return;
        }
        Money asked = Money.ofMinor(EUR, amount);

        List<TenderAmount> parts = p.refundSplit(asked);
        PaymentSummary after = p.refundedAmount(asked);

        assertThat(parts.stream().map(TenderAmount::amount).reduce(Money.zero(EUR), Money::plus)).isEqualTo(asked);
        List<Tender> order = p.inRefundOrder();
        int lastUsed = -1;
        for (TenderAmount part : parts) {
            Tender t = p.tender(part.tender()).orElseThrow();
            assertThat(part.amount()).isLessThanOrEqualTo(t.refundable());
            int at = order.indexOf(t);
            assertThat(at).as("in refund order").isGreaterThan(lastUsed);
            for (int k = lastUsed + 1; k < at; k++) {
                assertThat(order.get(k).refundable().isZero()).as("a tender is skipped only when it has nothing left").isTrue();
            }
            if (lastUsed >= 0) {
                Tender previous = order.get(lastUsed);
                assertThat(parts.get(parts.indexOf(part) - 1).amount()).as("the one before was used up").isEqualTo(previous.refundable());
            }
            lastUsed = at;
        }
        assertThat(after.refunded()).isEqualTo(p.refunded().plus(asked));
        for (Tender t : after.tenders()) {
            assertThat(t.refunded()).isLessThanOrEqualTo(t.captured());
        }
    }

    @Example
    void a_refund_of_12_50_goes_5_to_the_card_and_7_50_to_the_gift_card() {
        Money zero = Money.zero(EUR);
        Tender gift = new Tender("gift", TenderType.GIFT_CARD, "tok-gift", Money.of(EUR, 20), zero, 1, PaymentStatus.CAPTURED, "a-1",
                zero, Money.of(EUR, 20), zero, "");
        Tender card = new Tender("card", TenderType.CARD, "tok-visa", Money.of(EUR, 30), zero, 0, PaymentStatus.CAPTURED, "a-2",
                zero, Money.of(EUR, 5), zero, "");
        PaymentSummary p = PaymentSummary.none(EUR, List.of(gift, card));

        assertThat(p.refundSplit(Money.of(EUR, 12.50)))
                .containsExactly(new TenderAmount("card", Money.of(EUR, 5)), new TenderAmount("gift", Money.of(EUR, 7.50)));
    }
}
