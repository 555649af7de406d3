package io.omskit.testkit.faults;

import io.omskit.core.spi.SpiException;

/** An infrastructure failure a {@link FaultPlan} injected; retryable, like the real thing. */
public final class InjectedFault extends SpiException {

    /** Whether the real call ran before the failure was reported. */
    private final boolean afterCall;

    InjectedFault(String call, boolean afterCall) {
        super("injected fault " + (afterCall ? "after " : "before ") + call, null, true);
        this.afterCall = afterCall;
    }

    /** Whether the real call ran (and its work was done) before the failure was reported. */
    public boolean afterCall() {
        return afterCall;
    }
}
