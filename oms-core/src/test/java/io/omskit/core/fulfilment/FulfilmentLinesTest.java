package io.omskit.core.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A fulfilment holds each order line once, however many lines it has (a few are compared, many hashed). */
class FulfilmentLinesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 17, 40})
    void lines_of_distinct_order_lines_make_a_fulfilment(int count) {
        Fulfilment f = offer(lines(count)).state();

        assertThat(f.lines()).hasSize(count);
        assertThat(f.quantity()).isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40})
    void an_order_line_appearing_twice_is_refused(int count) {
        List<FulfilmentLine> lines = lines(count);
        lines.set(count - 1, FulfilmentLine.of(LineId.of("L0"), Sku.of("SKU-X"), 1));

        assertThatThrownBy(() -> offer(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines of fulfilment F-1 must be unique, L0 appears twice");
    }

    private static List<FulfilmentLine> lines(int count) {
        List<FulfilmentLine> lines = new ArrayList<>();
        for (int x = 0; x < count; x++) {
            lines.add(FulfilmentLine.of(LineId.of("L" + x), Sku.of("SKU-" + x), 1));
        }
        return lines;
    }

    private static io.omskit.core.common.Change<Fulfilment, FulfilmentEvent> offer(List<FulfilmentLine> lines) {
        return Fulfilment.offer(FulfilmentId.of("F-1"), OrderId.of("O-1"), FulfilmentKind.SHIP_TO_CUSTOMER,
                LocationId.of("WH-1"), null, AllocationKey.of("A-1"), lines, null, NOW);
    }
}
