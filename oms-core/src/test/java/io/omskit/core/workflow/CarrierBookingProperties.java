package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.BookingState;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Retries of a booking, with the carrier failing, timing out or unreachable at random, never give a parcel two labels. */
class CarrierBookingProperties {

    enum Fault { NONE, DECLINE, TIMEOUT_BOOKED, TIMEOUT_NOT_BOOKED, UNREACHABLE }

    enum Call { BOOK_PAKET, BOOK_GLS, RECONCILE, CANCEL_BOOKING }

    record Step(Fault fault, Call call) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Fault.class), Arbitraries.of(Call.class)).as(Step::new).list().ofMinSize(1)
                .ofMaxSize(12);
    }

    @Property(tries = 200)
    void retries_with_unknown_outcomes_never_produce_two_labels_for_one_parcel(@ForAll("steps") List<Step> steps) {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 5);
        FulfilmentId id = f.packedParcel("W-P", 1);
        Parcel box = Parcel.of(800, 200, 150, 100);
        List<Quote> quotes = f.oms.fulfilments().quote(id, box).quotes();
        Quote paket = quotes.stream().filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        Quote gls = quotes.stream().filter(q -> q.service().toString().equals("GLS BUSINESS")).findFirst().orElseThrow();

        for (Step step : steps) {
            inject(f.carriers, step.fault());
            try {
                switch (step.call()) {
                    case BOOK_PAKET -> f.oms.fulfilments().book(id, box, paket);
                    case BOOK_GLS -> f.oms.fulfilments().book(id, box, gls);
                    case RECONCILE -> {
                        Fulfilment before = f.oms.fulfilments().get(id);
                        if (before.booking() != null && before.booking().state() != BookingState.CANCELLED) {
                            f.oms.fulfilments().reconcileBooking(id);
                        }
                    }
                    case CANCEL_BOOKING -> f.oms.fulfilments().cancelBooking(id);
                }
            } catch (IllegalArgumentException anotherServiceWhileOneIsLive) {
                assertThat(anotherServiceWhileOneIsLive).hasMessageContaining("quote must be for");
            } catch (IllegalStateException cancellationNotConfirmed) {
                assertThat(cancellationNotConfirmed).hasMessageContaining("is not confirmed by the carrier yet");
            }
            assertThat(f.carriers.liveBookingsFor(id.value())).as("live labels after %s", step).hasSizeLessThanOrEqualTo(1);
            Fulfilment now = f.oms.fulfilments().get(id);
            if (now.booking() != null && now.booking().state() == BookingState.BOOKED) {
                assertThat(f.carriers.liveBookingsFor(id.value())).extracting(FakeCarrierGateway.Booking::label)
                        .containsExactly(now.booking().label());
            }
        }

        // with the carrier answering again, the recorded booking and the carrier agree
        f.carriers.clearFaults();
        Fulfilment end = f.oms.fulfilments().get(id);
        if (end.booking() != null && end.booking().state() == BookingState.REQUESTED) {
            BookingAttempt settled = f.oms.fulfilments().reconcileBooking(id);
            assertThat(settled.isPending()).isFalse();
            end = settled.fulfilment();
        }
        if (end.booking() != null && end.booking().state() == BookingState.CANCEL_REQUESTED) {
            assertThat(f.oms.fulfilments().cancelBooking(id).succeeded()).isTrue();
            end = f.oms.fulfilments().get(id);
        }
        List<FakeCarrierGateway.Booking> live = f.carriers.liveBookingsFor(id.value());
        if (end.booking() != null && end.booking().state() == BookingState.BOOKED) {
            assertThat(live).extracting(FakeCarrierGateway.Booking::label).containsExactly(end.booking().label());
        } else {
            assertThat(live).as("no label outlives a booking that is %s", end.booking() == null ? "absent"
                    : end.booking().state()).isEmpty();
        }
    }

    private static void inject(FakeCarrierGateway carriers, Fault fault) {
        switch (fault) {
            case NONE -> { }
            case DECLINE -> carriers.declineNext("declined by the property");
            case TIMEOUT_BOOKED -> carriers.timeOutNext(true);
            case TIMEOUT_NOT_BOOKED -> carriers.timeOutNext(false);
            case UNREACHABLE -> carriers.unreachableNext();
        }
    }
}
