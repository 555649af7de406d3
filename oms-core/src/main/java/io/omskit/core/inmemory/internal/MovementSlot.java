package io.omskit.core.inmemory.internal;

import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;

/** What a movement key was used for. Its monitor is taken before allocation and reservation monitors. */
final class MovementSlot extends Claim {

    StockMovement movement;
    /** The adjustment it recorded; null for a shipment. */
    StockAdjustment adjustment;
    /** The allocation a shipment drew on; null for an adjustment. */
    AllocationKey shippedFrom;
}
