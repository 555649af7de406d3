package io.omskit.returns.rma;

/** Why the customer sends a line back. */
public enum ReturnReason {
    /** Arrived damaged. */
    DAMAGED_IN_TRANSIT(true),
    /** Does not work. */
    DEFECTIVE(true),
    /** Not what was ordered. */
    WRONG_ITEM_SENT(true),
    /** Not as the product page described it. */
    NOT_AS_DESCRIBED(true),
    /** Wrong size or fit. */
    DOES_NOT_FIT(false),
    /** The customer no longer wants it. */
    CHANGED_MIND(false),
    /** Arrived too late to be of use. */
    ARRIVED_LATE(true),
    /** Anything else. */
    OTHER(false);

    private final boolean retailersFault;

    ReturnReason(boolean retailersFault) {
        this.retailersFault = retailersFault;
    }

    /** Whether the reason is the retailer's fault: policies then refund shipping and charge no fees. */
    public boolean isRetailersFault() {
        return retailersFault;
    }
}
