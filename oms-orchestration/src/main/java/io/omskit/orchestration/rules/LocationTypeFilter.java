package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which location types may fulfil orders of a channel and delivery method: for instance marketplace orders from
 * warehouses only, or web home delivery also from stores (ship from store) and drop-shippers. The most specific
 * allowance applies (channel and method, then method, then channel, then one for all); with none, every type is
 * allowed. Named {@value #NAME}.
 *
 * <p>For ship-to-store the allowance names where transfers may come from; the pickup store itself is never excluded,
 * whatever its type: units on its own shelf are collected there, with no transfer.
 */
public final class LocationTypeFilter implements FilterRule {

    /** The rule's name. */
    public static final String NAME = "location-type";

    /**
     * The location types allowed for a channel and method.
     *
     * @param channel the channel; null for every channel
     * @param method  the delivery method; null for every method
     * @param types   the allowed types
     */
    public record Allowance(Channel channel, DeliveryMethod method, Set<LocationType> types) {
        public Allowance {
            types = Checks.set(types, "types");
        }

        int specificity() {
            return (channel != null ? 1 : 0) + (method != null ? 2 : 0);
        }
    }

    /** The location's type is not allowed for the order's channel and method. */
    public record TypeNotAllowed(LocationId location, LocationType locationType, Channel channel, DeliveryMethod method,
                                 Set<LocationType> allowed) implements Justification {
        @Override
        public String summary() {
            return location + " is a " + locationType + "; " + channel + " " + method + " orders may use only " + allowed;
        }
    }

    private final List<Allowance> allowances;

    /** A filter with the given allowances. */
    public LocationTypeFilter(List<Allowance> allowances) {
        this.allowances = Checks.list(allowances, "allowances");
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The allowances. */
    public List<Allowance> allowances() {
        return allowances;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True: the answer depends only on the location, the channel, the delivery method and the pickup store. */

    @Override
    public Set<RuleInput> inputs() {
        return RuleInput.DELIVERY_ONLY;
    }

    /**
     * True when, for every channel, the allowance that applies to {@code a} allows the same location types as the one
     * that applies to {@code b} (every type when none applies), and neither or both are ship-to-store (whose pickup
     * store is always allowed).
     */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        if ((a == DeliveryMethod.SHIP_TO_STORE) != (b == DeliveryMethod.SHIP_TO_STORE)) {
            return false;
        }
        for (Channel channel : Channel.values()) {
            if (!allowed(channel, a).equals(allowed(channel, b))) {
                return false;
            }
        }
        return true;
    }

    private Set<LocationType> allowed(Channel channel, DeliveryMethod method) {
        Allowance applies = applying(channel, method);
        return applies == null ? EnumSet.allOf(LocationType.class) : applies.types();
    }

    /** The most specific allowance for {@code channel} and {@code method}; null when none applies. */
    private Allowance applying(Channel channel, DeliveryMethod method) {
        Allowance best = null;
        for (int a = 0; a < allowances.size(); a++) {
            Allowance allowance = allowances.get(a);
            if ((allowance.channel() == null || allowance.channel() == channel)
                    && (allowance.method() == null || allowance.method() == method)
                    && (best == null || allowance.specificity() > best.specificity())) {
                best = allowance;
            }
        }
        return best;
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        Channel channel = context.channel();
        DeliveryMethod method = context.delivery().method();
        Allowance best = applying(channel, method);
        LocationType type = context.locationType(location);
        if (best == null || best.types().contains(type)
                || method == DeliveryMethod.SHIP_TO_STORE && location == context.pickupStore()) {
            return null;
        }
        return new TypeNotAllowed(context.location(location).id(), type, channel, method, best.types());
    }

    /** Builds a {@link LocationTypeFilter}. */
    public static final class Builder {
        private final List<Allowance> allowances = new ArrayList<>();

        private Builder() {
        }

        /** Allows {@code types} for {@code channel} (null: any) and {@code method} (null: any). */
        public Builder allow(Channel channel, DeliveryMethod method, LocationType... types) {
            allowances.add(new Allowance(channel, method, types.length == 0 ? Set.of() : EnumSet.of(types[0], types)));
            return this;
        }

        /** The filter. */
        public LocationTypeFilter build() {
            return new LocationTypeFilter(allowances);
        }
    }
}
