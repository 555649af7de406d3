package io.omskit.orchestration.spi;

/**
 * Why a rule excluded a location or what a cost is made of. Implementations are records, so that two
 * justifications compare by value and serialise to JSON (their components become the JSON fields).
 */
public interface Justification {

    /** One line for people reading the explanation, such as "1240 km from the customer, limit 500 km". Never null. */
    String summary();
}
