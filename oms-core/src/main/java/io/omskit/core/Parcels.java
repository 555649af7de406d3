package io.omskit.core;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.BookingState;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ParcelBooking;
import io.omskit.core.fulfilment.TrackingResult;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.core.order.Order;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.CancelBookingRequest;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.QuoteRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * A fulfilment's parcel with the carriers: quotes, the booking of its label (recorded under a key before the carrier is
 * asked, so an unknown outcome is asked again with the same key and a parcel never gets two labels), its cancellation,
 * and the carriers' tracking reports. Used by {@link Fulfilments}.
 */
final class Parcels {

    /** How much earlier than its booking a report may be and still be the booking's (carrier and OMS clocks differ). */
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    interface Recorder {
        Fulfilment record(FulfilmentId id, Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command);
    }

    private final CarrierGateway carriers;
    private final FulfilmentRepository repository;
    private final OrderBook book;
    private final Recorder recorder;
    private final Clock clock;

    Parcels(CarrierGateway carriers, FulfilmentRepository repository, OrderBook book, Recorder recorder, Clock clock) {
        this.carriers = carriers;
        this.repository = repository;
        this.book = book;
        this.recorder = recorder;
        this.clock = clock;
    }

    QuoteResult quote(Fulfilment f, Parcel parcel) {
        Checks.notNull(parcel, "parcel");
        return carriers().quote(new QuoteRequest(parcel, f.location(), destination(f)));
    }

    BookingAttempt book(Fulfilment read, Parcel parcel, Quote quote) {
        Checks.notNull(parcel, "parcel");
        Checks.notNull(quote, "quote");
        carriers();
        Fulfilment f = read;
        ParcelBooking b = f.booking();
        if (b != null && b.state() == BookingState.REQUESTED) {
            BookingAttempt earlier = ask(f);
            if (!earlier.isDeclined()) {
                requireSameService(earlier.fulfilment(), quote);
                return earlier;
            }
            f = earlier.fulfilment();
        } else if (b != null && b.state() == BookingState.BOOKED) {
            requireSameService(f, quote);
            return new BookingAttempt.Booked(f, b.label());
        } else if (b != null && b.state() == BookingState.CANCEL_REQUESTED) {
            throw new IllegalStateException("fulfilment " + f.id() + " cannot book a parcel now: the cancellation of its"
                    + " booking " + b.key() + " is not confirmed by the carrier yet; cancelBooking asks again");
        }
        Address destination = destination(f);
        LocalDate quoted = quote.collectionCutOff().atZone(ZoneOffset.UTC).toLocalDate().plusDays(quote.transitDays());
        DeliveryWindow promised = book.current(f.orderId()).delivery().promised();
        LocalDate promisedBy = promised == null ? quoted : promised.latest().atZone(ZoneOffset.UTC).toLocalDate();
        int attempt = f.booking() == null ? 1 : f.booking().attempt() + 1;
        BookingKey key = BookingKey.of(f.id().value() + "/label-" + attempt);
        Fulfilment requested = recorder.record(f.id(), g -> g.booking() != null && g.booking().state().isLive()
                ? Change.unchanged(g) // another call requested one meanwhile: that one is asked below, never a second
                : g.requestBooking(key, quote.service(), parcel, destination, promisedBy, quoted, clock.instant()));
        BookingAttempt attemptResult = ask(requested);
        if (attemptResult.isBooked() || attemptResult.isPending()) {
            requireSameService(attemptResult.fulfilment(), quote);
        }
        return attemptResult;
    }

    /** Asks the carrier about the live booking of {@code f} again with its key and records the answer. */
    BookingAttempt ask(Fulfilment f) {
        ParcelBooking b = f.booking();
        if (b == null) {
            throw new IllegalStateException("fulfilment " + f.id() + " has no booking to reconcile");
        }
        switch (b.state()) {
            case BOOKED, CANCEL_REQUESTED -> {
                return new BookingAttempt.Booked(f, b.label());
            }
            case CANCELLED -> throw new IllegalStateException("fulfilment " + f.id() + " has no booking to reconcile: its"
                    + " booking " + b.key() + " was cancelled");
            case DECLINED -> {
                return new BookingAttempt.Declined(f, b.message());
            }
            default -> {
            }
        }
        BookingResult result = carriers().book(new BookingRequest(b.key(), b.service(), b.parcel(), f.location(),
                b.destination(), f.id().value()));
        return switch (result.outcome()) {
            case SUCCEEDED -> {
                Fulfilment booked = recorder.record(f.id(), g -> g.booking() != null && g.booking().key().equals(b.key())
                        && g.booking().state() == BookingState.REQUESTED
                        ? g.recordBooked(result.label(), result.price(), clock.instant()) : Change.unchanged(g));
                yield new BookingAttempt.Booked(booked, booked.booking().label());
            }
            case DECLINED -> {
                Fulfilment declined = recorder.record(f.id(), g -> g.booking() != null && g.booking().key().equals(b.key())
                        && g.booking().state() == BookingState.REQUESTED
                        ? g.recordBookingDeclined(result.message(), clock.instant()) : Change.unchanged(g));
                yield new BookingAttempt.Declined(declined, result.message());
            }
            case NOT_ATTEMPTED, UNKNOWN -> new BookingAttempt.Pending(f, result.outcome(), result.message());
        };
    }

