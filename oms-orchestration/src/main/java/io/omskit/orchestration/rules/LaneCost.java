package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Locale;
import java.util.Set;

/**
 * What shipping from a location costs by the host's {@link LaneTable}: the destination's region (by
 * {@link DestinationRegions}) and the location name the lane, whose figures are the cost per shipment and per unit.
 * A lane the table does not have is priced as {@link ShippingCost} prices it (the fallback rates over great-circle
 * km). Units collected at the pickup store itself cost nothing. Named {@value #NAME}.
 */
public final class LaneCost implements CostRule {

    /** The rule's name. */
    public static final String NAME = "lane-shipping";

    /** The lane's figures for shipping from the location to the region. */
    public record LaneQuote(LocationId location, String region, double perShipment, double perUnit, double distance)
            implements Justification {
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "%s to %s by the lane table%s: %.2f per shipment + %.4f per unit", location,
                    region, Double.isNaN(distance) ? "" : String.format(Locale.ROOT, " (%.0f)", distance), perShipment,
                    perUnit);
        }
    }

    private final LaneTable lanes;
    private final DestinationRegions regions;
    private final ShippingCost fallback;

    /**
     * Prices each lane by {@code lanes}, the destination's region by {@code regions}, and a lane the table lacks by
     * {@code fallback}.
     */
    public LaneCost(LaneTable lanes, DestinationRegions regions, ShippingRates fallback) {
        this.lanes = Checks.notNull(lanes, "lanes");
        this.regions = Checks.notNull(regions, "regions");
        this.fallback = new ShippingCost(Checks.notNull(fallback, "fallback"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<RuleInput> inputs() {
        // the region is read off the delivery's address, which the destination's position alone does not name
        return Set.of(RuleInput.DELIVERY, RuleInput.DESTINATION, RuleInput.DEMAND);
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        if (location == context.pickupStore()) {
            return;
        }
        LaneTable.Lane lane = lanes.find(context.location(location).id(), regions.regionOf(context.delivery()));
        if (lane == null) {
            fallback.price(context, location, sink);
            return;
        }
        sink.perShipment(lane.perShipment());
        if (lane.perUnit() > 0) {
            for (int i = 0, n = context.itemCount(); i < n; i++) {
                sink.perUnit(i, lane.perUnit());
            }
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        Location l = context.location(location);
        String region = regions.regionOf(context.delivery());
        LaneTable.Lane lane = location == context.pickupStore() ? null : lanes.find(l.id(), region);
        if (lane == null) {
            return fallback.justify(context, location);
        }
        return new LaneQuote(l.id(), region, lane.perShipment(), lane.perUnit(), lane.distance());
    }

    /** A fallback that never charges: for tables that cover every lane. */
    public static ShippingRates noFallback() {
        return RateTable.flat(ShippingRate.of(0, 0, 0));
    }
}
