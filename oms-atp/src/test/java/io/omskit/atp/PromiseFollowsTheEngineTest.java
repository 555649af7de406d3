package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.WH_MUNICH;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.SourcingEngine;
import io.omskit.orchestration.engine.staged.Stage;
import io.omskit.orchestration.engine.staged.StageSort;
import io.omskit.orchestration.engine.staged.StageSplit;
import io.omskit.orchestration.engine.staged.StagedEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promise is computed by the engine that will source the order: with staged rules, the stages' choice. */
class PromiseFollowsTheEngineTest {

    private static final Sku KETTLE = Sku.of("KETTLE");

    @Test
    void a_product_page_promises_from_the_location_the_stages_choose() {
        Shop shop = new Shop().receive(KETTLE, WH_BERLIN, 10).receive(KETTLE, WH_MUNICH, 10);
        StagedEngine munichFirst = StagedEngine.builder("munich-first", shop.engine)
                .stage(Stage.named("munich-warehouse").sort(StageSort.priority(List.of(WH_MUNICH)))
                        .split(StageSplit.none()).build())
                .build();
        SourcingEngine routed = shop.engine.routedBy(munichFirst);
        Atp optimised = shop.atp;
        Atp staged = shop.atpBuilder().engine(routed).build();
        ProductPageRequest page = ProductPageRequest.of(KETTLE, 2, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00"));

        MethodPromise cheapest = optimised.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        MethodPromise byStages = staged.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();

        assertThat(cheapest.parts()).singleElement().satisfies(p -> assertThat(p.from()).isEqualTo(WH_BERLIN));
        assertThat(byStages.parts()).singleElement().satisfies(p -> assertThat(p.from()).isEqualTo(WH_MUNICH));
        assertThat(byStages.isAvailable()).isTrue();
    }

    @Test
    void when_the_stages_backorder_the_page_promises_nothing_from_stock() {
        Shop shop = new Shop().receive(KETTLE, WH_BERLIN, 10);
        StagedEngine munichOnly = StagedEngine.builder("munich-only", shop.engine)
                .stage(Stage.named("munich-warehouse").filter(new io.omskit.orchestration.rules.ExcludedLocationsFilter(
                        java.util.Set.of(WH_BERLIN))).whenNothing(io.omskit.orchestration.engine.staged.WhenNothing.backorder())
                        .build())
                .build();
        Atp staged = shop.atpBuilder().engine(shop.engine.routedBy(munichOnly)).build();
        ProductPageRequest page = ProductPageRequest.of(KETTLE, 1, Channel.WEB).to(BERLIN_HOME)
                .at(local("2026-11-26T10:00"));

        assertThat(shop.atp.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isAvailable()).isTrue();
        assertThat(staged.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isAvailable()).isFalse();
    }
}
