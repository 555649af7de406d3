package io.omskit.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.StockLevel;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of two events. If one of these fails, a change broke every consumer that stored or
 * parses events: keep the old format readable (or version the type name) instead of editing the expected JSON.
 */
class JsonGoldenTest {

    private static final ObjectMapper MAPPER = OmsJson.newMapper();

    private static final String ORDER_PLACED = """
            {
              "type": "order.placed",
              "eventId": "2f1e4a0c-8b7d-4e21-9c3a-5d6f7e8a9b01",
              "orderId": "O-1001",
              "version": 1,
              "occurredAt": "2024-05-01T09:30:00.250Z",
              "order": {
                "id": "O-1001",
                "version": 1,
                "channel": "WEB",
                "externalRef": "W-1001",
                "customer": "C-42",
                "currency": "EUR",
                "delivery": {
                  "method": "EXPRESS_DELIVERY",
                  "address": {
                    "recipient": "Ada Lovelace",
                    "line1": "1 Main Street",
                    "line2": null,
                    "city": "Berlin",
                    "postalCode": "10115",
                    "countryCode": "DE",
                    "position": { "latitude": 52.532, "longitude": 13.384 }
                  },
                  "pickupStore": null,
                  "promised": { "earliest": "2024-05-02T08:00:00Z", "latest": "2024-05-02T12:00:00Z" }
                },
                "lines": [
                  {
                    "id": "L1",
                    "sku": "SKU-1",
                    "quantity": 2,
                    "unitPrice": { "currency": "EUR", "amount": "19.90" },
                    "discounts": [ { "code": "SPRING", "amount": { "currency": "EUR", "amount": "5.00" } } ],
                    "seller": null,
                    "units": { "open": 2, "reserved": 0, "allocated": 0, "ready": 0, "shipped": 0, "pickedUp": 0,
                               "delivered": 0, "cancelled": 0, "returned": 0 }
                  }
                ],
                "discounts": [],
                "charges": [ { "code": "shipping", "amount": { "currency": "EUR", "amount": "4.90" } } ],
                "paymentRef": "tok_visa",
                "payment": {
                  "status": "NOT_REQUESTED",
                  "attempt": 1,
                  "authorisationRef": null,
                  "authorised": { "currency": "EUR", "amount": "0.00" },
                  "captured": { "currency": "EUR", "amount": "0.00" },
                  "refunded": { "currency": "EUR", "amount": "0.00" },
                  "message": "",
                  "intents": []
                },
                "hold": null,
                "placedAt": "2024-05-01T09:30:00.250Z",
                "confirmedAt": null,
                "allocations": [],
                "commandKeys": [],
                "pendingEvents": [],
                "shipping": []
              }
            }
            """;

    /** The same event as written before payment intents, command keys and pending events existed. */
    private static final String ORDER_PLACED_BEFORE_INTENTS = ORDER_PLACED
            .replace(",\n      \"intents\": []", "")
            .replace(",\n    \"commandKeys\": [],\n    \"pendingEvents\": [],\n    \"shipping\": []", "");

    private static final String STOCK_LEVEL_CHANGED = """
            {
              "type": "inventory.level-changed",
              "eventId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "occurredAt": "2024-05-01T10:00:00Z",
              "sku": "SKU-1",
              "location": "ST-7",
              "from": "LOW",
              "to": "OUT_OF_STOCK",
              "availableToSell": 0
            }
            """;

    private static OrderEvent.OrderPlaced orderPlaced() {
        Instant at = Instant.parse("2024-05-01T09:30:00.250Z");
        PlaceOrderRequest request = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("C-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.EXPRESS_DELIVERY,
                        new Address("Ada Lovelace", "1 Main Street", null, "Berlin", "10115", "DE", GeoPoint.of(52.532, 13.384)),
                        new DeliveryWindow(Instant.parse("2024-05-02T08:00:00Z"), Instant.parse("2024-05-02T12:00:00Z"))))
                .line(LineRequest.of("L1", "SKU-1", 2, Money.parse("EUR 19.90")).withDiscount("SPRING", Money.parse("EUR 5.00")))
                .charge("shipping", Money.parse("EUR 4.90"))
                .paymentRef("tok_visa")
                .build();
        Order order = Order.place(OrderId.of("O-1001"), request, at).state();
        return new OrderEvent.OrderPlaced(UUID.fromString("2f1e4a0c-8b7d-4e21-9c3a-5d6f7e8a9b01"), order.id(), 1, at, order);
    }

    private static InventoryEvent.StockLevelChanged stockLevelChanged() {
        return new InventoryEvent.StockLevelChanged(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
                Instant.parse("2024-05-01T10:00:00Z"), Sku.of("SKU-1"), LocationId.of("ST-7"), StockLevel.LOW,
                StockLevel.OUT_OF_STOCK, 0);
    }

    /** The golden text without its layout; property order is kept. */
    private static String compact(String json) throws Exception {
        return MAPPER.writeValueAsString(MAPPER.readTree(json));
    }

    @Test
    void order_placed_is_written_exactly_as_pinned() throws Exception {
        assertThat(MAPPER.writeValueAsString(orderPlaced())).isEqualTo(compact(ORDER_PLACED));
    }

    @Test
    void order_placed_is_read_back_from_the_pinned_json() throws Exception {
        assertThat(MAPPER.readValue(ORDER_PLACED, DomainEvent.class)).isEqualTo(orderPlaced());
    }

    @Test
    void order_placed_written_before_intents_and_command_keys_is_still_read() throws Exception {
        assertThat(ORDER_PLACED_BEFORE_INTENTS).doesNotContain("intents").doesNotContain("commandKeys").doesNotContain("pendingEvents")
                .doesNotContain("\"shipping\": [");
        assertThat(MAPPER.readValue(ORDER_PLACED_BEFORE_INTENTS, DomainEvent.class)).isEqualTo(orderPlaced());
    }

    @Test
    void stock_level_changed_is_written_exactly_as_pinned() throws Exception {
        assertThat(MAPPER.writeValueAsString(stockLevelChanged())).isEqualTo(compact(STOCK_LEVEL_CHANGED));
    }

    @Test
    void stock_level_changed_is_read_back_from_the_pinned_json() throws Exception {
        assertThat(MAPPER.readValue(STOCK_LEVEL_CHANGED, InventoryEvent.class)).isEqualTo(stockLevelChanged());
    }
}
