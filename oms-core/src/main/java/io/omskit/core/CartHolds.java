package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationChange;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.Network;
import io.omskit.core.order.OrderValidator;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cart holds: stock held for a shopper's cart before there is an order, under the cart's id, until it lapses or is
 * released. A hold follows the cart: each {@link #hold} sets it to the cart as it is now (grown, shrunk, lines
 * replaced) and restarts its time to live, all or nothing; {@link #extend} restarts the time only. Not enough stock is
 * an answer ({@link ReservationResult.Insufficient} naming each SKU short and by how much), and the hold is then
 * exactly as it was. A hold lapses at its expiry: from that moment its units are for sale again, on every read and
 * reservation, without waiting for {@link #expire()}. An order placed for the cart ({@link #placeOrder}) takes over the
 * cart's units, so it never fails for lack of stock the cart holds. Thread-safe; reached through {@link Oms#carts()}.
 */
public final class CartHolds {

    /** The longest cart id. */
    static final int MAX_CART_ID_LENGTH = 90;
    /** The longest a cart hold may last. */
    static final Duration MAX_CART_HOLD = Duration.ofDays(30);

    private final Catalog catalog;
    private final Network network;
    private final OrderValidator.Limits limits;
    private final InventoryStore inventory;
    private final StockKeeper stock;
    private final Placement placement;
    private final Clock clock;
    private final String process = UUID.randomUUID().toString().substring(0, 13);
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();

    CartHolds(Catalog catalog, Network network, OrderValidator.Limits limits, InventoryStore inventory, StockKeeper stock,
              Placement placement, Clock clock) {
        this.catalog = catalog;
        this.network = network;
        this.limits = limits;
        this.inventory = inventory;
        this.stock = stock;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * Holds the cart's SKUs anywhere in the network for {@code ttl}: the first hold, or the cart's hold set to these
     * quantities (see {@link #hold(CartEdit)}).
     */
    public ReservationResult hold(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
        return hold(CartEdit.of(cartId, quantities, ttl));
    }

    /**
     * Sets the cart's hold to {@code edit}: afterwards it holds exactly the edit's quantities (bundles as their parts)
     * at the edit's place until {@code ttl} from now, or, when stock is short, nothing changed and the answer lists
     * the shortages. The units the cart holds already count as its own: shrinking always succeeds and frees the units
     * at once, growing needs only the extra units. A cart whose hold was released or lapsed is held anew. A retry
     * with the same edit key changes nothing more and answers with the hold as it is ({@code replayed} true).
     *
     * @return {@link ReservationResult.Reserved} with the hold, or {@link ReservationResult.Insufficient}
     * @throws ValidationException naming every bad field (cart id, SKUs, quantities, ttl, pickup store, key); nothing
     *                             changed
     * @throws io.omskit.core.spi.SpiException when the inventory store failed; retry with the same edit key
     */
    public ReservationResult hold(CartEdit edit) {
        Checks.notNull(edit, "edit");
        List<Problem> problems = new ArrayList<>();
        cartIdProblem(edit.cartId(), problems);
        Map<Sku, Integer> quantities = edit.quantities();
        if (quantities == null || quantities.isEmpty()) {
            problems.add(new Problem("quantities", String.valueOf(quantities), "must hold at least one SKU; release the cart instead"));
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
        ttlProblem(edit.ttl(), problems);
        LocationId store = edit.pickupStore();
        if (store != null) {
            Optional<Location> found = network.find(store);
            if (found.isEmpty() || !found.get().can(Capability.PICKUP)) {
                problems.add(new Problem("pickupStore", store.value(), "must be a location of the network that customers collect from"));
            }
        }
        if (edit.editKey() != null) {
            String keyProblem = edit.editKey().isBlank() ? "must not be blank" : Checks.textProblem(edit.editKey(), 100, false);
            if (keyProblem != null) {
                problems.add(new Problem("editKey", Checks.quote(edit.editKey()), keyProblem));
            }
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
            throw new ValidationException("cart hold " + (edit.cartId() == null ? "" : Checks.quote(edit.cartId())), problems);
        }
        List<ReservationLine> lines = stock.reservationLines(quantities);
        if (store != null) {
            List<ReservationLine> atStore = new ArrayList<>(lines.size());
            for (ReservationLine l : lines) {
                atStore.add(ReservationLine.at(l.sku(), store, l.quantity()));
            }
            lines = atStore;
        }
        return inventory.change(new ReservationChange(key(edit.cartId()), editKey(edit.editKey()), reference(edit.cartId()),
                lines, clock.instant().plus(edit.ttl())));
    }

    /**
     * Restarts the cart's time to live (a shopper's activity): the hold keeps its lines and lapses {@code ttl} from
     * now. A hold that was released or lapsed is held again with the lines it last had, when stock allows.
     *
     * @param editKey the idempotency key of this extension; null for a fresh one
     * @return the hold, or the shortages when a lapsed hold cannot be held again (nothing changed then)
     * @throws ValidationException when the cart id or ttl is bad, or the cart was never held (or forgotten)
     */
    public ReservationResult extend(String cartId, Duration ttl, String editKey) {
        List<Problem> problems = new ArrayList<>();
        cartIdProblem(cartId, problems);
        ttlProblem(ttl, problems);
        Optional<Reservation> hold = problems.isEmpty() ? inventory.findReservation(key(cartId)) : Optional.empty();
        if (problems.isEmpty() && hold.isEmpty()) {
            problems.add(new Problem("cartId", Checks.quote(cartId), "must be a cart that holds stock or held it lately"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("extension of cart hold " + (cartId == null ? "" : Checks.quote(cartId)), problems);
        }
        return inventory.change(new ReservationChange(key(cartId), editKey(editKey), reference(cartId),
                hold.get().requested(), clock.instant().plus(ttl)));
    }

    /** {@link #extend(String, Duration, String)} under a fresh edit key. */
    public ReservationResult extend(String cartId, Duration ttl) {
        return extend(cartId, ttl, null);
    }

    /**
     * Lets go of everything the cart holds; its units are for sale at once. Idempotent. The cart can be held again.
     *
     * @return the hold after release; empty when the cart never held stock (or was forgotten)
     */
    public Optional<Reservation> release(String cartId) {
        return inventory.release(key(checkedCartId(cartId)));
    }

    /** The cart's hold in whatever status (active, released, expired, consumed by an order); empty when unknown. */
    public Optional<Reservation> find(String cartId) {
        return inventory.findReservation(key(checkedCartId(cartId)));
    }

    /**
     * Units of {@code sku} a checkout of this cart can have anywhere in the network: what is for sale plus what the
     * cart itself holds of it.
     */
    public int availableTo(String cartId, Sku sku) {
        Checks.notNull(sku, "sku");
        int own = inventory.findReservation(key(checkedCartId(cartId))).filter(Reservation::isActive)
                .map(r -> r.heldQuantity(sku)).orElse(0);
        return (int) Math.min(Integer.MAX_VALUE, (long) inventory.networkAvailable(sku) + own);
    }

    /**
     * Units of {@code sku} a checkout of this cart can have at {@code location} (a pickup store): what is for sale
     * there plus what the cart holds there.
     */
    public int availableTo(String cartId, Sku sku, LocationId location) {
        Checks.notNull(sku, "sku");
        Checks.notNull(location, "location");
        int own = 0;
        Optional<Reservation> hold = inventory.findReservation(key(checkedCartId(cartId))).filter(Reservation::isActive);
        if (hold.isPresent()) {
            for (ReservationLine l : hold.get().held()) {
                if (l.sku().equals(sku) && location.equals(l.location())) {
                    own += l.quantity();
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) inventory.position(sku, location).availableToSell() + own);
    }

    /**
     * Places an order for the cart ({@link Oms#placeOrder}): the order's reservation takes over the units the cart
     * holds of its SKUs first, so the order is never short of stock the cart holds. Once the order holds its stock
     * (confirmed or payment pending), what the cart still holds of other SKUs is released. When the payment is
     * declined, the units the order took over are released with the order's reservation (the cart holds them no
     * more): hold the cart again before the shopper pays anew. Placing again with the same channel and external
     * reference is a retry, as for {@link Oms#placeOrder}.
     *
     * @throws ValidationException when the cart id or the request is bad; nothing changed
     */
    public PlacementResult placeOrder(String cartId, PlaceOrderRequest request) {
        ReservationKey cart = key(checkedCartId(cartId));
        PlacementResult result = placement.placeOrder(request, cart);
        if (result.outcome() == PlacementResult.Outcome.CONFIRMED || result.outcome() == PlacementResult.Outcome.PAYMENT_PENDING) {
            inventory.release(cart);
        }
        return result;
    }

    /** Tidies up lapsed holds (they stopped counting when they lapsed) and publishes their release; returns how many. */
    public int expire() {
        return inventory.expireReservations(clock.instant()).size();
    }

    private static void cartIdProblem(String cartId, List<Problem> problems) {
        String problem = cartId == null || cartId.isBlank() ? "must not be blank"
                : Checks.textProblem(cartId, MAX_CART_ID_LENGTH, false);
        if (problem != null) {
            problems.add(new Problem("cartId", Checks.quote(cartId), problem));
        }
    }

    private static void ttlProblem(Duration ttl, List<Problem> problems) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_CART_HOLD) > 0) {
            problems.add(new Problem("ttl", String.valueOf(ttl), "must be positive and at most " + MAX_CART_HOLD));
        }
    }

    private static String checkedCartId(String cartId) {
        List<Problem> problems = new ArrayList<>(1);
        cartIdProblem(cartId, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException("cart " + (cartId == null ? "" : Checks.quote(cartId)), problems);
        }
        return cartId;
    }

    private String editKey(String given) {
        // unique per process and call without a random draw per edit (UUID.randomUUID contends on one lock)
        return given != null ? given : "edit-" + process + "-" + edits.incrementAndGet();
    }

    private static String reference(String cartId) {
        return "cart " + cartId;
    }

    private static ReservationKey key(String cartId) {
        return new ReservationKey("cart-" + cartId);
    }
}
