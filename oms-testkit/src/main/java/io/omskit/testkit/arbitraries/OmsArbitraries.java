package io.omskit.testkit.arbitraries;

import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.network.OpeningHours;
import io.omskit.core.order.Address;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.Hold;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.SellerRef;
import io.omskit.core.order.UnitMove;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * jqwik arbitraries for every OMS Kit domain type, for property tests of the library and of the host's adapters.
 *
 * <p>Every arbitrary generates valid values only (each passes its constructor's checks, and the aggregates are in
 * states their commands can reach), shrinks towards small and simple values, and composes: the parameterised
 * variants take the pieces a test wants to pin, such as {@link #stockPositions(Sku, LocationId)} or
 * {@link #placeOrderRequests(CurrencyUnit, List, List)}. Identifiers are mostly readable ({@code SKU-7QX}) and
 * sometimes any printable text (quotes, accents, CJK) so that escaping bugs surface. Instants lie between 2020 and
 * 2035, with nanoseconds. No method returns null; none of the arbitraries generates null unless its Javadoc says so.
 *
 * <p>Use them from {@code @Provide} methods, or put {@code @Domain(OmsDomain.class)} on a property to get
 * {@code @ForAll Order}, {@code @ForAll Network} and the like.
 */
public final class OmsArbitraries {

    private OmsArbitraries() {
    }

    // ---- identifiers and small values ----

    /** SKUs. */
    public static Arbitrary<Sku> skus() {
        return StockGen.skus();
    }

    /** Order ids. */
    public static Arbitrary<OrderId> orderIds() {
        return EventGen.orderIds();
    }

    /** Line ids. */
    public static Arbitrary<LineId> lineIds() {
        return ValueGen.identifiers("L").map(LineId::of);
    }

    /** Location ids, prefixed {@code WH}, {@code ST} or {@code DS}. */
    public static Arbitrary<LocationId> locationIds() {
        return StockGen.locationIds();
    }

    /** Customer references. */
    public static Arbitrary<CustomerRef> customerRefs() {
        return ValueGen.identifiers("CUST").map(CustomerRef::of);
    }

    /** Channel order numbers. */
    public static Arbitrary<ExternalOrderRef> externalOrderRefs() {
        return ValueGen.identifiers("EXT").map(ExternalOrderRef::of);
    }

    /** Marketplace seller references. */
    public static Arbitrary<SellerRef> sellerRefs() {
        return ValueGen.identifiers("SELLER").map(SellerRef::of);
    }

    /** Reservation keys. */
    public static Arbitrary<ReservationKey> reservationKeys() {
        return ValueGen.identifiers("RES").map(ReservationKey::of);
    }

    /** Allocation keys. */
    public static Arbitrary<AllocationKey> allocationKeys() {
        return ValueGen.identifiers("ALLOC").map(AllocationKey::of);
    }

    /** Movement keys. */
    public static Arbitrary<MovementKey> movementKeys() {
        return ValueGen.identifiers("MV").map(MovementKey::of);
    }

    /** Event ids. */
    public static Arbitrary<UUID> uuids() {
        return ValueGen.uuids();
    }

    /** Instants from 2020 to 2035, a quarter of them with a non-zero nanosecond part. */
    public static Arbitrary<Instant> instants() {
        return ValueGen.instants();
    }

    /** Currencies of different scales: EUR, USD, GBP, CHF, SEK (2 decimals), JPY (0) and BHD (3). */
    public static Arbitrary<CurrencyUnit> currencies() {
        return ValueGen.currencies();
    }

    /** Non-negative amounts in {@code currency}, up to 10,000 major units, at the currency's scale. */
    public static Arbitrary<Money> money(CurrencyUnit currency) {
        return ValueGen.money(Checks.notNull(currency, "currency"), 0, 10_000);
    }

    /** Non-negative amounts in any of {@link #currencies()}. */
    public static Arbitrary<Money> money() {
        return currencies().flatMap(OmsArbitraries::money);
    }

    // ---- orders ----

    /** Valid delivery addresses: a known country, a postal code in its format, non-blank lines; sometimes geocoded. */
    public static Arbitrary<Address> addresses() {
        return OrderGen.addresses();
    }

    /** Promised windows of up to three days. */
    public static Arbitrary<DeliveryWindow> deliveryWindows() {
        return OrderGen.deliveryWindows();
    }

    /** Home deliveries (with an address) and pickups (at a store id), with or without a promised window. */
    public static Arbitrary<DeliveryChoice> deliveryChoices() {
        return OrderGen.deliveryChoices(null);
    }

    /** Like {@link #deliveryChoices()}, collecting only at {@code pickupStores}; home delivery only when it is empty. */
    public static Arbitrary<DeliveryChoice> deliveryChoices(List<LocationId> pickupStores) {
        return OrderGen.deliveryChoices(List.copyOf(Checks.notNull(pickupStores, "pickupStores")));
    }

    /** Lines priced in {@code currency}, quantity 1 to 20, discounts within the line's subtotal, no seller. */
    public static Arbitrary<LineRequest> lineRequests(CurrencyUnit currency) {
        return OrderGen.lineRequests(Checks.notNull(currency, "currency"), skus(), false);
    }

    /** Valid placement requests in any currency: see {@link #placeOrderRequests(CurrencyUnit, List, List)}. */
    public static Arbitrary<PlaceOrderRequest> placeOrderRequests() {
        return currencies().flatMap(OmsArbitraries::placeOrderRequests);
    }

    /** Valid placement requests in {@code currency}, for any SKU and pickup store id. */
    public static Arbitrary<PlaceOrderRequest> placeOrderRequests(CurrencyUnit currency) {
        return OrderGen.placeOrderRequests(Checks.notNull(currency, "currency"), skus(), null);
    }

    /**
     * Valid placement requests: every channel; 1 to 5 lines with unique ids, all in {@code currency}, discounts
     * never above what they discount; a seller on every line of marketplace orders and on none otherwise;
     * home delivery or pickup at one of {@code pickupStores}.
     *
     * @param skus         the SKUs lines may order (for instance those a test catalog knows); not empty
     * @param pickupStores stores that offer pickup; empty for home delivery only
     */
    public static Arbitrary<PlaceOrderRequest> placeOrderRequests(CurrencyUnit currency, List<Sku> skus,
                                                                  List<LocationId> pickupStores) {
        Checks.notNull(currency, "currency");
        if (Checks.notNull(skus, "skus").isEmpty()) {
            throw new IllegalArgumentException("skus must not be empty");
        }
        return OrderGen.placeOrderRequests(currency, Arbitraries.of(List.copyOf(skus)),
                List.copyOf(Checks.notNull(pickupStores, "pickupStores")));
    }

    /** Orders as just placed (version 1, every unit open). */
    public static Arbitrary<Order> placedOrders() {
        return Combinators.combine(orderIds(), placeOrderRequests(), instants())
                .as((id, request, at) -> Order.place(id, request, at).state());
    }

    /** Orders in any reachable state: see {@link #orderHistories(Arbitrary, int)}; up to 30 commands. */
    public static Arbitrary<Order> orders() {
        return orderHistories().map(Change::state);
    }

    /** Orders placed from {@code requests}, then taken through up to {@code maxCommands} legal commands. */
    public static Arbitrary<Order> orders(Arbitrary<PlaceOrderRequest> requests, int maxCommands) {
        return orderHistories(requests, maxCommands).map(Change::state);
    }

    /** Order histories from any valid request, with up to 30 commands. */
    public static Arbitrary<Change<Order, OrderEvent>> orderHistories() {
        return orderHistories(placeOrderRequests(), 30);
    }

    /**
     * Orders with their whole history: placed from one of {@code requests}, then driven by up to
     * {@code maxCommands} commands the order accepts at that point (reserve, release, record payment
     * (authorise, decline, timeout, capture, void, refund), confirm, hold, release hold, allocate, deallocate,
     * mark ready, ship and deliver for home delivery, pick up for collection, return, cancel some or all).
     * The change holds the final order and every event from {@code OrderPlaced} on, in order.
     */
    public static Arbitrary<Change<Order, OrderEvent>> orderHistories(Arbitrary<PlaceOrderRequest> requests, int maxCommands) {
        Checks.notNull(requests, "requests");
        Checks.notNegative(maxCommands, "maxCommands");
        return Combinators.combine(orderIds(), requests, instants(),
                        Arbitraries.integers().list().ofMaxSize(maxCommands)
                                .withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases())
                .as(OrderScript::run);
    }

    /** Holds with any reason. */
    public static Arbitrary<Hold> holds() {
        return EventGen.holds();
    }

    /** Unit moves between two different states. */
    public static Arbitrary<UnitMove> unitMoves() {
        return EventGen.unitMoves();
    }

    /** Payment states in {@code currency}, any status, refunds within captures. */
    public static Arbitrary<PaymentSummary> paymentSummaries(CurrencyUnit currency) {
        return EventGen.paymentSummaries(Checks.notNull(currency, "currency"));
    }

    /** Payment requests of every kind. */
    public static Arbitrary<PaymentRequest> paymentRequests() {
        return EventGen.paymentRequests();
    }

    /** Payment results of every outcome; only successes carry a provider reference. */
    public static Arbitrary<PaymentResult> paymentResults() {
        return EventGen.paymentResults();
    }

    /** Placement results for any order and outcome; shortages only when out of stock. */
    public static Arbitrary<PlacementResult> placementResults() {
        return Arbitraries.of(PlacementResult.Outcome.class).flatMap(outcome -> Combinators.combine(orders(),
                        outcome == PlacementResult.Outcome.OUT_OF_STOCK
                                ? shortages().list().ofMinSize(1).ofMaxSize(3)
                                : Arbitraries.just(List.<Shortage>of()),
                        Arbitraries.of(true, false))
                .as((order, shortages, replayed) -> new PlacementResult(order, outcome, shortages, replayed)));
    }

    // ---- order events ----

    /** {@code OrderPlaced} events carrying a just-placed order. */
    public static Arbitrary<OrderEvent.OrderPlaced> orderPlacedEvents() {
        return EventGen.orderPlaced(placedOrders());
    }

    /** The named events of units moving ({@code OrderUnitsReserved}, {@code OrderUnitsShipped}, ...), of every kind. */
    public static Arbitrary<OrderEvent.UnitsMoved> orderUnitsMovedEvents() {
        return EventGen.unitsMoved();
    }

    /** {@code OrderConfirmed} events. */
    public static Arbitrary<OrderEvent.OrderConfirmed> orderConfirmedEvents() {
        return EventGen.confirmed();
    }

    /** {@code OrderPutOnHold} events. */
    public static Arbitrary<OrderEvent.OrderPutOnHold> orderPutOnHoldEvents() {
        return EventGen.putOnHold();
    }

    /** {@code OrderHoldReleased} events. */
    public static Arbitrary<OrderEvent.OrderHoldReleased> orderHoldReleasedEvents() {
        return EventGen.holdReleased();
    }

    /** {@code OrderPaymentUpdated} events of every operation and outcome. */
    public static Arbitrary<OrderEvent.OrderPaymentUpdated> orderPaymentUpdatedEvents() {
        return EventGen.paymentUpdated();
    }

    /** {@code OrderStatusChanged} events between two different statuses. */
    public static Arbitrary<OrderEvent.OrderStatusChanged> orderStatusChangedEvents() {
        return EventGen.statusChanged();
    }

    /** Any order event: each type above, and the events of {@link #orderHistories()}. */
    public static Arbitrary<OrderEvent> orderEvents() {
        return Arbitraries.oneOf(orderPlacedEvents(), orderUnitsMovedEvents(), orderConfirmedEvents(), orderPutOnHoldEvents(),
                orderHoldReleasedEvents(), orderPaymentUpdatedEvents(), orderStatusChangedEvents(),
                orderHistories(placeOrderRequests(), 10).flatMap(h -> Arbitraries.of(h.events())));
    }

    // ---- network ----

    /** Positions anywhere on earth. */
    public static Arbitrary<GeoPoint> geoPoints() {
        return OrderGen.geoPoints();
    }

    /** Weekly hours with zero to two ranges a day, sometimes always open. */
    public static Arbitrary<OpeningHours> openingHours() {
        return NetworkGen.openingHours();
    }

    /** Calendars with or without a country and region, and up to four closures. */
    public static Arbitrary<HolidayCalendar> holidayCalendars() {
        return NetworkGen.holidayCalendars();
    }

    /** Locations of any type. */
    public static Arbitrary<Location> locations() {
        return NetworkGen.locations();
    }

    /** Locations of {@code type}; mostly with the type's usual capabilities (a store offers pickup), sometimes any. */
    public static Arbitrary<Location> locations(LocationType type) {
        return NetworkGen.locations(Checks.notNull(type, "type"),
                ValueGen.identifiers(NetworkGen.prefix(type)).map(LocationId::of));
    }

    /** Networks of 1 to 12 locations. */
    public static Arbitrary<Network> networks() {
        return networks(1, 12);
    }

    /**
     * Networks of {@code minLocations} to {@code maxLocations} warehouses, stores and drop-shippers in random mix,
     * with unique ids numbered by position ({@code WH-1}, {@code ST-2}, {@code DS-3}, ...).
     */
    public static Arbitrary<Network> networks(int minLocations, int maxLocations) {
        Checks.notNegative(minLocations, "minLocations");
        if (maxLocations < minLocations) {
            throw new IllegalArgumentException("maxLocations must be >= minLocations " + minLocations + ", was " + maxLocations);
        }
        return NetworkGen.networks(minLocations, maxLocations);
    }

    // ---- catalog ----

    /** Shipping dimensions of 1 to 2000 mm a side. */
    public static Arbitrary<Dimensions> dimensions() {
        return StockGen.dimensions();
    }

    /** Attributes of plain SKUs and (a quarter of them) bundles. */
    public static Arbitrary<SkuAttributes> skuAttributes() {
        return StockGen.skuAttributes(skus());
    }

    /** Attributes of the SKUs {@code skus} generates. */
    public static Arbitrary<SkuAttributes> skuAttributes(Arbitrary<Sku> skus) {
        return StockGen.skuAttributes(Checks.notNull(skus, "skus"));
    }

    // ---- stock ----

    /** Consistent stock positions (on hand covers reserved plus allocated) of any SKU and location. */
    public static Arbitrary<StockPosition> stockPositions() {
        return StockGen.stockPositions(skus(), locationIds());
    }

    /** Consistent stock positions of {@code sku} at {@code location}. */
    public static Arbitrary<StockPosition> stockPositions(Sku sku, LocationId location) {
        return StockGen.stockPositions(Arbitraries.just(Checks.notNull(sku, "sku")),
                Arbitraries.just(Checks.notNull(location, "location")));
    }

    /** Alert thresholds. */
    public static Arbitrary<StockThresholds> stockThresholds() {
        return StockGen.stockThresholds();
    }

    /** Ledger entries of every reason, deltas derived from the reason. */
    public static Arbitrary<StockMovement> stockMovements() {
        return StockGen.stockMovements(skus(), locationIds());
    }

    /** Ledger entries of {@code sku} at {@code location}. */
    public static Arbitrary<StockMovement> stockMovements(Sku sku, LocationId location) {
        return StockGen.stockMovements(Arbitraries.just(Checks.notNull(sku, "sku")),
                Arbitraries.just(Checks.notNull(location, "location")));
    }

    /** Adjustment requests of every reason; inbound announcements carry an ETA. */
    public static Arbitrary<StockAdjustment> stockAdjustments() {
        return StockGen.stockAdjustments();
    }

    /** Inbound supply lines. */
    public static Arbitrary<InboundSupply> inboundSupplies() {
        return StockGen.inboundSupplies();
    }

    /** Reservation lines, network-wide (location null) or at a location. */
    public static Arbitrary<ReservationLine> reservationLines() {
        return StockGen.reservationLines(skus());
    }

    /** Reservation requests of 1 to 4 lines, with or without expiry. */
    public static Arbitrary<ReservationRequest> reservationRequests() {
        return StockGen.reservationRequests();
    }

    /** Reservations in every status; only active ones hold lines. */
    public static Arbitrary<Reservation> reservations() {
        return StockGen.reservations();
    }

    /** Allocation lines. */
    public static Arbitrary<AllocationLine> allocationLines() {
        return StockGen.allocationLines(skus());
    }

    /** Allocation requests of 1 to 4 lines, drawing on a reservation or not. */
    public static Arbitrary<AllocationRequest> allocationRequests() {
        return StockGen.allocationRequests();
    }

    /** Allocations, some partly or wholly shipped. */
    public static Arbitrary<Allocation> allocations() {
        return StockGen.allocations();
    }

    /** Shortages: fewer units available than requested. */
    public static Arbitrary<Shortage> shortages() {
        return StockGen.shortages();
    }

    /** Both reservation outcomes. */
    public static Arbitrary<ReservationResult> reservationResults() {
        return StockGen.reservationResults();
    }

    /** Both allocation outcomes. */
    public static Arbitrary<AllocationResult> allocationResults() {
        return StockGen.allocationResults();
    }

    /** Both adjustment outcomes. */
    public static Arbitrary<AdjustmentResult> adjustmentResults() {
        return StockGen.adjustmentResults();
    }

    /** Channel exposure policies: a subset of location types, a buffer of 0 to 20, up to three excluded locations. */
    public static Arbitrary<ExposurePolicy> exposurePolicies() {
        return StockGen.exposurePolicies();
    }

    /** Channel exposures in which any subset of the channels has a policy of its own. */
    public static Arbitrary<ChannelExposure> channelExposures() {
        return StockGen.channelExposures();
    }

    // ---- inventory events ----

    /** {@code StockMoved} events; the event's SKU and time are the movement's. */
    public static Arbitrary<InventoryEvent.StockMoved> stockMovedEvents() {
        return EventGen.stockMoved();
    }

    /** {@code StockLevelChanged} events between two different levels, per location or network-wide. */
    public static Arbitrary<InventoryEvent.StockLevelChanged> stockLevelChangedEvents() {
        return EventGen.stockLevelChanged();
    }

    /** {@code StockReserved} events whose lines are of the event's SKU. */
    public static Arbitrary<InventoryEvent.StockReserved> stockReservedEvents() {
        return EventGen.stockReserved();
    }

    /** {@code ReservationReleased} events for every cause. */
    public static Arbitrary<InventoryEvent.ReservationReleased> reservationReleasedEvents() {
        return EventGen.reservationReleased();
    }

    /** {@code StockAllocated} events. */
    public static Arbitrary<InventoryEvent.StockAllocated> stockAllocatedEvents() {
        return EventGen.stockAllocated();
    }

    /** {@code StockDeallocated} events. */
    public static Arbitrary<InventoryEvent.StockDeallocated> stockDeallocatedEvents() {
        return EventGen.stockDeallocated();
    }

    /** Any inventory event. */
    public static Arbitrary<InventoryEvent> inventoryEvents() {
        return Arbitraries.oneOf(stockMovedEvents(), stockLevelChangedEvents(), stockReservedEvents(),
                reservationReleasedEvents(), stockAllocatedEvents(), stockDeallocatedEvents());
    }

    /** Any domain event of the core families. */
    public static Arbitrary<DomainEvent> domainEvents() {
        return Arbitraries.oneOf(orderEvents(), inventoryEvents());
    }
}
