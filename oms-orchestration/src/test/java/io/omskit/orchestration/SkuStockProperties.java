package io.omskit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.orchestration.stock.SkuStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A SKU's stock per location answers as the map of locations to units it was made from. */
class SkuStockProperties {

    @Property(tries = 300)
    void answers_as_the_map_it_was_made_from(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 60) Integer> locations,
                                            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 9) Integer> units) {
        int n = Math.min(locations.size(), units.size());
        Map<Integer, Integer> expected = new TreeMap<>();
        List<Integer> distinct = new ArrayList<>();
        List<Integer> theirUnits = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!distinct.contains(locations.get(k))) {
                distinct.add(locations.get(k));
                theirUnits.add(units.get(k));
                if (units.get(k) > 0) {
                    expected.put(locations.get(k), units.get(k));
                }
            }
        }
        SkuStock stock = SkuStock.of(distinct.stream().mapToInt(Integer::intValue).toArray(),
                theirUnits.stream().mapToInt(Integer::intValue).toArray());

        assertThat(stock.size()).isEqualTo(expected.size());
        int k = 0;
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            assertThat(stock.location(k)).as("location %d, ascending", k).isEqualTo(e.getKey());
            assertThat(stock.units(k)).as("units at entry %d", k).isEqualTo(e.getValue());
            k++;
        }
        for (int location = 0; location <= 61; location++) {
            assertThat(stock.unitsAt(location)).as("units at %d", location).isEqualTo(expected.getOrDefault(location, 0));
        }
        assertThat(stock.total()).isEqualTo(expected.values().stream().mapToLong(Integer::longValue).sum());
        SkuStock limited = stock.withNetworkLimit(1);
        assertThat(limited.total()).isEqualTo(stock.total());
        assertThat(limited.networkLimit()).isEqualTo(stock.total() > 1 ? 1 : Integer.MAX_VALUE);
        assertThat(limited.equals(stock)).isEqualTo(stock.total() <= 1);
        assertThat(SkuStock.of(distinct.stream().mapToInt(Integer::intValue).toArray(),
                theirUnits.stream().mapToInt(Integer::intValue).toArray())).isEqualTo(stock).hasSameHashCodeAs(stock);
    }

    @Example
    void a_repeated_location_is_refused_naming_it() {
        assertThatThrownBy(() -> SkuStock.of(new int[] {4, 2, 4}, new int[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 appears twice");
    }
}
