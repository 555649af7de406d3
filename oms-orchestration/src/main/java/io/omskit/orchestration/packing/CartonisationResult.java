package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import java.util.List;
import java.util.function.Function;
import org.joda.money.Money;

/** The answer of a {@link Cartoniser}: the parcels, or why the units cannot be packed with this catalogue. */
public sealed interface CartonisationResult {

    /** Whether the units were packed. */
    default boolean isPacked() {
        return this instanceof Packed;
    }

    /** {@code packed} applied to a packing, {@code unpackable} to a refusal. */
    <R> R fold(Function<Packed, R> packed, Function<Unpackable, R> unpackable);

    /**
     * Every unit in exactly one parcel.
     *
     * @param parcels       the parcels; own boxes last
     * @param totalCost     carton costs plus parcel prices
     * @param bound         what no packing can beat, to judge {@code totalCost} by
     * @param provedOptimal whether no packing costs less: see {@link Cartoniser} for when this holds
     */
    record Packed(List<Parcel> parcels, Money totalCost, PackingBound bound, boolean provedOptimal)
            implements CartonisationResult {

        public Packed {
            parcels = Checks.list(parcels, "parcels");
            Checks.notNull(totalCost, "totalCost");
            Checks.notNull(bound, "bound");
        }

        /** Number of parcels in cartons (own boxes not counted). */
        public int cartons() {
            int n = 0;
            for (Parcel p : parcels) {
                n += p.carton().isPresent() ? 1 : 0;
            }
            return n;
        }

        @Override
        public <R> R fold(Function<Packed, R> packed, Function<Unpackable, R> unpackable) {
            return packed.apply(this);
        }
    }

    /**
     * Units no carton of the catalogue can hold even alone; nothing was packed.
     *
     * @param units one entry per SKU that fits no carton, with why
     */
    record Unpackable(List<TooBig> units) implements CartonisationResult {

        public Unpackable {
            units = Checks.list(units, "units");
        }

        @Override
        public <R> R fold(Function<Packed, R> packed, Function<Unpackable, R> unpackable) {
            return unpackable.apply(this);
        }
    }

    /**
     * A SKU that fits no carton.
     *
     * @param sku          the SKU
     * @param tooLarge     no carton's inner dimensions hold one unit, however turned
     * @param tooHeavy     one unit weighs more than every carton may hold
     */
    record TooBig(Sku sku, boolean tooLarge, boolean tooHeavy) {
        public TooBig {
            Checks.notNull(sku, "sku");
        }
    }
}
