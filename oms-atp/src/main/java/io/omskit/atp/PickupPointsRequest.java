package io.omskit.atp;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A shopper asks: which stores near me can give me this cart, and from when?
 *
 * @param lines   at least one line, ids unique
 * @param channel the channel whose stock the shopper sees; never null
 * @param near    where the shopper is (or the address they typed); never null
 * @param maxKm   how far a store may be, in km: above 0, at most 40,000
 * @param limit   the most stores in the answer, from 1 to {@value #MAX_LIMIT}
 * @param now     the moment of the question, from {@link Checks#EARLIEST_MOMENT} to {@link Checks#LATEST_MOMENT};
 *                null for the {@link Atp}'s clock
 */
public record PickupPointsRequest(List<CartLine> lines, Channel channel, GeoPoint near, double maxKm, int limit,
                                  Instant now) {

    /** The most stores one answer may list. */
    public static final int MAX_LIMIT = 1_000;
    /** The radius of {@link #of}: 50 km. */
    public static final double DEFAULT_MAX_KM = 50;
    /** The number of stores of {@link #of}: 10. */
    public static final int DEFAULT_LIMIT = 10;

    /**
     * Checks the components.
     *
     * @throws ValidationException naming every field that breaks its rule
     */
    public PickupPointsRequest {
        List<Problem> problems = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            problems.add(new Problem("lines", lines == null ? "null" : "[]", "must name at least one line"));
        } else {
            Set<String> ids = new HashSet<>();
            for (CartLine l : lines) {
                if (l == null) {
                    problems.add(new Problem("lines", "null", "must not hold a null line"));
                } else if (!ids.add(l.id())) {
                    problems.add(new Problem("lines", l.id(), "must have unique ids, this one appears twice"));
                }
            }
        }
        if (channel == null) {
            problems.add(new Problem("channel", "null", "must be given"));
        }
        if (near == null) {
            problems.add(new Problem("near", "null", "must be given: where the shopper is"));
        }
        if (!(maxKm > 0 && maxKm <= 40_000)) {
            problems.add(new Problem("maxKm", String.valueOf(maxKm), "must be above 0 and at most 40000 km"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new Problem("limit", String.valueOf(limit), "must be from 1 to " + MAX_LIMIT));
        }
        if (now != null && (now.isBefore(Checks.EARLIEST_MOMENT) || now.isAfter(Checks.LATEST_MOMENT))) {
            problems.add(new Problem("now", now.toString(), "must be from " + Checks.EARLIEST_MOMENT + " to "
                    + Checks.LATEST_MOMENT));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("pickup points request", problems);
        }
        lines = List.copyOf(lines);
    }

    /**
     * The stores within {@value #DEFAULT_MAX_KM} km of {@code near} that could give {@code lines} on {@code channel},
     * at most {@value #DEFAULT_LIMIT} of them, asked now.
     */
    public static PickupPointsRequest of(Channel channel, List<CartLine> lines, GeoPoint near) {
        return new PickupPointsRequest(lines, channel, near, DEFAULT_MAX_KM, DEFAULT_LIMIT, null);
    }

    /** This question with stores up to {@code km} away. */
    public PickupPointsRequest withinKm(double km) {
        return new PickupPointsRequest(lines, channel, near, km, limit, now);
    }

    /** This question answered with at most {@code stores} stores. */
    public PickupPointsRequest atMost(int stores) {
        return new PickupPointsRequest(lines, channel, near, maxKm, stores, now);
    }

    /** This question asked at {@code time}. */
    public PickupPointsRequest at(Instant time) {
        return new PickupPointsRequest(lines, channel, near, maxKm, limit, time);
    }
}
