package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Orders built from prices, for the arithmetic tests. */
final class Orders {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private Orders() {
    }

    static Money money(String currency, String amount) {
        return Money.of(CurrencyUnit.of(currency), new BigDecimal(amount));
    }

    static Money gbp(String amount) {
        return money("GBP", amount);
    }

    static Money eur(String amount) {
        return money("EUR", amount);
    }

    static Money usd(String amount) {
        return money("USD", amount);
    }

    static LineRequest line(String id, int quantity, Money unitPrice) {
        return LineRequest.of(id, "SKU-" + id, quantity, unitPrice);
    }

    /** A placed web order in {@code currency}, shaped by {@code shape}. */
    static Order order(String currency, UnaryOperator<PlaceOrderRequest.Builder> shape) {
        PlaceOrderRequest.Builder b = PlaceOrderRequest.builder()
                .channel(Channel.WEB).externalRef("W-1").customer("c-1").currency(currency)
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .paymentRef("tok-1");
        return Order.place(OrderId.of("00000000-0000-4000-8000-000000000001"), shape.apply(b).build(), T0).state();
    }
}
