package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.rulebook.SplitPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The product page through the engine's what-if for one item promises exactly what the general way (a full plan
 * per method) promises: same methods, parts, windows, charges and reasons, at random moments, stock and places.
 */
class QuickPageProperties {

    private static final Sku SKU = Sku.of("A");

    @Property(tries = 100)
    void the_quick_product_page_is_the_general_one(@ForAll long seed) {
        Random r = new Random(seed);
        Shop shop = new Shop(r.nextBoolean() ? SplitPolicy.SHIP_PARTIAL : SplitPolicy.SHIP_COMPLETE, r.nextBoolean());
        for (LocationId l : List.of(Shop.WH_BERLIN, Shop.WH_MUNICH, Shop.MITTE, Shop.KREUZBERG, Shop.MUNICH)) {
            if (r.nextInt(3) > 0) {
                shop.receive(SKU, l, 1 + r.nextInt(4));
            }
        }
        Atp general = shop.atpBuilder().index(shop.atp.index()).quickPages(false).cacheTtl(Duration.ZERO).build();
        for (int round = 0; round < 5; round++) {
            Instant now = Shop.randomMoment(r);
            Destination home = r.nextInt(5) == 0 ? null : Destination.of("DE", "10115", Shop.HOMES[r.nextInt(Shop.HOMES.length)], Berlin.ZONE);
            LocationId store = r.nextInt(5) == 0 ? null : List.of(Shop.MITTE, Shop.KREUZBERG, Shop.MUNICH).get(r.nextInt(3));
            ProductPageRequest request = new ProductPageRequest(SKU, 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0),
                    r.nextInt(4) == 0 ? Channel.MARKETPLACE : Channel.WEB, home, store, now);

            assertThat(shop.atp.productPage(request)).as("%s", request).isEqualTo(general.productPage(request));
        }
    }
}
