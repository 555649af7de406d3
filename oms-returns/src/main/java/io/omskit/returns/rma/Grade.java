package io.omskit.returns.rma;

/** The condition inspection found a returned unit in, best first. */
public enum Grade {
    /** Unopened or indistinguishable from new. */
    AS_NEW,
    /** Opened, complete, no visible wear. */
    GOOD,
    /** Visible wear or missing packaging. */
    WORN,
    /** Damaged. */
    DAMAGED,
    /** Beyond use. */
    UNUSABLE;

    /** Whether this grade is {@code other} or better. */
    public boolean isAtLeast(Grade other) {
        return ordinal() <= other.ordinal();
    }
}
