package io.omskit.orchestration.spi;

import java.util.Set;

/**
 * A sourcing rule: stateless (its answers depend only on its configuration and the context it is given),
 * thread-safe, and named. The name identifies the rule in rule-set documents and in explanations, so it must be
 * stable: lower-case words joined by dashes, such as {@code max-distance}.
 */
public interface SourcingRule {

    /** The rule's stable name; never null or blank. */
    String name();

    /**
     * What the rule's answers depend on; {@link RuleInput#ALL} by default, which is always correct. A rule that
     * declares only {@link RuleInput#DELIVERY} is asked once per channel, delivery method, destination and location,
     * and its answers reused for other items, stock, moments and capacities.
     *
     * @return the inputs; never null or empty
     */
    default Set<RuleInput> inputs() {
        return RuleInput.ALL;
    }
}
