package io.omskit.atp;

import io.omskit.core.common.Checks;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "which stores near me can give me this cart, from when", ranked: first the stores that give the whole
 * cart, by the day it is ready (in the store's time zone), nearer first among those ready the same day, then sooner;
 * then the stores that give only part of it, fewer missing lines first, then nearer.
 *
 * @param askedAt the moment of the question
 * @param points  the stores, ranked; empty when no store within reach can collect
 */
public record PickupPoints(Instant askedAt, List<PickupPoint> points) {

    public PickupPoints {
        Checks.notNull(askedAt, "askedAt");
        points = List.copyOf(points);
    }

    /** The stores that give the whole cart one way or the other, in rank order. */
    public List<PickupPoint> complete() {
        return points.stream().filter(PickupPoint::givesAll).toList();
    }
}
