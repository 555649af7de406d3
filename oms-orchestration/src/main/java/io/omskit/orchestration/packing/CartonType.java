package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * A carton a location packs into.
 *
 * @param code                   the carton's name in the catalogue, such as {@code "S2"}; not blank
 * @param inner                  inner dimensions: what units must fit in
 * @param outer                  outer dimensions: what the carrier measures; at least {@code inner} on every side
 * @param emptyWeightGrams       weight of the empty carton, at least 0
 * @param maxContentWeightGrams  most weight of units it may hold, at least 1
 * @param cost                   what one carton (and its fill) costs; not negative
 */
public record CartonType(String code, Dimensions inner, Dimensions outer, int emptyWeightGrams,
                         int maxContentWeightGrams, Money cost) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the field, value and rule
     */
    public CartonType {
        Checks.notBlank(code, "code");
        Checks.notNull(inner, "inner");
        Checks.notNull(outer, "outer");
        Checks.notNegative(emptyWeightGrams, "emptyWeightGrams");
        Checks.positive(maxContentWeightGrams, "maxContentWeightGrams");
        Checks.notNull(cost, "cost");
        if (outer.lengthMm() < inner.lengthMm() || outer.widthMm() < inner.widthMm()
                || outer.heightMm() < inner.heightMm()) {
            throw new IllegalArgumentException("outer of carton " + code + " must be at least inner on every side, was "
                    + outer + " for inner " + inner);
        }
        if (cost.isNegative()) {
            throw new IllegalArgumentException("cost of carton " + code + " must not be negative, was " + cost);
        }
    }

    /** A carton whose walls are thin enough to ignore: outer equals inner, weighing nothing empty. */
    public static CartonType of(String code, Dimensions inner, int maxContentWeightGrams, Money cost) {
        return new CartonType(code, inner, inner, 0, maxContentWeightGrams, cost);
    }

    long innerVolumeMm3() {
        return inner.volumeMm3();
    }
}
