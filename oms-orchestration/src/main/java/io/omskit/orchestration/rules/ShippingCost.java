package io.omskit.orchestration.rules;

import io.omskit.core.common.Checks;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * What shipping from a location costs, from {@link ShippingRates} (a {@link RateTable} or the host's carrier
 * contracts): per shipment, per unit, and per unit and km to the destination. Units collected at the pickup store
 * itself travel nowhere and cost nothing. Named {@value #NAME}.
 */
public final class ShippingCost implements CostRule {

    /** The rule's name. */
    public static final String NAME = "shipping";

    /** The quote for shipping from the location. */
    public record ShippingQuote(LocationId location, DeliveryMethod method, double distanceKm, double perShipment,
                                double perUnit, double perUnitKm) implements Justification {
        @Override
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%s ships %s over %.0f km: %.2f per shipment + %.2f per unit + %.4f per unit-km",
                    location, method, distanceKm, perShipment, perUnit, perUnitKm);
        }
    }

    /** Nothing travels: the customer collects at this store. */
    public record CollectedOnSite(LocationId location) implements Justification {
        @Override
        public String summary() {
            return "collected at " + location + ": no shipping";
        }
    }

    private final ShippingRates rates;

    /** Prices shipping with {@code rates}. */
    public ShippingCost(ShippingRates rates) {
        this.rates = Checks.notNull(rates, "rates");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<RuleInput> inputs() {
        return RuleInput.PER_DESTINATION;
    }

    /**
     * True for the same method, and when the rates are a {@link RateTable} with the same rates for both methods from
     * every location type ({@link RateTable#sameRates}); other rates are not known to price two methods alike.
     */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return a == b || rates instanceof RateTable table && table.sameRates(a, b);
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        if (location == context.pickupStore()) {
            return;
        }
        ShippingRate rate = rates.rate(context, location, context.delivery().method());
        double km = Costs.legKm(context, location);
        sink.perShipment(rate.perShipment());
        double perUnit = rate.perUnit() + rate.perUnitKm() * km;
        if (perUnit > 0) {
            for (int i = 0, n = context.itemCount(); i < n; i++) {
                sink.perUnit(i, perUnit);
            }
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        Location l = context.location(location);
        if (location == context.pickupStore()) {
            return new CollectedOnSite(l.id());
        }
        ShippingRate rate = rates.rate(l, context.delivery().method());
        return new ShippingQuote(l.id(), context.delivery().method(), Costs.legKm(context, location), rate.perShipment(),
                rate.perUnit(), rate.perUnitKm());
    }
}
