package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.OUTLET;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.WH_MUNICH;
import static io.omskit.atp.Shop.eur;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.network.Location;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rulebook.SplitPolicy;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CartTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final List<DeliveryMethod> HOME_METHODS =
            List.of(DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY);

    private static CartRequest cart(int mugs, int plates) {
        return CartRequest.of(Channel.WEB, List.of(new CartLine("1", MUG, mugs, eur(8)), new CartLine("2", PLATE, plates, eur(12))))
                .to(BERLIN_HOME).at(local("2026-11-26T10:00"));
    }

    @Test
    void comes_together_when_one_warehouse_holds_everything() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_BERLIN, 5);
        MethodPromise p = shop.atp.cart(cart(2, 1)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(p.isTogether()).isTrue();
        assertThat(p.parts().get(0).lines()).extracting(PartLine::line).containsExactly("1", "2");
        assertThat(p.charge()).isEqualTo(eur(4.95));
    }

    @Test
    void a_remembered_promise_follows_capacity_running_out_under_rules_that_hold_locations_to_it() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_BERLIN, 5)
                .receive(MUG, WH_MUNICH, 5).receive(PLATE, WH_MUNICH, 5);
        assertThat(shop.atp.cart(cart(2, 1)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().parts())
                .extracting(PromisedPart::from).containsExactly(WH_BERLIN);

        Location berlin = shop.network.get(WH_BERLIN);
        LocalDate today = LocalDate.ofInstant(local("2026-11-26T10:00"), berlin.zone());
        while (shop.engine.capacity().tryConsume(WH_BERLIN, today, berlin.dailyCapacity())) {
            // take every fulfilment the warehouse has left today
        }

        assertThat(shop.atp.cart(cart(2, 1)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().parts())
                .extracting(PromisedPart::from).containsExactly(WH_MUNICH);
    }

    @Test
    void comes_in_parts_each_with_its_window_and_charge() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_MUNICH, 5);
        CartPromise promise = shop.atp.cart(cart(2, 1));
        MethodPromise p = promise.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();

        assertThat(p.isTogether()).isFalse();
        assertThat(p.parts()).extracting(PromisedPart::from).containsExactly(WH_BERLIN, WH_MUNICH);
        // Munich is 500 km away: 2-3 days instead of 1-2
        assertThat(p.parts().get(0).window().latest()).isEqualTo(local("2026-11-28T20:00"));
        assertThat(p.parts().get(1).window().latest()).isEqualTo(local("2026-11-30T20:00"));
        assertThat(p.window().latest()).isEqualTo(local("2026-11-30T20:00"));
        assertThat(p.charge()).isEqualTo(eur(6.95));
        assertThat(promise.signals()).extracting(StockSignal::kind).containsExactly(StockSignal.Kind.ONLY_FEW_LEFT, StockSignal.Kind.ONLY_FEW_LEFT);
    }

    @Test
    void standard_delivery_is_free_from_the_threshold() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 10).receive(PLATE, WH_BERLIN, 5);
        assertThat(shop.atp.cart(cart(5, 1)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().charge()).isEqualTo(eur(0));
    }

    @Test
    void ship_complete_rules_make_a_split_cart_unavailable_and_say_why() {
        Shop shop = new Shop(SplitPolicy.SHIP_COMPLETE).receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_MUNICH, 5);
        MethodPromise p = shop.atp.cart(cart(2, 1)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(p.reason()).isEqualTo(Unavailability.TOO_MANY_PARTS);
    }

    @Test
    void ship_to_a_store_that_receives_no_transfers_is_unavailable_and_says_why() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_BERLIN, 5);
        CartRequest request = CartRequest.of(Channel.WEB, List.of(new CartLine("1", MUG, 1, eur(8)), new CartLine("2", PLATE, 1, eur(12))))
                .collectingAt(OUTLET).at(local("2026-11-26T10:00"));
        MethodPromise p = shop.atp.cart(request).method(DeliveryMethod.SHIP_TO_STORE).orElseThrow();
        assertThat(p.reason()).isEqualTo(Unavailability.EXCLUDED_BY_RULES);
        assertThat(p.detail()).isEqualTo("1 unit(s) of MUG requested, 0 at eligible locations, 5 more at excluded locations; "
                + "pickup store ST-OUTLET cannot receive a transfer from WH-BERLIN");
    }

    @Test
    void a_bundle_draws_on_its_components_with_the_other_lines_of_the_cart() {
        Sku set = Sku.of("BREAKFAST-SET");
        Shop shop = new Shop(InMemoryCatalog.of(List.of(new SkuAttributes(set, "Breakfast set", "kitchen", 900,
                Dimensions.ofMillimetres(300, 300, 120), true, List.of(new BundleComponent(MUG, 1), new BundleComponent(PLATE, 2))))))
                .receive(MUG, Shop.MITTE, 2).receive(PLATE, Shop.MITTE, 3);
        Atp atp = shop.atp;
        CartRequest request = CartRequest.of(Channel.WEB, List.of(new CartLine("1", set, 1, eur(30)), new CartLine("2", MUG, 1, eur(8))))
                .collectingAt(Shop.MITTE).at(local("2026-11-26T10:00"));

        CartPromise fits = atp.cart(request);
        // the set needs a mug and two plates; the store has 2 mugs and 3 plates for the set and the extra mug
        assertThat(fits.signals()).extracting(StockSignal::units).containsExactly(1L, 2L);
        assertThat(fits.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().isAvailable()).isTrue();

        CartRequest twoMore = CartRequest.of(Channel.WEB, List.of(new CartLine("1", set, 1, eur(30)), new CartLine("2", MUG, 2, eur(8))))
                .collectingAt(Shop.MITTE).at(local("2026-11-26T10:00"));
        MethodPromise shelf = atp.cart(twoMore).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(shelf.reason()).isEqualTo(Unavailability.NO_STOCK);
        assertThat(shelf.detail()).isEqualTo("ST-MITTE has 2 unit(s) of MUG on its shelf, 3 needed");
    }

    @Test
    void a_line_short_now_makes_the_cart_wait_for_its_inbound_supply() {
        Shop shop = new Shop().receive(MUG, WH_BERLIN, 5).expect(PLATE, WH_BERLIN, 4, local("2026-12-01T06:00"));
        CartPromise promise = shop.atp.cart(cart(1, 1));
        assertThat(promise.signals().get(1).kind()).isEqualTo(StockSignal.Kind.BACK_IN_STOCK);
        MethodPromise p = promise.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(p.isLater()).isTrue();
        assertThat(p.isTogether()).isTrue();
        assertThat(p.window().earliest()).isEqualTo(local("2026-12-02T08:00"));
    }

    @Test
    void standard_and_express_sourced_alike_are_planned_once_each_with_its_own_method_and_charge() {
        Shop shop = new Shop();
        PricedCount counted = new PricedCount();
        Atp both = alike(shop, counted, SplitPolicy.SHIP_PARTIAL, HOME_METHODS);
        Atp standardOnly = alike(shop, counted, SplitPolicy.SHIP_PARTIAL, List.of(DeliveryMethod.STANDARD_DELIVERY));
        shop.receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_MUNICH, 5);

        CartPromise promise = both.cart(cart(2, 1));
        int pricedForBoth = counted.reset();
        standardOnly.cart(cart(2, 1));

        assertThat(counted.reset()).as("the engine priced as often for both methods as for standard alone")
                .isPositive().isEqualTo(pricedForBoth);
        MethodPromise standard = promise.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        MethodPromise express = promise.method(DeliveryMethod.EXPRESS_DELIVERY).orElseThrow();
        assertThat(express.method()).isEqualTo(DeliveryMethod.EXPRESS_DELIVERY);
        assertThat(express.parts()).extracting(PromisedPart::from).containsExactly(WH_BERLIN, WH_MUNICH)
                .isEqualTo(standard.parts().stream().map(PromisedPart::from).toList());
        assertThat(standard.charge()).isEqualTo(eur(6.95));
        assertThat(express.charge()).isEqualTo(eur(9.95));
    }

    @Test
    void express_sourced_alike_says_why_it_is_unavailable_in_its_own_name() {
        Shop shop = new Shop();
        Atp atp = alike(shop, new PricedCount(), SplitPolicy.SHIP_COMPLETE, HOME_METHODS);
        shop.receive(MUG, WH_BERLIN, 5).receive(PLATE, WH_MUNICH, 5);

        CartPromise promise = atp.cart(cart(2, 1));

        MethodPromise express = promise.method(DeliveryMethod.EXPRESS_DELIVERY).orElseThrow();
        assertThat(express.method()).isEqualTo(DeliveryMethod.EXPRESS_DELIVERY);
        assertThat(express.reason()).isEqualTo(Unavailability.TOO_MANY_PARTS);
        assertThat(promise.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().reason())
                .isEqualTo(Unavailability.TOO_MANY_PARTS);
    }

    @Test
    void the_shops_own_express_rules_set_express_apart() {
        Shop shop = new Shop();
        assertThat(shop.engine.sourcesAlike(Channel.WEB, DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY))
                .isFalse();
    }

    /** An ATP over the shop's stock whose engine has one rule set, counting prices, for every method. */
    private static Atp alike(Shop shop, PricedCount counted, SplitPolicy split, List<DeliveryMethod> methods) {
        RuleSet home = RuleSet.builder("home").filter(new CapabilityFilter())
                .filter(LocationTypeFilter.builder().allow(null, null, LocationType.WAREHOUSE).build())
                .cost(new DistanceCost(0.01)).cost(new SplitPenalty(5)).cost(counted).split(split).build();
        SourcingEngine engine = SourcingEngine.builder().network(shop.network).clock(shop.clock).inventory(shop.store)
                .rules(RuleBook.of(home)).build();
        assertThat(engine.sourcesAlike(Channel.WEB, DeliveryMethod.STANDARD_DELIVERY, DeliveryMethod.EXPRESS_DELIVERY))
                .isTrue();
        Atp atp = shop.atpBuilder().engine(engine).methods(methods).build();
        shop.listeners.add(atp.index());
        return atp;
    }

    /** Costs nothing, alike for every method; counts how often it is asked to price a location. */
    private static final class PricedCount implements CostRule {
        private final AtomicInteger priced = new AtomicInteger();

        record Nothing() implements Justification {
            @Override
            public String summary() {
                return "nothing";
            }
        }

        int reset() {
            return priced.getAndSet(0);
        }

        @Override
        public String name() {
            return "priced-count";
        }

        @Override
        public boolean alike(DeliveryMethod a, DeliveryMethod b) {
            return true;
        }

        @Override
        public void price(SourcingContext context, int location, CostSink sink) {
            priced.incrementAndGet();
        }

        @Override
        public Justification justify(SourcingContext context, int location) {
            return new Nothing();
        }
    }
}
