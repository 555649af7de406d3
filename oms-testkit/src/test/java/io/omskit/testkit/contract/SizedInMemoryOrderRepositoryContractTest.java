package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.spi.OrderRepository;

/** The in-memory order repository told to expect many orders keeps the same contract as one that grows from empty. */
class SizedInMemoryOrderRepositoryContractTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository newRepository() {
        return new InMemoryOrderRepository(1_000);
    }
}
