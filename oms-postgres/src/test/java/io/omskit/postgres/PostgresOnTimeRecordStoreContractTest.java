package io.omskit.postgres;

import io.omskit.core.spi.OnTimeRecordStore;
import io.omskit.testkit.contract.OnTimeRecordStoreContract;

/** The OnTimeRecordStore TCK on PostgreSQL. */
class PostgresOnTimeRecordStoreContractTest extends OnTimeRecordStoreContract {

    @Override
    protected OnTimeRecordStore newStore() {
        TestDatabase.clean();
        return new PostgresOnTimeRecordStore(TestDatabase.dataSource());
    }
}
