package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.spi.OrderRepository;

class InMemoryOrderRepositoryContractTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository newRepository() {
        return new InMemoryOrderRepository();
    }
}
