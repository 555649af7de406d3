package io.omskit.returns;

import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the carrier answers (booked, declined, timed out after or before booking, unreachable) and however often
 * the host asks again, a return has at most one label at the carrier, and the label it keeps is the carrier's.
 */
class ReturnLabelProperties {

    private static final LineId L1 = LineId.of("1");

    @Provide
    Arbitrary<List<Integer>> faults() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 100)
    void a_return_never_gets_two_labels(@ForAll("faults") List<Integer> faults) {
        Shop shop = new Shop();
        FakeCarrierGateway fake = FakeCarrierGateway.withSampleCarriers(shop.clock);
        ReturnLabelTest.FaultAfterQuote carriers = new ReturnLabelTest.FaultAfterQuote(fake);
        Returns returns = Returns.builder(shop.oms).payments(shop.payments).policy(ReturnPolicy.standard()).carriers(carriers).build();
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 1, eur("25.00")));
        Return ret = null;
        for (int fault : faults) {
            carriers.next = switch (fault) {
                case 1 -> c -> c.timeOutNext(true);
                case 2 -> c -> c.timeOutNext(false);
                case 3 -> c -> c.unreachableNext();
                case 4 -> c -> c.declineNext("no collection here");
                default -> null;
            };
            try {
                ret = ret == null
                        ? ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.mailIn(WH),
                        List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))))).ret()
                        : returns.bookLabel(ret.id());
            } catch (SpiException e) {
                // the carriers could not quote: asked again next round
            }
            carriers.next = null;
            fake.clearFaults();
            String reference = "RETURN-" + (ret == null ? "" : ret.id());
            assertThat(fake.liveBookingsFor(reference)).as("labels at the carrier").hasSizeLessThanOrEqualTo(1);
        }
        Return last = returns.bookLabel(ret.id());
        assertThat(last.label().isBooked()).isTrue();
        assertThat(fake.liveBookingsFor("RETURN-" + ret.id())).singleElement()
                .satisfies(b -> assertThat(b.label()).isEqualTo(last.label().label()));
    }
}
