package io.omskit.returns;

import static io.omskit.returns.Shop.JEANS;
import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.payment.TenderType;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.inmemory.InMemoryReturnRepository;
import io.omskit.returns.policy.RefundTiming;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.policy.ShippingRefund;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import io.omskit.returns.spi.ReturnRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's last edge: a 114.95 order (2 shirts at 25.00, jeans at 60.00, 4.95 shipping) under "shipping refunded when
 * everything is returned". The shirts are delivered and returned (50.00 refunded, shipping kept: the jeans are still
 * to come); then the jeans, still waiting, are cancelled. Now the customer keeps nothing, so the 4.95 shipping is due,
 * and no return refund of units is left to carry it: the library refunds it itself, on the return of the shirts, once,
 * through the provider under one key, whatever fails on the way.
 */
class ShippingRefundAfterCancellationTest {

    private static final LineId SHIRTS = LineId.of("1");
    private static final LineId JEANS_LINE = LineId.of("2");

    private final Shop shop = new Shop();

    private Returns returns(ReturnPolicy policy, ReturnRepository repository) {
        Returns r = Returns.builder(shop.oms).payments(shop.payments).policy(policy).repository(repository).events(shop.events).build();
        shop.events.subscribe(r::accept);
        return r;
    }

    private Returns returns(ShippingRefund shipping) {
        return returns(ReturnPolicy.builder().shippingRefund(shipping).build(), new InMemoryReturnRepository());
    }

    /** The order with its shirts delivered and its jeans still reserved. */
    private void cancelJeans(Order order) {
        shop.oms.cancel(order.id(), List.of(LineQuantity.of(JEANS_LINE, 1)), CancellationReason.CUSTOMER_REQUEST, "cancel-jeans");
    }

    @Test
    void the_shipping_is_refunded_when_the_units_still_waiting_are_cancelled_after_the_last_refund() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        assertThat(ret.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(ret.refunds()).singleElement().satisfies(f -> {
            assertThat(f.goods()).isEqualTo(eur("50.00"));
            assertThat(f.shipping()).as("the jeans are still to come: shipping kept").isEqualTo(eur("0.00"));
        });
        assertThat(shop.payments.captured(order.id())).as("the shipping is captured with the last unit").isEqualTo(eur("50.00"));

        cancelJeans(order);

        assertThat(shop.payments.captured(order.id())).isEqualTo(eur("54.95"));
        Return after = returns.find(ret.id()).orElseThrow();
        assertThat(after.status()).as("still refunded: its units are done").isEqualTo(ReturnStatus.REFUNDED);
        assertThat(after.refunds()).hasSize(2);
        Refund shipping = after.refunds().get(1);
        assertThat(shipping.units()).isEmpty();
        assertThat(shipping.goods()).isEqualTo(eur("0.00"));
        assertThat(shipping.shipping()).isEqualTo(eur("4.95"));
        assertThat(shipping.amount()).isEqualTo(eur("4.95"));
        assertThat(shipping.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(shop.payments.refunded(order.id())).as("everything captured came back").isEqualTo(eur("54.95"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("54.95"));
        assertThat(shop.events.events()).filteredOn(e -> e instanceof ReturnEvent.ReturnRefunded r && r.refundKey().equals(shipping.key()))
                .as("the shipping refund is announced like any other").hasSize(1);
        assertThat(returns.settleShipping(order.id())).contains(shipping);
    }

    @Test
    void settling_again_and_the_cancellation_event_delivered_twice_refund_nothing_more() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        cancelJeans(order);
        shop.events.events().stream().filter(e -> e instanceof io.omskit.core.order.OrderEvent.OrderUnitsCancelled).toList()
                .forEach(returns::accept);
        returns.settleShipping(order.id());

        assertThat(shop.refundKeys(order.id())).hasSize(2).doesNotHaveDuplicates();
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
    }

    @Test
    void an_unknown_outcome_that_did_refund_is_asked_again_under_the_same_key_and_paid_once() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().timeOutNext(true); // the capture of the shipping, then the refund

        cancelJeans(order);

        Return pending = returns.find(ret.id()).orElseThrow();
        assertThat(pending.openRefund()).as("recorded before asking, unanswered").isPresent();
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("50.00"));
        assertThat(shop.payments.refunded(order.id())).as("the provider did refund").isEqualTo(eur("54.95"));

