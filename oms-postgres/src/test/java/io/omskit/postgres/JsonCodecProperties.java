package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.jackson.OmsJson;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.postgres.internal.JsonCodec;
import io.omskit.returns.jackson.ReturnsJson;
import io.omskit.testkit.arbitraries.OmsArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the adapters' JSON codec writes must stay exactly what the library's plain mapper writes, so that rows written
 * by any version of the adapters read alike (and a codec tuned for speed cannot drift from it unnoticed).
 */
class JsonCodecProperties {

    private static final OmsJacksonModule MODULE = ReturnsJson.module();
    private final JsonCodec codec = new JsonCodec(MODULE);
    private final ObjectMapper plain = OmsJson.newMapper(MODULE);

    @Property(tries = 100)
    void an_order_document_is_written_as_the_plain_mapper_writes_it_and_reads_back_equal(@ForAll("orders") Order order)
            throws Exception {
        String json = codec.documentToJson(order);

        assertThat(json).isEqualTo(plain.writeValueAsString(order));
        assertThat(codec.documentFromJson(json, Order.class)).isEqualTo(order);
        assertThat(plain.readValue(json, Order.class)).isEqualTo(order);
    }

    @Property(tries = 100)
    void order_events_are_written_as_the_plain_mapper_writes_them_and_read_back_equal(
            @ForAll("histories") Change<Order, OrderEvent> history) throws Exception {
        List<DomainEvent> events = List.copyOf(history.events());

        String json = codec.toJsonArray(events);

        assertThat(json).isEqualTo(plain.writerFor(plain.getTypeFactory()
                .constructCollectionType(List.class, DomainEvent.class)).writeValueAsString(events));
        assertThat(codec.eventsFromJsonArray(json)).isEqualTo(events);
    }

    @Provide
    Arbitrary<Order> orders() {
        return OmsArbitraries.orders();
    }

    @Provide
    Arbitrary<Change<Order, OrderEvent>> histories() {
        return OmsArbitraries.orderHistories();
    }
}
