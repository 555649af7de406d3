package io.omskit.core.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import java.net.URI;
import java.time.Instant;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ShippingValuesTest {

    @Test
    void a_carrier_charges_the_greater_of_real_and_volumetric_weight_rounded_up() {
        assertThat(Parcel.of(1_000, 300, 200, 150).chargeableWeightGrams(5000)).isEqualTo(1_800);
        assertThat(Parcel.of(2_500, 300, 200, 150).chargeableWeightGrams(5000)).isEqualTo(2_500);
        assertThat(Parcel.of(1, 1, 1, 1).chargeableWeightGrams(5000)).isEqualTo(1);
        assertThatThrownBy(() -> Parcel.of(0, 10, 10, 10)).hasMessageContaining("weightGrams");
    }

    @Test
    void a_lane_keeps_the_country_and_the_first_two_characters_of_the_postal_code() {
        Lane lane = Lane.to(LocationId.of("WH-1"), new Address("A", "B 1", null, "Berlin", " 10115 ", "de", null));

        assertThat(lane).isEqualTo(new Lane(LocationId.of("WH-1"), "DE", "10"));
        assertThat(lane.destination()).isEqualTo("DE-10");
        assertThat(lane.wholeCountry().destination()).isEqualTo("DE");
        assertThatThrownBy(() -> new Lane(LocationId.of("WH-1"), "Germany", "10"))
                .hasMessageContaining("country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void a_label_carries_a_document_or_a_url_and_its_document_cannot_be_changed_from_outside() {
        byte[] pdf = {37, 80, 68, 70};
        Label label = new Label("ref-1", "TN-1", "application/pdf", pdf, null);
        pdf[0] = 0;
        label.document()[1] = 0;

        assertThat(label.document()).containsExactly(37, 80, 68, 70);
        assertThat(label).isEqualTo(new Label("ref-1", "TN-1", "application/pdf", new byte[] {37, 80, 68, 70}, null));
        assertThat(new Label("ref-2", "TN-2", "application/pdf", null, URI.create("https://labels.example/2")).document())
                .isEmpty();
        assertThatThrownBy(() -> new Label("ref-3", "TN-3", "application/pdf", new byte[0], null))
                .hasMessageContaining("label ref-3 must carry a document or a url");
    }

    @Test
    void reports_are_the_same_when_carrier_number_time_and_status_agree_whatever_their_wording() {
        Instant at = Instant.parse("2026-03-02T18:00:00Z");
        TrackingEvent scan = TrackingEvent.of("DHL", "TN-1", TrackingStatus.IN_TRANSIT, "Abgeholt", at);

        assertThat(scan.sameReport(TrackingEvent.of("DHL", "TN-1", TrackingStatus.IN_TRANSIT, "picked up", at))).isTrue();
        assertThat(scan.sameReport(TrackingEvent.of("UPS", "TN-1", TrackingStatus.IN_TRANSIT, "", at))).isFalse();
        assertThat(scan.sameReport(TrackingEvent.of("DHL", "TN-1", TrackingStatus.DELIVERED, "", at))).isFalse();
        assertThat(scan.sameReport(TrackingEvent.of("DHL", "TN-1", TrackingStatus.IN_TRANSIT, "", at.plusSeconds(1)))).isFalse();
        assertThatThrownBy(() -> TrackingEvent.of("DHL", " ", TrackingStatus.IN_TRANSIT, "", at))
                .hasMessageContaining("trackingNumber");
    }

    @Test
    void a_quote_refuses_a_negative_price_and_a_booking_result_its_label_when_it_failed() {
        CarrierService dhl = CarrierService.of("DHL", "PAKET", ServiceLevel.STANDARD);

        assertThatThrownBy(() -> new Quote(dhl, Money.of(CurrencyUnit.EUR, -1), 1, Instant.EPOCH))
                .hasMessageContaining("price of DHL PAKET must be >= 0");
        assertThatThrownBy(() -> new BookingResult(CarrierOutcome.DECLINED,
                new Label("r", "t", "application/pdf", new byte[] {1}, null), Money.of(CurrencyUnit.EUR, 1), "no"))
                .hasMessageContaining("exactly when the booking succeeded");
        assertThat(dhl.sameAs(CarrierService.of("DHL", "PAKET", ServiceLevel.EXPRESS))).isTrue();
    }
}
