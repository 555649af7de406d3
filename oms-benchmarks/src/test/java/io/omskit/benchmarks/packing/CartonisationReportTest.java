package io.omskit.benchmarks.packing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.orchestration.packing.Cartoniser;
import org.junit.jupiter.api.Test;

/** The counts the cartonisation report publishes. */
class CartonisationReportTest {

    @Test
    void every_fulfilment_of_seven_and_eight_units_is_proved_optimal() {
        Cartoniser cartoniser = Cartoniser.of(PackingInstances.CATALOGUE, PackingInstances.TARIFF);

        // before the complete fit search: 91 of 100 at 7 units and 82 at 8, and those only among loader-built packings
        assertThat(CartonisationReport.provedOptimal(cartoniser, 7)).isEqualTo(100);
        assertThat(CartonisationReport.provedOptimal(cartoniser, 8)).isEqualTo(100);
    }
}
