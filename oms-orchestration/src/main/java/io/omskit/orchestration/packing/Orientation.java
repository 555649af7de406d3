package io.omskit.orchestration.packing;

import io.omskit.core.catalog.Dimensions;

/**
 * How a unit lies in its carton: which of its own length (L), width (W) and height (H) runs along the carton's
 * x (length), y (width) and z (height, up) axes. {@code WHL} puts the unit's width along x, height along y and length
 * upright.
 */
public enum Orientation {
    LWH, LHW, WLH, WHL, HLW, HWL;

    /** The extent of a unit of {@code size} along the carton's x, y and z axes when lying this way. */
    public Dimensions apply(Dimensions size) {
        int l = size.lengthMm();
        int w = size.widthMm();
        int h = size.heightMm();
        return switch (this) {
            case LWH -> new Dimensions(l, w, h);
            case LHW -> new Dimensions(l, h, w);
            case WLH -> new Dimensions(w, l, h);
            case WHL -> new Dimensions(w, h, l);
            case HLW -> new Dimensions(h, l, w);
            case HWL -> new Dimensions(h, w, l);
        };
    }
}
