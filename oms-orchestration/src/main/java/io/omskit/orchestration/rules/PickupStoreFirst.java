package io.omskit.orchestration.rules;

import io.omskit.core.network.LocationId;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Ship-to-store serves what it can from the pickup store's own shelf: for a ship-to-store demand every unit taken
 * anywhere but the pickup store costs {@code perUnit}, so the plan takes every unit the store may give (sellable,
 * after safety stock, not excluded by a filter) and transfers only the rest. Other delivery methods cost nothing.
 * Named {@value #NAME}.
 *
 * <p>A unit from the shelf needs no transfer, no carrier and no receipt at the store: it is ready sooner and costs
 * less to move. With {@code perUnit} above what the other rules of the set charge for one more shipment (per
 * shipment and split penalty), the store's shelf always comes first; the default, {@link #DEFAULT_PER_UNIT}, is
 * meant to be.
 */
public final class PickupStoreFirst implements CostRule {

    /** The rule's name. */
    public static final String NAME = "pickup-store-first";

    /** The default cost of a unit not taken at the pickup store: 1000, above everyday shipping costs. */
    public static final double DEFAULT_PER_UNIT = 1000;

    /**
     * Whether the location is the pickup store of a ship-to-store demand.
     *
     * @param location    the location
     * @param pickupStore the demand's pickup store; null for a home delivery
     * @param method      the demand's delivery method
     * @param perUnit     the cost of each unit taken at the location
     */
    public record ShelfFirst(LocationId location, LocationId pickupStore, DeliveryMethod method, double perUnit)
            implements Justification {
        @Override
        public String summary() {
            if (method != DeliveryMethod.SHIP_TO_STORE) {
                return method + " is not ship-to-store: no preference for the pickup store";
            }
            return location.equals(pickupStore)
                    ? location + " is the pickup store: its shelf comes first, no transfer"
                    : String.format(Locale.ROOT, "%s is not the pickup store %s: %.2f per unit transferred", location,
                    pickupStore, perUnit);
        }
    }

    private final double perUnit;

    /** With {@link #DEFAULT_PER_UNIT}. */
    public PickupStoreFirst() {
        this(DEFAULT_PER_UNIT);
    }

    /** Charges {@code perUnit} (finite, at least 0) for each unit of a ship-to-store demand not taken at its store. */
    public PickupStoreFirst(double perUnit) {
        this.perUnit = Costs.nonNegative(perUnit, "perUnit");
    }

    /** The cost of each unit transferred rather than taken from the store's shelf. */
    public double perUnit() {
        return perUnit;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True when neither or both methods are ship-to-store, the only method the rule prices. */
    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return (a == DeliveryMethod.SHIP_TO_STORE) == (b == DeliveryMethod.SHIP_TO_STORE);
    }

    @Override
    public Set<RuleInput> inputs() {
        return RuleInput.DELIVERY_ONLY;
    }

    private double cost(SourcingContext context, int location) {
        return context.delivery().method() == DeliveryMethod.SHIP_TO_STORE && location != context.pickupStore()
                ? perUnit : 0;
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        double cost = cost(context, location);
        if (cost == 0) {
            return;
        }
        for (int i = 0, n = context.itemCount(); i < n; i++) {
            sink.perUnit(i, cost);
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        return new ShelfFirst(context.location(location).id(), context.delivery().pickupStore(),
                context.delivery().method(), cost(context, location));
    }
}
