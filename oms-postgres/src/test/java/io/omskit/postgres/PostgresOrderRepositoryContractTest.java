package io.omskit.postgres;

import io.omskit.core.spi.OrderRepository;
import io.omskit.testkit.contract.OrderRepositoryContract;

/** The OrderRepository TCK on PostgreSQL. */
class PostgresOrderRepositoryContractTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository newRepository() {
        TestDatabase.clean();
        return new PostgresOrderRepository(TestDatabase.dataSource());
    }
}
