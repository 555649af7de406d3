package io.omskit.orchestration.spi;

/**
 * A rule that adds cost terms to a candidate plan; the optimiser minimises their total over all rules.
 * Costs are in one unit the retailer chooses (money, or points) and the same for every rule of a rule set.
 */
public interface CostRule extends SourcingRule {

    /**
     * Prices using {@code location} for the demand: calls {@code sink} with per-shipment, per-unit and
     * last-units terms (or none when the rule costs nothing here).
     *
     * @param context  the demand being sourced
     * @param location the dense network index of a location that passed every filter for some item
     * @param sink     where the cost terms go
     */
    void price(SourcingContext context, int location, CostSink sink);

    /**
     * A penalty for each shipment of the demand beyond the first (the split penalty); zero by default.
     * Must be finite and at least zero.
     */
    default double perExtraShipment(SourcingContext context) {
        return 0;
    }

    /**
     * What the cost at {@code location} is made of, for explanations; called only when an explanation is asked
     * for, never in the optimiser's path.
     *
     * @return the justification; never null
     */
    Justification justify(SourcingContext context, int location);
}
