package io.omskit.core.inventory;

import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link ExposurePolicy} of each sales channel; channels without one see everything, without buffer.
 * Immutable. For example, a marketplace that sees only warehouse stock, minus 2 units per warehouse:
 * <pre>{@code
 * ChannelExposure exposure = ChannelExposure.everything()
 *         .with(Channel.MARKETPLACE, ExposurePolicy.of(Set.of(LocationType.WAREHOUSE), 2));
 * }</pre>
 */
public final class ChannelExposure {

    private final Map<Channel, ExposurePolicy> policies;

    private ChannelExposure(Map<Channel, ExposurePolicy> policies) {
        this.policies = policies;
    }

    /** Every channel sees every location, without buffer. */
    public static ChannelExposure everything() {
        return new ChannelExposure(new EnumMap<>(Channel.class));
    }

    /** This exposure with {@code channel} seeing stock through {@code policy}. */
    public ChannelExposure with(Channel channel, ExposurePolicy policy) {
        Checks.notNull(channel, "channel");
        Checks.notNull(policy, "policy");
        EnumMap<Channel, ExposurePolicy> copy = new EnumMap<>(Channel.class);
        copy.putAll(policies);
        copy.put(channel, policy);
        return new ChannelExposure(copy);
    }

    /** The channels with a policy of their own, and their policies, in channel order; unmodifiable. */
    public Map<Channel, ExposurePolicy> policies() {
        return Collections.unmodifiableMap(policies);
    }

    /** The policy of {@code channel}; {@link ExposurePolicy#everything()} when it has none of its own. */
    public ExposurePolicy policyFor(Channel channel) {
        Checks.notNull(channel, "channel");
        ExposurePolicy p = policies.get(channel);
        return p == null ? ExposurePolicy.everything() : p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelExposure other && policies.equals(other.policies);
    }

    @Override
    public int hashCode() {
        return policies.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelExposure" + policies;
    }
}
