package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Backorders;
import io.omskit.core.backorder.BackorderPolicy;
import io.omskit.core.backorder.BackorderRequest;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyTerms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pre-orders placed with {@link Backorders} take their inbound units away from what ATP promises next. */
class PreorderPromiseTest {

    private static final Sku LAMP = Sku.of("LAMP");

    @Test
    void a_preorder_is_dated_by_the_inbound_and_the_next_promise_queues_behind_it() {
        Shop shop = new Shop();
        shop.expect(LAMP, WH_BERLIN, 3, local("2026-12-01T06:00")).expect(LAMP, WH_BERLIN, 10, local("2026-12-08T06:00"));
        Backorders backorders = Backorders.builder().inventory(shop.store).book(new InMemoryBackorderBook())
                .clock(shop.clock).policy(BackorderPolicy.builder().sku(LAMP, SupplyTerms.preordersOnly()).build()).build();
        Atp atp = Atp.builder().engine(shop.engine).index(shop.atp.index()).calendar(shop.atp.calendar())
                .backorders(backorders::waiting).build();

        BackorderResult preorder = backorders.place(BackorderRequest.of("bo-1", OrderId.of("order-1"), LineId.of("1"),
                LAMP, WH_BERLIN, 2));
        ProductPromise after = atp.productPage(ProductPageRequest.of(LAMP, 2, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00")));

        assertThat(((BackorderResult.Accepted) preorder).backorder().expectedAt()).isEqualTo(local("2026-12-01T06:00"));
        assertThat(after.signal().backOn()).as("the first inbound's 3 units: 2 pre-ordered, 1 left")
                .isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(after.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().window().earliest())
                .isEqualTo(local("2026-12-09T08:00"));
    }
}
