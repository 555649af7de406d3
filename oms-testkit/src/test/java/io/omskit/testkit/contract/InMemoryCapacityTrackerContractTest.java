package io.omskit.testkit.contract;

import io.omskit.orchestration.inmemory.InMemoryCapacityTracker;
import io.omskit.orchestration.spi.CapacityTracker;

/** The in-memory capacity tracker passes the capacity tracker TCK. */
class InMemoryCapacityTrackerContractTest extends CapacityTrackerContract {

    @Override
    protected CapacityTracker newTracker() {
        return new InMemoryCapacityTracker();
    }
}
