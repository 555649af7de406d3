package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.HoldReason;
import io.omskit.core.order.Hold;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.spi.EventPublisher;
import io.omskit.reporting.micrometer.ReportingMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Micrometer binder publishes the order flow to a registry, each event once. */
class ReportingMetricsTest {

    private final Reporting reporting = Reporting.builder().clock(Clock.fixed(ShopJourney.NOW, ShopJourney.ZONE))
            .zone(ShopJourney.ZONE).build();
    private final ReportingMetrics metrics = new ReportingMetrics(reporting);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void counts_placements_times_sourcing_and_fulfilment_and_follows_reservations_once_per_event() {
        metrics.bindTo(registry);
        List<DomainEvent> events = ShopJourney.events().events();
        EventPublisher publisher = reporting.publisher();
        publisher.publish(events);
        publisher.publish(events);

        assertThat(registry.get("oms.placements").tag("outcome", "placed").counter().count()).isEqualTo(7);
        assertThat(registry.get("oms.placements").tag("outcome", "confirmed").counter().count()).isEqualTo(6);
        assertThat(registry.get("oms.sourcing.time").timer().count()).as("A to F were allocated").isEqualTo(5);
        assertThat(registry.get("oms.sourcing.time").timer().max(TimeUnit.MINUTES)).isEqualTo(5);
        assertThat(registry.get("oms.fulfilment.time").tag("leg", "placed_to_shipped").timer().count()).isEqualTo(3);
        assertThat(registry.get("oms.fulfilment.time").tag("leg", "placed_to_shipped").timer().max(TimeUnit.HOURS)).isEqualTo(8);
        assertThat(registry.get("oms.fulfilment.time").tag("leg", "placed_to_ready_for_pickup").timer().count()).isEqualTo(2);
        assertThat(registry.get("oms.reservations").tag("event", "reserved").counter().count()).isEqualTo(1);
        assertThat(registry.get("oms.reservations").tag("event", "released").counter().count()).isEqualTo(1);
        assertThat(registry.get("oms.reservations.held").gauge().value()).isZero();
        assertThat(registry.get("oms.fulfilments.waiting").tag("location", "WH-1").gauge().value()).isEqualTo(1);
        assertThat(registry.get("oms.fulfilments.waiting").tag("location", "ST-1").gauge().value()).isZero();
        assertThat(registry.get("oms.fulfilments.waiting").tag("location", "(not sourced)").gauge().value()).isEqualTo(1);
    }

    @Test
    void orders_awaiting_stock_are_a_gauge_of_their_own_per_location_of_supply() {
        metrics.bindTo(registry);
        reporting.publisher().publish(BacklogAwaitingStockTest.events());
        // K and L wait for WH-2's supply; M's mug at ST-1 was filled and cancelled by now
        assertThat(registry.get("oms.orders.awaiting-stock").tag("location", "WH-2").gauge().value()).isEqualTo(2);
        assertThat(registry.get("oms.orders.awaiting-stock").tag("location", "ST-1").gauge().value()).isZero();
        assertThat(registry.get("oms.fulfilments.waiting").tag("location", "WH-1").gauge().value()).as("F and K's offered scarf")
                .isEqualTo(2);
        assertThat(registry.find("oms.fulfilments.waiting").tag("location", "WH-2").gauge()).isNull();
    }

    @Test
    void pending_payments_and_holds_follow_the_latest_status() {
        metrics.bindTo(registry);
        ShopEvents s = new ShopEvents();
        s.placeHome("P", Channel.WEB, ShopJourney.at("02T09:00"), null, ShopEvents.line("TEE", 1, "10.00"));
        s.status("P", ShopJourney.at("02T09:00"), OrderStatus.AWAITING_CONFIRMATION, OrderStatus.AWAITING_CONFIRMATION);
        reporting.rebuild(s.events());
        assertThat(registry.get("oms.payments.pending").gauge().value()).isEqualTo(1);

        Instant held = ShopJourney.at("02T09:02");
        reporting.publisher().publish(List.of(
                new OrderEvent.OrderPutOnHold(UUID.randomUUID(), OrderId.of("P"), 3, held,
                        new Hold(HoldReason.PAYMENT_DECLINED, "insufficient funds", held)),
                new OrderEvent.OrderStatusChanged(UUID.randomUUID(), OrderId.of("P"), 3, held,
                        OrderStatus.AWAITING_CONFIRMATION, OrderStatus.ON_HOLD)));
        assertThat(registry.get("oms.placements").tag("outcome", "on_hold").tag("reason", "PAYMENT_DECLINED").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("oms.payments.pending").gauge().value()).isZero();
    }

    @Test
    void a_reservation_held_shows_in_the_gauge_until_released() {
        metrics.bindTo(registry);
        ShopEvents s = new ShopEvents();
        s.reserved("cart-1", "TEE", ShopJourney.at("02T09:00"));
        s.reserved("cart-2", "MUG", ShopJourney.at("02T09:00"));
        reporting.rebuild(s.events());
        assertThat(registry.get("oms.reservations.held").gauge().value()).isEqualTo(2);
        s.reservationReleased("cart-1", "TEE", ShopJourney.at("02T09:10"));
        reporting.rebuild(s.events());
        assertThat(registry.get("oms.reservations.held").gauge().value()).isEqualTo(1);
    }
}
