package io.omskit.orchestration.picking;

/** The only direction a picker may walk along a one-way aisle. */
public enum AisleDirection {
    /** From the front cross aisle towards the back. */
    TOWARDS_BACK,
    /** From the back cross aisle towards the front. */
    TOWARDS_FRONT
}
