package io.omskit.orchestration.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.jackson.OmsJson;
import io.omskit.orchestration.rules.CapabilityFilter;
import io.omskit.orchestration.rules.CutOffFilter;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.DistanceCost;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.ExcludedByRequestFilter;
import io.omskit.orchestration.rules.ExcludedLocationsFilter;
import io.omskit.orchestration.rules.KeepTogetherFilter;
import io.omskit.orchestration.rules.LatenessCost;
import io.omskit.orchestration.rules.LoadBalancing;
import io.omskit.orchestration.rules.LocationPriority;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.FillInPriority;
import io.omskit.orchestration.rules.MostStockFirst;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.rules.PickupStoreFirst;
import io.omskit.orchestration.rules.OpportunityCost;
import io.omskit.orchestration.rules.PickupStoreOnlyFilter;
import io.omskit.orchestration.rules.ProtectStoreStock;
import io.omskit.orchestration.rules.ShippingCost;
import io.omskit.orchestration.rules.SplitPenalty;
import io.omskit.orchestration.spi.Justification;

/**
 * JSON for sourcing explanations, on the core {@link OmsJacksonModule} wire format. {@link Justification} is a
 * polymorphic family: every built-in justification has a stable type name ({@code sourcing.<rule>.<what>}), and a
 * retailer's own rules register theirs on {@link #moduleBuilder()}.
 *
 * <pre>{@code
 * String json = SourcingJson.write(plan.explanation());
 * Explanation back = SourcingJson.readExplanation(json);   // equal to plan.explanation()
 * }</pre>
 */
public final class SourcingJson {

    private static final ObjectMapper MAPPER = OmsJson.newMapper(module());

    private SourcingJson() {
    }

    /**
     * A module builder with every core type name and every built-in justification name; add your own
     * justification types with {@code subtype(MyJustification.class, "myshop.my-rule.why")} and build.
     */
    public static OmsJacksonModule.Builder moduleBuilder() {
        return OmsJacksonModule.builder()
                .family(Justification.class)
                .subtype(ExcludedByRequestFilter.ExcludedByRequest.class, "sourcing.excluded-by-request.excluded")
                .subtype(PickupStoreOnlyFilter.NotThePickupStore.class, "sourcing.pickup-store-only.not-the-pickup-store")
                .subtype(CapabilityFilter.MissingCapability.class, "sourcing.capability.missing")
                .subtype(CapabilityFilter.PickupStoreCannotReceive.class, "sourcing.capability.pickup-store-cannot-receive")
                .subtype(LocationTypeFilter.TypeNotAllowed.class, "sourcing.location-type.not-allowed")
                .subtype(EnoughStockFilter.NotEnoughStock.class, "sourcing.enough-stock.not-enough")
                .subtype(MaxDistanceFilter.TooFar.class, "sourcing.max-distance.too-far")
                .subtype(OpenNowFilter.Closed.class, "sourcing.open-now.closed")
                .subtype(DailyCapacityFilter.CapacityReached.class, "sourcing.daily-capacity.reached")
                .subtype(CutOffFilter.PastCutOff.class, "sourcing.cut-off.past")
                .subtype(ExcludedLocationsFilter.ExcludedByConfiguration.class, "sourcing.excluded-locations.excluded")
                .subtype(KeepTogetherFilter.GroupIncomplete.class, "sourcing.keep-together.group-incomplete")
                .subtype(ShippingCost.ShippingQuote.class, "sourcing.shipping.quote")
                .subtype(ShippingCost.CollectedOnSite.class, "sourcing.shipping.collected-on-site")
                .subtype(DistanceCost.DistanceCharge.class, "sourcing.distance.charge")
                .subtype(SplitPenalty.SplitCharge.class, "sourcing.split-penalty.charge")
                .subtype(ProtectStoreStock.ShelfProtection.class, "sourcing.protect-store-stock.protection")
                .subtype(LoadBalancing.Load.class, "sourcing.load-balancing.load")
                .subtype(LocationPriority.Rank.class, "sourcing.location-priority.rank")
                .subtype(LatenessCost.Lateness.class, "sourcing.lateness.estimate")
                .subtype(OpportunityCost.KeptValue.class, "sourcing.opportunity-cost.kept-value")
                .subtype(FillInPriority.FillRank.class, "sourcing.fill-in-priority.rank")
                .subtype(MostStockFirst.StockHeld.class, "sourcing.most-stock-first.stock-held")
                .subtype(PickupStoreFirst.ShelfFirst.class, "sourcing.pickup-store-first.shelf-first");
    }

    /** The module with the core and built-in sourcing names. */
    public static OmsJacksonModule module() {
        return moduleBuilder().build();
    }

    /** A tolerant mapper with {@link #module()}; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The explanation as JSON.
     *
     * @throws IllegalArgumentException when a justification's type has no registered name (a custom rule whose
     *                                  justification was not registered: use {@link #moduleBuilder()})
     */
    public static String write(Explanation explanation) {
        try {
            return MAPPER.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("explanation of order " + explanation.order() + " cannot be written: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The explanation written by {@link #write}.
     *
     * @throws IllegalArgumentException when the JSON is malformed or names an unknown justification type
     */
    public static Explanation readExplanation(String json) {
        try {
            return MAPPER.readValue(json, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("explanation JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
