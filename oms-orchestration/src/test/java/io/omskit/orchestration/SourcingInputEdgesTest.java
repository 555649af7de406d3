package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.orchestration.demand.Demand;
import io.omskit.orchestration.demand.OrderDemands;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.resourcing.Rejection;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void refuses_a_missing_element_of_a_sourcing_request_naming_where_it_is() {
        Demand demand = OrderDemands.of(order);

        assertThatThrownBy(() -> SourcingRequest.of(order, Arrays.asList(one.get(0), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("quantities[1] must not be null");
        assertThatThrownBy(() -> new SourcingRequest(demand, new HashSet<>(Arrays.asList(id("S1"), null)), Map.of(), null, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("excludedForAll must not contain null");
        assertThatThrownBy(() -> demand.withGroup(new HashSet<>(Arrays.asList(LineId.of("L1"), null))))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("group must not contain null");
        Map<LineId, Set<LocationId>> byLine = new HashMap<>();
        byLine.put(LineId.of("L1"), new HashSet<>(Arrays.asList((LocationId) null)));
        assertThatThrownBy(() -> new SourcingRequest(demand, Set.of(), byLine, null, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("excludedByLine[L1] must not contain null");
    }

    @Test
    void refuses_a_missing_request_of_a_wave_or_quantity_of_a_rejection_naming_its_index() {
        SourcingEngine engine = engine(network(warehouse("W1", 1)), rulesWith().build());

        assertThatThrownBy(() -> engine.planBatch(Arrays.asList(SourcingRequest.of(order), null), stock(engine.network())))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("wave[1] must not be null");
        assertThatThrownBy(() -> new Rejection(order, new AllocationKey("a-1"), id("S1"), Arrays.asList(null, one.get(0)), ""))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("quantities[0] must not be null");
    }

    @Test
    void refuses_a_missing_location_or_type_in_a_built_in_rule_naming_the_parameter() {
        assertThatThrownBy(() -> new LocationPriority(Arrays.asList(id("W1"), null), 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ranked[1] must not be null");
        assertThatThrownBy(() -> new ExcludedLocationsFilter(new HashSet<>(Arrays.asList((LocationId) null))))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("excluded must not contain null");
        assertThatThrownBy(() -> new LocationTypeFilter.Allowance(null, null, new HashSet<>(Arrays.asList((LocationType) null))))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("types must not contain null");
    }
}
