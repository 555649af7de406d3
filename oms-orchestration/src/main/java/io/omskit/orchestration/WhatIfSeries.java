package io.omskit.orchestration;

import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.explain.LocationVerdict;
import io.omskit.orchestration.internal.Planner;
import io.omskit.orchestration.result.Completion;
import io.omskit.orchestration.stock.StockSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * What-ifs in a row about one set of items (a cart's promise for each delivery method): each answer is the one
 * {@link SourcingEngine#planIfComplete} gives, and where the items' stock lies (which locations hold what) is worked
 * out once for questions about the same items against the same stock. Not thread-safe: one series per caller and
 * thread, kept for as long as its questions last. Obtain one from {@link SourcingEngine#whatIfSeries()}.
 */
public final class WhatIfSeries {

    private final SourcingEngine engine;
    private final Planner.Series series;

    WhatIfSeries(SourcingEngine engine, Planner.Series series) {
        this.engine = engine;
        this.series = series;
    }

    /** As {@link SourcingEngine#planIfComplete}: the plan when one sourcing every unit may exist, or why none can. */
    public Completion planIfComplete(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return engine.planIfComplete(request, snapshot, now, series);
    }

    /**
     * As {@link SourcingEngine#firstExclusion}; when the series' last question was {@code request} (the same object)
     * against {@code snapshot} at {@code now} and found no complete plan possible, from what that question judged.
     */
    public Optional<LocationVerdict> firstExclusion(SourcingRequest request, StockSnapshot snapshot, Instant now) {
        return engine.firstExclusion(request, snapshot, now, series);
    }
}
