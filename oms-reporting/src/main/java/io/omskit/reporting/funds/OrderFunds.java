package io.omskit.reporting.funds;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What one order captured and refunded and who the money is owed to.
 *
 * @param order    the order
 * @param currency the order's currency
 * @param captured what the provider captured for it
 * @param refunded what the provider refunded of it
 * @param storeCredit what was given back as store credit instead of a refund
 * @param chargedBack what cardholders' banks took back, net of reversals
 * @param owed     what each party is owed, the retailer holding the rest: adds up to {@link #net()}; a party's amount
 *                 may be negative for a while (the retailer's when units were handed over before the capture)
 * @param shares   every share granted and reversed, in the order they happened
 */
public record OrderFunds(OrderId order, CurrencyUnit currency, Money captured, Money refunded, Money storeCredit,
                         Money chargedBack, SortedMap<Stakeholder, Money> owed, List<ShareLine> shares) {

    public OrderFunds {
        Checks.notNull(order, "order");
        Checks.notNull(currency, "currency");
        Checks.notNull(captured, "captured");
        Checks.notNull(refunded, "refunded");
        Checks.notNull(storeCredit, "storeCredit");
        Checks.notNull(chargedBack, "chargedBack");
        owed = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Checks.notNull(owed, "owed")));
        shares = List.copyOf(shares);
    }

    /** What {@code party} is owed of this order; zero when nothing. */
    public Money owedTo(Stakeholder party) {
        return owed.getOrDefault(party, Money.zero(currency));
    }

    /** Captured less refunded, given as store credit and charged back: the order money the parties share. */
    public Money net() {
        return captured.minus(refunded).minus(storeCredit).minus(chargedBack);
    }
}
