package io.omskit.testkit.arbitraries;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.order.Adjustment;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.order.SellerRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Addresses, delivery choices and placement requests. */
final class OrderGen {

    /** A postal code generator per country, each matching the format the order validator checks. */
    private static final Map<String, Arbitrary<String>> POSTAL_CODES = Map.ofEntries(
            Map.entry("DE", digits(5)), Map.entry("FR", digits(5)), Map.entry("ES", digits(5)), Map.entry("IT", digits(5)),
            Map.entry("US", Arbitraries.oneOf(digits(5), Combinators.combine(digits(5), digits(4)).as((a, b) -> a + "-" + b))),
            Map.entry("GB", Combinators.combine(letters(1, 2), digits(1), digits(1), letters(2, 2))
                    .as((area, district, sector, unit) -> area + district + " " + sector + unit)),
            Map.entry("NL", Combinators.combine(digits(4), letters(2, 2)).as((a, b) -> a + " " + b)),
            Map.entry("BE", digits(4)), Map.entry("AT", digits(4)), Map.entry("CH", digits(4)),
            Map.entry("SE", Combinators.combine(digits(3), digits(2)).as((a, b) -> a + " " + b)));
    private static final List<String> COUNTRIES = List.copyOf(new java.util.TreeSet<>(POSTAL_CODES.keySet()));

    private OrderGen() {
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().numeric().ofLength(n);
    }

    private static Arbitrary<String> letters(int min, int max) {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<GeoPoint> geoPoints() {
        return Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
                .as(GeoPoint::of);
    }

    static Arbitrary<Address> addresses() {
        return Arbitraries.of(COUNTRIES).flatMap(country -> Combinators.combine(
                ValueGen.text(1, 40), ValueGen.text(1, 60), ValueGen.text(1, 40).injectNull(0.5), ValueGen.text(1, 30),
                POSTAL_CODES.get(country), geoPoints().injectNull(0.3))
                .as((recipient, line1, line2, city, postal, position) ->
                        new Address(recipient, line1, line2, city, postal, country, position)));
    }

    static Arbitrary<DeliveryWindow> deliveryWindows() {
        return Combinators.combine(ValueGen.instants(), Arbitraries.longs().between(0, Duration.ofDays(3).toSeconds()))
                .as((earliest, span) -> new DeliveryWindow(earliest, earliest.plusSeconds(span)));
    }

    /** Home delivery, or pickup at one of {@code pickupStores} (any store id when null; home only when empty). */
    static Arbitrary<DeliveryChoice> deliveryChoices(List<LocationId> pickupStores) {
        Arbitrary<DeliveryChoice> home = Combinators.combine(
                        Arbitraries.of(DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY), addresses(),
                        deliveryWindows().injectNull(0.3))
                .as(DeliveryChoice::home);
        if (pickupStores != null && pickupStores.isEmpty()) {
            return home;
        }
        Arbitrary<LocationId> stores = pickupStores == null
                ? ValueGen.identifiers("ST").map(LocationId::of)
                : Arbitraries.of(pickupStores);
        Arbitrary<DeliveryChoice> pickup = Combinators.combine(
                        Arbitraries.of(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, DeliveryMethod.SHIP_TO_STORE), stores,
                        deliveryWindows().injectNull(0.3))
                .as(DeliveryChoice::pickup);
        return Arbitraries.frequencyOf(Tuple.of(3, home), Tuple.of(2, pickup));
    }

    /** A line priced in {@code currency} whose discounts never exceed its subtotal; sold by a seller on a marketplace. */
    static Arbitrary<LineRequest> lineRequests(CurrencyUnit currency, Arbitrary<Sku> skus, boolean marketplace) {
        Arbitrary<SellerRef> sellers = marketplace
                ? ValueGen.identifiers("SELLER").map(SellerRef::of)
                : Arbitraries.just(null);
        return Combinators.combine(ValueGen.identifiers("L").map(LineId::of), skus, Arbitraries.integers().between(1, 20),
                        ValueGen.money(currency, 0, 2_000), Arbitraries.integers().between(0, 2), sellers)
                .flatAs((id, sku, quantity, price, discountCount, seller) ->
                        discounts(price.multipliedBy(quantity), discountCount).map(discounts ->
                                new LineRequest(id, sku, quantity, price, discounts, seller)));
    }

    /** {@code count} discounts (codes unique) whose sum is at most {@code limit}. */
    private static Arbitrary<List<Adjustment>> discounts(Money limit, int count) {
        if (count == 0) {
            return Arbitraries.just(List.of());
        }
        return ValueGen.shareOf(limit).flatMap(first -> {
            Adjustment a = Adjustment.of("PROMO-1", first);
            if (count == 1) {
                return Arbitraries.just(List.of(a));
            }
            return ValueGen.shareOf(limit.minus(first)).map(second -> List.of(a, Adjustment.of("PROMO-2", second)));
        });
    }

    static Arbitrary<PlaceOrderRequest> placeOrderRequests(CurrencyUnit currency, Arbitrary<Sku> skus,
                                                           List<LocationId> pickupStores) {
        return Arbitraries.of(Channel.class).flatMap(channel -> {
            Arbitrary<List<LineRequest>> lines = lineRequests(currency, skus, channel == Channel.MARKETPLACE)
                    .list().ofMinSize(1).ofMaxSize(5).uniqueElements(LineRequest::id);
            return Combinators.combine(ValueGen.identifiers("EXT").map(ExternalOrderRef::of),
                            ValueGen.identifiers("CUST").map(CustomerRef::of), deliveryChoices(pickupStores), lines,
                            Arbitraries.integers().between(0, 1), charges(currency),
                            Arbitraries.oneOf(Arbitraries.just(""), ValueGen.identifiers("tok")))
                    .flatAs((ext, customer, delivery, ls, discountCount, charges, paymentRef) -> {
                        Money linesTotal = Money.zero(currency);
                        for (LineRequest l : ls) {
                            Money sub = l.unitPrice().multipliedBy(l.quantity());
                            for (Adjustment d : l.discounts()) {
                                sub = sub.minus(d.amount());
                            }
                            linesTotal = linesTotal.plus(sub);
                        }
                        return discounts(linesTotal, discountCount).map(discounts -> new PlaceOrderRequest(channel, ext,
                                customer, currency, delivery, ls, discounts, charges, paymentRef));
                    });
        });
    }

    private static Arbitrary<List<Adjustment>> charges(CurrencyUnit currency) {
        Arbitrary<Money> amounts = ValueGen.money(currency, 0, 50);
        return Arbitraries.oneOf(
                Arbitraries.just(List.of()),
                amounts.map(a -> List.of(Adjustment.of("shipping", a))),
                Combinators.combine(amounts, amounts).as((a, b) -> {
                    List<Adjustment> list = new ArrayList<>();
                    list.add(Adjustment.of("shipping", a));
                    list.add(Adjustment.of("gift-wrap", b));
                    return list;
                }));
    }
}
