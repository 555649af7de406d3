package io.omskit.examples;

import io.omskit.core.CartEdit;
import io.omskit.core.CartHolds;
import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.PlaceOrderRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 15 of the demo: two shoppers' cart holds on the last units of a store's shelf. The hold follows the cart (it
 * grows, shrinks, is extended), a growth the shelf cannot cover is refused with the shortage and leaves the hold as it
 * was, a hold that lapses frees its units the moment it expires without any sweep, and the order placed for a cart
 * takes over its hold. It runs on a store of its own with a clock it moves, so the other scenes' stock is untouched.
 */
final class CartHoldScene {

    /** What the scene did, for the demo's test. */
    record Outcome(ReservationResult refusedGrowth, int forSaleBeforeLapse, int forSaleAfterLapse, int tidiedBySweep,
                   PlacementResult order) {
    }

    private static final Sku SKU = DemoNetwork.sku(3);
    private static final LocationId STORE = LocationId.of("ST-MITTE");
    private static final Duration TTL = Duration.ofMinutes(15);

    private final PrintStream out;
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-05T15:00:00Z"));
    private final InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
    private final CartHolds carts;

    CartHoldScene(PrintStream out, Network network, InMemoryCatalog catalog) {
        this.out = out;
        Oms oms = Oms.builder().inMemory().clock(clock).network(network).catalog(catalog).inventory(inventory)
                .payments(new FakePaymentGateway()).build();
        this.carts = oms.carts();
        inventory.load(SKU, STORE, 5);
    }

    Outcome run() {
        out.println("  " + SKU + ": " + forSale() + " units on the shelf of " + STORE + ", nowhere else");
        carts.hold(CartEdit.of("cart-anna", Map.of(SKU, 2), TTL).collectAt(STORE));
        out.println("  cart-anna holds 2 for express click & collect at " + STORE + ": " + forSale() + " left for sale");
        carts.hold(CartEdit.of("cart-ben", Map.of(SKU, 2), TTL).collectAt(STORE));
        out.println("  cart-ben holds 2 there: " + forSale() + " left for sale");

        ReservationResult refused = carts.hold(CartEdit.of("cart-anna", Map.of(SKU, 4), TTL).collectAt(STORE));
        out.println("  cart-anna grows to 4 -> " + refused.fold(held -> "held",
                short1 -> "refused: only " + available(short1) + " for this cart (her own 2 + " + forSale()
                        + " for sale); her hold stays at " + held("cart-anna")));
        carts.hold(CartEdit.of("cart-anna", Map.of(SKU, 1), TTL).collectAt(STORE));
        out.println("  cart-anna shrinks to 1 -> " + forSale() + " for sale at once; her checkout can have "
                + carts.availableTo("cart-anna", SKU, STORE) + " (her 1 + what is for sale)");

        clock.advance(Duration.ofMinutes(10));
        carts.extend("cart-anna", TTL);
        out.println("  10 minutes later anna is still browsing: her hold is extended by " + TTL.toMinutes() + " minutes");
        int before = forSale();
        clock.advance(Duration.ofMinutes(5));
        int after = forSale();
        out.println("  5 minutes later cart-ben's hold has lapsed (" + carts.find("cart-ben").orElseThrow().status()
                + ") and no sweep ran: for sale " + before + " -> " + after + " at once");
        int tidied = carts.expire();
        out.println("  the expiry sweep finds " + tidied + " hold(s) left to tidy up");

        PlacementResult order = carts.placeOrder("cart-anna", PlaceOrderRequest.builder().channel(Channel.APP)
                .externalRef("APP-1501").customer("anna").currency("EUR").paymentRef("tok_applepay")
                .delivery(DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, STORE, null))
                .line("1", SKU.value(), 1, Money.of(CurrencyUnit.EUR, 19.99)).build());
        out.println("  cart-anna places APP-1501 -> " + order.outcome() + ", her hold " + carts.find("cart-anna")
                .orElseThrow().status() + " by the order; " + forSale() + " for sale");
        return new Outcome(refused, before, after, tidied, order);
    }

    private int forSale() {
        return inventory.networkAvailable(SKU);
    }

    private int held(String cartId) {
        return carts.find(cartId).orElseThrow().heldQuantity(SKU);
    }

    private static int available(ReservationResult.Insufficient insufficient) {
        return insufficient.shortages().stream().mapToInt(Shortage::available).min().orElse(0);
    }

    /** The scene's clock, moved on to show a hold lapsing. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
