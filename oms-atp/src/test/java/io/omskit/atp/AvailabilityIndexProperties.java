package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The index kept by events answers exactly what a live read of the store gives the sourcing engine, network-wide
 * reservations (held without naming a location) included.
 */
class AvailabilityIndexProperties {

    private static final List<Sku> SKUS = List.of(Sku.of("A"), Sku.of("B"), Sku.of("C"));

    @Property(tries = 60)
    void the_index_equals_a_live_read_after_any_stock_changes(@ForAll long seed) {
        Shop shop = new Shop();
        Random r = new Random(seed);
        List<LocationId> locations = shop.network.locations().stream().map(l -> l.id()).toList();
        // read some SKUs early so that events, not first reads, must keep them current
        for (Sku sku : SKUS) {
            if (r.nextBoolean()) {
                shop.atp.index().availability(sku);
            }
        }
        for (int step = 0; step < 40; step++) {
            Sku sku = SKUS.get(r.nextInt(SKUS.size()));
            LocationId at = locations.get(r.nextInt(locations.size()));
            int n = 1 + r.nextInt(6);
            try {
                switch (r.nextInt(7)) {
                    case 0, 1 -> shop.receive(sku, at, n);
                    case 6 -> shop.store.reserve(new ReservationRequest(ReservationKey.of("n" + step), "cart",
                            List.of(ReservationLine.anywhere(sku, n)), Instant.parse("2026-11-27T00:00:00Z")));
                    case 2 -> shop.damage(sku, at, n);
                    case 3 -> shop.store.reserve(new ReservationRequest(ReservationKey.of("r" + step), "cart",
                            List.of(ReservationLine.at(sku, at, n)), Instant.parse("2026-11-27T00:00:00Z")));
                    case 4 -> shop.store.allocate(new AllocationRequest(AllocationKey.of("a" + step), "order",
                            List.of(AllocationLine.of(sku, at, n)), null));
                    default -> shop.expect(sku, at, n, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(3600L * step));
                }
            } catch (RuntimeException refused) {
                // a movement the store refuses changes nothing
            }
        }
        for (Channel channel : Channel.values()) {
            StockSnapshot live = StockSnapshot.live(shop.store, shop.network, channel, shop.engine.exposure());
            for (Sku sku : SKUS) {
                assertThat(shop.atp.index().snapshot(channel).stock(sku)).as("%s via %s", sku, channel).isEqualTo(live.stock(sku));
                assertThat(shop.atp.index().availability(sku).inbound()).isEqualTo(shop.store.inbound(sku));
            }
        }
    }
}
