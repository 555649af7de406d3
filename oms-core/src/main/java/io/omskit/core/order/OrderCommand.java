package io.omskit.core.order;

/** The commands an order accepts; which are allowed depends on its {@link OrderStatus}. */
public enum OrderCommand {
    RESERVE, RELEASE_RESERVATION, RECORD_PAYMENT, CONFIRM, HOLD, RELEASE_HOLD,
    ALLOCATE, DEALLOCATE, MARK_READY, SHIP, PICK_UP, DELIVER, CANCEL, RETURN,
    /** Lines added, removed or given another quantity before the goods move ({@link Order#editLines}). */
    EDIT_LINES
}
