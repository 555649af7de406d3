package io.omskit.orchestration.demand;

import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * What the sourcing engine is asked to source: units of SKUs, line by line, from a channel, delivered in one way.
 * An order's units to source ({@link OrderDemands} reads them off the order), or a shopper's question before checkout
 * ({@link #whatIf}: a product page, a cart). Rules read it through
 * {@link io.omskit.orchestration.spi.SourcingContext#demand()}.
 *
 * @param order    the order whose demand this is: it names the plans and explanations and owns the allocation; null
 *                 for a what-if that is no order's, which can be planned but not allocated
 * @param version  the version of the order the demand was read from, at least 1; it keys the allocation of
 *                 {@link io.omskit.orchestration.SourcingEngine#source(SourcingRequest)}. 0 for a demand of no order
 * @param placedAt when the demand was placed: a batch serves older demands first; never null
 * @param channel  where the demand comes from, which decides the stock it sees and its rule set; never null
 * @param delivery how the customer receives the units: the method, the address or pickup store, and the window
 *                 promised at checkout if any; never null
 * @param lines    the lines to source, ids unique, unit values (where known) in one currency; empty when nothing is
 *                 left to source (the plan is then empty)
 */
public record Demand(OrderId order, long version, Instant placedAt, Channel channel, DeliveryChoice delivery,
                     List<DemandLine> lines) {

    public Demand {
        if (order == null ? version != 0 : version < 1) {
            throw new IllegalArgumentException(order == null
                    ? "version must be 0 for a demand of no order, was " + version
                    : "version must be >= 1, was " + version + " for order " + order);
        }
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(channel, "channel");
        Checks.notNull(delivery, "delivery");
        lines = Checks.list(lines, "lines");
        Set<LineId> ids = lines.size() > 1 ? new HashSet<>() : null;
        CurrencyUnit currency = null;
        LineId valued = null;
        for (DemandLine line : lines) {
            if (ids != null && !ids.add(line.line())) {
                throw new IllegalArgumentException("lines must have unique ids, " + line.line() + " appears twice");
            }
            if (line.unitValue() != null) {
                if (currency == null) {
                    currency = line.unitValue().getCurrencyUnit();
                    valued = line.line();
                } else if (!line.unitValue().getCurrencyUnit().equals(currency)) {
                    throw new IllegalArgumentException("lines must be valued in one currency, line " + line.line()
                            + " is valued " + line.unitValue() + ", line " + valued + " in " + currency);
                }
            }
        }
    }

    /**
     * A demand of no order: what a shopper asks about before checkout ({@code lines} from {@code channel}, delivered
     * as {@code delivery}, asked {@code at}). It can be planned but not allocated.
     */
    public static Demand whatIf(Channel channel, DeliveryChoice delivery, List<DemandLine> lines, Instant at) {
        return new Demand(null, 0, at, channel, delivery, lines);
    }

    /** This demand delivered as {@code newDelivery}. */
    public Demand withDelivery(DeliveryChoice newDelivery) {
        return new Demand(order, version, placedAt, channel, newDelivery, lines);
    }

    /**
     * This demand with {@code group} (lines of the demand) shipping together, in a group of its own: a line already in
     * a group leaves it. Lines not in the demand are ignored.
     */
    public Demand withGroup(Set<LineId> group) {
        Checks.set(group, "group");
        Set<String> taken = new HashSet<>();
        for (DemandLine l : lines) {
            if (l.group() != null) {
                taken.add(l.group());
            }
        }
        int k = 0;
        while (taken.contains("group-" + k)) {
            k++;
        }
        String name = "group-" + k;
        List<DemandLine> grouped = new ArrayList<>(lines.size());
        for (DemandLine l : lines) {
            grouped.add(group.contains(l.line()) ? l.inGroup(name) : l);
        }
        return new Demand(order, version, placedAt, channel, delivery, grouped);
    }

    /** The line {@code line}; empty when the demand has none of it to source. */
    public Optional<DemandLine> line(LineId line) {
        for (DemandLine l : lines) {
            if (l.line().equals(line)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Whether the demand is an order's (and may be allocated). */
    public boolean isOrder() {
        return order != null;
    }
}
