package io.omskit.testkit.arbitraries;

import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain with the default {@link OmsArbitraries} of the main domain types, so that a property annotated
 * {@code @Domain(OmsDomain.class)} can take {@code @ForAll Order order} or {@code @ForAll Network network}.
 */
public class OmsDomain extends DomainContextBase {

    @Provide
    Arbitrary<Sku> skus() {
        return OmsArbitraries.skus();
    }

    @Provide
    Arbitrary<OrderId> orderIds() {
        return OmsArbitraries.orderIds();
    }

    @Provide
    Arbitrary<LocationId> locationIds() {
        return OmsArbitraries.locationIds();
    }

    @Provide
    Arbitrary<Address> addresses() {
        return OmsArbitraries.addresses();
    }

    @Provide
    Arbitrary<DeliveryChoice> deliveryChoices() {
        return OmsArbitraries.deliveryChoices();
    }

    @Provide
    Arbitrary<PlaceOrderRequest> placeOrderRequests() {
        return OmsArbitraries.placeOrderRequests();
    }

    @Provide
    Arbitrary<Order> orders() {
        return OmsArbitraries.orders();
    }

    @Provide
    Arbitrary<Location> locations() {
        return OmsArbitraries.locations();
    }

    @Provide
    Arbitrary<Network> networks() {
        return OmsArbitraries.networks();
    }

    @Provide
    Arbitrary<SkuAttributes> skuAttributes() {
        return OmsArbitraries.skuAttributes();
    }

    @Provide
    Arbitrary<StockPosition> stockPositions() {
        return OmsArbitraries.stockPositions();
    }

    @Provide
    Arbitrary<StockMovement> stockMovements() {
        return OmsArbitraries.stockMovements();
    }

    @Provide
    Arbitrary<OrderEvent> orderEvents() {
        return OmsArbitraries.orderEvents();
    }

    @Provide
    Arbitrary<InventoryEvent> inventoryEvents() {
        return OmsArbitraries.inventoryEvents();
    }

    @Provide
    Arbitrary<DomainEvent> domainEvents() {
        return OmsArbitraries.domainEvents();
    }
}
