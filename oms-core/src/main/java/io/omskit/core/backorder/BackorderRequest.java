package io.omskit.core.backorder;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.util.ArrayList;
import java.util.List;

/**
 * Units of an order line to sell beyond stock, at one location.
 *
 * @param id       idempotency key: placing the same id again replays the first answer
 * @param order    the order the units belong to
 * @param line     the order line
 * @param sku      the SKU
 * @param location where the units will arrive and be reserved
 * @param quantity units, from 1 to {@value ReservationRequest#MAX_UNITS_PER_SKU}
 * @param priority fill order: higher first, then older first; from 0 to 1000 (0 for ordinary orders)
 */
public record BackorderRequest(BackorderId id, OrderId order, LineId line, Sku sku, LocationId location, int quantity,
                               int priority) {

    /** The highest priority. */
    public static final int MAX_PRIORITY = 1000;

    /**
     * Checks every component.
     *
     * @throws ValidationException naming every field that is null or out of range
     */
    public BackorderRequest {
        List<Problem> problems = new ArrayList<>();
        notNull(problems, "id", id);
        notNull(problems, "order", order);
        notNull(problems, "line", line);
        notNull(problems, "sku", sku);
        notNull(problems, "location", location);
        if (quantity < 1 || quantity > ReservationRequest.MAX_UNITS_PER_SKU) {
            problems.add(new Problem("quantity", String.valueOf(quantity),
                    "must be from 1 to " + ReservationRequest.MAX_UNITS_PER_SKU));
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            problems.add(new Problem("priority", String.valueOf(priority), "must be from 0 to " + MAX_PRIORITY));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("backorder request", problems);
        }
    }

    /** A request of ordinary priority (0). */
    public static BackorderRequest of(String id, OrderId order, LineId line, Sku sku, LocationId location, int quantity) {
        return new BackorderRequest(BackorderId.of(id), order, line, sku, location, quantity, 0);
    }

    private static void notNull(List<Problem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new Problem(field, null, "must not be null"));
        }
    }
}
