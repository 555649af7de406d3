package io.omskit.orchestration.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a rule's answers may depend on, besides its own configuration. The engine uses it to prepare once what
 * depends only on the delivery and to re-ask rules only about what changed: a rule that declares fewer inputs than
 * it reads gets stale answers, so a rule that is unsure declares {@link #ALL}.
 */
public enum RuleInput {

    /**
     * The demand's channel, delivery method and pickup store, and the location's own attributes (type,
     * capabilities, position, zone, calendar, daily capacity as configured). A cost rule depending on no more than
     * this and {@link #DESTINATION} must price every item alike: the same per-unit and last-units terms for each item.
     */
    DELIVERY,

    /** Where a home delivery goes ({@link SourcingContext#destination}, {@link SourcingContext#distanceKm}). */
    DESTINATION,

    /** The items being sourced: their SKUs, quantities, lines and groups, and how many there are. */
    ITEMS,

    /** The units available per item and location ({@link SourcingContext#available}). */
    STOCK,

    /** The moment of the computation ({@link SourcingContext#now}), and the promised window of the delivery. */
    TIME,

    /** The capacity locations have left today ({@link SourcingContext#remainingCapacity}). */
    CAPACITY,

    /** The locations the request excluded ({@link SourcingContext#isExcluded}). */
    EXCLUSIONS,

    /** Anything else of the demand ({@link SourcingContext#demand}): its lines' unit values, its order. */
    DEMAND;

    /** Every input: what a rule that does not say depends on. */
    public static final Set<RuleInput> ALL = Set.copyOf(EnumSet.allOf(RuleInput.class));

    /**
     * Only {@link #DELIVERY}: the rule's answer for a location is fixed by the channel, method and pickup store; the
     * engine judges such filters once per rule set and remembers the answers for every order.
     */
    public static final Set<RuleInput> DELIVERY_ONLY = Set.of(DELIVERY);

    /**
     * {@link #DELIVERY} and {@link #DESTINATION}: the rule's answer for a location is fixed once the destination is
     * known; the engine asks such rules once per channel, method, destination and location for one-item what-ifs.
     */
    public static final Set<RuleInput> PER_DESTINATION = Set.of(DELIVERY, DESTINATION);
}
