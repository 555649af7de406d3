package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import io.omskit.testkit.contract.InventoryStoreContract;
import java.time.Clock;
import net.jqwik.api.PropertyDefaults;
import org.junit.jupiter.api.AfterEach;

/**
 * The InventoryStore TCK on PostgreSQL. Events reach the TCK's publisher through the outbox: the store writes them
 * in its transactions and an {@link OutboxRelay} publishes them right after each commit.
 */
@PropertyDefaults(tries = 15)
class PostgresInventoryStoreContractTest extends InventoryStoreContract {

    /** Beyond what the TCK sees through the SPI: the tables agree with each other after every clause. */
    @AfterEach
    void tablesKeepTheirInvariants() {
        assertThat(PostgresInventoryStore.builder(TestDatabase.dataSource()).build().audit()).isEmpty();
    }

    @Override
    protected InventoryStore newStore(Clock clock, EventPublisher publisher) {
        return newStore(clock, publisher, ThresholdPolicy.uniform(StockThresholds.defaults()));
    }

    @Override
    protected InventoryStore newStore(Clock clock, EventPublisher publisher, ThresholdPolicy thresholds) {
        TestDatabase.clean();
        OutboxRelay relay = new OutboxRelay(TestDatabase.dataSource(), publisher, clock);
        return PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(clock).thresholds(thresholds)
                .afterCommit(relay::publishPending).build();
    }
}
