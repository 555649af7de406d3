package io.omskit.testkit.arbitraries;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;

/** The arbitraries generate what their Javadoc promises: valid, consistent, and varied enough to find bugs. */
class ArbitrariesProperties {

    private static final List<Sku> SKUS = IntStream.rangeClosed(1, 20).mapToObj(i -> Sku.of("SKU-" + i)).toList();
    private static final Network NETWORK = Network.of(List.of(
            Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(50, 8)).build(),
            Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(48.85, 2.35)).build(),
            Location.builder(LocationId.of("ST-2"), LocationType.STORE, GeoPoint.of(52.52, 13.4)).build()));
    private static final OrderValidator VALIDATOR = new OrderValidator(InMemoryCatalog.of(SKUS.stream()
            .map(s -> SkuAttributes.of(s, "item " + s, "misc", 100, Dimensions.ofMillimetres(10, 10, 10), true))
            .toList())::find, NETWORK, OrderValidator.DEFAULT_MAX_LINE_QUANTITY);

    @Property(tries = 200)
    void generated_requests_pass_the_order_validator(@ForAll("validatableRequests") PlaceOrderRequest request) {
        assertThat(VALIDATOR.problems(request)).isEmpty();
        Statistics.label("delivery").collect(request.delivery().method());
        Statistics.label("delivery").coverage(c -> c.check(io.omskit.core.order.DeliveryMethod.SHIP_TO_STORE).count(n -> n > 0));
    }

    @Provide
    Arbitrary<PlaceOrderRequest> validatableRequests() {
        return OmsArbitraries.currencies().flatMap(c -> OmsArbitraries.placeOrderRequests(c, SKUS,
                List.of(LocationId.of("ST-1"), LocationId.of("ST-2"))));
    }

    @Property(tries = 150)
    void order_histories_pass_through_every_status_with_consistent_versions(
            @ForAll("histories") Change<Order, OrderEvent> history) {
        Order order = history.state();
        assertThat(history.events().get(0)).isInstanceOf(OrderEvent.OrderPlaced.class);
        long version = 0;
        Set<OrderStatus> visited = EnumSet.of(OrderStatus.AWAITING_CONFIRMATION, order.status());
        for (OrderEvent e : history.events()) {
            assertThat(e.version()).isIn(version, version + 1);
            assertThat(e.orderId()).isEqualTo(order.id());
            version = e.version();
            if (e instanceof OrderEvent.OrderStatusChanged changed) {
                visited.add(changed.to());
            }
        }
        assertThat(version).isEqualTo(order.version());
        for (OrderLine line : order.lines()) {
            assertThat(line.units().total()).isEqualTo(line.quantity());
        }
        for (OrderStatus s : visited) {
            Statistics.label("visited").collect(s);
        }
        Statistics.label("visited").coverage(c -> {
            for (OrderStatus s : OrderStatus.values()) {
                c.check(s).count(n -> n > 0);
            }
        });
    }

    @Provide
    Arbitrary<Change<Order, OrderEvent>> histories() {
        return OmsArbitraries.orderHistories();
    }

    @Property(tries = 100)
    void networks_mix_location_types_within_the_size_bounds(@ForAll("networks") Network network) {
        assertThat(network.size()).isBetween(2, 10);
        List<LocationId> ids = new ArrayList<>();
        for (Location l : network.locations()) {
            ids.add(l.id());
            Statistics.label("type").collect(l.type());
        }
        assertThat(ids).doesNotHaveDuplicates();
        Statistics.label("type").coverage(c -> {
            for (LocationType t : LocationType.values()) {
                c.check(t).count(n -> n > 0);
            }
        });
    }

    @Provide
    Arbitrary<Network> networks() {
        return OmsArbitraries.networks(2, 10);
    }

    @Property(tries = 200)
    void stock_positions_are_consistent_and_pinned(@ForAll("positions") StockPosition position) {
        assertThat(position.sku()).isEqualTo(Sku.of("SKU-1"));
        assertThat(position.location()).isEqualTo(LocationId.of("WH-1"));
        assertThat(position.onHand()).isGreaterThanOrEqualTo(position.reserved() + position.allocated());
    }

    @Provide
    Arbitrary<StockPosition> positions() {
        return OmsArbitraries.stockPositions(Sku.of("SKU-1"), LocationId.of("WH-1"));
    }

    @Property(tries = 200)
    void money_is_at_the_currency_scale(@ForAll("money") Money money) {
        assertThat(money.getAmount().scale()).isEqualTo(money.getCurrencyUnit().getDecimalPlaces());
        assertThat(money.isNegative()).isFalse();
    }

    @Provide
    Arbitrary<Money> money() {
        return OmsArbitraries.money();
    }

    @Property(tries = 20)
    @Domain(OmsDomain.class)
    void the_oms_domain_provides_the_main_types(@ForAll Order order, @ForAll Network network,
                                                 @ForAll StockPosition position, @ForAll DomainEvent event) {
        assertThat(order.lines()).isNotEmpty();
        assertThat(network.size()).isPositive();
        assertThat(position.onHand()).isGreaterThanOrEqualTo(position.reserved() + position.allocated());
        assertThat(event.eventId()).isNotNull();
    }
}
