package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.spi.FulfilmentRepository;

/** The in-memory fulfilment repository passes the fulfilment repository TCK (§9 does not apply: it stores no events). */
class InMemoryFulfilmentRepositoryContractTest extends FulfilmentRepositoryContract {

    @Override
    protected FulfilmentRepository newRepository() {
        return new InMemoryFulfilmentRepository();
    }
}
