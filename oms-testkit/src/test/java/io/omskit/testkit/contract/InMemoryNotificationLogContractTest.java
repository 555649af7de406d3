package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.spi.NotificationLog;

/** The in-memory notification log passes the notification log TCK. */
class InMemoryNotificationLogContractTest extends NotificationLogContract {

    @Override
    protected NotificationLog newLog() {
        return new InMemoryNotificationLog();
    }
}
