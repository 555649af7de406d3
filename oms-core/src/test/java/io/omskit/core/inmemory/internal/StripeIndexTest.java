package io.omskit.core.inmemory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeIndexTest {

    private final StripeIndex index = new StripeIndex();
    private int order;

    private SkuStripe stripe(String sku, int expectedPositions) {
        Sku s = Sku.of(sku);
        return index.getOrCreate(s, hash -> new SkuStripe(s, hash, order++, expectedPositions, index));
    }

    /** Puts {@code units} on hand at a new position for dense location {@code loc}; returns its slot. */
    private static int stock(SkuStripe s, int loc, int units) {
        s.lock();
        try {
            int slot = s.slotFor(loc);
            s.add(slot, SkuStripe.ON_HAND, units);
            return slot;
        } finally {
            s.unlock();
        }
    }

    @Test
    void finds_every_stripe_it_made_and_nothing_else() {
        List<SkuStripe> made = new ArrayList<>();
        for (int k = 0; k < 5_000; k++) {
            made.add(stripe("SKU-" + k, 1));
        }
        for (int k = 0; k < 5_000; k++) {
            assertThat(index.get(Sku.of("SKU-" + k))).isSameAs(made.get(k));
            assertThat(stripe("SKU-" + k, 1)).isSameAs(made.get(k));
        }
        assertThat(index.get(Sku.of("SKU-unknown"))).isNull();
    }

    @Test
    void the_position_hint_reads_the_live_positions_after_the_stripe_grew() {
        SkuStripe s = stripe("KETTLE", 1);
        int hash = StripeIndex.hash(Sku.of("KETTLE"));
        for (int loc = 0; loc < 40; loc++) {
            assertThat(stock(s, loc, 100 + loc)).isEqualTo(loc);
        }
        for (int loc = 0; loc < 40; loc++) {
            assertThat(index.touch(hash, loc)).isEqualTo(100 + loc);
        }
        assertThat(index.touch(hash, 40)).as("beyond the positions").isZero();
        assertThat(index.touch(hash, -1)).as("network-wide").isZero();
    }

    @Test
    void the_position_hints_survive_the_table_growing() {
        List<SkuStripe> made = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            SkuStripe s = stripe("SKU-" + k, 1);
            stock(s, 0, k + 1);
            made.add(s);
        }
        int atHome = 0;
        for (int k = 0; k < 3_000; k++) {
            int hash = StripeIndex.hash(Sku.of("SKU-" + k));
            // a hint belongs to the stripe in the home slot; a stripe moved on by a collision has none of its own
            if (index.first(hash) == made.get(k)) {
                assertThat(index.touch(hash, 0)).isEqualTo(k + 1);
                atHome++;
            }
        }
        assertThat(atHome).as("stripes in their home slot").isGreaterThan(2_000);
    }
}
