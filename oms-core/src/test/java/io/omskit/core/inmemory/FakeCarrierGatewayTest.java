package io.omskit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.QuoteRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FakeCarrierGatewayTest {

    private static final Address BERLIN = new Address("A", "B 1", null, "Berlin", "10115", "DE", null);
    private static final Address OSLO = new Address("A", "B 1", null, "Oslo", "0150", "NO", null);

    private final FakeCarrierGateway carriers = FakeCarrierGateway.withSampleCarriers(
            Clock.fixed(Instant.parse("2026-03-02T17:30:00Z"), ZoneOffset.UTC));

    @Test
    void after_a_services_cut_off_its_quote_hands_over_the_next_day() {
        Quote dhl = carriers.quote(new QuoteRequest(Parcel.of(500, 100, 100, 100), LocationId.of("WH-1"), BERLIN)).quotes()
                .stream().filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        Quote express = carriers.quote(new QuoteRequest(Parcel.of(500, 100, 100, 100), LocationId.of("WH-1"), BERLIN)).quotes()
                .stream().filter(q -> q.service().toString().equals("DHL EXPRESS")).findFirst().orElseThrow();

        assertThat(dhl.collectionCutOff()).isEqualTo(Instant.parse("2026-03-03T17:00:00Z"));
        assertThat(express.collectionCutOff()).isEqualTo(Instant.parse("2026-03-02T18:00:00Z"));
    }

    @Test
    void a_country_no_service_serves_gets_no_quote_and_a_booking_there_is_declined() {
        Parcel parcel = Parcel.of(500, 100, 100, 100);

        assertThat(carriers.quote(new QuoteRequest(parcel, LocationId.of("WH-1"), OSLO)).quotes()).isEmpty();
        BookingResult declined = carriers.book(new BookingRequest(BookingKey.of("k-1"), carriers.services().get(0), parcel,
                LocationId.of("WH-1"), OSLO, "F-1"));
        assertThat(declined.outcome()).isEqualTo(CarrierOutcome.DECLINED);
        assertThat(declined.message()).contains("does not take 500 g to NO");
    }

    @Test
    void a_key_used_again_for_another_parcel_is_refused_like_a_real_carrier_would() {
        BookingRequest first = new BookingRequest(BookingKey.of("k-1"), carriers.services().get(0),
                Parcel.of(500, 100, 100, 100), LocationId.of("WH-1"), BERLIN, "F-1");
        carriers.book(first);

        assertThatThrownBy(() -> carriers.book(new BookingRequest(BookingKey.of("k-1"), carriers.services().get(0),
                Parcel.of(900, 100, 100, 100), LocationId.of("WH-1"), BERLIN, "F-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey k-1 was used for");
        assertThat(carriers.bookings()).hasSize(1);
    }
}
