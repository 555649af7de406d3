package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the carrier reported of a booked parcel: every distinct report, and what they say together. Everything here
 * follows from the set of reports alone, whatever order they arrived in and however often.
 *
 * @param reports          each distinct report (carrier, tracking number, time, status), oldest first
 * @param expectedDelivery the carrier's latest estimate of the delivery day (from the newest report that gave one), or
 *                         the quoted one when no report gave any; null when unknown
 */
public record ParcelTracking(List<TrackingEvent> reports, LocalDate expectedDelivery) {

    /** The most reports kept per parcel; older ones beyond it are dropped (their status is long superseded). */
    public static final int MAX_REPORTS = 500;

    /** Oldest first; reports at the same moment in the order of the vocabulary, so the order never depends on arrival. */
    static final Comparator<TrackingEvent> CHRONOLOGICAL = Comparator.comparing(TrackingEvent::occurredAt)
            .thenComparing(TrackingEvent::status).thenComparing(TrackingEvent::detail);

    public ParcelTracking {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** Nothing reported yet; the carrier's quote expects delivery on {@code quoted} (may be null). */
    public static ParcelTracking expecting(LocalDate quoted) {
        return new ParcelTracking(List.of(), quoted);
    }

    /** Whether {@code report} is known already. */
    public boolean knows(TrackingEvent report) {
        for (TrackingEvent r : reports) {
            if (r.sameReport(report)) {
                return true;
            }
        }
        return false;
    }

    /**
     * These reports and {@code report}; {@code quoted} is the delivery day expected at booking, used while no report gave
     * an estimate.
     */
    ParcelTracking with(TrackingEvent report, LocalDate quoted) {
        Checks.notNull(report, "report");
        if (knows(report)) {
            return this;
        }
        List<TrackingEvent> all = new ArrayList<>(reports.size() + 1);
        all.addAll(reports);
        all.add(report);
        all.sort(CHRONOLOGICAL);
        if (all.size() > MAX_REPORTS) {
            all = all.subList(all.size() - MAX_REPORTS, all.size());
        }
        LocalDate expected = quoted;
        for (TrackingEvent r : all) {
            if (r.estimatedDelivery() != null) {
                expected = r.estimatedDelivery();
            }
        }
        return new ParcelTracking(all, expected);
    }

    /** The newest report; null when nothing was reported. */
    public TrackingEvent latest() {
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    /** Where the parcel is now, as the newest report says; {@link TrackingStatus#PRE_TRANSIT} before any report. */
    public TrackingStatus status() {
        TrackingEvent latest = latest();
        return latest == null ? TrackingStatus.PRE_TRANSIT : latest.status();
    }

    /** When the carrier first reported it delivered; null when it has not. */
    public Instant deliveredAt() {
        for (TrackingEvent r : reports) {
            if (r.status() == TrackingStatus.DELIVERED) {
                return r.occurredAt();
            }
        }
        return null;
    }

    /** The day (UTC) the carrier first reported it delivered; null when it has not. */
    public LocalDate deliveredOn() {
        Instant at = deliveredAt();
        return at == null ? null : at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Whether any report says the carrier has (or had) the parcel. */
    public boolean handedOver() {
        for (TrackingEvent r : reports) {
            if (r.status().handedOver()) {
                return true;
            }
        }
        return false;
    }
}