    /**
     * Cancels the live booking of {@code f} with the carrier: first resolving a requested one, then recording the intent
     * to cancel under the booking's cancellation key, then asking the carrier (again, for an intent recorded earlier).
     * Succeeds at once when there is nothing to cancel.
     */
    CancellationResult cancel(Fulfilment f) {
        ParcelBooking b = f.booking();
        if (b == null || !b.state().isLive()) {
            return CancellationResult.cancelled();
        }
        Fulfilment current = f;
        if (b.state() == BookingState.REQUESTED) {
            BookingAttempt resolved = ask(f);
            if (resolved.isDeclined()) {
                return CancellationResult.cancelled();
            }
            if (resolved instanceof BookingAttempt.Pending p) {
                return CancellationResult.failed(p.outcome(), "booking " + b.key() + " not resolved yet: " + p.message());
            }
            current = resolved.fulfilment();
        }
        BookingKey bookingKey = current.booking().key();
        Fulfilment cancelling = recorder.record(current.id(), g -> g.booking() != null && g.booking().key().equals(bookingKey)
                && g.booking().state() == BookingState.BOOKED ? g.requestBookingCancellation(clock.instant())
                : Change.unchanged(g));
        ParcelBooking asked = cancelling.booking();
        if (asked.state() != BookingState.CANCEL_REQUESTED) {
            return asked.state() == BookingState.CANCELLED ? CancellationResult.cancelled()
                    : CancellationResult.failed(CarrierOutcome.DECLINED, asked.message());
        }
        CancellationResult result = carriers().cancel(new CancelBookingRequest(BookingKey.of(asked.key().value() + "/cancel"),
                asked.service(), asked.label().bookingRef()));
        if (result.outcome() == CarrierOutcome.SUCCEEDED || result.outcome() == CarrierOutcome.DECLINED) {
            recorder.record(cancelling.id(), g -> g.booking() != null && g.booking().key().equals(asked.key())
                    && g.booking().state() == BookingState.CANCEL_REQUESTED
                    ? result.succeeded() ? g.recordBookingCancelled(clock.instant())
                    : g.recordBookingCancellationDeclined(result.message(), clock.instant())
                    : Change.unchanged(g));
        }
        return result;
    }

    /**
     * Records {@code report} on the fulfilment booked most recently with its carrier and tracking number no later than
     * the report (give or take {@link #CLOCK_TOLERANCE}).
     */
    TrackingResult track(TrackingEvent report) {
        Checks.notNull(report, "report");
        Fulfilment match = null;
        for (Fulfilment f : repository.withTrackingNumber(report.carrier(), report.trackingNumber())) {
            if (!f.booking().bookedAt().minus(CLOCK_TOLERANCE).isAfter(report.occurredAt())) {
                match = f;
                break;
            }
        }
        if (match == null) {
            return new TrackingResult.Unmatched(report);
        }
        if (match.booking().tracking().knows(report)) {
            return new TrackingResult.Duplicate(match);
        }
        Fulfilment recorded = recorder.record(match.id(), g -> g.track(report, clock.instant()));
        return new TrackingResult.Recorded(recorded);
    }

    private Address destination(Fulfilment f) {
        Order order = book.current(f.orderId());
        Address address = order.delivery().address();
        if (address == null) {
            throw new IllegalStateException("fulfilment " + f.id() + " has no destination to ship to: order " + order.id()
                    + " is " + order.delivery().method() + " without a delivery address");
        }
        return address;
    }

    private static void requireSameService(Fulfilment f, Quote quote) {
        ParcelBooking b = f.booking();
        if (b != null && b.state().isLive() && !b.service().sameAs(quote.service())) {
            throw new IllegalArgumentException("quote must be for " + b.service() + ", the service fulfilment " + f.id()
                    + " is booked with (" + b.key() + " " + b.state() + "), was " + quote.service()
                    + "; cancel the booking first to book another service");
        }
    }

    private CarrierGateway carriers() {
        if (carriers == null) {
            throw new IllegalStateException("carriers must be set on Oms.builder() to quote and book parcels:"
                    + " a CarrierGateway such as FakeCarrierGateway");
        }
        return carriers;
    }

    /** Whether a carrier gateway is configured. */
    boolean configured() {
        return carriers != null;
    }
}
