package io.omskit.testkit.contract;

import io.omskit.core.network.Network;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.DeliveryResourcing;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.DeliveryReplanner;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.RateTable;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.spi.ShippingRate;
import java.time.Clock;

/** The sourcing engine's replanner, on the cheapest shipping, passes the delivery resourcing TCK. */
class DeliveryReplannerContractTest extends DeliveryResourcingContract {

    @Override
    protected DeliveryResourcing newResourcing(Network network, InventoryStore inventory, Catalog catalog, Clock clock) {
        RuleSet cheapestShipping = RuleSet.builder("home")
                .cost(new ShippingCost(RateTable.flat(ShippingRate.of(5, 0.10, 0.01)))).build();
        SourcingEngine engine = SourcingEngine.builder().network(network).clock(clock).inventory(inventory)
                .catalog(catalog).rules(RuleBook.of(cheapestShipping)).build();
        return DeliveryReplanner.of(engine).withCatalog(catalog);
    }
}
