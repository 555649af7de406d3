package io.omskit.returns.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Every return event and the return itself round-trip through JSON under their registered names. */
class ReturnsJsonTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final LineId L1 = LineId.of("1");
    private final ObjectMapper mapper = OmsJson.newMapper(ReturnsJson.module());

    /** A return taken through every step, with all the events it raised. */
    private static List<ReturnEvent> story() {
        List<ReturnEvent> events = new ArrayList<>();
        Change<Return, ReturnEvent> c = Return.authorise(ReturnId.of("r-1"), OrderId.of("o-1"), CustomerRef.of("c-1"), Channel.STORE,
                ReturnMethod.mailIn(LocationId.of("WH-1")), RefundTender.ORIGINAL_PAYMENT,
                List.of(ReturnLine.of(L1, Sku.of("SHIRT"), 2, ReturnReason.DOES_NOT_FIT)), T0);
        events.addAll(c.events());
        c = c.state().markInTransit("track-1", T0);
        events.addAll(c.events());
        c = c.state().receive("scan-1", List.of(Arrival.of(Sku.of("SHIRT"), 2), Arrival.of(Sku.of("SOCKS"), 1)), T0);
        events.addAll(c.events());
        c = c.state().inspect("i-1", L1, Grade.GOOD, Disposition.RESTOCK, 2, T0);
        events.addAll(c.events());
        Money amount = Money.of(CurrencyUnit.EUR, 50);
        Money zero = Money.zero(CurrencyUnit.EUR);
        c = c.state().requestRefund(new Refund("k-1", RefundTender.ORIGINAL_PAYMENT, List.of(new Refund.RefundedUnits(L1, 0, 2)), amount,
                zero, zero, zero, amount, RefundStatus.REQUESTED, "", "", T0), T0);
        events.addAll(c.events());
        c = c.state().recordRefund("k-1", false, "", "card closed", T0);
        events.addAll(c.events());
        c = c.state().requestRefund(new Refund("k-2", RefundTender.STORE_CREDIT, List.of(new Refund.RefundedUnits(L1, 0, 2)), amount,
                zero, zero, zero, amount, RefundStatus.REQUESTED, "", "", T0), T0);
        events.addAll(c.events());
        c = c.state().recordRefund("k-2", true, "", "", T0);
        events.addAll(c.events());
        c = c.state().finish(T0);
        events.addAll(c.events());
        return events;
    }

    @Test
    void every_event_round_trips_under_its_name() throws Exception {
        List<ReturnEvent> events = story();
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ReturnAuthorised", "ReturnInTransit",
                "ReturnReceived", "ReturnInspected", "RefundRequested", "RefundDeclined", "RefundRequested", "StoreCreditIssued",
                "ReturnCompleted");
        for (ReturnEvent e : events) {
            String json = mapper.writeValueAsString(e);
            assertThat(json).startsWith("{\"type\":\"return.");
            assertThat(mapper.readValue(json, ReturnEvent.class)).isEqualTo(e);
            assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(e);
        }
    }

    @Test
    void the_remaining_events_round_trip_too() throws Exception {
        Instant t = T0;
        List<ReturnEvent> more = List.of(
                new ReturnEvent.ReturnRefunded(java.util.UUID.randomUUID(), ReturnId.of("r-1"), OrderId.of("o-1"), 3, t, "k", Money.of(CurrencyUnit.EUR, 5), "refund-1"),
                new ReturnEvent.ReturnClosed(java.util.UUID.randomUUID(), ReturnId.of("r-1"), OrderId.of("o-1"), 4, t, List.of(new ReturnEvent.Outstanding(L1, 1))),
                new ReturnEvent.ReturnCancelled(java.util.UUID.randomUUID(), ReturnId.of("r-1"), OrderId.of("o-1"), 2, t, "kept"),
                new ReturnEvent.ReplacementPlaced(java.util.UUID.randomUUID(), ReturnId.of("r-1"), OrderId.of("o-1"), 2, t, OrderId.of("o-2"),
                        Money.of(CurrencyUnit.EUR, 25), Money.of(CurrencyUnit.EUR, -5)),
                new ReturnEvent.ReplacementFailed(java.util.UUID.randomUUID(), ReturnId.of("r-1"), OrderId.of("o-1"), 2, t, "out of stock"));
        for (ReturnEvent e : more) {
            assertThat(mapper.readValue(mapper.writeValueAsString(e), ReturnEvent.class)).isEqualTo(e);
        }
        assertThat(ReturnsJson.module().typeNames()).containsValues("return.refunded", "return.closed", "return.cancelled")
                .containsEntry(io.omskit.core.order.OrderEvent.OrderPlaced.class, "order.placed");
    }

    @Test
    void a_return_round_trips_with_its_components_only() throws Exception {
        List<ReturnEvent> events = story();
        Return ret = ((ReturnEvent.ReturnAuthorised) events.get(0)).authorised();

        String json = mapper.writeValueAsString(ret);

        assertThat(mapper.readValue(json, Return.class)).isEqualTo(ret);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.readValue(json, Map.class);
        assertThat(fields).doesNotContainKeys("outstanding", "fullyInspected", "refundedAmount");
    }

    @Test
    void label_events_and_a_return_with_its_label_round_trip() throws Exception {
        Change<Return, ReturnEvent> c = Return.authorise(ReturnId.of("r-2"), OrderId.of("o-1"), CustomerRef.of("c-1"), Channel.WEB,
                ReturnMethod.carrierCollection(LocationId.of("WH-1")), RefundTender.ORIGINAL_PAYMENT,
                List.of(ReturnLine.of(L1, Sku.of("SHIRT"), 1, ReturnReason.DEFECTIVE)), T0);
        io.omskit.returns.rma.ReturnLabel requested = io.omskit.returns.rma.ReturnLabel.requested(ReturnId.of("r-2"), 1,
                io.omskit.core.shipping.CarrierService.of("DHL", "PAKET", io.omskit.core.shipping.ServiceLevel.STANDARD),
                io.omskit.core.shipping.Parcel.of(200, 400, 300, 200), T0);
        List<ReturnEvent> events = new ArrayList<>();
        c = c.state().requestLabel(requested, T0);
        events.addAll(c.events());
        c = c.state().recordLabel(requested.booked(new io.omskit.core.shipping.Label("B-1", "T-1", "application/pdf",
                new byte[] {1, 2, 3}, null), Money.of(CurrencyUnit.EUR, 4.5)), T0);
        events.addAll(c.events());
        events.add(new ReturnEvent.ReturnLabelDeclined(java.util.UUID.randomUUID(), ReturnId.of("r-2"), OrderId.of("o-1"), 4, T0,
                requested.key(), "no collection here"));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReturnLabelRequested", "ReturnLabelIssued", "ReturnLabelDeclined");
        for (ReturnEvent e : events) {
            String json = mapper.writeValueAsString(e);
            assertThat(json).startsWith("{\"type\":\"return.label-");
            assertThat(mapper.readValue(json, ReturnEvent.class)).isEqualTo(e);
        }
        Return withLabel = c.state();
        assertThat(withLabel.label().isBooked()).isTrue();
        assertThat(mapper.readValue(mapper.writeValueAsString(withLabel), Return.class)).isEqualTo(withLabel);
    }

    @Test
    void an_unknown_type_name_is_refused() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"return.teleported\"}", ReturnEvent.class))
                .hasMessageContaining("return.teleported");
    }
}
