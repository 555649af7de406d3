package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryOnTimeRecordStore;
import io.omskit.core.spi.OnTimeRecordStore;

/** The OnTimeRecordStore TCK on the in-memory store. */
class InMemoryOnTimeRecordStoreContractTest extends OnTimeRecordStoreContract {

    @Override
    protected OnTimeRecordStore newStore() {
        return new InMemoryOnTimeRecordStore();
    }
}
