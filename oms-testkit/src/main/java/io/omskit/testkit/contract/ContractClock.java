package io.omskit.testkit.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the contract tests move by hand. Thread-safe. */
public final class ContractClock extends Clock {

    private volatile Instant now;

    /** A clock standing at {@code start}. */
    public ContractClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code step}. */
    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
