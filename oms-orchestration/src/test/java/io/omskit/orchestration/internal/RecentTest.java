package io.omskit.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.GeoPoint;
import org.junit.jupiter.api.Test;

/** What is kept per destination is kept from a destination's second sighting on. */
class RecentTest {

    @Test
    void a_key_comes_again_from_its_second_sighting() {
        Context.Recent recent = new Context.Recent();
        GeoPoint berlin = GeoPoint.of(52.52, 13.40);
        assertThat(recent.again(berlin)).isFalse();
        assertThat(recent.again(GeoPoint.of(52.52, 13.40))).isTrue();
        assertThat(recent.again(GeoPoint.of(48.14, 11.58))).isFalse();
        assertThat(recent.again(berlin)).isTrue();
    }
}
