package io.omskit.orchestration.spi;

/**
 * A sourcing rule: stateless (its answers depend only on its configuration and the context it is given),
 * thread-safe, and named. The name identifies the rule in rule-set documents and in explanations, so it must be
 * stable: lower-case words joined by dashes, such as {@code max-distance}.
 */
public interface SourcingRule {

    /** The rule's stable name; never null or blank. */
    String name();
}
