package io.omskit.orchestration.rulebook;

import io.omskit.core.common.Checks;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which rule set sources which orders: by channel and delivery method, with fallbacks. The most specific
 * binding wins: channel and method, then method alone, then channel alone, then the default. Immutable.
 *
 * <pre>{@code
 * RuleBook book = RuleBook.builder()
 *         .byDefault(home)
 *         .forMethod(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, collect)
 *         .forChannelAndMethod(Channel.MARKETPLACE, DeliveryMethod.STANDARD_DELIVERY, marketplace)
 *         .build();
 * }</pre>
 */
public final class RuleBook {

    private final RuleSet byDefault;
    private final Map<DeliveryMethod, RuleSet> byMethod;
    private final Map<Channel, RuleSet> byChannel;
    private final Map<Channel, Map<DeliveryMethod, RuleSet>> byBoth;

    private RuleBook(Builder b) {
        this.byDefault = b.byDefault;
        this.byMethod = new EnumMap<>(b.byMethod);
        this.byChannel = new EnumMap<>(b.byChannel);
        this.byBoth = new EnumMap<>(Channel.class);
        b.byBoth.forEach((c, m) -> byBoth.put(c, new EnumMap<>(m)));
    }

    /** A rule book with one rule set for every order. */
    public static RuleBook of(RuleSet ruleSet) {
        return builder().byDefault(ruleSet).build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rule set for orders from {@code channel} delivered by {@code method}.
     *
     * @throws IllegalStateException when no binding and no default applies
     */
    public RuleSet ruleSetFor(Channel channel, DeliveryMethod method) {
        Map<DeliveryMethod, RuleSet> m = byBoth.get(channel);
        RuleSet rs = m == null ? null : m.get(method);
        if (rs == null) {
            rs = byMethod.get(method);
        }
        if (rs == null) {
            rs = byChannel.get(channel);
        }
        if (rs == null) {
            rs = byDefault;
        }
        if (rs == null) {
            throw new IllegalStateException("no rule set for channel " + channel + " and method " + method
                    + " and no default rule set");
        }
        return rs;
    }

    /** Every distinct rule set of the book, by name. */
    public Map<String, RuleSet> ruleSets() {
        Map<String, RuleSet> all = new LinkedHashMap<>();
        if (byDefault != null) {
            all.put(byDefault.name(), byDefault);
        }
        byMethod.values().forEach(r -> all.put(r.name(), r));
        byChannel.values().forEach(r -> all.put(r.name(), r));
        byBoth.values().forEach(m -> m.values().forEach(r -> all.put(r.name(), r)));
        return all;
    }

    /** Builds a {@link RuleBook}. */
    public static final class Builder {
        private RuleSet byDefault;
        private final Map<DeliveryMethod, RuleSet> byMethod = new EnumMap<>(DeliveryMethod.class);
        private final Map<Channel, RuleSet> byChannel = new EnumMap<>(Channel.class);
        private final Map<Channel, Map<DeliveryMethod, RuleSet>> byBoth = new EnumMap<>(Channel.class);

        private Builder() {
        }

        /** The rule set for orders no other binding matches. */
        public Builder byDefault(RuleSet ruleSet) {
            this.byDefault = Checks.notNull(ruleSet, "ruleSet");
            return this;
        }

        /** The rule set for orders delivered by {@code method}, from any channel without a more specific binding. */
        public Builder forMethod(DeliveryMethod method, RuleSet ruleSet) {
            byMethod.put(Checks.notNull(method, "method"), Checks.notNull(ruleSet, "ruleSet"));
            return this;
        }

        /** The rule set for orders from {@code channel}, for methods without a more specific binding. */
        public Builder forChannel(Channel channel, RuleSet ruleSet) {
            byChannel.put(Checks.notNull(channel, "channel"), Checks.notNull(ruleSet, "ruleSet"));
            return this;
        }

        /** The rule set for orders from {@code channel} delivered by {@code method}. */
        public Builder forChannelAndMethod(Channel channel, DeliveryMethod method, RuleSet ruleSet) {
            byBoth.computeIfAbsent(Checks.notNull(channel, "channel"), c -> new EnumMap<>(DeliveryMethod.class))
                    .put(Checks.notNull(method, "method"), Checks.notNull(ruleSet, "ruleSet"));
            return this;
        }

        /** The rule book. */
        public RuleBook build() {
            return new RuleBook(this);
        }
    }
}
