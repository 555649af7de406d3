package io.omskit.reporting.measure;

import java.time.LocalDate;

/**
 * Rejections by locations (a store refusing an order or picking short): units refused ({@code FulfilmentRejected}) per
 * location and reason as the location gave it, stamped on the day of the refusal.
 *
 * @param from         the first day of the bucket
 * @param to           the last day of the bucket
 * @param location     the location that refused
 * @param reason       its reason
 * @param fulfilments  fulfilments with units refused
 * @param units        units refused
 * @param whole        of those fulfilments, how many were refused entirely
 */
public record Rejections(LocalDate from, LocalDate to, String location, String reason, long fulfilments, long units,
                         long whole) {
}
