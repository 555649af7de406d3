package io.omskit.postgres;

import io.omskit.core.spi.BackorderBook;
import io.omskit.testkit.contract.BackorderBookContract;

/** The BackorderBook TCK on PostgreSQL. */
class PostgresBackorderBookContractTest extends BackorderBookContract {

    @Override
    protected BackorderBook newBook() {
        TestDatabase.clean();
        return new PostgresBackorderBook(TestDatabase.dataSource());
    }
}
