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
        assertThat(results.customerOrders).extracting(o -> o.externalRef().value()).containsExactly("WEB-1903", "APP-1902", "WEB-1901");
        assertThat(results.story.entries()).extracting(e -> e.kind()).contains("order.placed", "fulfilment.delivered",
                "return.authorised", "return.refund", "order.note-added");
        assertThat(results.refusedCancel.rule()).isEqualTo("customer-cancels-before-preparation");
        assertThat(results.agentCancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(printed).contains("19. Customer service", "refused by own-store-only", "refused by agent-refund-limit",
                "agent agent-17 | order | Note: Customer called");
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
        io.omskit.core.order.Order tendered = results.tendered;
        assertThat(tendered.payment().tender("gift").orElseThrow().captured()).isEqualTo(org.joda.money.Money.parse("EUR 20.00"));
        assertThat(tendered.payment().tender("card").orElseThrow().captured()).isEqualTo(org.joda.money.Money.parse("EUR 5.00"));
        assertThat(tendered.payment().tender("card").orElseThrow().refunded()).isEqualTo(org.joda.money.Money.parse("EUR 5.00"));
        assertThat(tendered.payment().tender("gift").orElseThrow().refunded()).isEqualTo(org.joda.money.Money.parse("EUR 7.50"));
        assertThat(printed).contains("17. Several tenders", "still authorised gift 20.00 + card 5.00",
                "captured gift 20.00 + card 5.00", "-> card 5.00 + gift 7.50", "balance due EUR 0.00, credit owed EUR 0.00");
        assertThat(results.reconciliation.differences()).as("the one injected difference and no other").singleElement()
                .satisfies(f -> {
                    assertThat(f.classification()).isEqualTo(io.omskit.reporting.funds.settlement.Classification.AMOUNT_MISMATCH);
                    assertThat(f.difference()).isEqualTo(org.joda.money.Money.ofMinor(org.joda.money.CurrencyUnit.EUR, 1));
                });
        org.joda.money.Money net = org.joda.money.Money.zero(org.joda.money.CurrencyUnit.EUR);
        org.joda.money.Money owed = net;
        for (io.omskit.core.order.OrderId id : results.funds.orders()) {
            var funds = results.funds.funds(id);
            if (funds.isPresent()) {
                net = net.plus(funds.get().net());
                owed = owed.plus(funds.get().owed().values().stream().reduce(org.joda.money.Money.zero(org.joda.money.CurrencyUnit.EUR),
                        org.joda.money.Money::plus));
            }
        }
        assertThat(net.isPositive()).isTrue();
        assertThat(owed).as("every captured or refunded cent owed to exactly one party").isEqualTo(net);
        assertThat(printed).contains("18. Funds", "marketplace_seller:seller-acme", "difference: AMOUNT_MISMATCH",
                "the ledger balances: true");
        assertThat(results.orderEdit.edited().valueNotCancelled()).isEqualTo(org.joda.money.Money.parse("EUR 37.40"));
        assertThat(results.orderEdit.difference().authorised()).as("37.40 - 25.80").isEqualTo(org.joda.money.Money.parse("EUR 11.60"));
        assertThat(results.orderEdit.edited().payment().authorised()).isEqualTo(org.joda.money.Money.parse("EUR 37.40"));
        assertThat(results.orderEdit.declined().rule()).isEqualTo(io.omskit.core.CustomerService.EDIT_PAYMENT_DECLINED);
        assertThat(results.orderEdit.afterDecline().lines()).isEqualTo(results.orderEdit.edited().lines());
        assertThat(results.orderEdit.whilePicking().rule()).isEqualTo(io.omskit.core.CustomerService.CHANGE_BEFORE_PICKING);
        StagedRoutingScene.Outcome staged = results.stagedRouting;
        assertThat(staged.waiting().isWaiting()).isTrue();
        assertThat(staged.waiting().retryAt()).contains(java.time.Instant.parse("2026-12-07T11:00:00Z"));
        assertThat(staged.live().orders()).hasSize(8);
        assertThat(staged.replayed()).isEqualTo(staged.live());
        assertThat(staged.live().costDifference()).isPositive();
        assertThat(staged.live().orders().get(0).costDifference()).as("WEB-2301: the near store either way")
                .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(staged.live().orders().get(6).livePromiseKept()).as("WEB-2307: nobody holds lamps").isFalse();
        assertThat(staged.results()).filteredOn(r -> r instanceof io.omskit.orchestration.result.SourcingResult.Allocated)
                .hasSize(7);
        assertThat(staged.anyOfIt().steps()).extracting(io.omskit.orchestration.engine.DecisionStep::outcome)
                .as("WEB-2302: the Berlin store ships the kettle, a warehouse the toaster").containsExactly(
                        io.omskit.orchestration.engine.StepOutcome.SHIPPED_PART,
                        io.omskit.orchestration.engine.StepOutcome.DECIDED);
        assertThat(staged.anyOfIt().plan().isComplete()).isTrue();
        assertThat(staged.anyOfIt().plan().fulfilments()).hasSize(2);
        assertThat(staged.anyOfIt().decidedBy())
                .isEqualTo("stage 1 'stores-any-of-it', then stage 2 'warehouses-for-the-rest'");
        assertThat(printed).contains("23. Routing rules as stages", "merchant-rules cost ",
                "more than optimiser on 8 order(s), mostly in stage 2 'warehouses-by-priority'",
                "replaying the recorded orders gives the same report: true");
        CustomerChangeScene.Outcome changes = results.customerChanges;
        assertThat(changes.found()).extracting(o -> o.externalRef().value()).containsExactly("WEB-2101");
        assertThat(changes.story().ofKind("order.placed")).hasSize(1);
        assertThat(changes.movedTo()).as("sourced again for Dresden").isNotNull().isNotEqualTo(changes.sourcedAt());
        assertThat(changes.moved().delivery().address().city()).isEqualTo("Dresden");
        assertThat(changes.collection().kind()).isEqualTo(io.omskit.core.fulfilment.FulfilmentKind.COLLECT_IN_STORE);
        assertThat(changes.collection().location().value()).isEqualTo("ST-MITTE");
        assertThat(changes.switched().delivery().method()).isEqualTo(io.omskit.core.order.DeliveryMethod.EXPRESS_CLICK_AND_COLLECT);
        assertThat(changes.refunded().payment().refunded().getAmount()).isEqualByComparingTo("4.95");
        assertThat(printed).contains("21. Changes before the goods move", "Ben moves to Dresden: re-sourced from");
        assertThat(changes.reshipment().reshipment().reason()).isEqualTo(io.omskit.core.order.ReshipReason.LOST);
        assertThat(changes.reshipment().status()).isEqualTo(io.omskit.core.fulfilment.FulfilmentStatus.DELIVERED);
        assertThat(changes.madeGood().status()).isEqualTo(io.omskit.core.order.OrderStatus.DELIVERED);
        assertThat(changes.madeGood().payment().captured()).as("nothing captured for the re-shipment")
                .isEqualTo(changes.refunded().payment().captured());
        assertThat(changes.madeGood().total()).isEqualTo(changes.refunded().total());
        assertThat(printed).contains("the parcel is lost: agent-21 re-ships it at no charge", "re-shipped at no charge as");
        BackorderScene.Outcome bo = results.backorders;
        assertThat(bo.carla().isConfirmed()).isTrue();
        assertThat(bo.carla().order().line(io.omskit.core.order.LineId.of("1")).orElseThrow().awaitingStock()).isEqualTo(2);
        assertThat(bo.frank().outcome()).isEqualTo(io.omskit.core.PlacementResult.Outcome.OUT_OF_STOCK);
        assertThat(bo.carlaDelivered().status()).isEqualTo(io.omskit.core.order.OrderStatus.DELIVERED);
        assertThat(bo.carlaDelivered().payment().captured().getAmount()).isEqualByComparingTo("480");
        assertThat(bo.dev().line(io.omskit.core.order.LineId.of("1")).orElseThrow().units().reserved()).isEqualTo(2);
        assertThat(bo.dev().line(io.omskit.core.order.LineId.of("1")).orElseThrow().expectedAt())
                .contains(java.time.Instant.parse("2026-12-28T08:00:00Z"));
        assertThat(bo.emil().status()).isEqualTo(io.omskit.core.order.OrderStatus.CANCELLED);
        assertThat(bo.waitingAfterAll()).isEqualTo(1);
        assertThat(bo.told()).isNotEmpty().allSatisfy(n -> assertThat(n.data())
                .containsEntry("expectedAt", "2026-12-28T08:00:00Z"));
        assertThat(printed).contains("20. Backorders and pre-orders", "frank orders 1 -> OUT_OF_STOCK, nothing held",
                "carla orders 4 -> CONFIRMED, AWAITING_STOCK (2 reserved, 2 pre-ordered expected 2026-12-18T08:00:00Z",
                "emil orders 3 -> CONFIRMED, AWAITING_STOCK (0 reserved, 3 backordered without a date yet)");
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

    @Test
    void the_demo_fills_w2_before_w1_and_lists_pickup_points() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Demo.Results results = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).run();

        assertThat(results.prioritySplit).containsExactly(
                java.util.Map.entry(io.omskit.core.network.LocationId.of("W2"), 3),
                java.util.Map.entry(io.omskit.core.network.LocationId.of("W1"), 2));
        assertThat(results.shipmentPrioritySplit).doesNotContainEntry(io.omskit.core.network.LocationId.of("W2"), 3);
        assertThat(results.pickupPoints.points()).isNotEmpty();
        assertThat(results.pickupPoints.points()).allSatisfy(p -> assertThat(p.distanceKm()).isLessThanOrEqualTo(50));
        assertThat(results.pickupPoints.points()).extracting(p -> p.store().value())
                .contains("ST-MITTE", "ST-KREUZBERG").doesNotContain("ST-MUNICH");
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Allocation priorities and pickup points",
                "fill-in-priority (per unit):      {W2=3, W1=2}", "pickup points within 50 km of Alexanderplatz");
    }

    @Test
    void the_demo_ends_writing_its_report_from_the_events_of_every_scene() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Demo.Results results = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).run();
        String printed = buffer.toString(StandardCharsets.UTF_8);

        io.omskit.reporting.measure.OrderVolume volume = results.report.volumeTotal().get(0);
        long placed = results.reportedEvents.stream().filter(e -> e instanceof io.omskit.core.order.OrderEvent.OrderPlaced).count();
        assertThat(volume.orders()).as("every order placed in the scenes").isEqualTo(placed).isGreaterThan(80);
        assertThat(results.report.speedTotal()).isNotEmpty();
        assertThat(results.report.returnRateTotal().get(0).returned()).isPositive();
        assertThat(results.report.rejections()).as("scene 9's store rejection").isNotEmpty();
        assertThat(results.report.stockTurnoverValue()).as("stock turnover at the demo's unit costs").isNotEmpty();
        assertThat(printed).contains("stock at cost: EUR ");
        assertThat(printed).contains("The report: every scene", "orders placed: " + volume.orders(), "the second pass changes nothing",
                "report written to " + results.reportFile);
        String html = java.nio.file.Files.readString(results.reportFile);
        assertThat(html).contains("data-measure=\"orders\"><div class=\"figure\">" + volume.orders() + "<")
                .doesNotContain("<script");
    }
}
