package io.omskit.reporting.funds.settlement;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.ledger.Account;
import io.omskit.reporting.funds.ledger.AccountKind;
import io.omskit.reporting.funds.ledger.Ledger;
import io.omskit.reporting.funds.ledger.Posting;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.SettlementReader;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Matches a payment provider's settlement against what the orders recorded, three ways: each capture or refund of an
 * order to a line of the report (by the order id in the line's merchant reference and the signed gross amount), and
 * each line to its payout batch, whose payout must equal its lines' net to the cent.
 *
 * <p>Every line is classified: matched; a chargeback; a second refund line for a refund already matched (duplicate
 * credit note); a line of an order's capture or refund with another amount (amount mismatch, paired with the
 * movement it stands for); or unexpected. Every expected movement no line showed is missing from the settlement. A
 * payout is matched when its batch agrees, a payout mismatch otherwise; fee lines are matched to the fees account.
 *
 * <p>The settlement is posted to the retailer's ledger: each line credits what it settles (the provider receivable for
 * an order's capture or refund, chargebacks, or suspense for what nobody expected) with its gross, debits the provider
 * balance with its net and the provider fees with the difference (through the currency exchange account when the
 * provider converted); a payout moves the provider balance to the bank. Stateless and thread-safe.
 */
public final class Reconciler {

    private final Stakeholder retailer;

    private Reconciler(Stakeholder retailer) {
        this.retailer = retailer;
    }

    /**
     * A reconciler posting to {@code retailer}'s ledger.
     *
     * @throws IllegalArgumentException when {@code retailer} is null or not a retailer
     */
    public static Reconciler of(Stakeholder retailer) {
        Checks.notNull(retailer, "retailer");
        if (retailer.role() != Stakeholder.Role.RETAILER) {
            throw new IllegalArgumentException("retailer must have the role RETAILER, was " + retailer);
        }
        return new Reconciler(retailer);
    }

    /**
     * Reads {@code report} with {@code reader} and reconciles it against {@code expected}.
     *
     * @throws io.omskit.reporting.funds.SettlementFormatException when the report has malformed rows; nothing is
     *                                                                 reconciled then
     */
    public Reconciliation reconcile(Collection<ProviderMovement> expected, SettlementReader reader, Reader report) {
        Checks.notNull(reader, "reader");
        Checks.notNull(report, "report");
        Run run = new Run(Checks.notNull(expected, "expected"));
        reader.read(report, run::accept);
        return run.finish();
    }

    /** Reconciles {@code lines}, in the order given, against {@code expected}. */
    public Reconciliation reconcile(Collection<ProviderMovement> expected, Iterable<SettlementLine> lines) {
        Run run = new Run(Checks.notNull(expected, "expected"));
        for (SettlementLine l : Checks.notNull(lines, "lines")) {
            run.accept(l);
        }
        return run.finish();
    }

    /** An order's movement of one exact signed amount. */
    private record Exact(String order, CurrencyUnit currency, long signedMinor) {
    }

    /** An order's captures (positive) or refunds (negative). */
    private record Way(String order, boolean capture) {
    }

    private record BatchKey(String batch, CurrencyUnit currency) {
    }

    /** The running sums of one batch. */
    private static final class BatchSums {
        long linesNet;
        long paidOut;
        int payouts;
    }

    /** One reconciliation, fed line by line. */
    private final class Run {
        /** Per exact amount, the one movement waiting, or an {@code ArrayDeque} of them when several wait. */
        private final Map<Exact, Object> open;
        private final Set<Exact> refundsMatched = new HashSet<>();
        private final List<Finding> findings = new ArrayList<>();
        /** Lines of payments and refunds no movement matched exactly, by their place in {@code findings}. */
        private final List<Integer> leftover = new ArrayList<>();
        private final List<Integer> payouts = new ArrayList<>();
        /** The lines whose findings wait for the end: leftovers and payouts, by their place in {@code findings}. */
        private final Map<Integer, SettlementLine> pending = new HashMap<>();
        private final Map<BatchKey, BatchSums> batches = new LinkedHashMap<>();
        private final Ledger ledger = new Ledger();

