package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.ServiceLevel;
import io.omskit.orchestration.carrier.OnTimeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one node learnt of a carrier's punctuality is kept across a restart and seen by another node. */
class PostgresOnTimeRecordTest {

    private static final CarrierService GLS = CarrierService.of("GLS", "BUSINESS", ServiceLevel.ECONOMY);
    private static final Lane BERLIN = new Lane(LocationId.of("WH-1"), "DE", "10");
    private static final LocalDate PROMISED = LocalDate.of(2026, 3, 3);
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    private static FulfilmentEvent.ParcelDeliveryRecorded delivered(boolean onTime) {
        return new FulfilmentEvent.ParcelDeliveryRecorded(UUID.randomUUID(), FulfilmentId.of("F-1"), OrderId.of("O-1"),
                9, NOW, GLS, BERLIN, PROMISED, onTime ? PROMISED : PROMISED.plusDays(1), onTime);
    }

    @Test
    void a_restarted_node_starts_from_what_was_learnt_and_a_redelivered_event_counts_once() {
        OnTimeRecord first = OnTimeRecord.create().keptIn(new PostgresOnTimeRecordStore(TestDatabase.dataSource()));
        FulfilmentEvent.ParcelDeliveryRecorded late = delivered(false);
        first.observe(delivered(true));
        first.observe(delivered(true));
        first.observe(late);

        OnTimeRecord restarted = OnTimeRecord.create().keptIn(new PostgresOnTimeRecordStore(TestDatabase.dataSource()));
        restarted.observe(late);

        // whole country: (2 + 0.9 x 10) / (3 + 10) = 0.846; Berlin: (2 + 0.846 x 5) / (3 + 5) = 0.779
        assertThat(restarted.tally(GLS, BERLIN)).isEqualTo(new OnTimeRecord.Tally(2, 1));
        assertThat(restarted.onTimeProbability(GLS, BERLIN)).isCloseTo(0.7788, within(1e-4))
                .isEqualTo(first.onTimeProbability(GLS, BERLIN));
    }

    @Test
    void another_node_takes_in_what_this_one_recorded_when_it_refreshes() {
        OnTimeRecord nodeA = OnTimeRecord.create().keptIn(new PostgresOnTimeRecordStore(TestDatabase.dataSource()));
        OnTimeRecord nodeB = OnTimeRecord.create().keptIn(new PostgresOnTimeRecordStore(TestDatabase.dataSource()));
        FulfilmentEvent.ParcelDeliveryRecorded late = delivered(false);

        nodeA.observe(late);
        nodeB.observe(late);
        assertThat(nodeB.tally(GLS, BERLIN)).as("before refreshing, B knows only what it counted").isEqualTo(
                new OnTimeRecord.Tally(0, 0));
        nodeB.refresh();

        assertThat(nodeB.tally(GLS, BERLIN)).isEqualTo(new OnTimeRecord.Tally(0, 1));
        assertThat(nodeB.tally(GLS, BERLIN.wholeCountry())).isEqualTo(new OnTimeRecord.Tally(0, 1));
        assertThat(nodeB.onTimeProbability(GLS, BERLIN)).isEqualTo(nodeA.onTimeProbability(GLS, BERLIN));
    }
}
