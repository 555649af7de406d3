package io.omskit.reporting.funds.ledger;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The double-entry ledgers of every party: a journal of balanced {@link Posting}s and the balance of each account per
 * currency. Balances read as debits less credits; {@link #owedTo} turns a party's {@link AccountKind#DUE} round. Not
 * thread-safe: built by one reconciliation or one read of the funds book, then only read.
 */
public final class Ledger {

    private final List<Posting> journal = new ArrayList<>();
    /** Per account and currency: debits less credits, in minor units (one-element arrays, to add in place). */
    private final Map<Account, Map<CurrencyUnit, long[]>> balances = new HashMap<>();
    private final Map<CurrencyUnit, long[]> totals = new HashMap<>();

    /** Records {@code posting}. */
    public void post(Posting posting) {
        Checks.notNull(posting, "posting");
        journal.add(posting);
        for (Posting.Entry e : posting.entries()) {
            long minor = e.amount().getAmountMinorLong();
            CurrencyUnit currency = e.amount().getCurrencyUnit();
            balances.computeIfAbsent(e.account(), a -> new HashMap<>(2))
                    .computeIfAbsent(currency, c -> new long[1])[0] += e.side() == Posting.Side.DEBIT ? minor : -minor;
            long[] t = totals.computeIfAbsent(currency, c -> new long[2]);
            t[e.side() == Posting.Side.DEBIT ? 0 : 1] += minor;
        }
    }

    /**
     * Records every posting of {@code other} after this ledger's own: for example the settlement a reconciliation
     * posted, into the ledger of the orders' funds, so that what the provider settled clears what it owed.
     */
    public void postAll(Ledger other) {
        Checks.notNull(other, "other");
        if (other == this) {
            throw new IllegalArgumentException("a ledger cannot post its own journal again");
        }
        for (Posting p : other.journal) {
            post(p);
        }
    }

    /** Every posting, in the order recorded. */
    public List<Posting> journal() {
        return Collections.unmodifiableList(journal);
    }

    /** Debits less credits of {@code account} in {@code currency}; zero when it never moved. */
    public Money balance(Account account, CurrencyUnit currency) {
        Map<CurrencyUnit, long[]> b = balances.get(account);
        long[] minor = b == null ? null : b.get(currency);
        return Money.ofMinor(currency, minor == null ? 0 : minor[0]);
    }

    /** What {@code party} is owed in {@code currency}: the credit balance of its {@link AccountKind#DUE} account. */
    public Money owedTo(Stakeholder party, CurrencyUnit currency) {
        return balance(Account.of(party, AccountKind.DUE), currency).negated();
    }

    /**
     * What each party is owed in {@code currency} by postings within {@code from} (inclusive) to {@code to} (exclusive):
     * the net payable of the period; parties with nothing moved are left out.
     */
    public SortedMap<Stakeholder, Money> owedInPeriod(CurrencyUnit currency, Instant from, Instant to) {
        Checks.notNull(currency, "currency");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        SortedMap<Stakeholder, Money> owed = new TreeMap<>();
        for (Posting p : journal) {
            if (p.at().isBefore(from) || !p.at().isBefore(to)) {
                continue;
            }
            for (Posting.Entry e : p.entries()) {
                if (e.account().kind() == AccountKind.DUE && e.amount().getCurrencyUnit().equals(currency)) {
                    Money signed = e.side() == Posting.Side.CREDIT ? e.amount() : e.amount().negated();
                    owed.merge(e.account().owner(), signed, Money::plus);
                }
            }
        }
        return owed;
    }

    /** Every account that moved, in order of party and kind. */
    public List<Account> accounts() {
        List<Account> all = new ArrayList<>(balances.keySet());
        Collections.sort(all);
        return all;
    }

    /** The accounts of {@code party}'s ledger that moved. */
    public List<Account> accountsOf(Stakeholder party) {
        List<Account> of = new ArrayList<>();
        for (Account a : accounts()) {
            if (a.owner().equals(party)) {
                of.add(a);
            }
        }
        return of;
    }

    /** The currencies anything was posted in. */
    public List<CurrencyUnit> currencies() {
        List<CurrencyUnit> all = new ArrayList<>(totals.keySet());
        Collections.sort(all);
        return all;
    }

    /** All debits posted in {@code currency}; equal to {@link #totalCredits} by construction. */
    public Money totalDebits(CurrencyUnit currency) {
        long[] t = totals.get(currency);
        return Money.ofMinor(currency, t == null ? 0 : t[0]);
    }

    /** All credits posted in {@code currency}. */
    public Money totalCredits(CurrencyUnit currency) {
        long[] t = totals.get(currency);
        return Money.ofMinor(currency, t == null ? 0 : t[1]);
    }
}
