package io.omskit.returns.rma;

/** The commands a return accepts; which are allowed depends on its {@link ReturnStatus}. */
public enum ReturnCommand {
    REQUEST_LABEL, RECORD_LABEL, MARK_IN_TRANSIT, RECEIVE, INSPECT, REQUEST_REFUND, RECORD_REFUND, RECORD_REPLACEMENT, FINISH, CLOSE, CANCEL, VOID_LABEL,
    /** Refunds the order's shipping left over once every unit is returned or cancelled ({@link Return#requestShippingRefund}). */
    REFUND_SHIPPING
}
