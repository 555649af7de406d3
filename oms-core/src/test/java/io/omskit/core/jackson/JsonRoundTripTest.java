package io.omskit.core.jackson;

import static io.omskit.core.jackson.JsonFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.PaymentRequest;
import io.omskit.core.payment.PaymentResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    private final ObjectMapper mapper = OmsJson.newMapper();

    private <T> T roundTrip(T value, Class<? super T> as) throws Exception {
        String json = mapper.writeValueAsString(value);
        @SuppressWarnings("unchecked")
        T back = (T) mapper.readValue(json, as);
        assertThat(back).as(json).isEqualTo(value);
        return back;
    }

    @Test
    void an_order_with_its_whole_history_round_trips() throws Exception {
        Change<Order, OrderEvent> history = JsonFixtures.history();
        roundTrip(history.state(), Order.class);
        for (OrderEvent e : history.events()) {
            roundTrip(e, OrderEvent.class);
            roundTrip(e, DomainEvent.class);
        }
        String json = mapper.writeValueAsString(history.events());
        List<DomainEvent> back = mapper.readValue(json, new TypeReference<List<DomainEvent>>() { });
        assertThat(back).isEqualTo(history.events());
    }

    @Test
    void a_placement_request_round_trips() throws Exception {
        roundTrip(JsonFixtures.request(), PlaceOrderRequest.class);
    }

    @Test
    void a_network_is_written_as_its_locations_and_keeps_their_order() throws Exception {
        Network network = JsonFixtures.network();
        JsonNode tree = mapper.valueToTree(network);
        assertThat(tree.fieldNames()).toIterable().containsExactly("locations");
        Network back = mapper.readValue(mapper.writeValueAsString(network), Network.class);
        assertThat(back.locations()).isEqualTo(network.locations());
        assertThat(back.indexOf(LocationId.of("ST-7"))).isEqualTo(1);
        roundTrip(JsonFixtures.warehouse(), Location.class);
    }

    @Test
    void catalog_and_ledger_values_round_trip() throws Exception {
        roundTrip(JsonFixtures.bundle(), SkuAttributes.class);
        roundTrip(JsonFixtures.movement(), io.omskit.core.inventory.StockMovement.class);
        roundTrip(new StockPosition(Sku.of("SKU-1"), LocationId.of("WH-1"), 10, 2, 3, 1, 5, 1, 4), StockPosition.class);
        roundTrip(new StockAdjustment(io.omskit.core.inventory.MovementKey.of("ADJ-1"), Sku.of("SKU-1"), LocationId.of("WH-1"),
                io.omskit.core.inventory.MovementReason.INBOUND_EXPECTED, 12, T0, "PO-9"), StockAdjustment.class);
    }

    @Test
    void inventory_events_and_results_round_trip_through_their_families() throws Exception {
        Sku sku = Sku.of("SKU-1");
        LocationId wh = LocationId.of("WH-1");
        ReservationLine anywhere = ReservationLine.anywhere(sku, 2);
        ReservationLine atWh = ReservationLine.at(sku, wh, 1);
        Reservation reservation = new Reservation(ReservationKey.of("R-1"), "order O-1", List.of(anywhere, atWh),
                List.of(anywhere, atWh), ReservationStatus.ACTIVE, T0, T0.plusSeconds(900));
        Allocation allocation = new Allocation(AllocationKey.of("A-1"), "O-1", List.of(AllocationLine.of(sku, wh, 3)),
                List.of(AllocationLine.of(sku, wh, 2)), ReservationKey.of("R-1"), T0);
        List<InventoryEvent> events = List.of(
                new InventoryEvent.StockMoved(UUID.randomUUID(), T0, sku, JsonFixtures.movement()),
                new InventoryEvent.StockLevelChanged(UUID.randomUUID(), T0, sku, null, StockLevel.OUT_OF_STOCK, StockLevel.LOW, 3),
                new InventoryEvent.StockReserved(UUID.randomUUID(), T0, sku, reservation.key(), reservation.held()),
                new InventoryEvent.ReservationReleased(UUID.randomUUID(), T0, sku, reservation.key(), List.of(anywhere),
                        ReservationStatus.EXPIRED),
                new InventoryEvent.StockAllocated(UUID.randomUUID(), T0, sku, allocation.key(), allocation.open()),
                new InventoryEvent.StockDeallocated(UUID.randomUUID(), T0, sku, allocation.key(), AllocationLine.of(sku, wh, 1)));
        for (InventoryEvent e : events) {
            roundTrip(e, InventoryEvent.class);
            roundTrip(e, DomainEvent.class);
        }
        List<Shortage> shortages = List.of(new Shortage(sku, null, 5, 2), new Shortage(sku, wh, 1, 0));
        roundTrip(new ReservationResult.Reserved(reservation, true), ReservationResult.class);
        roundTrip(new ReservationResult.Insufficient(shortages), ReservationResult.class);
        roundTrip(new AllocationResult.Allocated(allocation, false), AllocationResult.class);
        roundTrip(new AllocationResult.Insufficient(shortages), AllocationResult.class);
        roundTrip(new AdjustmentResult.Applied(JsonFixtures.movement(),
                new StockPosition(sku, wh, 6, 0, 0, 0, 0, 0, 4), false), AdjustmentResult.class);
        roundTrip(new AdjustmentResult.Refused(StockAdjustment.of("ADJ-2", sku, wh,
                io.omskit.core.inventory.MovementReason.DAMAGE, 99, "broken pallet"), "on hand would fall below zero"),
                AdjustmentResult.class);
    }

    @Test
    void payment_values_round_trip() throws Exception {
        roundTrip(new PaymentRequest(PaymentRequest.Kind.CAPTURE, "cap-O-1-1", OrderId.of("O-1"), Money.parse("EUR 10.00"),
                "AUTH-1"), PaymentRequest.class);
        roundTrip(PaymentResult.declined("insufficient funds"), PaymentResult.class);
        roundTrip(JsonFixtures.history().state().payment(), io.omskit.core.payment.PaymentSummary.class);
    }

    @Test
    void a_channel_exposure_lists_the_channels_with_a_policy_of_their_own() throws Exception {
        ChannelExposure exposure = ChannelExposure.everything()
                .with(Channel.MARKETPLACE, ExposurePolicy.of(Set.of(LocationType.WAREHOUSE), 2).excluding(LocationId.of("WH-9")))
                .with(Channel.WEB, ExposurePolicy.everything());
        String json = mapper.writeValueAsString(exposure);
        assertThat(json).isEqualTo("{\"policies\":{\"WEB\":{\"locationTypes\":[\"WAREHOUSE\",\"STORE\",\"DROP_SHIPPER\"],"
                + "\"bufferPerLocation\":0,\"excludedLocations\":[]},\"MARKETPLACE\":{\"locationTypes\":[\"WAREHOUSE\"],"
                + "\"bufferPerLocation\":2,\"excludedLocations\":[\"WH-9\"]}}}");
        roundTrip(exposure, ChannelExposure.class);
        roundTrip(ChannelExposure.everything(), ChannelExposure.class);
    }

    @Test
    void maps_keyed_by_identifiers_and_currencies_round_trip() throws Exception {
        Map<Sku, Integer> bySku = Map.of(Sku.of("SKU-1"), 3, Sku.of("SKU 2 \"quoted\""), 0);
        String json = mapper.writeValueAsString(bySku);
        assertThat(mapper.readValue(json, new TypeReference<Map<Sku, Integer>>() { })).isEqualTo(bySku);
        Map<CurrencyUnit, Money> byCurrency = Map.of(CurrencyUnit.EUR, Money.parse("EUR 1.00"), CurrencyUnit.JPY,
                Money.parse("JPY 100"));
        json = mapper.writeValueAsString(byCurrency);
        assertThat(mapper.readValue(json, new TypeReference<Map<CurrencyUnit, Money>>() { })).isEqualTo(byCurrency);
    }
}
