package io.omskit.core.order;

/** Why an order was put on hold. */
public enum HoldReason {
    PAYMENT_DECLINED,
    PAYMENT_NOT_ATTEMPTED,
    FRAUD_REVIEW,
    ADDRESS_CHECK,
    CUSTOMER_REQUEST,
    OTHER
}
