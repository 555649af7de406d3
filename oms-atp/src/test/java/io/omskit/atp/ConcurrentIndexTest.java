package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.MITTE;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.Shop.WH_MUNICH;
import static io.omskit.atp.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The index read by promises on some threads while stock events re-read it on others. */
class ConcurrentIndexTest {

    private static final int SKUS = 300;

    @Test
    void promises_read_each_skus_own_stock_never_older_than_read_before_and_the_index_ends_current() throws Exception {
        Shop shop = new Shop();
        List<Sku> skus = new ArrayList<>();
        for (int k = 0; k < SKUS; k++) {
            skus.add(Sku.of("SKU-" + k));
            shop.receive(skus.get(k), WH_BERLIN, 5);
        }
        List<LocationId> at = List.of(WH_BERLIN, WH_MUNICH, MITTE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean changing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            long seed = w;
            writers.add(pool.submit(() -> {
                start.await();
                SplittableRandom random = new SplittableRandom(seed);
                for (int step = 0; step < 3_000; step++) {
                    Sku sku = skus.get(random.nextInt(SKUS));
                    LocationId where = at.get(random.nextInt(at.size()));
                    try {
                        if (random.nextInt(3) == 0) {
                            shop.damage(sku, where, 1);
                        } else {
                            shop.receive(sku, where, 1 + random.nextInt(3));
                        }
                    } catch (RuntimeException refused) {
                        // damage beyond what is there is refused and changes nothing
                    }
                }
                return null;
            }));
        }
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            long seed = 10 + r;
            readers.add(pool.submit(() -> {
                start.await();
                SplittableRandom random = new SplittableRandom(seed);
                long[] lastVersion = new long[SKUS];
                long reads = 0;
                while (changing.get()) {
                    List<CartLine> lines = new ArrayList<>();
                    int[] asked = new int[4];
                    for (int l = 0; l < asked.length; l++) {
                        asked[l] = random.nextInt(SKUS);
                        lines.add(new CartLine("L" + l, skus.get(asked[l]), 1, eur(5)));
                    }
                    CartPromise promise = shop.atp.cart(CartRequest.of(Channel.WEB, lines).to(BERLIN_HOME).collectingAt(MITTE));
                    assertThat(promise.signals()).hasSize(asked.length);
                    for (int k : asked) {
                        SkuAvailability a = shop.atp.index().availability(skus.get(k));
                        assertThat(a.sku()).isEqualTo(skus.get(k));
                        assertThat(a.version()).as("version of %s", a.sku()).isGreaterThanOrEqualTo(lastVersion[k]);
                        lastVersion[k] = a.version();
                        reads++;
                    }
                }
                return reads;
            }));
        }
        start.countDown();
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        changing.set(false);
        long reads = 0;
        for (Future<Long> r : readers) {
            reads += r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(reads).as("reads while the stock changed").isPositive();
        StockSnapshot live = StockSnapshot.live(shop.store, shop.network, Channel.WEB, shop.engine.exposure());
        for (Sku sku : skus) {
            assertThat(shop.atp.index().snapshot(Channel.WEB).stock(sku)).as("%s", sku).isEqualTo(live.stock(sku));
        }
    }
}
