package io.omskit.returns.rma;

/** Where a refund goes. */
public enum RefundTender {
    /** Back to the payment the order was paid with, through the payment gateway. */
    ORIGINAL_PAYMENT,
    /** As store credit, which the host issues from the {@link ReturnEvent.StoreCreditIssued} event. */
    STORE_CREDIT
}
