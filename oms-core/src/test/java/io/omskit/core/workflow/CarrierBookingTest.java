package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.BookingState;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CarrierBookingTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 20);
    private final Parcel box = Parcel.of(1_400, 300, 200, 150);

    private Quote quoteOf(FulfilmentId id, String carrier, String service) {
        QuoteResult quotes = f.oms.fulfilments().quote(id, box);
        assertThat(quotes.succeeded()).isTrue();
        return quotes.quotes().stream().filter(q -> q.service().carrier().equals(carrier) && q.service().service().equals(service))
                .findFirst().orElseThrow();
    }

    @Test
    void quotes_every_service_that_serves_the_lane_cheapest_first_priced_by_chargeable_weight() {
        FulfilmentId id = f.packedParcel("W-1", 2);

        QuoteResult quotes = f.oms.fulfilments().quote(id, box);

        assertThat(quotes.quotes()).extracting(q -> q.service().toString())
                .containsExactly("GLS BUSINESS", "DHL PAKET", "UPS STANDARD", "DHL EXPRESS");
        // 300 x 200 x 150 mm is 1800 g volumetric: one kilogram over the base
        assertThat(quotes.quotes().get(0).price()).isEqualTo(eur(3.90));
        assertThat(quotes.quotes().get(1).transitDays()).isEqualTo(1);
    }

    @Test
    void booking_records_the_label_on_the_fulfilment_and_shipping_uses_its_tracking_number() {
        FulfilmentId id = f.packedParcel("W-1", 2);

        BookingAttempt attempt = f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET"));

        assertThat(attempt.isBooked()).isTrue();
        Fulfilment booked = attempt.fulfilment();
        assertThat(booked.booking().state()).isEqualTo(BookingState.BOOKED);
        assertThat(booked.booking().label().trackingNumber()).startsWith("DHL");
        assertThat(booked.booking().label().document()).isNotEmpty();
        assertThat(booked.booking().price()).isEqualTo(eur(4.50));
        assertThat(booked.booking().lane().destination()).isEqualTo("DE-10");
        assertThat(booked.status()).as("booking leaves the status").isEqualTo(FulfilmentStatus.READY_TO_SHIP);
        assertThat(f.events.events()).hasAtLeastOneElementOfType(FulfilmentEvent.ParcelBookingRequested.class)
                .hasAtLeastOneElementOfType(FulfilmentEvent.ParcelBooked.class);

        Fulfilment shipped = f.oms.fulfilments().ship(id);
        assertThat(shipped.shipment().trackingNumber()).isEqualTo(booked.booking().trackingNumber());
        assertThat(shipped.shipment().carrier()).isEqualTo("DHL");
        assertThat(f.oms.order(shipped.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void booking_again_returns_the_label_it_has_instead_of_a_second_one() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Quote paket = quoteOf(id, "DHL", "PAKET");

        BookingAttempt first = f.oms.fulfilments().book(id, box, paket);
        BookingAttempt second = f.oms.fulfilments().book(id, box, paket);

        assertThat(second.<io.omskit.core.shipping.Label>fold(BookingAttempt.Booked::label, d -> null, p -> null)).isEqualTo(
                first.fold(BookingAttempt.Booked::label, d -> null, p -> null));
        assertThat(f.carriers.liveBookingsFor(id.value())).hasSize(1);
    }

    @Test
    void a_timed_out_booking_is_pending_and_reconciled_with_the_same_key_into_the_one_label() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Quote ups = quoteOf(id, "UPS", "STANDARD");
        f.carriers.timeOutNext(true);

        BookingAttempt attempt = f.oms.fulfilments().book(id, box, ups);

        assertThat(attempt).isInstanceOfSatisfying(BookingAttempt.Pending.class,
                p -> assertThat(p.outcome()).isEqualTo(CarrierOutcome.UNKNOWN));
        assertThat(attempt.fulfilment().booking().state()).isEqualTo(BookingState.REQUESTED);
        assertThat(f.carriers.liveBookingsFor(id.value())).as("the carrier did book").hasSize(1);

        BookingAttempt reconciled = f.oms.fulfilments().reconcileBooking(id);

        assertThat(reconciled.isBooked()).isTrue();
        assertThat(f.carriers.liveBookingsFor(id.value())).hasSize(1);
        assertThat(reconciled.fulfilment().booking().trackingNumber())
                .isEqualTo(f.carriers.liveBookingsFor(id.value()).get(0).label().trackingNumber());
    }

    @Test
    void a_pending_booking_blocks_a_booking_with_another_service_until_it_is_resolved() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Quote paket = quoteOf(id, "DHL", "PAKET");
        Quote gls = quoteOf(id, "GLS", "BUSINESS");
        f.carriers.unreachableNext();
        assertThat(f.oms.fulfilments().book(id, box, paket).isPending()).isTrue();

        assertThatThrownBy(() -> f.oms.fulfilments().book(id, box, gls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quote must be for DHL PAKET").hasMessageContaining("was GLS BUSINESS");
        assertThat(f.carriers.liveBookingsFor(id.value())).hasSize(1);
        assertThat(f.carriers.liveBookingsFor(id.value()).get(0).request().service().carrier()).isEqualTo("DHL");
    }

    @Test
    void a_declined_booking_is_a_value_with_the_reason_and_another_service_can_then_be_booked_under_a_new_key() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Quote gls = quoteOf(id, "GLS", "BUSINESS");
        f.carriers.declineNext("postcode not served");

        BookingAttempt declined = f.oms.fulfilments().book(id, box, gls);

        assertThat(declined).isInstanceOfSatisfying(BookingAttempt.Declined.class,
                d -> assertThat(d.reason()).isEqualTo("postcode not served"));
        assertThat(declined.fulfilment().booking().state()).isEqualTo(BookingState.DECLINED);

        BookingAttempt booked = f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET"));
        assertThat(booked.isBooked()).isTrue();
        assertThat(booked.fulfilment().booking().attempt()).isEqualTo(2);
        assertThat(booked.fulfilment().booking().key()).isNotEqualTo(declined.fulfilment().booking().key());
    }

    @Test
    void cancelling_the_fulfilment_cancels_its_booking_with_the_carrier() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET"));

        Fulfilment cancelled = f.oms.fulfilments().cancel(id, null, CancellationReason.CUSTOMER_REQUEST, "cs-1");

        assertThat(cancelled.status()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(cancelled.booking().state()).isEqualTo(BookingState.CANCELLED);
        assertThat(f.carriers.liveBookingsFor(id.value())).isEmpty();
        assertThat(f.events.events()).hasAtLeastOneElementOfType(FulfilmentEvent.ParcelBookingCancelled.class);
    }

    @Test
    void a_cancellation_the_carrier_cannot_take_now_is_finished_by_sync() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Fulfilment booked = f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET")).fulfilment();
        f.carriers.unreachableNext();

        Fulfilment cancelled = f.oms.fulfilments().cancel(id, null, CancellationReason.CUSTOMER_REQUEST, "cs-1");
        assertThat(cancelled.booking().state()).as("recorded, not confirmed").isEqualTo(BookingState.CANCEL_REQUESTED);
        assertThatThrownBy(() -> f.oms.fulfilments().ship(id)).isInstanceOf(IllegalStateException.class);

        f.oms.fulfilments().sync(booked.orderId());

        assertThat(f.oms.fulfilments().get(id).booking().state()).isEqualTo(BookingState.CANCELLED);
        assertThat(f.carriers.liveBookingsFor(id.value())).isEmpty();
    }

    @Test
    void a_label_the_carrier_has_collected_cannot_be_cancelled_and_its_booking_stands() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Fulfilment booked = f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET")).fulfilment();
        f.carriers.collected(booked.booking().label().bookingRef());

        var result = f.oms.fulfilments().cancelBooking(id);

        assertThat(result.outcome()).isEqualTo(CarrierOutcome.DECLINED);
        assertThat(result.message()).contains("was collected");
        assertThat(f.oms.fulfilments().get(id).booking().state()).isEqualTo(BookingState.BOOKED);
        assertThat(f.oms.fulfilments().get(id).booking().message()).contains("was collected");
        assertThat(f.events.events()).hasAtLeastOneElementOfType(FulfilmentEvent.ParcelBookingCancellationDeclined.class);
    }

    @Test
    void a_label_is_booked_only_for_a_packed_fulfilment() {
        var order = f.oms.placeOrder(f.webOrder("W-2").line("1", "MUG", 1, eur(10)).build()).order();
        f.oms.allocate(order.id(), "W-2-WH", WH, java.util.List.of(io.omskit.core.order.LineQuantity.of(
                io.omskit.core.order.LineId.of("1"), 1)));
        FulfilmentId id = FulfilmentId.of("W-2-WH");
        Quote quote = quoteOf(id, "DHL", "PAKET");

        assertThatThrownBy(() -> f.oms.fulfilments().book(id, box, quote))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("it is OFFERED")
                .hasMessageContaining("READY_TO_SHIP");
        assertThat(f.carriers.bookings()).isEmpty();
        assertThat(f.oms.fulfilments().get(id).booking()).isNull();
    }

    @Test
    void the_promise_kept_with_the_booking_is_the_end_of_the_promised_window_or_else_the_quoted_day() {
        FulfilmentId id = f.packedParcel("W-1", 2);
        Quote paket = quoteOf(id, "DHL", "PAKET");

        Fulfilment booked = f.oms.fulfilments().book(id, box, paket).fulfilment();

        // booked at 10:00 UTC before the 17:00 cut-off, one day in transit
        assertThat(booked.booking().quotedDelivery()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(booked.booking().promisedBy()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void cancelling_part_of_a_booked_parcel_voids_its_label_and_the_parcel_is_booked_again_as_it_now_is() {
        FulfilmentId id = f.packedParcel("W-1", 3);
        Fulfilment booked = f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET")).fulfilment();

        Fulfilment partCancelled = f.oms.fulfilments().cancel(id, java.util.List.of(io.omskit.core.order.LineQuantity.of(
                io.omskit.core.order.LineId.of("1"), 1)), CancellationReason.CUSTOMER_REQUEST, "cancel-1");

        assertThat(partCancelled.status()).isEqualTo(FulfilmentStatus.READY_TO_SHIP);
        assertThat(partCancelled.booking().state()).as("the label declared three mugs").isEqualTo(BookingState.CANCELLED);
        assertThat(partCancelled.bookingOutdated()).isFalse();
        assertThat(f.carriers.liveBookingsFor(id.value())).isEmpty();

        Parcel smaller = Parcel.of(900, 300, 200, 100);
        Quote paket = f.oms.fulfilments().quote(id, smaller).quotes().stream()
                .filter(q -> q.service().carrier().equals("DHL") && q.service().service().equals("PAKET")).findFirst().orElseThrow();
        Fulfilment rebooked = f.oms.fulfilments().book(id, smaller, paket).fulfilment();

        assertThat(rebooked.booking().state()).isEqualTo(BookingState.BOOKED);
        assertThat(rebooked.booking().key().value()).isEqualTo(id.value() + "/label-2");
        assertThat(rebooked.booking().parcel()).isEqualTo(smaller);
        assertThat(f.carriers.liveBookingsFor(id.value())).singleElement()
                .satisfies(b -> assertThat(b.label().trackingNumber()).isNotEqualTo(booked.booking().trackingNumber()));
        assertThat(f.oms.fulfilments().ship(id).shipment().trackingNumber()).isEqualTo(rebooked.booking().trackingNumber());
    }

    @Test
    void a_label_the_carrier_could_not_void_at_the_part_cancellation_is_voided_by_the_retry_or_the_sync() {
        FulfilmentId id = f.packedParcel("W-1", 3);
        f.oms.fulfilments().book(id, box, quoteOf(id, "DHL", "PAKET"));
        java.util.List<io.omskit.core.order.LineQuantity> one = java.util.List.of(io.omskit.core.order.LineQuantity.of(
                io.omskit.core.order.LineId.of("1"), 1));
        f.carriers.unreachableNext();

        Fulfilment afterFailure = f.oms.fulfilments().cancel(id, one, CancellationReason.CUSTOMER_REQUEST, "cancel-1");

        assertThat(afterFailure.booking().state()).as("the void recorded, not confirmed").isEqualTo(BookingState.CANCEL_REQUESTED);
        assertThat(afterFailure.canBook()).as("not while the old label is live").isFalse();
        assertThat(f.carriers.liveBookingsFor(id.value())).hasSize(1);

        Fulfilment retried = f.oms.fulfilments().cancel(id, one, CancellationReason.CUSTOMER_REQUEST, "cancel-1");

        assertThat(retried.booking().state()).isEqualTo(BookingState.CANCELLED);
        assertThat(retried.lines().get(0).cancelled()).as("the units cancelled once").isEqualTo(1);
        assertThat(f.carriers.liveBookingsFor(id.value())).isEmpty();
        assertThat(retried.canBook()).isTrue();
    }
}
