package io.omskit.orchestration.engine.staged;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.rules.DailyCapacityFilter;
import io.omskit.orchestration.rules.EnoughStockFilter;
import io.omskit.orchestration.rules.LocationTypeFilter;
import io.omskit.orchestration.rules.MaxDistanceFilter;
import io.omskit.orchestration.rules.OpenNowFilter;
import io.omskit.orchestration.spi.FilterRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stage of staged routing: the locations its filters let through (on top of the rule book's own filters), the
 * order it prefers them in, how many parcels it allows, and what happens when it finds no plan sourcing every unit.
 *
 * <pre>{@code
 * Stage nearby = Stage.named("stores-nearby")
 *         .locationTypes(LocationType.STORE).maxKm(30)
 *         .sort(StageSort.distance()).split(StageSplit.none())
 *         .whenNothing(WhenNothing.waitFor(Duration.ofHours(2)))
 *         .build();
 * }</pre>
 *
 * @param name        the stage's name, shown in explanations and shadow reports; not blank
 * @param filters     filters from the rule library (or the retailer's own), names unique within the stage
 * @param sort        which plan the stage prefers
 * @param split       how many parcels it allows
 * @param whenNothing what happens when it finds nothing (for a stage that ships what it finds: to the units it
 *                    does not find)
 * @param shipsWhatItFinds whether the stage ships the units it finds and hands only the rest on ("stores near me with
 *                    any of it, then warehouses for the rest"): whole units of plain lines, bundle lines only whole;
 *                    otherwise it ships every unit or nothing
 */
public record Stage(String name, List<FilterRule> filters, StageSort sort, StageSplit split, WhenNothing whenNothing,
                    boolean shipsWhatItFinds) {

    public Stage {
        Checks.notBlank(name, "name");
        filters = List.copyOf(Checks.notNull(filters, "filters"));
        Checks.notNull(sort, "sort");
        Checks.notNull(split, "split");
        Checks.notNull(whenNothing, "whenNothing");
        Set<String> names = new HashSet<>();
        for (FilterRule f : filters) {
            if (!names.add(Checks.notBlank(Checks.notNull(f, "filter").name(), "filter name"))) {
                throw new IllegalArgumentException("stage '" + name + "': filter names must be unique, '" + f.name()
                        + "' appears twice");
            }
        }
    }

    /** A stage that ships every unit or nothing. */
    public Stage(String name, List<FilterRule> filters, StageSort sort, StageSplit split, WhenNothing whenNothing) {
        this(name, filters, sort, split, whenNothing, false);
    }

    /**
     * A builder of a stage named {@code name}: no filters, cheapest first, any split, next stage when nothing, every
     * unit or nothing.
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        List<String> f = new ArrayList<>();
        filters.forEach(r -> f.add(r.name()));
        return "'" + name + "' " + f + ", " + sort + ", " + split + (shipsWhatItFinds ? ", ships what it finds" : "")
                + ", then " + whenNothing;
    }

    /** Builds a {@link Stage}. */
    public static final class Builder {
        private final String name;
        private final List<FilterRule> filters = new ArrayList<>();
        private StageSort sort = StageSort.cost();
        private StageSplit split = StageSplit.any();
        private WhenNothing whenNothing = WhenNothing.nextStage();
        private boolean shipsWhatItFinds;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a filter of the rule library, or the retailer's own. */
        public Builder filter(FilterRule filter) {
            filters.add(Checks.notNull(filter, "filter"));
            return this;
        }

        /** Only locations of these types ({@link LocationTypeFilter}, for every channel and method). */
        public Builder locationTypes(LocationType... types) {
            return filter(new LocationTypeFilter(List.of(new LocationTypeFilter.Allowance(null, null, Set.of(types)))));
        }

        /** Only locations within {@code km} of the destination ({@link MaxDistanceFilter}). */
        public Builder maxKm(double km) {
            return filter(new MaxDistanceFilter(km));
        }

        /** Only locations holding each line whole, after safety stock ({@link EnoughStockFilter#wholeLine()}). */
        public Builder wholeLinesInStock() {
            return filter(EnoughStockFilter.wholeLine());
        }

        /** Only locations open now ({@link OpenNowFilter}). */
        public Builder openNow() {
            return filter(new OpenNowFilter());
        }

        /** Only locations with daily capacity left ({@link DailyCapacityFilter}). */
        public Builder withCapacity() {
            return filter(new DailyCapacityFilter());
        }

        /** Which plan the stage prefers. */
        public Builder sort(StageSort sort) {
            this.sort = Checks.notNull(sort, "sort");
            return this;
        }

        /** How many parcels the stage allows. */
        public Builder split(StageSplit split) {
            this.split = Checks.notNull(split, "split");
            return this;
        }

        /** What the stage does when it finds nothing. */
        public Builder whenNothing(WhenNothing whenNothing) {
            this.whenNothing = Checks.notNull(whenNothing, "whenNothing");
            return this;
        }

        /**
         * The stage ships the units it finds and hands the rest on, as {@link #whenNothing} says (to the next stage by
         * default).
         */
        public Builder shipWhatItFinds() {
            this.shipsWhatItFinds = true;
            return this;
        }

        /**
         * The stage.
         *
         * @throws IllegalArgumentException when the name is blank or two filters share a name
         */
        public Stage build() {
            return new Stage(name, filters, sort, split, whenNothing, shipsWhatItFinds);
        }
    }
}
