package io.omskit.testkit.contract;

import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ThresholdPolicy;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;

/** The in-memory inventory store passes the inventory TCK. */
class InMemoryInventoryStoreContractTest extends InventoryStoreContract {

    @Override
    protected InventoryStore newStore(Clock clock, EventPublisher publisher) {
        return InMemoryInventoryStore.builder().clock(clock).publisher(publisher).build();
    }

    @Override
    protected InventoryStore newStore(Clock clock, EventPublisher publisher, ThresholdPolicy thresholds) {
        return InMemoryInventoryStore.builder().clock(clock).publisher(publisher).thresholds(thresholds).build();
    }
}
