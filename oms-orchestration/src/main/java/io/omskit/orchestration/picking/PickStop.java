package io.omskit.orchestration.picking;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.FulfilmentId;

/**
 * One stop of a walking order: take {@code quantity} units of {@code sku} from {@code bin} for {@code fulfilment}
 * (in a batch, the tote it goes into).
 */
public record PickStop(BinAddress bin, Sku sku, int quantity, FulfilmentId fulfilment) {

    public PickStop {
        Checks.notNull(bin, "bin");
        Checks.notNull(sku, "sku");
        Checks.positive(quantity, "quantity");
        Checks.notNull(fulfilment, "fulfilment");
    }
}
