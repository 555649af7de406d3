package io.omskit.orchestration.packing;

import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * What no packing of the units can beat. Each carton count is a number of cartons (own boxes not counted) no packing
 * can go below:
 *
 * @param cartonsByVolume     total unit volume over the largest carton's inner volume, rounded up
 * @param cartonsByWeight     total unit weight over the largest weight limit, rounded up
 * @param cartonsByLargeUnits Martello, Pisinger and Vigo's idea behind their L2 bound, made safe for rotations and a
 *                            catalogue of sizes: units no two of which fit one carton together each need their own,
 *                            plus the volume of the rest that cannot fit in those cartons' free space
 * @param cost                own boxes' prices plus the larger of: the carton bound times the cheapest carton and
 *                            parcel, and the units' volume times the least cost (carton and parcel) per inner volume;
 *                            only cartons that hold some unit alone count, each priced with the lightest unit in it
 */
public record PackingBound(int cartonsByVolume, int cartonsByWeight, int cartonsByLargeUnits, Money cost) {

    public PackingBound {
        Checks.notNegative(cartonsByVolume, "cartonsByVolume");
        Checks.notNegative(cartonsByWeight, "cartonsByWeight");
        Checks.notNegative(cartonsByLargeUnits, "cartonsByLargeUnits");
        Checks.notNull(cost, "cost");
    }

    /** The strongest of the three carton bounds. */
    public int cartons() {
        return Math.max(cartonsByVolume, Math.max(cartonsByWeight, cartonsByLargeUnits));
    }
}
