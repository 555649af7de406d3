package io.omskit.orchestration.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.LocationId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.ServiceLevel;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class OnTimeRecordProperties {

    private static final CarrierService DHL = CarrierService.of("DHL", "PAKET", ServiceLevel.STANDARD);
    private static final Lane LANE = new Lane(LocationId.of("WH-1"), "DE", "10");

    @Property(tries = 200)
    void an_on_time_parcel_never_lowers_and_a_late_one_never_raises_the_probability_which_stays_between_0_and_1(
            @ForAll @Size(max = 60) List<Boolean> history, @ForAll boolean next) {
        OnTimeRecord record = OnTimeRecord.create();
        for (boolean onTime : history) {
            record.record(DHL, LANE, onTime);
        }
        double before = record.onTimeProbability(DHL, LANE);

        record.record(DHL, LANE, next);
        double after = record.onTimeProbability(DHL, LANE);

        assertThat(after).isBetween(0.0, 1.0);
        if (next) {
            assertThat(after).isGreaterThanOrEqualTo(before);
        } else {
            assertThat(after).isLessThanOrEqualTo(before);
        }
    }

    @Property(tries = 200)
    void the_order_of_the_history_does_not_matter(@ForAll @Size(max = 40) List<Boolean> history) {
        OnTimeRecord forward = OnTimeRecord.create();
        OnTimeRecord backward = OnTimeRecord.create();
        for (int i = 0; i < history.size(); i++) {
            forward.record(DHL, LANE, history.get(i));
            backward.record(DHL, LANE, history.get(history.size() - 1 - i));
        }

        assertThat(backward.onTimeProbability(DHL, LANE)).isEqualTo(forward.onTimeProbability(DHL, LANE));
    }
}
