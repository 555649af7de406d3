package io.omskit.core;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import java.time.Duration;
import java.util.Map;

/**
 * What a cart's hold should be from now on: the cart as it is (every SKU with its quantity, not a difference), how
 * long to hold it, where (anywhere in the network, or on one pickup store's shelf for express click and collect), and
 * the key that makes a retried edit apply once. Checked by {@link CartHolds#hold(CartEdit)}, which names every bad
 * field; the record itself only carries them.
 *
 * @param cartId      the storefront's cart id: 1 to {@link Oms#MAX_CART_ID_LENGTH} characters, one line
 * @param quantities  every SKU of the cart with its quantity (1 to the line limit); bundles are held as their parts
 * @param ttl         how long the hold lasts from now, positive, at most {@link Oms#MAX_CART_HOLD}
 * @param pickupStore the store whose own stock is held (express click and collect); null for anywhere in the network
 * @param editKey     the idempotency key of this edit (a retry after a crash with the same key changes nothing more);
 *                    null for a fresh key, which makes the call safe to retry only while no other edit came between
 */
public record CartEdit(String cartId, Map<Sku, Integer> quantities, Duration ttl, LocationId pickupStore, String editKey) {

    /** The cart held anywhere in the network, under a fresh edit key. */
    public static CartEdit of(String cartId, Map<Sku, Integer> quantities, Duration ttl) {
        return new CartEdit(cartId, quantities, ttl, null, null);
    }

    /** This edit holding the units on {@code store}'s own shelf (express click and collect). */
    public CartEdit collectAt(LocationId store) {
        return new CartEdit(cartId, quantities, ttl, store, editKey);
    }

    /** This edit under the caller's idempotency key. */
    public CartEdit withKey(String key) {
        return new CartEdit(cartId, quantities, ttl, pickupStore, key);
    }
}
