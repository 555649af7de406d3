package io.omskit.returns;

import static io.omskit.returns.Shop.SHIRT;
import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.order.Actor;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.timeline.TimelineEntry;
import io.omskit.returns.inmemory.InMemoryReturnRepository;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A return tells its part of the order's story: authorised by the customer, received, inspected, refunded. */
class ReturnTimelineTest {

    private final Shop shop = new Shop();
    private final InMemoryReturnRepository repository = new InMemoryReturnRepository();
    private final Returns returns = Returns.builder(shop.oms).payments(shop.payments).policy(ReturnPolicy.standard())
            .repository(repository).events(shop.events).build();

    @Test
    void a_refunded_return_adds_its_steps_in_time_order() {
        Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));
        OpenResult opened = returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.DEFECTIVE))));
        Return ret = ((OpenResult.Opened) opened).ret();
        shop.clock.advance(Duration.ofDays(2));
        returns.receive(ret.id(), List.of(Arrival.of(SHIRT, 1)), "scan-1");
        shop.clock.advance(Duration.ofHours(1));
        returns.inspect(ret.id(), LineId.of("1"), Grade.DAMAGED, Disposition.WRITE_OFF, 1, "inspect-1");
        shop.clock.advance(Duration.ofHours(1));
        returns.refund(ret.id());

        List<TimelineEntry> entries = new ReturnTimeline(repository).entries(order.id());

        assertThat(entries).extracting(TimelineEntry::kind)
                .containsExactly("return.authorised", "return.received", "return.inspected", "return.refund");
        assertThat(entries.get(0).actor()).isEqualTo(Actor.customer(CustomerRef.of("customer-1")));
        assertThat(entries.get(0).reason()).isEqualTo("DEFECTIVE");
        assertThat(entries.get(1).text()).contains("1 of line 1");
        assertThat(entries.get(2).text()).contains("DAMAGED").contains("WRITE_OFF");
        assertThat(entries.get(3).text()).contains("EUR 25.00").contains("SUCCEEDED");
        assertThat(entries).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at));
        assertThat(new ReturnTimeline(repository).entries(order.id())).as("read again from what is stored").isEqualTo(entries);
        assertThat(new ReturnTimeline(repository).entries(io.omskit.core.order.OrderId.of("other"))).isEmpty();
    }
}
