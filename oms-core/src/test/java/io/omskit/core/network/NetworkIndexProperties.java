package io.omskit.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * A network's dense index by id: every location is found at its position (by the same id instance or an equal one),
 * an unknown id is not, and replacing a location keeps its index.
 */
class NetworkIndexProperties {

    @Property(tries = 300)
    void every_location_is_found_at_its_position_and_nothing_else_is(
            @ForAll @Size(max = 300) Set<@AlphaChars @StringLength(min = 1, max = 6) String> ids,
            @ForAll @Size(max = 20) List<@AlphaChars @StringLength(min = 1, max = 6) String> asked) {
        List<Location> locations = new ArrayList<>();
        for (String id : ids) {
            locations.add(location(id));
        }
        Network network = Network.of(locations);
        List<String> order = new ArrayList<>(ids);
        for (int i = 0; i < order.size(); i++) {
            assertThat(network.indexOf(locations.get(i).id())).isEqualTo(i);
            // a fresh instance, equal but not the same
            assertThat(network.indexOf(LocationId.of(new String(order.get(i).toCharArray())))).isEqualTo(i);
            assertThat(network.at(i).id()).isEqualTo(LocationId.of(order.get(i)));
        }
        for (String id : asked) {
            int expected = order.indexOf(id);
            assertThat(network.indexOf(LocationId.of(id))).as(id).isEqualTo(expected);
            assertThat(network.find(LocationId.of(id)).isPresent()).isEqualTo(expected >= 0);
        }
        assertThat(network.indexOf(null)).isEqualTo(-1);
    }

    @Property(tries = 100)
    void replacing_a_location_keeps_its_index_and_adding_one_appends_it(
            @ForAll @Size(min = 1, max = 100) Set<@AlphaChars @StringLength(min = 1, max = 4) String> ids,
            @ForAll @IntRange(min = 0, max = 99) int which) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(ids));
        List<Location> locations = new ArrayList<>();
        for (String id : order) {
            locations.add(location(id));
        }
        Network network = Network.of(locations);
        String replaced = order.get(which % order.size());
        Location store = Location.builder(LocationId.of(replaced), LocationType.STORE, GeoPoint.of(1, 1)).build();
        Network changed = network.with(store);
        assertThat(changed.size()).isEqualTo(order.size());
        assertThat(changed.indexOf(LocationId.of(replaced))).isEqualTo(which % order.size());
        assertThat(changed.at(which % order.size()).type()).isEqualTo(LocationType.STORE);

        Network grown = network.with(location("new-location"));
        assertThat(grown.indexOf(LocationId.of("new-location"))).isEqualTo(order.size());
        for (int i = 0; i < order.size(); i++) {
            assertThat(grown.indexOf(LocationId.of(order.get(i)))).isEqualTo(i);
        }
    }

    @Test
    void two_locations_with_one_id_are_refused() {
        assertThatThrownBy(() -> Network.of(List.of(location("W1"), location("W2"), location("W1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W1").hasMessageContaining("twice");
    }

    @Test
    void an_empty_network_finds_nothing() {
        assertThat(Network.empty().indexOf(LocationId.of("W1"))).isEqualTo(-1);
        assertThat(Network.empty().find(LocationId.of("W1"))).isEmpty();
    }

    private static Location location(String id) {
        return Location.builder(LocationId.of(id), LocationType.WAREHOUSE, GeoPoint.of(50, 10)).build();
    }
}
