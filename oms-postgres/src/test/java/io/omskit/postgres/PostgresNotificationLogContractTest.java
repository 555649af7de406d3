package io.omskit.postgres;

import io.omskit.core.spi.NotificationLog;
import io.omskit.testkit.contract.NotificationLogContract;

/** The NotificationLog TCK on PostgreSQL. */
class PostgresNotificationLogContractTest extends NotificationLogContract {

    @Override
    protected NotificationLog newLog() {
        TestDatabase.clean();
        return new PostgresNotificationLog(TestDatabase.dataSource());
    }
}
