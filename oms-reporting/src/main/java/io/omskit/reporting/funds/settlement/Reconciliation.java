package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.ledger.Ledger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of reconciling a settlement report against the orders: a {@link Finding} for every line and for every
 * expected movement no line showed, the payout batches, and the retailer's ledger with the settlement posted (fees to
 * {@link io.omskit.reporting.funds.ledger.AccountKind#PROVIDER_FEES}, payouts to the bank, chargebacks and lines
 * nobody expected apart). Immutable once returned.
 */
public final class Reconciliation {

    private final List<Finding> findings;
    private final List<PayoutBatch> batches;
    private final Ledger ledger;
    private final Map<Classification, Integer> counts = new EnumMap<>(Classification.class);

    Reconciliation(List<Finding> findings, List<PayoutBatch> batches, Ledger ledger) {
        this.findings = Collections.unmodifiableList(findings);
        this.batches = List.copyOf(batches);
        this.ledger = Checks.notNull(ledger, "ledger");
        for (Finding f : findings) {
            counts.merge(f.classification(), 1, Integer::sum);
        }
    }

    /**
     * Hands the chargebacks and chargeback reversals this settlement showed to {@code funds}, so that each party gives
     * back its share of the order ({@link io.omskit.reporting.funds.FundsBook#acceptChargeback}): every
     * {@link Classification#CHARGEBACK} line whose merchant reference is an order id, taken back by its gross (a
     * reversal given back), under the line's id (or its psp reference and line number when it has none). A line handed
     * over before changes nothing.
     *
     * @return how many lines the book took in
     */
    public int postChargebacksTo(io.omskit.reporting.funds.FundsBook funds) {
        Checks.notNull(funds, "funds");
        int taken = 0;
        for (Finding f : findings) {
            if (f.classification() != Classification.CHARGEBACK || f.line() == null) {
                continue;
            }
            io.omskit.core.order.OrderId order = io.omskit.core.order.OrderId.tryParse(f.line().merchantReference());
            if (order == null || f.line().gross().isZero()) {
                continue;
            }
            String reference = f.line().lineId().isBlank() ? f.line().pspReference() + "#" + f.line().lineNumber() : f.line().lineId();
            if (funds.acceptChargeback(order, reference, f.line().gross().negated(), f.line().createdAt())) {
                taken++;
            }
        }
        return taken;
    }

    /** Every finding: the report's lines in file order, then the movements missing from the settlement. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings people need to look at (everything not matched). */
    public List<Finding> differences() {
        List<Finding> d = new ArrayList<>();
        for (Finding f : findings) {
            if (f.classification().isDifference()) {
                d.add(f);
            }
        }
        return d;
    }

    /** How many findings have {@code classification}. */
    public int count(Classification classification) {
        return counts.getOrDefault(classification, 0);
    }

    /** The payout batches, in the order first seen, one per batch and currency. */
    public List<PayoutBatch> batches() {
        return batches;
    }

    /** The batch {@code batch}; empty when no line named it. */
    public Optional<PayoutBatch> batch(String batch) {
        return batches.stream().filter(b -> b.batch().equals(batch)).findFirst();
    }

    /** Whether every line matched, nothing is missing, and every paid-out batch agrees to the cent. */
    public boolean isClean() {
        return differences().isEmpty();
    }

    /** The retailer's ledger with the settlement posted. */
    public Ledger ledger() {
        return ledger;
    }
}
