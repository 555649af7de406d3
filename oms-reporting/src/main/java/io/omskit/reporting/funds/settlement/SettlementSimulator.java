package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A stand-in payment provider's settlement, for tests, demos and benchmarks: the lines a provider would report for
 * the orders' captures and refunds, with a fee on each payment, grouped into payout batches each closed by its payout.
 * Write them in a provider's format with {@link SettlementFiles}. Immutable and thread-safe.
 */
public final class SettlementSimulator {

    private final BigDecimal feeRate;
    private final int batchSize;
    private final Duration settlementDelay;

    private SettlementSimulator(BigDecimal feeRate, int batchSize, Duration settlementDelay) {
        this.feeRate = feeRate;
        this.batchSize = batchSize;
        this.settlementDelay = settlementDelay;
    }

    /** 1.2% fees on payments, none on refunds, 1,000 lines per batch, settled a day after the order recorded it. */
    public static SettlementSimulator standard() {
        return new SettlementSimulator(new BigDecimal("0.012"), 1000, Duration.ofDays(1));
    }

    /**
     * This simulator with {@code rate} of each payment kept as fees (rounded half up to the minor unit).
     *
     * @throws IllegalArgumentException when {@code rate} is outside 0..1
     */
    public SettlementSimulator feeRate(BigDecimal rate) {
        Checks.notNull(rate, "rate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
        }
        return new SettlementSimulator(rate, batchSize, settlementDelay);
    }

    /** This simulator with {@code lines} lines (payouts apart) per batch, at least 1. */
    public SettlementSimulator batchSize(int lines) {
        return new SettlementSimulator(feeRate, Checks.positive(lines, "lines"), settlementDelay);
    }

    /**
     * The settlement of {@code movements}, in their order: a payment line per capture and a refund line per refund,
     * each with the order id as merchant reference, then the payouts ({@link #withPayouts}).
     */
    public List<SettlementLine> settle(List<ProviderMovement> movements) {
        Checks.notNull(movements, "movements");
        List<SettlementLine> lines = new ArrayList<>(movements.size() + movements.size() / batchSize + 2);
        int n = 0;
        for (ProviderMovement m : movements) {
            n++;
            Money gross = m.signedAmount();
            Money fee = m.kind() == ProviderMovement.Kind.CAPTURE
                    ? gross.multipliedBy(feeRate, RoundingMode.HALF_UP) : Money.zero(gross.getCurrencyUnit());
            boolean capture = m.kind() == ProviderMovement.Kind.CAPTURE;
            lines.add(new SettlementLine(0, (capture ? "MOD-C" : "MOD-R") + n, "PSP" + n, m.order().value(),
                    capture ? SettlementLineType.PAYMENT : SettlementLineType.REFUND, capture ? "Settled" : "Refunded",
                    m.at().plus(settlementDelay), gross, gross.minus(fee), fee, "B" + (1 + (n - 1) / batchSize)));
        }
        return withPayouts(lines);
    }

    /**
     * {@code lines} without their payouts, each batch (per currency) then closed by a payout of what its lines add up to,
     * at the time of its last line; a batch that adds up to nothing or less gets no payout. The lines are numbered as in a
     * file with a header row (from 2), batch by batch.
     */
    public static List<SettlementLine> withPayouts(List<SettlementLine> lines) {
        Checks.notNull(lines, "lines");
        record Key(String batch, CurrencyUnit currency) {
        }
        Map<Key, List<SettlementLine>> batches = new LinkedHashMap<>();
        for (SettlementLine l : lines) {
            if (l.type() != SettlementLineType.PAYOUT) {
                batches.computeIfAbsent(new Key(l.batch(), l.net().getCurrencyUnit()), k -> new ArrayList<>()).add(l);
            }
        }
        List<SettlementLine> out = new ArrayList<>(lines.size() + batches.size());
        for (Map.Entry<Key, List<SettlementLine>> e : batches.entrySet()) {
            Money net = Money.zero(e.getKey().currency());
            SettlementLine last = null;
            for (SettlementLine l : e.getValue()) {
                out.add(numbered(l, out.size() + 2));
                net = net.plus(l.net());
                last = l;
            }
            if (net.isPositive()) {
                Money zero = Money.zero(e.getKey().currency());
                out.add(new SettlementLine(out.size() + 2, "PAYOUT-" + e.getKey().batch(), "", "", SettlementLineType.PAYOUT,
                        "MerchantPayout", last.createdAt(), zero, net.negated(), zero, e.getKey().batch()));
            }
        }
        return out;
    }

    private static SettlementLine numbered(SettlementLine l, long number) {
        return l.lineNumber() == number ? l : new SettlementLine(number, l.lineId(), l.pspReference(), l.merchantReference(),
                l.type(), l.providerType(), l.createdAt(), l.gross(), l.net(), l.fees(), l.batch());
    }
}
