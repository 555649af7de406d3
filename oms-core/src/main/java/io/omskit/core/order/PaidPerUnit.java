package io.omskit.core.order;

import io.omskit.core.common.Checks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What the customer paid for each unit of an order, in the currency's minor units: the line's price net of its own
 * discounts, less a share of the order-level discounts, and, apart, a share of the order-level charges (shipping and
 * the like). Shares are allocated by largest remainder, first over the lines in proportion to what each line costs,
 * then evenly over a line's units (the odd minor units going to the first units), so that the units of an order add up
 * to exactly what the order cost, to the minor unit: {@code goods + charges} over every unit is {@link Order#total()}.
 *
 * <p>Units of a line are counted off in the order they are handed over and refunded: the refund of {@code units} units
 * of a line of which {@code before} units were refunded earlier is the sum of the units {@code before .. before + units -
 * 1}. Cancelled units are counted from the other end of the line ({@link #cancelledGoods}), so a cancelled unit and a
 * unit handed over or refunded are never the same unit. So any split of a line into cancellations, captures and partial
 * refunds adds up to exactly the line's share, and one cancellation or partial refund never spreads an order discount
 * again over what is left (the order's allocation is fixed when it is read, from its placed lines). The payment
 * settlement of core (captures and voids) and the refunds of returns both price units here, so their books agree.
 *
 * <p>Order discounts larger than the lines take the lines to zero and the rest comes off the charges, as
 * {@link Order#total()} does; a line whose own discounts exceed its price counts as free. Immutable and thread-safe.
 */
public final class PaidPerUnit {

    private final CurrencyUnit currency;
    private final Map<LineId, Share> lines;
    private final long goodsTotal;
    private final long chargesTotal;

    /** One line's share: its net goods and charges in minor units, spread over {@code quantity} units. */
    private record Share(int quantity, long goods, long charges) {
    }

    private PaidPerUnit(CurrencyUnit currency, Map<LineId, Share> lines, long goodsTotal, long chargesTotal) {
        this.currency = currency;
        this.lines = lines;
        this.goodsTotal = goodsTotal;
        this.chargesTotal = chargesTotal;
    }

    /**
     * The per-unit prices of {@code order}.
     *
     * @throws IllegalArgumentException when {@code order} is null
     */
    public static PaidPerUnit of(Order order) {
        Checks.notNull(order, "order");
        List<OrderLine> orderLines = order.lines();
        int n = orderLines.size();
        long[] lineTotals = new long[n];
        long[] quantities = new long[n];
        long linesSum = 0;
        for (int i = 0; i < n; i++) {
            OrderLine l = orderLines.get(i);
            lineTotals[i] = Math.max(0, l.total().getAmountMinorLong());
            quantities[i] = l.quantity();
            linesSum += lineTotals[i];
        }
        long discounts = sum(order.discounts());
        long charges = sum(order.charges());
        long goodsDiscount = Math.min(discounts, linesSum);
        long chargesLeft = Math.max(0, charges - (discounts - goodsDiscount));

        long[] discountShares = largestRemainder(goodsDiscount, lineTotals);
        long[] chargeShares = largestRemainder(chargesLeft, linesSum > 0 ? lineTotals : quantities);
        Map<LineId, Share> shares = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            OrderLine l = orderLines.get(i);
            shares.put(l.id(), new Share(l.quantity(), lineTotals[i] - discountShares[i], chargeShares[i]));
        }
        return new PaidPerUnit(order.currency(), shares, linesSum - goodsDiscount, chargesLeft);
    }

    /**
     * What {@code units} units of {@code line} cost net of every discount, when {@code before} of its units were
     * refunded (or counted) already.
     *
     * @throws IllegalArgumentException when the line is not the order's, a count is negative, or
     *                                  {@code before + units} exceeds the line's quantity
     */
    public Money goods(LineId line, int before, int units) {
        Share s = share(line, before, units);
        return Money.ofMinor(currency, cumulative(s.goods, s.quantity, before + units) - cumulative(s.goods, s.quantity, before));
    }

    /**
     * What the last {@code cancelled} units of {@code line} cost net of every discount: the value a cancellation of them
     * takes off what the customer owes. Counted from the end of the line, so that with {@link #goods} from its start,
     * {@code goods(line, 0, quantity - cancelled) + cancelledGoods(line, cancelled)} is the line's whole share.
     *
     * @throws IllegalArgumentException when the line is not the order's, or {@code cancelled} is negative or exceeds
     *                                  the line's quantity
     */
    public Money cancelledGoods(LineId line, int cancelled) {
        Share s = share(line, 0, cancelled);
        return goods(line, s.quantity - cancelled, cancelled);
    }

    /** The share of the order's charges of {@code units} units of {@code line}, counted as {@link #goods} counts them. */
    public Money charges(LineId line, int before, int units) {
        Share s = share(line, before, units);
        return Money.ofMinor(currency,
                cumulative(s.charges, s.quantity, before + units) - cumulative(s.charges, s.quantity, before));
    }

    /** What every unit of the order cost net of discounts, charges apart. */
    public Money goodsTotal() {
        return Money.ofMinor(currency, goodsTotal);
    }

    /** The order's charges that are left after discounts larger than the lines. */
    public Money chargesTotal() {
        return Money.ofMinor(currency, chargesTotal);
    }

    /** The order's currency. */
    public CurrencyUnit currency() {
        return currency;
    }

    private Share share(LineId line, int before, int units) {
        Checks.notNull(line, "line");
        Share s = lines.get(line);
        if (s == null) {
            throw new IllegalArgumentException("line " + line + " is not a line of the order");
        }
        Checks.notNegative(before, "before");
        Checks.notNegative(units, "units");
        if ((long) before + units > s.quantity) {
            throw new IllegalArgumentException("before + units must be <= the quantity " + s.quantity + " of line " + line
                    + ", was " + before + " + " + units);
        }
        return s;
    }

    /** The first {@code count} of {@code quantity} units' amounts: even shares, the odd minor units to the first units. */
    private static long cumulative(long amount, int quantity, int count) {
        long base = amount / quantity;
        long odd = amount % quantity;
        return base * count + Math.min(count, odd);
    }

    private static long sum(List<Adjustment> adjustments) {
        long sum = 0;
        for (Adjustment a : adjustments) {
            sum = Math.addExact(sum, a.amount().getAmountMinorLong());
        }
        return sum;
    }

    /**
     * {@code amount} split in proportion to {@code weights}: each takes the whole part of its exact share, and the
     * minor units left go one each to the largest fractional remainders (the earlier on a tie). With no weight at all,
     * evenly. Never negative; adds up to {@code amount}.
     */
    static long[] largestRemainder(long amount, long[] weights) {
        int n = weights.length;
        long[] shares = new long[n];
        if (n == 0 || amount == 0) {
            return shares;
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        long[] even = null;
        if (total.signum() == 0) {
            even = new long[n];
            Arrays.fill(even, 1);
            total = BigInteger.valueOf(n);
        }
        long[] w = even != null ? even : weights;
        BigInteger a = BigInteger.valueOf(amount);
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(w[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < amount; k++, given++) {
            shares[order.get(k)]++;
        }
        return shares;
    }
}
