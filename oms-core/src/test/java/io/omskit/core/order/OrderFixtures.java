package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Orders and requests for the order tests. */
final class OrderFixtures {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final LineId L1 = LineId.of("1");
    static final LineId L2 = LineId.of("2");
    static final LocationId WH = LocationId.of("WH-1");

    private OrderFixtures() {
    }

    static Money eur(double amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }

    static Address address() {
        return new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null);
    }

    /** Line 1: 3 x 10.00 with a 3.00 discount; line 2: 1 x 25.00; shipping 4.95; order discount 2.00. */
    static PlaceOrderRequest request() {
        return PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1").customer("c-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, address(), null))
                .line(LineRequest.of("1", "SKU-A", 3, eur(10)).withDiscount("PROMO", eur(3)))
                .line("2", "SKU-B", 1, eur(25))
                .charge("shipping", eur(4.95))
                .discount("WELCOME", eur(2))
                .paymentRef("tok-1")
                .build();
    }

    static Order placed() {
        return Order.place(OrderId.of("o-1"), request(), T0).state();
    }

    /** Reserved, authorised and confirmed. */
    static Order confirmed() {
        Order o = placed().reserveAll(T0).state();
        o = o.recordPayment("authorise", io.omskit.core.payment.PaymentOutcome.SUCCEEDED,
                o.payment().authorisedFor(o.total(), "auth-1"), T0).state();
        return o.confirm(T0).state();
    }

    static List<LineQuantity> qty(LineId line, int n) {
        return List.of(LineQuantity.of(line, n));
    }
}
