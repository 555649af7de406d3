package io.omskit.postgres;

import io.omskit.core.spi.TransferRepository;
import io.omskit.testkit.contract.TransferRepositoryContract;

/** The TransferRepository TCK on PostgreSQL. */
class PostgresTransferRepositoryContractTest extends TransferRepositoryContract {

    @Override
    protected TransferRepository newRepository() {
        TestDatabase.clean();
        return new PostgresTransferRepository(TestDatabase.dataSource());
    }
}
