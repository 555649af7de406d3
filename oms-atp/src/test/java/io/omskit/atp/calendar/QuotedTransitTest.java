package io.omskit.atp.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.spi.QuoteRequest;
import io.omskit.core.spi.SpiException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Promises on the transit the host's carriers quote, the same quotes the carrier choice for a parcel weighs. */
class QuotedTransitTest {

    private final Location berlin = Berlin.warehouse("WH-BERLIN").build();
    private final FakeCarrierGateway carriers = FakeCarrierGateway.withSampleCarriers(Clock.systemUTC());
    private final Parcel typical = Parcel.of(1_000, 300, 200, 100);

    private TransitQuery query(ServiceLevel service, String country, String postalCode) {
        return new TransitQuery(service, berlin, country, postalCode, GeoPoint.of(52.5, 13.4), 10);
    }

    private long quotesAsked() {
        return carriers.calls().stream().filter(c -> c instanceof QuoteRequest).count();
    }

    @Test
    void a_leg_runs_from_the_fastest_to_the_slowest_service_of_its_level_that_serves_it() {
        QuotedTransit transit = QuotedTransit.builder(carriers, typical).build();

        // standard: DHL PAKET 1 day, UPS STANDARD 1 day, GLS BUSINESS (economy) 2 days to Germany; 2, 3 and 4 to France
        assertThat(transit.transit(query(ServiceLevel.STANDARD, "DE", "10115"))).isEqualTo(TransitTime.days(1, 2));
        assertThat(transit.transit(query(ServiceLevel.STANDARD, "FR", "75001"))).isEqualTo(TransitTime.days(2, 4));
        // express: only DHL EXPRESS (next day)
        assertThat(transit.transit(query(ServiceLevel.EXPRESS, "FR", "75001"))).isEqualTo(TransitTime.days(1));
    }

    @Test
    void a_level_no_carrier_serves_on_the_leg_is_not_offered() {
        QuotedTransit transit = QuotedTransit.builder(carriers, typical).build();

        assertThat(transit.transit(query(ServiceLevel.STANDARD, "IT", "00100"))).isNull();
        assertThat(QuotedTransit.builder(carriers, typical)
                .level(ServiceLevel.EXPRESS, java.util.Set.of(io.omskit.core.shipping.ServiceLevel.SAME_DAY)).build()
                .transit(query(ServiceLevel.EXPRESS, "DE", "10115"))).as("no same-day service").isNull();
    }

    @Test
    void a_lane_is_quoted_once_per_postal_prefix_while_it_is_remembered() {
        QuotedTransit transit = QuotedTransit.builder(carriers, typical).build();

        transit.transit(query(ServiceLevel.STANDARD, "DE", "10115"));
        transit.transit(query(ServiceLevel.STANDARD, "DE", "10999"));
        transit.transit(query(ServiceLevel.STANDARD, "de", "10178"));
        assertThat(quotesAsked()).as("one lane DE-10").isEqualTo(1);

        transit.transit(query(ServiceLevel.STANDARD, "DE", "80331"));
        transit.transit(query(ServiceLevel.EXPRESS, "DE", "10115"));
        assertThat(quotesAsked()).as("another prefix, another level").isEqualTo(3);
    }

    @Test
    void when_the_carriers_cannot_answer_the_fallback_does_and_the_failure_is_not_remembered() {
        TransitTable table = TransitTable.builder().fallback(ServiceLevel.STANDARD, TransitTime.days(3, 5)).build();
        QuotedTransit transit = QuotedTransit.builder(carriers, typical).fallback(table).build();

        carriers.unreachableNext();
        assertThat(transit.transit(query(ServiceLevel.STANDARD, "DE", "10115"))).isEqualTo(TransitTime.days(3, 5));
        carriers.timeOutNext(false);
        assertThat(transit.transit(query(ServiceLevel.STANDARD, "DE", "10115"))).isEqualTo(TransitTime.days(3, 5));
        assertThat(transit.transit(query(ServiceLevel.STANDARD, "DE", "10115"))).as("asked again once they answer")
                .isEqualTo(TransitTime.days(1, 2));
        assertThat(transit.transit(query(ServiceLevel.STANDARD, null, null))).as("no country: the fallback")
                .isEqualTo(TransitTime.days(3, 5));
    }

    @Test
    void without_a_fallback_carriers_that_cannot_answer_are_an_infrastructure_failure_naming_the_leg() {
        QuotedTransit transit = QuotedTransit.builder(carriers, typical).build();
        carriers.declineNext("rate service down");

        assertThatThrownBy(() -> transit.transit(query(ServiceLevel.STANDARD, "DE", "10115")))
                .isInstanceOf(SpiException.class).hasMessageContaining("WH-BERLIN").hasMessageContaining("DE")
                .hasMessageContaining("DECLINED");
    }

    @Test
    void bad_configuration_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> QuotedTransit.builder(carriers, typical).lanes(0, 10, java.time.Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postalPrefix");
        assertThatThrownBy(() -> QuotedTransit.builder(carriers, typical).lanes(2, 10, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepFor");
        assertThatThrownBy(() -> QuotedTransit.builder(carriers, typical).level(ServiceLevel.STANDARD, java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carrierLevels");
    }
}
