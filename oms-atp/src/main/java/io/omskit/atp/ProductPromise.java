package io.omskit.atp;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.order.DeliveryMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answer for a product page: the stock signal and a promise per delivery method.
 *
 * @param sku      the product
 * @param quantity the units asked for
 * @param at       the moment the promise was computed for
 * @param signal   what to say about stock
 * @param methods  one promise per delivery method the {@link Atp} offers, in its order
 */
public record ProductPromise(Sku sku, int quantity, Instant at, StockSignal signal, List<MethodPromise> methods) {

    public ProductPromise {
        Checks.notNull(sku, "sku");
        Checks.notNull(at, "at");
        Checks.notNull(signal, "signal");
        methods = List.copyOf(Checks.notNull(methods, "methods"));
    }

    /** The promise of {@code method}, if the {@link Atp} offers it. */
    public Optional<MethodPromise> method(DeliveryMethod method) {
        for (MethodPromise m : methods) {
            if (m.method() == method) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
