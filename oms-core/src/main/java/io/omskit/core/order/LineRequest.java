package io.omskit.core.order;

import io.omskit.core.catalog.Sku;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.money.Money;

/**
 * One line as a channel sends it. Deliberately lenient: {@link OrderValidator} reports every problem of a request at once.
 *
 * @param id        line id, unique within the request
 * @param sku       what is ordered
 * @param quantity  how many
 * @param unitPrice price of one unit
 * @param discounts line discounts; null means none
 * @param seller    marketplace seller; required on the marketplace channel
 */
public record LineRequest(LineId id, Sku sku, int quantity, Money unitPrice, List<Adjustment> discounts, SellerRef seller) {

    public LineRequest {
        // null elements kept, for the validator to report
        discounts = discounts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(discounts));
    }

    /** A line without discounts or seller. */
    public static LineRequest of(String id, String sku, int quantity, Money unitPrice) {
        return new LineRequest(LineId.of(id), Sku.of(sku), quantity, unitPrice, List.of(), null);
    }

    /** This line with a line discount. */
    public LineRequest withDiscount(String code, Money amount) {
        var more = new ArrayList<>(discounts);
        more.add(Adjustment.of(code, amount));
        return new LineRequest(id, sku, quantity, unitPrice, more, seller);
    }

    /** This line sold by a marketplace seller. */
    public LineRequest soldBy(String sellerRef) {
        return new LineRequest(id, sku, quantity, unitPrice, discounts, SellerRef.of(sellerRef));
    }
}
