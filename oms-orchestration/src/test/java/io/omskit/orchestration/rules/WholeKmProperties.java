package io.omskit.orchestration.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Whole km in justifications are written as the formatter writes {@code %.0f}, halves and far distances included. */
class WholeKmProperties {

    @Property(tries = 500)
    void any_distance_is_written_as_the_formatter_writes_it(@ForAll @DoubleRange(min = 0, max = 1e17) double km) {
        assertThat(Costs.wholeKm(km)).isEqualTo(String.format(Locale.ROOT, "%.0f", km));
    }

    @Property(tries = 300)
    void halves_and_their_neighbours_round_as_the_formatter_rounds(@ForAll @IntRange(min = 0, max = 100_000) int whole) {
        double half = whole + 0.5;
        for (double km : new double[] {half, Math.nextDown(half), Math.nextUp(half), whole, Math.nextDown((double) whole)}) {
            assertThat(Costs.wholeKm(km)).as("%s", km).isEqualTo(String.format(Locale.ROOT, "%.0f", km));
        }
    }

    @Example
    void too_far_names_the_location_its_distance_and_the_limit() {
        var tooFar = new MaxDistanceFilter.TooFar(io.omskit.core.network.LocationId.of("W7"), 412.5, 400);
        assertThat(tooFar.summary()).isEqualTo("W7 is 413 km from the destination, limit 400 km");
    }
}
