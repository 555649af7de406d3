package io.omskit.atp;

import io.omskit.core.common.Checks;
import io.omskit.core.order.DeliveryMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answer for a cart: per delivery method whether the whole cart comes together or in parts, each part's
 * window, and the charge; and a stock signal per line.
 *
 * @param at      the moment the promise was computed for
 * @param signals one stock signal per cart line, in the cart's order
 * @param methods one promise per delivery method the {@link Atp} offers
 */
public record CartPromise(Instant at, List<StockSignal> signals, List<MethodPromise> methods) {

    public CartPromise {
        Checks.notNull(at, "at");
        signals = List.copyOf(Checks.notNull(signals, "signals"));
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