        @SuppressWarnings("unchecked")
        Run(Collection<ProviderMovement> expected) {
            open = new HashMap<>(expected.size() * 4 / 3 + 16);
            for (ProviderMovement m : expected) {
                Money s = m.signedAmount();
                Exact key = new Exact(m.order().value(), s.getCurrencyUnit(), s.getAmountMinorLong());
                Object there = open.putIfAbsent(key, m);
                if (there instanceof ProviderMovement first) {
                    ArrayDeque<ProviderMovement> several = new ArrayDeque<>(2);
                    several.add(first);
                    several.add(m);
                    open.put(key, several);
                } else if (there != null) {
                    ((ArrayDeque<ProviderMovement>) there).add(m);
                }
            }
        }

        /** The next movement waiting for {@code key}, taken off; null when none. */
        @SuppressWarnings("unchecked")
        private ProviderMovement take(Exact key) {
            Object there = open.get(key);
            if (there instanceof ProviderMovement m) {
                open.remove(key);
                return m;
            }
            return there == null ? null : ((ArrayDeque<ProviderMovement>) there).poll();
        }

        void accept(SettlementLine line) {
            Checks.notNull(line, "line");
            if (line.type() == SettlementLineType.PAYOUT) {
                sums(line).paidOut -= line.net().getAmountMinorLong();
                sums(line).payouts++;
                payouts.add(findings.size());
                pending.put(findings.size(), line);
                findings.add(null);
                Money out = line.net().negated();
                ledger.post(Posting.builder("settlement line " + line.lineNumber() + " payout " + line.batch(), line.createdAt())
                        .debit(account(AccountKind.BANK), out).credit(account(AccountKind.PROVIDER_BALANCE), out).build());
                return;
            }
            sums(line).linesNet += line.net().getAmountMinorLong();
            switch (line.type()) {
                case PAYMENT, REFUND -> {
                    Exact key = new Exact(line.merchantReference(), line.gross().getCurrencyUnit(), line.gross().getAmountMinorLong());
                    ProviderMovement m = take(key);
                    if (m != null) {
                        if (m.kind() == ProviderMovement.Kind.REFUND) {
                            refundsMatched.add(key);
                        }
                        settle(line, AccountKind.PROVIDER_RECEIVABLE);
                        findings.add(new Finding(Classification.MATCHED, line, m, null, null));
                    } else {
                        leftover.add(findings.size());
                        pending.put(findings.size(), line);
                        findings.add(null);
                    }
                }
                case CHARGEBACK, CHARGEBACK_REVERSAL -> {
                    settle(line, AccountKind.CHARGEBACKS);
                    findings.add(new Finding(Classification.CHARGEBACK, line, null, null, null));
                }
                case FEE -> {
                    settle(line, AccountKind.PROVIDER_FEES);
                    findings.add(new Finding(Classification.MATCHED, line, null, null, null));
                }
                default -> {
                    settle(line, AccountKind.SUSPENSE);
                    findings.add(new Finding(Classification.UNEXPECTED, line, null, null, null));
                }
            }
        }

