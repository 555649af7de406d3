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

class DemoTest {

    @Test
    void the_demo_tells_its_story_without_overselling() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Demo.Results results = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).run();
        String printed = buffer.toString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("demo.print")) {
            System.out.println(printed);
        }

        assertThat(results.web.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(results.declined.outcome()).isEqualTo(Outcome.PAYMENT_DECLINED);
        assertThat(results.retried.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(results.reconciled.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(results.outOfStock.outcome()).isEqualTo(Outcome.OUT_OF_STOCK);
        assertThat(results.rushConfirmed).isEqualTo(DemoNetwork.HOT_STOCK);
        assertThat(results.rushHeld).isEqualTo(DemoNetwork.HOT_STOCK);
        assertThat(results.shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(results.shipped.payment().captured()).isEqualTo(results.shipped.payment().captured()
                .withAmount(new java.math.BigDecimal("61.95")));
        assertThat(results.sourced.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(results.resourced.status()).isEqualTo(OrderStatus.IN_PREPARATION);
        assertThat(results.resourced.allocations()).isNotEmpty()
                .noneMatch(a -> a.location().equals(results.rejectedAt) && a.line().equals(results.sourced.allocations().get(0).line()));
        assertThat(printed).contains("9. Sourcing").contains("re-sourced: true");
        assertThat(results.shippedAfterRetry.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(results.shippedAfterRetry.payment().captured()).isEqualTo(results.shippedAfterRetry.total());
        assertThat(results.cancelledAfterRetry.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(results.cancelledAfterRetry.payment().authorised().isZero()).isTrue();
        assertThat(results.sweep).isEmpty();
        assertThat(results.delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(results.collected.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(results.collected.payment().captured()).isEqualTo(results.collected.total());
        assertThat(results.transferCollected.status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(results.expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(results.expired.payment().authorised().isZero()).isTrue();
        assertThat(results.tracked.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(printed).contains("12. Carriers, labels and tracking", "chose DHL PAKET", "returns the same label: true",
                "duplicate, nothing changes", "fulfilment DELIVERED");
        assertThat(results.returned.status()).isEqualTo(io.omskit.returns.rma.ReturnStatus.REFUNDED);
        assertThat(results.afterReturn.status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(results.afterReturn.payment().refunded()).isEqualTo(results.afterReturn.payment().captured());
        assertThat(printed).contains("14. Returns", "restocked: ST-MITTE sells 0 -> 1 at once", "written off");
        assertThat(printed).contains("11. After allocation", "ST-MITTE accepts, picks and packs -> READY_FOR_COLLECTION",
                "arrives at ST-KREUZBERG -> order READY_FOR_PICKUP", "expires [APP-1103-F] -> order CANCELLED");
        assertThat(results.messages).extracting(n -> n.subject().name()).containsExactly("CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(results.restocked.status()).isEqualTo(io.omskit.core.transfer.TransferStatus.RECEIVED);
        assertThat(printed).contains("13. Customer messages", "WEB-1301-MITTE is REJECTED",
                "https://track.example.com/DHL/00340434161094099999", "6 inbound", "transfer RECEIVED");
        assertThat(printed).as("status changes delivered again send nothing twice")
                .containsPattern("(\\d+) message\\(s\\) to customers, \\1 call\\(s\\) to the provider");
        assertThat(printed).contains("10. The storage fails after writing", "stock movements for the parcel: 1", "stock held for it: none");
        assertThat(printed)
                .contains("2 warehouses, 8 stores, 1 drop-shipper")
                .contains("oversold: no")
                .contains("PAYMENT_DECLINED")
                .contains("network-wide LOW -> OUT_OF_STOCK")
                .doesNotContain("Demo Street");
        assertThat(results.cartHolds.refusedGrowth().isReserved()).isFalse();
        assertThat(results.cartHolds.forSaleBeforeLapse()).isEqualTo(2);
        assertThat(results.cartHolds.forSaleAfterLapse()).isEqualTo(4);
        assertThat(results.cartHolds.tidiedBySweep()).isZero();
        assertThat(results.cartHolds.order().outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(printed).contains("15. Cart holds", "refused: only 3 for this cart (her own 2 + 1 for sale); her hold stays at 2",
                "for sale 2 -> 4 at once", "her hold CONSUMED by the order; 4 for sale");
        assertThat(results.backorders.refused().isAccepted()).isFalse();
        assertThat(results.backorders.fills()).extracting(f -> f.backorder().value()).containsExactly("bo-carla", "bo-dev");
        assertThat(results.backorders.reservedAfterReceipt()).isEqualTo(4);
        assertThat(results.backorders.third().waiting()).isEqualTo(2);
        assertThat(results.backorders.third().expectedAt()).isEqualTo(java.time.Instant.parse("2026-12-28T08:00:00Z"));
        assertThat(results.backorders.told()).isNotEmpty().allSatisfy(n -> assertThat(n.data())
                .containsEntry("expectedAt", "2026-12-28T08:00:00Z"));
        assertThat(printed).contains("16. Backorders and pre-orders", "frank asks for 7 -> refused: only 6 more",
                "emil's 2 still wait", "lamps now expected 2026-12-28T08:00:00Z");
    }

    @Test
    void the_demo_shows_product_page_and_cart_promises() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Demo.Results results = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).run();

        assertThat(results.productPage.method(io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY).orElseThrow()
                .isAvailable()).isTrue();
        assertThat(results.soldOutPage.signal().kind()).isEqualTo(io.omskit.atp.StockSignal.Kind.BACK_IN_STOCK);
        assertThat(results.soldOutPage.method(io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY).orElseThrow()
                .isLater()).isTrue();
        assertThat(results.cart.method(io.omskit.core.order.DeliveryMethod.STANDARD_DELIVERY).orElseThrow().parts())
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("8. Product page and cart promises", "back in stock on");
    }
}
