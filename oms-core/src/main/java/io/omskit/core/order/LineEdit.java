package io.omskit.core.order;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import org.joda.money.Money;

/**
 * One change to an order's lines that customer service or the storefront asks for before the goods move: a line added,
 * a line removed, or a line's quantity set. Quantities are what the customer wants from now on (not a difference), so
 * an edit asked twice means the same. The record only carries the values; {@code CustomerService.editLines} checks them
 * against the order and names every bad field before anything changes.
 *
 * @param kind      add, remove or change the quantity
 * @param line      the line added (a new id) or changed (an id of the order)
 * @param sku       the SKU of an added line; null otherwise
 * @param quantity  the units of an added line, or the units the customer keeps of a changed line (cancelled units not
 *                  counted); 0 for a removal
 * @param unitPrice the price of one unit of an added line, in the order's currency; null otherwise
 */
public record LineEdit(Kind kind, LineId line, Sku sku, int quantity, Money unitPrice) {

    /** What the edit does to its line. */
    public enum Kind {
        /** A new line, its units reserved. */
        ADD,
        /** Every unit of the line not yet on its way is cancelled. */
        REMOVE,
        /** The line keeps {@code quantity} units: more are reserved, fewer cancel the rest. */
        CHANGE_QUANTITY
    }

    public LineEdit {
        Checks.notNull(kind, "kind");
        Checks.notNull(line, "line");
    }

    /** A new line {@code line} of {@code quantity} units of {@code sku} at {@code unitPrice} each. */
    public static LineEdit add(LineId line, Sku sku, int quantity, Money unitPrice) {
        return new LineEdit(Kind.ADD, line, sku, quantity, unitPrice);
    }

    /** The line {@code line} removed: its units not yet picked are cancelled. */
    public static LineEdit remove(LineId line) {
        return new LineEdit(Kind.REMOVE, line, null, 0, null);
    }

    /** The line {@code line} keeps {@code quantity} units from now on (cancelled ones not counted). */
    public static LineEdit changeQuantity(LineId line, int quantity) {
        return new LineEdit(Kind.CHANGE_QUANTITY, line, null, quantity, null);
    }

    /** The units the line keeps after the edit: {@code quantity}, 0 for a removal. */
    public int target() {
        return kind == Kind.REMOVE ? 0 : quantity;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ADD -> "add line " + line + ": " + quantity + " x " + sku + " at " + unitPrice;
            case REMOVE -> "remove line " + line;
            case CHANGE_QUANTITY -> "line " + line + " to " + quantity + " unit(s)";
        };
    }
}
