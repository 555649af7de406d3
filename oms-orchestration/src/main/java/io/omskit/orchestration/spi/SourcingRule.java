package io.omskit.orchestration.spi;

import io.omskit.core.order.DeliveryMethod;
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
     * What the rule's answers depend on; {@link RuleInput#ALL} by default, which is always correct. A filter that
     * declares only {@link RuleInput#DELIVERY} is judged once per rule set, channel, method and pickup store for
     * every location, and its answers remembered for all orders; a rule that declares no more than
     * {@link RuleInput#PER_DESTINATION} is asked once per channel, method, destination and location for one-item
     * what-ifs, and its answers reused for other items, stock, moments and capacities.
     *
     * @return the inputs; never null or empty
     */
    default Set<RuleInput> inputs() {
        return RuleInput.ALL;
    }

    /**
     * Whether every answer of the rule (exclusions, costs, the penalty per extra shipment, whether it keeps groups
     * together or items whole) is the same for two orders that differ only in their delivery method, {@code a}
     * rather than {@code b}, with the same destination, pickup store, items, stock and moment. Justifications may
     * still name the method. When every rule of a rule set says so, the engine may plan the two methods once
     * ({@code SourcingEngine#sourcesAlike}), so a rule answering true for a pair it treats differently gets the other
     * method's plan. By default only a method is alike itself, which is always correct.
     *
     * @param a a delivery method; never null
     * @param b another, or the same; never null
     */
    default boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return a == b;
    }
}
