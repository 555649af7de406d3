package io.omskit.orchestration.spi;

/**
 * A rule that forbids locations: for the whole demand (the "order level") or for one item. A filter answers {@code null} for
 * "allowed" so that the common case allocates nothing; an exclusion is answered with the justification.
 *
 * <p>The engine calls {@link #excludeOrder} for every location holding stock of some item, and {@link #excludeItem}
 * for every item and location holding its SKU that the order-level check let through.
 */
public interface FilterRule extends SourcingRule {

    /**
     * Why {@code location} may not fulfil any part of the demand.
     *
     * @param context  the demand being sourced
     * @param location the dense network index of the location
     * @return the justification of the exclusion, or null when the location is allowed
     */
    default Justification excludeOrder(SourcingContext context, int location) {
        return null;
    }

    /**
     * Why {@code location} may not fulfil item {@code item}.
     *
     * @param context  the demand being sourced
     * @param item     the index of the item in {@link SourcingContext#item(int)}
     * @param location the dense network index of the location
     * @return the justification of the exclusion, or null when the location is allowed for the item
     */
    default Justification excludeItem(SourcingContext context, int item, int location) {
        return null;
    }

    /**
     * Whether {@link #excludeOrder} excludes {@code location}: the same answer without building the justification.
     * The engine asks this on its hot path and {@link #excludeOrder} only for explanations; a filter whose
     * justification costs an allocation may override it, and must then answer exactly as {@code excludeOrder}.
     */
    default boolean excludesOrder(SourcingContext context, int location) {
        return excludeOrder(context, location) != null;
    }

    /**
     * Whether {@link #excludeItem} excludes {@code location} for item {@code item}: the same answer without building
     * the justification; see {@link #excludesOrder}.
     */
    default boolean excludesItem(SourcingContext context, int item, int location) {
        return excludeItem(context, item, location) != null;
    }

    /**
     * Whether items that share a {@link SourcingItem#group()} must come, complete, from one location. A rule set
     * keeps groups together when one of its filters says so; otherwise groups are ignored.
     */
    default boolean keepsGroupsTogether() {
        return false;
    }

    /**
     * Whether each item must come whole from one location (a line is never split across locations). A rule set
     * keeps items whole when one of its filters says so.
     */
    default boolean keepsItemsWhole() {
        return false;
    }
}
