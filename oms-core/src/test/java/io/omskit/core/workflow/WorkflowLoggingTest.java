package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.omskit.core.PlacementResult;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a host's logging sees while the workflows run: the order (and fulfilment) id in the MDC during the work and
 * gone after it, business outcomes below WARN, and no personal data in any line.
 */
class WorkflowLoggingTest {

    private final OmsFixture f = new OmsFixture().stock(MUG, WH, 10);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the MDC as it is now, not when the test reads the event
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final Logger library = (Logger) LoggerFactory.getLogger("io.omskit");
    private final List<String> mdcAtPublish = Collections.synchronizedList(new ArrayList<>());
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = library.getLevel();
        library.setLevel(Level.DEBUG);
        library.setAdditive(false);
        logged.start();
        library.addAppender(logged);
        f.events.subscribe(this::recordMdc);
    }

    @AfterEach
    void stopListening() {
        library.detachAppender(logged);
        library.setAdditive(true);
        library.setLevel(levelBefore);
    }

    private void recordMdc(DomainEvent e) {
        if (e instanceof OrderEvent o) {
            mdcAtPublish.add(o.getClass().getSimpleName() + " " + o.orderId().value() + " orderId=" + MDC.get("orderId"));
        } else if (e instanceof FulfilmentEvent fe) {
            mdcAtPublish.add(fe.getClass().getSimpleName() + " " + fe.fulfilmentId().value() + " fulfilmentId="
                    + MDC.get("fulfilmentId"));
        }
    }

    @Test
    void a_placement_runs_with_its_order_id_in_the_mdc_and_leaves_it_clean() {
        PlacementResult placed = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build());
        String id = placed.order().id().value();

        List<ILoggingEvent> confirmed = logged.list.stream()
                .filter(e -> e.getFormattedMessage().equals("order " + id + " confirmed")).toList();
        assertThat(confirmed).singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("orderId", id));
        assertThat(mdcAtPublish).filteredOn(s -> s.startsWith("OrderConfirmed"))
                .containsExactly("OrderConfirmed " + id + " orderId=" + id);
        assertThat(MDC.get("orderId")).isNull();
        assertThat(MDC.getCopyOfContextMap()).satisfiesAnyOf(m -> assertThat(m).isNull(), m -> assertThat(m).isEmpty());
    }

    @Test
    void a_workflow_called_from_a_host_that_set_an_order_id_gives_it_back_afterwards() {
        MDC.put("orderId", "host-request-7");
        try {
            f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());

            assertThat(MDC.get("orderId")).isEqualTo("host-request-7");
        } finally {
            MDC.remove("orderId");
        }
    }

    @Test
    void a_declined_card_is_logged_at_info_under_the_order_id_and_nothing_reaches_warn() {
        f.payments.declineNext("insufficient funds");

        PlacementResult declined = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 3, eur(8)).build());
        String id = declined.order().id().value();

        assertThat(declined.outcome()).isEqualTo(PlacementResult.Outcome.PAYMENT_DECLINED);
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("declined"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getMDCPropertyMap()).containsEntry("orderId", id);
                });
    }

    @Test
    void a_payment_left_unknown_is_a_warning_for_operations() {
        f.payments.timeOutNext(false);

        f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 1, eur(8)).build());

        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString().contains("UNKNOWN");
    }

    @Test
    void a_reservation_the_store_refuses_is_logged_at_debug_under_the_order_id() {
        PlacementResult refused = f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 11, eur(8)).build());
        String id = refused.order().id().value();

        assertThat(refused.outcome()).isEqualTo(PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(logged.list).filteredOn(e -> e.getLoggerName().endsWith("InventoryBook"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(e.getFormattedMessage()).startsWith("reservation ").contains("refused").contains("MUG");
                    assertThat(e.getMDCPropertyMap()).containsEntry("orderId", id);
                });
    }

    @Test
    void an_expired_cart_hold_is_logged_at_debug() {
        f.oms.holdCart("cart-9", Map.of(MUG, 2), Duration.ofMinutes(15));
        f.clock.advance(Duration.ofMinutes(16));

        assertThat(f.oms.expireHolds()).isEqualTo(1);

        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("expired"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(e.getFormattedMessage()).contains("cart-9");
                });
    }

    @Test
    void a_fulfilment_step_runs_with_the_fulfilment_and_order_ids_in_the_mdc() {
        FulfilmentId parcel = f.packedParcel("W-1", 2);
        OrderId order = f.oms.fulfilments().get(parcel).orderId();

        assertThat(mdcAtPublish).filteredOn(s -> s.startsWith("FulfilmentPacked"))
                .containsExactly("FulfilmentPacked " + parcel.value() + " fulfilmentId=" + parcel.value());
        assertThat(logged.list).filteredOn(e -> e.getLoggerName().endsWith("Placement")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("orderId", order.value()));
        assertThat(MDC.get("fulfilmentId")).isNull();
    }

    @Test
    void no_line_names_the_customer_their_address_or_phone() {
        f.payments.declineNext("do not honour");
        f.oms.placeOrder(f.webOrder("W-1").line("1", "MUG", 2, eur(8)).build());
        f.oms.placeOrder(f.webOrder("W-2").line("1", "MUG", 20, eur(8)).build());
        f.packedParcel("W-3", 1);

        assertThat(logged.list).isNotEmpty();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("A. Person") || m.contains("Main Street") || m.contains("10115")
                        || m.contains("Berlin") || m.contains("customer-1"));
    }

    @Test
    void placements_racing_on_threads_each_see_their_own_order_id() throws Exception {
        f.stock(MUG, WH, 100);
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            String ref = "W-" + t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                f.oms.placeOrder(f.webOrder(ref).line("1", "MUG", 1, eur(8)).build());
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        List<String> confirmed = mdcAtPublish.stream().filter(s -> s.startsWith("OrderConfirmed")).toList();
        assertThat(confirmed).hasSize(8).allSatisfy(s -> {
            String[] parts = s.split(" ");
            assertThat(parts[2]).isEqualTo("orderId=" + parts[1]);
        });
    }
}
