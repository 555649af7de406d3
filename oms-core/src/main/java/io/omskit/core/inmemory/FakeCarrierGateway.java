package io.omskit.core.inmemory;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.shipping.ServiceLevel;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.CancelBookingRequest;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.QuoteRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A thread-safe in-memory stand-in for a host's carriers, for tests and demos. Each service has a {@link RateCard}
 * (a base price plus a price per started kilogram of chargeable weight, a weight limit, the countries it serves and
 * their transit days, a collection cut-off). It honours idempotency keys like a real carrier (the same key returns
 * the same label), keeps every booking it made, and can be told to misbehave on the next calls:
 * {@link #declineNext(String)}, {@link #timeOutNext(boolean)} (outcome unknown; whether the carrier booked is the
 * argument) and {@link #unreachableNext()} (not attempted).
 */
public final class FakeCarrierGateway implements CarrierGateway {

    /** The volumetric divisor the fake prices with: 5000 cubic centimetres per kilogram. */
    public static final int VOLUMETRIC_DIVISOR = 5000;

    /**
     * What one service charges and how fast it is.
     *
     * @param base             price of a parcel up to one kilogram
     * @param perKilogram      price of every further started kilogram of chargeable weight
     * @param maxWeightGrams   the heaviest parcel (chargeable weight) it takes
     * @param transitDays      days from collection to delivery, per destination country (ISO code); only these are served
     * @param collectionCutOff the latest hand-over of the day, UTC, for that transit time
     */
    public record RateCard(Money base, Money perKilogram, int maxWeightGrams, Map<String, Integer> transitDays,
                           LocalTime collectionCutOff) {
        public RateCard {
            Checks.notNull(base, "base");
            Checks.notNull(perKilogram, "perKilogram");
            if (!base.getCurrencyUnit().equals(perKilogram.getCurrencyUnit())) {
                throw new IllegalArgumentException("perKilogram must be in " + base.getCurrencyUnit() + ", was " + perKilogram);
            }
            Checks.positive(maxWeightGrams, "maxWeightGrams");
            transitDays = Map.copyOf(Checks.notNull(transitDays, "transitDays"));
            Checks.notNull(collectionCutOff, "collectionCutOff");
        }
    }

    /** One booking the fake made: its request's key, the label issued and whether it was cancelled since. */
    public record Booking(BookingRequest request, Label label, Money price, boolean cancelled) {
    }

    private enum Fault { DECLINE, TIMEOUT_DONE, TIMEOUT_NOT_DONE, UNREACHABLE }

    private record Scripted(Fault fault, String message) {
    }

    private final Clock clock;
    private final Map<CarrierService, RateCard> cards;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Deque<String> forcedTrackingNumbers = new ArrayDeque<>();
    private final Map<BookingKey, BookingResult> bookingsByKey = new HashMap<>();
    private final Map<BookingKey, BookingRequest> requestsByKey = new HashMap<>();
    private final Map<BookingKey, CancellationResult> cancellationsByKey = new HashMap<>();
    private final Map<String, Booking> byBookingRef = new LinkedHashMap<>();
    private final List<String> collected = new ArrayList<>();
    private final List<Object> calls = new ArrayList<>();
    private long sequence;

    private FakeCarrierGateway(Clock clock, Map<CarrierService, RateCard> cards) {
        this.clock = clock;
        this.cards = cards;
    }

    /** An empty fake to add services to with {@link #service(CarrierService, RateCard)}. */
    public static FakeCarrierGateway create(Clock clock) {
        return new FakeCarrierGateway(Checks.notNull(clock, "clock"), new LinkedHashMap<>());
    }

    /**
     * A fake with four services of three carriers in euros, serving Germany, Austria, France and the Netherlands:
     * "DHL PAKET" (standard, cheap, 1-2 days), "DHL EXPRESS" (next day, dear), "UPS STANDARD" (standard, 1-3 days)
     * and "GLS BUSINESS" (economy, cheapest, 2-4 days).
     */
    public static FakeCarrierGateway withSampleCarriers(Clock clock) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        LocalTime five = LocalTime.of(17, 0);
        return create(clock)
                .service(CarrierService.of("DHL", "PAKET", ServiceLevel.STANDARD),
                        new RateCard(Money.of(eur, 4.10), Money.of(eur, 0.40), 31_500,
                                Map.of("DE", 1, "AT", 2, "NL", 2, "FR", 2), five))
                .service(CarrierService.of("DHL", "EXPRESS", ServiceLevel.NEXT_DAY),
                        new RateCard(Money.of(eur, 11.90), Money.of(eur, 1.10), 30_000,
                                Map.of("DE", 1, "AT", 1, "NL", 1, "FR", 1), LocalTime.of(18, 0)))
                .service(CarrierService.of("UPS", "STANDARD", ServiceLevel.STANDARD),
                        new RateCard(Money.of(eur, 4.60), Money.of(eur, 0.35), 70_000,
                                Map.of("DE", 1, "AT", 2, "NL", 2, "FR", 3), LocalTime.of(16, 0)))
                .service(CarrierService.of("GLS", "BUSINESS", ServiceLevel.ECONOMY),
                        new RateCard(Money.of(eur, 3.60), Money.of(eur, 0.30), 40_000,
                                Map.of("DE", 2, "AT", 3, "NL", 3, "FR", 4), five));
    }

    /**
     * Adds (or replaces) {@code service} with its rate card.
     *
     * @throws IllegalArgumentException when either is null
     */
    public synchronized FakeCarrierGateway service(CarrierService service, RateCard card) {
        cards.put(Checks.notNull(service, "service"), Checks.notNull(card, "card"));
        return this;
    }

    /** The next call is declined with {@code reason}. */
    public synchronized FakeCarrierGateway declineNext(String reason) {
        script.add(new Scripted(Fault.DECLINE, reason));
        return this;
    }

    /**
     * The next call times out: the caller gets {@link CarrierOutcome#UNKNOWN}. Whether the carrier really booked (or
     * cancelled) is {@code actuallyDone}; a retry with the same idempotency key reveals it.
     */
    public synchronized FakeCarrierGateway timeOutNext(boolean actuallyDone) {
        script.add(new Scripted(actuallyDone ? Fault.TIMEOUT_DONE : Fault.TIMEOUT_NOT_DONE, "read timed out"));
        return this;
    }

    /** The next call does not reach the carrier: {@link CarrierOutcome#NOT_ATTEMPTED}. */
    public synchronized FakeCarrierGateway unreachableNext() {
        script.add(new Scripted(Fault.UNREACHABLE, "connection refused"));
        return this;
    }

    /** Forgets the faults scripted for the next calls that have not happened yet: the carriers answer normally again. */
    public synchronized FakeCarrierGateway clearFaults() {
        script.clear();
        return this;
    }

    /** The next label issued gets {@code trackingNumber}, as a carrier recycling its numbers would give it. */
    public synchronized FakeCarrierGateway issueTrackingNumberNext(String trackingNumber) {
        forcedTrackingNumbers.add(Checks.identifier(trackingNumber, "trackingNumber"));
        return this;
    }

    /** The carrier collected the parcel of {@code bookingRef}: from now on its cancellation is declined. */
    public synchronized FakeCarrierGateway collected(String bookingRef) {
        collected.add(Checks.identifier(bookingRef, "bookingRef"));
        return this;
    }

    @Override
    public synchronized List<CarrierService> services() {
        return List.copyOf(cards.keySet());
    }

    @Override
    public synchronized QuoteResult quote(QuoteRequest request) {
        Checks.notNull(request, "request");
        calls.add(request);
        Scripted next = script.poll();
        if (next != null) {
            return QuoteResult.failed(next.fault == Fault.DECLINE ? CarrierOutcome.DECLINED
                    : next.fault == Fault.UNREACHABLE ? CarrierOutcome.NOT_ATTEMPTED : CarrierOutcome.UNKNOWN, next.message);
        }
        List<Quote> quotes = new ArrayList<>();
        for (Map.Entry<CarrierService, RateCard> e : cards.entrySet()) {
            Quote q = quoteOf(e.getKey(), e.getValue(), request);
            if (q != null) {
                quotes.add(q);
            }
        }
        quotes.sort(Comparator.comparing((Quote q) -> q.price().getAmount()).thenComparing(q -> q.service().toString()));
        return QuoteResult.succeeded(quotes);
    }

    @Override
    public synchronized BookingResult book(BookingRequest request) {
        Checks.notNull(request, "request");
        calls.add(request);
        BookingKey key = request.idempotencyKey();
        BookingRequest earlier = requestsByKey.get(key);
        if (earlier != null && !earlier.equals(request)) {
            throw new IllegalArgumentException("idempotencyKey " + key + " was used for " + earlier.service() + " "
                    + earlier.parcel() + ", now " + request.service() + " " + request.parcel());
        }
        BookingResult done = bookingsByKey.get(key);
        if (done != null) {
            return done;
        }
        Scripted next = script.poll();
        if (next != null && next.fault == Fault.UNREACHABLE) {
            return BookingResult.failed(CarrierOutcome.NOT_ATTEMPTED, next.message);
        }
        if (next != null && next.fault == Fault.TIMEOUT_NOT_DONE) {
            return BookingResult.failed(CarrierOutcome.UNKNOWN, next.message);
        }
        BookingResult result = next != null && next.fault == Fault.DECLINE
                ? BookingResult.failed(CarrierOutcome.DECLINED, next.message) : issue(request);
        requestsByKey.put(key, request);
        bookingsByKey.put(key, result);
        return next != null && next.fault == Fault.TIMEOUT_DONE ? BookingResult.failed(CarrierOutcome.UNKNOWN, next.message)
                : result;
    }

    @Override
    public synchronized CancellationResult cancel(CancelBookingRequest request) {
        Checks.notNull(request, "request");
        calls.add(request);
        CancellationResult done = cancellationsByKey.get(request.idempotencyKey());
        if (done != null) {
            return done;
        }
        Scripted next = script.poll();
        if (next != null && next.fault == Fault.UNREACHABLE) {
            return CancellationResult.failed(CarrierOutcome.NOT_ATTEMPTED, next.message);
        }
        if (next != null && next.fault == Fault.TIMEOUT_NOT_DONE) {
            return CancellationResult.failed(CarrierOutcome.UNKNOWN, next.message);
        }
        CancellationResult result;
        Booking booking = byBookingRef.get(request.bookingRef());
        if (next != null && next.fault == Fault.DECLINE) {
            result = CancellationResult.failed(CarrierOutcome.DECLINED, next.message);
        } else if (booking == null || !booking.request().service().sameAs(request.service())) {
            result = CancellationResult.failed(CarrierOutcome.DECLINED, "no booking " + request.bookingRef() + " with "
                    + request.service());
        } else if (collected.contains(request.bookingRef())) {
            result = CancellationResult.failed(CarrierOutcome.DECLINED, "parcel " + booking.label().trackingNumber()
                    + " was collected");
        } else {
            byBookingRef.put(request.bookingRef(), new Booking(booking.request(), booking.label(), booking.price(), true));
            result = CancellationResult.cancelled();
        }
        cancellationsByKey.put(request.idempotencyKey(), result);
        return next != null && next.fault == Fault.TIMEOUT_DONE
                ? CancellationResult.failed(CarrierOutcome.UNKNOWN, next.message) : result;
    }

    private BookingResult issue(BookingRequest request) {
        RateCard card = cards.get(request.service());
        if (card == null) {
            return BookingResult.failed(CarrierOutcome.DECLINED, "no service " + request.service());
        }
        Quote q = quoteOf(request.service(), card, new QuoteRequest(request.parcel(), request.origin(), request.destination()));
        if (q == null) {
            return BookingResult.failed(CarrierOutcome.DECLINED, request.service() + " does not take "
                    + request.parcel().chargeableWeightGrams(VOLUMETRIC_DIVISOR) + " g to " + request.destination().countryCode());
        }
        long n = ++sequence;
        String tracking = forcedTrackingNumbers.isEmpty()
                ? request.service().carrier() + String.format("%010d", n) : forcedTrackingNumbers.poll();
        String ref = request.service().carrier().toLowerCase(java.util.Locale.ROOT) + "-booking-" + n;
        byte[] zpl = ("^XA^FO50,50^FD" + request.service() + "^FS^FO50,100^FD" + tracking + "^FS^FO50,150^FD"
                + request.reference() + "^FS^XZ").getBytes(StandardCharsets.US_ASCII);
        Label label = new Label(ref, tracking, "application/zpl", zpl, null);
        byBookingRef.put(ref, new Booking(request, label, q.price(), false));
        return BookingResult.booked(label, q.price());
    }

    private Quote quoteOf(CarrierService service, RateCard card, QuoteRequest request) {
        Integer days = card.transitDays().get(request.destination().countryCode());
        int grams = request.parcel().chargeableWeightGrams(VOLUMETRIC_DIVISOR);
        if (days == null || grams > card.maxWeightGrams()) {
            return null;
        }
        int extraKilograms = Math.max(0, (grams - 1) / 1000);
        Money price = card.base().plus(card.perKilogram().multipliedBy(extraKilograms));
        Instant now = clock.instant();
        ZonedDateTime cutOff = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(card.collectionCutOff()).atZone(ZoneOffset.UTC);
        if (!cutOff.toInstant().isAfter(now)) {
            cutOff = cutOff.plusDays(1);
        }
        return new Quote(service, price, days, cutOff.toInstant());
    }

    // ---- what happened, for tests ----

    /** Every booking made, oldest first, cancelled ones included (marked). */
    public synchronized List<Booking> bookings() {
        return List.copyOf(byBookingRef.values());
    }

    /** The bookings made for {@code reference} (a fulfilment's id) that are not cancelled: its live labels. */
    public synchronized List<Booking> liveBookingsFor(String reference) {
        List<Booking> live = new ArrayList<>();
        for (Booking b : byBookingRef.values()) {
            if (!b.cancelled() && Objects.equals(b.request().reference(), reference)) {
                live.add(b);
            }
        }
        return live;
    }

    /** Every call received (quote, booking and cancellation requests), oldest first, replays included. */
    public synchronized List<Object> calls() {
        return List.copyOf(calls);
    }
}
