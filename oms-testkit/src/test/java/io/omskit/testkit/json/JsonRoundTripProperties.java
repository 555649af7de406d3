package io.omskit.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.network.Location;
import io.omskit.core.network.Network;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.testkit.arbitraries.OmsArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every aggregate, value, event and result reads back equal to what was written: {@code read(write(x)).equals(x)}. */
class JsonRoundTripProperties {

    private static final ObjectMapper MAPPER = OmsJson.newMapper();
    private static final ObjectMapper STRICT = OmsJson.newStrictMapper();

    /** Writes {@code value}, reads it back as {@code type} with both mappers, and checks both copies equal it. */
    static <T> void assertRoundTrip(Object value, Class<T> type) throws JsonProcessingException {
        String json = MAPPER.writeValueAsString(value);
        assertThat(MAPPER.readValue(json, type)).as(json).isEqualTo(value);
        assertThat(STRICT.readValue(json, type)).as("strict: %s", json).isEqualTo(value);
    }

    @Property(tries = 60)
    void orders_and_their_whole_history_round_trip(@ForAll("histories") Change<Order, OrderEvent> history) throws Exception {
        assertRoundTrip(history.state(), Order.class);
        for (OrderEvent e : history.events()) {
            assertRoundTrip(e, OrderEvent.class);
        }
        String json = MAPPER.writeValueAsString(history.events());
        assertThat(MAPPER.readValue(json, new TypeReference<List<DomainEvent>>() { })).isEqualTo(history.events());
    }

    @Provide
    Arbitrary<Change<Order, OrderEvent>> histories() {
        return OmsArbitraries.orderHistories();
    }

    @Property(tries = 100)
    void order_events_of_every_type_round_trip(@ForAll("orderEvents") OrderEvent event) throws Exception {
        assertRoundTrip(event, OrderEvent.class);
        assertRoundTrip(event, DomainEvent.class);
        assertRoundTrip(event, event.getClass());
    }

    @Provide
    Arbitrary<OrderEvent> orderEvents() {
        return OmsArbitraries.orderEvents();
    }

    @Property(tries = 200)
    void inventory_events_of_every_type_round_trip(@ForAll("inventoryEvents") InventoryEvent event) throws Exception {
        assertRoundTrip(event, InventoryEvent.class);
        assertRoundTrip(event, DomainEvent.class);
        assertRoundTrip(event, event.getClass());
    }

    @Provide
    Arbitrary<InventoryEvent> inventoryEvents() {
        return OmsArbitraries.inventoryEvents();
    }

    @Property(tries = 200)
    void placement_requests_round_trip(@ForAll("requests") PlaceOrderRequest request) throws Exception {
        assertRoundTrip(request, PlaceOrderRequest.class);
    }

    @Provide
    Arbitrary<PlaceOrderRequest> requests() {
        return OmsArbitraries.placeOrderRequests();
    }

    @Property(tries = 100)
    void networks_round_trip_keeping_location_order(@ForAll("networks") Network network) throws Exception {
        String json = MAPPER.writeValueAsString(network);
        Network back = MAPPER.readValue(json, Network.class);
        assertThat(back.locations()).as(json).isEqualTo(network.locations());
        for (Location l : network.locations()) {
            assertThat(back.indexOf(l.id())).isEqualTo(network.indexOf(l.id()));
        }
    }

    @Provide
    Arbitrary<Network> networks() {
        return OmsArbitraries.networks(0, 8);
    }

    @Property(tries = 200)
    void stock_positions_movements_and_adjustments_round_trip(@ForAll("positions") StockPosition position,
                                                             @ForAll("movements") StockMovement movement,
                                                             @ForAll("adjustments") StockAdjustment adjustment,
                                                             @ForAll("thresholds") StockThresholds thresholds,
                                                             @ForAll("inbound") InboundSupply inbound) throws Exception {
        assertRoundTrip(position, StockPosition.class);
        assertRoundTrip(movement, StockMovement.class);
        assertRoundTrip(adjustment, StockAdjustment.class);
        assertRoundTrip(thresholds, StockThresholds.class);
        assertRoundTrip(inbound, InboundSupply.class);
    }

    @Provide
    Arbitrary<StockPosition> positions() {
        return OmsArbitraries.stockPositions();
    }

