package io.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.PlacementResult.Outcome;
import io.omskit.core.order.OrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The README's "--postgres" demo: the same story on an embedded PostgreSQL. */
class DemoOnPostgresTest {

    @Test
    void the_demo_runs_on_postgres_without_overselling() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Demo demo = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), null, null, null)) {
            Demo.Results results = demo.run();

            assertThat(results.web.outcome()).isEqualTo(Outcome.CONFIRMED);
            assertThat(results.orderEdit.edited().payment().authorised()).isEqualTo(org.joda.money.Money.parse("EUR 37.40"));
            assertThat(results.orderEdit.whilePicking().rule()).isEqualTo(io.omskit.core.CustomerService.CHANGE_BEFORE_PICKING);
            assertThat(results.declined.outcome()).isEqualTo(Outcome.PAYMENT_DECLINED);
            assertThat(results.reconciled.outcome()).isEqualTo(Outcome.CONFIRMED);
            assertThat(results.rushConfirmed).isEqualTo(DemoNetwork.HOT_STOCK);
            assertThat(results.rushHeld).isEqualTo(DemoNetwork.HOT_STOCK);
            assertThat(results.shipped.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(results.resourced.status()).isEqualTo(OrderStatus.IN_PREPARATION);
            assertThat(results.returned.status()).isEqualTo(io.omskit.returns.rma.ReturnStatus.REFUNDED);
            assertThat(results.afterReturn.payment().refunded()).isEqualTo(results.afterReturn.payment().captured());
            assertThat(results.stagedRouting.replayed()).isEqualTo(results.stagedRouting.live());
            assertThat(results.stagedRouting.live().costDifference()).isPositive();
            assertThat(results.backorders.carlaDelivered().status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(results.backorders.frank().outcome()).isEqualTo(Outcome.OUT_OF_STOCK);
            assertThat(results.backorders.waitingAfterAll()).as("dev's last lamp waits in PostgreSQL").isEqualTo(1);
            assertThat(results.customerChanges.movedTo()).as("scene 21: sourced again for the new address")
                    .isNotNull().isNotEqualTo(results.customerChanges.sourcedAt());
            assertThat(results.customerChanges.collection().location().value()).isEqualTo("ST-MITTE");
            assertThat(results.customerChanges.refunded().payment().refunded().getAmount()).isEqualByComparingTo("4.95");
            assertThat(results.customerChanges.madeGood().status()).as("scene 21: the lost parcel re-shipped and delivered")
                    .isEqualTo(io.omskit.core.order.OrderStatus.DELIVERED);
            assertThat(results.customerChanges.madeGood().payment().captured())
                    .isEqualTo(results.customerChanges.refunded().payment().captured());
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("(PostgreSQL jdbc:postgresql:").contains("oversold: no");
    }
}
