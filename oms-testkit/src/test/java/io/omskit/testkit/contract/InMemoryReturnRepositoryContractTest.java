package io.omskit.testkit.contract;

import io.omskit.returns.inmemory.InMemoryReturnRepository;
import io.omskit.returns.spi.ReturnRepository;

/** The in-memory return repository passes the return repository TCK. */
class InMemoryReturnRepositoryContractTest extends ReturnRepositoryContract {

    @Override
    protected ReturnRepository newRepository() {
        return new InMemoryReturnRepository();
    }
}
