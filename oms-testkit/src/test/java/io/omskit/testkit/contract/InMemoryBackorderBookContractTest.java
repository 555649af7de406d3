package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.spi.BackorderBook;

/** The in-memory backorder book passes the backorder book TCK. */
class InMemoryBackorderBookContractTest extends BackorderBookContract {

    @Override
    protected BackorderBook newBook() {
        return new InMemoryBackorderBook();
    }
}
