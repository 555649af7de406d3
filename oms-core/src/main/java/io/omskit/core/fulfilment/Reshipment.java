package io.omskit.core.fulfilment;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Actor;
import io.omskit.core.order.ReshipReason;

/**
 * What makes a fulfilment a re-shipment: the units of a parcel that was lost or arrived damaged, sent again at no
 * charge. Such a fulfilment goes through the usual steps (offer, accept, pick, pack, ship, deliver) and takes its stock
 * from its location when it ships, but it never changes its order's line quantities nor moves money: its units were
 * paid and shipped once, with the original parcel.
 *
 * @param original the fulfilment whose parcel it replaces
 * @param reason   why the original parcel is made good
 * @param actor    who asked for it
 * @param key      the caller's key of the re-shipment: a second call with it finishes this one
 */
public record Reshipment(FulfilmentId original, ReshipReason reason, Actor actor, String key) {

    public Reshipment {
        Checks.notNull(original, "original");
        Checks.notNull(reason, "reason");
        Checks.notNull(actor, "actor");
        Checks.identifier(key, "key");
    }
}
