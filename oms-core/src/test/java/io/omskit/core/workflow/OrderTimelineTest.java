package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.STORE;
import static io.omskit.core.workflow.OmsFixture.WH;
import static io.omskit.core.workflow.OmsFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.Oms;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.InMemoryNotificationLog;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.Notification;
import io.omskit.core.spi.NotificationChannel;
import io.omskit.core.spi.NotificationSubject;
import io.omskit.core.timeline.NotificationTimeline;
import io.omskit.core.timeline.Timeline;
import io.omskit.core.timeline.TimelineEntry;
import io.omskit.core.timeline.TimelineProjection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent reads an order's whole story: the same rebuilt from stored events, followed live, and after a restart. */
class OrderTimelineTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 50).stock(MUG, STORE, 10);
    private final Actor agent = Actor.agent("agent-7");

    private void tick() {
        f.clock.advance(Duration.ofMinutes(5));
    }

    /** Placed, noted, allocated, picked, packed, shipped, delivered; returns the order. */
    private Order deliveredOrder() {
        Order order = f.oms.placeOrder(f.webOrder("t-1").line("1", "MUG", 2, eur(10)).build()).order();
        tick();
        f.oms.customerService().addNote(order.id(), agent, "Customer asked whether it ships today.");
        tick();
        f.oms.allocate(order.id(), "t-1-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId id = FulfilmentId.of("t-1-WH");
        tick();
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        tick();
        f.oms.fulfilments().pack(id);
        tick();
        f.oms.fulfilments().ship(id, ShipmentDetails.of("parcel-1", "DHL", "TRACK-1"));
        tick();
        f.oms.fulfilments().deliver(id, "signed");
        return f.oms.order(order.id()).orElseThrow();
    }

    @Test
    void the_story_of_a_delivered_order_reads_in_time_order_with_who_did_what() {
        Order order = deliveredOrder();

        Timeline timeline = f.oms.customerService().timeline(order.id());

        assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsSubsequence("order.placed", "order.note-added",
                "order.units-allocate", "fulfilment.offered", "fulfilment.accepted", "fulfilment.picking-started",
                "fulfilment.packed", "fulfilment.shipped", "fulfilment.delivered");
        assertThat(timeline.entries()).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at));
        assertThat(timeline.ofKind("order.placed")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.customer(CustomerRef.of("customer-1"))));
        assertThat(timeline.ofKind("order.note-added")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.text()).contains("ships today");
        });
        assertThat(timeline.ofKind("payment.authorise")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("SUCCEEDED").contains("EUR 20.00"));
        assertThat(timeline.ofKind("fulfilment.shipped")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("DHL").contains("TRACK-1"));
        assertThat(timeline.text()).contains("agent agent-7").contains("[fulfilment t-1-WH] Delivered")
                .doesNotContain("A. Person").doesNotContain("Main Street");
    }

    @Test
    void the_timeline_rebuilt_from_stored_events_equals_the_one_followed_live_and_survives_a_restart() {
        TimelineProjection live = new TimelineProjection();
        f.events.subscribe(e -> live.publish(List.of(e)));
        Order delivered = deliveredOrder();
        Order cancelled = f.oms.placeOrder(f.pickupOrder("t-2", DeliveryMethod.EXPRESS_CLICK_AND_COLLECT)
                .line("1", "MUG", 1, eur(10)).build()).order();
        f.oms.allocate(cancelled.id(), "t-2-ST", STORE, List.of(LineQuantity.of(LineId.of("1"), 1)));
        tick();
        Actor customer2 = Actor.customer(CustomerRef.of("customer-2"));
        f.oms.customerService().cancelOrder(cancelled.id(), customer2, CancellationReason.CUSTOMER_REQUEST).get();
        // at least once: events published again are dropped by id
        live.publish(f.events.events());

        Oms restarted = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders)
                .inventory(f.inventory).fulfilments(f.fulfilments).payments(f.payments).build();

        for (OrderId id : List.of(delivered.id(), cancelled.id())) {
            Timeline rebuilt = f.oms.customerService().timeline(id);
            assertThat(live.timeline(id, List.of())).isEqualTo(rebuilt);
            assertThat(restarted.customerService().timeline(id)).isEqualTo(rebuilt);
        }
        Timeline ofCancelled = f.oms.customerService().timeline(cancelled.id());
        assertThat(ofCancelled.ofKind("fulfilment.cancelled")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(customer2);
            assertThat(e.reason()).isEqualTo("CUSTOMER_REQUEST");
        });
        assertThat(ofCancelled.ofKind("order.units-cancelled")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(customer2));
    }

    @Test
    void messages_sent_join_the_story_from_the_notification_log() {
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        Oms withMessages = Oms.builder().inMemory().clock(f.clock).network(f.network).catalog(f.catalog).orders(f.orders)
                .inventory(f.inventory).fulfilments(f.fulfilments).payments(f.payments)
                .timelineSource(new NotificationTimeline(log)).build();
        Order order = withMessages.placeOrder(f.webOrder("t-3").line("1", "MUG", 1, eur(10)).build()).order();
        tick();
        Notification confirmed = new Notification("t-3-confirmed", order.id(), order.customer(), NotificationChannel.EMAIL,
                Locale.GERMANY, NotificationSubject.orderStatus(OrderStatus.CONFIRMED), Map.of("pickupCode", "999111"));
        log.claim(confirmed, order.version(), f.clock.instant(), Duration.ofMinutes(1));
        tick();
        log.markSent("t-3-confirmed", f.clock.instant());

        Timeline timeline = withMessages.customerService().timeline(order.id());

        assertThat(timeline.entries()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("message.sent");
            assertThat(e.at()).isEqualTo(f.clock.instant());
            assertThat(e.text()).contains("EMAIL").contains("CONFIRMED").doesNotContain("999111");
        });
    }

    @Test
    void the_story_is_json_for_a_ui_and_reads_back_equal() throws Exception {
        Order order = deliveredOrder();
        Timeline timeline = f.oms.customerService().timeline(order.id());
        ObjectMapper json = OmsJson.newMapper();

        String written = json.writeValueAsString(timeline);

        assertThat(written).contains("\"kind\":\"order.note-added\"").contains("\"kind\":\"AGENT\"");
        assertThat(json.readValue(written, Timeline.class)).isEqualTo(timeline);
        Order noted = f.oms.order(order.id()).orElseThrow();
        assertThat(noted.notes()).hasSize(1);
        assertThat(json.readValue(json.writeValueAsString(noted), Order.class)).as("the note is kept in the order's document")
                .isEqualTo(noted);
    }

    @Test
    void the_story_of_an_unknown_order_is_refused() {
        assertThatThrownBy(() -> f.oms.customerService().timeline(OrderId.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
