package io.omskit.benchmarks.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.orchestration.packing.Cartoniser;
import org.junit.jupiter.api.Test;

/** The counts the cartonisation report publishes. */
class CartonisationReportTest {

    @Test
    void every_fulfilment_of_eight_units_is_proved_optimal() {
        Cartoniser cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);

        // before the complete fit search: 82 of 100, and those only among packings a loader builds
        assertThat(CartonisationReport.provedOptimal(cartoniser, 8)).isEqualTo(100);
    }
}
