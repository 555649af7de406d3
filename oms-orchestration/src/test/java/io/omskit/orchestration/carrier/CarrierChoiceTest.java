package io.omskit.orchestration.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.ServiceLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class CarrierChoiceTest {

    private static final CarrierService DHL = CarrierService.of("DHL", "PAKET", ServiceLevel.STANDARD);
    private static final CarrierService GLS = CarrierService.of("GLS", "BUSINESS", ServiceLevel.ECONOMY);
    private static final CarrierService UPS = CarrierService.of("UPS", "STANDARD", ServiceLevel.STANDARD);
    private static final Lane BERLIN = new Lane(LocationId.of("WH-1"), "DE", "10");
    private static final Instant CUT_OFF = Instant.parse("2026-03-02T17:00:00Z");
    private static final LocalDate PROMISED = LocalDate.of(2026, 3, 3);

    private final OnTimeRecord record = OnTimeRecord.create();

    private static Money eur(double amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }

    private static Quote quote(CarrierService service, double price, int days) {
        return new Quote(service, eur(price), days, CUT_OFF);
    }

    private void history(CarrierService service, Lane lane, int onTime, int late) {
        for (int i = 0; i < onTime; i++) {
            record.record(service, lane, true);
        }
        for (int i = 0; i < late; i++) {
            record.record(service, lane, false);
        }
    }

    @Test
    void a_reliable_carrier_beats_a_cheaper_unreliable_one_when_a_missed_promise_costs_more_than_the_difference() {
        history(DHL, BERLIN, 60, 2);
        history(GLS, BERLIN, 40, 10);
        CarrierChooser chooser = CarrierChooser.of(record, eur(10));

        CarrierDecision decision = chooser.choose(List.of(quote(GLS, 3.60, 1), quote(DHL, 4.10, 1)), BERLIN, PROMISED);

        assertThat(decision.chosen()).hasValueSatisfying(q -> assertThat(q.service()).isEqualTo(DHL));
        assertThat(decision.explanation()).isEqualTo("chose DHL PAKET: 4.10, on time 97% on DE-10; GLS BUSINESS: 3.60"
                + " but on time 80%");
        assertThat(decision.options().get(0).parcelsOnLane()).isEqualTo(62);
    }

    @Test
    void without_a_cost_for_missing_the_promise_the_cheapest_wins() {
        history(DHL, BERLIN, 60, 2);
        history(GLS, BERLIN, 40, 10);

        CarrierDecision decision = CarrierChooser.of(record, eur(0))
                .choose(List.of(quote(DHL, 4.10, 1), quote(GLS, 3.60, 1)), BERLIN, PROMISED);

        assertThat(decision.chosen().orElseThrow().service()).isEqualTo(GLS);
    }

    @Test
    void one_late_parcel_lowers_a_carriers_on_time_share_but_does_not_ban_it() {
        record.record(GLS, BERLIN, false);

        double afterOneLate = record.onTimeProbability(GLS, BERLIN);
        CarrierDecision decision = CarrierChooser.of(record, eur(10))
                .choose(List.of(quote(DHL, 6.90, 1), quote(GLS, 3.60, 1)), BERLIN, PROMISED);

        assertThat(afterOneLate).isLessThan(OnTimeRecord.DEFAULT_PRIOR).isGreaterThan(0.6);
        assertThat(decision.chosen().orElseThrow().service()).as(decision.explanation()).isEqualTo(GLS);
    }

    @Test
    void a_long_late_record_on_the_lane_does_rule_a_carrier_out() {
        history(GLS, BERLIN, 5, 30);

        CarrierDecision decision = CarrierChooser.of(record, eur(10))
                .choose(List.of(quote(DHL, 6.90, 1), quote(GLS, 3.60, 1)), BERLIN, PROMISED);

        assertThat(decision.chosen().orElseThrow().service()).isEqualTo(DHL);
    }

    @Test
    void a_record_on_another_postal_area_of_the_country_informs_a_lane_with_no_history_of_its_own() {
        history(GLS, new Lane(LocationId.of("WH-1"), "DE", "80"), 5, 45);

        double berlin = record.onTimeProbability(GLS, BERLIN);

        assertThat(berlin).isLessThan(0.4);
        assertThat(record.tally(GLS, BERLIN).parcels()).isZero();
    }

    @Test
    void a_service_whose_schedule_is_later_than_the_promise_misses_it_for_certain() {
        CarrierDecision decision = CarrierChooser.of(record, eur(10))
                .choose(List.of(quote(GLS, 3.60, 3), quote(UPS, 4.60, 1)), BERLIN, PROMISED);

        assertThat(decision.chosen().orElseThrow().service()).isEqualTo(UPS);
        CarrierOption gls = decision.options().get(1);
        assertThat(gls.missProbability()).isEqualTo(1.0);
        assertThat(gls.expectedCost()).isEqualTo(eur(13.60));
        assertThat(decision.explanation()).endsWith("GLS BUSINESS: 3.60 but arrives 2026-03-05, after the promised 2026-03-03");
    }

    @Test
    void the_record_learns_from_delivery_events_raised_by_tracking_and_ignores_others() {
        FulfilmentId id = FulfilmentId.of("F-1");
        OrderId order = OrderId.of("O-1");
        Instant now = Instant.parse("2026-03-04T10:00:00Z");
        record.observeAll(List.of(
                new FulfilmentEvent.ParcelDeliveryRecorded(UUID.randomUUID(), id, order, 9, now, GLS, BERLIN, PROMISED,
                        LocalDate.of(2026, 3, 4), false),
                new FulfilmentEvent.ParcelDeliveryRecorded(UUID.randomUUID(), id, order, 9, now, GLS, BERLIN, PROMISED,
                        PROMISED, true),
                new FulfilmentEvent.FulfilmentAccepted(UUID.randomUUID(), id, order, 2, now)));

        assertThat(record.tally(GLS, BERLIN)).isEqualTo(new OnTimeRecord.Tally(1, 1));
    }

    @Test
    void without_a_promise_the_cheapest_wins_and_no_quote_is_no_choice() {
        CarrierChooser chooser = CarrierChooser.of(record, eur(10));

        assertThat(chooser.choose(List.of(quote(UPS, 4.60, 1), quote(GLS, 3.60, 4)), BERLIN, null).chosen().orElseThrow()
                .service()).isEqualTo(GLS);
        CarrierDecision none = chooser.choose(List.of(), BERLIN, PROMISED);
        assertThat(none.chosen()).isEmpty();
        assertThat(none.explanation()).isEqualTo("no carrier quoted the parcel on WH-1->DE-10");
    }

    @Test
    void quotes_in_another_currency_than_the_cost_of_a_missed_promise_are_refused_naming_both() {
        CarrierChooser chooser = CarrierChooser.of(record, Money.of(CurrencyUnit.GBP, 10));

        assertThatThrownBy(() -> chooser.choose(List.of(quote(UPS, 4.60, 1)), BERLIN, PROMISED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotes must be in GBP")
                .hasMessageContaining("UPS STANDARD was EUR 4.60");
    }

    @Test
    void a_smoothing_out_of_range_is_refused_naming_the_argument() {
        assertThatThrownBy(() -> OnTimeRecord.withPrior(1.2, 10, 5)).hasMessageContaining("prior must be between 0 and 1, was 1.2");
        assertThatThrownBy(() -> OnTimeRecord.withPrior(0.9, 0, 5)).hasMessageContaining("priorStrength must be positive");
        assertThatThrownBy(() -> CarrierChooser.of(record, eur(-1))).hasMessageContaining("costOfMissedPromise must be >= 0");
    }
}
