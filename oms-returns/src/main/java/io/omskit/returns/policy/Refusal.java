package io.omskit.returns.policy;

import io.omskit.core.common.Checks;

/**
 * Why a line cannot be returned.
 *
 * @param reason the rule that refused it
 * @param detail for people: the figures behind it, such as the window's end
 */
public record Refusal(Reason reason, String detail) {

    /** The rules that refuse a line. */
    public enum Reason {
        /** The SKU is marked not returnable in the catalog (or the catalog does not know it). */
        NOT_RETURNABLE,
        /** The SKU was sold as final sale. */
        FINAL_SALE,
        /** No unit of the line reached the customer yet. */
        NOT_DELIVERED,
        /** The return window, counted from delivery or collection, has passed. */
        OUTSIDE_WINDOW,
        /** More units asked for than were delivered or collected and are not already being returned. */
        QUANTITY_EXCEEDED,
        /** The customer has opened as many returns as the policy allows in its period. */
        CUSTOMER_LIMIT_REACHED
    }

    public Refusal {
        Checks.notNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return reason + (detail.isEmpty() ? "" : ": " + detail);
    }
}
