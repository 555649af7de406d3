package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.MUG;
import static io.omskit.core.workflow.OmsFixture.WH;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CustomerService.Acted;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Goodwill;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.spi.SpiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Over random sequences of goodwill asked by an agent with payment faults injected (declines, unknown answers that did
 * or did not move money, an unreachable provider) and retries under reused keys: the money the provider refunded is
 * exactly what the order records as refunded, never more than was captured, and each key is granted at most once.
 */
class GoodwillProperties {

    enum Fault { NONE, DECLINE, TIMEOUT_MOVED, TIMEOUT_NOT_MOVED, UNREACHABLE }

    /**
     * The goodwill asked under one key: a key always asks for the same goodwill, as a caller retrying would. Four asks
     * of at most 7.50 stay within the 30.00 captured.
     */
    record Ask(boolean refund, int cents) {
    }

    record Step(int key, Fault fault) {
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        return Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.integers().between(1, 750))
                .as(Ask::new).list().ofSize(4);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(Fault.class)).as(Step::new)
                .list().ofMaxSize(12);
    }

    @Property(tries = 60)
    void provider_and_order_always_agree_and_a_key_is_granted_once(@ForAll("asks") List<Ask> asks,
                                                                    @ForAll("steps") List<Step> steps) {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 10);
        Order order = f.oms.placeOrder(f.webOrder("p-1").line("1", "MUG", 3, Money.of(CurrencyUnit.EUR, 10)).build()).order();
        f.oms.allocate(order.id(), "p-1-WH", WH, List.of(LineQuantity.of(LineId.of("1"), 3)));
        FulfilmentId id = FulfilmentId.of("p-1-WH");
        f.oms.fulfilments().accept(id);
        f.oms.fulfilments().startPicking(id);
        f.oms.fulfilments().pack(id);
        f.oms.fulfilments().ship(id, ShipmentDetails.of("parcel-p-1", "DHL", ""));
        Set<Integer> granted = new HashSet<>();
        Set<Integer> pending = new HashSet<>();

        for (Step s : steps) {
            Order before = f.oms.order(order.id()).orElseThrow();
            Ask ask = asks.get(s.key());
            String providerKey = "goodwill:" + order.id() + ":k-" + s.key();
            boolean reachesProvider = ask.refund() && !granted.contains(s.key())
                    && f.payments.calls().stream().noneMatch(c -> c.idempotencyKey().equals(providerKey));
            if (reachesProvider) {
                switch (s.fault()) {
                    case DECLINE -> f.payments.declineNext("no");
                    case TIMEOUT_MOVED -> f.payments.timeOutNext(true);
                    case TIMEOUT_NOT_MOVED -> f.payments.timeOutNext(false);
                    case UNREACHABLE -> f.payments.unreachableNext();
                    default -> { }
                }
            }
            try {
                Acted<Order> acted = makeGood(f, order, asks, s.key());
                if (acted.refused()) {
                    Order refusedNow = f.oms.order(order.id()).orElseThrow();
                    assertThat(refusedNow.payment().refunded()).as("a refusal moves no money").isEqualTo(before.payment().refunded());
                    assertThat(refusedNow.payment().intents()).as("only the refused key's refund in doubt is dropped")
                            .containsExactlyElementsOf(before.payment().intents().stream()
                                    .filter(i -> !i.key().equals(providerKey)).toList());
                } else {
                    granted.add(s.key());
                    pending.remove(s.key());
                }
            } catch (SpiException e) {
                Order failed = f.oms.order(order.id()).orElseThrow();
                assertThat(failed.payment().refunded()).as("a failed call records no refund").isEqualTo(before.payment().refunded());
                assertThat(failed.payment().captured()).isEqualTo(before.payment().captured());
                pending.add(s.key());
            }
            Order now = f.oms.order(order.id()).orElseThrow();
            assertThat(now.payment().refunded().isGreaterThan(now.payment().captured())).isFalse();
            assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).hasSize(granted.size());
        }
        for (int key : pending) {
            if (makeGood(f, order, asks, key).refused()) {
                continue;
            }
            granted.add(key);
        }

        Order end = f.oms.order(order.id()).orElseThrow();
        Money refundedByProvider = f.payments.refunded(order.id()) == null ? Money.zero(CurrencyUnit.EUR)
                : f.payments.refunded(order.id());
        Money grantedRefunds = Money.zero(CurrencyUnit.EUR);
        for (int key : granted) {
            if (asks.get(key).refund()) {
                grantedRefunds = grantedRefunds.plus(money(asks.get(key)));
            }
        }
        assertThat(end.payment().refunded()).as("the order records what the provider refunded").isEqualTo(refundedByProvider);
        assertThat(grantedRefunds).as("each granted refund moved money exactly once").isEqualTo(refundedByProvider);
        assertThat(f.events.events(OrderEvent.OrderGoodwillGranted.class)).hasSize(granted.size());
    }

    private static Money money(Ask ask) {
        return Money.ofMinor(CurrencyUnit.EUR, ask.cents());
    }

    private static Acted<Order> makeGood(OmsFixture f, Order order, List<Ask> asks, int key) {
        Ask ask = asks.get(key);
        Goodwill goodwill = ask.refund() ? Goodwill.refund(money(ask), "late") : Goodwill.storeCredit(money(ask), "late");
        return f.oms.customerService().makeGood(order.id(), Actor.agent("agent-1"), goodwill, "k-" + key);
    }
}
