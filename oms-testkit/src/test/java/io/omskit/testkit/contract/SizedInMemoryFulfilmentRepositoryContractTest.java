package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.spi.FulfilmentRepository;

/** The in-memory fulfilment repository told to expect many fulfilments keeps the same contract as one that grows from empty. */
class SizedInMemoryFulfilmentRepositoryContractTest extends FulfilmentRepositoryContract {

    @Override
    protected FulfilmentRepository newRepository() {
        return new InMemoryFulfilmentRepository(1_000);
    }
}
