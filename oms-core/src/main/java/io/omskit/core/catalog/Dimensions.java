package io.omskit.core.catalog;

import io.omskit.core.common.Checks;

/**
 * Outer dimensions of one unit as shipped, in millimetres.
 */
public record Dimensions(int lengthMm, int widthMm, int heightMm) {

    public Dimensions {
        Checks.positive(lengthMm, "lengthMm");
        Checks.positive(widthMm, "widthMm");
        Checks.positive(heightMm, "heightMm");
    }

    /** Dimensions from length, width and height in millimetres. */
    public static Dimensions ofMillimetres(int length, int width, int height) {
        return new Dimensions(length, width, height);
    }

    /** Volume in cubic millimetres. */
    public long volumeMm3() {
        return (long) lengthMm * widthMm * heightMm;
    }
}
