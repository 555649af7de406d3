package io.omskit.postgres;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.testkit.contract.FulfilmentRepositoryContract;
import java.util.List;

/** The FulfilmentRepository TCK on PostgreSQL; the events it stores are read from the outbox. */
class PostgresFulfilmentRepositoryContractTest extends FulfilmentRepositoryContract {

    @Override
    protected FulfilmentRepository newRepository() {
        TestDatabase.clean();
        return new PostgresFulfilmentRepository(TestDatabase.dataSource());
    }

    @Override
    protected List<DomainEvent> storedEvents(FulfilmentRepository repository) {
        return TestDatabase.outboxEvents();
    }
}