    @Provide
    Arbitrary<StockMovement> movements() {
        return OmsArbitraries.stockMovements();
    }

    @Provide
    Arbitrary<StockAdjustment> adjustments() {
        return OmsArbitraries.stockAdjustments();
    }

    @Provide
    Arbitrary<StockThresholds> thresholds() {
        return OmsArbitraries.stockThresholds();
    }

    @Provide
    Arbitrary<InboundSupply> inbound() {
        return OmsArbitraries.inboundSupplies();
    }

    @Property(tries = 200)
    void reservations_allocations_and_their_requests_round_trip(@ForAll("reservations") Reservation reservation,
                                                                @ForAll("allocations") Allocation allocation,
                                                                @ForAll("reservationRequests") ReservationRequest rr,
                                                                @ForAll("allocationRequests") AllocationRequest ar)
            throws Exception {
        assertRoundTrip(reservation, Reservation.class);
        assertRoundTrip(allocation, Allocation.class);
        assertRoundTrip(rr, ReservationRequest.class);
        assertRoundTrip(ar, AllocationRequest.class);
    }

    @Provide
    Arbitrary<Reservation> reservations() {
        return OmsArbitraries.reservations();
    }

    @Provide
    Arbitrary<Allocation> allocations() {
        return OmsArbitraries.allocations();
    }

    @Provide
    Arbitrary<ReservationRequest> reservationRequests() {
        return OmsArbitraries.reservationRequests();
    }

    @Provide
    Arbitrary<AllocationRequest> allocationRequests() {
        return OmsArbitraries.allocationRequests();
    }

    @Property(tries = 200)
    void inventory_results_round_trip_through_their_families(@ForAll("reservationResults") ReservationResult r,
                                                            @ForAll("allocationResults") AllocationResult a,
                                                            @ForAll("adjustmentResults") AdjustmentResult j) throws Exception {
        assertRoundTrip(r, ReservationResult.class);
        assertRoundTrip(a, AllocationResult.class);
        assertRoundTrip(j, AdjustmentResult.class);
    }

    @Provide
    Arbitrary<ReservationResult> reservationResults() {
        return OmsArbitraries.reservationResults();
    }

    @Provide
    Arbitrary<AllocationResult> allocationResults() {
        return OmsArbitraries.allocationResults();
    }

    @Provide
    Arbitrary<AdjustmentResult> adjustmentResults() {
        return OmsArbitraries.adjustmentResults();
    }

    @Property(tries = 200)
    void catalog_and_payment_values_round_trip(@ForAll("attributes") SkuAttributes attributes,
                                               @ForAll("paymentRequests") PaymentRequest request,
                                               @ForAll("paymentResults") PaymentResult result,
                                               @ForAll("summaries") PaymentSummary summary) throws Exception {
        assertRoundTrip(attributes, SkuAttributes.class);
        assertRoundTrip(request, PaymentRequest.class);
        assertRoundTrip(result, PaymentResult.class);
        assertRoundTrip(summary, PaymentSummary.class);
    }

    @Provide
    Arbitrary<SkuAttributes> attributes() {
        return OmsArbitraries.skuAttributes();
    }

    @Provide
    Arbitrary<PaymentRequest> paymentRequests() {
        return OmsArbitraries.paymentRequests();
    }

    @Provide
    Arbitrary<PaymentResult> paymentResults() {
        return OmsArbitraries.paymentResults();
    }

    @Provide
    Arbitrary<PaymentSummary> summaries() {
        return OmsArbitraries.currencies().flatMap(OmsArbitraries::paymentSummaries);
    }

    @Property(tries = 200)
    void channel_exposures_round_trip(@ForAll("exposures") ChannelExposure exposure) throws Exception {
        assertRoundTrip(exposure, ChannelExposure.class);
        for (ExposurePolicy policy : exposure.policies().values()) {
            assertRoundTrip(policy, ExposurePolicy.class);
        }
    }

    @Provide
    Arbitrary<ChannelExposure> exposures() {
        return OmsArbitraries.channelExposures();
    }

    @Property(tries = 20)
    void placement_results_round_trip(@ForAll("placementResults") PlacementResult result) throws Exception {
        assertRoundTrip(result, PlacementResult.class);
    }

    @Provide
    Arbitrary<PlacementResult> placementResults() {
        return OmsArbitraries.placementResults();
    }
}
