package io.omskit.reporting.funds.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.order.OrderId;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.SettlementReader;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A generated settlement, written as Adyen's or Stripe's file, with injected differences (a missing line, an unexpected
 * line, an amount off by a cent, a chargeback, a duplicate credit note, each on an order of its own) is found to have
 * exactly those differences and no other, and its payouts agree to the cent.
 */
class SettlementDifferencesProperties {

    /** The differences a test can inject. */
    enum Injected { MISSING, UNEXPECTED, CENT_OFF, CHARGEBACK, DUPLICATE_CREDIT }

    /** An order's generated money: captures in minor units and, when positive, one refund. */
    record GeneratedOrder(List<Long> captures, long refund, boolean pounds) {
    }

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Provide
    Arbitrary<List<GeneratedOrder>> orders() {
        Arbitrary<GeneratedOrder> order = Combinators.combine(
                Arbitraries.longs().between(1, 500_000).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.longs().between(0, 100), Arbitraries.integers().between(0, 9))
                .as((captures, refundPercent, currencyPick) -> new GeneratedOrder(captures,
                        captures.get(0) * refundPercent / 100, currencyPick == 0));
        return order.list().ofMinSize(5).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Set<Injected>> injections() {
        return Arbitraries.of(Injected.class).set();
    }

    @Property(tries = 60)
    void finds_each_injected_difference_and_no_other(@ForAll("orders") List<GeneratedOrder> generated,
                                                      @ForAll("injections") Set<Injected> injected,
                                                      @ForAll boolean stripe, @ForAll int batchSizeSeed) {
        List<ProviderMovement> expected = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            GeneratedOrder g = generated.get(i);
            CurrencyUnit currency = g.pounds() ? CurrencyUnit.GBP : CurrencyUnit.EUR;
            OrderId id = OrderId.of("O-" + i);
            Instant at = T0.plus(Duration.ofMinutes(i));
            for (long c : g.captures()) {
                expected.add(new ProviderMovement(id, ProviderMovement.Kind.CAPTURE, Money.ofMinor(currency, c), at, ""));
            }
            // order 3 always has a refund, for the duplicate credit note to double
            long refund = i == 3 ? Math.max(1, g.refund()) : g.refund();
            if (refund > 0) {
                expected.add(new ProviderMovement(id, ProviderMovement.Kind.REFUND, Money.ofMinor(currency, refund), at.plusSeconds(30), ""));
            }
        }
        SettlementSimulator simulator = SettlementSimulator.standard().batchSize(1 + Math.floorMod(batchSizeSeed, 25));
        List<SettlementLine> lines = new ArrayList<>(simulator.settle(expected));
        lines.removeIf(l -> l.type() == SettlementLineType.PAYOUT);

        Set<String> differences = new HashSet<>();
        if (injected.contains(Injected.MISSING)) {
            lines.remove(firstOf(lines, "O-0", SettlementLineType.PAYMENT));
            differences.add("MISSING_FROM_SETTLEMENT O-0");
        }
        if (injected.contains(Injected.CENT_OFF)) {
            int at = firstOf(lines, "O-1", SettlementLineType.PAYMENT);
            SettlementLine l = lines.get(at);
            Money cent = Money.ofMinor(l.gross().getCurrencyUnit(), 1);
            lines.set(at, new SettlementLine(0, l.lineId(), l.pspReference(), l.merchantReference(), l.type(), l.providerType(),
                    l.createdAt(), l.gross().plus(cent), l.net().plus(cent), l.fees(), l.batch()));
            differences.add("AMOUNT_MISMATCH O-1");
        }
        if (injected.contains(Injected.CHARGEBACK)) {
            SettlementLine paid = lines.get(firstOf(lines, "O-2", SettlementLineType.PAYMENT));
            Money fee = Money.ofMinor(paid.gross().getCurrencyUnit(), 1500);
            lines.add(new SettlementLine(0, "CB-2", paid.pspReference(), "O-2", SettlementLineType.CHARGEBACK, "Chargeback",
                    paid.createdAt().plus(Duration.ofDays(20)), paid.gross().negated(), paid.gross().negated().minus(fee), fee,
                    paid.batch()));
            differences.add("CHARGEBACK O-2");
        }
        if (injected.contains(Injected.DUPLICATE_CREDIT)) {
            SettlementLine refund = lines.get(firstOf(lines, "O-3", SettlementLineType.REFUND));
            lines.add(refund);
            differences.add("DUPLICATE_CREDIT_NOTE O-3");
        }
        if (injected.contains(Injected.UNEXPECTED)) {
            lines.add(new SettlementLine(0, "X-1", "PSP-X", "O-NOBODY", SettlementLineType.PAYMENT, "Settled", T0,
                    Money.ofMinor(CurrencyUnit.EUR, 4242), Money.ofMinor(CurrencyUnit.EUR, 4200), Money.ofMinor(CurrencyUnit.EUR, 42),
                    lines.get(0).batch()));
            differences.add("UNEXPECTED O-NOBODY");
        }
        List<SettlementLine> settlement = SettlementSimulator.withPayouts(lines);

        StringWriter file = new StringWriter();
        SettlementReader reader;
        if (stripe) {
            SettlementFiles.stripe(settlement, file);
            reader = StripeBalanceTransactionsReader.create();
        } else {
            SettlementFiles.adyen(settlement, file);
            reader = new AdyenSettlementDetailsReader();
        }
        Reconciliation r = Reconciler.of(Stakeholder.retailer("acme")).reconcile(expected, reader, new StringReader(file.toString()));

        Set<String> found = new HashSet<>();
        for (Finding f : r.differences()) {
            assertThat(found.add(f.classification() + " " + f.orderReference())).as("found once: %s", f).isTrue();
        }
        assertThat(found).isEqualTo(differences);
        assertThat(r.batches()).allSatisfy(b -> assertThat(b.isPaidOut() ? b.agrees() : !b.linesNet().isPositive())
                .as("paid out to the cent, or owing: %s", b).isTrue());
        assertThat(r.findings()).hasSize(settlement.size() + (injected.contains(Injected.MISSING) ? 1 : 0));
        for (CurrencyUnit c : r.ledger().currencies()) {
            assertThat(r.ledger().totalDebits(c)).isEqualTo(r.ledger().totalCredits(c));
        }
        assertThat(EnumSet.copyOf(r.findings().stream().map(Finding::classification).toList()))
                .contains(Classification.MATCHED);
    }

    private static int firstOf(List<SettlementLine> lines, String order, SettlementLineType type) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).merchantReference().equals(order) && lines.get(i).type() == type) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " line of " + order);
    }
}
