package io.omskit.returns.policy;

/** When the order's charges (shipping) are refunded with returned goods. */
public enum ShippingRefund {
    /** Never. */
    NEVER,
    /** When the refund completes the return of every unit of the order. */
    WHEN_ALL_RETURNED,
    /** When every unit is returned, or the reason is the retailer's fault (each unit's share then). */
    WHEN_ALL_RETURNED_OR_RETAILERS_FAULT,
    /** Always, each unit's share. */
    ALWAYS
}
