package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cart holds: stock held for a shopper's cart before there is an order, under a key of the cart, until it expires
 * or is released. What each operation promises is written on {@link Oms}.
 */
final class CartHolds {

    /** The longest cart id. */
    static final int MAX_CART_ID_LENGTH = 90;
    /** The longest a cart hold may last. */
    static final Duration MAX_CART_HOLD = Duration.ofDays(30);

    private final Catalog catalog;
    private final OrderValidator.Limits limits;
    private final InventoryStore inventory;
    private final StockKeeper stock;
    private final Clock clock;

    CartHolds(Catalog catalog, OrderValidator.Limits limits, InventoryStore inventory, StockKeeper stock, Clock clock) {
        this.catalog = catalog;
        this.limits = limits;
        this.inventory = inventory;
        this.stock = stock;
        this.clock = clock;
    }

    ReservationResult hold(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
        List<Problem> problems = new ArrayList<>();
        String cartIdProblem = cartId == null || cartId.isBlank() ? "must not be blank"
                : Checks.textProblem(cartId, MAX_CART_ID_LENGTH, false);
        if (cartIdProblem != null) {
            problems.add(new Problem("cartId", Checks.quote(cartId), cartIdProblem));
        }
        if (quantities == null || quantities.isEmpty()) {
            problems.add(new Problem("quantities", String.valueOf(quantities), "must hold at least one SKU"));
        } else {
            quantities.forEach((sku, qty) -> {
                String field = "quantities[" + sku + "]";
                if (sku == null) {
                    problems.add(new Problem("quantities", "null", "must not have a null SKU"));
                } else if (catalog.find(sku).isEmpty()) {
                    problems.add(new Problem(field, sku.value(), "must be a SKU the catalog knows"));
                }
                if (qty == null || qty < 1 || qty > limits.maxLineQuantity()) {
                    problems.add(new Problem(field, String.valueOf(qty), "must be from 1 to " + limits.maxLineQuantity()));
                }
            });
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_CART_HOLD) > 0) {
            problems.add(new Problem("ttl", String.valueOf(ttl), "must be positive and at most " + MAX_CART_HOLD));
        }
        if (problems.isEmpty()) {
            stock.stockUnitTotals(quantities).forEach((sku, n) -> {
                if (n > limits.maxStockUnitsPerSku()) {
                    problems.add(new Problem("quantities", sku + " x " + n, "must need at most " + limits.maxStockUnitsPerSku()
                            + " stock units of one SKU"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("cart hold " + (cartId == null ? "" : Checks.quote(cartId)), problems);
        }
        List<ReservationLine> lines = stock.reservationLines(quantities);
        return inventory.reserve(new ReservationRequest(key(cartId), "cart " + cartId, lines, clock.instant().plus(ttl)));
    }

    Optional<Reservation> release(String cartId) {
        return inventory.release(key(cartId));
    }

    int expire() {
        return inventory.expireReservations(clock.instant()).size();
    }

    private static ReservationKey key(String cartId) {
        return new ReservationKey("cart-" + cartId);
    }
}
