package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.Explanation;
import io.omskit.orchestration.explain.SourcingJson;
import io.omskit.orchestration.plan.Unsourced;
import io.omskit.orchestration.plan.UnsourcedReason;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.rulebook.RuleSet;
import org.junit.jupiter.api.Test;

class ExplanationJsonTest {

    @Test
    void an_explanation_round_trips_through_json_with_stable_justification_names() {
        Network network = network(warehouse("W1", 1), warehouse("FAR", 20), store("S1", 0.5), dropShipper("D1", 0.7));
        RuleSet rules = RuleSet.builder("home")
                .filter(new CapabilityFilter())
                .filter(new MaxDistanceFilter(1000))
                .filter(LocationTypeFilter.builder().allow(Channel.WEB, null, LocationType.WAREHOUSE, LocationType.STORE).build())
                .cost(new ShippingCost(rates())).cost(new SplitPenalty(3)).cost(new ProtectStoreStock(1, 2))
                .build();
        SourcingPlan plan = engine(network, rules).plan(SourcingRequest.of(order("o", home(), "A", 2, "B", 1, "Z", 1)),
                stock(network, "A", "W1", 1, "A", "S1", 4, "B", "FAR", 3, "B", "D1", 2, "A", "FAR", 9));

        String json = SourcingJson.write(plan.explanation());
        Explanation back = SourcingJson.readExplanation(json);

        assertThat(back).isEqualTo(plan.explanation());
        assertThat(json).contains("\"type\":\"sourcing.max-distance.too-far\"")
                .contains("\"type\":\"sourcing.location-type.not-allowed\"")
                .contains("\"type\":\"sourcing.shipping.quote\"")
                .contains("\"location\":\"W1\"");
        assertThat(back.unsourced()).extracting(Unsourced::reason).contains(UnsourcedReason.NO_STOCK);
    }
}
