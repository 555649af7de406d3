package io.omskit.testkit.contract;

import io.omskit.core.inmemory.RecordingNotificationSender;
import io.omskit.core.spi.NotificationSender;

/** The recording notification sender passes the notification sender TCK. */
class RecordingNotificationSenderContractTest extends NotificationSenderContract {

    @Override
    protected NotificationSender newSender() {
        return new RecordingNotificationSender();
    }
}
