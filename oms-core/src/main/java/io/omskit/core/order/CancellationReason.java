package io.omskit.core.order;

/** Why units were cancelled. */
public enum CancellationReason {
    CUSTOMER_REQUEST,
    OUT_OF_STOCK,
    PAYMENT_FAILED,
    FRAUD,
    NOT_COLLECTED,
    FULFILMENT_FAILED,
    OTHER
}
