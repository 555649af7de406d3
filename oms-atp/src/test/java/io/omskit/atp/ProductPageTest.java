package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.KREUZBERG;
import static io.omskit.atp.Shop.MITTE;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.eur;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.plan.LegKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductPageTest {

    private static final Sku KETTLE = Sku.of("KETTLE");
    private final Shop shop = new Shop().receive(KETTLE, WH_BERLIN, 20).receive(KETTLE, MITTE, 3);

    private ProductPromise page(Instant now, LocationId store) {
        return shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB).to(BERLIN_HOME).collectingAt(store).at(now));
    }

    @Test
    void shows_every_method_with_its_window_and_charge() {
        ProductPromise p = page(local("2026-11-26T10:00"), MITTE);

        assertThat(p.signal().kind()).isEqualTo(StockSignal.Kind.IN_STOCK);
        assertThat(p.signal().units()).isEqualTo(23);
        MethodPromise standard = p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(standard.isAvailable()).isTrue();
        assertThat(standard.isTogether()).isTrue();
        assertThat(standard.parts().get(0).from()).isEqualTo(WH_BERLIN);
        assertThat(standard.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T08:00"), local("2026-11-28T20:00")));
        assertThat(standard.charge()).isEqualTo(eur(4.95));
        assertThat(p.method(DeliveryMethod.EXPRESS_DELIVERY).orElseThrow().window())
                .isEqualTo(new DeliveryWindow(local("2026-11-27T08:00"), local("2026-11-27T12:00")));
        MethodPromise collect = p.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(collect.parts().get(0).kind()).isEqualTo(LegKind.COLLECT);
        assertThat(collect.window()).isEqualTo(new DeliveryWindow(local("2026-11-26T11:00"), local("2026-11-26T12:00")));
        assertThat(collect.charge()).isEqualTo(eur(0));
    }

    @Test
    void a_public_holiday_of_the_shoppers_region_moves_home_delivery_only_for_that_region() {
        // Epiphany, 6 January, is a public holiday in Bavaria (by) but not in Berlin
        ProductPromise berlin = shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB).to(BERLIN_HOME)
                .collectingAt(MITTE).at(local("2027-01-05T10:00")));
        ProductPromise bavaria = shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB)
                .to(BERLIN_HOME.inRegion("by")).collectingAt(MITTE).at(local("2027-01-05T10:00")));

        assertThat(berlin.method(DeliveryMethod.EXPRESS_DELIVERY).orElseThrow().window())
                .isEqualTo(new DeliveryWindow(local("2027-01-06T08:00"), local("2027-01-06T12:00")));
        assertThat(bavaria.method(DeliveryMethod.EXPRESS_DELIVERY).orElseThrow().window())
                .isEqualTo(new DeliveryWindow(local("2027-01-07T08:00"), local("2027-01-07T12:00")));
        assertThat(bavaria.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().window())
                .isEqualTo(berlin.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().window());
    }

    @Test
    void ship_to_store_adds_the_transfer_from_the_warehouse() {
        shop.damage(KETTLE, MITTE, 3);
        MethodPromise p = page(local("2026-11-26T10:00"), KREUZBERG).method(DeliveryMethod.SHIP_TO_STORE).orElseThrow();
        assertThat(p.parts()).singleElement().satisfies(part -> {
            assertThat(part.kind()).isEqualTo(LegKind.TRANSFER);
            assertThat(part.from()).isEqualTo(WH_BERLIN);
            assertThat(part.dispatch()).isEqualTo(local("2026-11-26T17:00"));
        });
        assertThat(p.window()).isEqualTo(new DeliveryWindow(local("2026-11-27T11:00"), local("2026-11-27T12:00")));
        assertThat(p.charge()).isEqualTo(eur(1.95));
    }

    @Test
    void express_click_and_collect_needs_the_chosen_stores_own_stock() {
        MethodPromise p = page(local("2026-11-26T10:00"), KREUZBERG).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(p.isAvailable()).isFalse();
        assertThat(p.reason()).isEqualTo(Unavailability.NO_STOCK);
        assertThat(p.detail()).contains("ST-KREUZBERG has 0 unit(s) of KETTLE on its shelf");
    }

    @Test
    void express_click_and_collect_in_a_closed_store_says_why_when_the_rules_want_it_open() {
        Shop strict = new Shop(io.omskit.orchestration.rulebook.SplitPolicy.SHIP_PARTIAL, true).receive(KETTLE, MITTE, 3);
        MethodPromise p = strict.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB).collectingAt(MITTE)
                .at(local("2026-11-29T11:00"))).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(p.reason()).isEqualTo(Unavailability.EXCLUDED_BY_RULES);
        assertThat(p.detail()).contains("ST-MITTE is closed");
    }

    @Test
    void express_click_and_collect_on_a_closed_day_is_ready_after_the_next_opening() {
        MethodPromise sunday = page(local("2026-11-29T11:00"), MITTE).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(sunday.window()).isEqualTo(new DeliveryWindow(local("2026-11-30T10:00"), local("2026-11-30T11:00")));
    }

    @Test
    void after_the_warehouse_cut_off_delivery_moves_a_day() {
        MethodPromise p = page(local("2026-11-26T15:30"), MITTE).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(p.parts().get(0).dispatch()).isEqualTo(local("2026-11-27T17:00"));
        assertThat(p.window()).isEqualTo(new DeliveryWindow(local("2026-11-28T08:00"), local("2026-11-30T20:00")));
    }

    @Test
    void says_only_few_left_at_the_low_stock_threshold() {
        shop.damage(KETTLE, WH_BERLIN, 18);
        ProductPromise p = page(local("2026-11-26T10:00"), MITTE);
        assertThat(p.signal().kind()).isEqualTo(StockSignal.Kind.ONLY_FEW_LEFT);
        assertThat(p.signal().describe()).isEqualTo("only 5 left");
    }

    @Test
    void without_destination_or_store_those_methods_say_why() {
        ProductPromise p = shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB).at(local("2026-11-26T10:00")));
        assertThat(p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().reason()).isEqualTo(Unavailability.NO_DESTINATION);
        assertThat(p.method(DeliveryMethod.SHIP_TO_STORE).orElseThrow().reason()).isEqualTo(Unavailability.NO_PICKUP_STORE);
        ProductPromise warehouseAsStore = page(local("2026-11-26T10:00"), WH_BERLIN);
        assertThat(warehouseAsStore.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().reason())
                .isEqualTo(Unavailability.NO_PICKUP_STORE);
    }

    @Test
    void a_stock_event_changes_the_next_promise() {
        Instant now = local("2026-11-26T10:00");
        assertThat(page(now, MITTE).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isAvailable()).isTrue();
        shop.damage(KETTLE, WH_BERLIN, 20);
        ProductPromise after = page(now, MITTE);
        assertThat(after.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().reason()).isEqualTo(Unavailability.EXCLUDED_BY_RULES);
        assertThat(after.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().isAvailable()).isTrue();
        assertThat(after.signal().units()).isEqualTo(3);
    }

    @Test
    void windows_move_with_the_clock_while_the_plan_is_reused() {
        MethodPromise at10 = page(local("2026-11-26T10:00"), MITTE).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        MethodPromise at1030 = page(local("2026-11-26T10:30"), MITTE).method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow();
        assertThat(at10.window().earliest()).isEqualTo(local("2026-11-26T11:00"));
        assertThat(at1030.window().earliest()).isEqualTo(local("2026-11-26T11:30"));
    }

    @Test
    void the_marketplace_sees_warehouse_stock_minus_its_buffer_as_sourcing_does() {
        ProductPromise p = shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.MARKETPLACE).to(BERLIN_HOME)
                .collectingAt(MITTE).at(local("2026-11-26T10:00")));
        assertThat(p.signal().units()).isEqualTo(18);
        // the store's own 3 units are invisible to the marketplace
        assertThat(p.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().reason()).isEqualTo(Unavailability.NO_STOCK);
        assertThat(p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isAvailable()).isTrue();
    }

    @Test
    void safety_stock_is_kept_back_as_in_sourcing() {
        shop.store.setSafetyStock(KETTLE, MITTE, 3);
        shop.atp.index().refresh(KETTLE);
        ProductPromise p = page(local("2026-11-26T10:00"), MITTE);
        assertThat(p.signal().units()).isEqualTo(20);
        assertThat(p.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().reason()).isEqualTo(Unavailability.NO_STOCK);
    }
}
