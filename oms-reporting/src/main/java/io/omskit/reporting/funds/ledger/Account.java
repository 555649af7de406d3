package io.omskit.reporting.funds.ledger;

import io.omskit.core.common.Checks;
import io.omskit.reporting.funds.spi.Stakeholder;

/**
 * An account of a party's ledger; holds one balance per currency.
 *
 * @param owner the party whose ledger it is in
 * @param kind  what it holds
 */
public record Account(Stakeholder owner, AccountKind kind) implements Comparable<Account> {

    public Account {
        Checks.notNull(owner, "owner");
        Checks.notNull(kind, "kind");
    }

    /** The account of {@code kind} in {@code owner}'s ledger. */
    public static Account of(Stakeholder owner, AccountKind kind) {
        return new Account(owner, kind);
    }

    @Override
    public int compareTo(Account other) {
        int byOwner = owner.compareTo(other.owner);
        return byOwner != 0 ? byOwner : kind.compareTo(other.kind);
    }

    @Override
    public String toString() {
        return owner + "/" + kind;
    }
}
