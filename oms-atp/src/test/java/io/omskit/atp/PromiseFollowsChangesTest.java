package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.MITTE;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.WH_MUNICH;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.Location;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.plan.LegKind;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Product-page promises are prepared once per delivery and reuse leg windows over time spans; they still follow
 * every change that matters: stock, the time of day (a cut-off passing), capacity running out and other rules.
 */
class PromiseFollowsChangesTest {

    private static final Sku KETTLE = Sku.of("KETTLE");
    private final Shop shop = new Shop().receive(KETTLE, WH_BERLIN, 20).receive(KETTLE, WH_MUNICH, 20);

    private MethodPromise standard(Instant now) {
        return shop.atp.productPage(ProductPageRequest.of(KETTLE, 1, Channel.WEB).to(BERLIN_HOME).collectingAt(MITTE)
                .at(now)).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
    }

    @Test
    void ships_from_the_next_warehouse_once_stock_is_gone_at_the_nearest() {
        assertThat(standard(local("2026-11-26T10:00")).parts().get(0).from()).isEqualTo(WH_BERLIN);

        shop.damage(KETTLE, WH_BERLIN, 20);

        assertThat(standard(local("2026-11-26T10:00")).parts().get(0).from()).isEqualTo(WH_MUNICH);
    }

    @Test
    void dispatch_moves_to_the_next_pickup_when_the_order_can_no_longer_be_ready_or_the_cut_off_passed() {
        Instant[] asked = {local("2026-11-26T10:00"), local("2026-11-26T12:00"), local("2026-11-26T14:00"),
                local("2026-11-26T15:30")};
        Instant[] dispatch = {local("2026-11-26T17:00"), local("2026-11-26T17:00"), local("2026-11-27T17:00"),
                local("2026-11-27T17:00")};
        int berlin = shop.network.indexOf(WH_BERLIN);
        for (int k = 0; k < asked.length; k++) {
            MethodPromise p = standard(asked[k]);
            LegTiming fresh = shop.atp.calendar().leg(DeliveryMethod.STANDARD_DELIVERY, LegKind.DELIVER, berlin, -1,
                    BERLIN_HOME, asked[k]);
            assertThat(p.parts().get(0).dispatch()).as("dispatch asked at %s", asked[k]).isEqualTo(dispatch[k]);
            assertThat(p.window()).as("window asked at %s", asked[k]).isEqualTo(fresh.window());
        }
    }

    @Test
    void avoids_a_warehouse_whose_daily_capacity_is_used_up() {
        assertThat(standard(local("2026-11-26T10:00")).parts().get(0).from()).isEqualTo(WH_BERLIN);

        Location berlin = shop.network.get(WH_BERLIN);
        LocalDate today = LocalDate.ofInstant(local("2026-11-26T10:00"), berlin.zone());
        while (shop.engine.capacity().tryConsume(WH_BERLIN, today, berlin.dailyCapacity())) {
            // take every fulfilment the warehouse has left today
        }

        assertThat(standard(local("2026-11-26T10:00")).parts().get(0).from()).isEqualTo(WH_MUNICH);
    }

    @Test
    void promises_under_the_rules_of_the_engine_asked() {
        RuleSet withoutBerlin = RuleSet.builder("home-without-berlin").filter(new CapabilityFilter())
                .filter(new ExcludedLocationsFilter(Set.of(WH_BERLIN))).cost(new DistanceCost(0.01)).build();
        SourcingEngine engine = SourcingEngine.builder().network(shop.network).clock(shop.clock).inventory(shop.store)
                .rules(RuleBook.of(withoutBerlin)).build();
        Atp other = Atp.builder().engine(engine).index(shop.atp.index()).clock(shop.clock)
                .calendar(shop.atp.calendar()).build();
        ProductPageRequest request = ProductPageRequest.of(KETTLE, 1, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00"));

        assertThat(shop.atp.productPage(request).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().parts().get(0).from())
                .isEqualTo(WH_BERLIN);
        assertThat(other.productPage(request).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().parts().get(0).from())
                .isEqualTo(WH_MUNICH);
    }
}