        assertThat(returns.reconcileRefunds(10)).containsExactly(ret.id());

        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("54.95"));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
        assertThat(shop.refundKeys(order.id())).hasSize(3).containsOnlyOnce(shop.refundKeys(order.id()).get(0));
        assertThat(returns.settleShipping(order.id())).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(RefundStatus.SUCCEEDED));
    }

    @Test
    void an_unknown_outcome_that_did_not_refund_is_refunded_by_the_next_call() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().timeOutNext(false); // the capture of the shipping, then the refund
        cancelJeans(order);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("50.00"));

        Optional<Refund> settled = returns.settleShipping(order.id());

        assertThat(settled).hasValueSatisfying(f -> assertThat(f.amount()).isEqualTo(eur("4.95")));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
        assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("54.95"));
    }

    @Test
    void an_unreachable_provider_fails_the_direct_call_and_the_retry_finishes() {
        Returns returns = returns(ReturnPolicy.builder().shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).build(), new InMemoryReturnRepository());
        Order order = shop.shirtsDeliveredJeansWaiting();
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().unreachableNext(); // the capture of the shipping, then the refund
        cancelJeans(order);
        shop.payments.unreachableNext();

        assertThatThrownBy(() -> returns.settleShipping(order.id())).isInstanceOf(SpiException.class).hasMessageContaining("NOT_ATTEMPTED");
        returns.settleShipping(order.id());

        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
        assertThat(shop.refundKeys(order.id()).stream().distinct()).as("one key for the shipping, asked three times").hasSize(2);
    }

    @Test
    void a_declined_shipping_refund_is_recorded_and_the_next_call_refunds_under_a_new_key() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        shop.payments.answerNormallyNext().declineNext("card closed"); // the capture of the shipping, then the refund
        cancelJeans(order);
        assertThat(returns.find(ret.id()).orElseThrow().refunds()).extracting(Refund::status)
                .containsExactly(RefundStatus.SUCCEEDED, RefundStatus.DECLINED);

        Optional<Refund> settled = returns.settleShipping(order.id());

        assertThat(settled).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(returns.find(ret.id()).orElseThrow().refunds()).extracting(Refund::status)
                .containsExactly(RefundStatus.SUCCEEDED, RefundStatus.DECLINED, RefundStatus.SUCCEEDED);
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
    }

    @Test
    void a_store_failing_before_or_after_saving_the_shipping_refund_is_finished_by_the_retry() {
        for (boolean afterSaving : List.of(false, true)) {
            Shop shop = new Shop();
            FlakyRepository repository = new FlakyRepository();
            Returns returns = Returns.builder(shop.oms).payments(shop.payments).repository(repository)
                    .policy(ReturnPolicy.builder().shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).build()).build();
            Order placed = shop.placed(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                    .charge("shipping", eur("4.95")));
            Order order = shop.deliver(placed, "f-1", List.of(LineQuantity.of(SHIRTS, 2)));
            Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                    List.of(OpenReturnRequest.line(SHIRTS, 2, ReturnReason.CHANGED_MIND))))).ret();
            returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
            returns.inspect(ret.id(), SHIRTS, Grade.AS_NEW, Disposition.RESTOCK, 2, "inspect-1");
            shop.oms.cancel(order.id(), List.of(LineQuantity.of(JEANS_LINE, 1)), CancellationReason.CUSTOMER_REQUEST, "cancel-jeans");
            repository.failNextSave(afterSaving);

            assertThatThrownBy(() -> returns.settleShipping(order.id())).as("after saving: %s", afterSaving).isInstanceOf(SpiException.class);
            assertThat(shop.payments.refunded(order.id())).as("nothing asked of the provider yet").isEqualTo(eur("50.00"));
            Optional<Refund> settled = returns.settleShipping(order.id());

            assertThat(settled).as("after saving: %s", afterSaving).hasValueSatisfying(f -> assertThat(f.amount()).isEqualTo(eur("4.95")));
            assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
            assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("54.95"));
            assertThat(returns.find(ret.id()).orElseThrow().refunds()).hasSize(2);
        }
    }

    @Test
    void two_processes_settling_at_once_refund_the_shipping_once() throws Exception {
        InMemoryReturnRepository shared = new InMemoryReturnRepository();
        ReturnPolicy policy = ReturnPolicy.builder().shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).build();
        Returns one = Returns.builder(shop.oms).payments(shop.payments).policy(policy).repository(shared).build();
        Returns other = Returns.builder(shop.oms).payments(shop.payments).policy(policy).repository(shared).build();
        for (int round = 0; round < 20; round++) {
            Order placed = shop.placed(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                    .charge("shipping", eur("4.95")));
            Order order = shop.deliver(placed, "f-" + round, List.of(LineQuantity.of(SHIRTS, 2)));
            shop.returnBothShirts(one, order, ReturnReason.CHANGED_MIND);
            cancelJeans(order);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Optional<Refund>>> done = new ArrayList<>();
                for (Returns r : List.of(one, other)) {
                    Callable<Optional<Refund>> settle = () -> {
                        start.await();
                        return r.settleShipping(order.id());
                    };
                    done.add(pool.submit(settle));
                }
                for (Future<Optional<Refund>> f : done) {
                    assertThat(f.get()).hasValueSatisfying(x -> assertThat(x.amount()).isEqualTo(eur("4.95")));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
            assertThat(shop.order(order).payment().refunded()).isEqualTo(eur("54.95"));
            assertThat(one.forOrder(order.id()).get(0).refunds()).hasSize(2);
        }
    }

    @Test
    void nothing_is_due_while_a_unit_is_kept_or_when_the_policy_keeps_shipping() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(SHIRTS, 1, ReturnReason.CHANGED_MIND))))).ret();
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        returns.inspect(ret.id(), SHIRTS, Grade.AS_NEW, Disposition.RESTOCK, 1, "inspect-1");
        cancelJeans(order);

        assertThat(returns.settleShipping(order.id())).as("one shirt kept: shipping kept").isEmpty();
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("25.00"));

        Shop other = new Shop();
        Returns never = Returns.builder(other.oms).payments(other.payments).policy(ReturnPolicy.builder()
                .shippingRefund(ShippingRefund.NEVER).build()).build();
        other.events.subscribe(never::accept);
        Order placed = other.placed(b -> b.line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                .charge("shipping", eur("4.95")));
        Order o2 = other.deliver(placed, "f-1", List.of(LineQuantity.of(SHIRTS, 2)));
        Return r2 = ((OpenResult.Opened) never.open(OpenReturnRequest.of(o2.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(SHIRTS, 2, ReturnReason.CHANGED_MIND))))).ret();
        never.receive(r2.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        never.inspect(r2.id(), SHIRTS, Grade.AS_NEW, Disposition.RESTOCK, 2, "inspect-1");
        other.oms.cancel(o2.id(), List.of(LineQuantity.of(JEANS_LINE, 1)), CancellationReason.CUSTOMER_REQUEST);

        assertThat(never.settleShipping(o2.id())).isEmpty();
        assertThat(other.payments.refunded(o2.id())).isEqualTo(eur("50.00"));
    }

    @Test
    void an_order_without_returns_or_unknown_is_answered_plainly() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        cancelJeans(order);
        assertThat(returns.settleShipping(order.id())).isEmpty();
        assertThat(shop.payments.refunded(order.id())).isNull();
        assertThatThrownBy(() -> returns.settleShipping(OrderId.of("no-such-order"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-order");
    }

    // ---- the same kind of gap on the other refund paths ----

    @Test
    void with_shipping_refunded_for_the_retailers_fault_the_rest_is_refunded_too() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED_OR_RETAILERS_FAULT);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.DEFECTIVE);
        // the shirts' share of the shipping (4.95 over the lines by value, 50 of 110: 2.25) is due, but core captures
        // the shipping with the last unit: the refund is capped at the 50.00 captured and records no shipping paid
        assertThat(ret.refunds().get(0).amount()).isEqualTo(eur("50.00"));
        assertThat(ret.refunds().get(0).shipping()).isEqualTo(eur("0.00"));
        cancelJeans(order);

        assertThat(returns.find(ret.id()).orElseThrow().refunds().get(1).shipping()).as("all of it once nothing is kept").isEqualTo(eur("4.95"));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
    }

    @Test
    void with_shipping_always_refunded_per_unit_the_cancelled_units_share_comes_back_once_nothing_is_kept() {
        Returns returns = returns(ShippingRefund.ALWAYS);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);
        assertThat(ret.refunds().get(0).amount()).as("capped: the shipping is not captured yet").isEqualTo(eur("50.00"));
        cancelJeans(order);

        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
    }

    @Test
    void a_trusted_customers_return_still_on_its_way_carries_the_shipping_refund() {
        Returns returns = returns(ReturnPolicy.builder().shippingRefund(ShippingRefund.WHEN_ALL_RETURNED).timing(RefundTiming.AFTER_INSPECTION)
                .trusted(CustomerRef.of("customer-1")).build(), new InMemoryReturnRepository());
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(SHIRTS, 2, ReturnReason.CHANGED_MIND))))).ret();
        assertThat(ret.status()).isEqualTo(ReturnStatus.AUTHORISED);
        assertThat(shop.payments.refunded(order.id())).as("refunded at once").isEqualTo(eur("50.00"));

        cancelJeans(order);

        Return after = returns.find(ret.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ReturnStatus.AUTHORISED);
        assertThat(after.refunds()).extracting(Refund::shipping).containsExactly(eur("0.00"), eur("4.95"));
        assertThat(shop.payments.refunded(order.id())).isEqualTo(eur("54.95"));
    }

    @Test
    void a_return_refunded_to_store_credit_gets_the_shipping_as_store_credit() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order order = shop.shirtsDeliveredJeansWaiting();
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(SHIRTS, 2, ReturnReason.CHANGED_MIND))).refundTo(RefundTender.STORE_CREDIT))).ret();
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 2)), "scan-1");
        returns.inspect(ret.id(), SHIRTS, Grade.AS_NEW, Disposition.RESTOCK, 2, "inspect-1");

        cancelJeans(order);

        assertThat(returns.find(ret.id()).orElseThrow().refunds()).extracting(Refund::tender, Refund::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RefundTender.STORE_CREDIT, eur("50.00")),
                        org.assertj.core.groups.Tuple.tuple(RefundTender.STORE_CREDIT, eur("4.95")));
        assertThat(shop.payments.refunded(order.id())).as("nothing through the provider").isNull();
    }

    @Test
    void an_order_paid_with_a_card_and_a_gift_card_gets_its_shipping_back_on_the_card_first() {
        Returns returns = returns(ShippingRefund.WHEN_ALL_RETURNED);
        Order placed = shop.placed(b -> b.paymentRef(null).line("1", "SHIRT", 2, eur("25.00")).line("2", "JEANS", 1, eur("60.00"))
                .charge("shipping", eur("4.95"))
                .tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                .tenderForTheRest("card", TenderType.CARD, "tok-visa"));
        Order order = shop.deliver(placed, "f-1", List.of(LineQuantity.of(SHIRTS, 2)));
        shop.returnBothShirts(returns, order, ReturnReason.CHANGED_MIND);

        cancelJeans(order);

        Order settled = shop.order(order);
        assertThat(settled.payment().refunded()).isEqualTo(eur("54.95"));
        assertThat(settled.payment().tender("card").orElseThrow().refundable()).isEqualTo(eur("0.00"));
        assertThat(settled.payment().tender("gift").orElseThrow().refundable()).isEqualTo(eur("0.00"));
    }

    /** A return store whose next save fails, before or after it stored the return. */
    private static final class FlakyRepository implements ReturnRepository {
        private final InMemoryReturnRepository delegate = new InMemoryReturnRepository();
        private volatile Boolean failAfter;

        void failNextSave(boolean afterSaving) {
            failAfter = afterSaving;
        }

        @Override
        public Optional<Return> find(ReturnId id) {
            return delegate.find(id);
        }

        @Override
        public List<Return> findByOrder(OrderId order) {
            return delegate.findByOrder(order);
        }

        @Override
        public int countByCustomerSince(CustomerRef customer, java.time.Instant since) {
            return delegate.countByCustomerSince(customer, since);
        }

        @Override
        public List<ReturnId> findWithOpenRefund(int limit) {
            return delegate.findWithOpenRefund(limit);
        }

        @Override
        public List<ReturnId> findWithOpenLabel(int limit) {
            return delegate.findWithOpenLabel(limit);
        }

        @Override
        public SaveOutcome save(Return ret, List<ReturnEvent> events) {
            Boolean after = failAfter;
            failAfter = null;
            if (Boolean.FALSE.equals(after)) {
                throw new SpiException("store down before saving", null, true);
            }
            SaveOutcome outcome = delegate.save(ret, events);
            if (Boolean.TRUE.equals(after)) {
                throw new SpiException("connection lost after saving", null, true);
            }
            return outcome;
        }
    }
}
