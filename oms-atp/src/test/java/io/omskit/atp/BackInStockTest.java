package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.MITTE;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.spi.BackorderLedger;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BackInStockTest {

    private static final Sku LAMP = Sku.of("LAMP");

    @Test
    void inbound_supply_gives_a_later_promise_instead_of_unavailable() {
        Shop shop = new Shop().expect(LAMP, WH_BERLIN, 10, local("2026-12-01T06:00"));
        ProductPromise p = shop.atp.productPage(ProductPageRequest.of(LAMP, 2, Channel.WEB).to(BERLIN_HOME)
                .collectingAt(MITTE).at(local("2026-11-26T10:00")));

        assertThat(p.signal().kind()).isEqualTo(StockSignal.Kind.BACK_IN_STOCK);
        assertThat(p.signal().backOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        MethodPromise standard = p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(standard.isLater()).isTrue();
        // released on arrival (Tuesday 06:00, before the cut-off), ready 10:00, picked up 17:00, 1-2 days
        assertThat(standard.window()).isEqualTo(new DeliveryWindow(local("2026-12-02T08:00"), local("2026-12-03T20:00")));
        assertThat(p.method(DeliveryMethod.SHIP_TO_STORE).orElseThrow().isLater()).isTrue();
        assertThat(p.method(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT).orElseThrow().isLater()).isFalse();
    }

    @Test
    void backorders_already_waiting_take_the_earliest_inbound_first() {
        Shop shop = new Shop();
        shop.expect(LAMP, WH_BERLIN, 3, local("2026-12-01T06:00")).expect(LAMP, WH_BERLIN, 10, local("2026-12-08T06:00"));
        Atp atp = Atp.builder().engine(shop.engine).index(shop.atp.index()).calendar(shop.atp.calendar())
                .backorders(sku -> sku.equals(LAMP) ? 2 : 0).build();
        ProductPromise p = atp.productPage(ProductPageRequest.of(LAMP, 2, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00")));

        assertThat(p.signal().backOn()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().window().earliest())
                .isEqualTo(local("2026-12-09T08:00"));
        ProductPromise one = atp.productPage(ProductPageRequest.of(LAMP, 1, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00")));
        assertThat(one.signal().backOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void without_inbound_supply_it_is_out_of_stock() {
        Shop shop = new Shop();
        ProductPromise p = shop.atp.productPage(ProductPageRequest.of(LAMP, 1, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00")));
        assertThat(p.signal().kind()).isEqualTo(StockSignal.Kind.OUT_OF_STOCK);
        assertThat(p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().reason()).isEqualTo(Unavailability.NO_STOCK);
        assertThat(BackorderLedger.none().waiting(LAMP)).isZero();
    }
}
