package io.omskit.orchestration.result;

import java.util.List;

/**
 * The plans of a wave of orders sourced together, in the order the wave was given, with the wave's totals.
 *
 * @param plans one plan per request of the wave, in the wave's order
 */
public record BatchPlan(List<SourcingPlan> plans) {

    public BatchPlan {
        plans = List.copyOf(plans);
    }

    /** Shipments beyond the first of each order, over the wave: the splits. */
    public int extraShipments() {
        int n = 0;
        for (SourcingPlan p : plans) {
            n += p.extraShipments();
        }
        return n;
    }

    /** Shipments over the wave. */
    public int shipments() {
        int n = 0;
        for (SourcingPlan p : plans) {
            n += p.shipments();
        }
        return n;
    }

    /** The total cost over the wave. */
    public double totalCost() {
        double c = 0;
        for (SourcingPlan p : plans) {
            c += p.totalCost();
        }
        return c;
    }

    /** Units planned over the wave. */
    public long plannedUnits() {
        long n = 0;
        for (SourcingPlan p : plans) {
            n += p.plannedUnits();
        }
        return n;
    }

    /** Units left unsourced over the wave. */
    public long unsourcedUnits() {
        long n = 0;
        for (SourcingPlan p : plans) {
            n += p.unsourcedUnits();
        }
        return n;
    }
}
