package io.omskit.orchestration.spi;

/**
 * Receives the cost terms a {@link CostRule} prices for one location. Every amount must be finite and at least
 * zero: the optimiser's bounds rely on it (a preference is expressed as a lower cost elsewhere, not as a bonus).
 * Not thread-safe; valid only during the call it is passed to.
 */
public interface CostSink {

    /** Adds {@code cost} once if the location ships anything of the demand (per shipment). */
    void perShipment(double cost);

    /** Adds {@code cost} for every unit of item {@code item} taken at the location. */
    void perUnit(int item, double cost);

    /**
     * Adds {@code cost} for each unit taken from the last {@code units} units of the item's SKU at the location,
     * such as the last units on a store's shelf. When several rules protect the same position, the largest
     * {@code units} applies with the sum of the costs.
     */
    void lastUnits(int item, int units, double cost);
}
