package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.TrackingResult;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingWebhooksTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20);
    private final Parcel box = Parcel.of(900, 200, 150, 100);

    private Fulfilment booked(String ref) {
        FulfilmentId id = f.packedParcel(ref, 1);
        Quote paket = f.oms.fulfilments().quote(id, box).quotes().stream()
                .filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        return f.oms.fulfilments().book(id, box, paket).fulfilment();
    }

    private static TrackingEvent report(Fulfilment f, TrackingStatus status, String at) {
        return TrackingEvent.of("DHL", f.booking().trackingNumber(), status, status.name().toLowerCase(), Instant.parse(at));
    }

    @Test
    void the_first_scan_in_the_carriers_hands_ships_the_parcel_and_delivery_delivers_the_order() {
        Fulfilment parcel = booked("W-1");

        f.oms.fulfilments().track(report(parcel, TrackingStatus.PRE_TRANSIT, "2026-03-02T10:05:00Z"));
        assertThat(f.oms.fulfilments().get(parcel.id()).status()).as("a label alone ships nothing")
                .isEqualTo(FulfilmentStatus.READY_TO_SHIP);

        TrackingResult inTransit = f.oms.fulfilments().track(report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z"));
        assertThat(inTransit.isRecorded()).isTrue();
        assertThat(f.oms.fulfilments().get(parcel.id()).status()).isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(f.oms.fulfilments().get(parcel.id()).shipment().trackingNumber()).isEqualTo(parcel.booking().trackingNumber());

        f.oms.fulfilments().track(report(parcel, TrackingStatus.DELIVERED, "2026-03-03T11:00:00Z"));
        Fulfilment delivered = f.oms.fulfilments().get(parcel.id());
        assertThat(delivered.status()).isEqualTo(FulfilmentStatus.DELIVERED);
        assertThat(f.oms.order(delivered.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(f.events.events()).filteredOn(FulfilmentEvent.ParcelDeliveryRecorded.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((FulfilmentEvent.ParcelDeliveryRecorded) e).onTime()).isTrue());
    }

    @Test
    void a_duplicated_webhook_is_absorbed_and_changes_nothing() {
        Fulfilment parcel = booked("W-1");
        TrackingEvent scan = report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z");
        f.oms.fulfilments().track(scan);
        long version = f.oms.fulfilments().get(parcel.id()).version();

        TrackingResult again = f.oms.fulfilments().track(scan);

        assertThat(again.isDuplicate()).isTrue();
        assertThat(f.oms.fulfilments().get(parcel.id()).version()).isEqualTo(version);
        assertThat(f.oms.fulfilments().get(parcel.id()).booking().tracking().reports()).hasSize(1);
    }

    @Test
    void a_resent_history_adds_only_what_is_new_and_an_older_report_does_not_move_the_status_back() {
        Fulfilment parcel = booked("W-1");
        TrackingEvent pre = report(parcel, TrackingStatus.PRE_TRANSIT, "2026-03-02T10:05:00Z");
        TrackingEvent transit = report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z");
        TrackingEvent van = report(parcel, TrackingStatus.OUT_FOR_DELIVERY, "2026-03-03T07:30:00Z");
        f.oms.fulfilments().track(van);

        for (TrackingEvent e : List.of(pre, transit, van)) {
            f.oms.fulfilments().track(e);
        }

        Fulfilment after = f.oms.fulfilments().get(parcel.id());
        assertThat(after.booking().tracking().reports()).containsExactly(pre, transit, van);
        assertThat(after.booking().tracking().status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void a_recycled_tracking_number_goes_to_the_parcel_booked_most_recently_before_the_report() {
        f.carriers.issueTrackingNumberNext("DHL-RECYCLED-1");
        Fulfilment old = booked("W-OLD");
        f.oms.fulfilments().track(TrackingEvent.of("DHL", "DHL-RECYCLED-1", TrackingStatus.IN_TRANSIT, "", f.clock.instant()));
        f.clock.advance(Duration.ofDays(200));
        f.carriers.issueTrackingNumberNext("DHL-RECYCLED-1");
        Fulfilment fresh = booked("W-NEW");

        TrackingResult lateOldScan = f.oms.fulfilments().track(TrackingEvent.of("DHL", "DHL-RECYCLED-1",
                TrackingStatus.DELIVERED, "", old.booking().bookedAt().plus(Duration.ofDays(1))));
        TrackingResult newScan = f.oms.fulfilments().track(TrackingEvent.of("DHL", "DHL-RECYCLED-1",
                TrackingStatus.IN_TRANSIT, "", f.clock.instant().plusSeconds(3600)));

        assertThat(lateOldScan.<FulfilmentId>fold(r -> r.fulfilment().id(), d -> null, u -> null)).isEqualTo(old.id());
        assertThat(newScan.<FulfilmentId>fold(r -> r.fulfilment().id(), d -> null, u -> null)).isEqualTo(fresh.id());
        assertThat(f.oms.fulfilments().get(old.id()).status()).isEqualTo(FulfilmentStatus.DELIVERED);
        assertThat(f.oms.fulfilments().get(fresh.id()).status()).isEqualTo(FulfilmentStatus.SHIPPED);
    }

    @Test
    void a_report_for_a_number_nobody_booked_is_unmatched() {
        booked("W-1");

        TrackingResult result = f.oms.fulfilments().track(TrackingEvent.of("DHL", "NOT-OURS", TrackingStatus.IN_TRANSIT,
                "", f.clock.instant()));

        assertThat(result.isUnmatched()).isTrue();
    }

    @Test
    void a_revised_estimate_past_the_promise_raises_parcel_delayed_once_for_that_day() {
        Fulfilment parcel = booked("W-1");
        TrackingEvent late = report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z")
                .withEstimatedDelivery(LocalDate.of(2026, 3, 5));

        f.oms.fulfilments().track(late);
        f.oms.fulfilments().track(report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-03T06:00:00Z"));

        Fulfilment after = f.oms.fulfilments().get(parcel.id());
        assertThat(after.booking().tracking().expectedDelivery()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(after.booking().late()).isTrue();
        assertThat(f.events.events()).filteredOn(FulfilmentEvent.ParcelDelayed.class::isInstance).singleElement()
                .satisfies(e -> {
                    FulfilmentEvent.ParcelDelayed d = (FulfilmentEvent.ParcelDelayed) e;
                    assertThat(d.promisedBy()).isEqualTo(LocalDate.of(2026, 3, 3));
                    assertThat(d.expectedDelivery()).isEqualTo(LocalDate.of(2026, 3, 5));
                });
    }

    @Test
    void a_parcel_still_on_its_way_after_the_promised_day_raises_parcel_delayed_without_an_estimate() {
        Fulfilment parcel = booked("W-1");
        f.oms.fulfilments().track(report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z"));
        assertThat(f.events.events(FulfilmentEvent.ParcelDelayed.class)).isEmpty();

        f.oms.fulfilments().track(report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-04T07:00:00Z"));
        f.oms.fulfilments().track(report(parcel, TrackingStatus.OUT_FOR_DELIVERY, "2026-03-04T09:00:00Z"));

        assertThat(f.events.events(FulfilmentEvent.ParcelDelayed.class)).singleElement().satisfies(d -> {
            assertThat(d.promisedBy()).isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(d.expectedDelivery()).isNull();
        });
        assertThat(f.oms.fulfilments().get(parcel.id()).booking().late()).isTrue();
    }

    @Test
    void a_failed_attempt_raises_delivery_failed_for_customer_service_and_a_late_delivery_is_recorded_late() {
        Fulfilment parcel = booked("W-1");
        f.oms.fulfilments().track(report(parcel, TrackingStatus.IN_TRANSIT, "2026-03-02T18:00:00Z"));

        f.oms.fulfilments().track(TrackingEvent.of("DHL", parcel.booking().trackingNumber(), TrackingStatus.FAILED_ATTEMPT,
                "recipient not at home", Instant.parse("2026-03-03T12:00:00Z")));
        f.oms.fulfilments().track(report(parcel, TrackingStatus.DELIVERED, "2026-03-04T12:00:00Z"));

        assertThat(f.events.events()).filteredOn(FulfilmentEvent.DeliveryFailed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((FulfilmentEvent.DeliveryFailed) e).detail()).isEqualTo("recipient not at home"));
        assertThat(f.events.events()).filteredOn(FulfilmentEvent.ParcelDeliveryRecorded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((FulfilmentEvent.ParcelDeliveryRecorded) e).onTime()).isFalse());
        assertThat(f.oms.fulfilments().get(parcel.id()).status()).isEqualTo(FulfilmentStatus.DELIVERED);
    }
}
