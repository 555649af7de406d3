package io.omskit.core.jackson;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.HolidayCalendar;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.PaymentOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.Money;

/** Hand-built values for the example tests of the Jackson module. */
final class JsonFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T09:30:00.123456789Z");

    private JsonFixtures() {
    }

    static PlaceOrderRequest request() {
        Address address = new Address("Ada \"Lovelace\"", "1 Main St", null, "Zürich", "8001", "CH", GeoPoint.of(47.37, 8.54));
        return PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1001").customer("C-42").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.EXPRESS_DELIVERY, address,
                        new DeliveryWindow(T0.plusSeconds(3600), T0.plusSeconds(7200))))
                .line(LineRequest.of("L1", "SKU-1", 3, Money.parse("EUR 12.30"))
                        .withDiscount("SPRING", Money.parse("EUR 1.05")))
                .line("L2", "SKU-2", 1, Money.parse("EUR 0.99"))
                .charge("shipping", Money.parse("EUR 4.90"))
                .discount("WELCOME", Money.parse("EUR 2.00"))
                .paymentRef("tok_123")
                .build();
    }

    /** A placed order taken through payment, confirmation, reservation, allocation, shipping, a hold and a cancellation. */
    static Change<Order, OrderEvent> history() {
        LineId l1 = LineId.of("L1");
        return Order.place(OrderId.of("O-1"), request(), T0)
                .then(o -> o.recordPayment("authorise", PaymentOutcome.SUCCEEDED,
                        o.payment().authorisedFor(o.total(), "AUTH-1"), T0.plusSeconds(1)))
                .then(o -> o.confirm(T0.plusSeconds(2)))
                .then(o -> o.reserveAll(T0.plusSeconds(3)))
                .then(o -> o.allocate(LocationId.of("WH-1"), "A-1", List.of(LineQuantity.of(l1, 2)), T0.plusSeconds(4)))
                .then(o -> o.ship("A-1", List.of(LineQuantity.of(l1, 1)), "SHIP-1", T0.plusSeconds(5)))
                .then(o -> o.hold(HoldReason.FRAUD_REVIEW, "velocity", T0.plusSeconds(6)))
                .then(o -> o.releaseHold(T0.plusSeconds(7)))
                .then(o -> o.cancel(List.of(LineQuantity.of(LineId.of("L2"), 1)), CancellationReason.OUT_OF_STOCK,
                        T0.plusSeconds(8)));
    }

    static Location warehouse() {
        return Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.52, 13.405))
                .name("Berlin DC").zone(ZoneId.of("Europe/Berlin"))
                .holidays(HolidayCalendar.of("DE", "be").withClosure(LocalDate.of(2024, 12, 24)))
                .processingLeadTime(Duration.ofMinutes(90)).dailyCapacity(2500).build();
    }

    static Network network() {
        return Network.of(List.of(warehouse(),
                Location.builder(LocationId.of("ST-7"), LocationType.STORE, GeoPoint.of(48.8566, 2.3522)).build()));
    }

    static StockMovement movement() {
        return StockMovement.of(MovementKey.of("MV-1"), Sku.of("SKU-1"), LocationId.of("WH-1"), MovementReason.QUARANTINE, 4,
                T0, "count sheet 7");
    }

    static SkuAttributes bundle() {
        return new SkuAttributes(Sku.of("BUNDLE-1"), "Starter kit", "kits", 1200, Dimensions.ofMillimetres(300, 200, 100),
                true, List.of(new BundleComponent(Sku.of("SKU-1"), 2), new BundleComponent(Sku.of("SKU-2"), 1)));
    }
}
