package io.omskit.benchmarks.sourcing;

import io.omskit.orchestration.result.BatchPlan;
import io.omskit.orchestration.result.SourcingPlan;
import io.omskit.orchestration.demand.SourcingRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch against one-by-one sourcing on the {@link ReferenceInstance} ({@code ASSORTED} stock): the same 10,000 orders
 * and the same stock, planned first come, first served ({@code planOneByOne}) and as one wave ({@code planBatch}),
 * in four scenarios: a wave of ordinary orders at full stock ({@code stockScale} 1), at 10% and at 3% of it, and a
 * backlog after a stock receipt (200 SKUs that were out of stock arrive at the national DCs, 10,000 orders waited
 * for them). For each it also prints a bound no wave can beat: every order planned alone against the whole
 * snapshot, as if no other order competed for stock (not a proof: a wave could beat it by planning fewer units or by
 * preferring fewer shipments over cost, which batch planning does when it chooses locations), and a line for the
 * four scenarios together. Run:
 * <pre>java -Xmx3g -cp oms-benchmarks/target/benchmarks.jar io.omskit.benchmarks.sourcing.BatchSplitReport</pre>
 */
public final class BatchSplitReport {

    private BatchSplitReport() {
    }

    public static void main(String[] args) {
        System.out.println("scenario       mode                 shipments  extraShipments  plannedUnits  unsourced  totalCost  seconds");
        long[] sums = new long[3];
        for (String scenario : new String[] {"stock 1.00", "stock 0.10", "stock 0.03", "backlog"}) {
            ReferenceInstance instance = ReferenceInstance.build(7, scenario.equals("backlog") ? 1.0
                    : Double.parseDouble(scenario.substring(6)), ReferenceInstance.Profile.ASSORTED);
            List<SourcingRequest> wave = scenario.equals("backlog") ? instance.backlog(10_000, 200)
                    : instance.orders(10_000, "wave-");
            long t0 = System.nanoTime();
            BatchPlan oneByOne = instance.engine.planOneByOne(wave, instance.stock);
            long t1 = System.nanoTime();
            BatchPlan together = instance.engine.planBatch(wave, instance.stock);
            long t2 = System.nanoTime();
            List<SourcingPlan> alone = new ArrayList<>();
            for (SourcingRequest r : wave) {
                alone.add(instance.engine.plan(r, instance.stock));
            }
            print(scenario, "one-by-one", oneByOne, t1 - t0);
            print(scenario, "batch", together, t2 - t1);
            print(scenario, "bound: no competition", new BatchPlan(alone), 0);
            System.out.printf("%-13s  extra shipments %d -> %d: %.1f%% fewer (the bound allows at most %.1f%% fewer)%n",
                    scenario, oneByOne.extraShipments(), together.extraShipments(),
                    100.0 * (oneByOne.extraShipments() - together.extraShipments()) / Math.max(1, oneByOne.extraShipments()),
                    100.0 * (oneByOne.extraShipments() - new BatchPlan(alone).extraShipments()) / Math.max(1, oneByOne.extraShipments()));
            if (together.plannedUnits() < oneByOne.plannedUnits()) {
                System.out.printf("%-13s  FAIRNESS: the batch planned %d units, one-by-one %d%n", scenario,
                        together.plannedUnits(), oneByOne.plannedUnits());
            }
            sums[0] += oneByOne.extraShipments();
            sums[1] += together.extraShipments();
            sums[2] += new BatchPlan(alone).extraShipments();
        }
        System.out.printf("all scenarios  extra shipments %d -> %d: %.1f%% fewer (the bound allows at most %.1f%% fewer)%n",
                sums[0], sums[1], 100.0 * (sums[0] - sums[1]) / Math.max(1, sums[0]),
                100.0 * (sums[0] - sums[2]) / Math.max(1, sums[0]));
    }

    private static void print(String scenario, String mode, BatchPlan plan, long nanos) {
        System.out.printf("%-13s  %-21s  %9d  %14d  %12d  %9d  %9.0f  %7.1f%n", scenario, mode, plan.shipments(),
                plan.extraShipments(), plan.plannedUnits(), plan.unsourcedUnits(), plan.totalCost(), nanos / 1e9);
    }
}
