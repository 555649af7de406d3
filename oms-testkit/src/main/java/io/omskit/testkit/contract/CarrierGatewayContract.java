package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.CancelBookingRequest;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.QuoteRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CarrierGateway}. Extend it with one factory method to check an adapter (against a carrier's
 * sandbox, say):
 * <pre>{@code
 * class MyCarrierGatewayContractTest extends CarrierGatewayContract {
 *     protected CarrierGateway newGateway() { return new MyCarrierGateway(sandboxCredentials); }
 * }
 * }</pre>
 * Clauses §7 to §9 need the adapter to fail on demand; an adapter that can (a fake, or one in front of a stub server)
 * overrides {@link #timeOutNextCall}, {@link #makeNextCallUnreachable} and {@link #declineNextCall}; for one that cannot,
 * they are skipped. The parcel and lane quoted and booked are {@link #sampleQuoteRequest()}'s; override it when the
 * carrier does not serve Berlin from {@code WH-1}. Each test's display name starts with the clause it checks.
 */
public abstract class CarrierGatewayContract {

    /** A new gateway; called before each test. */
    protected abstract CarrierGateway newGateway();

    /** A parcel and lane every service of the gateway serves: by default 1.2 kg in a 300 x 200 x 100 mm box to Berlin. */
    protected QuoteRequest sampleQuoteRequest() {
        return new QuoteRequest(Parcel.of(1_200, 300, 200, 100), LocationId.of("WH-1"),
                new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null));
    }

    /**
     * Makes the gateway's next call end in {@link CarrierOutcome#UNKNOWN}, after the carrier did it ({@code done}) or not.
     * The default skips the clause that needs it.
     */
    protected void timeOutNextCall(CarrierGateway gateway, boolean done) {
        Assumptions.abort("the adapter cannot be made to time out");
    }

    /** Makes the gateway's next call end in {@link CarrierOutcome#NOT_ATTEMPTED}; the default skips the clause. */
    protected void makeNextCallUnreachable(CarrierGateway gateway) {
        Assumptions.abort("the adapter cannot be made unreachable");
    }

    /** Makes the carrier decline the gateway's next call with {@code reason}; the default skips the clause. */
    protected void declineNextCall(CarrierGateway gateway, String reason) {
        Assumptions.abort("the adapter cannot be made to decline");
    }

    /** The gateway under test, new for each test. */
    protected CarrierGateway gateway;

    @BeforeEach
    void createGateway() {
        gateway = newGateway();
    }

    private static BookingKey newKey() {
        return BookingKey.of("contract-" + UUID.randomUUID());
    }

    private Quote firstQuote() {
        QuoteResult quotes = gateway.quote(sampleQuoteRequest());
        assertThat(quotes.succeeded()).as("quote: %s", quotes.message()).isTrue();
        assertThat(quotes.quotes()).as("the sample lane must be served").isNotEmpty();
        return quotes.quotes().get(0);
    }

    private BookingRequest bookingOf(BookingKey key, Quote quote) {
        QuoteRequest q = sampleQuoteRequest();
        return new BookingRequest(key, quote.service(), q.parcel(), q.origin(), q.destination(), "contract-parcel");
    }

    @Test
    @DisplayName("CarrierGateway §1: services lists the services the host can book, each once")
    void lists_services() {
        List<?> services = gateway.services();

        assertThat(services).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("CarrierGateway §2: a quote names only listed services, with prices not negative, cheapest first")
    void quotes_listed_services_cheapest_first() {
        QuoteResult result = gateway.quote(sampleQuoteRequest());

        assertThat(result.outcome()).isEqualTo(CarrierOutcome.SUCCEEDED);
        assertThat(result.quotes()).isNotEmpty().allSatisfy(q -> {
            assertThat(gateway.services()).anySatisfy(s -> assertThat(s.sameAs(q.service())).isTrue());
            assertThat(q.price().isNegative()).isFalse();
        });
        for (int i = 1; i < result.quotes().size(); i++) {
            assertThat(result.quotes().get(i).price().getAmount()).isGreaterThanOrEqualTo(result.quotes().get(i - 1).price().getAmount());
        }
    }

    @Test
    @DisplayName("CarrierGateway §3: booking a quoted service succeeds with a label: a tracking number and a document or url")
    void books_with_a_label() {
        BookingResult result = gateway.book(bookingOf(newKey(), firstQuote()));

        assertThat(result.outcome()).as(result.message()).isEqualTo(CarrierOutcome.SUCCEEDED);
        Label label = result.label();
        assertThat(label.trackingNumber()).isNotBlank();
        assertThat(label.document().length > 0 || label.url() != null).isTrue();
        assertThat(result.price()).isNotNull();
    }

    @Test
    @DisplayName("CarrierGateway §4: booking again with the same key returns the first label, not a second booking")
    void same_key_same_label() {
        BookingRequest request = bookingOf(newKey(), firstQuote());
        BookingResult first = gateway.book(request);

        BookingResult again = gateway.book(request);

        assertThat(again.outcome()).isEqualTo(CarrierOutcome.SUCCEEDED);
        assertThat(again.label()).isEqualTo(first.label());
    }

    @Test
    @DisplayName("CarrierGateway §5: bookings under different keys are different parcels with different tracking numbers")
    void different_keys_different_parcels() {
        Quote quote = firstQuote();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(gateway.book(bookingOf(newKey(), quote)).label().trackingNumber());
        }

        assertThat(numbers).hasSize(3);
    }

    @Test
    @DisplayName("CarrierGateway §6: a booking is cancelled; cancelling again with the same key answers the same")
    void cancels_a_booking() {
        Quote quote = firstQuote();
        BookingResult booked = gateway.book(bookingOf(newKey(), quote));
        CancelBookingRequest cancel = new CancelBookingRequest(newKey(), quote.service(), booked.label().bookingRef());

        CancellationResult first = gateway.cancel(cancel);
        CancellationResult again = gateway.cancel(cancel);

        assertThat(first.outcome()).as(first.message()).isEqualTo(CarrierOutcome.SUCCEEDED);
        assertThat(again).isEqualTo(first);
    }

    @Test
    @DisplayName("CarrierGateway §7: a booking that timed out after the carrier booked is UNKNOWN, and asking again with"
            + " its key returns the one label it made")
    void unknown_booking_is_reconciled_by_key() {
        BookingRequest request = bookingOf(newKey(), firstQuote());
        timeOutNextCall(gateway, true);

        BookingResult timedOut = gateway.book(request);
        BookingResult again = gateway.book(request);
        BookingResult third = gateway.book(request);

        assertThat(timedOut.outcome()).isEqualTo(CarrierOutcome.UNKNOWN);
        assertThat(timedOut.label()).isNull();
        assertThat(again.outcome()).isEqualTo(CarrierOutcome.SUCCEEDED);
        assertThat(third.label()).isEqualTo(again.label());
    }

    @Test
    @DisplayName("CarrierGateway §8: a booking that did not reach the carrier is NOT_ATTEMPTED, booked nothing, and may"
            + " be asked again with the same key")
    void not_attempted_booking_can_be_retried() {
        BookingRequest request = bookingOf(newKey(), firstQuote());
        makeNextCallUnreachable(gateway);

        BookingResult unreachable = gateway.book(request);
        BookingResult retried = gateway.book(request);

        assertThat(unreachable.outcome()).isEqualTo(CarrierOutcome.NOT_ATTEMPTED);
        assertThat(retried.outcome()).isEqualTo(CarrierOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("CarrierGateway §9: a refusal is a DECLINED outcome with the carrier's reason, not an exception, and stays"
            + " the answer to its key")
    void declined_is_an_outcome() {
        BookingRequest request = bookingOf(newKey(), firstQuote());
        declineNextCall(gateway, "address not served");

        BookingResult declined = gateway.book(request);
        BookingResult again = gateway.book(request);

        assertThat(declined.outcome()).isEqualTo(CarrierOutcome.DECLINED);
        assertThat(declined.message()).contains("address not served");
        assertThat(again.outcome()).isEqualTo(CarrierOutcome.DECLINED);
    }
}
