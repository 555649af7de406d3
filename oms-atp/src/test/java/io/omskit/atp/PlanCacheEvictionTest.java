package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A full plan cache makes room for a new question by evicting one, so the product pages asked lately are still
 * answered from the cache (emptying the cache when full would plan every one of them again).
 */
class PlanCacheEvictionTest {

    private static final int CAPACITY = 4;
    private static final Instant NOW = local("2026-11-26T10:00");

    /** Catalog reads: planning afresh reads the catalog more often than answering from the cache. */
    private final AtomicInteger reads = new AtomicInteger();
    private final Shop shop = new Shop(sku -> {
        reads.incrementAndGet();
        return Optional.empty();
    });
    // the quick product page answers without the plan cache: off, so that every page asks it
    private final Atp atp = shop.atpBuilder().quickPages(false).maxCacheEntries(CAPACITY).build();
    private final List<Sku> skus = new ArrayList<>();

    PlanCacheEvictionTest() {
        shop.listeners.add(atp.index());
        for (int k = 0; k <= CAPACITY; k++) {
            Sku sku = Sku.of("KETTLE-" + k);
            shop.receive(sku, WH_BERLIN, 10);
            skus.add(sku);
        }
    }

    private int readsToAsk(Sku sku) {
        int before = reads.get();
        atp.productPage(ProductPageRequest.of(sku, 1, Channel.WEB).to(BERLIN_HOME).at(NOW));
        return reads.get() - before;
    }

    @Test
    void after_one_question_more_than_it_holds_the_questions_asked_lately_are_still_answered_from_the_cache() {
        Sku probe = Sku.of("KETTLE-PROBE");
        shop.receive(probe, WH_BERLIN, 10);
        int planned = readsToAsk(probe);
        int cached = readsToAsk(probe);
        assertThat(cached).as("a repeated question reads the catalog less than a fresh one").isLessThan(planned);
        atp.clearCache();

        for (Sku sku : skus) {
            readsToAsk(sku);
        }
        int hits = 0;
        for (int k = skus.size() - 1; k >= 0; k--) {
            int r = readsToAsk(skus.get(k));
            if (k == skus.size() - 1) {
                assertThat(r).as("the question asked last").isEqualTo(cached);
            }
            hits += r == cached ? 1 : 0;
        }
        assertThat(hits).as("questions of %d still answered from a cache of %d", skus.size(), CAPACITY)
                .isGreaterThanOrEqualTo(CAPACITY - 1);
    }
}
