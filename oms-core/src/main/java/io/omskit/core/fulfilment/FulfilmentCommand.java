package io.omskit.core.fulfilment;

/** The commands a fulfilment accepts; which are allowed depends on its {@link FulfilmentStatus} and kind. */
public enum FulfilmentCommand {
    ACCEPT, REJECT, START_PICKING, PACK, SHIP, ARRIVE, COLLECT, DELIVER, EXPIRE, CANCEL
}
