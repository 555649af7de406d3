package io.omskit.orchestration.engine.shadow;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;

/**
 * What separates the live engine's plan from the shadow's for one demand. Differences are live minus shadow: a
 * positive cost difference is what the live engine's plan costs more.
 *
 * @param order             the order; null for a demand of no order
 * @param decidedBy         what decided the live plan (a staged engine's stage)
 * @param liveCost          the live plan's cost under the rule book
 * @param shadowCost        the shadow plan's cost
 * @param liveParcels       the live plan's parcels (shipments)
 * @param shadowParcels     the shadow plan's parcels
 * @param liveKm            km the live plan's parcels travel to the customer or pickup store (collected at the
 *                          store: 0)
 * @param shadowKm          the same for the shadow plan
 * @param livePromiseKept   whether the live plan ships every unit now (nothing unsourced, no wait)
 * @param shadowPromiseKept the same for the shadow plan
 */
public record OrderDifference(OrderId order, String decidedBy, double liveCost, double shadowCost, int liveParcels,
                              int shadowParcels, double liveKm, double shadowKm, boolean livePromiseKept,
                              boolean shadowPromiseKept) {

    public OrderDifference {
        Checks.notBlank(decidedBy, "decidedBy");
    }

    /** Live cost minus shadow cost. */
    public double costDifference() {
        return liveCost - shadowCost;
    }

    /** Live parcels minus shadow parcels. */
    public int parcelDifference() {
        return liveParcels - shadowParcels;
    }

    /** Live km minus shadow km. */
    public double kmDifference() {
        return liveKm - shadowKm;
    }

    /**
     * Whether the two plans differ in any measure; costs and km closer than a billionth of their size count as equal
     * (two engines may add the same terms in another order).
     */
    public boolean differs() {
        return apart(liveCost, shadowCost) || liveParcels != shadowParcels || apart(liveKm, shadowKm)
                || livePromiseKept != shadowPromiseKept;
    }

    private static boolean apart(double a, double b) {
        return Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
