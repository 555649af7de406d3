package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.GeoPoint;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What is kept per destination is kept from a destination's second sighting on, made once, within its bound
 * (a full cache makes room for one key, it is not emptied). */
class KeptTest {

    @Test
    void a_value_is_kept_from_the_second_sighting_on() {
        AtomicInteger made = new AtomicInteger();
        Kept<GeoPoint, int[]> kept = new Kept<>(8, key -> new int[] {made.incrementAndGet()});
        GeoPoint berlin = GeoPoint.of(52.52, 13.40);
        assertThat(kept.get(berlin)).isNull();
        int[] second = kept.get(GeoPoint.of(52.52, 13.40));
        assertThat(second).containsExactly(1);
        assertThat(kept.get(GeoPoint.of(48.14, 11.58))).isNull();
        assertThat(kept.get(berlin)).isSameAs(second);
        assertThat(made).hasValue(1);
    }

    @Test
    void a_full_cache_keeps_the_destinations_asked_lately() {
        AtomicInteger made = new AtomicInteger();
        Kept<String, String> kept = new Kept<>(2, key -> key + "#" + made.incrementAndGet());
        for (String key : new String[] {"north", "south", "west"}) {
            assertThat(kept.get(key)).isNull();
        }
        assertThat(kept.get("north")).isEqualTo("north#1");
        assertThat(kept.get("south")).isEqualTo("south#2");
        assertThat(kept.get("west")).isEqualTo("west#3");
        // room was made for west by evicting one of the others, not by starting empty: west is kept, as made
        assertThat(kept.get("west")).isEqualTo("west#3");
        assertThat(made).hasValue(3);
    }
}
