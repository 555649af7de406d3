package io.omskit.postgres;

import io.omskit.core.event.DomainEvent;
import io.omskit.returns.spi.ReturnRepository;
import io.omskit.testkit.contract.ReturnRepositoryContract;
import java.util.List;

/** The ReturnRepository TCK on PostgreSQL; the events it stores are read from the outbox. */
class PostgresReturnRepositoryContractTest extends ReturnRepositoryContract {

    @Override
    protected ReturnRepository newRepository() {
        TestDatabase.clean();
        return new PostgresReturnRepository(TestDatabase.dataSource());
    }

    @Override
    protected List<DomainEvent> storedEvents(ReturnRepository repository) {
        return TestDatabase.outboxEvents();
    }
}