        Reconciliation finish() {
            Map<Way, ArrayDeque<ProviderMovement>> unmatched = new LinkedHashMap<>();
            for (Object there : open.values()) {
                @SuppressWarnings("unchecked")
                Collection<ProviderMovement> waiting = there instanceof ProviderMovement m ? List.of(m) : (ArrayDeque<ProviderMovement>) there;
                for (ProviderMovement m : waiting) {
                    unmatched.computeIfAbsent(new Way(m.order().value(), m.kind() == ProviderMovement.Kind.CAPTURE),
                            k -> new ArrayDeque<>()).add(m);
                }
            }
            for (ArrayDeque<ProviderMovement> q : unmatched.values()) {
                List<ProviderMovement> sorted = new ArrayList<>(q);
                sorted.sort(java.util.Comparator.comparing(ProviderMovement::at));
                q.clear();
                q.addAll(sorted);
            }
            for (int at : leftover) {
                findings.set(at, unmatchedLine(lineAt(at), unmatched));
            }
            List<PayoutBatch> result = new ArrayList<>();
            Map<String, PayoutBatch> byBatch = new HashMap<>();
            for (Map.Entry<BatchKey, BatchSums> e : batches.entrySet()) {
                CurrencyUnit c = e.getKey().currency();
                PayoutBatch b = new PayoutBatch(e.getKey().batch(), Money.ofMinor(c, e.getValue().linesNet),
                        Money.ofMinor(c, e.getValue().paidOut), e.getValue().payouts);
                result.add(b);
                byBatch.put(e.getKey().batch() + "|" + c, b);
            }
            for (int at : payouts) {
                SettlementLine line = lineAt(at);
                PayoutBatch b = byBatch.get(line.batch() + "|" + line.net().getCurrencyUnit());
                findings.set(at, b.agrees() ? new Finding(Classification.MATCHED, line, null, null, b)
                        : new Finding(Classification.PAYOUT_MISMATCH, line, null, b.difference(), b));
            }
            for (ArrayDeque<ProviderMovement> q : unmatched.values()) {
                for (ProviderMovement m : q) {
                    findings.add(new Finding(Classification.MISSING_FROM_SETTLEMENT, null, m, null, null));
                }
            }
            return new Reconciliation(findings, result, ledger);
        }

        private SettlementLine lineAt(int at) {
            return pending.get(at);
        }

        private Finding unmatchedLine(SettlementLine line, Map<Way, ArrayDeque<ProviderMovement>> unmatched) {
            boolean capture = line.gross().isPositive();
            ArrayDeque<ProviderMovement> same = unmatched.get(new Way(line.merchantReference(), capture));
            if (same != null && !same.isEmpty()) {
                ProviderMovement m = same.poll();
                Money difference = line.gross().getCurrencyUnit().equals(m.amount().getCurrencyUnit())
                        ? line.gross().minus(m.signedAmount()) : null;
                settle(line, AccountKind.PROVIDER_RECEIVABLE);
                return new Finding(Classification.AMOUNT_MISMATCH, line, m, difference, null);
            }
            Exact key = new Exact(line.merchantReference(), line.gross().getCurrencyUnit(), line.gross().getAmountMinorLong());
            settle(line, AccountKind.SUSPENSE);
            if (!capture && refundsMatched.contains(key)) {
                return new Finding(Classification.DUPLICATE_CREDIT_NOTE, line, null, null, null);
            }
            return new Finding(Classification.UNEXPECTED, line, null, null, null);
        }

        private BatchSums sums(SettlementLine line) {
            return batches.computeIfAbsent(new BatchKey(line.batch(), line.net().getCurrencyUnit()), k -> new BatchSums());
        }

        private Account account(AccountKind kind) {
            return Account.of(retailer, kind);
        }

        /** Posts a line that settles what {@code counter} holds: gross there, net to the balance, the rest as fees. */
        private void settle(SettlementLine line, AccountKind counter) {
            Posting.Builder p = Posting.builder("settlement line " + line.lineNumber() + " " + line.providerType() + " "
                    + line.merchantReference(), line.createdAt());
            p.credit(account(counter), line.gross()).debit(account(AccountKind.PROVIDER_BALANCE), line.net());
            if (line.gross().getCurrencyUnit().equals(line.net().getCurrencyUnit())) {
                p.debit(account(AccountKind.PROVIDER_FEES), line.gross().minus(line.net()));
            } else {
                Account exchange = account(AccountKind.CURRENCY_EXCHANGE);
                p.debit(exchange, line.gross()).debit(account(AccountKind.PROVIDER_FEES), line.fees())
                        .credit(exchange, line.net().plus(line.fees()));
            }
            if (!p.isEmpty()) {
                ledger.post(p.build());
            }
        }
    }
}
