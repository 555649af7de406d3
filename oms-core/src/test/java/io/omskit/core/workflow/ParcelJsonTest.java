package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A fulfilment with a booking and tracking is stored as JSON by both repositories; one written before bookings still reads. */
class ParcelJsonTest {

    private final ObjectMapper mapper = OmsJson.newMapper();
    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 5);

    private Fulfilment bookedAndTracked() {
        FulfilmentId id = f.packedParcel("W-J", 1);
        Parcel box = Parcel.of(800, 200, 150, 100);
        Quote paket = f.oms.fulfilments().quote(id, box).quotes().get(0);
        Fulfilment booked = f.oms.fulfilments().book(id, box, paket).fulfilment();
        f.oms.fulfilments().track(TrackingEvent.of(paket.service().carrier(), booked.booking().trackingNumber(),
                TrackingStatus.EXCEPTION, "address incomplete", Instant.parse("2026-03-02T18:00:00Z"))
                .withEstimatedDelivery(LocalDate.of(2026, 3, 9)));
        f.oms.fulfilments().track(TrackingEvent.of(paket.service().carrier(), booked.booking().trackingNumber(),
                TrackingStatus.DELIVERED, "", Instant.parse("2026-03-05T09:00:00Z")));
        return f.oms.fulfilments().get(id);
    }

    @Test
    void a_booked_and_tracked_fulfilment_survives_a_round_trip() throws Exception {
        Fulfilment tracked = bookedAndTracked();

        Fulfilment back = mapper.readValue(mapper.writeValueAsString(tracked), Fulfilment.class);

        assertThat(back).isEqualTo(tracked);
        assertThat(back.booking().label().document()).isEqualTo(tracked.booking().label().document());
    }

    @Test
    void every_booking_and_tracking_event_survives_a_round_trip() throws Exception {
        bookedAndTracked();
        f.oms.fulfilments().book(f.packedParcel("W-K", 1), Parcel.of(800, 200, 150, 100),
                f.oms.fulfilments().quote(FulfilmentId.of("W-K-WH"), Parcel.of(800, 200, 150, 100)).quotes().get(0));
        f.oms.fulfilments().cancel(FulfilmentId.of("W-K-WH"), null, io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST, "c");

        var raised = f.events.events().stream().filter(e -> e instanceof FulfilmentEvent
                && e.getClass().getSimpleName().startsWith("Parcel") || e instanceof FulfilmentEvent.DeliveryFailed).toList();
        assertThat(raised).extracting(e -> e.getClass().getSimpleName()).contains("ParcelBookingRequested", "ParcelBooked",
                "ParcelTracked", "ParcelDelayed", "DeliveryFailed", "ParcelDeliveryRecorded",
                "ParcelBookingCancellationRequested", "ParcelBookingCancelled");
        for (DomainEvent e : raised) {
            assertThat(mapper.readValue(mapper.writeValueAsString(e), DomainEvent.class)).isEqualTo(e);
        }
    }

    @Test
    void a_fulfilment_written_before_bookings_existed_reads_with_none() throws Exception {
        Fulfilment tracked = bookedAndTracked();
        ObjectNode json = (ObjectNode) mapper.valueToTree(tracked);
        json.remove("booking");

        Fulfilment old = mapper.treeToValue(json, Fulfilment.class);

        assertThat(old.booking()).isNull();
        assertThat(old.id()).isEqualTo(tracked.id());
    }
}
