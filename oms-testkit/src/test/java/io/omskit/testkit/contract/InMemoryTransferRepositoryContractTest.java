package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryTransferRepository;
import io.omskit.core.spi.TransferRepository;

/** The in-memory transfer repository passes the transfer repository TCK. */
class InMemoryTransferRepositoryContractTest extends TransferRepositoryContract {

    @Override
    protected TransferRepository newRepository() {
        return new InMemoryTransferRepository();
    }
}
