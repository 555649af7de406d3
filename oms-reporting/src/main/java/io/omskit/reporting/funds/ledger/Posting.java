package io.omskit.reporting.funds.ledger;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One balanced journal entry: what moved between accounts, when and why. Its debits equal its credits in every
 * currency.
 *
 * @param reference what caused it, such as an order id with the event, or a settlement line
 * @param at        when it happened
 * @param entries   the amounts debited and credited, at least two
 */
public record Posting(String reference, Instant at, List<Entry> entries) {

    /** Debit or credit. */
    public enum Side { DEBIT, CREDIT }

    /**
     * One side of a posting.
     *
     * @param account the account
     * @param side    debit or credit
     * @param amount  positive
     */
    public record Entry(Account account, Side side, Money amount) {
        public Entry {
            Checks.notNull(account, "account");
            Checks.notNull(side, "side");
            Checks.notNull(amount, "amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount of an entry on " + account + " must be positive, was " + amount);
            }
        }
    }

    /**
     * @throws IllegalArgumentException when debits and credits differ in some currency, or there are fewer than two
     *                                  entries
     */
    public Posting {
        Checks.notNull(reference, "reference");
        Checks.notNull(at, "at");
        entries = List.copyOf(Checks.notNull(entries, "entries"));
        if (entries.size() < 2) {
            throw new IllegalArgumentException("posting " + reference + " must have at least two entries, was " + entries);
        }
        CurrencyUnit single = entries.get(0).amount().getCurrencyUnit();
        long difference = 0;
        for (Entry e : entries) {
            if (!e.amount().getCurrencyUnit().equals(single)) {
                single = null;
                break;
            }
            difference += e.side() == Side.DEBIT ? e.amount().getAmountMinorLong() : -e.amount().getAmountMinorLong();
        }
        if (single != null) {
            if (difference != 0) {
                throw unbalanced(reference, single, difference);
            }
        } else {
            Map<CurrencyUnit, Long> net = new HashMap<>();
            for (Entry e : entries) {
                long minor = e.amount().getAmountMinorLong();
                net.merge(e.amount().getCurrencyUnit(), e.side() == Side.DEBIT ? minor : -minor, Long::sum);
            }
            net.forEach((currency, d) -> {
                if (d != 0) {
                    throw unbalanced(reference, currency, d);
                }
            });
        }
    }

    private static IllegalArgumentException unbalanced(String reference, CurrencyUnit currency, long difference) {
        return new IllegalArgumentException("posting " + reference + " must balance in " + currency + ", debits exceed credits by "
                + Money.ofMinor(currency, difference));
    }

    /** A posting under construction. */
    public static Builder builder(String reference, Instant at) {
        return new Builder(reference, at);
    }

    /** Collects entries; a negative amount goes to the other side, a zero amount is left out. Not thread-safe. */
    public static final class Builder {
        private final String reference;
        private final Instant at;
        private final List<Entry> entries = new ArrayList<>(4);

        private Builder(String reference, Instant at) {
            this.reference = reference;
            this.at = at;
        }

        /** Debits {@code amount} to {@code account} (credits it when negative). */
        public Builder debit(Account account, Money amount) {
            return add(account, Side.DEBIT, amount);
        }

        /** Credits {@code amount} to {@code account} (debits it when negative). */
        public Builder credit(Account account, Money amount) {
            return add(account, Side.CREDIT, amount);
        }

        /** Whether any entry was added. */
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        /** The posting; see {@link Posting#Posting} for what it checks. */
        public Posting build() {
            return new Posting(reference, at, entries);
        }

        private Builder add(Account account, Side side, Money amount) {
            if (amount.isZero()) {
                return this;
            }
            if (amount.isNegative()) {
                entries.add(new Entry(account, side == Side.DEBIT ? Side.CREDIT : Side.DEBIT, amount.negated()));
            } else {
                entries.add(new Entry(account, side, amount));
            }
            return this;
        }
    }
}
