package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests to the orchestration from outside (rejections, sourcing requests, rules built in Java) refuse bad input by name. */
class SourcingInputEdgesTest {

    private final Order order = order("o-1", home(), "A", 2);
    private final List<LineQuantity> one = List.of(LineQuantity.of(LineId.of("L1"), 1));

    @Test
    void a_rejection_reason_may_have_several_lines_but_no_other_control_characters_and_at_most_1000_characters() {
        assertThat(new Rejection(order, new AllocationKey("a-1"), id("S1"), one, "broken\nshelf").reason()).contains("\n");
        assertThatThrownBy(() -> new Rejection(order, new AllocationKey("a-1"), id("S1"), one, "broken\u0000shelf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must not contain control characters other than line feeds, has U+0000 at index 6, "
                        + "was 'broken\\u0000shelf'");
        assertThatThrownBy(() -> new Rejection(order, new AllocationKey("a-1"), id("S1"), one, "r".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reason must be at most 1000 characters long, has 1001");
    }
}
