package io.omskit.atp;

import io.omskit.core.common.Checks;
import java.time.LocalDate;

/**
 * What a product page says about stock: in stock, only a few left, back in stock on a date, or out of stock.
 *
 * @param kind   which of them
 * @param units  units the channel may source across the network now (for a bundle: complete bundles)
 * @param backOn the date stock is back, in the customer's zone, for {@link Kind#BACK_IN_STOCK}; null otherwise
 */
public record StockSignal(Kind kind, long units, LocalDate backOn) {

    /** The kinds of signal. */
    public enum Kind {
        /** Enough, and more than the low-stock threshold. */
        IN_STOCK,
        /** Enough, but no more than the low-stock threshold: "only N left". */
        ONLY_FEW_LEFT,
        /** Not enough now; inbound supply covers it from {@code backOn}. */
        BACK_IN_STOCK,
        /** Not enough now and no inbound supply covers it. */
        OUT_OF_STOCK
    }

    public StockSignal {
        Checks.notNull(kind, "kind");
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, was " + units);
        }
        if ((kind == Kind.BACK_IN_STOCK) != (backOn != null)) {
            throw new IllegalArgumentException("backOn must be given exactly for BACK_IN_STOCK, was " + backOn + " for " + kind);
        }
    }

    /** The signal as a shopper reads it, in English. */
    public String describe() {
        return switch (kind) {
            case IN_STOCK -> "in stock";
            case ONLY_FEW_LEFT -> "only " + units + " left";
            case BACK_IN_STOCK -> "back in stock on " + backOn;
            case OUT_OF_STOCK -> "out of stock";
        };
    }
}
